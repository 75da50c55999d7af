package synth

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"parallax"
	"parallax/internal/eval"
)

// datasets is the shared data sets directory, beside the repository.
var datasets = filepath.Join("..", "..", "..", "shared", "datasets")

// TestAllSidesBriefs writes the brief of every usable AllSides story from
// its left, centre and right excerpts, through the real stages, and
// scores it against the editors' roundup next to the lead-3 baselines,
// with the share of sentences cited and validly cited. Skipped when the
// data set is absent.
func TestAllSidesBriefs(t *testing.T) {
	if _, err := os.Stat(filepath.Join(datasets, eval.AllSidesFile)); err != nil {
		t.Skipf("AllSides data absent: %v", err)
	}
	stories, err := eval.LoadAllSides(datasets)
	if err != nil {
		t.Fatal(err)
	}
	st := loadStages(t)
	for _, tc := range []struct {
		name string
		opt  Options
		// floors, a little below the figures reached
		minR1, minCited, minValid float64
	}{
		{"default", Options{}, 0.35, 1, 0.95},
		{"3 sentences", Options{Sentences: 3}, 0.33, 1, 0.95},
	} {
		t.Run(tc.name, func(t *testing.T) {
			briefs := briefsOf(st, stories, tc.opt)
			sc := eval.ScoreBriefs(stories, st.splitter(), func(s eval.AllSidesStory) []parallax.SummarySentence { return briefs[s.Line] })
			t.Logf("\n%s", sc)
			for _, in := range sc.Invalid {
				t.Logf("invalid (story %d, support %.2f, missing %v): %s", in.Story, in.Support, in.Missing, in.Sentence.Text)
			}
			if sc.Brief.R1.F < tc.minR1 {
				t.Errorf("brief ROUGE-1 F %.3f, want ≥ %.2f", sc.Brief.R1.F, tc.minR1)
			}
			if sc.CitedShare() < tc.minCited {
				t.Errorf("cited %.3f, want ≥ %.2f", sc.CitedShare(), tc.minCited)
			}
			if sc.ValidShare() < tc.minValid {
				t.Errorf("valid %.3f, want ≥ %.2f", sc.ValidShare(), tc.minValid)
			}
		})
	}
}

// briefsOf writes the brief of every usable story, on every core, keyed
// by the story's line.
func briefsOf(st *stages, stories []eval.AllSidesStory, opt Options) map[int][]parallax.SummarySentence {
	out := make([][]parallax.SummarySentence, len(stories))
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				arts := stories[i].ParallaxArticles()
				s := st.story(arts)
				out[i] = st.writer.Brief(s, arts, opt).Sentences
			}
		}()
	}
	for i, s := range stories {
		if s.Skip == "" {
			work <- i
		}
	}
	close(work)
	wg.Wait()
	m := map[int][]parallax.SummarySentence{}
	for i, s := range stories {
		m[s.Line] = out[i]
	}
	return m
}
