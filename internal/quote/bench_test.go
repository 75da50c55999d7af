package quote

import (
	"os"
	"path/filepath"
	"testing"

	"parallax/internal/text"
)

// BenchmarkExtract measures extraction over the seed story, text analysis
// excluded.
func BenchmarkExtract(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "moscow-2025-06-23", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("seed story not found: %v", err)
	}
	e, x := setup(b)
	var srcs []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, string(data))
		size += len(data)
	}
	docs := make([]*text.Doc, len(srcs))
	for i, s := range srcs {
		docs[i] = e.Analyze(s)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for i, s := range srcs {
			x.Extract(s, docs[i])
		}
	}
}
