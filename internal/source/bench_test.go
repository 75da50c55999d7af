package source

import (
	"testing"

	"parallax/internal/text"
)

// BenchmarkCited measures Cited alone on the seed story's articles, already
// analysed by the text engine.
func BenchmarkCited(b *testing.B) {
	e, f := setup(b)
	arts := seedArticles(b)
	type pair struct {
		src string
		doc *text.Doc
	}
	var all []pair
	n := 0
	for _, src := range arts {
		all = append(all, pair{src, e.Analyze(src)})
		n += len(src)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, p := range all {
			f.Cited(p.src, p.doc)
		}
	}
}
