package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"parallax"
	"parallax/internal/text"
)

// seedArticles returns the seed story's articles by file name.
func seedArticles(tb testing.TB) map[string]string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seed articles: %v", err)
	}
	out := map[string]string{}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out[filepath.Base(p)] = string(data)
	}
	return out
}

// TestSeedStory checks the sources of the seed story's articles for
// structure only: every source tag, embedded post and agency prefix yields a
// source inside it, and every source is well formed.
func TestSeedStory(t *testing.T) {
	e, f := setup(t)
	total := 0
	for name, src := range seedArticles(t) {
		t.Run(name, func(t *testing.T) {
			doc := e.Analyze(src)
			cs := f.Cited(src, doc)
			total += len(cs)
			checkSources(t, f, src, cs)
			for _, fu := range doc.Furniture {
				switch fu.Kind {
				case parallax.FurnitureSourceTag, parallax.FurnitureTweet, parallax.FurnitureAgency:
				default:
					continue
				}
				found := false
				for _, c := range cs {
					if c.Start >= fu.Start && c.End <= fu.End {
						found = true
					}
				}
				if !found {
					t.Errorf("%s %q yields no source", fu.Kind, fu.In(src))
				}
			}
			for _, c := range cs {
				if i := sentenceAt(doc, c.Start); i >= 0 && doc.Sentences[i].Heading {
					t.Errorf("source %q in a heading", c.Name)
				}
			}
		})
	}
	if total == 0 {
		t.Error("no sources in the whole seed story")
	}
}

// onBoundary reports whether i falls between two runes of src as
// utf8.DecodeRuneInString reads them (an invalid byte is a rune of one).
func onBoundary(src string, i int) bool {
	if i == 0 || i == len(src) {
		return true
	}
	for j := i - 1; j >= 0 && j >= i-utf8.UTFMax; j-- {
		if utf8.RuneStart(src[j]) {
			_, size := utf8.DecodeRuneInString(src[j:])
			return j+size <= i
		}
	}
	return true
}

func sentenceAt(doc *text.Doc, at int) int {
	for i, s := range doc.Sentences {
		if s.Contains(at) {
			return i
		}
	}
	return -1
}

var kinds = map[string]bool{
	parallax.SourceAgency: true, parallax.SourceOutlet: true, parallax.SourceOfficial: true,
	parallax.SourceDocument: true, parallax.SourceSocial: true, parallax.SourceUnnamed: true,
}

// checkSources checks that the sources are in text order, do not overlap,
// have spans inside src on rune boundaries, a known kind, and a name that
// relates to the text their span covers.
func checkSources(t *testing.T, f *Finder, src string, cs []parallax.CitedSource) {
	t.Helper()
	prev := parallax.Span{}
	for i, c := range cs {
		if c.Start < 0 || c.End > len(src) || c.Start >= c.End {
			t.Fatalf("source %d %+v: span outside the text (%d bytes)", i, c, len(src))
		}
		if !onBoundary(src, c.Start) || !onBoundary(src, c.End) {
			t.Errorf("source %d %+v: span not on rune boundaries", i, c)
		}
		if i > 0 && c.Start < prev.End {
			t.Errorf("source %d %+v overlaps or precedes the one before %+v", i, c, prev)
		}
		prev = c.Span
		if !kinds[c.Kind] {
			t.Errorf("source %d %+v: unknown kind", i, c)
		}
		if c.Kind == parallax.SourceUnnamed && c.Named {
			t.Errorf("source %d %+v: an unnamed source marked named", i, c)
		}
		if !related(f, c.Name, c.In(src)) {
			t.Errorf("source %d: name %q does not relate to its text %q", i, c.Name, c.In(src))
		}
	}
}

// related reports whether a source's name and the text its span covers name
// the same thing: one holds the other once case and punctuation are
// dropped, or the lists map the text to the name.
func related(f *Finder, name, text string) bool {
	n, s := fold(name), fold(text)
	if n == "" || s == "" {
		return false
	}
	if strings.Contains(n, s) || strings.Contains(s, n) {
		return true
	}
	if p := f.lx.names.lookup(text); p != nil {
		return f.lx.known[atoi(p.vals[0])].name == name
	}
	return false
}

func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
