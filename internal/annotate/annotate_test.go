package annotate

import (
	"context"
	"fmt"
	"testing"

	"parallax"
	"parallax/internal/ingest"
	"parallax/rules"
)

func newTestAnnotator(t testing.TB) *Annotator {
	t.Helper()
	an, err := New(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	return an
}

// seedArticles reads the seed story with ingest, as `parallax demo` does.
func seedArticles(t testing.TB) []*parallax.Article {
	t.Helper()
	res := ingest.Read([]string{"../../testdata/moscow-2025-06-23"}, ingest.Options{})
	if len(res.Articles) != 5 {
		t.Fatalf("seed story: %d articles, warnings %v", len(res.Articles), res.Warnings)
	}
	return res.Articles
}

// TestViaFromCitedSources checks that a quote reported second-hand gets the
// outlet its sentence cites as via, and that an outlet in another sentence
// does not count.
func TestViaFromCitedSources(t *testing.T) {
	src := "The talks were useful, Ms. Halvorsen said on Tuesday, according to the Financial Times. Reuters covered the summit.\n\n" +
		"\"We will meet again,\" Halvorsen said.\n"
	a := &parallax.Article{ID: "a1", Text: src}
	an := newTestAnnotator(t)
	found := []Found{an.Article(a)}
	s := &parallax.Story{ID: "s1"}
	if _, err := an.Story(context.Background(), s, []*parallax.Article{a}, found); err != nil {
		t.Fatal(err)
	}
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

// TestStorySeed checks what Story gives on the seed story: entities with
// their mentions in the articles' text, every quote's speaker an entity of
// the story or none, and time expressions for every article.
func TestStorySeed(t *testing.T) {
	an := newTestAnnotator(t)
	arts := seedArticles(t)
	found := make([]Found, len(arts))
	for i, a := range arts {
		found[i] = an.Article(a)
	}
	s := &parallax.Story{ID: "s1"}
	times, err := an.Story(context.Background(), s, arts, found)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Entities) < 10 || len(s.Quotes) < 50 || len(s.QuoteGroups) < 2 {
		t.Errorf("%d entities, %d quotes, %d quote groups: too few", len(s.Entities), len(s.Quotes), len(s.QuoteGroups))
	}
	names := Names(s)
	texts := map[string]string{}
	for _, a := range arts {
		texts[a.ID] = a.Text
		if len(times[a.ID]) == 0 {
			t.Errorf("%s: no time expressions", a.ID)
		}
	}
	for _, m := range s.Mentions {
		if m.Span.In(texts[m.Article]) != m.Text {
			t.Errorf("mention %+v is not its article's text", m)
		}
	}
	for _, q := range s.Quotes {
		if _, ok := names[q.Speaker]; q.Speaker != "" && !ok {
			t.Errorf("quote %s: speaker %q is no entity", q.ID, q.Speaker)
		}
	}
}

// BenchmarkPeople measures the people-and-voices stages on the seed story:
// entity recognition, quotes, cited sources and time expressions per
// article on one core, then the story stage (names spread on every core,
// merge, speaker linking, quote groups, voice share). The text engine's
// analysis is done beforehand and not counted (internal/text has its own
// benchmark).
func BenchmarkPeople(b *testing.B) {
	an := newTestAnnotator(b)
	arts := seedArticles(b)
	size := 0
	docs := make([]Found, len(arts))
	for i, a := range arts {
		a.ID = fmt.Sprintf("a%d", i+1)
		docs[i] = an.Article(a) // sets the article's tokens and metadata
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		found := make([]Found, len(arts))
		for k, a := range arts {
			found[k] = an.People(a, docs[k].Doc)
		}
		if _, err := an.Story(context.Background(), &parallax.Story{ID: "s1"}, arts, found); err != nil {
			b.Fatal(err)
		}
	}
}
