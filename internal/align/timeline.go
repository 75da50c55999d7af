package align

import (
	"sort"
	"strconv"
	"strings"

	"parallax"
	"parallax/internal/timex"
)

// Timeline returns the dated events of a story: each claim dated by a
// resolved expression inside its support (an expression dates only the
// first claim that holds it) (a day, month or year; a clock
// time counts as its day), and the earlier events that offsets date ("a
// day after the strikes" dates the strikes). An event that several
// articles date alike is one entry listing them all; articles that date
// it differently give one entry per date (see [DateContradictions]).
// Entries come in date order, each with the spans of the expressions that
// date it.
func Timeline(claims []parallax.Claim, arts []*parallax.Article, t Times) []parallax.TimelineEvent {
	order := map[string]int{}
	for i, a := range arts {
		order[a.ID] = i
	}
	type key struct{ date, what string }
	events := map[key]*parallax.TimelineEvent{}
	var keys []key
	// an expression dates one event: the first claim that holds it (the
	// widest reported), not every claim whose support reaches it
	used := map[string]bool{}
	add := func(date, what, text, article string, sp parallax.Span) {
		if u := article + ":" + strconv.Itoa(sp.Start) + ":" + strconv.Itoa(sp.End); used[u] {
			return
		} else {
			used[u] = true
		}
		k := key{date, what}
		ev := events[k]
		if ev == nil {
			ev = &parallax.TimelineEvent{Date: date, Text: text}
			events[k] = ev
			keys = append(keys, k)
		} else if len(text) < len(ev.Text) && text != "" {
			ev.Text = text // the plainest wording
		}
		if !contains(ev.Articles, article) {
			ev.Articles = append(ev.Articles, article)
		}
		ev.Support = append(ev.Support, parallax.Support{Article: article, Span: sp})
	}
	for _, cl := range claims {
		for _, sp := range cl.Support {
			for _, e := range t.ByArticle[sp.Article] {
				if !e.Overlaps(sp.Span) {
					continue
				}
				switch {
				case e.Kind == timex.KindOffset && e.Offset != nil:
					if d := eventDate(e.Offset.AnchorValue); d != "" && e.Offset.Anchor != "" {
						add(d, "before:"+cl.ID, e.Offset.Anchor, sp.Article, e.Offset.AnchorSpan)
					}
					if d := eventDate(e.Offset.EventValue); d != "" {
						add(d, cl.ID, cl.Text, sp.Article, e.Span)
					}
				case (e.Kind == timex.KindDate || e.Kind == timex.KindTime) && e.Resolved:
					if d := eventDate(e.Value); d != "" {
						add(d, cl.ID, cl.Text, sp.Article, e.Span)
					}
				}
			}
		}
	}
	sort.SliceStable(keys, func(i, j int) bool {
		if keys[i].date != keys[j].date {
			return keys[i].date < keys[j].date
		}
		return keys[i].what < keys[j].what
	})
	out := make([]parallax.TimelineEvent, 0, len(keys))
	for _, k := range keys {
		ev := events[k]
		sort.SliceStable(ev.Articles, func(i, j int) bool { return order[ev.Articles[i]] < order[ev.Articles[j]] })
		out = append(out, *ev)
	}
	return out
}

// eventDate returns the date part of a resolved ISO value — a day, month
// or year with no unknown part — or "" for ranges, weeks and unresolved
// values.
func eventDate(v string) string {
	if v == "" || strings.ContainsAny(v, "/XW") {
		return ""
	}
	d, _, _ := strings.Cut(v, "T")
	return d
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
