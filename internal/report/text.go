package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"parallax"
)

// DefaultWidth is the line width [Text] wraps at when none is given.
const DefaultWidth = 100

// minTextWidth is the narrowest column of text the wrapper keeps beside an
// indent, however small the width asked for.
const minTextWidth = 20

// quoteMarker marks a quoted sentence in the text report.
const quoteMarker = "❝"

// TextOptions configures [Text].
type TextOptions struct {
	// Width is the line width to wrap at; 0 means [DefaultWidth].
	Width int
}

// Text writes a as a plain-text report for a terminal, wrapped at
// opts.Width and free of colour codes: for each story its title, outlets and
// article count; for each article its metadata, what of it was inferred,
// its numbered sentences with byte offsets (quoted ones marked ❝, headings
// shown as "## Heading") and its furniture; then the warnings.
func Text(w io.Writer, a *parallax.Analysis, opts TextOptions) error {
	if opts.Width <= 0 {
		opts.Width = DefaultWidth
	}
	if a == nil {
		a = &parallax.Analysis{}
	}
	t := &textWriter{w: bufio.NewWriter(w), width: opts.Width}
	if len(a.Articles) == 0 {
		t.line("No articles.")
	}
	for i, g := range groups(a) {
		if i > 0 {
			t.line("")
		}
		t.story(g)
	}
	if len(a.Warnings) > 0 {
		t.line("")
		t.line(fmt.Sprintf("WARNINGS (%d)", len(a.Warnings)))
		for _, warn := range a.Warnings {
			t.wrap("  ", "    ", clean(warn.Input)+": "+clean(warn.Message))
		}
	}
	if err := t.w.Flush(); err != nil {
		return fmt.Errorf("report: writing text: %w", err)
	}
	return nil
}

// textWriter writes the text report. Write errors stay in the bufio.Writer
// and come out of its Flush.
type textWriter struct {
	w     *bufio.Writer
	width int
}

func (t *textWriter) line(s string) {
	t.w.WriteString(s)
	t.w.WriteByte('\n')
}

func (t *textWriter) story(g group) {
	if g.Story == nil {
		t.line(fmt.Sprintf("ARTICLES IN NO STORY (%d)", len(g.Articles)))
	} else {
		title := clean(g.Story.Title)
		if title == "" {
			title = "(untitled)"
		}
		t.wrap("STORY "+clean(g.Story.ID)+": ", "  ", title)
		outlets := make([]string, len(g.Story.Outlets))
		for i, o := range g.Story.Outlets {
			outlets[i] = clean(o)
		}
		t.field("  ", "outlets", strings.Join(outlets, ", "))
		t.field("  ", "articles", fmt.Sprint(len(g.Articles)))
	}
	var p *people
	if g.Story != nil {
		t.compare(newComparison(g.Story, g.Articles))
		p = newPeople(g.Story, g.Articles)
		t.people(p, g.Articles)
	}
	for _, art := range g.Articles {
		t.line("")
		t.article(art, p)
	}
}

// compare writes a story's brief, agreement, coverage matrix, omissions,
// contradictions and timeline.
func (t *textWriter) compare(c *comparison) {
	if c.empty() {
		return
	}
	s := c.s
	if len(s.Summary.Sentences) > 0 {
		t.line("")
		t.line("  BRIEF (every sentence cites the articles that state it)")
		for _, sen := range s.Summary.Sentences {
			t.wrap("    ", "    ", clean(sen.Text)+" "+citations(sen))
		}
	}
	if cs := c.byStatus(parallax.StatusConsensus); len(cs) > 0 {
		t.line("")
		t.line(fmt.Sprintf("  AGREEMENT (%s every outlet, or all but one, reports)", plural(len(cs), "claim", "claims")))
		for _, cl := range cs {
			t.wrap(fmt.Sprintf("    %-4s ", clean(cl.ID)), "         ", fmt.Sprintf("%s (%s)", shorten(cl.Text, claimTextLimit), plural(cl.Coverage, "outlet", "outlets")))
		}
	}
	if len(s.Claims) > 0 {
		t.line("")
		head := fmt.Sprintf("    %-5s", "claim")
		for _, a := range c.arts {
			head += " " + clean(a.ID)
		}
		t.line("  COVERAGE (claims × articles)")
		t.line(head)
		for i, cl := range s.Claims {
			if i == matrixLimit {
				t.line(fmt.Sprintf("    … and %d more claims in the JSON report", len(s.Claims)-i))
				break
			}
			row := fmt.Sprintf("    %-5s", clean(cl.ID))
			for k, mark := range c.matrixRow(cl) {
				row += " " + mark + strings.Repeat(" ", max(0, len(c.arts[k].ID)-1))
			}
			t.line(row + "  " + shorten(cl.Text, max(t.width-utf8.RuneCountInString(row)-2, 12)))
		}
	}
	if len(s.Omissions) > 0 {
		t.line("")
		t.line("  LEFT OUT (what most other outlets report, not this one)")
		for _, a := range c.arts {
			om := c.omitted(a.ID)
			if len(om) == 0 {
				continue
			}
			t.line(fmt.Sprintf("    %s · %s", clean(a.ID), clean(a.DisplayName())))
			for _, l := range om {
				t.wrap("      ", "        ", l)
			}
		}
	}
	if len(s.Contradictions) > 0 {
		t.line("")
		t.line(fmt.Sprintf("  CONTRADICTIONS (%d)", len(s.Contradictions)))
		for _, ct := range s.Contradictions {
			t.wrap(fmt.Sprintf("    %-4s ", clean(ct.ID)), "         ", clean(ct.Kind)+": "+clean(ct.About))
			for _, st := range ct.Statements {
				t.wrap("         ", "           ", statement(st))
			}
		}
	}
	if len(s.Timeline) > 0 {
		t.line("")
		t.line("  TIMELINE")
		for _, ev := range s.Timeline {
			t.wrap(fmt.Sprintf("    %-10s ", clean(ev.Date)), "               ", shorten(ev.Text, claimTextLimit)+" ["+clean(strings.Join(ev.Articles, ", "))+"]")
		}
	}
}

// people writes a story's cast, quote groups, voice share and cited
// sources.
func (t *textWriter) people(p *people, arts []*parallax.Article) {
	s := p.s
	if len(s.Entities) > 0 {
		t.line("")
		t.line(fmt.Sprintf("  CAST (%s, most mentioned first)", plural(len(s.Entities), "entity", "entities")))
		for i, e := range s.Entities {
			if i == castLimit {
				t.line(fmt.Sprintf("    … and %d more in the JSON report", len(s.Entities)-i))
				break
			}
			n, k := articleCount(e)
			t.wrap(fmt.Sprintf("    %-4s ", clean(e.ID)), "         ", fmt.Sprintf("%s · %s · %s in %s · confidence %.2f",
				clean(e.Name), e.Type, plural(n, "mention", "mentions"), plural(k, "article", "articles"), e.Confidence))
			if len(e.Roles) > 0 {
				t.wrap("         roles    ", "                  ", clean(strings.Join(e.Roles, "; ")))
			}
			if len(e.Aliases) > 0 {
				t.wrap("         aliases  ", "                  ", clean(strings.Join(e.Aliases, "; ")))
			}
			if e.Type == parallax.Person {
				for j, l := range p.naming(e.ID) {
					label := "         naming   "
					if j > 0 {
						label = "                  "
					}
					t.wrap(label, "                  ", l)
				}
			}
		}
	}
	if len(s.QuoteGroups) > 0 {
		t.line("")
		t.line(fmt.Sprintf("  QUOTES ACROSS OUTLETS (%s)", plural(len(s.QuoteGroups), "group", "groups")))
		for _, g := range s.QuoteGroups {
			t.wrap(fmt.Sprintf("    %-4s ", clean(g.ID)), "         ", fmt.Sprintf("%s · %s", p.entityName(g.Speaker), plural(len(g.Articles), "article", "articles")))
			t.wrap("         canonical  ", "                    ", "“"+shorten(g.Canonical, 2*quoteTextLimit)+"”")
			for _, v := range g.Variants {
				t.wrap(fmt.Sprintf("         %-10s ", clean(v.Article)), "                    ", diffText(v.Diff))
			}
		}
	}
	if len(s.Voices) > 0 {
		t.line("")
		t.line("  VOICE SHARE (share of each article's quoted words)")
		for _, a := range arts {
			if v := p.voices(a.ID); len(v) > 0 {
				t.wrap(fmt.Sprintf("    %-6s ", clean(a.ID)), "           ", strings.Join(v, " · "))
			}
		}
	}
	if len(s.CitedSources) > 0 {
		t.line("")
		t.line("  CITED SOURCES")
		for _, a := range arts {
			if c := p.sources(a.ID); len(c) > 0 {
				t.wrap(fmt.Sprintf("    %-6s ", clean(a.ID)), "           ", strings.Join(c, ", "))
			}
		}
	}
}

// labelWidth is the width of the metadata labels of an article.
const labelWidth = len("published")

// field writes "indent label  value", the value wrapped under itself; an
// empty value is shown as "—".
func (t *textWriter) field(indent, label, value string) {
	if value == "" {
		value = "—"
	}
	first := fmt.Sprintf("%s%-*s  ", indent, labelWidth, label)
	t.wrap(first, strings.Repeat(" ", utf8.RuneCountInString(first)), value)
}

func (t *textWriter) article(art *parallax.Article, p *people) {
	head := "── " + clean(art.ID) + " · " + clean(art.DisplayName()) + " "
	if n := t.width - utf8.RuneCountInString(head); n > 0 {
		head += strings.Repeat("─", n)
	}
	t.line(head)
	t.field("  ", "title", clean(art.Title))
	t.field("  ", "author", clean(art.Author))
	t.field("  ", "published", formatTime(art.Published))
	t.field("  ", "url", clean(art.URL))
	t.field("  ", "source", clean(art.Source))
	t.field("  ", "words", fmt.Sprint(art.Words))
	t.field("  ", "spans", counts(art))
	inferred := inferences(art)
	if len(inferred) == 0 {
		t.field("  ", "inferred", "nothing")
	}
	for i, line := range inferred {
		label := "inferred"
		if i > 0 {
			label = ""
		}
		t.field("  ", label, line)
	}

	if len(art.Sentences) > 0 {
		t.line("")
		t.line("  sentences")
		numWidth := len(fmt.Sprint(len(art.Sentences)))
		spanWidth := 0
		for _, s := range art.Sentences {
			spanWidth = max(spanWidth, utf8.RuneCountInString(spanLabel(s.Span)))
		}
		for i, s := range art.Sentences {
			marker := " "
			if s.Quoted {
				marker = quoteMarker
			}
			text, _ := spanText(art, s.Span)
			if s.Heading {
				text = "## " + text
			}
			first := fmt.Sprintf("  %*d %-*s %s ", numWidth, i+1, spanWidth, spanLabel(s.Span), marker)
			t.wrap(first, strings.Repeat(" ", utf8.RuneCountInString(first)), text)
		}
	}

	if p != nil {
		if qs := p.quotesOf(art.ID); len(qs) > 0 {
			t.line("")
			t.line("  quotes")
			spanWidth := 0
			for _, q := range qs {
				spanWidth = max(spanWidth, utf8.RuneCountInString(spanLabel(q.Span)))
			}
			for _, q := range qs {
				first := fmt.Sprintf("    %-*s ", spanWidth, spanLabel(q.Span))
				t.wrap(first, strings.Repeat(" ", utf8.RuneCountInString(first)), p.quoteLine(q))
			}
		}
	}

	if len(art.Furniture) > 0 {
		t.line("")
		t.line("  furniture")
		kindWidth, spanWidth := 0, 0
		for _, f := range art.Furniture {
			kindWidth = max(kindWidth, utf8.RuneCountInString(clean(string(f.Kind))))
			spanWidth = max(spanWidth, utf8.RuneCountInString(spanLabel(f.Span)))
		}
		for _, f := range art.Furniture {
			text, _ := spanText(art, f.Span)
			text = shorten(text, furnitureTextLimit)
			if f.Source != "" {
				text += " (source: " + clean(f.Source) + ")"
			}
			first := fmt.Sprintf("    %-*s %-*s ", kindWidth, clean(string(f.Kind)), spanWidth, spanLabel(f.Span))
			t.wrap(first, strings.Repeat(" ", utf8.RuneCountInString(first)), text)
		}
	}
}

// wrap writes s word-wrapped so that no line is wider than t.width, the first
// line starting with first and the others with rest. A word too long for a
// line is written whole on a line of its own.
func (t *textWriter) wrap(first, rest, s string) {
	prefix := first
	avail := func() int { return max(t.width-utf8.RuneCountInString(prefix), minTextWidth) }
	var line strings.Builder
	n := 0
	flush := func() {
		if line.Len() == 0 {
			t.line(strings.TrimRight(prefix, " "))
		} else {
			t.line(prefix + line.String())
		}
		prefix = rest
		line.Reset()
		n = 0
	}
	for _, word := range strings.Fields(s) {
		wn := utf8.RuneCountInString(word)
		if n > 0 && n+1+wn > avail() {
			flush()
		}
		if n > 0 {
			line.WriteByte(' ')
			n++
		}
		line.WriteString(word)
		n += wn
	}
	if n > 0 || prefix == first {
		flush()
	}
}
