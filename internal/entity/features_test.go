package entity

import (
	"slices"
	"testing"

	"parallax/rules"
)

func TestShape(t *testing.T) {
	for in, want := range map[string]string{"Putin": "Xx", "U.S.": "X.X.", "2025": "d", "F-35": "X-d", "iPhone": "xXx", "'s": "'x"} {
		if got := shape(in); got != want {
			t.Errorf("shape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGazetteerFeatures(t *testing.T) {
	g, err := LoadGazetteers(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	toks := []string{"Iran", "'s", "Foreign", "Minister", "met", "Russian", "officials", "in", "Moscow", "and", "the", "IAEA", "."}
	fs := g.Features(toks, NewContext([][]string{toks}))
	has := func(i int, f string) bool { return slices.Contains(fs[i], f) }
	checks := []struct {
		i    int
		feat string
	}{
		{0, "gaz=country:B"},
		{2, "gaz=role:B"},
		{3, "gaz=role:I"},
		{4, "prev:gaz=role:I"},
		{5, "gaz=demonym:B"},
		{8, "gaz=capital:B"},
		{11, "gaz=org:B"},
		{2, "run=2:0"},
		{3, "runend=true"},
		{0, "first"},
	}
	for _, c := range checks {
		if !has(c.i, c.feat) {
			t.Errorf("token %q lacks %q: %v", toks[c.i], c.feat, fs[c.i])
		}
	}
	if has(4, "gaz=role:B") {
		t.Error("a verb matched a gazetteer")
	}
}
