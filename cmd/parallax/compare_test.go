package main

import (
	"slices"
	"strings"
	"testing"

	"parallax"
)

// TestDemoComparison checks the comparison half of the seed story's
// analysis end to end: consensus claims with their support in the text,
// an omission list for every article, and the timing disagreement of issue
// 4 (000's "a day after", 003's "two days after" and 004's "48 hours
// after" the strikes, the meeting on Monday 23 June) with both resolved
// dates and their spans.
func TestDemoComparison(t *testing.T) {
	a, s, arts := demoStory(t)
	consensus := 0
	for _, c := range s.Claims {
		if c.Status == parallax.StatusConsensus {
			consensus++
		}
		if len(c.Support) == 0 || c.Coverage < 1 || c.Text == "" {
			t.Errorf("claim %s: empty: %+v", c.ID, c)
		}
		for _, sp := range c.Support {
			if sp.Span.In(arts[sp.Article].Text) == "" {
				t.Errorf("claim %s: support %+v outside its article", c.ID, sp)
			}
		}
	}
	if consensus < 8 {
		t.Errorf("%d consensus claims, want at least 8", consensus)
	}
	for _, art := range a.Articles {
		if _, ok := s.Omissions[art.ID]; !ok {
			t.Errorf("%s: no omission list", art.ID)
		}
	}
	found := false
	for _, c := range s.Contradictions {
		if c.Kind != parallax.ContradictDate {
			continue
		}
		values := map[string]bool{}
		for _, st := range c.Statements {
			values[st.Value] = true
			if st.Span.In(arts[st.Article].Text) != st.Text {
				t.Errorf("contradiction %s: statement text is not its span's: %+v", c.ID, st)
			}
		}
		var arts []string
		for _, st := range c.Statements {
			arts = append(arts, st.Article)
		}
		if values["2025-06-21"] && values["2025-06-22"] && len(c.Statements) >= 3 && strings.Contains(c.About, "took place") {
			found = true
			slices.Sort(arts)
			t.Logf("%s: %s: %v", c.ID, c.About, arts)
		}
	}
	if !found {
		t.Errorf("the strikes' date (21 vs 22 June) is not reported as a contradiction: %+v", s.Contradictions)
	}
}

// demoStory runs the demo in-process with the JSON report and returns the
// analysis, its one story, and the articles by ID.
func demoStory(t *testing.T) (*parallax.Analysis, *parallax.Story, map[string]*parallax.Article) {
	t.Helper()
	r := run(t, "demo", "--format", "json")
	if r.code != exitOK {
		t.Fatalf("exit code %d; stderr:\n%s", r.code, r.stderr)
	}
	a := decode(t, r.stdout)
	if len(a.Stories) != 1 {
		t.Fatalf("%d stories, want 1", len(a.Stories))
	}
	arts := map[string]*parallax.Article{}
	for _, art := range a.Articles {
		arts[art.ID] = art
	}
	return a, a.Stories[0], arts
}
