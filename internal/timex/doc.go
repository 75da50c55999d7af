// Package timex finds the time expressions of an article and resolves them
// against its publication date: absolute and relative dates ("June 23,
// 2025", "on Monday", "last year", "earlier this month"), ranges ("the past
// two weeks"), durations ("48 hours"), clock times with their zones ("3 a.m.
// Tehran time"), parts of the day ("Saturday night", "late on Sunday"), and
// offsets between two events ("the meeting came a day after the strikes"),
// which it resolves to dates when either event is dated.
//
// Every [Expr] keeps its byte span into the article text, its ISO 8601
// value, whether it was resolved and against what. An expression that needs
// a reference date the article does not give stays unresolved and says so;
// nothing is guessed silently.
//
// # Conventions
//
// A bare weekday ("on Monday") in a past or present clause is the latest
// such day on or before the reference date, so "on Monday" in an article of
// Monday is that Monday and in an article of Tuesday the day before; in a
// clause with a future cue ("will meet on Monday", rules/timex/future-cues.txt)
// it is the first such day on or after the reference. Wire copy names the day
// of publication by its weekday in both tenses, hence "on or". "last Monday"
// is the latest Monday strictly before the reference (so it differs from "on
// Monday" only on a Monday, where it means a week earlier); "next Monday" the
// first strictly after. A month or a month and day without a year ("in
// January", "on June 13") is the latest one that starts on or before the
// reference, or with a future cue the first that ends after it: "in December"
// in a January article is the December before. One that starts within two
// weeks after the reference is the coming one even without a future cue
// ("the vote is on June 30" in an article of 23 June): a date just ahead is a
// schedule, not last year's event.
//
// An offset's two dates come from the expressions around it: a date inside
// the anchor's words ("two days after the June 21 strikes") dates the anchor;
// another date in the sentence dates the event. Failing both, the latest day
// told in the three sentences before dates the event when the sentence opens
// with it ("The meeting came a day after the strikes", preferring a sentence
// that shares a word with "The meeting"), and the anchor when the sentence
// opens with the offset ("Two days after the strikes, Putin met ...", "Three
// days later, ..."). The other date is the first moved by the duration; an
// offset in hours that is not whole days gives a range of two days.
//
// "today", "tonight" and the like inside a quotation are resolved against
// the day the sentence says the words were spoken ("'Tonight, I can report
// ...,' Trump declared on Saturday"), else against the reference.
//
// When the reference date is weak — inferred from a "via" line, an embedded
// post or a date in the body rather than given or read from a dateline or
// byline — a weekday, month or month and day resolves to the nearest one
// instead, before or after, since the true publication date may lie on either
// side.
//
// Words and patterns are data: rules/timex/*.txt, with rules/text/weekdays.txt,
// units.txt and time-zones.txt reused.
package timex
