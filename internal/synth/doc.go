// Package synth writes the neutral brief of a story: a few sentences, each
// citing the articles that state it and the claims it rests on.
//
// A [Writer] builds the brief from the story's claims, widest coverage
// first. For each claim it takes the plainest wording its supporting
// articles use: among the claim's support spans, the one with the fewest
// loaded terms (rules/synth/loaded.txt), then the fewest modifiers the other
// outlets do not use (rules/synth/modifiers.txt), then a complete clause
// that does not lean on a pronoun, then the closest to the claim. Loaded
// modifiers and epithets are dropped from it, and so are the outlet's own
// modifiers when the other supporting spans lack them; only whole words go,
// so a brief sentence is always a subset of one cited article's words.
//
// Every sentence cites every article that supports its claim. A claim made
// by one outlet only is attributed to it ("According to Reuters, ..."), a
// claim the articles attribute to a speaker to the speaker ("Putin said
// ..."), and words inside quotation marks are always verbatim from a cited
// article. Disagreements found between the articles are stated as such,
// each side in its own quoted words with its citations ("Reports differ on
// the date: ..."). Sentences follow the story's timeline when their claims
// are dated, coverage otherwise; a claim that says what an earlier sentence
// already says is left out.
//
// The brief's own words (the frames "According to", "said", "Reports
// differ on") come from rules/synth/templates.txt and are kept few: before
// a sentence is used, the writer checks that nearly all its content words
// occur in the articles it cites, its own frame included.
package synth
