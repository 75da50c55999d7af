package timex

import (
	"testing"
	"time"

	"parallax/internal/text"
)

// BenchmarkResolve measures Resolve alone (the text analysis done before)
// over the five seed articles; bytes are the articles' bytes.
func BenchmarkResolve(b *testing.B) {
	eng, r := setup(b)
	var srcs []string
	var docs []*text.Doc
	n := 0
	for _, f := range seedFiles {
		src := seedArticle(b, f)
		srcs = append(srcs, src)
		docs = append(docs, eng.Analyze(src))
		n += len(src)
	}
	pub := time.Date(2025, 6, 23, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for i, src := range srcs {
			r.Resolve(src, docs[i], pub)
		}
	}
}
