package voice

import (
	"strconv"
	"testing"
)

// BenchmarkGroup groups about 200 quotes: the seed story's quoted stretches
// three times over, as if three more outlets had copied it, with speakers
// spread over a few entities.
func BenchmarkGroup(b *testing.B) {
	g := newTestGrouper(b)
	seed := seedQuotes(b)
	quotes := seed[:0:0]
	for copy := range 3 {
		for i, q := range seed {
			q.ID = "q" + strconv.Itoa(len(quotes)+1)
			q.Article += "-" + strconv.Itoa(copy)
			if i%3 != 0 {
				q.Speaker = "e" + strconv.Itoa(i%5)
			}
			quotes = append(quotes, q)
		}
	}
	b.Logf("%d quotes", len(quotes))
	b.ReportAllocs()
	for b.Loop() {
		g.Group(quotes)
	}
}

// BenchmarkDiff diffs two renderings of a long quote.
func BenchmarkDiff(b *testing.B) {
	a := "For our part, we are making efforts to assist the Iranian people. I am very glad that you are in Moscow today. This gives us the opportunity to discuss all these pressing issues and think together about how we could get out of today's situation."
	c := "I am very pleased you are here today in Moscow. It gives us the opportunity to discuss these urgent matters and think together about ways to overcome the current situation."
	for b.Loop() {
		Diff(a, c)
	}
}

// BenchmarkGroupRandom groups 5,000 quotes of random words from a large
// vocabulary, with a few utterances quoted in several articles: the shape of
// a big story, and of an input made to cost the grouper time.
func BenchmarkGroupRandom(b *testing.B) {
	g := newTestGrouper(b)
	quotes, _ := randomQuotes(5000, 1)
	b.ReportAllocs()
	for b.Loop() {
		g.Group(quotes)
	}
}
