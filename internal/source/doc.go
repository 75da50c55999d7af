// Package source finds the sources each article cites as where its
// information came from: news agencies and outlets ("according to Reuters",
// "the Russian news agency Tass added", "told CNN"), official bodies ("the
// Kremlin said"), documents ("the ministry said in a statement", "a Kremlin
// readout"), social posts (an embedded tweet, "wrote on Telegram") and
// unnamed sources ("officials said", "sources familiar with the matter",
// "reportedly"), with the page furniture that names sources: source tags
// "(PC, Kremlin, AJA)", wire datelines, agency prefixes, "via" lines and
// photo credits that name a news agency.
//
// A [Finder] reads its cue phrases and word lists from rules/sources/ (and
// the social networks of rules/text/social-networks.txt, the countries of
// rules/entity/), so that the rules are data, not code.
//
// Decisions:
//
//   - Individual people are not cited sources: "according to Putin" and
//     "Peskov said" are left to the quote stage, which attributes them as
//     speakers. Organisations, official bodies, countries and their capitals
//     used for their governments ("Moscow said") are cited sources. The one
//     exception is a document: its issuer names it even when the issuer is a
//     person ("Trump said in a statement" is a document named "Trump").
//   - Every citation is reported: the same source cited twice appears twice,
//     with two spans. Overlapping findings for the same words are merged.
//   - Names of agencies and outlets are normalised through
//     rules/sources/news-agencies.txt and outlets.txt: case variants ("Tass")
//     and full names ("Islamic Republic News Agency") map to the first name
//     listed for the same full name ("TASS", "IRNA"). Other names are kept as
//     written.
//   - Unnamed sources (Named false) are named by the words that stand for
//     them ("senior officials", "reportedly"). Media without a name ("state
//     media") are outlets with Named false; a document with no issuer found
//     is a document with Named false, named by its noun ("statement").
//   - Headings and quoted words are skipped: a source cited inside a
//     quotation belongs to the speaker, not to the article.
package source
