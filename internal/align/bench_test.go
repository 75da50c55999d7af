package align

import (
	"fmt"
	"strings"
	"testing"

	"parallax"
)

// edits are light rewordings applied to the copies of the seed articles,
// so that the synthetic story is not five texts repeated verbatim.
var edits = []struct{ from, to string }{
	{"said", "stated"}, {"Monday", "Monday afternoon"}, {"strikes", "attacks"}, {"meeting", "talks"},
	{"condemned", "denounced"}, {"Russia", "the Russian Federation"}, {"greetings", "regards"},
}

// syntheticStory returns n articles made from the seed articles, each copy
// with a different subset of the edits and its own outlet.
func syntheticStory(t testing.TB, n int) []*parallax.Article {
	seed := seedArticles(t)
	var out []*parallax.Article
	for i := range n {
		src := seed[i%len(seed)]
		txt := src.Text
		for k, e := range edits {
			if (i/len(seed))>>k&1 == 1 {
				txt = strings.ReplaceAll(txt, e.from, e.to)
			}
		}
		out = append(out, &parallax.Article{ID: fmt.Sprintf("a%d", i+1), Outlet: fmt.Sprintf("Outlet %d", i), Text: txt})
	}
	return out
}

// BenchmarkClaims100 aligns a 100-article story (copies of the seed
// articles with light edits): claims, then omissions. The stages before
// claims run once, outside the timing.
func BenchmarkClaims100(b *testing.B) {
	s := loadStages(b)
	in := s.prepare(syntheticStory(b, 100))
	for i, a := range in.arts {
		a.Outlet = fmt.Sprintf("Outlet %d", i)
	}
	b.ResetTimer()
	var claims []parallax.Claim
	for b.Loop() {
		claims = s.aligner.Claims(in.arts, in.mentions, in.quotes)
		Omissions(claims, in.arts)
	}
	b.StopTimer()
	cons := 0
	for _, c := range claims {
		if c.Status == parallax.StatusConsensus {
			cons++
		}
	}
	b.ReportMetric(float64(len(claims)), "claims")
	b.ReportMetric(float64(cons), "consensus")
}

// BenchmarkClaimsSeed aligns the five seed articles.
func BenchmarkClaimsSeed(b *testing.B) {
	s := loadStages(b)
	in := s.prepare(seedArticles(b))
	b.ResetTimer()
	for b.Loop() {
		s.aligner.Claims(in.arts, in.mentions, in.quotes)
	}
}
