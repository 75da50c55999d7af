package eval

import (
	"slices"
	"testing"
)

func TestContentStems(t *testing.T) {
	got := ContentStems("The strikes did not hit the three sites before Monday, and the strike failed.")
	want := []string{"strike", "not", "hit", "three", "site", "befor", "monday", "fail"}
	if !slices.Equal(got, want) {
		t.Errorf("ContentStems = %q, want %q", got, want)
	}
	if got := ContentStems("It was what they had."); len(got) != 0 {
		t.Errorf("ContentStems of stop words = %q, want none", got)
	}
}

func TestCitationValid(t *testing.T) {
	src := "Russian President Vladimir Putin met Iranian Foreign Minister Abbas Araghchi in Moscow on Monday. " +
		"Putin condemned the U.S. strikes on three nuclear sites, calling them \"absolutely unprovoked aggression\"."
	other := "The meeting came a day after the strikes. Araghchi said Iran was \"on the right side of history\"."
	tests := []struct {
		name     string
		sentence string
		cited    []string
		want     bool
	}{
		{"copied sentence", "Putin met Araghchi in Moscow on Monday.", []string{src}, true},
		{"inflection and order differ", "Putin condemned the strike on the nuclear sites.", []string{src}, true},
		{"union of two citations", "Putin met Araghchi a day after the strikes.", []string{src, other}, true},
		{"one citation is not enough", "Putin met Araghchi a day after the strikes.", []string{src}, false},
		{"added number", "Putin condemned strikes on four nuclear sites.", []string{src}, false},
		{"added negation", "Putin did not meet Araghchi in Moscow on Monday.", []string{src}, false},
		{"added name", "Putin met Araghchi and Netanyahu in Moscow on Monday.", []string{src}, false},
		{"one unknown word in ten is tolerated",
			"Russian President Vladimir Putin met Iranian Foreign Minister Abbas Araghchi privately in Moscow.",
			[]string{src}, true},
		{"verbatim quote", "Putin called the strikes \"absolutely unprovoked aggression\".", []string{src}, true},
		{"curly quotes and apostrophes folded", "Araghchi said Iran was “on the right side of history.”", []string{other}, true},
		{"altered quote", "Putin called the strikes \"unprovoked aggression\" and \"absolutely illegal\".", []string{src}, false},
		{"quote from an uncited text", "Araghchi said Iran was \"on the right side of history\".", []string{src}, false},
		{"no citation", "Putin met Araghchi.", nil, false},
		{"empty cited text", "Putin met Araghchi.", []string{" "}, false},
		{"no content words", "It was so.", []string{src}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CitationValid(tt.sentence, tt.cited); got != tt.want {
				share, missing := Support(tt.sentence, tt.cited)
				t.Errorf("CitationValid(%q) = %v, want %v (support %.2f, missing %q, quotes verbatim %v)",
					tt.sentence, got, tt.want, share, missing, QuotesVerbatim(tt.sentence, tt.cited))
			}
		})
	}
}

func TestSupport(t *testing.T) {
	share, missing := Support("Putin met Netanyahu in Moscow.", []string{"Putin met Araghchi in Moscow."})
	if share != 0.75 || !slices.Equal(missing, []string{"netanyahu"}) {
		t.Errorf("Support = %v, %q; want 0.75, [netanyahu]", share, missing)
	}
}

func TestQuotations(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`He said "yes" and "no".`, []string{"yes", "no"}},
		{"She called it “a tragic mistake,” then left.", []string{"a tragic mistake,"}},
		{"«Non» et „ja“", []string{"Non", "ja"}},
		{`An "unclosed quote`, nil},
		{`Empty "" quote`, nil},
		{"The officers' union", nil},
	}
	for _, tt := range tests {
		if got := Quotations(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Quotations(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestContainsVerbatim(t *testing.T) {
	text := "The Pentagon called the strike a \"tragic mistake\" on Friday. It’s over — for now."
	tests := []struct {
		quote string
		want  bool
	}{
		{"tragic mistake", true},
		{"tragic mistake,", true}, // a comma inside the closing mark
		{"It's over - for now.", true},
		{"Tragic mistake", false}, // case matters
		{"tragic  mistake", true}, // white space folded
		{"terrible mistake", false},
		{"", true},
	}
	for _, tt := range tests {
		if got := ContainsVerbatim(text, tt.quote); got != tt.want {
			t.Errorf("ContainsVerbatim(%q) = %v, want %v", tt.quote, got, tt.want)
		}
	}
}
