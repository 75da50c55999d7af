package align

import (
	"strings"
	"testing"

	"parallax"
)

// claimsOf runs the stages and Claims on invented articles, one text per
// article, each from its own outlet unless outlets says otherwise.
func claimsOf(t *testing.T, texts []string, outlets ...string) (storyInput, []parallax.Claim) {
	t.Helper()
	s := loadStages(t)
	var arts []*parallax.Article
	for i, txt := range texts {
		o := "Outlet " + string(rune('A'+i))
		if i < len(outlets) {
			o = outlets[i]
		}
		arts = append(arts, &parallax.Article{ID: "a" + string(rune('1'+i)), Outlet: o, Text: txt})
	}
	in := s.prepare(arts)
	for i, a := range arts { // InferMeta must not rename the invented outlets
		a.Outlet = "Outlet " + string(rune('A'+i))
		if i < len(outlets) {
			a.Outlet = outlets[i]
		}
	}
	return in, s.aligner.Claims(in.arts, in.mentions, in.quotes)
}

// unitTexts returns the texts of the claim units of one article.
func unitTexts(t *testing.T, text string) ([]string, []rawUnit, storyInput) {
	t.Helper()
	s := loadStages(t)
	in := s.prepare([]*parallax.Article{{ID: "a1", Outlet: "X", Text: text}})
	var qs []parallax.Quote
	for _, q := range in.quotes {
		qs = append(qs, q)
	}
	us := s.aligner.units(artInput{art: in.arts[0], mentions: in.mentions, quotes: qs})
	var out []string
	for _, u := range us {
		out = append(out, u.span.In(text))
	}
	return out, us, in
}

func TestClauseSplitting(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"semicolon", "The army closed the border crossing; the government cut mobile phone service in the north.",
			[]string{"The army closed the border crossing", "the government cut mobile phone service in the north"}},
		{"comma and new subject", "The storm flooded the coastal highway overnight, and the city council closed all schools for the week.",
			[]string{"The storm flooded the coastal highway overnight", "the city council closed all schools for the week"}},
		{"list is no clause", "Inspectors visited the plants in Lyon, Grenoble, and Marseille on Tuesday.",
			[]string{"Inspectors visited the plants in Lyon, Grenoble, and Marseille on Tuesday"}},
		{"while", "The company raised its prices by ten percent, while its main rival cut them for the summer season.",
			[]string{"The company raised its prices by ten percent", "its main rival cut them for the summer season"}},
		{"relative clause", "The bridge, which opened in 1932 after years of delays, was closed to heavy trucks.",
			[]string{"which opened in 1932 after years of delays", "The bridge, which opened in 1932 after years of delays, was closed to heavy trucks"}},
		{"short fragment skipped", "Not now. The mayor signed the budget for the new hospital wing.",
			[]string{"The mayor signed the budget for the new hospital wing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, _ := unitTexts(t, tt.text)
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("units\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestAttributionStripped(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		want    string // the unit
		speaker string // the name of the speaker entity
	}{
		{"said that", "Prime Minister Jonas Halvorsen said that the government would build two new bridges over the river.",
			"the government would build two new bridges over the river", "Jonas Halvorsen"},
		{"trailing said", "The government will build two new bridges over the river, Jonas Halvorsen said.",
			"The government will build two new bridges over the river", "Jonas Halvorsen"},
		{"direct quote", "“We will build two new bridges over the river,” Jonas Halvorsen told reporters.",
			"We will build two new bridges over the river", "Jonas Halvorsen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, us, in := unitTexts(t, tt.text)
			if len(got) != 1 || got[0] != tt.want {
				t.Fatalf("units %q, want [%q]", got, tt.want)
			}
			if name := in.names[us[0].speaker]; name != tt.speaker {
				t.Errorf("speaker %q (%q), want %q", us[0].speaker, name, tt.speaker)
			}
		})
	}
}

// claimWith returns the claim whose support covers text in article id.
func claimWith(in storyInput, cs []parallax.Claim, id, text string) *parallax.Claim {
	for i, c := range cs {
		for _, sp := range c.Support {
			for _, a := range in.arts {
				if a.ID == sp.Article && a.ID == id && strings.Contains(sp.Span.In(a.Text), text) {
					return &cs[i]
				}
			}
		}
	}
	return nil
}

func TestAlignment(t *testing.T) {
	tests := []struct {
		name    string
		a, b    string
		aw, bw  string // words of the two units
		aligned bool
		matched string // a feature the support must list
	}{
		{"synonyms",
			"Warplanes carried out an airstrike on the fuel depot near Tartus on Friday.",
			"Warplanes attacked the fuel depot near Tartus on Friday, officials said.",
			"airstrike", "attacked", true, "synonym"},
		{"count against list",
			"The storm destroyed three villages on the island of Quelmar.",
			"The storm destroyed the villages of Arvo, Belmin and Caska on the island of Quelmar.",
			"three villages", "Arvo", true, "count: 3"},
		{"same entities, different facts",
			"Chancellor Maria Lindqvist met Premier Tomas Berg in Oslo on Monday.",
			"Chancellor Maria Lindqvist criticised Premier Tomas Berg over fishing quotas in Oslo on Monday.",
			"met", "criticised", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, cs := claimsOf(t, []string{tt.a, tt.b})
			ca, cb := claimWith(in, cs, "a1", tt.aw), claimWith(in, cs, "a2", tt.bw)
			if ca == nil || cb == nil {
				t.Fatalf("no claim for %q or %q: %+v", tt.aw, tt.bw, cs)
			}
			if (ca.ID == cb.ID) != tt.aligned {
				t.Fatalf("aligned = %v, want %v: %+v", ca.ID == cb.ID, tt.aligned, cs)
			}
			if !tt.aligned {
				return
			}
			if ca.Coverage != 2 || ca.Status != parallax.StatusConsensus {
				t.Errorf("coverage %d status %s, want 2 consensus", ca.Coverage, ca.Status)
			}
			found := false
			for _, sp := range ca.Support[1:] {
				found = found || strings.Contains(strings.Join(sp.Matched, "; "), tt.matched)
			}
			if !found {
				t.Errorf("no support lists %q: %+v", tt.matched, ca.Support)
			}
		})
	}
}

func TestCoverageSameOutlet(t *testing.T) {
	texts := []string{
		"Rescuers pulled twelve miners from the flooded shaft at Kestrel Hill on Sunday.",
		"Twelve miners were pulled from the flooded shaft at Kestrel Hill by rescuers on Sunday.",
		"Rescuers pulled twelve miners out of the flooded Kestrel Hill shaft on Sunday.",
	}
	in, cs := claimsOf(t, texts, "Daily Post", "Daily Post", "Evening Star")
	c := claimWith(in, cs, "a1", "miners")
	if c == nil {
		t.Fatalf("no claim: %+v", cs)
	}
	if len(c.Support) != 3 || c.Coverage != 2 {
		t.Errorf("support %d coverage %d, want 3 spans from 2 outlets: %+v", len(c.Support), c.Coverage, c)
	}
	// A syndicated copy counts under its original's outlet.
	arts := []*parallax.Article{{ID: "x", Outlet: "Wire"}, {ID: "y", Outlet: "Local", SyndicatedFrom: "x"}, {ID: "z", Outlet: "Other"}}
	if k := outletKeys(arts); k[0] != k[1] || k[0] == k[2] {
		t.Errorf("outlet keys %q: the copy must count with its original", k)
	}
}

func TestStatusAndOmissions(t *testing.T) {
	for _, tt := range []struct {
		coverage, total int
		want            string
	}{
		{5, 5, parallax.StatusConsensus}, {4, 5, parallax.StatusConsensus}, {3, 5, parallax.StatusPartial},
		{1, 5, parallax.StatusUnique}, {2, 2, parallax.StatusConsensus}, {1, 2, parallax.StatusUnique}, {2, 3, parallax.StatusConsensus},
	} {
		if got := status(tt.coverage, tt.total); got != tt.want {
			t.Errorf("status(%d, %d) = %s, want %s", tt.coverage, tt.total, got, tt.want)
		}
	}
	arts := []*parallax.Article{{ID: "a1", Outlet: "A"}, {ID: "a2", Outlet: "B"}, {ID: "a3", Outlet: "C"}, {ID: "a4", Outlet: "D"}}
	claims := []parallax.Claim{
		{ID: "c1", Coverage: 3, Support: []parallax.Support{{Article: "a1"}, {Article: "a2"}, {Article: "a3"}}},
		{ID: "c2", Coverage: 2, Support: []parallax.Support{{Article: "a1"}, {Article: "a2"}}},
		{ID: "c3", Coverage: 1, Support: []parallax.Support{{Article: "a4"}}},
	}
	got := Omissions(claims, arts)
	want := map[string]string{"a1": "", "a2": "", "a3": "c2", "a4": "c1 c2"}
	for id, w := range want {
		if g := strings.Join(got[id], " "); g != w || got[id] == nil {
			t.Errorf("omissions[%s] = %q, want %q", id, g, w)
		}
	}
}
