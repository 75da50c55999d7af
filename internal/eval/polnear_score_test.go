package eval

import (
	"testing"

	"parallax"
)

func sp(a, b int) parallax.Span { return parallax.Span{Start: a, End: b} }

func TestOverlapMatch(t *testing.T) {
	tests := []struct {
		name string
		a, b parallax.Span
		want bool
	}{
		{"equal", sp(0, 10), sp(0, 10), true},
		{"half of the longer", sp(0, 10), sp(5, 10), true},
		{"under half", sp(0, 10), sp(6, 10), false},
		{"shifted", sp(0, 10), sp(4, 14), true},
		{"touching", sp(0, 10), sp(10, 20), false},
		{"inside a long one", sp(0, 100), sp(10, 20), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := OverlapMatch(tt.a, tt.b); got != tt.want {
				t.Errorf("OverlapMatch(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestSpeakerMatches(t *testing.T) {
	tests := []struct {
		name string
		g, p Quote
		want bool
	}{
		{"span overlap", Quote{Speaker: "Mr. Steele", SpeakerSpan: sp(10, 20)}, Quote{Speaker: "Steele", SpeakerSpan: sp(14, 20)}, true},
		{"same text elsewhere", Quote{Speaker: "Mr. Steele", SpeakerSpan: sp(10, 20)}, Quote{Speaker: "mr.  steele", SpeakerSpan: sp(90, 100)}, true},
		{"surname", Quote{Speaker: "Donald Trump"}, Quote{Speaker: "Trump"}, true},
		{"possessive surname", Quote{Speaker: "Trump's spokesman Hope Hicks"}, Quote{Speaker: "Hicks"}, true},
		{"other person", Quote{Speaker: "Donald Trump"}, Quote{Speaker: "Hillary Clinton"}, false},
		{"common noun head", Quote{Speaker: "White House spokesman"}, Quote{Speaker: "Pentagon spokesman"}, false},
		{"pronoun by span", Quote{Speaker: "he", SpeakerSpan: sp(5, 7), Resolved: "Steele"}, Quote{Speaker: "Michael Steele", SpeakerSpan: sp(5, 7)}, true},
		{"pronoun by antecedent", Quote{Speaker: "he", SpeakerSpan: sp(5, 7), Resolved: "Mr. Steele"}, Quote{Speaker: "Michael Steele", SpeakerSpan: sp(0, 2)}, true},
		{"pronoun, wrong name", Quote{Speaker: "he", SpeakerSpan: sp(5, 7), Resolved: "Mr. Steele"}, Quote{Speaker: "Obama"}, false},
		{"pronoun text alone", Quote{Speaker: "he", SpeakerSpan: sp(5, 7)}, Quote{Speaker: "he", SpeakerSpan: sp(50, 52)}, false},
		{"no gold speaker, none given", Quote{}, Quote{}, true},
		{"no gold speaker, a guess", Quote{}, Quote{Speaker: "Obama"}, false},
		{"missing prediction", Quote{Speaker: "Obama"}, Quote{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SpeakerMatches(tt.g, tt.p); got != tt.want {
				t.Errorf("SpeakerMatches(%+v, %+v) = %v, want %v", tt.g, tt.p, got, tt.want)
			}
		})
	}
}

func TestScoreQuotes(t *testing.T) {
	gold := []Quote{
		{Content: sp(0, 20), Speaker: "Putin", SpeakerSpan: sp(25, 30)},
		{Content: sp(40, 60), Speaker: "he", SpeakerSpan: sp(62, 64), Resolved: "Putin"},
		{Content: sp(100, 120), Speaker: "Peskov", SpeakerSpan: sp(90, 96)},
	}
	pred := []Quote{
		{Content: sp(0, 20), Speaker: "Vladimir Putin"},                   // exact, right speaker by surname
		{Content: sp(42, 60), Speaker: "Lavrov", SpeakerSpan: sp(70, 76)}, // overlap, wrong speaker
		{Content: sp(0, 18), Speaker: "Putin"},                            // duplicate of the first: a false positive
		{Content: sp(200, 220), Speaker: "Putin"},                         // nothing there
	}
	s := ScoreQuotes(gold, pred)
	if want := (PRF{TP: 1, FP: 3, FN: 2}); s.Exact != want {
		t.Errorf("exact = %+v, want %+v", s.Exact, want)
	}
	if want := (PRF{TP: 2, FP: 2, FN: 1}); s.Overlap != want {
		t.Errorf("overlap = %+v, want %+v", s.Overlap, want)
	}
	if want := (SpeakerScores{Gold: 3, Matched: 2, Correct: 1}); s.Speaker != want {
		t.Errorf("speaker = %+v, want %+v", s.Speaker, want)
	}
	if got := s.Speaker.Accuracy(); got != 0.5 {
		t.Errorf("accuracy = %v, want 0.5", got)
	}
	if got := ScoreQuotes(nil, nil); got.Exact.F1() != 0 || got.Speaker.Accuracy() != 0 {
		t.Errorf("empty = %+v", got)
	}
}

func TestScoreSpeakers(t *testing.T) {
	gold := []Quote{
		{Content: sp(5, 10), Speaker: "Donald Trump"},
		{Content: sp(12, 15), Speaker: "Donald Trump"},
		{Content: sp(50, 55), Speaker: "Rick Perry"},
		{Content: sp(80, 85), Speaker: "Vicente Fox"},
	}
	pred := []Quote{
		{Content: sp(0, 40), Speaker: "Trump", SpeakerSpan: sp(41, 46)},
		{Content: sp(45, 60), Speaker: "Cruz"},
	}
	want := SpeakerScores{Gold: 4, Matched: 3, Correct: 2}
	if got := ScoreSpeakers(gold, pred); got != want {
		t.Errorf("ScoreSpeakers = %+v, want %+v", got, want)
	}
}
