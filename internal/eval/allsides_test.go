package eval

import (
	"slices"
	"strings"
	"testing"
)

const allSidesLine = `{"id": 7, "issue": " Court Rules ", "topic": "Supreme Court", "link": "/story/x", "date": "2021-10-18T16:15:00-07:00",
 "roundup": ["The court ruled on Monday.\u00a0", "\tThe vote was 9-0. ", "Coverage was balanced across the spectrum.", " "],
 "news": {
  "left": {"stance": "left", "newsSource": "CNN (Online News)", "newsTitle": "Court sides with police", "newsLink": "https://l", "newBody": ["First. Second.", " ", "Third..."]},
  "center": {"stance": "center", "newsSource": "CNBC", "newsTitle": "Court rules", "newsLink": "https://c", "newBody": ["One."]},
  "right": {"stance": "right", "newsSource": "Fox News", "newsTitle": "Court protects cops", "newsLink": "https://r", "newBody": ["Uno."]}}}`

func TestParseAllSides(t *testing.T) {
	s := parseAllSides(3, []byte(allSidesLine))
	if s.Skip != "" {
		t.Fatalf("Skip = %q", s.Skip)
	}
	if s.Line != 3 || s.ID != 7 || s.Issue != "Court Rules" || s.Date.Year() != 2021 || s.Date.Day() != 18 {
		t.Errorf("story = %+v", s)
	}
	if want := []string{"The court ruled on Monday.", "The vote was 9-0."}; !slices.Equal(s.Summary, want) {
		t.Errorf("Summary = %q, want %q", s.Summary, want)
	}
	if want := []string{"Coverage was balanced across the spectrum."}; !slices.Equal(s.Notes, want) {
		t.Errorf("Notes = %q, want %q", s.Notes, want)
	}
	if got, want := s.Reference(), "The court ruled on Monday.\n\nThe vote was 9-0."; got != want {
		t.Errorf("Reference = %q, want %q", got, want)
	}
	if s.Left.Text != "First. Second.\n\nThird..." || s.Left.Outlet != "CNN (Online News)" || s.Left.ID != StanceLeft || s.Left.URL != "https://l" {
		t.Errorf("Left = %+v", s.Left)
	}
	var ids []string
	for _, a := range s.Articles() {
		ids = append(ids, a.ID)
	}
	if !slices.Equal(ids, AllSidesStances) {
		t.Errorf("Articles IDs = %q", ids)
	}
	if a, ok := s.Article("center"); !ok || a.Outlet != "CNBC" {
		t.Errorf("Article(center) = %+v, %v", a, ok)
	}
	if _, ok := s.Article("nyt"); ok {
		t.Error("Article(nyt) found")
	}
	pa := s.ParallaxArticles()
	if len(pa) != 3 || pa[2].ID != "right" || pa[2].Outlet != "Fox News" || pa[2].Text != "Uno." || pa[2].Story != "7" || !pa[2].Published.Equal(s.Date) {
		t.Errorf("ParallaxArticles()[2] = %+v", pa[2])
	}
}

func TestParseAllSidesSkips(t *testing.T) {
	noCenter := strings.Replace(allSidesLine, `"center": {`, `"centre": {`, 1)
	emptyRight := strings.Replace(allSidesLine, `["Uno."]`, `[" "]`, 1)
	noSummary := strings.Replace(allSidesLine, `"The court ruled on Monday.\u00a0", "\tThe vote was 9-0. ", "Coverage was balanced across the spectrum.", `, `"\u00a0", `, 1)
	tests := []struct {
		name, line, want string
	}{
		{"invalid JSON", `{"id": 1,`, "invalid JSON"},
		{"no id", `{"issue": "x"}`, "no id"},
		{"missing centre", noCenter, "center article missing"},
		{"empty right", emptyRight, "right article without text"},
		{"invalid left", strings.Replace(allSidesLine, `"newBody": ["First. Second.", " ", "Third..."]`, `"newBody": 5`, 1), "left article invalid"},
		{"no summary", noSummary, "no roundup summary"},
	}
	var stories []AllSidesStory
	for _, tt := range tests {
		s := parseAllSides(1, []byte(tt.line))
		if s.Skip != tt.want {
			t.Errorf("%s: Skip = %q, want %q", tt.name, s.Skip, tt.want)
		}
		stories = append(stories, s)
	}
	stories = append(stories, parseAllSides(2, []byte(allSidesLine)), parseAllSides(3, []byte(`[`)))
	counts := SkipCounts(stories)
	if len(counts) != 6 || counts["invalid JSON"] != 2 {
		t.Errorf("SkipCounts = %v", counts)
	}
	if got := FormatCounts(map[string]int{"b": 1, "a": 1, "c": 3}); got != "c: 3; a: 1; b: 1" {
		t.Errorf("FormatCounts = %q", got)
	}
	if got := FormatCounts(nil); got != "none" {
		t.Errorf("FormatCounts(nil) = %q", got)
	}
}

func TestIsCoverageNote(t *testing.T) {
	tests := []struct {
		p    string
		want bool
	}{
		{"Coverage was somewhat more common in left- and center-rated outlets than right-rated outlets on Monday.", true},
		{"The news was covered prominently across the spectrum Monday.", true},
		{"Voices in left-rated outlets tended to frame Carlson’s visit to Hungary negatively.", true},
		{"Right-rated outlets were more likely to highlight the role of “surging” inflation.", true},
		{"The testimonies made headlines across the spectrum Tuesday morning.", true},
		{"Perspectives on Carville's remarks were generally sparse.", true},
		{"The 19–0 vote followed an all-virtual meeting that featured hours of discussions.", false},
		{"The flight was a milestone for Bezos, even though it did not enter orbit.", false},
		{"More than three-quarters of Republican-led states plan to end an extra $300-a-week in federal jobless benefits early.", false},
	}
	for _, tt := range tests {
		if got := IsCoverageNote(tt.p); got != tt.want {
			t.Errorf("IsCoverageNote(%q) = %v, want %v", tt.p, got, tt.want)
		}
	}
}
