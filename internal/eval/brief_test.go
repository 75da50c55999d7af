package eval

import (
	"regexp"
	"strings"
	"testing"

	"parallax"
)

// splitDots is a stand-in sentence splitter for the unit tests: a sentence
// ends at ".", "!" or "?" followed by space.
func splitDots(s string) []string {
	var out []string
	for _, p := range regexp.MustCompile(`[.!?]\s+`).Split(strings.TrimSpace(s)+" ", -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p+".")
		}
	}
	return out
}

func TestLead(t *testing.T) {
	if got := Lead("A b. C d. E f. G h.", 3, splitDots); got != "A b. C d. E f." {
		t.Errorf("Lead = %q", got)
	}
	if got := Lead("A b.", 3, splitDots); got != "A b." {
		t.Errorf("Lead of a short text = %q", got)
	}
}

func testStories() []AllSidesStory {
	mk := func(id, text string) AllSidesArticle {
		return AllSidesArticle{ID: id, Outlet: id + " outlet", Paragraphs: []string{text}, Text: text}
	}
	return []AllSidesStory{
		{ID: 1, Summary: []string{"Putin met Araghchi in Moscow on Monday. He condemned the strikes."},
			Left:   mk("left", "Araghchi flew to Moscow. Putin condemned the strikes. Iran thanked Russia. More."),
			Center: mk("center", "Putin met Araghchi in Moscow on Monday. The talks lasted an hour. Nothing was signed. Later."),
			Right:  mk("right", "Russia offered little. Putin spoke. Iran waited. Then.")},
		{ID: 2, Summary: []string{"The court ruled for the police."},
			Left:   mk("left", "The court ruled for the police in two cases."),
			Center: mk("center", "Judges decided two cases."),
			Right:  mk("right", "Police won.")},
		{ID: 3, Skip: "center article missing"},
	}
}

func TestScoreBriefs(t *testing.T) {
	stories := testStories()
	lead := func(st AllSidesStory) []parallax.SummarySentence {
		var out []parallax.SummarySentence
		for _, s := range splitDots(Lead(st.Center.Text, 3, splitDots)) {
			out = append(out, parallax.SummarySentence{Text: s, Citations: []string{"center"}})
		}
		return out
	}
	s := ScoreBriefs(stories, splitDots, lead)
	if s.Stories != 2 || s.Skipped["center article missing"] != 1 || !s.Stemmed || s.Lead != 3 {
		t.Fatalf("scores = %+v", s)
	}
	// The centre lead as a brief is the centre-lead baseline, fully cited
	// and valid.
	if s.Brief != s.CenterLead {
		t.Errorf("brief %v != centre lead %v", s.Brief, s.CenterLead)
	}
	if s.Sentences != 4 || s.CitedShare() != 1 || s.ValidShare() != 1 || len(s.Invalid) != 0 {
		t.Errorf("citations: %d sentences, cited %.2f, valid %.2f, invalid %+v", s.Sentences, s.CitedShare(), s.ValidShare(), s.Invalid)
	}
	// Story 2: the left lead is the best; story 1: the centre lead.
	if s.BestSide["left"] != 1 || s.BestSide["center"] != 1 {
		t.Errorf("BestSide = %v", s.BestSide)
	}
	if !(s.BestLead.R1.F >= s.MeanLead.R1.F && s.BestLead.R1.F >= s.CenterLead.R1.F) {
		t.Errorf("best lead %v below mean %v or centre %v", s.BestLead, s.MeanLead, s.CenterLead)
	}
	if !strings.Contains(s.String(), "brief sentences 4 (0 empty briefs): cited 100.0%, valid 100.0%") {
		t.Errorf("String() =\n%s", s)
	}

	// Wrong, missing and unknown citations, a bad quote, an empty brief.
	bad := func(st AllSidesStory) []parallax.SummarySentence {
		if st.ID == 2 {
			return nil
		}
		return []parallax.SummarySentence{
			{Text: "Putin met Araghchi in Moscow on Monday.", Citations: []string{"right"}},
			{Text: "Putin met Araghchi in Moscow on Monday."},
			{Text: "Putin met Araghchi in Moscow on Monday.", Citations: []string{"center", "nyt"}},
			{Text: `Putin "condemned the strikes".`, Citations: []string{"left"}},
			{Text: `Putin "condemned the attacks".`, Citations: []string{"left"}},
		}
	}
	s = BriefEval{Split: splitDots, Lead: 1, Unstemmed: true}.Score(stories, bad)
	if s.Stemmed || s.Lead != 1 || s.EmptyBriefs != 1 || s.Sentences != 5 || s.Cited != 4 || s.Valid != 1 || s.Quoted != 2 || s.Verbatim != 1 {
		t.Errorf("bad briefs: %+v", s)
	}
	if len(s.Invalid) != 4 || s.Invalid[0].Story != 1 || s.Invalid[0].Support >= 0.9 || !s.Invalid[3].BadQuotes {
		t.Errorf("Invalid = %+v", s.Invalid)
	}

	// Without a generator, only the baselines.
	s = ScoreBriefs(stories, splitDots, nil)
	if s.Sentences != 0 || s.Brief != (ROUGE{}) || strings.Contains(s.String(), "brief") {
		t.Errorf("no generator: %+v\n%s", s, s)
	}
}
