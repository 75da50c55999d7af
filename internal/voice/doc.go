// Package voice compares the quotes of one story across its articles: it
// groups the quotes that render the same utterance ([Grouper.Group]), shows
// each rendering as a word-level diff against the group's canonical wording
// ([Diff]), and measures how much of each article's quoted words each
// speaker gets ([Share]).
//
// Two quotes render the same utterance when, after dropping function words
// (rules/voice/function-words.txt) and mapping near-synonyms and
// translation variants to one another (rules/voice/variants.txt), their
// content-word stems line up in order:
//
//   - containment: one quote's words sit, in order and close together,
//     inside the other's (a partial quote, a truncation, or a translation
//     with words swapped at the same places); words one quote has past
//     either end of what the two share make it stick out, and a quote that
//     sticks out is not contained;
//   - overlap: the two share a long ordered run (six content words or
//     more), as when one outlet quotes sentences 1–2 of a statement and
//     another sentences 2–3.
//
// Sharing topic words ("Iran", "attacks", "nuclear facilities") is not
// enough: two different sentences of one speaker share those, but each
// sticks out past the other, so neither is contained. Words weigh by what
// they say about the utterance: a word many of the story's quotes hold,
// and a name above all, weighs less when matched, while a word left
// unmatched always counts in full; two quotes must share a word that is
// not a name; words swapped at the same place count for half only between
// quotes that already share four words. Stems match inside one another
// only at the start or behind a negative prefix
// (rules/voice/negative-prefixes.txt): "unjustified" / "justification",
// not "opposition" / "position". The thresholds and their reasons are next
// to the code in group.go.
//
// Groups are made from those links by average linkage, strongest link
// first, never joining two different known speakers. A group spans two or
// more articles; quotes without a known speaker join on stronger evidence
// than quotes of one speaker. Spans tie quotes of one article: paragraphs
// of one quotation are also compared as one quote, and a partial quote
// inside another quote joins that quote's group. Only quotes sharing a
// rare word (or pair of words) are compared, a few dozen per quote, so
// grouping takes time in proportion to the number of quotes.
//
// [Share] counts direct, partial and indirect quotes alike, and each
// stretch of quoted text once.
package voice
