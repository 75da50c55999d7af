package synth

import (
	"fmt"
	"sort"
	"sync"
	"testing"

	"parallax"
	"parallax/internal/alias"
	"parallax/internal/align"
	"parallax/internal/entity"
	"parallax/internal/ingest"
	"parallax/internal/quote"
	"parallax/internal/text"
	"parallax/internal/timex"
	"parallax/rules"
)

// stages are the stages cmd/parallax runs before the brief (pipeline.go:
// annotate, spread, compare), loaded once for all tests, with the writer.
type stages struct {
	engine   *text.Engine
	lists    *ingest.Lists
	entities *entity.Recognizer
	aliases  *alias.Resolver
	quotes   *quote.Extractor
	aligner  *align.Aligner
	times    *timex.Resolver
	writer   *Writer
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
		steps := []func() error{
			func() (err error) { s.engine, err = text.New(rules.FS); return },
			func() (err error) { s.lists, err = ingest.LoadLists(rules.FS); return },
			func() (err error) { s.entities, err = entity.New(rules.FS); return },
			func() (err error) { s.aliases, err = alias.New(rules.FS); return },
			func() (err error) { s.quotes, err = quote.New(rules.FS); return },
			func() (err error) { s.aligner, err = align.New(rules.FS); return },
			func() (err error) { s.times, err = timex.New(rules.FS); return },
			func() (err error) { s.writer, err = New(rules.FS); return },
		}
		for _, step := range steps {
			if stagesErr = step(); stagesErr != nil {
				return
			}
		}
		stagesVal = s
	})
	if stagesErr != nil {
		t.Fatal(stagesErr)
	}
	return stagesVal
}

// story runs the stages on the articles of one story, as cmd/parallax
// does (quotes with speakers, claims, contradictions, timeline), without
// the brief.
func (s *stages) story(arts []*parallax.Article) *parallax.Story {
	type found struct {
		doc      *text.Doc
		mentions []parallax.Mention
		quotes   []quote.Attribution
		ref      timex.Ref
	}
	fs := make([]found, len(arts))
	var all []parallax.Mention
	for i, a := range arts {
		doc := s.engine.Analyze(a.Text)
		a.Sentences, a.Furniture, a.Tokens, a.Words = doc.Sentences, doc.Furniture, doc.Tokens, doc.Words
		s.lists.InferMeta(a)
		ref := timex.Ref{Date: a.Published, Source: timex.SourcePublished}
		if a.Published.IsZero() {
			ref, _ = timex.InferPublished(a.Text, doc)
		}
		fs[i] = found{doc: doc, mentions: s.entities.Recognize(a.ID, a.Text, doc), quotes: s.quotes.Extract(a.Text, doc), ref: ref}
		all = append(all, fs[i].mentions...)
	}
	known := entity.NewKnown(all)
	for i, a := range arts {
		f := &fs[i]
		names := append(f.mentions, s.entities.Spread(a.ID, a.Text, f.doc, f.mentions, known)...)
		sort.SliceStable(names, func(x, y int) bool { return names[x].Start < names[y].Start })
		f.mentions = append(names, s.aliases.RoleReferences(a.ID, a.Text, f.doc, names)...)
	}
	st := &parallax.Story{ID: "s1"}
	var mentions []parallax.Mention
	texts := map[string]string{}
	for i, a := range arts {
		st.Articles = append(st.Articles, a.ID)
		mentions = append(mentions, fs[i].mentions...)
		texts[a.ID] = a.Text
	}
	entity.Harmonize(mentions, texts)
	st.Entities, st.Naming, st.Mentions = s.aliases.Merge(mentions, texts)
	index := s.aliases.Index(st.Entities, st.Mentions)
	for i, a := range arts {
		for _, at := range fs[i].quotes {
			q := at.Quote
			q.ID = fmt.Sprintf("q%d", len(st.Quotes)+1)
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
			st.Quotes = append(st.Quotes, q)
		}
	}
	st.Claims = s.aligner.Claims(arts, st.Mentions, st.Quotes)
	st.Omissions = align.Omissions(st.Claims, arts)
	times := align.Times{ByArticle: map[string][]timex.Expr{}, Overlap: s.times.Overlap}
	var story timex.Ref
	for _, f := range fs {
		if f.ref.Date.After(story.Date) {
			story = timex.Ref{Date: f.ref.Date, Source: timex.SourceText}
		}
	}
	for i, a := range arts {
		ref := fs[i].ref
		if ref.Date.IsZero() {
			ref = story
		}
		times.ByArticle[a.ID] = s.times.ResolveAt(a.Text, fs[i].doc, ref)
	}
	st.Contradictions = align.DateContradictions(st.Claims, arts, times)
	st.Timeline = align.Timeline(st.Claims, arts, times)
	return st
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

// splitter returns the project's sentence splitter, for the evaluation
// harness.
func (s *stages) splitter() func(string) []string {
	return func(src string) []string {
		var out []string
		for _, sn := range s.engine.Analyze(src).Sentences {
			out = append(out, src[sn.Start:sn.End])
		}
		return out
	}
}
