package timex

import (
	"io/fs"
	"sort"
	"time"

	"parallax"
	"parallax/internal/text"
)

// Kind classifies a time expression.
type Kind string

// The kinds of time expression.
const (
	KindDate     Kind = "date"     // a day, week, month or year: "on Monday", "in January", "last year"
	KindRange    Kind = "range"    // an interval of days: "the past two weeks", "this weekend"
	KindDuration Kind = "duration" // a length of time alone: "48 hours", "for two weeks"
	KindOffset   Kind = "offset"   // one event's distance from another: "a day after", "three days later"
	KindTime     Kind = "time"     // a clock time: "3 a.m. Tehran time"
)

// The granularities of a value.
const (
	GranYear   = "year"
	GranMonth  = "month"
	GranWeek   = "week"
	GranDay    = "day"
	GranHour   = "hour"
	GranMinute = "minute"
)

// Expr is one time expression of an article, resolved when it can be.
type Expr struct {
	// Span is where the expression is in the article text. It leaves out a
	// plain preposition ("on" of "on Monday") but keeps the words that
	// change the meaning ("late on Sunday", "last Monday").
	parallax.Span
	// Text is the text the span covers.
	Text string `json:"text"`
	// Kind says what the expression denotes.
	Kind Kind `json:"kind"`
	// Value is the ISO 8601 value: "2025-06-22", "2025-06", "2025",
	// "2025-W25", "2025-06-22T03:00" for dates and times; "2025-06-09/2025-06-23"
	// for ranges; "P2D", "PT48H" for durations and offsets. An unresolved
	// date keeps what the text gives with X for the rest ("XXXX-06-13",
	// "XXXX-WXX-1" for a Monday) or is empty; an unresolved time is "T03:00".
	Value string `json:"value"`
	// Granularity is the unit the value is precise to: year, month, week,
	// day, hour or minute; for durations and offsets, the unit of the text.
	Granularity string `json:"granularity,omitempty"`
	// Resolved reports whether Value is a full value. An offset is resolved
	// when both its event's and its anchor's dates are known.
	Resolved bool `json:"resolved"`
	// Reference says what the expression was resolved against ("published
	// 2025-06-23 (Mon)", "event dated by "on Monday" = 2025-06-23"), or why
	// it was not ("unresolved: no publication date").
	Reference string `json:"reference,omitempty"`
	// PartOfDay is the part of the day the text names: morning, afternoon,
	// evening, night, late, early, ...
	PartOfDay string `json:"part_of_day,omitempty"`
	// Zone is the time zone the text gives: an abbreviation ("EDT"), a place
	// of "X time" ("Tehran"), or "local".
	Zone string `json:"zone,omitempty"`
	// Place is the place of rules/timex/places.txt named nearest to the
	// expression in its sentence, when no zone is given: weaker evidence of
	// the local time meant ("Sunday morning, ... in Washington").
	Place string `json:"place,omitempty"`
	// Future is true when a future cue governs the expression ("will meet
	// on Monday").
	Future bool `json:"future,omitempty"`
	// Quoted is true when the expression lies inside a quotation; its
	// relative words ("today", "tonight") were then resolved against the
	// day the sentence says the words were spoken, if it says.
	Quoted bool `json:"quoted,omitempty"`
	// Sentence is the index of the sentence of the [text.Doc].
	Sentence int `json:"sentence"`
	// Offset is set for an offset: the two events and their dates.
	Offset *Offset `json:"offset,omitempty"`
}

// Offset is the distance between two events a sentence relates: "the
// meeting came a day after the strikes" puts the event "the meeting" one day
// after the anchor "the strikes".
type Offset struct {
	// Duration is the distance, in ISO 8601 ("P1D", "PT48H").
	Duration string `json:"duration"`
	// Direction is "after" or "before": where the event lies from the anchor.
	Direction string `json:"direction"`
	// Event is the text of the event the offset places, when the sentence
	// gives it ("The meeting"), and its span.
	Event     string        `json:"event,omitempty"`
	EventSpan parallax.Span `json:"event_span"`
	// Anchor is the text of the event it is measured from ("the strikes"),
	// empty when that is an event told before ("three days later").
	Anchor     string        `json:"anchor,omitempty"`
	AnchorSpan parallax.Span `json:"anchor_span"`
	// EventValue and AnchorValue are the two events' dates (ISO 8601; a
	// range "a/b" when an offset in hours leaves the day open), empty when
	// unknown. One is usually computed from the other and the duration.
	EventValue  string `json:"event_value,omitempty"`
	AnchorValue string `json:"anchor_value,omitempty"`
}

// The sources of a reference date ([Ref.Source]).
const (
	SourcePublished = "published" // given: front matter, HTML metadata
	SourceDateline  = "dateline"  // "date 2025-06-23", "MOSCOW, June 23, 2025"
	SourceByline    = "byline"    // "By Jane Doe June 23, 2025"
	SourceVia       = "via"       // "via June 22nd 2025"
	SourceTweet     = "tweet"     // the date of an embedded post
	SourceText      = "text"      // a full date in the article's first sentences
)

// Ref is the date relative expressions are resolved against, and where it
// came from.
type Ref struct {
	// Date is the day (its clock time is ignored); zero when unknown.
	Date time.Time
	// Source is one of the Source constants.
	Source string
	// Span is the evidence of an inferred date.
	Span parallax.Span
}

// weak reports whether the date is only near the publication date, so that
// weekdays and months resolve to the nearest occurrence.
func (r Ref) weak() bool {
	switch r.Source {
	case SourcePublished, SourceDateline, SourceByline:
		return false
	}
	return true
}

// Resolver finds and resolves time expressions. It is safe for concurrent
// use.
type Resolver struct {
	lx *lexicons
}

// New loads the resolver's word lists from fsys (rules.FS, or a directory
// laid out the same way): rules/timex/*.txt and rules/text/weekdays.txt,
// units.txt and time-zones.txt. Every data error is reported together.
func New(fsys fs.FS) (*Resolver, error) {
	lx, err := loadLexicons(fsys)
	if err != nil {
		return nil, err
	}
	return &Resolver{lx: lx}, nil
}

// Resolve finds and resolves the time expressions of one article: src is
// its text and doc the text engine's analysis of it. published is the
// known publication date, or zero, in which case it is inferred with
// [InferPublished]; when that fails, relative expressions stay unresolved.
// The expressions come in text order.
func (r *Resolver) Resolve(src string, doc *text.Doc, published time.Time) []Expr {
	ref := Ref{Date: published, Source: SourcePublished}
	if published.IsZero() {
		ref, _ = InferPublished(src, doc)
	}
	return r.ResolveAt(src, doc, ref)
}

// ResolveAt is [Resolver.Resolve] with the reference date and its source
// given: a caller that took the publication date from a "via" line should
// say so ([SourceVia]), so that weekdays resolve to the nearest one.
func (r *Resolver) ResolveAt(src string, doc *text.Doc, ref Ref) []Expr {
	if doc == nil {
		return nil
	}
	a := &article{r: r, lx: r.lx, src: src, doc: doc, ref: ref}
	if !ref.Date.IsZero() {
		y, m, d := ref.Date.Date()
		a.ref.Date = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	a.collect()
	a.resolveAll()
	a.resolveOffsets()
	a.attachPlaces()
	out := make([]Expr, len(a.items))
	for i, it := range a.items {
		out[i] = it.Expr
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}
