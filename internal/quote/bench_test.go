package quote

import (
	"os"
	"path/filepath"
	"strings"
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

// BenchmarkExtractHostile measures extraction over 256 KiB of text made to
// be hard: one sentence of nothing but quotation marks, quoted words or
// cues. The time and memory per byte must not grow with the size.
func BenchmarkExtractHostile(b *testing.B) {
	e, x := setup(b)
	for _, c := range []struct{ name, unit string }{
		{"marks", `"`},
		{"straight", `a " `},
		{"curly", "“a” "},
		{"chained", "“a,” "},
		{"cues", "and Putin said that "},
		{"names", "A, "},
		{"pronouns", "Putin met Li. He said “x”. "},
	} {
		src := strings.Repeat(c.unit, (256<<10)/len(c.unit))
		doc := e.Analyze(src)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				x.Extract(src, doc)
			}
		})
	}
}
