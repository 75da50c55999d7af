package timex

import (
	"testing"
	"time"
)

// FuzzResolve checks that Resolve never panics on untrusted text, with and
// without a publication date, and that every span points into the text.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"The meeting came a day after the strikes.",
		"Putin met Araghchi on Monday. Three days later, the ministers met.",
		"date 2025-06-23 By Jane Doe\n\nlate on Sunday, at 3 a.m. Tehran time, 48 hours after",
		"the past two weeks, last year, in January, June 31, 2025, Feb. 29, the day before yesterday",
		"99999 years after 0 days ago the next 100000000 hours",
		"Saturday night US time; 11:30pm EDT; 0200 GMT; 12 p.m. (GMT)",
		"Two days after, Monday, June 23 a week before",
	} {
		f.Add(s, int64(0))
		f.Add(s, time.Date(2025, 6, 23, 0, 0, 0, 0, time.UTC).Unix())
	}
	eng, r := setup(f)
	f.Fuzz(func(t *testing.T, src string, unix int64) {
		var pub time.Time
		if unix != 0 {
			pub = time.Unix(unix%(1<<40), 0).UTC()
		}
		exprs := r.Resolve(src, eng.Analyze(src), pub)
		checkExprs(t, src, exprs)
		for i := range exprs {
			for j := i + 1; j < len(exprs) && j < i+3; j++ {
				r.Overlap(exprs[i], exprs[j])
			}
		}
	})
}

// TestResolveBadDoc checks that a Doc that does not belong to the text (a
// caller's mistake) gives no panic and no span outside the text.
func TestResolveBadDoc(t *testing.T) {
	eng, r := setup(t)
	long := "date 2025-06-23 By Jane Doe\n\nPutin met Araghchi on Monday. The meeting came a day after the strikes, at 3 a.m. EDT."
	doc := eng.Analyze(long)
	for _, src := range []string{"", "short", long[:40], long} {
		checkExprs(t, src, r.Resolve(src, doc, time.Time{}))
	}
	doc.Sentences = nil
	checkExprs(t, long, r.Resolve(long, doc, time.Time{}))
	if r.Resolve(long, nil, time.Time{}) != nil {
		t.Error("nil doc gave expressions")
	}
}
