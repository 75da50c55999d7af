package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"

	"parallax"
	"parallax/internal/alias"
	"parallax/internal/align"
	"parallax/internal/entity"
	"parallax/internal/ingest"
	"parallax/internal/quote"
	"parallax/internal/source"
	"parallax/internal/synth"
	"parallax/internal/text"
	"parallax/internal/timex"
	"parallax/internal/voice"
	"parallax/rules"
)

// pipeline holds the stages that turn the articles read into an analysis.
// Each stage is safe for concurrent use.
type pipeline struct {
	engine   *text.Engine
	lists    *ingest.Lists
	entities *entity.Recognizer
	aliases  *alias.Resolver
	quotes   *quote.Extractor
	sources  *source.Finder
	voices   *voice.Grouper
	aligner  *align.Aligner
	times    *timex.Resolver
	synth    *synth.Writer
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
	if p.engine, err = text.New(fsys); err != nil {
		return nil, err
	}
	if p.lists, err = ingest.LoadLists(fsys); err != nil {
		return nil, err
	}
	if p.entities, err = entity.New(fsys); err != nil {
		return nil, err
	}
	if p.aliases, err = alias.New(fsys); err != nil {
		return nil, err
	}
	if p.quotes, err = quote.New(fsys); err != nil {
		return nil, err
	}
	if p.sources, err = source.New(fsys); err != nil {
		return nil, err
	}
	if p.voices, err = voice.New(fsys); err != nil {
		return nil, err
	}
	if p.aligner, err = align.New(fsys); err != nil {
		return nil, err
	}
	if p.times, err = timex.New(fsys); err != nil {
		return nil, err
	}
	if p.synth, err = synth.New(fsys); err != nil {
		return nil, err
	}
	return p, nil
}

// annotated is what the per-article stages found in one article.
type annotated struct {
	doc      *text.Doc
	mentions []parallax.Mention // names, then role references
	quotes   []quote.Attribution
	cited    []parallax.CitedSource
	times    []timex.Expr
	ref      timex.Ref // what times were resolved against
}

// analyze annotates the articles read, infers their metadata, groups them
// into stories, and compares each story's articles.
func (p *pipeline) analyze(ctx context.Context, res ingest.Result) (*parallax.Analysis, error) {
	found := make([]annotated, len(res.Articles))
	// Articles are independent until they meet in a story: analyse them
	// on every core.
	if err := parallel(ctx, len(res.Articles), func(i int) { found[i] = p.annotate(res.Articles[i]) }); err != nil {
		return nil, err
	}
	an := &parallax.Analysis{Articles: res.Articles, Warnings: res.Warnings}
	// Until stories are clustered, all the articles form one story.
	if s := oneStory("s1", res.Articles); s != nil {
		if err := p.spread(ctx, res.Articles, found); err != nil {
			return nil, err
		}
		p.compare(s, res.Articles, found)
		an.Stories = []*parallax.Story{s}
	}
	return an, nil
}

// parallel calls f(0), ..., f(n-1) on every core, and stops handing out
// work when ctx is done.
func parallel(ctx context.Context, n int, f func(i int)) error {
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				f(i)
			}
		}()
	}
	var err error
	for i := range n {
		if err = ctx.Err(); err != nil {
			break
		}
		work <- i
	}
	close(work)
	wg.Wait()
	return err
}

// annotate runs the per-article stages on a: text, metadata, names, quotes
// and cited sources.
func (p *pipeline) annotate(a *parallax.Article) annotated {
	doc := p.engine.Analyze(a.Text)
	a.Sentences, a.Furniture, a.Tokens, a.Words = doc.Sentences, doc.Furniture, doc.Tokens, doc.Words
	p.lists.InferMeta(a)
	return p.people(a, doc)
}

// people runs the per-article people-and-voices stages on a, analysed as
// doc. Cited sources that name the article's own outlet are dropped: an
// aggregator's "MENAFN - Kashmir Observer" prefix names the outlet, not a
// source it cites.
func (p *pipeline) people(a *parallax.Article, doc *text.Doc) annotated {
	cited := p.sources.Cited(a.Text, doc)
	kept := cited[:0]
	for _, c := range cited {
		if a.Outlet == "" || !strings.EqualFold(c.Name, a.Outlet) {
			kept = append(kept, c)
		}
	}
	return annotated{
		doc:      doc,
		mentions: p.entities.Recognize(a.ID, a.Text, doc),
		quotes:   p.quotes.Extract(a.Text, doc),
		cited:    kept,
		times:    p.times.ResolveAt(a.Text, doc, reference(a, doc)),
		ref:      reference(a, doc),
	}
}

// reference returns the date an article's time expressions are resolved
// against, and where it came from: the publication date, which metadata
// inference may have taken from a dateline, byline or "via" line. With no
// date, the time stage infers one from the text itself.
func reference(a *parallax.Article, doc *text.Doc) timex.Ref {
	if a.Published.IsZero() {
		ref, _ := timex.InferPublished(a.Text, doc)
		return ref
	}
	ref := timex.Ref{Date: a.Published, Source: timex.SourcePublished}
	for _, in := range a.Inferred {
		if in.Field != ingest.FieldPublished {
			continue
		}
		switch in.Rule {
		case ingest.RuleDateline:
			ref.Source = timex.SourceDateline
		case ingest.RuleVia:
			ref.Source = timex.SourceVia
		case ingest.RuleByline, ingest.RuleBylineStaff, ingest.RuleBylineAgency:
			ref.Source = timex.SourceByline
		}
		ref.Span = in.Span
	}
	return ref
}

// spread adds to each article of a story the names the story knows and the
// recognizer missed there, then the article's role references ("the
// Russian leader"), which need all its names.
func (p *pipeline) spread(ctx context.Context, arts []*parallax.Article, found []annotated) error {
	var all []parallax.Mention
	for _, f := range found {
		all = append(all, f.mentions...)
	}
	known := entity.NewKnown(all)
	return parallel(ctx, len(arts), func(i int) {
		a, f := arts[i], &found[i]
		names := append(f.mentions, p.entities.Spread(a.ID, a.Text, f.doc, f.mentions, known)...)
		names = append(names, p.speakers(a, f.quotes, names)...)
		sort.SliceStable(names, func(x, y int) bool { return names[x].Start < names[y].Start })
		f.mentions = append(names, p.aliases.RoleReferences(a.ID, a.Text, f.doc, names)...)
	})
}

// speakerMin is the confidence a quote's attribution needs for its
// speaker's name to count as a mention when the recognizer missed it.
const speakerMin = 0.8

// speakers returns mentions for the names the quote stage attributed
// quotes to with confidence and the recognizer did not find ("Halvorsen
// said" in a short text that gives the model no context).
func (p *pipeline) speakers(a *parallax.Article, quotes []quote.Attribution, have []parallax.Mention) []parallax.Mention {
	var out []parallax.Mention
	for _, at := range quotes {
		q := at.Quote
		if q.Confidence < speakerMin || q.SpeakerSpan.Len() == 0 {
			continue
		}
		covered := false
		for _, m := range have {
			covered = covered || m.Overlaps(q.SpeakerSpan)
		}
		for _, m := range out {
			covered = covered || m.Overlaps(q.SpeakerSpan)
		}
		if covered {
			continue
		}
		if m, ok := p.entities.Speaker(a.ID, a.Text, q.SpeakerSpan); ok {
			out = append(out, m)
		}
	}
	return out
}

// storyReference returns the date to read the story's undated articles
// against: the latest date an article gives firmly (published, dateline or
// byline), else the latest it gives approximately ("via" line, embedded
// post, text), as an approximate reference ([timex.SourceText]); or the
// zero Ref when no article gives one.
func storyReference(found []annotated) timex.Ref {
	var firm, loose timex.Ref
	for _, f := range found {
		r := f.ref
		if r.Date.IsZero() {
			continue
		}
		switch r.Source {
		case timex.SourcePublished, timex.SourceDateline, timex.SourceByline:
			if r.Date.After(firm.Date) {
				firm = r
			}
		default:
			if r.Date.After(loose.Date) {
				loose = r
			}
		}
	}
	if firm.Date.IsZero() {
		firm = loose
	}
	if firm.Date.IsZero() {
		return timex.Ref{}
	}
	return timex.Ref{Date: firm.Date, Source: timex.SourceText}
}

// compare fills the story's comparison fields from what the per-article
// stages found in its articles (given in the story's order): entities
// merged across articles, quotes linked to them, the same quote across
// outlets, voice share, cited sources, and the claims aligned across the
// articles with what each article leaves out, the contradictions, the
// timeline and the neutral brief.
func (p *pipeline) compare(s *parallax.Story, arts []*parallax.Article, found []annotated) {
	var mentions []parallax.Mention
	texts := map[string]string{}
	for i, a := range arts {
		mentions = append(mentions, found[i].mentions...)
		texts[a.ID] = a.Text
	}
	entity.Harmonize(mentions, texts)
	s.Entities, s.Naming, s.Mentions = p.aliases.Merge(mentions, texts)
	order := map[string]int{}
	for i, a := range arts {
		order[a.ID] = i
	}
	sort.SliceStable(s.Mentions, func(i, j int) bool {
		a, b := s.Mentions[i], s.Mentions[j]
		if a.Article != b.Article {
			return order[a.Article] < order[b.Article]
		}
		return a.Start < b.Start
	})
	index := p.aliases.Index(s.Entities, s.Mentions)

	names := map[string]string{}
	for _, e := range s.Entities {
		names[e.ID] = e.Name
	}
	s.CitedSources = map[string][]parallax.CitedSource{}
	for i, a := range arts {
		if len(found[i].cited) > 0 {
			s.CitedSources[a.ID] = found[i].cited
		}
		for _, at := range found[i].quotes {
			q := at.Quote
			q.ID = fmt.Sprintf("q%d", len(s.Quotes)+1)
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
			if q.Via == "" {
				q.Via = viaSource(a, q.Span, found[i].cited)
			}
			s.Quotes = append(s.Quotes, q)
		}
	}
	s.QuoteGroups = p.voices.Group(s.Quotes)
	s.VoiceShare, s.Voices = voice.Share(s.Quotes, names)
	s.Claims = p.aligner.Claims(arts, s.Mentions, s.Quotes)
	s.Omissions = align.Omissions(s.Claims, arts)
	times := align.Times{ByArticle: map[string][]timex.Expr{}, Overlap: p.times.Overlap}
	story := storyReference(found)
	for i, a := range arts {
		if found[i].ref.Date.IsZero() && !story.Date.IsZero() {
			// an article that gives no date of its own is read as of the
			// story's: near it, not on it, so weekdays go to the nearest
			found[i].times = p.times.ResolveAt(a.Text, found[i].doc, story)
		}
		times.ByArticle[a.ID] = found[i].times
	}
	s.Contradictions = append(align.DateContradictions(s.Claims, arts, times), p.aligner.Contradictions(s.Claims, arts, s.Quotes, names)...)
	for i := range s.Contradictions {
		s.Contradictions[i].ID = fmt.Sprintf("x%d", i+1)
	}
	s.Timeline = align.Timeline(s.Claims, arts, times)
	s.Summary = p.synth.Brief(s, arts, p.brief)
}

// viaSource returns the agency or outlet that the sentence of a quote cites
// outside the quoted words ("…, Araghchi said, according to the Financial
// Times"), the one nearest the quote, or "" when it cites none: the quote
// stage finds most second-hand sources itself, the cited-source stage the
// forms it does not know.
func viaSource(a *parallax.Article, q parallax.Span, cited []parallax.CitedSource) string {
	var sent parallax.Span
	for _, s := range a.Sentences {
		if s.Contains(q.Start) {
			sent = s.Span
			break
		}
	}
	best, dist := "", -1
	for _, c := range cited {
		if !c.Named || (c.Kind != parallax.SourceAgency && c.Kind != parallax.SourceOutlet) ||
			c.Start < sent.Start || c.End > sent.End || c.Overlaps(q) {
			continue
		}
		d := c.Start - q.End
		if c.End <= q.Start {
			d = q.Start - c.End
		}
		if dist < 0 || d < dist {
			best, dist = c.Name, d
		}
	}
	return best
}
