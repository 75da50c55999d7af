package align

import (
	"strings"
	"testing"

	"parallax"
	"parallax/internal/timex"
)

func TestDateContradictions(t *testing.T) {
	texts := map[string]string{
		"a1": "The summit came a day after the floods hit the coast.",
		"a2": "The summit came two days after the floods hit the coast.",
		"a3": "The summit came 36 hours after the floods.",
		"a4": "The summit was held on Friday.",
		"a5": "The summit was held on Thursday night.",
	}
	var arts []*parallax.Article
	for _, id := range []string{"a1", "a2", "a3", "a4", "a5"} {
		arts = append(arts, &parallax.Article{ID: id, Text: texts[id]})
	}
	span := func(id, sub string) parallax.Span {
		i := strings.Index(texts[id], sub)
		if i < 0 {
			t.Fatalf("%q not in %s", sub, id)
		}
		return parallax.Span{Start: i, End: i + len(sub)}
	}
	offset := func(id, expr, anchor, value string) timex.Expr {
		return timex.Expr{Span: span(id, expr), Text: expr, Kind: timex.KindOffset, Resolved: true,
			Offset: &timex.Offset{Direction: "after", Anchor: anchor, AnchorSpan: span(id, anchor), AnchorValue: value}}
	}
	day := func(id, expr, value string) timex.Expr {
		return timex.Expr{Span: span(id, expr), Text: expr, Kind: timex.KindDate, Resolved: true, Granularity: "day", Value: value}
	}
	whole := func(id string) parallax.Support {
		return parallax.Support{Article: id, Span: parallax.Span{Start: 0, End: len(texts[id])}}
	}
	for _, c := range []struct {
		name    string
		support []string
		times   map[string][]timex.Expr
		overlap bool
		want    []string // "article=value" of the one contradiction, or nil
	}{
		{"offsets that put the earlier event on different days",
			[]string{"a1", "a2"},
			map[string][]timex.Expr{"a1": {offset("a1", "a day after", "the floods", "2025-03-06")}, "a2": {offset("a2", "two days after", "the floods", "2025-03-05")}},
			false, []string{"a2=2025-03-05", "a1=2025-03-06"}},
		{"a range that holds the other day agrees",
			[]string{"a1", "a3"},
			map[string][]timex.Expr{"a1": {offset("a1", "a day after", "the floods", "2025-03-06")}, "a3": {offset("a3", "36 hours after", "the floods", "2025-03-05/2025-03-06")}},
			false, nil},
		{"plain dates on different days",
			[]string{"a4", "a5"},
			map[string][]timex.Expr{"a4": {day("a4", "on Friday", "2025-03-07")}, "a5": {day("a5", "on Thursday night", "2025-03-06")}},
			false, []string{"a5=2025-03-06", "a4=2025-03-07"}},
		{"plain dates that may be one moment in two zones",
			[]string{"a4", "a5"},
			map[string][]timex.Expr{"a4": {day("a4", "on Friday", "2025-03-07")}, "a5": {day("a5", "on Thursday night", "2025-03-06")}},
			true, nil},
		{"one article alone is no contradiction",
			[]string{"a1"},
			map[string][]timex.Expr{"a1": {offset("a1", "a day after", "the floods", "2025-03-06")}},
			false, nil},
		{"unresolved anchors are not compared",
			[]string{"a1", "a2"},
			map[string][]timex.Expr{"a1": {offset("a1", "a day after", "the floods", "")}, "a2": {offset("a2", "two days after", "the floods", "")}},
			false, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			cl := parallax.Claim{ID: "c1", Text: "the summit"}
			for _, id := range c.support {
				cl.Support = append(cl.Support, whole(id))
			}
			overlap := func(a, b timex.Expr) (bool, string) { return c.overlap, "test" }
			// the same claim twice: the contradiction is reported once
			got := DateContradictions([]parallax.Claim{cl, cl}, arts, Times{ByArticle: c.times, Overlap: overlap})
			if c.want == nil {
				if len(got) != 0 {
					t.Errorf("got %+v, want none", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("got %d contradictions, want 1: %+v", len(got), got)
			}
			var vals []string
			for _, st := range got[0].Statements {
				vals = append(vals, st.Article+"="+st.Value)
				if st.Span.In(texts[st.Article]) != st.Text {
					t.Errorf("statement %+v: text is not its span's", st)
				}
			}
			if strings.Join(vals, " ") != strings.Join(c.want, " ") || got[0].Kind != parallax.ContradictDate {
				t.Errorf("got %v (%s), want %v", vals, got[0].Kind, c.want)
			}
		})
	}
}

func TestTimeline(t *testing.T) {
	texts := map[string]string{
		"a1": "The summit opened on Friday, a day after the floods hit the coast.",
		"a2": "The summit opened on Friday, two days after the floods.",
	}
	arts := []*parallax.Article{{ID: "a1", Text: texts["a1"]}, {ID: "a2", Text: texts["a2"]}}
	span := func(id, sub string) parallax.Span {
		i := strings.Index(texts[id], sub)
		return parallax.Span{Start: i, End: i + len(sub)}
	}
	times := Times{ByArticle: map[string][]timex.Expr{
		"a1": {
			{Span: span("a1", "on Friday"), Kind: timex.KindDate, Resolved: true, Granularity: "day", Value: "2025-03-07"},
			{Span: span("a1", "a day after"), Kind: timex.KindOffset, Offset: &timex.Offset{Anchor: "the floods hit the coast", AnchorSpan: span("a1", "the floods hit the coast"), AnchorValue: "2025-03-06", EventValue: "2025-03-07"}},
		},
		"a2": {
			{Span: span("a2", "on Friday"), Kind: timex.KindDate, Resolved: true, Granularity: "day", Value: "2025-03-07"},
			{Span: span("a2", "two days after"), Kind: timex.KindOffset, Offset: &timex.Offset{Anchor: "the floods", AnchorSpan: span("a2", "the floods"), AnchorValue: "2025-03-05", EventValue: "2025-03-07"}},
		},
	}}
	claims := []parallax.Claim{{ID: "c1", Text: "The summit opened on Friday", Support: []parallax.Support{
		{Article: "a1", Span: parallax.Span{Start: 0, End: len(texts["a1"])}},
		{Article: "a2", Span: parallax.Span{Start: 0, End: len(texts["a2"])}},
	}}}
	// the same claim twice: each expression dates one event only
	got := Timeline(append(claims, claims[0]), arts, times)
	var lines []string
	for _, ev := range got {
		lines = append(lines, ev.Date+" "+ev.Text+" "+strings.Join(ev.Articles, ","))
		for _, sp := range ev.Support {
			if sp.Span.In(texts[sp.Article]) == "" {
				t.Errorf("event %q: support %+v outside the text", ev.Text, sp)
			}
		}
	}
	want := []string{
		"2025-03-05 the floods a2",
		"2025-03-06 the floods hit the coast a1",
		"2025-03-07 The summit opened on Friday a1,a2",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}
