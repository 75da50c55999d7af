package voice

import (
	"maps"
	"math"
	"slices"
	"testing"

	"parallax"
)

func TestShare(t *testing.T) {
	names := map[string]string{"e1": "Vladimir Putin", "e2": "Dmitry Peskov"}
	for _, tc := range []struct {
		name       string
		quotes     []q
		wantShares map[string]map[string]float64
		wantVoices map[string][]parallax.Voice
	}{
		{
			name:       "no quotes",
			wantShares: map[string]map[string]float64{},
			wantVoices: map[string][]parallax.Voice{},
		},
		{
			name: "two speakers and an unknown one, every kind counts",
			quotes: []q{
				{"a", "e1", parallax.Direct, "one two three four five six"}, // 6
				{"a", "e2", parallax.Partial, "one, two"},                   // 2
				{"a", "e1", parallax.Indirect, "one two — four"},            // 3
				{"a", "", parallax.Direct, "one two three four five"},       // 5
				{"b", "e2", parallax.Direct, "one two three"},               // 3
				{"b", "e3", parallax.Direct, "one"},                         // 1, no name
			},
			wantShares: map[string]map[string]float64{
				"a": {"e1": 9.0 / 16, "e2": 2.0 / 16},
				"b": {"e2": 0.75, "e3": 0.25},
			},
			wantVoices: map[string][]parallax.Voice{
				"a": {
					{Speaker: "e1", SpeakerName: "Vladimir Putin", Quotes: 2, Words: 9, Share: 9.0 / 16},
					{Speaker: "", Quotes: 1, Words: 5, Share: 5.0 / 16},
					{Speaker: "e2", SpeakerName: "Dmitry Peskov", Quotes: 1, Words: 2, Share: 2.0 / 16},
				},
				"b": {
					{Speaker: "e2", SpeakerName: "Dmitry Peskov", Quotes: 1, Words: 3, Share: 0.75},
					{Speaker: "e3", Quotes: 1, Words: 1, Share: 0.25},
				},
			},
		},
		{
			name:       "only unknown speakers",
			quotes:     []q{{"a", "", parallax.Direct, "a b"}},
			wantShares: map[string]map[string]float64{"a": {}},
			wantVoices: map[string][]parallax.Voice{"a": {{Quotes: 1, Words: 2, Share: 1}}},
		},
		{
			name:       "no words at all",
			quotes:     []q{{"a", "e1", parallax.Direct, "..."}, {"a", "e2", parallax.Direct, ""}},
			wantShares: map[string]map[string]float64{"a": {"e1": 0, "e2": 0}},
			wantVoices: map[string][]parallax.Voice{"a": {
				{Speaker: "e1", SpeakerName: "Vladimir Putin", Quotes: 1},
				{Speaker: "e2", SpeakerName: "Dmitry Peskov", Quotes: 1},
			}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			shares, voices := Share(makeQuotes(tc.quotes), names)
			if !maps.EqualFunc(shares, tc.wantShares, func(x, y map[string]float64) bool { return maps.EqualFunc(x, y, near) }) {
				t.Errorf("shares %v, want %v", shares, tc.wantShares)
			}
			if !maps.EqualFunc(voices, tc.wantVoices, func(x, y []parallax.Voice) bool { return slices.EqualFunc(x, y, sameVoice) }) {
				t.Errorf("voices %+v, want %+v", voices, tc.wantVoices)
			}
			for article, vs := range voices {
				sum, words := 0.0, 0
				for _, v := range vs {
					sum += v.Share
					words += v.Words
				}
				if words > 0 && !near(sum, 1) {
					t.Errorf("%s: shares sum to %v", article, sum)
				}
			}
		})
	}
}

func near(x, y float64) bool { return math.Abs(x-y) < 1e-9 }

// sameVoice compares voices, their shares up to rounding.
func sameVoice(v, w parallax.Voice) bool {
	return v.Speaker == w.Speaker && v.SpeakerName == w.SpeakerName && v.Quotes == w.Quotes &&
		v.Words == w.Words && near(v.Share, w.Share)
}

func TestShareSpans(t *testing.T) {
	for _, tc := range []struct {
		name       string
		articles   map[string]string
		quotes     []q
		wantVoices map[string][]parallax.Voice
	}{
		{
			name: "a partial inside an indirect quote counts once",
			articles: map[string]string{
				"a": "Lee called the raid “reckless aggression” with no basis. Kim said: “We will answer.”",
			},
			quotes: []q{
				{"a", "e1", parallax.Indirect, "the raid “reckless aggression” with no basis"}, // 7
				{"a", "e1", parallax.Partial, "reckless aggression"},                           // inside
				{"a", "e2", parallax.Direct, "We will answer."},                                // 3
			},
			wantVoices: map[string][]parallax.Voice{"a": {
				{Speaker: "e1", SpeakerName: "Vladimir Putin", Quotes: 1, Words: 7, Share: 0.7},
				{Speaker: "e2", SpeakerName: "Dmitry Peskov", Quotes: 1, Words: 3, Share: 0.3},
			}},
		},
		{
			name: "a nested quote of another speaker adds nothing",
			articles: map[string]string{
				"a": "Lee said the raid could create a “radiation hazard” soon.",
			},
			quotes: []q{
				{"a", "e1", parallax.Indirect, "the raid could create a “radiation hazard” soon."}, // 8
				{"a", "e2", parallax.Partial, "radiation hazard"},
			},
			wantVoices: map[string][]parallax.Voice{"a": {
				{Speaker: "e1", SpeakerName: "Vladimir Putin", Quotes: 1, Words: 8, Share: 1},
			}},
		},
		{
			name: "overlapping spans count their shared words once",
			articles: map[string]string{
				"a": "one two three four five six",
			},
			quotes: []q{
				{"a", "e1", parallax.Direct, "one two three four"},
				{"a", "e2", parallax.Direct, "three four five six"}, // 2 words past the first
			},
			wantVoices: map[string][]parallax.Voice{"a": {
				{Speaker: "e1", SpeakerName: "Vladimir Putin", Quotes: 1, Words: 4, Share: 4.0 / 6},
				{Speaker: "e2", SpeakerName: "Dmitry Peskov", Quotes: 1, Words: 2, Share: 2.0 / 6},
			}},
		},
		{
			name: "the same line twice, headline and body, counts twice",
			articles: map[string]string{
				"a": "“We will answer” / Lee said: “We will answer.”",
			},
			quotes: []q{
				{"a", "e1", parallax.Direct, "We will answer"},
				{"a", "e1", parallax.Direct, "We will answer."},
			},
			wantVoices: map[string][]parallax.Voice{"a": {
				{Speaker: "e1", SpeakerName: "Vladimir Putin", Quotes: 2, Words: 6, Share: 1},
			}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			quotes := placed(t, tc.articles, tc.quotes)
			_, voices := Share(quotes, map[string]string{"e1": "Vladimir Putin", "e2": "Dmitry Peskov"})
			if !maps.EqualFunc(voices, tc.wantVoices, func(x, y []parallax.Voice) bool { return slices.EqualFunc(x, y, sameVoice) }) {
				t.Errorf("voices %+v, want %+v", voices, tc.wantVoices)
			}
		})
	}
}
