package voice

import (
	"slices"
	"strconv"
	"strings"
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
				{"b", "e1", parallax.Partial, "legal basis, unfair"},
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
			name: "same speaker, two shared words and a verb swapped",
			quotes: []q{
				{"a", "e1", "", "Russia supports Iran in the talks"},
				{"b", "e1", "", "Russia condemns Israel in the talks"},
			},
		},
		{
			name: "same speaker, two shared words and both ends swapped",
			quotes: []q{
				{"a", "e1", "", "the strikes violated international law"},
				{"b", "e1", "", "the sanctions violated international norms"},
			},
		},
		{
			name: "same speaker, only names shared",
			quotes: []q{
				{"a", "e1", "", "It was Putin who met Araghchi in Moscow."},
				{"b", "e1", "", "Then Putin and Araghchi spoke in Moscow."},
			},
		},
		{
			name: "same speaker, a phrase inside a sentence sharing its names and a verb",
			quotes: []q{
				{"a", "e1", "", "Given the exceptional circumstances, it is essential that Iran and Russia engage in closer consultations."},
				{"b", "e1", parallax.Indirect, "that Iran is engaged in legitimate self-defense"},
				{"c", "e1", parallax.Partial, "legitimate self-defense."},
			},
			want: [][]string{{"q2", "q3"}},
		},
		{
			name: "same speaker, a stem inside another behind a prefix that does not negate",
			quotes: []q{
				{"a", "e1", parallax.Indirect, "Russia's opposition to the escalation"},
				{"b", "e1", "", "You know the positions Russia has taken on the escalation in the Council."},
			},
		},
		{
			name: "same speaker, negated and derived forms of one word",
			quotes: []q{
				{"a", "e1", parallax.Partial, "unprovoked and unjustified"},
				{"b", "e1", "", "The raid was not provoked and had no justification."},
			},
			want: [][]string{{"q1", "q2"}},
		},
		{
			name: "same speaker, the story's topic words weigh less",
			quotes: []q{
				{"a", "e1", "", "Iran's nuclear programme is peaceful"},
				{"b", "e1", "", "Iran's nuclear programme is illegal"},
				{"c", "e2", "", "The nuclear programme of Iran worries its neighbours."},
				{"d", "e3", "", "Sanctions on the nuclear programme of Iran stay."},
				{"e", "e4", "", "Talks on the nuclear programme of Iran resume."},
				{"f", "e5", "", "Inspectors saw the nuclear programme of Iran."},
				{"g", "e6", "", "The nuclear programme of Iran is older than its critics."},
				{"h", "e7", "", "Israel has struck the nuclear programme of Iran."},
				{"i", "e8", "", "Nobody knows how big the nuclear programme of Iran is."},
				{"j", "e9", "", "The nuclear programme of Iran has many sites."},
				{"k", "e10", "", "Money for the nuclear programme of Iran ran short."},
			},
		},
		{
			name: "same speaker, a long translation with words swapped",
			quotes: []q{
				{"a", "e1", "", "It gives us the opportunity to discuss these urgent matters and think together about ways to overcome the current situation."},
				{"b", "e1", "", "This will allow us to discuss all these pressing issues and think together about how we could get out of today's situation"},
			},
			want: [][]string{{"q1", "q2"}},
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

func TestStemsMatch(t *testing.T) {
	g := newTestGrouper(t)
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"justification", "unjustified", true},
		{"justified", "unjustified", true},
		{"provoked", "unprovoked", true},
		{"legal", "illegal", false}, // "legal" is shorter than minStemMatch
		{"proliferation", "nonproliferation", true},
		{"regular", "irregular", true},
		{"position", "opposition", false},
		{"position", "disposition", true},
		{"tension", "extension", false},
		{"statement", "state", true},
		{"aggression", "aggressive", true},
		{"nation", "condemnation", false},
	} {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			u := unit{stem: g.stem(tc.a)}
			v := unit{stem: g.stem(tc.b)}
			u.base, v.base = g.base(u.stem), g.base(v.stem)
			if got := stemsMatch(u, v); got != tc.want {
				t.Errorf("stemsMatch(%q, %q) = %v, want %v", u.stem, v.stem, got, tc.want)
			}
			if got := stemsMatch(v, u); got != tc.want {
				t.Errorf("stemsMatch(%q, %q) = %v, want %v", v.stem, u.stem, got, tc.want)
			}
		})
	}
}

// placed returns the quotes with their spans set: each quote's text is
// looked for in its article's text from the start of the article's
// previous quote on, so that a quote may lie inside the one before it.
func placed(t *testing.T, articles map[string]string, in []q) []parallax.Quote {
	t.Helper()
	quotes := makeQuotes(in)
	from := map[string]int{}
	for i := range quotes {
		qt := &quotes[i]
		txt := articles[qt.Article]
		k := strings.Index(txt[from[qt.Article]:], qt.Text)
		if k < 0 {
			t.Fatalf("%s: %q not in the article after byte %d", qt.ID, qt.Text, from[qt.Article])
		}
		qt.Start = from[qt.Article] + k
		qt.End = qt.Start + len(qt.Text)
		from[qt.Article] = qt.Start
	}
	return quotes
}

func TestGroupSpans(t *testing.T) {
	g := newTestGrouper(t)
	for _, tc := range []struct {
		name     string
		articles map[string]string
		quotes   []q
		want     [][]string
	}{
		{
			name: "a partial inside a grouped indirect quote joins its group",
			articles: map[string]string{
				"a": "Lee described the raid on the port as “reckless aggression” and said it had “no basis in law whatsoever.”",
				"b": "Lee denounced the “reckless aggression”.",
				"c": "“This reckless aggression against our port has no basis in law whatsoever,” Lee said.",
				"d": "Lee spoke of “reckless aggression” that has “no basis in law whatsoever”.",
				"e": "Lee said: “The reckless aggression has no basis in law whatsoever.”",
			},
			quotes: []q{
				{"a", "e1", parallax.Indirect, "the raid on the port as “reckless aggression” and said it had “no basis in law whatsoever.”"},
				{"a", "e1", parallax.Partial, "reckless aggression"},
				{"a", "e1", parallax.Partial, "no basis in law whatsoever."},
				{"b", "e1", parallax.Partial, "reckless aggression"},
				{"c", "e1", parallax.Direct, "This reckless aggression against our port has no basis in law whatsoever,"},
				{"d", "e1", parallax.Partial, "reckless aggression"},
				{"d", "e1", parallax.Partial, "no basis in law whatsoever"},
				{"e", "e1", parallax.Direct, "The reckless aggression has no basis in law whatsoever."},
			},
			want: [][]string{{"q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"}},
		},
		{
			name: "a partial inside a grouped indirect quote joins it when it matches nothing else",
			articles: map[string]string{
				"a": "Kim said he would hold “serious” and “more precise” talks with the president about the harbour dispute.",
				"b": "“We will hold serious talks with the president about the harbour dispute,” Kim said.",
			},
			quotes: []q{
				{"a", "e1", parallax.Indirect, "he would hold “serious” and “more precise” talks with the president about the harbour dispute."},
				{"a", "e1", parallax.Partial, "more precise"},
				{"b", "e1", parallax.Direct, "We will hold serious talks with the president about the harbour dispute,"},
			},
			want: [][]string{{"q1", "q2", "q3"}},
		},
		{
			name: "a partial of another speaker inside a grouped quote stays out",
			articles: map[string]string{
				"a": "Kim said he would hold serious talks with the president about the “harbour dispute” next week.",
				"b": "“We will hold serious talks with the president about the harbour dispute next week,” Kim said.",
			},
			quotes: []q{
				{"a", "e1", parallax.Indirect, "he would hold serious talks with the president about the “harbour dispute” next week."},
				{"a", "e2", parallax.Partial, "harbour dispute"},
				{"b", "e1", parallax.Direct, "We will hold serious talks with the president about the harbour dispute next week,"},
			},
			want: [][]string{{"q1", "q3"}},
		},
		{
			name: "a quote across a paragraph break links to both paragraphs",
			articles: map[string]string{
				"a": "“We will rebuild the harbour before winter. The cranes arrive next week.\n“Fishing boats will return to the northern pier in March, and the ferry in April,” Ruiz said.",
				"b": "Ruiz said: “The cranes arrive next week. Fishing boats will return to the northern pier.”",
			},
			quotes: []q{
				{"a", "e1", "", "We will rebuild the harbour before winter. The cranes arrive next week."},
				{"a", "e1", "", "Fishing boats will return to the northern pier in March, and the ferry in April,"},
				{"b", "e1", "", "The cranes arrive next week. Fishing boats will return to the northern pier."},
			},
			want: [][]string{{"q1", "q2", "q3"}},
		},
		{
			name: "quotes with an attribution between them are not one quotation",
			articles: map[string]string{
				"a": "“We will rebuild the harbour before winter. The cranes arrive next week,” Ruiz said on Monday. “Fishing boats will return to the northern pier in March, and the ferry in April.”",
				"b": "Ruiz said: “The cranes arrive next week. Fishing boats will return to the northern pier.”",
			},
			quotes: []q{
				{"a", "e1", "", "We will rebuild the harbour before winter. The cranes arrive next week,"},
				{"a", "e1", "", "Fishing boats will return to the northern pier in March, and the ferry in April."},
				{"b", "e1", "", "The cranes arrive next week. Fishing boats will return to the northern pier."},
			},
		},
		{
			name: "paragraphs of two speakers are not one quotation",
			articles: map[string]string{
				"a": "“We will rebuild the harbour before winter. The cranes arrive next week.\n“Fishing boats will return to the northern pier in March, and the ferry in April.”",
				"b": "Ruiz said: “The cranes arrive next week. Fishing boats will return to the northern pier.”",
			},
			quotes: []q{
				{"a", "e1", "", "We will rebuild the harbour before winter. The cranes arrive next week."},
				{"a", "e2", "", "Fishing boats will return to the northern pier in March, and the ferry in April."},
				{"b", "e1", "", "The cranes arrive next week. Fishing boats will return to the northern pier."},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			quotes := placed(t, tc.articles, tc.quotes)
			groups := g.Group(quotes)
			if got := partition(groups); !slices.EqualFunc(got, tc.want, slices.Equal) {
				t.Errorf("groups %v, want %v", got, tc.want)
			}
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
