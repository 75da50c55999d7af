package align

import (
	"context"
	"sync"
	"testing"

	"parallax"
	"parallax/internal/annotate"
	"parallax/internal/ingest"
	"parallax/internal/timex"
	"parallax/rules"
)

// stages are the stages that come before claims, as cmd/parallax
// assembles them (package annotate), and the aligner, loaded once for all
// tests.
type stages struct {
	ann     *annotate.Annotator
	aligner *Aligner
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
		if s.ann, err = annotate.New(rules.FS); err != nil {
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
	times    map[string][]timex.Expr
}

// prepare runs the stages before claims on the articles, as cmd/parallax
// does (package annotate): text, metadata, names spread across the story,
// role references, aliases merged into entities, quotes with speakers,
// time expressions.
func (s *stages) prepare(arts []*parallax.Article) storyInput {
	found := make([]annotate.Found, len(arts))
	for i, a := range arts {
		found[i] = s.ann.Article(a)
	}
	st := &parallax.Story{ID: "s1"}
	times, err := s.ann.Story(context.Background(), st, arts, found)
	if err != nil {
		panic(err) // only a cancelled context fails, and this one is not
	}
	return storyInput{arts: arts, mentions: st.Mentions, quotes: st.Quotes, names: annotate.Names(st), times: times}
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
