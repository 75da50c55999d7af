package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"parallax"
	"parallax/internal/eval"
	"parallax/internal/text"
	"parallax/rules"
)

// datasets is the shared data sets directory, seen from this package.
var datasets = filepath.Join("..", "..", "..", "shared", "datasets")

// speakerName is the speaker an attribution settles on: the name it
// resolves to, else the phrase at the cue.
func speakerName(a Attribution) string {
	if a.Name != "" {
		return a.Name
	}
	return a.Quote.SpeakerText
}

// evalQuotes turns attributions into the scorer's quotes, content trimmed
// by eval.TrimQuote. With direct set it keeps the quotes in quotation
// marks (direct and partial) and merges the parts of one utterance (quotes
// that share a cue, as “A,” he said, “B.”), the way PolNeAR marks one
// content over its parts; otherwise it keeps indirect speech too. A
// partial quote inside reported speech ("X said the visit came at a
// “critical juncture”") is left out: PolNeAR marks the clause around it.
func evalQuotes(src string, atts []Attribution, direct bool) []eval.Quote {
	var out []eval.Quote
	var cues []parallax.Span
	var reported []parallax.Span
	for _, a := range atts {
		if a.Quote.Kind == parallax.Indirect {
			reported = append(reported, a.Quote.Span)
		}
	}
	inside := func(s parallax.Span) bool {
		for _, r := range reported {
			if r.Start <= s.Start && s.End <= r.End {
				return true
			}
		}
		return false
	}
	for _, a := range atts {
		q := a.Quote
		if direct && q.Kind == parallax.Indirect {
			continue
		}
		if q.Kind == parallax.Partial && inside(q.Span) {
			// PolNeAR marks one attribution there: the reported clause.
			continue
		}
		if n := len(out); n > 0 && a.CueSpan.Len() > 0 && cues[n-1] == a.CueSpan && q.Kind != parallax.Indirect {
			out[n-1].Content.End = eval.TrimQuote(src, q.Span).End
			continue
		}
		out = append(out, eval.Quote{Content: eval.TrimQuote(src, q.Span), Speaker: speakerName(a), SpeakerSpan: q.SpeakerSpan})
		cues = append(cues, a.CueSpan)
	}
	return out
}

func trimGold(src string, qs []eval.Quote) []eval.Quote {
	for i := range qs {
		qs[i].Content = eval.TrimQuote(src, qs[i].Content)
	}
	return qs
}

// extractAll runs the extractor over texts in parallel.
func extractAll(t testing.TB, texts []string) [][]Attribution {
	e, err := text.New(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	out := make([][]Attribution, len(texts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = x.Extract(texts[i], e.Analyze(texts[i]))
			}
		}()
	}
	for i := range texts {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// TestPolNeAR measures quote extraction and speaker attribution on the
// PolNeAR train and dev splits.
func TestPolNeAR(t *testing.T) {
	arts, err := eval.LoadPolNeAR(datasets, "train", "dev")
	if err != nil {
		t.Skipf("PolNeAR not available: %v", err)
	}
	texts := make([]string, len(arts))
	for i, a := range arts {
		texts[i] = a.Text
	}
	preds := extractAll(t, texts)
	var direct, all eval.QuoteScores
	dump := os.Getenv("QUOTE_ERRORS") != ""
	for i, a := range arts {
		gd := trimGold(a.Text, a.GoldQuotes(true))
		pd := evalQuotes(a.Text, preds[i], true)
		direct = direct.Add(eval.ScoreQuotes(gd, pd))
		all = all.Add(eval.ScoreQuotes(trimGold(a.Text, a.GoldQuotes(false)), evalQuotes(a.Text, preds[i], false)))
		if dump {
			dumpErrors(a.Text, gd, pd)
		}
	}
	t.Logf("PolNeAR train+dev, %d articles", len(arts))
	report := func(name string, s eval.QuoteScores) {
		t.Logf("%s: exact P %.3f R %.3f F1 %.3f | overlap P %.3f R %.3f F1 %.3f | speaker accuracy %.3f (%d/%d), coverage %.3f",
			name, s.Exact.Precision(), s.Exact.Recall(), s.Exact.F1(),
			s.Overlap.Precision(), s.Overlap.Recall(), s.Overlap.F1(),
			s.Speaker.Accuracy(), s.Speaker.Correct, s.Speaker.Matched, s.Speaker.Coverage())
	}
	report("direct", direct)
	report("all   ", all)
	floors := []struct {
		name      string
		got, want float64
	}{
		{"direct exact F1", direct.Exact.F1(), 0.67},
		{"direct overlap F1", direct.Overlap.F1(), 0.695},
		{"direct speaker accuracy", direct.Speaker.Accuracy(), 0.93},
		{"all overlap F1", all.Overlap.F1(), 0.46},
		{"all speaker accuracy", all.Speaker.Accuracy(), 0.93},
	}
	for _, f := range floors {
		if f.got < f.want {
			t.Errorf("%s = %.3f, want >= %.3f", f.name, f.got, f.want)
		}
	}
}

// dumpErrors prints the speaker errors and the missed and spurious direct
// quotes of one article, for error analysis (QUOTE_ERRORS=1 go test -run PolNeAR -v).
func dumpErrors(src string, gold, pred []eval.Quote) {
	for _, g := range gold {
		best := -1
		for j, p := range pred {
			if eval.OverlapMatch(g.Content, p.Content) {
				best = j
			}
		}
		if best < 0 {
			fmt.Printf("MISS  %q  (speaker %q)\n", clip(g.Content.In(src)), g.Speaker)
			continue
		}
		p := pred[best]
		if !eval.SpeakerMatches(g, p) {
			fmt.Printf("WRONG gold %q/%q pred %q  %q\n", g.Speaker, g.Resolved, p.Speaker, clip(g.Content.In(src)))
			if os.Getenv("QUOTE_ERRORS") == "ctx" {
				fmt.Printf("      ...%q [QUOTE] %q\n", src[max(0, g.Content.Start-120):g.Content.Start], src[g.Content.End:min(len(src), g.Content.End+100)])
			}
		}
	}
	for _, p := range pred {
		hit := false
		for _, g := range gold {
			if eval.OverlapMatch(g.Content, p.Content) {
				hit = true
			}
		}
		if !hit {
			fmt.Printf("FP    %q  (speaker %q)\n", clip(p.Content.In(src)), p.Speaker)
		}
	}
}

func clip(s string) string {
	if len(s) > 90 {
		return s[:90] + "…"
	}
	return s
}

// TestBASIL measures speaker accuracy on the quotes BASIL marks.
func TestBASIL(t *testing.T) {
	arts, err := eval.LoadBASIL(datasets)
	if err != nil {
		t.Skipf("BASIL not available: %v", err)
	}
	texts := make([]string, len(arts))
	for i, a := range arts {
		texts[i] = a.Text
	}
	preds := extractAll(t, texts)
	var s eval.SpeakerScores
	for i, a := range arts {
		s = s.Add(eval.ScoreSpeakers(a.GoldQuotes(true), evalQuotes(a.Text, preds[i], true)))
	}
	t.Logf("BASIL, %d articles: speaker accuracy %.3f (%d/%d), coverage %.3f", len(arts), s.Accuracy(), s.Correct, s.Matched, s.Coverage())
	if s.Accuracy() < 0.52 {
		t.Errorf("speaker accuracy %.3f, want >= 0.52", s.Accuracy())
	}
}
