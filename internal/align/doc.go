// Package align finds the claims of a story: it breaks each article into
// claim units (a clause with its predicate, attribution frames stripped and
// the speaker kept), aligns the units that state the same fact across the
// story's articles, and says how widely each claim is reported and which
// widely reported claims each article leaves out.
//
// Alignment is explainable. Units are compared on weighted features: word
// stems (near-synonyms from rules/align/synonyms.txt count as one stem),
// the story entities their mentions resolve to ("Putin" and "the Russian
// leader" are one), numbers and dates, and a count against a list ("three
// sites" against "Fordow, Natanz and Isfahan"). A feature's weight is its
// inverse frequency over the story's units, so words every sentence uses
// carry little. Every support span of a [parallax.Claim] keeps its score
// against the claim's reference wording and the features that matched.
//
// Candidate pairs come from an inverted index on each unit's rarest
// features, so the cost grows with the number of units, not its square.
// Units are clustered greedily, strongest pair first, under an explicit
// threshold ([DefaultThreshold]) with an average-link check so that
// clusters do not chain. A claim holds one span per article unless the
// article repeats it; when two clusters that share an article merge, the
// article's unit that fits the merged claim less leaves it.
//
// Attribution frames ("X said that ...", "..., X said.", "according to
// X") are stripped, and the speaker (the entity of the quote, or of the
// frame's first mention) stays on the claim. Claim units come from the
// quote spans of the quote stage and from clause boundaries: ";", a
// sentence end inside a quotation, ", and" or ", while" between two
// clauses, ", which" / ", who", a participle after a comma, "and" before
// a verb, and "after" or "before" opening a clause.
package align
