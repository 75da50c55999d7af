package eval

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestROUGETokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		stem bool
		want []string
	}{
		{"empty", "", false, nil},
		{"punctuation only", " — ... !", false, nil},
		{"lower-cased, punctuation cut", "The U.S. economy's 45,109 jobs—grew!", false,
			[]string{"the", "u", "s", "economy", "s", "45", "109", "jobs", "grew"}},
		{"stemmed when longer than three", "The U.S. economy's 45,109 jobs—grew!", true,
			[]string{"the", "u", "s", "economi", "s", "45", "109", "job", "grew"}},
		{"stem all words, stop words too", "Police killed the gunmen having fled", true,
			[]string{"polic", "kill", "the", "gunmen", "have", "fled"}},
		{"non-ASCII letters kept", "Orbán’s “authoritarian” rule", false,
			[]string{"orbán", "s", "authoritarian", "rule"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ROUGETokens(tt.in, tt.stem); !slices.Equal(got, tt.want) {
				t.Errorf("ROUGETokens(%q, %v) = %q, want %q", tt.in, tt.stem, got, tt.want)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func scoreIs(s ROUGEScore, p, r float64) bool {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return near(s.P, p) && near(s.R, r) && near(s.F, f)
}

func TestROUGE(t *testing.T) {
	w := strings.Fields
	tests := []struct {
		name       string
		cand, ref  string
		stem       bool
		r1, r2, rl [2]float64 // P, R
	}{
		// Lin (2004), section 3.1: with S1 as reference, ROUGE-2 cannot
		// tell S2 from S3 (one shared bigram, "the gunman"), ROUGE-L
		// prefers S2 (LCS "police the gunman" against "the gunman").
		{"Lin 2004 S2", "police kill the gunman", "police killed the gunman", false,
			[2]float64{3.0 / 4, 3.0 / 4}, [2]float64{1.0 / 3, 1.0 / 3}, [2]float64{3.0 / 4, 3.0 / 4}},
		{"Lin 2004 S3", "the gunman kill police", "police killed the gunman", false,
			[2]float64{3.0 / 4, 3.0 / 4}, [2]float64{1.0 / 3, 1.0 / 3}, [2]float64{2.0 / 4, 2.0 / 4}},
		// With stemming, kill = killed: S2 is the reference.
		{"Lin 2004 S2 stemmed", "police kill the gunman", "police killed the gunman", true,
			[2]float64{1, 1}, [2]float64{1, 1}, [2]float64{1, 1}},
		// Lin (2004), section 3.3 (ROUGE-W): Y1 and Y2 have the same LCS
		// with X, four tokens, so the same ROUGE-L.
		{"Lin 2004 Y1", "a b c d h i k", "a b c d e f g", false,
			[2]float64{4.0 / 7, 4.0 / 7}, [2]float64{3.0 / 6, 3.0 / 6}, [2]float64{4.0 / 7, 4.0 / 7}},
		{"Lin 2004 Y2", "a h b k c i d", "a b c d e f g", false,
			[2]float64{4.0 / 7, 4.0 / 7}, [2]float64{0, 0}, [2]float64{4.0 / 7, 4.0 / 7}},
		// The example of Google's rouge-score README (stemmed): ROUGE-1
		// P 0.75 R 0.6667, ROUGE-L P 0.625 R 0.5556.
		{"rouge-score README", "The quick brown dog jumps on the log.", "The quick brown fox jumps over the lazy dog", true,
			[2]float64{6.0 / 8, 6.0 / 9}, [2]float64{2.0 / 7, 2.0 / 8}, [2]float64{5.0 / 8, 5.0 / 9}},
		// Matches are clipped to the reference's count: "the" twice; no
		// bigram "the the" in the reference; the LCS is "the the".
		{"clipped counts", "the the the the the the the", "The cat is on the mat.", false,
			[2]float64{2.0 / 7, 2.0 / 6}, [2]float64{0, 0}, [2]float64{2.0 / 7, 2.0 / 6}},
		{"identical", "A man bites a dog.", "a man bites a dog", false,
			[2]float64{1, 1}, [2]float64{1, 1}, [2]float64{1, 1}},
		{"disjoint", "cats sleep", "dogs bark loudly", false,
			[2]float64{0, 0}, [2]float64{0, 0}, [2]float64{0, 0}},
		{"empty candidate", "", "dogs bark", false,
			[2]float64{0, 0}, [2]float64{0, 0}, [2]float64{0, 0}},
		{"one-word candidate has no bigram", "dogs", "dogs bark", false,
			[2]float64{1, 1.0 / 2}, [2]float64{0, 0}, [2]float64{1, 1.0 / 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScoreROUGE(tt.cand, tt.ref, tt.stem)
			if !scoreIs(got.R1, tt.r1[0], tt.r1[1]) {
				t.Errorf("ROUGE-1 = %v, want P %.4f R %.4f", got.R1, tt.r1[0], tt.r1[1])
			}
			if !scoreIs(got.R2, tt.r2[0], tt.r2[1]) {
				t.Errorf("ROUGE-2 = %v, want P %.4f R %.4f", got.R2, tt.r2[0], tt.r2[1])
			}
			if !scoreIs(got.RL, tt.rl[0], tt.rl[1]) {
				t.Errorf("ROUGE-L = %v, want P %.4f R %.4f", got.RL, tt.rl[0], tt.rl[1])
			}
		})
	}
	// ROUGE-3 through ROUGEN directly.
	if got := ROUGEN(w("a b c d"), w("a b c e"), 3); !scoreIs(got, 1.0/2, 1.0/2) {
		t.Errorf("ROUGE-3 = %v, want 0.5", got)
	}
	if got := ROUGEN(w("a b"), w("a b"), 0); got != (ROUGEScore{}) {
		t.Errorf("ROUGE-0 = %v, want zero", got)
	}
}

func TestLCSLen(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "a b", 0},
		{"a b c b d a b", "b d c a b a", 4}, // CLRS 15.4
		{"a b c", "a b c", 3},
		{"a b c", "c b a", 1},
		{"x a y b z c", "a b c", 3},
	}
	for _, tt := range tests {
		a, b := strings.Fields(tt.a), strings.Fields(tt.b)
		if got := lcsLen(a, b); got != tt.want {
			t.Errorf("lcsLen(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := lcsLen(b, a); got != tt.want {
			t.Errorf("lcsLen(%q, %q) = %d, want %d", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestROUGEMean(t *testing.T) {
	a := ROUGE{R1: ROUGEScore{1, 0.5, 2.0 / 3}}
	b := ROUGE{R1: ROUGEScore{0, 0.5, 0}, RL: ROUGEScore{1, 1, 1}}
	got := ROUGEMean([]ROUGE{a, b})
	if !near(got.R1.P, 0.5) || !near(got.R1.R, 0.5) || !near(got.R1.F, 1.0/3) || !near(got.RL.F, 0.5) {
		t.Errorf("ROUGEMean = %+v", got)
	}
	if ROUGEMean(nil) != (ROUGE{}) {
		t.Error("ROUGEMean(nil) is not zero")
	}
}

func BenchmarkScoreROUGE(b *testing.B) {
	ref := strings.Repeat("The Supreme Court on Monday ruled that police officers in two cases were entitled to qualified immunity. ", 5)
	cand := strings.Repeat("The Supreme Court in two cases Monday ruled police officers were entitled to protection from being sued. ", 4)
	for b.Loop() {
		ScoreROUGE(cand, ref, true)
	}
}
