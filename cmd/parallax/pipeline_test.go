package main

import (
	"context"
	"testing"

	"parallax"
	"parallax/internal/ingest"
	"parallax/internal/text"
)

// BenchmarkPeople measures the people-and-voices stages on the seed story
// (the story stage spreads names on every core): entity recognition, role references, quotes and cited sources
// per article, then the story-level merge, speaker linking, quote groups
// and voice share. The text engine's analysis is done beforehand and not
// counted (internal/text has its own benchmark).
func BenchmarkPeople(b *testing.B) {
	p, err := newPipeline("")
	if err != nil {
		b.Fatal(err)
	}
	res, err := readSeedStory()
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]*text.Doc, len(res.Articles))
	size := 0
	for i, a := range res.Articles {
		a.ID = "a" + itoa(i+1)
		docs[i] = p.engine.Analyze(a.Text)
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		found := make([]annotated, len(res.Articles))
		for k, a := range res.Articles {
			found[k] = p.people(a, docs[k])
		}
		ctx := context.Background()
		if err := p.spread(ctx, res.Articles, found); err != nil {
			b.Fatal(err)
		}
		p.compare(&parallax.Story{ID: "s1"}, res.Articles, found)
	}
}

// TestViaFromCitedSources checks that a quote reported second-hand gets the
// outlet its sentence cites as via, and that an outlet in another sentence
// does not count.
func TestViaFromCitedSources(t *testing.T) {
	src := "The talks were useful, Ms. Halvorsen said on Tuesday, according to the Financial Times. Reuters covered the summit.\n\n" +
		"\"We will meet again,\" Halvorsen said.\n"
	a := &parallax.Article{ID: "a1", Text: src}
	p, err := newPipeline("")
	if err != nil {
		t.Fatal(err)
	}
	found := []annotated{p.annotate(a)}
	s := &parallax.Story{ID: "s1"}
	if err := p.spread(context.Background(), []*parallax.Article{a}, found); err != nil {
		t.Fatal(err)
	}
	p.compare(s, []*parallax.Article{a}, found)
	if len(s.Quotes) != 2 {
		t.Fatalf("%d quotes, want 2: %+v", len(s.Quotes), s.Quotes)
	}
	if s.Quotes[0].Via != "Financial Times" {
		t.Errorf("first quote: via %q, want the Financial Times", s.Quotes[0].Via)
	}
	if s.Quotes[1].Via != "" {
		t.Errorf("second quote: via %q, want none", s.Quotes[1].Via)
	}
}

// BenchmarkNewPipeline measures start-up: loading every stage's data and
// the entity models from the embedded rules.
func BenchmarkNewPipeline(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := newPipeline(""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyze100 measures the whole analysis of a 100-article story
// (each seed article twenty times, lightly edited so that no two are the
// same text): text, entities, quotes, sources, then the story stage with
// claims. Run with -cpu 1 for the one-core figure.
func BenchmarkAnalyze100(b *testing.B) {
	p, err := newPipeline("")
	if err != nil {
		b.Fatal(err)
	}
	seed, err := readSeedStory()
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for range 20 {
		for _, a := range seed.Articles {
			size += len(a.Text) + 12
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var res ingest.Result
		for k := range 20 {
			for j, a := range seed.Articles {
				c := *a
				c.ID = "a" + itoa(k*len(seed.Articles)+j+1)
				c.Text = a.Text + "\nCopy " + itoa(k) + " ends.\n"
				res.Articles = append(res.Articles, &c)
			}
		}
		if _, err := p.analyze(context.Background(), res); err != nil {
			b.Fatal(err)
		}
	}
}
