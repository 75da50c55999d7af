package voice

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"parallax"
)

// randomQuotes returns n quotes of random made-up words (5 to 30 a quote,
// drawn with Zipf's law from a vocabulary of 3,000, some of them
// capitalised, as in running text), spread over
// 20 articles and 30 speakers; one quote in ten repeats an earlier one
// with a word dropped, as another outlet's rendering by the same speaker,
// and is listed in copies with it. The same seed gives the same quotes.
func randomQuotes(n int, seed uint64) ([]parallax.Quote, [][2]int) {
	r := rand.New(rand.NewPCG(seed, 7))
	syll := []string{"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "po", "gra", "shu", "tel", "bor", "quin"}
	vocab := make([]string, 3000)
	for i := range vocab {
		var sb strings.Builder
		for range 2 + r.IntN(3) {
			sb.WriteString(syll[r.IntN(len(syll))])
		}
		w := sb.String()
		if i%50 == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		vocab[i] = w
	}
	fill := []string{"the", "of", "and", "we", "is", "in", "to"}
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1))
	quotes := make([]parallax.Quote, n)
	var copies [][2]int
	for i := range quotes {
		var words []string
		article, speaker := "a"+strconv.Itoa(i*20/n), "e"+strconv.Itoa(r.IntN(30))
		if i >= 10 && r.IntN(10) == 0 {
			o := r.IntN(i)
			copies = append(copies, [2]int{o, i})
			speaker = quotes[o].Speaker
			if quotes[o].Article == article {
				article = "x" + article
			}
			words = strings.Fields(quotes[o].Text)
			if len(words) > 3 {
				k := r.IntN(len(words))
				words = append(words[:k:k], words[k+1:]...)
			}
		} else {
			for range 5 + r.IntN(26) {
				if r.IntN(4) == 0 {
					words = append(words, fill[r.IntN(len(fill))])
				} else {
					words = append(words, vocab[zipf.Uint64()])
				}
			}
		}
		quotes[i] = parallax.Quote{
			ID:      "q" + strconv.Itoa(i+1),
			Article: article,
			Speaker: speaker,
			Kind:    parallax.Direct,
			Text:    strings.Join(words, " "),
		}
	}
	return quotes, copies
}

// TestGroupLinear checks that the work of Group grows in proportion to the
// number of quotes: four times the quotes, at most about four times the
// pairs compared and the alignment steps.
func TestGroupLinear(t *testing.T) {
	g := newTestGrouper(t)
	work := func(n int) stats {
		var st stats
		quotes, _ := randomQuotes(n, 2)
		g.group(quotes, &st)
		return st
	}
	small, big := work(1000), work(4000)
	t.Logf("1000 quotes: %+v; 4000 quotes: %+v", small, big)
	if big.pairs > 5*small.pairs || big.cells > 5*small.cells {
		t.Errorf("work grew from %+v to %+v for 4× the quotes", small, big)
	}
	if small.pairs > 1000*maxCandidates*2 {
		t.Errorf("%d pairs compared for 1000 quotes", small.pairs)
	}
}

// TestGroupMany groups 20,000 quotes, which takes minutes when every pair
// sharing a word is compared, and checks that the quotes other articles
// repeat still group with their originals.
func TestGroupMany(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("slow with -short or -race; TestGroupLinear checks the work grows linearly")
	}
	g := newTestGrouper(t)
	quotes, copies := randomQuotes(20000, 3)
	var st stats
	groups := g.group(quotes, &st)
	found := 0
	for _, c := range copies {
		if quotes[c[0]].Group != "" && quotes[c[0]].Group == quotes[c[1]].Group {
			found++
		}
	}
	t.Logf("%d groups; %d of %d copies with their original; %+v", len(groups), found, len(copies), st)
	if found < len(copies)*9/10 {
		t.Errorf("%d of %d copies grouped with their original", found, len(copies))
	}
}

// TestGroupPopular checks that a line quoted by more outlets than the
// candidate limits allow for still makes one group.
func TestGroupPopular(t *testing.T) {
	g := newTestGrouper(t)
	noise, _ := randomQuotes(2000, 4)
	var quotes []parallax.Quote
	for i := range 300 {
		quotes = append(quotes, noise[i*5:i*5+5]...)
		text := "The aggression against the harbour has no basis and no justification"
		if i%2 == 1 {
			text = "The aggression against our harbour has no justification and no basis whatsoever."
		}
		quotes = append(quotes, parallax.Quote{ID: "p" + strconv.Itoa(i), Article: "p" + strconv.Itoa(i), Speaker: "e1", Kind: parallax.Direct, Text: text})
	}
	g.Group(quotes)
	groups := map[string]int{}
	for _, q := range quotes {
		if q.ID[0] == 'p' {
			groups[q.Group]++
		}
	}
	if len(groups) != 1 || groups[""] > 0 {
		t.Errorf("the popular line is in groups %v, want one", groups)
	}
}
