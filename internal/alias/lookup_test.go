package alias

import (
	"testing"

	"parallax"
)

func TestLookup(t *testing.T) {
	r := newResolver(t)
	ms := story(
		"a|Dmitry Peskov|person|kremlin spokesman", // 0
		"a|Vladimir Putin|person|russian president",
		"a|Peskov|person",
		"b|Ali Khamenei|person|supreme leader",
		"b|Mojtaba Khamenei|person",
		"c|Mojtaba Khamenei|person", // 5
		"c|Sergei Lavrov|person|foreign minister",
		"d|Abbas Araghchi|person|iranian foreign minister",
	)
	ents, _, merged := r.Merge(ms, nil)
	x := r.Index(ents, merged)
	id := func(i int) string { return merged[i].Entity }
	far := parallax.Span{Start: 10000, End: 10005}
	tests := []struct {
		name, article, speaker string
		sp                     parallax.Span
		want                   string
	}{
		{"span of a mention", "a", "he", merged[1].Span, id(1)},
		{"surname in the article", "a", "Peskov", far, id(0)},
		{"full name with a title", "a", "Mr. Dmitry Peskov", far, id(0)},
		{"name from another article", "z", "Putin", far, id(1)},
		{"role in the article", "a", "the Kremlin spokesman", far, id(0)},
		{"role with a country", "z", "the Russian leader", far, id(1)},
		{"role held by two people", "z", "the foreign minister", far, ""},
		{"role with a country that tells them apart", "z", "Iran's top diplomat", far, id(7)},
		{"shared surname in an article that names one", "c", "Khamenei", far, id(5)},
		{"shared surname across the story", "z", "Khamenei", far, ""},
		{"unknown name", "a", "Smith", far, ""},
		{"pronoun without antecedent", "a", "he", far, ""},
		{"empty speaker", "a", "", far, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := x.Lookup(tt.article, tt.speaker, tt.sp); got != tt.want {
				t.Errorf("Lookup(%q, %q) = %q, want %q", tt.article, tt.speaker, got, tt.want)
			}
		})
	}
}
