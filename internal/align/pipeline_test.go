package align

import (
	"fmt"
	"sort"
	"sync"
	"testing"

	"parallax"
	"parallax/internal/alias"
	"parallax/internal/entity"
	"parallax/internal/ingest"
	"parallax/internal/quote"
	"parallax/internal/text"
	"parallax/rules"
)

// stages are the per-article and story stages that come before claims, as
// cmd/parallax assembles them (pipeline.go: annotate, spread, compare),
// loaded once for all tests.
type stages struct {
	engine   *text.Engine
	lists    *ingest.Lists
	entities *entity.Recognizer
	aliases  *alias.Resolver
	quotes   *quote.Extractor
	aligner  *Aligner
}

var (
	stagesOnce sync.Once
	stagesVal  *stages
	stagesErr  error
)

func loadStages(t testing.TB) *stages {
	t.Helper()
	stagesOnce.Do(func() {
		s := &stages{}
		var err error
		if s.engine, err = text.New(rules.FS); err != nil {
			stagesErr = err
			return
		}
		if s.lists, err = ingest.LoadLists(rules.FS); err != nil {
			stagesErr = err
			return
		}
		if s.entities, err = entity.New(rules.FS); err != nil {
			stagesErr = err
			return
		}
		if s.aliases, err = alias.New(rules.FS); err != nil {
			stagesErr = err
			return
		}
		if s.quotes, err = quote.New(rules.FS); err != nil {
			stagesErr = err
			return
		}
		if s.aligner, err = New(rules.FS); err != nil {
			stagesErr = err
			return
		}
		stagesVal = s
	})
	if stagesErr != nil {
		t.Fatal(stagesErr)
	}
	return stagesVal
}

// storyInput is what Claims takes, for one story.
type storyInput struct {
	arts     []*parallax.Article
	mentions []parallax.Mention
	quotes   []parallax.Quote
	names    map[string]string // entity ID → name
}

// prepare runs the stages before claims on the articles, as cmd/parallax
// does: text, metadata, names spread across the story, role references,
// aliases merged into entities, quotes with speakers.
func (s *stages) prepare(arts []*parallax.Article) storyInput {
	type found struct {
		doc      *text.Doc
		mentions []parallax.Mention
		quotes   []quote.Attribution
	}
	fs := make([]found, len(arts))
	var all []parallax.Mention
	for i, a := range arts {
		doc := s.engine.Analyze(a.Text)
		a.Sentences, a.Furniture, a.Tokens, a.Words = doc.Sentences, doc.Furniture, doc.Tokens, doc.Words
		s.lists.InferMeta(a)
		fs[i] = found{doc: doc, mentions: s.entities.Recognize(a.ID, a.Text, doc), quotes: s.quotes.Extract(a.Text, doc)}
		all = append(all, fs[i].mentions...)
	}
	known := entity.NewKnown(all)
	for i, a := range arts {
		f := &fs[i]
		names := append(f.mentions, s.entities.Spread(a.ID, a.Text, f.doc, f.mentions, known)...)
		sort.SliceStable(names, func(x, y int) bool { return names[x].Start < names[y].Start })
		f.mentions = append(names, s.aliases.RoleReferences(a.ID, a.Text, f.doc, names)...)
	}
	var mentions []parallax.Mention
	texts := map[string]string{}
	for i, a := range arts {
		mentions = append(mentions, fs[i].mentions...)
		texts[a.ID] = a.Text
	}
	entity.Harmonize(mentions, texts)
	ents, _, merged := s.aliases.Merge(mentions, texts)
	index := s.aliases.Index(ents, merged)
	in := storyInput{arts: arts, mentions: merged, names: map[string]string{}}
	for _, e := range ents {
		in.names[e.ID] = e.Name
	}
	for i, a := range arts {
		for _, at := range fs[i].quotes {
			q := at.Quote
			q.ID = fmt.Sprintf("q%d", len(in.quotes)+1)
			q.Article = a.ID
			if q.SpeakerText != "" || at.Name != "" {
				sp, name := at.Antecedent, at.Name
				if sp.Len() == 0 {
					sp, name = q.SpeakerSpan, q.SpeakerText
				}
				if name == "" {
					name = q.SpeakerText
				}
				q.Speaker = index.Lookup(a.ID, name, sp)
			}
			in.quotes = append(in.quotes, q)
		}
	}
	return in
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
