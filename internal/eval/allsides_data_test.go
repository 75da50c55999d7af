package eval_test

import (
	"testing"

	"parallax"
	"parallax/internal/eval"
	"parallax/internal/text"
	"parallax/rules"
)

// allSidesRoot is the shared data sets directory, seen from this package.
const allSidesRoot = "../../../shared/datasets"

// projectSplitter returns the project's sentence splitter (internal/text
// with the embedded rules) as an [eval.SentenceSplitter]. Headings are kept:
// in an excerpt they are text of the article too. Results are remembered,
// as the test scores the same texts several times; the splitter is not
// safe for concurrent use.
func projectSplitter(t testing.TB) eval.SentenceSplitter {
	eng, err := text.New(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string][]string{}
	return func(s string) []string {
		if out, ok := seen[s]; ok {
			return out
		}
		var out []string
		for _, sn := range eng.Analyze(s).Sentences {
			out = append(out, sn.In(s))
		}
		seen[s] = out
		return out
	}
}

// TestAllSidesBaselines scores the lead baselines, and the centre lead as
// a "brief" citing the centre article, on every usable AllSides story:
//
//	go test ./internal/eval/ -run AllSidesBaselines -v
//
// The floors are sanity checks, not quality targets.
func TestAllSidesBaselines(t *testing.T) {
	stories, err := eval.LoadAllSides(allSidesRoot)
	if err != nil {
		t.Skipf("AllSides data not available (%v): see ../shared/datasets/neus-allsides/SOURCE.txt", err)
	}
	var notes, later, multi int
	for _, s := range stories {
		notes += len(s.Notes)
		if len(s.Summary) > 1 {
			multi++
			later += len(s.Summary) - 1
		}
	}
	t.Logf("AllSides: %d stories read; roundups: %d coverage notes left out, %d later paragraphs kept as summary (%d stories)",
		len(stories), notes, later, multi)

	split := projectSplitter(t)
	centreLead := func(st eval.AllSidesStory) []parallax.SummarySentence {
		var out []parallax.SummarySentence
		for _, s := range split(eval.Lead(st.Center.Text, 3, split)) {
			out = append(out, parallax.SummarySentence{Text: s, Citations: []string{eval.StanceCenter}})
		}
		return out
	}
	for _, stem := range []bool{true, false} {
		s := eval.BriefEval{Split: split, Unstemmed: !stem}.Score(stories, centreLead)
		t.Logf("\n%s", s)
		skipped := 0
		for _, n := range s.Skipped {
			skipped += n
		}
		if s.Stories+skipped != len(stories) || s.Stories < 200 {
			t.Errorf("%d stories scored of %d (skipped %s)", s.Stories, len(stories), eval.FormatCounts(s.Skipped))
		}
		for name, r := range map[string]eval.ROUGE{"centre lead": s.CenterLead, "mean lead": s.MeanLead, "best lead": s.BestLead} {
			if r.R1.F < 0.15 || r.R2.F < 0.03 || r.RL.F < 0.10 || r.R1.F > 0.8 {
				t.Errorf("%s outside the sanity range: %v", name, r)
			}
		}
		if s.BestLead.R1.F < s.MeanLead.R1.F || s.BestLead.R1.F < s.CenterLead.R1.F {
			t.Errorf("oracle best lead %v below the mean %v or the centre %v", s.BestLead, s.MeanLead, s.CenterLead)
		}
		if s.Brief != s.CenterLead {
			t.Errorf("centre lead as a brief %v differs from the baseline %v", s.Brief, s.CenterLead)
		}
		if s.CitedShare() != 1 || s.ValidShare() < 0.99 {
			t.Errorf("centre lead citing the centre article: cited %.3f, valid %.3f; first failures %+v", s.CitedShare(), s.ValidShare(), s.Invalid)
		}
	}

	// The checker is not vacuous: the centre lead citing the left article
	// instead is mostly invalid.
	miscited := func(st eval.AllSidesStory) []parallax.SummarySentence {
		out := centreLead(st)
		for i := range out {
			out[i].Citations = []string{eval.StanceLeft}
		}
		return out
	}
	s := eval.ScoreBriefs(stories, split, miscited)
	t.Logf("centre lead citing the left article: valid %.1f%% of %d sentences", 100*s.ValidShare(), s.Sentences)
	if s.ValidShare() > 0.2 {
		t.Errorf("centre lead citing the left article: valid %.3f, want under 0.2", s.ValidShare())
	}
}
