package quote

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzExtract checks that no text makes the extractor panic and that every
// attribution's spans stay inside the text and hold their texts.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"“A,” he said, “B.”",
		"\"Unclosed quote, she said.\n\n\"Next",
		"Karl Brandt said that “",
		"according to",
		"“”“”",
		"‘’'\"«»„",
		", said",
		"X, Y, said “a”",
		"The newspaper quoted Brandt as saying",
	} {
		f.Add(s)
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "moscow-2025-06-23", "00[03].txt"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	e, x := setup(f)
	f.Fuzz(func(t *testing.T, src string) {
		got := x.Extract(src, e.Analyze(src))
		for _, a := range got {
			q := a.Quote
			if q.Span.In(src) != q.Text || q.Text == "" {
				t.Fatalf("text %q, span %v holds %q", q.Text, q.Span, q.Span.In(src))
			}
			if q.SpeakerText != "" && q.SpeakerSpan.In(src) != q.SpeakerText {
				t.Fatalf("speaker %q, span holds %q", q.SpeakerText, q.SpeakerSpan.In(src))
			}
			if a.Name != "" && a.Antecedent.In(src) != a.Name {
				t.Fatalf("name %q, antecedent holds %q", a.Name, a.Antecedent.In(src))
			}
		}
	})
}
