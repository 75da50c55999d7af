package tagger

import (
	"bytes"
	"io"
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// names holds the texts of the features of the synthetic examples.
var names = map[Feature]string{}

// hashed turns string features into features, noting their texts.
func hashed(fs []string) []Feature {
	out := make([]Feature, len(fs))
	for i, f := range fs {
		out[i] = Hash(f)
		names[out[i]] = f
	}
	return out
}

// synthetic makes sentences where runs of capitalised words are entities:
// B on the first, I on the rest, O elsewhere. Telling B from I needs the
// previous tag, which the tagger adds itself.
func synthetic(n int, seed uint64) []Example {
	rng := rand.New(rand.NewPCG(seed, 1))
	words := []string{"the", "talks", "ended", "in", "with", "said", "on", "a"}
	names := []string{"Moscow", "Putin", "Iran", "Araghchi", "Geneva", "Lavrov"}
	var out []Example
	for s := 0; s < n; s++ {
		var ex Example
		for i := 0; i < 6+rng.IntN(10); i++ {
			if rng.IntN(3) == 0 {
				run := 1 + rng.IntN(3)
				for k := 0; k < run; k++ {
					w := names[rng.IntN(len(names))]
					tag := "I"
					if k == 0 {
						tag = "B"
					}
					ex.Features = append(ex.Features, hashed([]string{"cap=1", "w=" + strings.ToLower(w)}))
					ex.Tags = append(ex.Tags, tag)
				}
				// a separator, so that two runs never touch
				ex.Features = append(ex.Features, hashed([]string{"cap=0", "w=and"}))
				ex.Tags = append(ex.Tags, "O")
				continue
			}
			ex.Features = append(ex.Features, hashed([]string{"cap=0", "w=" + words[rng.IntN(len(words))]}))
			ex.Tags = append(ex.Tags, "O")
		}
		out = append(out, ex)
	}
	return out
}

func accuracy(m *Model, exs []Example) float64 {
	right, all := 0, 0
	for _, ex := range exs {
		got := m.Predict(ex.Features)
		for i := range got {
			all++
			if got[i] == ex.Tags[i] {
				right++
			}
		}
	}
	return float64(right) / float64(all)
}

func TestTrainLearnsHistory(t *testing.T) {
	m, err := Train(synthetic(200, 1), TrainOptions{Epochs: 5, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if acc := accuracy(m, synthetic(100, 2)); acc < 0.99 {
		t.Errorf("held-out accuracy %.3f, want ≥ 0.99", acc)
	}
}

func TestTrainIsDeterministic(t *testing.T) {
	a, _ := Train(synthetic(50, 3), TrainOptions{Seed: 9, Names: names})
	b, _ := Train(synthetic(50, 3), TrainOptions{Seed: 9, Names: names})
	var ba, bb bytes.Buffer
	if err := a.Save(&ba, 4); err != nil {
		t.Fatal(err)
	}
	if err := b.Save(&bb, 4); err != nil {
		t.Fatal(err)
	}
	if ba.String() != bb.String() {
		t.Error("two trainings with one seed differ")
	}
}

func TestSaveLoad(t *testing.T) {
	m, err := Train(synthetic(100, 4), TrainOptions{Seed: 1, Names: names})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	buf.WriteString("# provenance: a comment before the header is skipped\n")
	if err := m.Save(&buf, 6); err != nil {
		t.Fatal(err)
	}
	back, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range synthetic(30, 5) {
		if !reflect.DeepEqual(m.Predict(ex.Features), back.Predict(ex.Features)) {
			t.Fatal("loaded model predicts otherwise")
		}
	}
}

func TestPredictMargins(t *testing.T) {
	m, err := Train(synthetic(200, 4), TrainOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range synthetic(20, 9) {
		tags, margins := m.PredictMargins(ex.Features)
		if !reflect.DeepEqual(tags, m.Predict(ex.Features)) {
			t.Fatal("PredictMargins and Predict disagree")
		}
		for i, mg := range margins {
			if mg < 0 {
				t.Errorf("token %d: negative margin %v", i, mg)
			}
		}
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(nil, TrainOptions{}); err == nil {
		t.Error("no error for no data")
	}
	if _, err := Train([]Example{{Features: [][]Feature{{Hash("a")}}, Tags: nil}}, TrainOptions{}); err == nil || !strings.Contains(err.Error(), "example 0") {
		t.Errorf("error = %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", "empty model"},
		{"nope\n", "line 1"},
		{"tags\tB\tO\nf\t0:1 5:2\n", "line 2"},
		{"tags\tB\tO\nf\t0:NaN\n", "line 2"},
		{"tags\tB\tO\nfeature-without-weights\n", "line 2"},
		{"tags\tB\tO\nf\t0:1\nf\t1:1\n", "line 3"},
		{"tags\tB\tO\nf\t0:1e300\n", "line 2"},
	} {
		if _, err := Load(strings.NewReader(tt.in)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
}

// FuzzLoad checks that any model file loads or fails cleanly, and that a
// loaded model tags without panicking.
func FuzzLoad(f *testing.F) {
	f.Add("tags\tB\tI\tO\nw=putin\t0:1.5 2:-1\nt-1=B\t1:2\n")
	f.Add("tags\t\n\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		m, err := Load(strings.NewReader(in))
		if err != nil {
			return
		}
		m.Predict([][]Feature{{Hash("w=putin"), Hash("t-1=B")}, {}})
	})
}

// TestText checks that a feature built piece by piece hashes like its
// whole text.
func TestText(t *testing.T) {
	for _, c := range []struct{ parts []string }{
		{[]string{"w=", "putin"}},
		{[]string{"", "shape-1,0=", "Xx", ",", "x"}},
		{[]string{"a", "", "bc"}},
		{nil},
	} {
		whole := strings.Join(c.parts, "")
		var add, join Text
		for _, p := range c.parts {
			add = add.Add(p)
			join = join.Join(Of(p))
		}
		if add.Feature() != Hash(whole) || join.Feature() != Hash(whole) {
			t.Errorf("%q: pieces hash otherwise than the whole", c.parts)
		}
	}
	if Hash("a") == Hash("b") || Hash("ab") == Hash("ba") || Hash("a") == Hash("\x00a") {
		t.Error("distinct texts share a hash")
	}
}

func TestTrainWithoutNamesCannotSave(t *testing.T) {
	ex := []Example{{Features: [][]Feature{{Of("unnamed").Feature()}}, Tags: []string{"B"}}, {Features: [][]Feature{{Of("other").Feature()}}, Tags: []string{"O"}}}
	m, err := Train(ex, TrainOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Save(io.Discard, 3); err == nil {
		t.Error("saved a model whose feature texts are unknown")
	}
}

func TestMean(t *testing.T) {
	a, err := Train(synthetic(100, 11), TrainOptions{Seed: 1, Names: names})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Train(synthetic(100, 12), TrainOptions{Seed: 2, Names: names})
	if err != nil {
		t.Fatal(err)
	}
	same, err := Mean(a, a)
	if err != nil {
		t.Fatal(err)
	}
	both, err := Mean(a, b)
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range synthetic(30, 13) {
		if !reflect.DeepEqual(a.Predict(ex.Features), same.Predict(ex.Features)) {
			t.Fatal("the mean of a model with itself predicts otherwise")
		}
	}
	if acc := accuracy(both, synthetic(100, 14)); acc < 0.99 {
		t.Errorf("mean model: held-out accuracy %.3f, want ≥ 0.99", acc)
	}
	if err := both.Save(io.Discard, 3); err != nil {
		t.Error(err)
	}
	other, err := Train([]Example{{Features: [][]Feature{{Hash("x")}}, Tags: []string{"X"}}}, TrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Mean(a, other); err == nil {
		t.Error("averaged models with different tags")
	}
	if _, err := Mean(); err == nil {
		t.Error("averaged no models")
	}
}

// TestParseWeight checks that the fast weight parser gives exactly what
// strconv.ParseFloat gives.
func TestParseWeight(t *testing.T) {
	for _, s := range []string{"0", "1", "-1", "0.1", "0.125", "-0.123", "12.5", "3.14159", "123456789012.345", "1e3", "-0", ".5", "5.", "0.0001", "99999999999999999", "abc", "-", "1.2.3", "NaN"} {
		want, werr := strconv.ParseFloat(s, 64)
		got, gerr := parseWeight(s)
		if (werr == nil) != (gerr == nil) || (werr == nil && math.Float64bits(got) != math.Float64bits(want)) {
			t.Errorf("parseWeight(%q) = %v, %v; ParseFloat gives %v, %v", s, got, gerr, want, werr)
		}
	}
	for i := -20000; i <= 20000; i += 7 {
		s := strconv.FormatFloat(float64(i)/1000, 'f', -1, 64)
		want, _ := strconv.ParseFloat(s, 64)
		if got, _ := parseWeight(s); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("parseWeight(%q) = %v, want %v", s, got, want)
		}
	}
}
