package voice

import (
	"slices"
	"strconv"
	"testing"

	"parallax"
)

// q is a test quote: article, speaker, kind and text.
type q struct{ article, speaker, kind, text string }

func makeQuotes(in []q) []parallax.Quote {
	out := make([]parallax.Quote, len(in))
	for i, x := range in {
		kind := x.kind
		if kind == "" {
			kind = parallax.Direct
		}
		out[i] = parallax.Quote{ID: "q" + strconv.Itoa(i+1), Article: x.article, Speaker: x.speaker, Kind: kind, Text: x.text}
	}
	return out
}

// partition returns the groups as lists of quote IDs, for comparison.
func partition(groups []parallax.QuoteGroup) [][]string {
	var out [][]string
	for _, g := range groups {
		out = append(out, g.Quotes)
	}
	return out
}

func TestGroup(t *testing.T) {
	g := newTestGrouper(t)
	for _, tc := range []struct {
		name   string
		quotes []q
		want   [][]string // quote IDs per group, in order
	}{
		{
			name: "translation with near-synonyms",
			quotes: []q{
				{"a", "e1", "", "The attack on the city has no justification and no basis in law."},
				{"b", "e1", "", "The assault on the city has no grounds and no justification in law."},
			},
			want: [][]string{{"q1", "q2"}},
		},
		{
			name: "translation with a word swapped",
			quotes: []q{
				{"a", "e1", "", "I am very glad that you are in Geneva today."},
				{"b", "e1", "", "I am very pleased to welcome you to Geneva today."},
			},
			want: [][]string{{"q1", "q2"}},
		},
		{
			name: "truncation",
			quotes: []q{
				{"a", "e1", "", "Withdrawing the peacekeepers now would be a grave mistake that will cost lives in the valley."},
				{"b", "e1", parallax.Partial, "a grave mistake that will cost lives"},
			},
			want: [][]string{{"q1", "q2"}},
		},
		{
			name: "two-word partial in another order",
			quotes: []q{
				{"a", "e1", "", "The decision was unfair and without any legal basis."},
				{"b", "e1", parallax.Partial, "basis in law, unfair"},
			},
			want: [][]string{{"q1", "q2"}},
		},
		{
			name: "indirect paraphrase of a direct quote",
			quotes: []q{
				{"a", "e1", "", "We will never abandon our allies in the region, whatever the cost."},
				{"b", "e1", parallax.Indirect, "he would never abandon his allies in the region"},
			},
			want: [][]string{{"q1", "q2"}},
		},
		{
			name: "overlapping cuts of one statement",
			quotes: []q{
				{"a", "e1", "", "The harbour will reopen on Friday. Ships carrying grain and medicine will be inspected by a joint commission at the northern pier."},
				{"b", "e1", "", "Ships carrying grain and medicine will be inspected by a joint commission at the northern pier, and fees will be waived until spring."},
			},
			want: [][]string{{"q1", "q2"}},
		},
		{
			name: "same speaker, different sentences sharing a phrase",
			quotes: []q{
				{"a", "e1", "", "We condemn the strikes on the nuclear facilities of Iran."},
				{"b", "e1", "", "The strikes on the nuclear facilities of Iran were a violation of international law."},
			},
		},
		{
			name: "same speaker, same length, shifted phrase",
			quotes: []q{
				{"a", "e1", "", "We condemn the strikes on Iran's nuclear facilities."},
				{"b", "e1", "", "The strikes on Iran's nuclear facilities were illegal."},
			},
		},
		{
			name: "same speaker, shared topic words",
			quotes: []q{
				{"a", "e1", "", "Iran has every right to defend itself against this aggression."},
				{"b", "e1", "", "The aggression against Iran has no justification whatsoever."},
				{"c", "e1", "", "We will support the Iranian people in every way we can."},
				{"d", "e1", "", "The Iranian people will decide their own future."},
				{"e", "e1", "", "Our talks with Iran today were open and useful."},
				{"f", "e1", "", "We will hold new talks with Iran next month in Geneva."},
			},
		},
		{
			name: "same speaker, short partial of words scattered in another line",
			quotes: []q{
				{"a", "e1", parallax.Partial, "friendly country"},
				{"b", "e1", "", "As a country with long and friendly relations with us, it holds a special place."},
			},
		},
		{
			name: "different known speakers never group",
			quotes: []q{
				{"a", "e1", "", "We want peace in the region and an end to the fighting."},
				{"b", "e2", "", "We want peace in the region and an end to the fighting."},
			},
		},
		{
			name: "unknown speaker joins on a strong match",
			quotes: []q{
				{"a", "e1", "", "We want peace in the region and an end to the fighting."},
				{"b", "e1", "", "We want peace in the region and an end to the fighting."},
				{"c", "", "", "we want peace in the region, and an end to the fighting"},
			},
			want: [][]string{{"q1", "q2", "q3"}},
		},
		{
			name: "same known speaker groups on a looser match",
			quotes: []q{
				{"a", "e1", "", "I am glad you are in Geneva today for this visit."},
				{"b", "e1", "", "I am very pleased to welcome you to Geneva today."},
			},
			want: [][]string{{"q1", "q2"}},
		},
		{
			name: "unknown speaker needs more than a loose match",
			quotes: []q{
				{"a", "e1", "", "I am glad you are in Geneva today for this visit."},
				{"b", "", "", "I am very pleased to welcome you to Geneva today."},
			},
		},
		{
			name: "unknown speaker between two speakers joins one",
			quotes: []q{
				{"a", "e1", "", "We want peace in the region and an end to the fighting."},
				{"b", "e2", "", "We want peace in the region and an end to the fighting."},
				{"c", "", "", "We want peace in the region and an end to the fighting."},
			},
			want: [][]string{{"q1", "q3"}},
		},
		{
			name: "headline and body of one article stay together",
			quotes: []q{
				{"a", "e1", parallax.Partial, "a grave mistake"},
				{"a", "e1", "", "Withdrawing the peacekeepers now would be a grave mistake that will cost lives."},
				{"b", "e1", "", "Withdrawing the peacekeepers now would be a grave mistake, one that will cost lives."},
			},
			want: [][]string{{"q1", "q2", "q3"}},
		},
		{
			name: "a line only one article carries makes no group",
			quotes: []q{
				{"a", "e1", parallax.Partial, "a grave mistake"},
				{"a", "e1", "", "Withdrawing the peacekeepers now would be a grave mistake that will cost lives."},
			},
		},
		{
			name: "one word quotes group only verbatim from one speaker",
			quotes: []q{
				{"a", "e1", parallax.Partial, "crucial"},
				{"b", "e1", parallax.Partial, "Crucial"},
				{"c", "", parallax.Partial, "crucial"},
				{"d", "e1", parallax.Partial, "vital"},
			},
			want: [][]string{{"q1", "q2"}},
		},
		{
			name: "empty and punctuation-only quotes",
			quotes: []q{
				{"a", "e1", "", ""},
				{"b", "e1", "", "..."},
				{"c", "e1", "", "—"},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			quotes := makeQuotes(tc.quotes)
			groups := g.Group(quotes)
			if got := partition(groups); !slices.EqualFunc(got, tc.want, slices.Equal) {
				t.Errorf("groups %v, want %v", got, tc.want)
			}
			// Group fields agree with the groups.
			in := map[string]string{}
			for _, gr := range groups {
				for _, id := range gr.Quotes {
					in[id] = gr.ID
				}
			}
			for _, q := range quotes {
				if q.Group != in[q.ID] {
					t.Errorf("%s: Group %q, want %q", q.ID, q.Group, in[q.ID])
				}
			}
		})
	}
}

func TestGroupFields(t *testing.T) {
	g := newTestGrouper(t)
	quotes := makeQuotes([]q{
		{"a", "", "", "Unrelated words about the weather."},
		{"a", "", parallax.Partial, "a grave mistake"},
		{"b", "e1", parallax.Indirect, "withdrawing the peacekeepers would be a grave mistake that would cost lives"},
		{"c", "e1", "", "Withdrawing the peacekeepers now would be a grave mistake that will cost lives."},
	})
	quotes[0].Group = "stale"
	groups := g.Group(quotes)
	if len(groups) != 1 {
		t.Fatalf("got %d groups, want 1: %+v", len(groups), groups)
	}
	gr := groups[0]
	if gr.ID != "g1" || gr.Speaker != "e1" {
		t.Errorf("ID %q speaker %q, want g1 e1", gr.ID, gr.Speaker)
	}
	if want := []string{"q2", "q3", "q4"}; !slices.Equal(gr.Quotes, want) {
		t.Errorf("quotes %v, want %v", gr.Quotes, want)
	}
	if want := []string{"a", "b", "c"}; !slices.Equal(gr.Articles, want) {
		t.Errorf("articles %v, want %v", gr.Articles, want)
	}
	if want := "Withdrawing the peacekeepers now would be a grave mistake that will cost lives."; gr.Canonical != want {
		t.Errorf("canonical %q, want %q", gr.Canonical, want)
	}
	if quotes[0].Group != "" {
		t.Errorf("stale Group not cleared: %q", quotes[0].Group)
	}
	if quotes[1].Speaker != "" {
		t.Errorf("Speaker of an unattributed member changed to %q", quotes[1].Speaker)
	}
	wantDiff := []parallax.DiffOp{
		{Op: parallax.DiffDelete, Text: "Withdrawing the peacekeepers now would be"},
		{Op: parallax.DiffEqual, Text: "a grave mistake"},
		{Op: parallax.DiffDelete, Text: "that will cost lives."},
	}
	if len(gr.Variants) != 3 || !slices.Equal(gr.Variants[0].Diff, wantDiff) || gr.Variants[0].Quote != "q2" || gr.Variants[0].Article != "a" {
		t.Errorf("variant 0 = %+v, want diff %v", gr.Variants[0], wantDiff)
	}
	if d := gr.Variants[2].Diff; len(d) != 1 || d[0].Op != parallax.DiffEqual {
		t.Errorf("canonical quote's own diff = %v, want one equal run", d)
	}
}

func TestCanonical(t *testing.T) {
	g := newTestGrouper(t)
	for _, tc := range []struct {
		name   string
		quotes []q
		want   string
	}{
		{
			name: "most common wording",
			quotes: []q{
				{"a", "e1", "", "The blockade must end now, and the ships must be allowed to sail."},
				{"b", "e1", "", "The blockade must end now."},
				{"c", "e1", parallax.Partial, "the blockade must END now,"},
			},
			want: "The blockade must end now.",
		},
		{
			name: "one article's repeats count once",
			quotes: []q{
				{"a", "e1", parallax.Partial, "blockade must end"},
				{"a", "e1", parallax.Partial, "blockade must end"},
				{"b", "e1", "", "The blockade must end now, and the ships must be allowed to sail."},
			},
			want: "The blockade must end now, and the ships must be allowed to sail.",
		},
		{
			name: "else the longest direct quote",
			quotes: []q{
				{"a", "e1", parallax.Indirect, "the blockade had to end at once and all the ships had to be allowed to sail freely"},
				{"b", "e1", "", "The blockade must end now, and ships must be allowed to sail"},
				{"c", "e1", "", "The blockade must end now"},
			},
			want: "The blockade must end now, and ships must be allowed to sail",
		},
		{
			name: "trailing comma trimmed",
			quotes: []q{
				{"a", "e1", "", "The blockade must end now, and ships must be allowed to sail,"},
				{"b", "e1", parallax.Partial, "the blockade must end"},
			},
			want: "The blockade must end now, and ships must be allowed to sail",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			groups := g.Group(makeQuotes(tc.quotes))
			if len(groups) != 1 {
				t.Fatalf("got %d groups, want 1", len(groups))
			}
			if groups[0].Canonical != tc.want {
				t.Errorf("canonical %q, want %q", groups[0].Canonical, tc.want)
			}
		})
	}
}

func TestNewDataErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, want string
	}{
		{"word on two lines", "# provenance: test\nglad\tpleased\nhappy\tglad\n", "voice/variants.txt:3"},
		{"one word on a line", "# provenance: test\nglad\n", "voice/variants.txt:2"},
		{"no provenance", "glad\tpleased\n", "voice/variants.txt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(overlay(t, variantsFile, tc.file))
			if err == nil || !contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to name %s", err, tc.want)
			}
		})
	}
}
