package eval

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// ROUGEScore is one ROUGE measure of a candidate text against a reference:
// precision (matches over the candidate's units), recall (over the
// reference's) and their balanced F-measure (β = 1), each in [0, 1].
type ROUGEScore struct {
	P, R, F float64
}

func (s ROUGEScore) add(o ROUGEScore) ROUGEScore {
	return ROUGEScore{s.P + o.P, s.R + o.R, s.F + o.F}
}

func (s ROUGEScore) scale(k float64) ROUGEScore {
	return ROUGEScore{s.P * k, s.R * k, s.F * k}
}

// String formats s as "P 0.412 R 0.371 F 0.390".
func (s ROUGEScore) String() string {
	return fmt.Sprintf("P %.3f R %.3f F %.3f", s.P, s.R, s.F)
}

// ROUGE holds ROUGE-1, ROUGE-2 and ROUGE-L of one candidate, or their means
// over many (see [ROUGEMean]).
type ROUGE struct {
	R1, R2, RL ROUGEScore
}

// String formats r on one line, F-measures first: "R-1 F 0.390 (P … R …) ...".
func (r ROUGE) String() string {
	f := func(name string, s ROUGEScore) string {
		return fmt.Sprintf("%s F %.3f (P %.3f R %.3f)", name, s.F, s.P, s.R)
	}
	return f("R-1", r.R1) + "  " + f("R-2", r.R2) + "  " + f("R-L", r.RL)
}

// MeanF returns the mean of the three F-measures.
func (r ROUGE) MeanF() float64 { return (r.R1.F + r.R2.F + r.RL.F) / 3 }

// ROUGEMean returns the mean of rs, measure by measure (the macro average
// over texts that papers report), or the zero ROUGE for none.
func ROUGEMean(rs []ROUGE) ROUGE {
	var m ROUGE
	if len(rs) == 0 {
		return m
	}
	for _, r := range rs {
		m.R1, m.R2, m.RL = m.R1.add(r.R1), m.R2.add(r.R2), m.RL.add(r.RL)
	}
	k := 1 / float64(len(rs))
	return ROUGE{m.R1.scale(k), m.R2.scale(k), m.RL.scale(k)}
}

// ROUGETokens returns the tokens ROUGE compares: s lower-cased, cut at every
// character that is not a letter or a digit (punctuation is dropped, so
// "U.S." is "u s" and "45,109" is "45 109"), stop words kept. With stem, a
// token longer than three characters is replaced by its Snowball English
// (Porter2) stem, as Google's rouge-score package does with the Porter
// stemmer; the two stemmers differ on a few words only. Unlike the Perl
// ROUGE-1.5.5 and rouge-score, which keep only a–z and 0–9, letters
// outside ASCII are kept ("Orbán" is one token, not "orb n").
func ROUGETokens(s string, stem bool) []string {
	var out []string
	start := -1
	emit := func(end int) {
		t := strings.ToLower(s[start:end])
		if stem && utf8.RuneCountInString(t) > 3 {
			t = english.Stem(t, true)
		}
		out = append(out, t)
		start = -1
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			emit(i)
		}
	}
	if start >= 0 {
		emit(len(s))
	}
	return out
}

// ScoreROUGE returns ROUGE-1, ROUGE-2 and ROUGE-L of candidate against
// reference, on [ROUGETokens] with or without stemming.
func ScoreROUGE(candidate, reference string, stem bool) ROUGE {
	c, r := ROUGETokens(candidate, stem), ROUGETokens(reference, stem)
	return ROUGE{R1: ROUGEN(c, r, 1), R2: ROUGEN(c, r, 2), RL: ROUGELCS(c, r)}
}

// ROUGEN is ROUGE-N (Lin 2004, section 2): the n-grams the candidate shares
// with the reference, each counted at most as often as it occurs in both
// (clipped), over the reference's n-grams for recall and the candidate's
// for precision. Either text shorter than n scores 0.
func ROUGEN(candidate, reference []string, n int) ROUGEScore {
	if n < 1 || len(candidate) < n || len(reference) < n {
		return ROUGEScore{}
	}
	ref := map[string]int{}
	for i := 0; i+n <= len(reference); i++ {
		ref[strings.Join(reference[i:i+n], " ")]++
	}
	match := 0
	for i := 0; i+n <= len(candidate); i++ {
		g := strings.Join(candidate[i:i+n], " ")
		if ref[g] > 0 {
			ref[g]--
			match++
		}
	}
	return prf(match, len(candidate)-n+1, len(reference)-n+1)
}

// ROUGELCS is ROUGE-L (Lin 2004, section 3.1): the length of the longest
// common subsequence of the two token sequences over the reference's
// length for recall and the candidate's for precision. Each text is taken
// as one sequence (the sentence-level form of section 3.1 applied to the
// whole text); the summary-level union LCS of section 3.2, which matches
// each reference sentence against every candidate sentence, is not used.
// This is rouge-score's "rougeL", not its "rougeLsum".
func ROUGELCS(candidate, reference []string) ROUGEScore {
	return prf(lcsLen(candidate, reference), len(candidate), len(reference))
}

// lcsLen returns the length of the longest common subsequence of a and b,
// in O(len(a)·len(b)) time and O(len(b)) space.
func lcsLen(a, b []string) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// prf turns a match count into precision, recall and F1.
func prf(match, cand, ref int) ROUGEScore {
	if match == 0 || cand == 0 || ref == 0 {
		return ROUGEScore{}
	}
	p, r := float64(match)/float64(cand), float64(match)/float64(ref)
	return ROUGEScore{P: p, R: r, F: 2 * p * r / (p + r)}
}
