package text

import (
	"bufio"
	"strings"
	"testing"
)

func addSeeds(f *testing.F) {
	for _, s := range []string{
		"Hello World. My name is Jonas.",
		"MENAFN - Kashmir Observer) Moscow - Putin said“no.”",
		"date 2025-06-23 By Jane Doe\n\n“A.\n“B. C.”",
		"1.) a 2.) b",
		"• 9. x • 10. y",
		"JOHN/AFP via Getty Images",
		"x pic.twitter.com/a — N (@h) June 1, 2020",
		"a\u00a0b\u200bc\r\nd cafe\u0301",
		"$5 million, 5 per cent, June 23, 2025.",
	} {
		f.Add(s)
	}
}

// FuzzAnalyze checks that Analyze never panics and that its spans always
// point into the text, in order, on rune boundaries.
func FuzzAnalyze(f *testing.F) {
	addSeeds(f)
	e := newTestEngine(f)
	f.Fuzz(func(t *testing.T, src string) {
		checkSpans(t, src, e.Analyze(src))
	})
}

// FuzzNormalize checks that the offset map is monotonic and total.
func FuzzNormalize(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		checkOrig(t, src, Normalize(src))
	})
}

// FuzzSplit checks that the bufio.SplitFunc terminates and returns every
// non-space byte of the input once, in order.
func FuzzSplit(f *testing.F) {
	addSeeds(f)
	e := newTestEngine(f)
	f.Fuzz(func(t *testing.T, src string) {
		sc := bufio.NewScanner(strings.NewReader(src))
		sc.Buffer(make([]byte, 64), 1<<20)
		sc.Split(e.Segmenter().Split)
		var b strings.Builder
		for sc.Scan() {
			b.WriteString(sc.Text())
		}
		if sc.Err() != nil {
			return // a paragraph over the buffer limit
		}
		strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if strip(b.String()) != strip(src) {
			t.Fatalf("sentences lost or repeated text:\n got %q\nwant %q", strip(b.String()), strip(src))
		}
	})
}
