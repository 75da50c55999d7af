package annotate

import (
	"context"
	"fmt"
	"io/fs"
	"runtime"
	"sort"
	"strings"
	"sync"

	"parallax"
	"parallax/internal/alias"
	"parallax/internal/entity"
	"parallax/internal/ingest"
	"parallax/internal/quote"
	"parallax/internal/source"
	"parallax/internal/text"
	"parallax/internal/timex"
	"parallax/internal/voice"
)

// Annotator holds the per-article stages and the people-and-voices stages
// of a story. It is safe for concurrent use.
type Annotator struct {
	engine   *text.Engine
	lists    *ingest.Lists
	entities *entity.Recognizer
	aliases  *alias.Resolver
	quotes   *quote.Extractor
	sources  *source.Finder
	voices   *voice.Grouper
	times    *timex.Resolver
}

// New loads the stages' data from fsys (rules.FS, or an overlay of it).
func New(fsys fs.FS) (*Annotator, error) {
	an := &Annotator{}
	var err error
	if an.engine, err = text.New(fsys); err != nil {
		return nil, err
	}
	if an.lists, err = ingest.LoadLists(fsys); err != nil {
		return nil, err
	}
	if an.entities, err = entity.New(fsys); err != nil {
		return nil, err
	}
	if an.aliases, err = alias.New(fsys); err != nil {
		return nil, err
	}
	if an.quotes, err = quote.New(fsys); err != nil {
		return nil, err
	}
	if an.sources, err = source.New(fsys); err != nil {
		return nil, err
	}
	if an.voices, err = voice.New(fsys); err != nil {
		return nil, err
	}
	if an.times, err = timex.New(fsys); err != nil {
		return nil, err
	}
	return an, nil
}

// Engine returns the text engine the annotator analyses articles with.
func (an *Annotator) Engine() *text.Engine { return an.engine }

// Times returns the time-expression resolver, whose Overlap tells whether
// two expressions may be one moment.
func (an *Annotator) Times() *timex.Resolver { return an.times }

// Found is what the per-article stages found in one article.
type Found struct {
	Doc      *text.Doc
	Mentions []parallax.Mention // names; after [Annotator.Story], role references too
	Quotes   []quote.Attribution
	Cited    []parallax.CitedSource
	Times    []timex.Expr
	// Ref is the date Times were resolved against, and where it came from.
	Ref timex.Ref
}

// Article runs the per-article stages on a: text (a's sentences, furniture,
// tokens and word count are set), metadata inference, then [Annotator.People].
func (an *Annotator) Article(a *parallax.Article) Found {
	doc := an.engine.Analyze(a.Text)
	a.Sentences, a.Furniture, a.Tokens, a.Words = doc.Sentences, doc.Furniture, doc.Tokens, doc.Words
	an.lists.InferMeta(a)
	return an.People(a, doc)
}

// People runs the per-article people-and-voices stages on a, analysed as
// doc: names, quotes, cited sources and time expressions. Cited sources
// that name the article's own outlet are dropped: an aggregator's "MENAFN
// - Kashmir Observer" prefix names the outlet, not a source it cites.
func (an *Annotator) People(a *parallax.Article, doc *text.Doc) Found {
	cited := an.sources.Cited(a.Text, doc)
	kept := cited[:0]
	for _, c := range cited {
		if a.Outlet == "" || !strings.EqualFold(c.Name, a.Outlet) {
			kept = append(kept, c)
		}
	}
	ref := reference(a, doc)
	return Found{
		Doc:      doc,
		Mentions: an.entities.Recognize(a.ID, a.Text, doc),
		Quotes:   an.quotes.Extract(a.Text, doc),
		Cited:    kept,
		Times:    an.times.ResolveAt(a.Text, doc, ref),
		Ref:      ref,
	}
}

// Story fills the people-and-voices fields of s from what the per-article
// stages found in its articles (arts and found in the story's order):
// names the story knows spread to where the recognizer missed them, role
// references, entities merged across articles (sorted mentions), quotes
// linked to them, the same quote across outlets, voice share and cited
// sources. It also reads the time expressions of an article that gives no
// date of its own as of the story's date, and returns every article's
// time expressions by article ID.
func (an *Annotator) Story(ctx context.Context, s *parallax.Story, arts []*parallax.Article, found []Found) (map[string][]timex.Expr, error) {
	if err := an.spread(ctx, arts, found); err != nil {
		return nil, err
	}
	var mentions []parallax.Mention
	texts := map[string]string{}
	for i, a := range arts {
		mentions = append(mentions, found[i].Mentions...)
		texts[a.ID] = a.Text
	}
	entity.Harmonize(mentions, texts)
	s.Entities, s.Naming, s.Mentions = an.aliases.Merge(mentions, texts)
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
	index := an.aliases.Index(s.Entities, s.Mentions)
	s.CitedSources = map[string][]parallax.CitedSource{}
	for i, a := range arts {
		if len(found[i].Cited) > 0 {
			s.CitedSources[a.ID] = found[i].Cited
		}
		for _, at := range found[i].Quotes {
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
				q.Via = viaSource(a, q.Span, found[i].Cited)
			}
			s.Quotes = append(s.Quotes, q)
		}
	}
	s.QuoteGroups = an.voices.Group(s.Quotes)
	s.VoiceShare, s.Voices = voice.Share(s.Quotes, Names(s))

	times := map[string][]timex.Expr{}
	story := storyReference(found)
	for i, a := range arts {
		if found[i].Ref.Date.IsZero() && !story.Date.IsZero() {
			// an article that gives no date of its own is read as of the
			// story's: near it, not on it, so weekdays go to the nearest
			found[i].Times = an.times.ResolveAt(a.Text, found[i].Doc, story)
		}
		times[a.ID] = found[i].Times
	}
	return times, nil
}

// Names returns the story's entity names by ID.
func Names(s *parallax.Story) map[string]string {
	names := map[string]string{}
	for _, e := range s.Entities {
		names[e.ID] = e.Name
	}
	return names
}

// Parallel calls f(0), ..., f(n-1) on every core, and stops handing out
// work when ctx is done.
func Parallel(ctx context.Context, n int, f func(i int)) error {
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
// recognizer missed there, and the names the quote stage attributes quotes
// to, then the article's role references ("the Russian leader"), which
// need all its names.
func (an *Annotator) spread(ctx context.Context, arts []*parallax.Article, found []Found) error {
	var all []parallax.Mention
	for _, f := range found {
		all = append(all, f.Mentions...)
	}
	known := entity.NewKnown(all)
	return Parallel(ctx, len(arts), func(i int) {
		a, f := arts[i], &found[i]
		names := append(f.Mentions, an.entities.Spread(a.ID, a.Text, f.Doc, f.Mentions, known)...)
		names = append(names, an.speakers(a, f.Quotes, names)...)
		sort.SliceStable(names, func(x, y int) bool { return names[x].Start < names[y].Start })
		f.Mentions = append(names, an.aliases.RoleReferences(a.ID, a.Text, f.Doc, names)...)
	})
}

// speakerMin is the confidence a quote's attribution needs for its
// speaker's name to count as a mention when the recognizer missed it.
const speakerMin = 0.8

// speakers returns mentions for the names the quote stage attributed
// quotes to with confidence and the recognizer did not find ("Halvorsen
// said" in a short text that gives the model no context).
func (an *Annotator) speakers(a *parallax.Article, quotes []quote.Attribution, have []parallax.Mention) []parallax.Mention {
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
		if m, ok := an.entities.Speaker(a.ID, a.Text, q.SpeakerSpan); ok {
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
func storyReference(found []Found) timex.Ref {
	var firm, loose timex.Ref
	for _, f := range found {
		r := f.Ref
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
