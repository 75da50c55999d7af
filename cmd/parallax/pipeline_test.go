package main

import (
	"context"
	"testing"

	"parallax/internal/ingest"
)

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
