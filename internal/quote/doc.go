// Package quote finds the quotations of an article and attributes each one
// to its speaker: direct quotes in quotation marks (straight, curly, glued
// to words, running over several paragraphs), partial quotes embedded in
// narration, and indirect speech ("X said that ..."). For each it finds the
// cue ("said", "according to"), the stance the cue lends (rules/text/
// speech-verbs.txt), the speaker phrase as written, the name a pronoun or
// an earlier sentence resolves it to, and the outlet a second-hand quote
// came through (Via).
//
// The extractor works on the sentences and tokens of the text engine
// (package text) with rules of English news style; its word lists are data
// files under rules/ (quote/, text/speech-verbs.txt, entity/roles.txt,
// sources/news-agencies.txt and a few others). When it is unsure of a
// speaker it says so with a lower confidence, and below a threshold it
// leaves the speaker empty rather than guess.
package quote
