package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"parallax"
)

// BASILFile is the path of BASIL under the shared data sets directory.
// BASIL (Fan et al., EMNLP 2019) is 100 triplets of articles on one event
// from Fox News, the New York Times and HuffPost. Research use only: it is
// read from there, never committed.
const BASILFile = "basil/basil_triplets.jsonl"

// BASILArticle is one BASIL article, its body rebuilt from the sentences
// its authors split it into, with its quote annotations.
//
// BASIL annotates media bias, not quotations. Each phrase-level annotation
// marks a biased phrase in one sentence (its sentence_index, and start and
// end in code points into that sentence, with its txt) and says, among
// other things, whether the phrase is part of a quote ("quote": "yes" or
// "no") and who is quoted ("speaker"). The speaker is a label, not a span:
// an entity name with underscores ("Donald_Trump", "Vicente_Fox",
// "Democratic_lawmakers") or a stance class for anyone else ("other_anti",
// "other_pro", "other_neutral"). So a BASIL quote is a fragment of a
// quotation, with the quotation marks only when the fragment reaches them,
// and a speaker known by name only.
type BASILArticle struct {
	Triplet string // the triplet's UUID
	Source  string // "fox", "nyt" or "hpo"
	Title   string
	Text    string
	// Sentences are the spans of BASIL's sentences in Text, trimmed.
	Sentences []parallax.Span
	Quotes    []BASILQuote
	// Mismatches counts quote spans whose text differs from the recorded
	// txt after the conversion (the text is kept).
	Mismatches int
	// Unplaced counts phrase annotations without a sentence index, skipped.
	Unplaced int
}

// BASILQuote is a phrase that BASIL marks as part of a quote.
type BASILQuote struct {
	Content  parallax.Span // byte span into the article's Text
	Sentence int           // index into Sentences
	// Label is BASIL's speaker label as given ("Donald_Trump", "other_anti").
	Label string
	// Speaker is the name in Label with spaces ("Donald Trump"), or "" for
	// the other_* classes, which name nobody.
	Speaker string
}

// GoldQuotes returns the article's quotes as gold [Quote]s for [ScoreSpeakers],
// only those with a named speaker when namedOnly is set. They have no
// SpeakerSpan: BASIL gives no position for speakers.
func (a BASILArticle) GoldQuotes(namedOnly bool) []Quote {
	var out []Quote
	for _, q := range a.Quotes {
		if namedOnly && q.Speaker == "" {
			continue
		}
		out = append(out, Quote{Content: q.Content, Speaker: q.Speaker})
	}
	return out
}

type basilRecord struct {
	Triplet  string `json:"triplet_uuid"`
	Articles []struct {
		Source    string   `json:"source"`
		Title     string   `json:"title"`
		Sentences []string `json:"sentences"`
		Paragraph []int    `json:"paragraph_of_sentence"`
		Phrases   []struct {
			Quote    string `json:"quote"`
			Speaker  string `json:"speaker"`
			Sentence *int   `json:"sentence_index"`
			Start    int    `json:"start"`
			End      int    `json:"end"`
			Text     string `json:"txt"`
		} `json:"phrase_level_annotations"`
	} `json:"articles"`
}

// LoadBASIL reads every BASIL article from root, the shared data sets
// directory. The body is rebuilt as internal/text's BASIL test does: each
// sentence trimmed, the sentences of a paragraph joined by one space,
// paragraphs by a blank line. Quote spans, given in code points into their
// sentence, become byte spans into that body, clipped to the trimmed
// sentence.
func LoadBASIL(root string) ([]BASILArticle, error) {
	name := filepath.Join(root, BASILFile)
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	var out []BASILArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var r basilRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("eval: %s:%d: %w", name, line, err)
		}
		for _, ra := range r.Articles {
			a := BASILArticle{Triplet: r.Triplet, Source: ra.Source, Title: ra.Title}
			var b strings.Builder
			leads := make([]int, len(ra.Sentences))
			for i, s := range ra.Sentences {
				if i > 0 {
					if i < len(ra.Paragraph) && ra.Paragraph[i] != ra.Paragraph[i-1] {
						b.WriteString("\n\n")
					} else {
						b.WriteByte(' ')
					}
				}
				t := strings.TrimSpace(s)
				leads[i] = strings.Index(s, t)
				a.Sentences = append(a.Sentences, parallax.Span{Start: b.Len(), End: b.Len() + len(t)})
				b.WriteString(t)
			}
			a.Text = b.String()
			for _, p := range ra.Phrases {
				if p.Quote != "yes" {
					continue
				}
				if p.Sentence == nil {
					a.Unplaced++
					continue
				}
				i := *p.Sentence
				if i < 0 || i >= len(ra.Sentences) {
					return nil, fmt.Errorf("eval: %s:%d: %s: sentence %d of %d", name, line, ra.Source, i, len(ra.Sentences))
				}
				off := RuneOffsets(ra.Sentences[i])
				if p.Start < 0 || p.Start > p.End || p.End >= len(off) {
					return nil, fmt.Errorf("eval: %s:%d: %s: span [%d,%d] outside sentence %d", name, line, ra.Source, p.Start, p.End, i)
				}
				sent := a.Sentences[i]
				clip := func(o int) int { return sent.Start + min(max(o-leads[i], 0), sent.Len()) }
				q := BASILQuote{
					Content:  parallax.Span{Start: clip(off[p.Start]), End: clip(off[p.End])},
					Sentence: i,
					Label:    p.Speaker,
				}
				if !strings.HasPrefix(p.Speaker, "other_") {
					q.Speaker = strings.ReplaceAll(p.Speaker, "_", " ")
				}
				if q.Content.In(a.Text) != p.Text {
					a.Mismatches++
				}
				a.Quotes = append(a.Quotes, q)
			}
			out = append(out, a)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", name, err)
	}
	return out, nil
}
