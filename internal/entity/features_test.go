package entity

import (
	"slices"
	"testing"

	"parallax/internal/tagger"
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

// TestFeatureHashes checks that the features the model sees are the
// hashes of the texts Features gives, in both stages.
func TestFeatureHashes(t *testing.T) {
	g, err := LoadGazetteers(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	sents := [][]string{
		{"Angela", "Merkel", "met", "Emmanuel", "Macron", "in", "Paris", "on", "Monday", "."},
		{"Merkel", "'s", "office", "in", "Berlin", "said", "so", "."},
	}
	stage1 := [][]string{
		{"B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-LOC", "O", "O", "O"},
		{"B-ORG", "O", "O", "O", "B-LOC", "O", "O", "O"},
	}
	ctx := NewContext(sents).withTypes(sents, stage1, nil)
	for i, toks := range sents {
		for _, s1 := range [][]string{nil, stage1[i]} {
			base := &featureSet{}
			g.features(toks, ctx, base)
			fs := base
			if s1 != nil {
				fs = &featureSet{}
				addDocFeatures(base, ctx, s1, fs)
			}
			texts := g.textFeatures(toks, ctx, s1)
			for k, row := range fs.tokens() {
				if len(row) != len(texts[k]) {
					t.Fatalf("%q: %d features, %d texts", toks[k], len(row), len(texts[k]))
				}
				for j, f := range row {
					if f != tagger.Hash(texts[k][j]) {
						t.Errorf("%q: feature %d is not the hash of %q", toks[k], j, texts[k][j])
					}
				}
			}
		}
	}
	// "Merkel" is a person elsewhere in the document: in the second
	// sentence the first stage's ORG on it does not count.
	texts := g.textFeatures(sents[1], ctx, stage1[1])
	if !slices.Contains(texts[0], "doc=PER") || slices.Contains(texts[0], "doc=ORG") {
		t.Errorf("Merkel: document features %v", texts[0])
	}
	if slices.Contains(g.Features(sents[1], ctx)[0], "doc=PER") {
		t.Error("the first stage sees document features")
	}
}
