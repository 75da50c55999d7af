package timex

import (
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(dayLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// resolveText analyses src and resolves it against pub ("" for none).
func resolveText(t *testing.T, src, pub string) []Expr {
	t.Helper()
	eng, r := setup(t)
	return r.Resolve(src, eng.Analyze(src), day(pub))
}

// find returns the expression whose text is text.
func find(t *testing.T, exprs []Expr, text string) Expr {
	t.Helper()
	for _, e := range exprs {
		if e.Text == text {
			return e
		}
	}
	var got []string
	for _, e := range exprs {
		got = append(got, e.Text)
	}
	t.Fatalf("no expression %q; have %q", text, got)
	return Expr{}
}

// TestResolve covers each form with its reference date, including the
// ambiguous cases the package doc settles.
func TestResolve(t *testing.T) {
	tests := []struct {
		name, pub, src, expr string
		kind                 Kind
		value                string
		resolved             bool
		part, zone           string
	}{
		// Weekdays: 2025-06-23 is a Monday, 06-24 a Tuesday.
		{"weekday before the reference", "2025-06-24", "Putin met Araghchi on Monday.", "Monday", KindDate, "2025-06-23", true, "", ""},
		{"weekday same day", "2025-06-23", "Putin met Araghchi on Monday.", "Monday", KindDate, "2025-06-23", true, "", ""},
		{"weekday future tense", "2025-06-24", "Putin will meet Araghchi on Monday.", "Monday", KindDate, "2025-06-30", true, "", ""},
		{"weekday future tense same day", "2025-06-23", "Putin will meet Araghchi on Monday.", "Monday", KindDate, "2025-06-23", true, "", ""},
		{"last Monday the day after", "2025-06-24", "Putin met Araghchi last Monday.", "last Monday", KindDate, "2025-06-23", true, "", ""},
		{"last Monday on a Monday", "2025-06-23", "Putin met Araghchi last Monday.", "last Monday", KindDate, "2025-06-16", true, "", ""},
		{"next Monday on a Monday", "2025-06-23", "They meet again next Monday.", "next Monday", KindDate, "2025-06-30", true, "", ""},
		{"weekday with date", "2025-06-24", "Talks opened on Monday, June 23.", "Monday, June 23", KindDate, "2025-06-23", true, "", ""},
		{"Sunday morning", "2025-06-23", "On Sunday morning, Trump announced the strikes.", "Sunday morning", KindDate, "2025-06-22", true, "morning", ""},
		{"Saturday night", "2025-06-23", "Trump announced on Saturday night that the strikes succeeded.", "Saturday night", KindDate, "2025-06-21", true, "night", ""},
		{"late on Sunday", "2025-06-23", "The council met late on Sunday.", "late on Sunday", KindDate, "2025-06-22", true, "late", ""},
		{"late Sunday", "2025-06-23", "The council met late Sunday.", "late Sunday", KindDate, "2025-06-22", true, "late", ""},
		{"weekday with zone", "2025-06-23", "The strikes came on Saturday night US time.", "Saturday night US time", KindDate, "2025-06-21", true, "night", "US"},
		{"weekday abbreviation", "2025-06-23", "Talks resume on Wed. with both sides.", "Wed", KindDate, "2025-06-18", true, "", ""},

		// Months and days without a year.
		{"in January", "2025-06-23", "The treaty was signed in January.", "January", KindDate, "2025-01", true, "", ""},
		{"in December in a January article", "2026-01-15", "The treaty was signed in December.", "December", KindDate, "2025-12", true, "", ""},
		{"in December in a January article, future", "2026-01-15", "The treaty will be signed in December.", "December", KindDate, "2026-12", true, "", ""},
		{"on June 13", "2025-06-23", "The war began on June 13 with strikes.", "June 13", KindDate, "2025-06-13", true, "", ""},
		{"December 28 in a January article", "2025-01-05", "The talks ended on December 28.", "December 28", KindDate, "2024-12-28", true, "", ""},
		{"a day just ahead is the coming one", "2025-06-23", "The vote is on June 30.", "June 30", KindDate, "2025-06-30", true, "", ""},
		{"full date", "", "The meeting was held on June 23, 2025, in Moscow.", "June 23, 2025", KindDate, "2025-06-23", true, "", ""},
		{"year", "", "The deal was signed in 2015.", "2015", KindDate, "2015", true, "", ""},

		// Relative to the publication date.
		{"yesterday", "2025-06-23", "Araghchi arrived yesterday.", "yesterday", KindDate, "2025-06-22", true, "", ""},
		{"tonight", "2025-06-23", "The council meets tonight.", "tonight", KindDate, "2025-06-23", true, "night", ""},
		{"last year", "2025-06-23", "Grossi said last year that the deal was dead.", "last year", KindDate, "2024", true, "", ""},
		{"last week", "2025-06-23", "The talks collapsed last week.", "last week", KindDate, "2025-W25", true, "", ""},
		{"this weekend on a Monday", "2025-06-23", "The attack came this weekend.", "this weekend", KindRange, "2025-06-21/2025-06-22", true, "", ""},
		{"earlier this month", "2025-06-23", "Israel struck earlier this month.", "earlier this month", KindRange, "2025-06-01/2025-06-23", true, "", ""},
		{"the past two weeks", "2025-06-23", "Attacks in the past two weeks were many.", "the past two weeks", KindRange, "2025-06-09/2025-06-23", true, "", ""},
		{"the next 48 hours", "2025-06-23", "A reply is due in the next 48 hours.", "the next 48 hours", KindRange, "2025-06-23/2025-06-25", true, "", ""},
		{"two days ago", "2025-06-23", "The strikes came two days ago.", "two days ago", KindDate, "2025-06-21", true, "", ""},

		// Durations and clock times.
		{"duration in hours", "2025-06-23", "The raid lasted 48 hours.", "48 hours", KindDuration, "PT48H", true, "", ""},
		{"duration in weeks", "2025-06-23", "The war has gone on for two weeks.", "two weeks", KindDuration, "P2W", true, "", ""},
		{"clock time with a place", "2025-06-23", "The strikes began at 3 a.m. Tehran time on Sunday.", "3 a.m. Tehran time", KindTime, "2025-06-22T03:00", true, "", "Tehran"},
		{"clock time with a zone", "2025-06-23", "Trump spoke at 10 p.m. EDT on Saturday.", "10 p.m. EDT", KindTime, "2025-06-21T22:00", true, "", "EDT"},
		{"clock time without a day", "2025-06-23", "Sirens sounded at 3:30 a.m. across the city.", "3:30 a.m.", KindTime, "T03:30", false, "", ""},

		// No reference date: relative forms stay unresolved.
		{"weekday without a reference", "", "Putin met Araghchi on Monday.", "Monday", KindDate, "XXXX-WXX-1", false, "", ""},
		{"month without a reference", "", "The treaty was signed in January.", "January", KindDate, "XXXX-01", false, "", ""},
		{"yesterday without a reference", "", "Araghchi arrived yesterday.", "yesterday", KindDate, "", false, "", ""},
		{"dateline gives the reference", "", "date 2025-06-24 By Palestine Chronicle Staff\n\nPutin met Araghchi on Monday in Moscow.", "Monday", KindDate, "2025-06-23", true, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := find(t, resolveText(t, tc.src, tc.pub), tc.expr)
			if e.Kind != tc.kind || e.Value != tc.value || e.Resolved != tc.resolved || e.PartOfDay != tc.part || e.Zone != tc.zone {
				t.Errorf("%q = {%s %q resolved=%v part=%q zone=%q}, want {%s %q resolved=%v part=%q zone=%q}; reference %q",
					tc.expr, e.Kind, e.Value, e.Resolved, e.PartOfDay, e.Zone, tc.kind, tc.value, tc.resolved, tc.part, tc.zone, e.Reference)
			}
			if e.Reference == "" {
				t.Errorf("%q has no reference", tc.expr)
			}
			if !tc.resolved && tc.pub == "" && !strings.HasPrefix(e.Reference, "unresolved") {
				t.Errorf("%q: reference %q does not say it is unresolved", tc.expr, e.Reference)
			}
		})
	}
}

// TestOffsets covers event-to-event offsets, with and without a known date
// for either event.
func TestOffsets(t *testing.T) {
	tests := []struct {
		name, pub, src, expr string
		duration, dir        string
		event, anchor        string
		eventVal, anchorVal  string
		resolved             bool
	}{
		{"event dated in the sentence", "2025-06-23", "The meeting on Monday came a day after the strikes.", "a day after",
			"P1D", "after", "The meeting on Monday", "the strikes", "2025-06-23", "2025-06-22", true},
		{"event dated by the sentence before", "2025-06-23", "Putin met Araghchi on Monday. The meeting came a day after the strikes.", "a day after",
			"P1D", "after", "The meeting", "the strikes", "2025-06-23", "2025-06-22", true},
		{"no date for either event", "2025-06-23", "The meeting came two days after the strikes.", "two days after",
			"P2D", "after", "The meeting", "the strikes", "", "", false},
		{"no publication date", "", "Putin met Araghchi on Monday. The meeting came two days after the strikes.", "two days after",
			"P2D", "after", "The meeting", "the strikes", "", "", false},
		{"anchor dated", "2025-06-23", "The ministers met two days after the June 21 strikes.", "two days after",
			"P2D", "after", "The ministers met", "the June 21 strikes", "2025-06-23", "2025-06-21", true},
		{"hours that are whole days", "2025-06-23", "Putin spoke on Monday. The visit came just 48 hours after the strikes.", "48 hours after",
			"PT48H", "after", "The visit", "the strikes", "2025-06-23", "2025-06-21", true},
		{"hours that leave the day open", "2025-06-23", "Putin spoke on Monday. The visit came 36 hours after the strikes.", "36 hours after",
			"PT36H", "after", "The visit", "the strikes", "2025-06-23", "2025-06-21/2025-06-22", true},
		{"a week before", "2025-06-23", "The talks collapsed a week before the vote on June 30.", "a week before",
			"P1W", "before", "The talks collapsed", "the vote on June 30", "2025-06-23", "2025-06-30", true},
		{"three days later", "2025-06-23", "The strikes came on Saturday. Three days later, the ministers met.", "Three days later",
			"P3D", "after", "the ministers met", "", "2025-06-24", "2025-06-21", true},
		{"offset first, event after the anchor", "2025-06-23", "Trump spoke on Saturday. Two days after the strikes, Putin met Araghchi.", "Two days after",
			"P2D", "after", "Putin met Araghchi", "the strikes", "2025-06-23", "2025-06-21", true},
		{"the next day", "2025-06-23", "The strikes came on Saturday. The next day, Araghchi flew to Moscow.", "The next day",
			"P1D", "after", "Araghchi flew to Moscow", "", "2025-06-22", "2025-06-21", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := find(t, resolveText(t, tc.src, tc.pub), tc.expr)
			if e.Kind != KindOffset || e.Offset == nil {
				t.Fatalf("%q is a %s with offset %v", tc.expr, e.Kind, e.Offset)
			}
			o := *e.Offset
			want := Offset{Duration: tc.duration, Direction: tc.dir, Event: tc.event, Anchor: tc.anchor, EventValue: tc.eventVal, AnchorValue: tc.anchorVal}
			o.EventSpan, o.AnchorSpan = want.EventSpan, want.AnchorSpan
			if o != want || e.Resolved != tc.resolved {
				t.Errorf("offset = %+v resolved=%v\nwant %+v resolved=%v\nreference %q", o, e.Resolved, want, tc.resolved, e.Reference)
			}
			src := tc.src
			if e.Offset.Event != "" && e.Offset.EventSpan.In(src) != e.Offset.Event {
				t.Errorf("event span %v covers %q", e.Offset.EventSpan, e.Offset.EventSpan.In(src))
			}
			if e.Offset.Anchor != "" && e.Offset.AnchorSpan.In(src) != e.Offset.Anchor {
				t.Errorf("anchor span %v covers %q", e.Offset.AnchorSpan, e.Offset.AnchorSpan.In(src))
			}
		})
	}
}

// TestOverlap checks that "Saturday night" US time and "Sunday morning"
// Iran time can be one moment, and that days far apart cannot.
func TestOverlap(t *testing.T) {
	_, r := setup(t)
	us := find(t, resolveText(t, "Trump announced the strikes on Saturday night US time.", "2025-06-23"), "Saturday night US time")
	iran := find(t, resolveText(t, "The bombs fell on Sunday morning Iran time.", "2025-06-23"), "Sunday morning Iran time")
	bare := find(t, resolveText(t, "The bombs fell on Sunday morning.", "2025-06-23"), "Sunday morning")
	satMorningEDT := find(t, resolveText(t, "Talks began at 9 a.m. EDT on Saturday.", "2025-06-23"), "9 a.m. EDT")
	monTehran := find(t, resolveText(t, "Putin met Araghchi on Monday in Tehran.", "2025-06-23"), "Monday")
	unresolved := find(t, resolveText(t, "Putin met Araghchi on Monday.", ""), "Monday")
	tests := []struct {
		name  string
		a, b  Expr
		want  bool
		cause string
	}{
		{"US night and Iran morning", us, iran, true, "both zones or places given"},
		{"zone unknown", us, bare, true, "a zone is unknown"},
		{"days apart", satMorningEDT, monTehran, false, "cannot be the same moment"},
		{"unresolved", us, unresolved, true, "cannot tell"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, why := r.Overlap(tc.a, tc.b)
			if got != tc.want || !strings.Contains(why, tc.cause) {
				t.Errorf("Overlap = %v, %q; want %v and %q", got, why, tc.want, tc.cause)
			}
			if back, _ := r.Overlap(tc.b, tc.a); back != got {
				t.Errorf("Overlap is not symmetric")
			}
		})
	}
}
