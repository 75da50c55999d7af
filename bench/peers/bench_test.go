package peers

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// benchTarget is the approximate size of the benchmark text.
const benchTarget = 1 << 20

var (
	benchOnce sync.Once
	benchText string
	benchErr  error
)

// corpus returns the five seed articles, concatenated with blank lines and
// repeated to about 1 MB.
func corpus(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		files, err := filepath.Glob("../../testdata/moscow-2025-06-23/00*.txt")
		if err != nil || len(files) == 0 {
			benchErr = err
			if benchErr == nil {
				benchErr = os.ErrNotExist
			}
			return
		}
		var parts []string
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				benchErr = err
				return
			}
			parts = append(parts, strings.TrimSpace(string(data)))
		}
		one := strings.Join(parts, "\n\n") + "\n\n"
		benchText = strings.Repeat(one, max(1, (benchTarget+len(one)/2)/len(one)))
	})
	if benchErr != nil {
		b.Fatalf("seed articles: %v", benchErr)
	}
	return benchText
}

// BenchmarkParallaxAnalyze runs the full text engine: normalisation,
// sentences, tokens and furniture.
func BenchmarkParallaxAnalyze(b *testing.B) {
	src := corpus(b)
	eng := parallaxEngine(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = eng.Analyze(src)
	}
}

// BenchmarkProseSegment builds a prose document with tagging and entity
// extraction off: tokenisation and sentence segmentation.
func BenchmarkProseSegment(b *testing.B) {
	src := corpus(b)
	seg := segmenters(b)[1]
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := seg.split(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSentencesTokenize runs neurosnap/sentences' English tokenizer.
func BenchmarkSentencesTokenize(b *testing.B) {
	src := corpus(b)
	tok := sentencesTokenizer(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = tok.Tokenize(src)
	}
}
