package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax"
)

// PolNeARFile is the path of the PolNeAR attribution annotations under the
// shared data sets directory. PolNeAR (Newell, Margolin and Ruths, LREC
// 2018) is research use only: it is read from there, never committed.
const PolNeARFile = "polnear/polnear_attributions.jsonl"

// PolNeARArticle is one PolNeAR article: its text and its attributions,
// every span a byte range into Text.
type PolNeARArticle struct {
	Split     string // "train", "dev" or "test"
	Filename  string
	Publisher string
	Text      string
	// Attributions are in the order of the annotation file.
	Attributions []PolNeARAttribution
	// Mismatches counts the spans whose text, after the conversion to byte
	// offsets, differs from the text the annotation records.
	Mismatches int
}

// PolNeARAttribution is one attribution relation: who (Source) said or
// thought what (Content), introduced by which words (Cue). Each part is a
// list of byte spans into the article's Text, in text order; a part may be
// discontinuous, and Source is empty for attributions of type
// "Attribution-no-source".
type PolNeARAttribution struct {
	Type    string // "Attribution" or "Attribution-no-source"
	Source  []parallax.Span
	Cue     []parallax.Span
	Content []parallax.Span
	// Speaker is the text of the source span(s), joined by a space; often
	// a pronoun ("he", "they"). Empty when there is no source.
	Speaker string
	// Direct reports whether the content is a direct quote: see [IsDirect].
	Direct bool
}

// ContentSpan returns the span covering all content pieces, from the start
// of the first to the end of the last. For a quote interrupted by its cue
// ("“A,” he said, “B.”") it covers the interruption too.
func (a PolNeARAttribution) ContentSpan() parallax.Span { return cover(a.Content) }

// SpeakerSpan returns the span covering the source pieces, or the zero Span
// when there is no source.
func (a PolNeARAttribution) SpeakerSpan() parallax.Span { return cover(a.Source) }

func cover(ss []parallax.Span) parallax.Span {
	if len(ss) == 0 {
		return parallax.Span{}
	}
	return parallax.Span{Start: ss[0].Start, End: ss[len(ss)-1].End}
}

// GoldQuotes returns the article's attributions as gold [Quote]s, the direct
// ones only when directOnly is set. Content is [PolNeARAttribution.ContentSpan];
// a pronoun speaker gets Resolved set to the nearest preceding source in
// the article that is not a pronoun (see [Quote]).
func (a PolNeARArticle) GoldQuotes(directOnly bool) []Quote {
	var out []Quote
	for i, at := range a.Attributions {
		if directOnly && !at.Direct {
			continue
		}
		q := Quote{Content: at.ContentSpan(), Speaker: at.Speaker, SpeakerSpan: at.SpeakerSpan()}
		if IsPronoun(at.Speaker) {
			q.Resolved = a.antecedent(i)
		}
		out = append(out, q)
	}
	return out
}

// antecedent returns the text of the closest source that starts before
// attribution i's source and is not a pronoun, or "".
func (a PolNeARArticle) antecedent(i int) string {
	at := a.Attributions[i].SpeakerSpan()
	best, bestStart := "", -1
	for j, b := range a.Attributions {
		s := b.SpeakerSpan()
		if j == i || b.Speaker == "" || IsPronoun(b.Speaker) || s.Start >= at.Start {
			continue
		}
		if s.Start > bestStart {
			best, bestStart = b.Speaker, s.Start
		}
	}
	return best
}

type polnearRecord struct {
	Split        string `json:"split"`
	Filename     string `json:"filename"`
	Publisher    string `json:"publisher"`
	TextFile     string `json:"text_file"`
	Attributions []struct {
		Type    string       `json:"type"`
		Source  *polnearPart `json:"source"`
		Cue     *polnearPart `json:"cue"`
		Content *polnearPart `json:"content"`
	} `json:"attributions"`
}

type polnearPart struct {
	Spans [][2]int `json:"spans"`
	Text  string   `json:"text"`
}

// LoadPolNeAR reads the PolNeAR articles of the given splits ("train",
// "dev", "test"; all when none is given) from root, the shared data sets
// directory. The annotations count Unicode code points; LoadPolNeAR turns
// them into byte offsets into Text. A span whose text differs from the
// recorded one is kept and counted in Mismatches (the data has none); a
// span outside the text is an error. The pieces of a discontinuous part
// are sorted into text order.
func LoadPolNeAR(root string, splits ...string) ([]PolNeARArticle, error) {
	name := filepath.Join(root, PolNeARFile)
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	var out []PolNeARArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var r polnearRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("eval: %s:%d: %w", name, line, err)
		}
		if len(splits) > 0 && !slices.Contains(splits, r.Split) {
			continue
		}
		a, err := polnearArticle(filepath.Join(root, "polnear"), r)
		if err != nil {
			return nil, fmt.Errorf("eval: %s:%d: %w", name, line, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", name, err)
	}
	return out, nil
}

func polnearArticle(dir string, r polnearRecord) (PolNeARArticle, error) {
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(r.TextFile)))
	if err != nil {
		return PolNeARArticle{}, err
	}
	if !utf8.Valid(b) {
		return PolNeARArticle{}, fmt.Errorf("%s: text is not UTF-8", r.TextFile)
	}
	a := PolNeARArticle{Split: r.Split, Filename: r.Filename, Publisher: r.Publisher, Text: string(b)}
	off := RuneOffsets(a.Text)
	conv := func(p *polnearPart) ([]parallax.Span, error) {
		if p == nil {
			return nil, nil
		}
		var ss []parallax.Span
		for _, sp := range p.Spans {
			if sp[0] < 0 || sp[0] > sp[1] || sp[1] >= len(off) {
				return nil, fmt.Errorf("%s: span [%d,%d] outside the text (%d code points)", r.Filename, sp[0], sp[1], len(off)-1)
			}
			ss = append(ss, parallax.Span{Start: off[sp[0]], End: off[sp[1]]})
		}
		// The recorded text joins the pieces in annotation order, which is
		// not always text order.
		if joinSpans(a.Text, ss) != p.Text {
			a.Mismatches++
		}
		slices.SortFunc(ss, func(x, y parallax.Span) int { return x.Start - y.Start })
		return ss, nil
	}
	for _, at := range r.Attributions {
		var pa PolNeARAttribution
		pa.Type = at.Type
		if pa.Source, err = conv(at.Source); err != nil {
			return a, err
		}
		if pa.Cue, err = conv(at.Cue); err != nil {
			return a, err
		}
		if pa.Content, err = conv(at.Content); err != nil {
			return a, err
		}
		pa.Speaker = joinSpans(a.Text, pa.Source)
		pa.Direct = IsDirect(a.Text, pa.ContentSpan())
		a.Attributions = append(a.Attributions, pa)
	}
	return a, nil
}

// joinSpans returns the texts of ss joined by single spaces, the way the
// annotation files record a discontinuous part.
func joinSpans(text string, ss []parallax.Span) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.In(text)
	}
	return strings.Join(parts, " ")
}

// RuneOffsets returns the byte offset of every code point of s, plus
// len(s) at the end: code point offset i is byte offset RuneOffsets(s)[i].
// Invalid UTF-8 bytes count as one code point each, as they decode to
// U+FFFD one byte at a time.
func RuneOffsets(s string) []int {
	off := make([]int, 0, len(s)+1)
	for i := range s {
		off = append(off, i)
	}
	return append(off, len(s))
}

// Quotation marks. Opening and closing forms are kept apart only where the
// typography does; straight marks and ’ (also an apostrophe) count for both.
const (
	openDouble  = "\"“„«”"
	closeDouble = "\"”“»"
	openSingle  = "'‘‚‹"
	closeSingle = "'’›"
)

// IsDirect reports whether the content span c of text is a direct quote.
// The rule: ignoring white space at the edges of the span, the content
// starts with an opening quotation mark or is immediately preceded by one,
// and it ends with a closing mark of the same kind (double or single) or
// is immediately followed by one, possibly after trailing punctuation
// (.,;:!?). Double marks are " “ ” „ « »; single marks are ' ‘ ’ ‚ ‹ ›,
// and a single mark is taken only when the same side of a double mark is
// absent. A quote that ends with its opener's partner but contains
// narration between two quoted stretches counts as direct too.
func IsDirect(text string, c parallax.Span) bool {
	s := c.In(text)
	if s == "" {
		return false
	}
	lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	start, end := c.Start+lead, c.Start+len(strings.TrimRightFunc(s, unicode.IsSpace))
	if start >= end {
		return false
	}
	double, single := false, false
	if r, _ := utf8.DecodeRuneInString(text[start:end]); strings.ContainsRune(openDouble, r) {
		double = true
	} else if r, _ := utf8.DecodeLastRuneInString(text[:start]); strings.ContainsRune(openDouble, r) {
		double = true
	} else if r, _ := utf8.DecodeRuneInString(text[start:end]); strings.ContainsRune(openSingle, r) {
		single = true
	} else if r, _ := utf8.DecodeLastRuneInString(text[:start]); strings.ContainsRune(openSingle, r) {
		single = true
	}
	if !double && !single {
		return false
	}
	closes := closeDouble
	if single {
		closes = closeSingle
	}
	if r, _ := utf8.DecodeLastRuneInString(text[start:end]); strings.ContainsRune(closes, r) && end-start > utf8.RuneLen(r) {
		return true
	}
	// Look past the span: trailing punctuation, then the closing mark.
	rest := text[end:]
	rest = strings.TrimLeft(rest, ".,;:!?")
	r, _ := utf8.DecodeRuneInString(rest)
	return strings.ContainsRune(closes, r)
}

// pronouns are the source forms that name nobody by themselves.
var pronouns = map[string]bool{
	"i": true, "me": true, "we": true, "us": true, "you": true,
	"he": true, "him": true, "she": true, "her": true, "it": true,
	"they": true, "them": true, "his": true, "its": true, "their": true,
	"who": true, "which": true, "that": true,
}

// IsPronoun reports whether s, ignoring case and surrounding space, is a
// personal or relative pronoun.
func IsPronoun(s string) bool { return pronouns[strings.ToLower(strings.TrimSpace(s))] }
