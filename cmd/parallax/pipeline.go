package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"

	"parallax"
	"parallax/internal/align"
	"parallax/internal/annotate"
	"parallax/internal/ingest"
	"parallax/internal/synth"
	"parallax/rules"
)

// pipeline holds the stages that turn the articles read into an analysis.
// Each stage is safe for concurrent use.
type pipeline struct {
	ann     *annotate.Annotator
	aligner *align.Aligner
	synth   *synth.Writer
	// brief is how the neutral brief is written (--brief-sentences).
	brief synth.Options
}

// newPipeline loads the stages' data from the embedded rules, with the
// files of rulesDir, when it is not "", taking the place of embedded ones.
func newPipeline(rulesDir string) (*pipeline, error) {
	var fsys fs.FS = rules.FS
	if rulesDir != "" {
		info, err := os.Stat(rulesDir)
		if err != nil {
			return nil, fmt.Errorf("--rules-dir: %w", err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("--rules-dir: %s is not a directory", rulesDir)
		}
		fsys = rules.Overlay(os.DirFS(rulesDir))
	}
	p := &pipeline{}
	var err error
	if p.ann, err = annotate.New(fsys); err != nil {
		return nil, err
	}
	if p.aligner, err = align.New(fsys); err != nil {
		return nil, err
	}
	if p.synth, err = synth.New(fsys); err != nil {
		return nil, err
	}
	return p, nil
}

// analyze annotates the articles read, infers their metadata, groups them
// into stories, and compares each story's articles.
func (p *pipeline) analyze(ctx context.Context, res ingest.Result) (*parallax.Analysis, error) {
	found := make([]annotate.Found, len(res.Articles))
	// Articles are independent until they meet in a story: analyse them
	// on every core.
	if err := annotate.Parallel(ctx, len(res.Articles), func(i int) { found[i] = p.ann.Article(res.Articles[i]) }); err != nil {
		return nil, err
	}
	an := &parallax.Analysis{Articles: res.Articles, Warnings: res.Warnings}
	// Until stories are clustered, all the articles form one story.
	if s := oneStory("s1", res.Articles); s != nil {
		if err := p.compare(ctx, s, res.Articles, found); err != nil {
			return nil, err
		}
		an.Stories = []*parallax.Story{s}
	}
	return an, nil
}

// compare fills the story's comparison fields from what the per-article
// stages found in its articles (given in the story's order): its people
// and voices (package annotate), then the claims aligned across the
// articles with what each article leaves out, the contradictions, the
// timeline and the neutral brief.
func (p *pipeline) compare(ctx context.Context, s *parallax.Story, arts []*parallax.Article, found []annotate.Found) error {
	byArticle, err := p.ann.Story(ctx, s, arts, found)
	if err != nil {
		return err
	}
	s.Claims = p.aligner.Claims(arts, s.Mentions, s.Quotes)
	s.Omissions = align.Omissions(s.Claims, arts)
	times := align.Times{ByArticle: byArticle, Overlap: p.ann.Times().Overlap}
	s.Contradictions = append(align.DateContradictions(s.Claims, arts, times), p.aligner.Contradictions(s.Claims, arts, s.Quotes, annotate.Names(s))...)
	for i := range s.Contradictions {
		s.Contradictions[i].ID = fmt.Sprintf("x%d", i+1)
	}
	s.Timeline = align.Timeline(s.Claims, arts, times)
	s.Summary = p.synth.Brief(s, arts, p.brief)
	return nil
}
