package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"parallax"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// peopleSummary is the part of the seed story's analysis that the golden
// file holds: the cast with aliases and roles, the quote groups, voice share
// and cited sources, by name rather than ID so that a diff reads well.
type peopleSummary struct {
	Entities []entitySummary              `json:"entities"`
	Groups   []groupSummary               `json:"quote_groups"`
	Voices   map[string]map[string]string `json:"voice_share"`
	Cited    map[string][]string          `json:"cited_sources"`
	Quotes   map[string]int               `json:"quotes_per_article"`
	Speakers map[string]int               `json:"quotes_with_speaker"`
}

type entitySummary struct {
	Name     string         `json:"name"`
	Type     string         `json:"type"`
	Aliases  []string       `json:"aliases,omitempty"`
	Roles    []string       `json:"roles,omitempty"`
	Mentions map[string]int `json:"mentions"`
}

type groupSummary struct {
	Speaker   string   `json:"speaker"`
	Articles  []string `json:"articles"`
	Canonical string   `json:"canonical"`
	Quotes    int      `json:"quotes"`
}

// TestDemoPeople runs the demo end to end and checks the people-and-voices
// half of the seed story's analysis: invariants that hold for any story,
// the cases the seed story was chosen for, and a golden summary
// (testdata/demo-people.json, rewritten with -update) so that any change of
// output is seen and reviewed.
func TestDemoPeople(t *testing.T) {
	_, s, arts := demoStory(t)
	ents := map[string]parallax.Entity{}
	for _, e := range s.Entities {
		ents[e.ID] = e
	}

	// Invariants.
	for _, m := range s.Mentions {
		art := arts[m.Article]
		if art == nil || m.Span.In(art.Text) != m.Text || m.Text == "" {
			t.Errorf("mention %+v is not its article's text", m)
		}
		if _, ok := ents[m.Entity]; m.Entity != "" && !ok {
			t.Errorf("mention %+v names an unknown entity", m)
		}
	}
	for _, q := range s.Quotes {
		art := arts[q.Article]
		if art == nil || q.Span.In(art.Text) != q.Text || strings.TrimSpace(q.Text) == "" {
			t.Errorf("quote %s: text %q is not its span's", q.ID, q.Text)
		}
		if _, ok := ents[q.Speaker]; q.Speaker != "" && !ok {
			t.Errorf("quote %s: unknown speaker entity %q", q.ID, q.Speaker)
		}
		if q.SpeakerText != "" && q.SpeakerSpan.Len() > 0 && q.SpeakerSpan.In(art.Text) == "" {
			t.Errorf("quote %s: speaker span %v outside the text", q.ID, q.SpeakerSpan)
		}
		if q.Confidence <= 0 || q.Confidence > 1 {
			t.Errorf("quote %s: confidence %v", q.ID, q.Confidence)
		}
	}
	for art, vs := range s.Voices {
		sum := 0.0
		for _, v := range vs {
			sum += v.Share
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Errorf("%s: voice shares sum to %v", art, sum)
		}
	}
	for art, cs := range s.CitedSources {
		for _, c := range cs {
			if c.Span.In(arts[art].Text) == "" {
				t.Errorf("%s: cited source %+v outside the text", art, c)
			}
		}
	}

	// The cases the seed story holds (see issue 3).
	byName := func(name string) parallax.Entity {
		for _, e := range s.Entities {
			if e.Name == name || slices.Contains(e.Aliases, name) {
				return e
			}
		}
		t.Errorf("no entity named %q", name)
		return parallax.Entity{}
	}
	putin := byName("Vladimir Putin")
	if !slices.Contains(putin.Aliases, "Putin") || len(putin.Mentions) != 5 {
		t.Errorf("surname not merged with the full name across all articles: %+v", putin)
	}
	araghchi := byName("Abbas Araghchi")
	if !slices.Contains(araghchi.Aliases, "Araqchi") {
		t.Errorf("transliterations not merged: %+v", araghchi)
	}
	if !slices.Contains(araghchi.Aliases, "the foreign minister") {
		t.Errorf("role reference not resolved: %+v", araghchi)
	}
	for _, g := range []struct{ words, speaker string }{{"justification", putin.ID}, {"Moscow today", putin.ID}} {
		n := 0
		for _, grp := range s.QuoteGroups {
			if strings.Contains(grp.Canonical, g.words) && grp.Speaker == g.speaker && len(grp.Articles) == 5 {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d quote groups of %q by %s across all five articles, want 1", n, g.words, g.speaker)
		}
	}

	// The golden summary.
	sum := summarize(s, ents)
	got, err := json.MarshalIndent(sum, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "demo-people.json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/parallax -run TestDemoPeople -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the seed story's people and voices changed; review the diff and rerun with -update if it is right:\n%s", lineDiff(string(want), string(got)))
	}
}

func summarize(s *parallax.Story, ents map[string]parallax.Entity) peopleSummary {
	name := func(id string) string {
		if e, ok := ents[id]; ok {
			return e.Name
		}
		return "(unknown)"
	}
	sum := peopleSummary{Voices: map[string]map[string]string{}, Cited: map[string][]string{}, Quotes: map[string]int{}, Speakers: map[string]int{}}
	for _, e := range s.Entities {
		n := 0
		for _, c := range e.Mentions {
			n += c
		}
		if n < 2 {
			continue
		}
		sum.Entities = append(sum.Entities, entitySummary{e.Name, e.Type, e.Aliases, e.Roles, e.Mentions})
	}
	for _, g := range s.QuoteGroups {
		sum.Groups = append(sum.Groups, groupSummary{name(g.Speaker), g.Articles, g.Canonical, len(g.Quotes)})
	}
	for art, vs := range s.Voices {
		sum.Voices[art] = map[string]string{}
		for _, v := range vs {
			sum.Voices[art][name(v.Speaker)] = fmt.Sprintf("%.2f (%d)", v.Share, v.Quotes)
		}
	}
	for art, cs := range s.CitedSources {
		for _, c := range cs {
			sum.Cited[art] = append(sum.Cited[art], c.Kind+": "+c.Name)
		}
	}
	for _, q := range s.Quotes {
		sum.Quotes[q.Article]++
		if q.Speaker != "" {
			sum.Speakers[q.Article]++
		}
	}
	return sum
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(s, "\n") {
			m[l]++
		}
		return m
	}
	w, g := count(want), count(got)
	var out []string
	for l, n := range w {
		if g[l] < n {
			out = append(out, "- "+l)
		}
	}
	for l, n := range g {
		if w[l] < n {
			out = append(out, "+ "+l)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}
