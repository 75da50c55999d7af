package peers

import (
	"strings"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"
	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"

	"parallax/internal/text"
	"parallax/rules"
)

// segmenter splits a text into sentences.
type segmenter struct {
	name  string
	split func(src string) ([]string, error)
}

var (
	engineOnce sync.Once
	engine     *text.Engine
	engineErr  error

	sentOnce sync.Once
	sentTok  *sentences.DefaultSentenceTokenizer
	sentErr  error
)

// parallaxEngine loads the text engine once, from the embedded rules.
func parallaxEngine(tb testing.TB) *text.Engine {
	tb.Helper()
	engineOnce.Do(func() { engine, engineErr = text.New(rules.FS) })
	if engineErr != nil {
		tb.Fatalf("text.New: %v", engineErr)
	}
	return engine
}

// sentencesTokenizer loads neurosnap/sentences' English model once.
func sentencesTokenizer(tb testing.TB) *sentences.DefaultSentenceTokenizer {
	tb.Helper()
	sentOnce.Do(func() { sentTok, sentErr = english.NewSentenceTokenizer(nil) })
	if sentErr != nil {
		tb.Fatalf("english.NewSentenceTokenizer: %v", sentErr)
	}
	return sentTok
}

// segmenters returns the three segmenters under comparison. Each returns its
// sentences trimmed of surrounding white space.
func segmenters(tb testing.TB) []segmenter {
	eng := parallaxEngine(tb)
	tok := sentencesTokenizer(tb)
	return []segmenter{
		{"parallax", func(src string) ([]string, error) {
			doc := eng.Analyze(src)
			out := make([]string, 0, len(doc.Sentences))
			for _, s := range doc.Sentences { // headings included
				out = append(out, strings.TrimSpace(s.In(src)))
			}
			return out, nil
		}},
		{"prose", func(src string) ([]string, error) {
			doc, err := prose.NewDocument(src, prose.WithTagging(false), prose.WithExtraction(false))
			if err != nil {
				return nil, err
			}
			ss := doc.Sentences()
			out := make([]string, 0, len(ss))
			for _, s := range ss {
				out = append(out, strings.TrimSpace(s.Text))
			}
			return out, nil
		}},
		{"sentences", func(src string) ([]string, error) {
			ss := tok.Tokenize(src)
			out := make([]string, 0, len(ss))
			for _, s := range ss {
				out = append(out, strings.TrimSpace(s.Text))
			}
			return out, nil
		}},
	}
}
