package align

import (
	"fmt"
	"sort"
	"strings"

	"parallax"
	"parallax/internal/timex"
)

// Times holds the resolved time expressions of a story's articles, by
// article ID, and what tells whether two of them may be the same moment.
type Times struct {
	ByArticle map[string][]timex.Expr
	// Overlap reports whether two expressions may denote the same moment
	// (a US "Saturday night" and an Iranian "Sunday morning" may).
	Overlap func(a, b timex.Expr) (bool, string)
}

// dated is one article's dating of an event inside a claim's support.
type dated struct {
	article string
	expr    timex.Expr
	value   string        // the date compared
	event   string        // what is dated: an offset's anchor, as written
	span    parallax.Span // the words that date it
	text    string
}

// DateContradictions finds, within each claim, articles that date the same
// event differently. Two kinds of dating are compared, resolved values
// only: an offset's anchor ("a day after the strikes" with the meeting on
// Monday puts the strikes on Sunday) across the articles whose support of
// the claim holds such an offset, and a support span's single day-precise
// date. Dates that may be one moment in two time zones ([Times.Overlap])
// are not a contradiction; nor is a range that holds the other date. IDs
// are "x1", "x2", ... in claim order.
func DateContradictions(claims []parallax.Claim, arts []*parallax.Article, t Times) []parallax.Contradiction {
	texts := map[string]string{}
	for _, a := range arts {
		texts[a.ID] = a.Text
	}
	var out []parallax.Contradiction
	// the same datings may sit in the support of two claims (a sentence
	// holding the meeting and the strikes): report them once
	seen := map[string]bool{}
	reported := func(ds []dated) bool {
		var key []string
		for _, d := range ds {
			key = append(key, fmt.Sprintf("%s:%d-%d", d.article, d.span.Start, d.span.End))
		}
		k := strings.Join(key, ",")
		if seen[k] {
			return true
		}
		seen[k] = true
		return false
	}
	add := func(kind, about string, ds []dated) {
		c := parallax.Contradiction{ID: fmt.Sprintf("x%d", len(out)+1), Kind: kind, About: about}
		for _, d := range ds {
			c.Statements = append(c.Statements, parallax.Statement{Article: d.article, Text: d.text, Value: d.value, Span: d.span})
		}
		out = append(out, c)
	}
	for _, cl := range claims {
		var anchors, days []dated
		for _, sp := range cl.Support {
			src := texts[sp.Article]
			var inSpan []timex.Expr
			for _, e := range t.ByArticle[sp.Article] {
				if e.Overlaps(sp.Span) {
					inSpan = append(inSpan, e)
				}
			}
			var plain []timex.Expr
			for _, e := range inSpan {
				switch {
				case e.Kind == timex.KindOffset && e.Offset != nil && e.Offset.AnchorValue != "":
					span := e.Span
					if a := e.Offset.AnchorSpan; a.Len() > 0 && a.Start >= e.End && a.Start-e.End < 40 {
						span.End = a.End
					}
					anchors = append(anchors, dated{article: sp.Article, expr: e, value: e.Offset.AnchorValue,
						event: e.Offset.Anchor, span: span, text: span.In(src)})
				case e.Kind == timex.KindDate && e.Resolved && e.Granularity == "day":
					plain = append(plain, e)
				}
			}
			if len(plain) == 1 {
				e := plain[0]
				days = append(days, dated{article: sp.Article, expr: e, value: e.Value, span: e.Span, text: e.Text})
			}
		}
		if ds := disagreeing(anchors, t); ds != nil && !reported(ds) {
			event := ""
			for _, d := range ds {
				if d.event != "" && (event == "" || len(d.event) < len(event)) {
					event = d.event
				}
			}
			if event == "" {
				event = "the earlier event"
			}
			add(parallax.ContradictDate, "when "+event+" took place (claim "+cl.ID+")", ds)
		}
		if ds := disagreeing(days, t); ds != nil && !reported(ds) {
			add(parallax.ContradictDate, "the date of claim "+cl.ID+": "+cl.Text, ds)
		}
	}
	return out
}

// disagreeing returns the datings, one per article (the first), when at
// least two articles give dates that cannot be the same day, else nil.
func disagreeing(ds []dated, t Times) []dated {
	seen := map[string]bool{}
	var one []dated
	for _, d := range ds {
		if !seen[d.article] {
			seen[d.article] = true
			one = append(one, d)
		}
	}
	if len(one) < 2 {
		return nil
	}
	conflict := false
	for i := range one {
		for j := i + 1; j < len(one); j++ {
			if !sameDay(one[i].value, one[j].value) && !mayOverlap(one[i], one[j], t) {
				conflict = true
			}
		}
	}
	if !conflict {
		return nil
	}
	sort.SliceStable(one, func(i, j int) bool { return one[i].value < one[j].value })
	return one
}

// sameDay reports whether two ISO values can be the same day: equal, or
// one a range "a/b" that holds the other.
func sameDay(a, b string) bool {
	if a == b {
		return true
	}
	in := func(r, d string) bool {
		lo, hi, ok := strings.Cut(r, "/")
		return ok && !strings.Contains(d, "/") && lo <= d && d <= hi
	}
	return in(a, b) || in(b, a)
}

// mayOverlap reports whether two plain datings may be one moment in two
// time zones; offsets' anchors are compared by value alone.
func mayOverlap(a, b dated, t Times) bool {
	if t.Overlap == nil || a.expr.Kind == timex.KindOffset || b.expr.Kind == timex.KindOffset {
		return false
	}
	ok, _ := t.Overlap(a.expr, b.expr)
	return ok
}
