package synth

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"parallax"
	"parallax/rules"
)

func newWriter(t testing.TB) *Writer {
	t.Helper()
	w, err := New(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// span returns the support of the first occurrence of part in a's text.
func span(t *testing.T, a *parallax.Article, part string, score float64) parallax.Support {
	t.Helper()
	i := strings.Index(a.Text, part)
	if i < 0 {
		t.Fatalf("%q not in %s", part, a.ID)
	}
	sup := parallax.Support{Article: a.ID, Span: parallax.Span{Start: i, End: i + len(part)}, Score: score}
	if score > 0 {
		sup.Matched = []string{"stems: test"}
	}
	return sup
}

func TestBriefWording(t *testing.T) {
	w := newWriter(t)
	tests := []struct {
		name      string
		texts     []string // article texts, a1, a2, ...
		outlets   []string
		support   [][2]string // article index (as "0", "1", ...) and span text; the first is the reference
		speaker   string      // entity ID of the claim's speaker
		mentions  []parallax.Mention
		want      string
		citations []string
	}{
		{
			name:      "plainest wording chosen",
			texts:     []string{"The regime's police dispersed the protesters in the capital on Sunday.", "Police dispersed the protesters in the capital on Sunday."},
			support:   [][2]string{{"0", "The regime's police dispersed the protesters in the capital on Sunday"}, {"1", "Police dispersed the protesters in the capital on Sunday"}},
			want:      "Police dispersed the protesters in the capital on Sunday.",
			citations: []string{"a1", "a2"},
		},
		{
			name:      "own modifier removed, article mended",
			texts:     []string{"Officials announced a massive aid package on Friday.", "Aid package announced."},
			support:   [][2]string{{"0", "Officials announced a massive aid package on Friday"}, {"1", "Aid package announced"}},
			want:      "Officials announced an aid package on Friday.",
			citations: []string{"a1", "a2"},
		},
		{
			name:      "modifier kept when the others use it",
			texts:     []string{"Officials announced a massive aid package on Friday.", "A massive package of aid."},
			support:   [][2]string{{"0", "Officials announced a massive aid package on Friday"}, {"1", "A massive package of aid"}},
			want:      "Officials announced a massive aid package on Friday.",
			citations: []string{"a1", "a2"},
		},
		{
			name:      "loaded epithet dropped before a name",
			texts:     []string{"Russian strongman Vladimir Putin met the Iranian minister in Moscow.", "Putin met him."},
			support:   [][2]string{{"0", "Russian strongman Vladimir Putin met the Iranian minister in Moscow"}, {"1", "Putin met him"}},
			want:      "Russian Vladimir Putin met the Iranian minister in Moscow.",
			citations: []string{"a1", "a2"},
		},
		{
			name:      "one-sided claim attributed to its outlet",
			texts:     []string{"Daily Example reports the bridge will close for repairs in May, according to the city council.", "The city council met on Monday."},
			outlets:   []string{"Daily Example (Online News)", "Other Paper"},
			support:   [][2]string{{"0", "the bridge will close for repairs in May, according to the city council"}},
			want:      "According to Daily Example, the bridge will close for repairs in May, according to the city council.",
			citations: []string{"a1"},
		},
		{
			name:      "quoted claim said by its speaker, verbatim",
			texts:     []string{"“The bridge is safe for all traffic,” Jane Doe said on Monday.", "Doe said the bridge was safe for all traffic."},
			support:   [][2]string{{"0", "The bridge is safe for all traffic"}, {"1", "the bridge was safe for all traffic"}},
			speaker:   "e1",
			mentions:  []parallax.Mention{{Article: "a1", Span: parallax.Span{Start: 43, End: 51}, Text: "Jane Doe", Kind: parallax.MentionName, Entity: "e1"}},
			want:      "Jane Doe said: “The bridge is safe for all traffic.”",
			citations: []string{"a1", "a2"},
		},
		{
			name:      "citations are all supporting articles",
			texts:     []string{"The council approved the budget on Tuesday.", "On Tuesday the council approved its budget.", "The budget was approved by the council."},
			support:   [][2]string{{"0", "The council approved the budget on Tuesday"}, {"1", "On Tuesday the council approved its budget"}, {"2", "The budget was approved by the council"}},
			want:      "The council approved the budget on Tuesday.",
			citations: []string{"a1", "a2", "a3"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var arts []*parallax.Article
			s := &parallax.Story{ID: "s1", Mentions: tc.mentions}
			for i, text := range tc.texts {
				a := &parallax.Article{ID: "a" + string(rune('1'+i)), Text: text}
				if i < len(tc.outlets) {
					a.Outlet = tc.outlets[i]
				}
				arts = append(arts, a)
				s.Articles = append(s.Articles, a.ID)
			}
			if tc.speaker != "" {
				s.Entities = []parallax.Entity{{ID: tc.speaker, Name: "Jane Doe"}}
			}
			c := parallax.Claim{ID: "c1", Speaker: tc.speaker}
			for i, sp := range tc.support {
				score := 0.0
				if i > 0 {
					score = 0.8
				}
				c.Support = append(c.Support, span(t, arts[int(sp[0][0]-'0')], sp[1], score))
			}
			c.Coverage = len(tc.citations)
			s.Claims = []parallax.Claim{c}
			sum := w.Brief(s, arts, Options{})
			if len(sum.Sentences) != 1 {
				t.Fatalf("%d sentences %+v, want 1", len(sum.Sentences), sum.Sentences)
			}
			got := sum.Sentences[0]
			if got.Text != tc.want {
				t.Errorf("text\n got %q\nwant %q", got.Text, tc.want)
			}
			if !slices.Equal(got.Citations, tc.citations) {
				t.Errorf("citations %v, want %v", got.Citations, tc.citations)
			}
			if !slices.Equal(got.Claims, []string{"c1"}) {
				t.Errorf("claims %v, want [c1]", got.Claims)
			}
		})
	}
}

func TestBriefDispute(t *testing.T) {
	w := newWriter(t)
	arts := []*parallax.Article{
		// template words ("reports", "differ", "says") cost citation support
		// unless the cited texts use them: short texts must
		{ID: "a1", Outlet: "North Post", Text: "The storm reached the coast on Saturday night and flooded the harbour district. Reports differ, the North Post says."},
		{ID: "a2", Text: "The storm reached the coast on Sunday morning and flooded the harbour district, one report says."},
		{ID: "a3", Outlet: "South Herald", Text: "The storm reached the coast on Sunday morning, flooding the harbour district, the South Herald says."},
	}
	stmt := func(a *parallax.Article, part, value string) parallax.Statement {
		i := strings.Index(a.Text, part)
		return parallax.Statement{Article: a.ID, Text: part, Value: value, Span: parallax.Span{Start: i, End: i + len(part)}}
	}
	s := &parallax.Story{ID: "s1", Articles: []string{"a1", "a2", "a3"}, Contradictions: []parallax.Contradiction{{
		ID: "x1", Kind: parallax.ContradictDate, About: "when the storm reached the coast (claim c1)",
		Statements: []parallax.Statement{
			stmt(arts[0], "on Saturday night", "2025-06-21"),
			stmt(arts[1], "on Sunday morning", "2025-06-22"),
			stmt(arts[2], "on Sunday morning", "2025-06-22"),
		},
	}}}
	sum := w.Brief(s, arts, Options{})
	if len(sum.Sentences) != 1 {
		t.Fatalf("%d sentences %+v, want 1", len(sum.Sentences), sum.Sentences)
	}
	got := sum.Sentences[0]
	// the articles have no sentences: each side is quoted by its statement
	want := "Reports differ on when the storm reached the coast: North Post says “on Saturday night”; one report and South Herald say “on Sunday morning.”"
	if got.Text != want {
		t.Errorf("text\n got %q\nwant %q", got.Text, want)
	}
	if !slices.Equal(got.Citations, []string{"a1", "a2", "a3"}) {
		t.Errorf("citations %v, want both sides", got.Citations)
	}
}

func TestBriefLength(t *testing.T) {
	w := newWriter(t)
	var arts []*parallax.Article
	s := &parallax.Story{ID: "s1"}
	for i := range 12 {
		a := &parallax.Article{ID: "a" + string(rune('a'+i)), Text: "Workers repaired bridge number " + strings.Repeat("x", i+1) + " over the river on Monday."}
		arts = append(arts, a)
		s.Articles = append(s.Articles, a.ID)
	}
	// one claim per article, each stated by two articles so none is one-sided
	for i, a := range arts {
		b := arts[(i+1)%len(arts)]
		s.Claims = append(s.Claims, parallax.Claim{ID: "c" + a.ID, Support: []parallax.Support{
			{Article: a.ID, Span: parallax.Span{Start: 0, End: len(a.Text) - 1}},
			{Article: b.ID, Span: parallax.Span{Start: 0, End: 7}, Score: 0.1, Matched: []string{"x"}},
		}})
	}
	for _, tc := range []struct{ opt, want int }{{0, 1}, {3, 1}} {
		got := len(w.Brief(s, arts, Options{Sentences: tc.opt}).Sentences)
		// the claims say nearly the same thing: near-duplicates are left out
		if got != tc.want {
			t.Errorf("Sentences %d: %d sentences, want %d", tc.opt, got, tc.want)
		}
	}
}

func TestNewErrors(t *testing.T) {
	bad := fstest.MapFS{
		"synth/loaded.txt":    {Data: []byte("# provenance: test\nbrutal\tmodifier\nregime\tnoun\nthug\n")},
		"synth/templates.txt": {Data: []byte("# provenance: test\nsaid\t{speaker} said {clause}\n")},
	}
	_, err := New(rules.Overlay(bad))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"synth/loaded.txt:3: unknown category", "synth/loaded.txt:4: want 2", `no "according" template`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestFinish(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"It rained", "It rained."},
		{"It rained,", "It rained."},
		{"He said “it rained”", "He said “it rained.”"},
		{"He said “it rained,”", "He said “it rained.”"},
		{"Did it rain?", "Did it rain?"},
	} {
		if got := finish(tc.in); got != tc.want {
			t.Errorf("finish(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
