package eval

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPRF(t *testing.T) {
	tests := []struct {
		name    string
		c       PRF
		p, r, f float64
	}{
		{"zero", PRF{}, 0, 0, 0},
		{"perfect", PRF{TP: 3}, 1, 1, 1},
		{"mixed", PRF{TP: 2, FP: 2, FN: 6}, 0.5, 0.25, 1.0 / 3},
		{"only fp", PRF{FP: 4}, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, x := range []struct {
				name      string
				got, want float64
			}{{"precision", tt.c.Precision(), tt.p}, {"recall", tt.c.Recall(), tt.r}, {"F1", tt.c.F1(), tt.f}} {
				if math.Abs(x.got-x.want) > 1e-9 {
					t.Errorf("%s of %+v = %v, want %v", x.name, tt.c, x.got, x.want)
				}
			}
		})
	}
}

func TestScoreEntities(t *testing.T) {
	tests := []struct {
		name          string
		gold, dropped []Entity
		pred          []Entity
		want          Scores
	}{
		{
			name: "exact match only",
			gold: []Entity{{0, 2, "PER"}, {4, 5, "LOC"}},
			pred: []Entity{{0, 2, "PER"}, {4, 6, "LOC"}},
			want: Scores{All: {TP: 1, FP: 1, FN: 1}, "PER": {TP: 1}, "LOC": {FP: 1, FN: 1}},
		},
		{
			name: "wrong type is fp and fn",
			gold: []Entity{{0, 1, "ORG"}},
			pred: []Entity{{0, 1, "LOC"}},
			want: Scores{All: {FP: 1, FN: 1}, "ORG": {FN: 1}, "LOC": {FP: 1}},
		},
		{
			name: "duplicate prediction counts once",
			gold: []Entity{{0, 1, "PER"}},
			pred: []Entity{{0, 1, "PER"}, {0, 1, "PER"}},
			want: Scores{All: {TP: 1, FP: 1}, "PER": {TP: 1, FP: 1}},
		},
		{
			name: "nothing",
			want: Scores{All: {}},
		},
		{
			name:    "prediction inside a dropped mention is not counted",
			gold:    []Entity{{0, 2, "PER"}},
			dropped: []Entity{{5, 8, "LOC"}},
			pred:    []Entity{{0, 2, "PER"}, {6, 7, "MISC"}, {8, 9, "ORG"}},
			want:    Scores{All: {TP: 1, FP: 1}, "PER": {TP: 1}, "ORG": {FP: 1}},
		},
		{
			name:    "prediction overlapping a dropped mention by one token is not counted",
			dropped: []Entity{{2, 4, "MISC"}},
			pred:    []Entity{{3, 5, "PER"}, {1, 2, "PER"}},
			want:    Scores{All: {FP: 1}, "PER": {FP: 1}},
		},
		{
			name:    "an exact match wins over a dropped overlap",
			gold:    []Entity{{0, 1, "LOC"}},
			dropped: []Entity{{0, 3, "LOC"}},
			pred:    []Entity{{0, 1, "LOC"}},
			want:    Scores{All: {TP: 1}, "LOC": {TP: 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScoreEntitiesExcept(tt.gold, tt.dropped, tt.pred)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("scores (-want +got):\n%s", diff)
			}
			if tt.dropped == nil {
				if diff := cmp.Diff(got, ScoreEntities(tt.gold, tt.pred)); diff != "" {
					t.Errorf("ScoreEntities differs from ScoreEntitiesExcept with nothing dropped:\n%s", diff)
				}
			}
		})
	}
}

func TestScoresAdd(t *testing.T) {
	s := Scores{}
	s.Add(ScoreEntities([]Entity{{0, 1, "PER"}}, []Entity{{0, 1, "PER"}}))
	s.Add(ScoreEntities([]Entity{{0, 1, "LOC"}}, nil))
	want := Scores{All: {TP: 1, FN: 1}, "PER": {TP: 1}, "LOC": {FN: 1}}
	if diff := cmp.Diff(want, s); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"LOC", "PER"}, s.Types()); diff != "" {
		t.Errorf("Types (-want +got):\n%s", diff)
	}
	wantLine := "ALL   P 1.000  R 0.500  F1 0.667  (tp 1 fp 0 fn 1)"
	if !strings.Contains(s.String(), wantLine) {
		t.Errorf("String() =\n%s\nwant a line %q", s, wantLine)
	}
}

func TestProperOnly(t *testing.T) {
	tests := []struct {
		name   string
		tokens string
		ents   []Entity
		kept   []Entity
	}{
		{"name", "Barack Obama spoke", []Entity{{0, 2, "PER"}}, []Entity{{0, 2, "PER"}}},
		{"function words inside", "at the University of Chicago", []Entity{{1, 5, "ORG"}}, []Entity{{1, 5, "ORG"}}},
		{"common noun head", "off the Indonesian coast", []Entity{{1, 4, "LOC"}}, nil},
		{"lower case", "over 900 asylum seekers", []Entity{{0, 4, "PER"}}, nil},
		{"pronoun at sentence start", "He said", []Entity{{0, 1, "PER"}}, nil},
		{"numbers ignored", "World War II in 1939", []Entity{{0, 3, "MISC"}, {4, 5, "MISC"}}, []Entity{{0, 3, "MISC"}}},
		{"possessive", "Obama 's administration and Obama 's", []Entity{{0, 3, "ORG"}, {4, 6, "PER"}}, []Entity{{4, 6, "PER"}}},
		{"quoted title", `" Yesterday " was`, []Entity{{0, 3, "MISC"}}, []Entity{{0, 3, "MISC"}}},
		{"sentence-initial common noun is kept", "Fishermen rescued them", []Entity{{0, 1, "PER"}, {2, 3, "PER"}}, []Entity{{0, 1, "PER"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept, dropped := ProperOnly(strings.Fields(tt.tokens), tt.ents)
			if diff := cmp.Diff(tt.kept, kept); diff != "" {
				t.Errorf("kept (-want +got):\n%s", diff)
			}
			if len(kept)+len(dropped) != len(tt.ents) {
				t.Errorf("kept %d + dropped %d != %d entities", len(kept), len(dropped), len(tt.ents))
			}
		})
	}
}

func TestGUMGold(t *testing.T) {
	s := NERSentence{
		Tokens: strings.Fields("On Friday , President Joko Widodo of Indonesia told the Jakarta Post about the boat and Windows"),
		Tags:   strings.Fields("O time O person person person person person O organization organization organization O object object O object"),
	}
	// "President Joko Widodo of Indonesia" is one IO run of "person"; "the"
	// is trimmed from "the Jakarta Post" but not from the dropped "the boat".
	gold, dropped := GUMGold(s)
	wantGold := []Entity{{3, 8, "PER"}, {10, 12, "ORG"}, {16, 17, "MISC"}}
	wantDropped := []Entity{{1, 2, "time"}, {13, 15, "MISC"}}
	if diff := cmp.Diff(wantGold, gold); diff != "" {
		t.Errorf("gold (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantDropped, dropped); diff != "" {
		t.Errorf("dropped (-want +got):\n%s", diff)
	}
	for gum, want := range map[string]string{"person": "PER", "organization": "ORG", "place": "LOC", "event": "MISC", "object": "MISC", "abstract": "MISC", "time": "", "quantity": "", "substance": "", "animal": "", "plant": ""} {
		if got := GUMType(gum); got != want {
			t.Errorf("GUMType(%q) = %q, want %q", gum, got, want)
		}
	}
}
