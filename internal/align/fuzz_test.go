package align

import (
	"testing"
	"unicode/utf8"

	"parallax"
)

// FuzzClaims splits arbitrary text into claim units and aligns it with a
// second arbitrary text: no panic, every span inside its article's text on
// rune boundaries, statuses and coverage consistent.
func FuzzClaims(f *testing.F) {
	for _, s := range []string{
		"The army closed the border; the government cut phone service, and the mayor resigned.",
		"“We will build two bridges,” Jonas Halvorsen said. According to officials, the plan, which costs $5 million, was approved.",
		"Putin met Araghchi in Moscow on Monday, two days after U.S. strikes on three sites: Fordow, Natanz, and Isfahan.",
		", and , which ; “ ” said that according to",
		"\xff\xfe“unterminated quote, and, while which who said",
	} {
		f.Add(s, "Officials said the bridge, which opened in 1932, was closed.")
	}
	s := loadStages(f)
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 4096 || len(b) > 4096 {
			return
		}
		arts := []*parallax.Article{{ID: "a1", Outlet: "A", Text: a}, {ID: "a2", Outlet: "B", Text: b}}
		in := s.prepare(arts)
		claims := s.aligner.Claims(arts, in.mentions, in.quotes)
		text := map[string]string{"a1": a, "a2": b}
		for _, c := range claims {
			if len(c.Support) == 0 || c.Coverage < 1 || c.Coverage > 2 {
				t.Fatalf("%s: support %d coverage %d", c.ID, len(c.Support), c.Coverage)
			}
			if want := status(c.Coverage, 2); c.Status != want {
				t.Fatalf("%s: status %s, want %s", c.ID, c.Status, want)
			}
			for _, sp := range c.Support {
				src, ok := text[sp.Article]
				if !ok || sp.Start < 0 || sp.End > len(src) || sp.Start >= sp.End {
					t.Fatalf("%s: span %v outside %s (%d bytes)", c.ID, sp.Span, sp.Article, len(src))
				}
				if utf8.ValidString(src) && !utf8.ValidString(src[sp.Start:sp.End]) {
					t.Fatalf("%s: span %v cuts a rune", c.ID, sp.Span)
				}
			}
		}
		Omissions(claims, arts)
	})
}
