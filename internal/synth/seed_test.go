package synth

import (
	"strings"
	"testing"

	"parallax/internal/eval"
)

// TestSeedBrief writes the brief of the seed story through the real
// stages: 5 to 10 sentences, each cited by articles that contain it, the
// timing dispute stated as disputed, and no loaded term outside a quote.
func TestSeedBrief(t *testing.T) {
	st := loadStages(t)
	arts := seedArticles(t)
	s := st.story(arts)
	sum := st.writer.Brief(s, arts, Options{})
	if n := len(sum.Sentences); n < 5 || n > 10 {
		t.Fatalf("%d sentences, want 5 to 10", n)
	}
	texts := map[string]string{}
	for _, a := range arts {
		texts[a.ID] = a.Text
	}
	disputed := false
	for _, sn := range sum.Sentences {
		t.Logf("%s %v %v", sn.Text, sn.Citations, sn.Claims)
		var cited []string
		for _, id := range sn.Citations {
			cited = append(cited, texts[id])
		}
		if !eval.CitationValid(sn.Text, cited) {
			share, missing := eval.Support(sn.Text, cited)
			t.Errorf("not backed by its citations %v (%.2f, missing %v): %s", sn.Citations, share, missing, sn.Text)
		}
		if len(sn.Claims) == 0 && !strings.HasPrefix(sn.Text, "Reports differ") {
			t.Errorf("no claims: %s", sn.Text)
		}
		if strings.HasPrefix(sn.Text, "Reports differ on") && len(sn.Citations) >= 2 {
			disputed = true
		}
		if term := st.writer.loadedOutsideQuotes(sn.Text); term != "" {
			t.Errorf("loaded term %q outside a quote: %s", term, sn.Text)
		}
	}
	if !disputed {
		t.Error("the timing dispute is not stated as disputed")
	}
}

// loadedOutsideQuotes returns the first loaded term of s outside quotation
// marks, or "".
func (w *Writer) loadedOutsideQuotes(s string) string {
	ws := words(s)
	in := insideMarks(s, ws)
	for i, wd := range ws {
		lower := strings.TrimSuffix(strings.TrimSuffix(wd.lower, "'s"), "’s")
		if _, ok := w.loaded[lower]; ok && !in[i] {
			return wd.text
		}
		if n := w.phraseAt(ws, i); n > 0 && !in[i] {
			return wd.text
		}
	}
	return ""
}

// BenchmarkBriefSeed measures Brief alone on the analysed seed story.
func BenchmarkBriefSeed(b *testing.B) {
	st := loadStages(b)
	arts := seedArticles(b)
	s := st.story(arts)
	b.ReportAllocs()
	for b.Loop() {
		st.writer.Brief(s, arts, Options{})
	}
}
