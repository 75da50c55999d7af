package voice

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"parallax"
)

// Share measures, per article, each speaker's part of the quoted words:
// the words of the Text of the article's quotes, of every kind. Indirect
// quotes count too: reported speech is the outlet giving the speaker a
// voice as much as quotation marks are. A line an article quotes twice
// (headline and body) counts twice, but a stretch of text counts once: a
// quote whose span lies inside another quote's of the same article (a
// partial quote inside the indirect quote that carries it) is part of that
// quote, not a quote of its own, and adds no words; where two spans
// overlap, the later quote counts only its words past the earlier one.
// Quotes without a span (Start and End both 0) count in full.
//
// names maps entity IDs to display names for [parallax.Voice.SpeakerName].
// Share returns the voice_share map of the output contract (article →
// speaker entity ID → share), which leaves out quotes with no known
// speaker although their words count in the article's total, and the
// detailed voices per article, where those quotes are one [parallax.Voice]
// with Speaker "". An article's voices' shares sum to 1; when its quotes
// hold no words at all every share is 0. Voices are ordered by words, most
// first, then by speaker ID. Articles with no quotes are in neither map.
func Share(quotes []parallax.Quote, names map[string]string) (map[string]map[string]float64, map[string][]parallax.Voice) {
	type key struct{ article, speaker string }
	words := ownWords(quotes)
	acc := map[key]*parallax.Voice{}
	total := map[string]int{}
	var order []key
	for i, q := range quotes {
		n := words[i]
		if n < 0 {
			continue // inside another quote
		}
		k := key{q.Article, q.Speaker}
		v := acc[k]
		if v == nil {
			v = &parallax.Voice{Speaker: q.Speaker, SpeakerName: names[q.Speaker]}
			if q.Speaker == "" {
				v.SpeakerName = ""
			}
			acc[k] = v
			order = append(order, k)
		}
		v.Quotes++
		v.Words += n
		total[q.Article] += n
	}
	shares := map[string]map[string]float64{}
	voices := map[string][]parallax.Voice{}
	for _, k := range order {
		v := acc[k]
		if t := total[k.article]; t > 0 {
			v.Share = float64(v.Words) / float64(t)
		}
		voices[k.article] = append(voices[k.article], *v)
		if shares[k.article] == nil {
			shares[k.article] = map[string]float64{}
		}
		if k.speaker != "" {
			shares[k.article][k.speaker] = v.Share
		}
	}
	for _, vs := range voices {
		slices.SortFunc(vs, func(x, y parallax.Voice) int {
			if c := cmp.Compare(y.Words, x.Words); c != 0 {
				return c
			}
			return cmp.Compare(x.Speaker, y.Speaker)
		})
	}
	return shares, voices
}

// countWords counts the white-space separated words of s that hold a
// letter or a digit.
func countWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// ownWords returns, for each quote, the number of words it adds to its
// article's quoted words: all of them, those past the end of an earlier
// quote whose span overlaps its own, or -1 when its span lies inside an
// earlier (or longer) quote's.
func ownWords(quotes []parallax.Quote) []int {
	words := make([]int, len(quotes))
	byArticle := map[string][]int{}
	for i, q := range quotes {
		if q.Start == 0 && q.End == 0 || q.End < q.Start {
			words[i] = countWords(q.Text)
			continue
		}
		byArticle[q.Article] = append(byArticle[q.Article], i)
	}
	for _, idx := range byArticle {
		// Outer spans first: by start, then longest.
		slices.SortStableFunc(idx, func(x, y int) int {
			if c := cmp.Compare(quotes[x].Start, quotes[y].Start); c != 0 {
				return c
			}
			return cmp.Compare(quotes[y].End, quotes[x].End)
		})
		end := -1 // where the quoted text counted so far ends
		for _, i := range idx {
			q := &quotes[i]
			switch {
			case q.End <= end:
				words[i] = -1
			case q.Start < end && len(q.Text) == q.Len():
				words[i] = countWords(q.Text[end-q.Start:])
			default:
				words[i] = countWords(q.Text)
			}
			end = max(end, q.End)
		}
	}
	return words
}
