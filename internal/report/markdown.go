package report

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"

	"parallax"
)

// Markdown writes a as GitHub-flavoured Markdown with the same information as
// [Text]: a section per story, and per article a metadata table, a numbered
// list of its sentences with byte offsets and a table of its furniture; then
// the warnings. All text from the articles is escaped, so it is shown
// exactly, never read as markup.
func Markdown(w io.Writer, a *parallax.Analysis) error {
	if a == nil {
		a = &parallax.Analysis{}
	}
	m := &markdownWriter{w: bufio.NewWriter(w)}
	m.line("# Parallax analysis")
	m.line("")
	m.line(fmt.Sprintf("%s in %s, %s.",
		plural(len(a.Articles), "article", "articles"),
		plural(len(a.Stories), "story", "stories"),
		plural(len(a.Warnings), "warning", "warnings")))
	for _, g := range groups(a) {
		m.story(g)
	}
	if len(a.Warnings) > 0 {
		m.line("")
		m.line("## Warnings")
		m.line("")
		for _, warn := range a.Warnings {
			m.line("- **" + escapeMarkdown(clean(warn.Input)) + "**: " + escapeMarkdown(clean(warn.Message)))
		}
	}
	if err := m.w.Flush(); err != nil {
		return fmt.Errorf("report: writing markdown: %w", err)
	}
	return nil
}

// markdownWriter writes the Markdown report. Write errors stay in the
// bufio.Writer and come out of its Flush.
type markdownWriter struct {
	w *bufio.Writer
}

func (m *markdownWriter) line(s string) {
	m.w.WriteString(s)
	m.w.WriteByte('\n')
}

func (m *markdownWriter) story(g group) {
	m.line("")
	if g.Story == nil {
		m.line("## Articles in no story")
	} else {
		title := escapeMarkdown(clean(g.Story.Title))
		if title == "" {
			title = "(untitled)"
		}
		m.line("## Story " + escapeMarkdown(clean(g.Story.ID)) + ": " + title)
		m.line("")
		outlets := make([]string, len(g.Story.Outlets))
		for i, o := range g.Story.Outlets {
			outlets[i] = escapeMarkdown(clean(o))
		}
		m.line(fmt.Sprintf("**Outlets:** %s · **Articles:** %d", orDash(strings.Join(outlets, ", ")), len(g.Articles)))
	}
	var p *people
	if g.Story != nil {
		m.compare(newComparison(g.Story, g.Articles))
		p = newPeople(g.Story, g.Articles)
		m.people(p, g.Articles)
	}
	for _, art := range g.Articles {
		m.article(art, p)
	}
}

// compare writes a story's brief, agreement, coverage matrix, omissions,
// contradictions and timeline.
func (m *markdownWriter) compare(c *comparison) {
	if c.empty() {
		return
	}
	s := c.s
	if len(s.Summary.Sentences) > 0 {
		m.line("")
		m.line("### Brief")
		m.line("")
		for _, sen := range s.Summary.Sentences {
			m.line(escapeMarkdown(clean(sen.Text)) + " " + escapeMarkdown(citations(sen)))
			m.line("")
		}
	}
	if cs := c.byStatus(parallax.StatusConsensus); len(cs) > 0 {
		m.line("")
		m.line("### Agreement")
		m.line("")
		for _, cl := range cs {
			m.line(fmt.Sprintf("- **%s** %s (%s)", escapeMarkdown(clean(cl.ID)), escapeMarkdown(shorten(cl.Text, claimTextLimit)), plural(cl.Coverage, "outlet", "outlets")))
		}
	}
	if len(s.Claims) > 0 {
		m.line("")
		m.line("### Coverage")
		m.line("")
		head, rule := "| Claim |", "| --- |"
		for _, a := range c.arts {
			head += " " + escapeMarkdown(clean(a.ID)) + " |"
			rule += " :-: |"
		}
		m.line(head + " Wording |")
		m.line(rule + " --- |")
		for i, cl := range s.Claims {
			if i == matrixLimit {
				m.line(fmt.Sprintf("| … | %d more claims in the JSON report |", len(s.Claims)-i))
				break
			}
			m.line("| " + escapeMarkdown(clean(cl.ID)) + " | " + strings.Join(c.matrixRow(cl), " | ") + " | " + escapeMarkdown(shorten(cl.Text, 80)) + " |")
		}
	}
	if len(s.Omissions) > 0 {
		m.line("")
		m.line("### Left out")
		for _, a := range c.arts {
			om := c.omitted(a.ID)
			if len(om) == 0 {
				continue
			}
			m.line("")
			m.line("**" + escapeMarkdown(clean(a.ID)) + " · " + escapeMarkdown(clean(a.DisplayName())) + "**")
			m.line("")
			for _, l := range om {
				m.line("- " + escapeMarkdown(l))
			}
		}
	}
	if len(s.Contradictions) > 0 {
		m.line("")
		m.line("### Contradictions")
		for _, ct := range s.Contradictions {
			m.line("")
			m.line("**" + escapeMarkdown(clean(ct.ID)) + "** " + escapeMarkdown(clean(ct.Kind)) + ": " + escapeMarkdown(clean(ct.About)))
			m.line("")
			for _, st := range ct.Statements {
				m.line("- " + escapeMarkdown(statement(st)))
			}
		}
	}
	if len(s.Timeline) > 0 {
		m.line("")
		m.line("### Timeline")
		m.line("")
		for _, ev := range s.Timeline {
			m.line("- **" + escapeMarkdown(clean(ev.Date)) + "** " + escapeMarkdown(shorten(ev.Text, claimTextLimit)) + " (" + escapeMarkdown(clean(strings.Join(ev.Articles, ", "))) + ")")
		}
	}
}

// people writes a story's cast, quote groups, voice share and cited
// sources.
func (m *markdownWriter) people(p *people, arts []*parallax.Article) {
	s := p.s
	if len(s.Entities) > 0 {
		m.line("")
		m.line("### Cast")
		m.line("")
		m.line("| ID | Name | Type | Mentions | Roles | Aliases |")
		m.line("| --- | --- | --- | --- | --- | --- |")
		for i, e := range s.Entities {
			if i == castLimit {
				m.line(fmt.Sprintf("| … | %d more in the JSON report | | | | |", len(s.Entities)-i))
				break
			}
			n, k := articleCount(e)
			m.line(fmt.Sprintf("| %s | %s | %s | %d in %d articles | %s | %s |", escapeMarkdown(clean(e.ID)), escapeMarkdown(clean(e.Name)), e.Type, n, k,
				orDash(escapeMarkdown(clean(strings.Join(e.Roles, "; ")))), orDash(escapeMarkdown(clean(strings.Join(e.Aliases, "; "))))))
		}
	}
	if len(s.QuoteGroups) > 0 {
		m.line("")
		m.line("### Quotes across outlets")
		for _, g := range s.QuoteGroups {
			m.line("")
			m.line(fmt.Sprintf("**%s** · %s · %s", escapeMarkdown(clean(g.ID)), escapeMarkdown(p.entityName(g.Speaker)), plural(len(g.Articles), "article", "articles")))
			m.line("")
			m.line("> " + escapeMarkdown(shorten(g.Canonical, 2*quoteTextLimit)))
			m.line("")
			for _, v := range g.Variants {
				m.line("- " + escapeMarkdown(clean(v.Article)) + ": " + diffMarkdown(v.Diff))
			}
		}
	}
	if len(s.Voices) > 0 {
		m.line("")
		m.line("### Voice share")
		m.line("")
		for _, a := range arts {
			if v := p.voices(a.ID); len(v) > 0 {
				m.line("- **" + escapeMarkdown(clean(a.ID)) + "**: " + escapeMarkdown(strings.Join(v, " · ")))
			}
		}
	}
	if len(s.CitedSources) > 0 {
		m.line("")
		m.line("### Cited sources")
		m.line("")
		for _, a := range arts {
			if c := p.sources(a.ID); len(c) > 0 {
				m.line("- **" + escapeMarkdown(clean(a.ID)) + "**: " + escapeMarkdown(strings.Join(c, ", ")))
			}
		}
	}
}

func (m *markdownWriter) article(art *parallax.Article, p *people) {
	m.line("")
	m.line("### " + escapeMarkdown(clean(art.ID)) + " · " + escapeMarkdown(clean(art.DisplayName())))
	m.line("")
	m.line("| Field | Value |")
	m.line("| --- | --- |")
	row := func(field, value string) { m.line("| " + field + " | " + orDash(value) + " |") }
	row("Title", escapeMarkdown(clean(art.Title)))
	row("Author", escapeMarkdown(clean(art.Author)))
	row("Published", formatTime(art.Published))
	row("URL", markdownURL(clean(art.URL)))
	row("Source", escapeMarkdown(clean(art.Source)))
	row("Words", fmt.Sprint(art.Words))
	row("Spans", counts(art))
	inferred := inferences(art)
	for i, line := range inferred {
		inferred[i] = escapeMarkdown(line)
	}
	if len(inferred) == 0 {
		inferred = []string{"nothing"}
	}
	row("Inferred", strings.Join(inferred, "; "))

	if len(art.Sentences) > 0 {
		m.line("")
		m.line("#### Sentences")
		m.line("")
		for i, s := range art.Sentences {
			text, _ := spanText(art, s.Span)
			text = escapeMarkdown(text)
			if text == "" {
				text = "(empty)"
			}
			switch {
			case s.Heading:
				text = "**" + text + "** (heading)"
			case s.Quoted:
				text = quoteMarker + " " + text
			}
			m.line(fmt.Sprintf("%d. `%s` %s", i+1, spanLabel(s.Span), text))
		}
	}

	if p != nil {
		if qs := p.quotesOf(art.ID); len(qs) > 0 {
			m.line("")
			m.line("#### Quotes")
			m.line("")
			for _, q := range qs {
				m.line(fmt.Sprintf("- `%s` %s", spanLabel(q.Span), escapeMarkdown(p.quoteLine(q))))
			}
		}
	}

	if len(art.Furniture) > 0 {
		m.line("")
		m.line("#### Furniture")
		m.line("")
		m.line("| Kind | Offsets | Text | Source |")
		m.line("| --- | --- | --- | --- |")
		for _, f := range art.Furniture {
			text, _ := spanText(art, f.Span)
			m.line(fmt.Sprintf("| %s | `%s` | %s | %s |",
				orDash(escapeMarkdown(clean(string(f.Kind)))), spanLabel(f.Span),
				orDash(escapeMarkdown(shorten(text, furnitureTextLimit))), orDash(escapeMarkdown(clean(f.Source)))))
		}
	}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// plainURL matches a URL that is safe inside an angle-bracket autolink and
// a table cell.
var plainURL = regexp.MustCompile(`^https?://[^\s<>|\\` + "`" + `]+$`)

// markdownURL returns u as an autolink when it is a plain http(s) URL, else as
// escaped text.
func markdownURL(u string) string {
	if plainURL.MatchString(u) {
		return "<" + u + ">"
	}
	return escapeMarkdown(u)
}

// escapeMarkdown escapes s so that GitHub-flavoured Markdown shows it as
// written, inside a paragraph, a list item, a heading or a table cell. s must
// be one line (see clean). Every character that can start or end markup is
// backslash-escaped: \ ` * _ [ ] < > | # ~ $ &, and a colon that could open an
// emoji shortcode such as ":fire:". Characters that are markup only at the
// start of a line (-, +, =, 1.) are left alone: the renderer never puts text
// there.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '$', '&':
			b.WriteByte('\\')
		case ':':
			if i+1 < len(s) && isShortcodeByte(s[i+1]) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// isShortcodeByte reports whether c can follow the colon that opens an
// emoji shortcode.
func isShortcodeByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '+' || c == '-'
}
