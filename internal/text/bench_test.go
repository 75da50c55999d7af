package text

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchText is the five seed articles, repeated to about 1 MB.
func benchText(b *testing.B) string {
	b.Helper()
	files, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no seed articles: %v", err)
	}
	var one strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		one.Write(data)
		one.WriteString("\n\n")
	}
	return strings.Repeat(one.String(), 1<<20/one.Len()+1)
}

// seedArticles returns the five seed articles.
func seedArticles(b *testing.B) []string {
	b.Helper()
	files, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no seed articles: %v", err)
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

// BenchmarkAnalyze measures the whole text engine (normalisation,
// furniture, sentences, quotation state and tokens) the way it runs: one
// article at a time, over the five seed articles.
func BenchmarkAnalyze(b *testing.B) {
	e := newTestEngine(b)
	arts := seedArticles(b)
	n := 0
	for _, a := range arts {
		n += len(a)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			e.Analyze(a)
		}
	}
}

// BenchmarkAnalyzeLarge measures the text engine on one text of about 1 MB.
func BenchmarkAnalyzeLarge(b *testing.B) {
	e := newTestEngine(b)
	src := benchText(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		e.Analyze(src)
	}
}

// BenchmarkNormalize measures normalisation alone.
func BenchmarkNormalize(b *testing.B) {
	src := benchText(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Normalize(src)
	}
}

// BenchmarkSentences measures the segmenter alone, paragraph by paragraph.
func BenchmarkSentences(b *testing.B) {
	e := newTestEngine(b)
	paras := strings.Split(benchText(b), "\n")
	n := 0
	for _, p := range paras {
		n += len(p) + 1
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			e.Segmenter().Sentences(p)
		}
	}
}

// BenchmarkTokens measures the tokenizer alone.
func BenchmarkTokens(b *testing.B) {
	e := newTestEngine(b)
	src := Normalize(benchText(b)).Text
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		e.Tokenizer().Tokens(src)
	}
}

// BenchmarkPathological runs inputs that would be slow if any scan in the
// engine were quadratic: one endless paragraph of unclosed brackets, of
// periods without spaces, and of dotted abbreviations. Compare ns/byte
// across sizes to see that the cost stays linear.
func BenchmarkPathological(b *testing.B) {
	for _, unit := range []string{"He said (so ", "a.", "at 5 a.m. ", "x,", "“a ‘b "} {
		for _, n := range []int{1 << 14, 1 << 18} {
			src := strings.Repeat(unit, n/len(unit))
			b.Run(fmt.Sprintf("%q/%d", unit, len(src)), func(b *testing.B) {
				e := newTestEngine(b)
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					e.Analyze(src)
				}
			})
		}
	}
}
