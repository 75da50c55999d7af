package synth

import (
	"strings"
	"testing"

	"parallax"
)

// FuzzWording feeds untrusted article text and spans to the wording of a
// claim: it must not panic, and what it keeps outside its frame must be
// pieces of the article's text.
func FuzzWording(f *testing.F) {
	f.Add("The “unprovoked” attack, officials said, was brutal.", 0, 20)
	f.Add("“It all depends,” he said. And the regime's so-called massive strikes…", 3, 60)
	f.Add("\"unclosed quote and a an a", 1, 25)
	w := newWriter(f)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		if start < 0 || end > len(text) || start > end {
			return
		}
		a := &parallax.Article{ID: "a1", Text: text}
		cd, ok := w.wording(a, parallax.Span{Start: start, End: end}, map[string]bool{})
		if !ok {
			return
		}
		for _, wd := range words(cd.body) {
			if !strings.Contains(text, wd.text) && wd.lower != "a" && wd.lower != "an" {
				t.Fatalf("wording %q of %q has %q", cd.body, text, wd.text)
			}
		}
		_ = finish(upperFirst(strings.TrimSpace(cd.body)))
	})
}
