package voice

import (
	"strconv"
	"testing"

	"parallax"
)

// FuzzDiff checks that Diff never panics and that its runs always turn the
// canonical text into the variant (see checkDiff).
func FuzzDiff(f *testing.F) {
	for _, s := range [][2]string{
		{"", ""},
		{"I am very glad that you are in Moscow today", "I am very pleased you are here today in Moscow,"},
		{"The unprovoked aggression has no basis.", "“This absolutely unprovoked aggression has no basis and no justification,”"},
		{"a – b", "a - b"},
		{"A a A", "a A a a"},
		{"\xff\xfe x", "x \x00"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, canonical, variant string) {
		checkDiff(t, canonical, variant, Diff(canonical, variant))
	})
}

// FuzzGroup checks that Group never panics on any quote text and that the
// groups it returns agree with the quotes' Group fields.
func FuzzGroup(f *testing.F) {
	f.Add("We want peace in the region.", "we want PEACE in the region", "peace", "")
	f.Add("unjustified and without any basis", "no basis and no justification", "basis", "e1")
	f.Add("\xff\xfe", "’’’ ... “”", "", "")
	g := newTestGrouper(f)
	f.Fuzz(func(t *testing.T, a, b, c, speaker string) {
		quotes := []parallax.Quote{
			{Article: "x", Speaker: speaker, Text: a, Kind: parallax.Direct},
			{Article: "y", Speaker: speaker, Text: b, Kind: parallax.Partial},
			{Article: "z", Text: c, Kind: parallax.Indirect},
			{Article: "x", Speaker: speaker, Text: a + " " + b},
		}
		for i := range quotes {
			quotes[i].ID = "q" + strconv.Itoa(i)
		}
		groups := g.Group(quotes)
		in := map[string]string{}
		for _, gr := range groups {
			if len(gr.Quotes) < 2 || len(gr.Articles) < 2 || len(gr.Variants) != len(gr.Quotes) {
				t.Fatalf("malformed group %+v", gr)
			}
			for _, id := range gr.Quotes {
				in[id] = gr.ID
			}
		}
		for _, q := range quotes {
			if q.Group != in[q.ID] {
				t.Fatalf("%s: Group %q, want %q", q.ID, q.Group, in[q.ID])
			}
		}
	})
}
