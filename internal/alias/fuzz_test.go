package alias

import (
	"strings"
	"testing"
	"unicode/utf8"

	"parallax"
)

// FuzzRoleReferences checks that any text gives role references with spans
// inside it, and that merging them with name mentions made of its
// capitalised words never panics and labels only real entities.
func FuzzRoleReferences(f *testing.F) {
	r := newResolver(f)
	e := newEngine(f)
	f.Add("The Russian leader met Iran's top diplomat.", 3, 20)
	f.Add("Kremlin spokesman Dmitry Peskov, the Kremlin spokesman, said the ex-president-elect of the of", 18, 31)
	f.Add("the the 's 's president-of-the- \xff\xfe Tehran’s’s top", -5, 1<<30)
	f.Add("The president of\n\nThe Iranian president", 0, 0)
	f.Fuzz(func(t *testing.T, src string, a, b int) {
		doc := e.Analyze(src)
		names := []parallax.Mention{{Article: "x", Span: parallax.Span{Start: a, End: b}, RoleSpan: parallax.Span{Start: b, End: a}, Text: "X", Type: parallax.Person, Kind: parallax.MentionName}}
		for _, tk := range doc.Tokens {
			w := tk.In(src)
			if c, _ := utf8.DecodeRuneInString(w); c >= 'A' && c <= 'Z' {
				names = append(names, parallax.Mention{Article: "x", Span: tk.Span, Text: w, Type: parallax.Person, Kind: parallax.MentionName, Role: strings.ToLower(w), Confidence: 0.5})
			}
		}
		refs := r.RoleReferences("x", src, doc, names)
		for _, m := range refs {
			if m.Start < 0 || m.End > len(src) || m.Start >= m.End || m.Text != m.Span.In(src) || m.Role == "" {
				t.Fatalf("bad reference %+v in %q", m, src)
			}
		}
		ents, naming, ms := r.Merge(append(names, refs...), map[string]string{"x": src})
		ids := map[string]bool{}
		for _, e := range ents {
			ids[e.ID] = true
		}
		for _, m := range ms {
			if m.Entity != "" && !ids[m.Entity] {
				t.Fatalf("mention labelled with unknown entity %q", m.Entity)
			}
		}
		if len(naming) != len(ents) {
			t.Fatalf("%d naming rows for %d entities", len(naming), len(ents))
		}
		x := r.Index(ents, ms)
		x.Lookup("x", src, parallax.Span{Start: a, End: b})
	})
}
