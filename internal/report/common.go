package report

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"parallax"
)

// furnitureTextLimit is how many characters of a furniture span are shown.
const furnitureTextLimit = 72

// evidenceTextLimit is how many characters of an inference's evidence are
// shown.
const evidenceTextLimit = 48

// group is a story and its articles, in the order the story lists them. The
// articles that belong to no story form a last group with a nil Story.
type group struct {
	Story    *parallax.Story
	Articles []*parallax.Article
}

// groups orders the articles of a by story. An article listed by several
// stories is shown under each; one listed by none is shown once, at the end.
// A story's article ID that names no article is skipped.
func groups(a *parallax.Analysis) []group {
	byID := make(map[string]*parallax.Article, len(a.Articles))
	for _, art := range a.Articles {
		if art != nil {
			byID[art.ID] = art
		}
	}
	listed := make(map[*parallax.Article]bool)
	var gs []group
	for _, s := range a.Stories {
		if s == nil {
			continue
		}
		g := group{Story: s}
		for _, id := range s.Articles {
			if art := byID[id]; art != nil {
				g.Articles = append(g.Articles, art)
				listed[art] = true
			}
		}
		gs = append(gs, g)
	}
	var rest []*parallax.Article
	for _, art := range a.Articles {
		if art != nil && !listed[art] {
			rest = append(rest, art)
		}
	}
	if len(rest) > 0 {
		gs = append(gs, group{Articles: rest})
	}
	return gs
}

// formatTime returns the date alone when t is midnight UTC (a date with no
// time of day), else the full RFC 3339 form; "" when t is zero.
func formatTime(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Location() == time.UTC && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0:
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// spanLabel formats a span as "[start–end]".
func spanLabel(s parallax.Span) string {
	return fmt.Sprintf("[%d–%d]", s.Start, s.End)
}

// counts summarises an article's annotations: "12 sentences, 1 heading,
// 3 furniture".
func counts(art *parallax.Article) string {
	var sentences, headings int
	for _, s := range art.Sentences {
		if s.Heading {
			headings++
		} else {
			sentences++
		}
	}
	return fmt.Sprintf("%s, %s, %d furniture",
		plural(sentences, "sentence", "sentences"), plural(headings, "heading", "headings"), len(art.Furniture))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// spanText returns the text s covers in art, cleaned for display, or a note
// when the span does not fit the text.
func spanText(art *parallax.Article, s parallax.Span) (string, bool) {
	if s.Start < 0 || s.End > len(art.Text) || s.Start > s.End {
		return "(span outside the text)", false
	}
	return clean(s.In(art.Text)), true
}

// clean makes untrusted text safe and compact for one line of output: invalid
// UTF-8 and control characters become U+FFFD (so no escape sequence reaches
// a terminal), and every run of white space becomes one space.
func clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r) || isBidiControl(r):
			r = '\uFFFD'
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isBidiControl reports whether r is a bidirectional embedding, override or
// isolate, which could reorder the rest of a terminal line.
func isBidiControl(r rune) bool {
	return r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069'
}

// shorten cuts s to at most n characters, ending with "…" when it cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for j := range s {
		if count == n-1 {
			i = j
			break
		}
		count++
	}
	return strings.TrimRightFunc(s[:i], unicode.IsSpace) + "…"
}

// inferences lists what was inferred, one line each: "outlet by byline
// [0–30] “By Palestine Chronicle Staff”".
func inferences(art *parallax.Article) []string {
	var lines []string
	for _, inf := range art.Inferred {
		line := fmt.Sprintf("%s by %s %s", inf.Field, inf.Rule, spanLabel(inf.Span))
		if text, ok := spanText(art, inf.Span); ok && text != "" {
			line += " “" + shorten(text, evidenceTextLimit) + "”"
		}
		lines = append(lines, line)
	}
	return lines
}
