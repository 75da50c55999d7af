package synth

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"parallax"
	"parallax/internal/align"
	"parallax/internal/annotate"
	"parallax/internal/ingest"
	"parallax/rules"
)

// stages are the stages cmd/parallax runs before the brief (package
// annotate, then the aligner), loaded once for all tests, with the writer.
type stages struct {
	ann     *annotate.Annotator
	aligner *align.Aligner
	writer  *Writer
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
			func() (err error) { s.ann, err = annotate.New(rules.FS); return },
			func() (err error) { s.aligner, err = align.New(rules.FS); return },
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

// story runs the stages on the articles of one story as cmd/parallax does
// (people and voices, claims, omissions, contradictions, timeline), without
// the brief.
func (s *stages) story(arts []*parallax.Article) *parallax.Story {
	found := make([]annotate.Found, len(arts))
	st := &parallax.Story{ID: "s1"}
	for i, a := range arts {
		found[i] = s.ann.Article(a)
		st.Articles = append(st.Articles, a.ID)
	}
	byArticle, err := s.ann.Story(context.Background(), st, arts, found)
	if err != nil {
		panic(err) // only a cancelled context fails, and this one is not
	}
	st.Claims = s.aligner.Claims(arts, st.Mentions, st.Quotes)
	st.Omissions = align.Omissions(st.Claims, arts)
	times := align.Times{ByArticle: byArticle, Overlap: s.ann.Times().Overlap}
	st.Contradictions = append(align.DateContradictions(st.Claims, arts, times), s.aligner.Contradictions(st.Claims, arts, st.Quotes, annotate.Names(st))...)
	for i := range st.Contradictions {
		st.Contradictions[i].ID = fmt.Sprintf("x%d", i+1)
	}
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
		for _, sn := range s.ann.Engine().Analyze(src).Sentences {
			out = append(out, src[sn.Start:sn.End])
		}
		return out
	}
}
