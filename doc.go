// Package parallax holds the domain types of Parallax: articles, the spans
// that point into their text, stories and the analysis document that the
// pipeline produces. The pipeline stages live under internal/ and are wired
// together by cmd/parallax; they depend on this package, never the reverse.
//
// Every annotation carries byte offsets into an [Article]'s Text, so any
// sentence, quote, claim or summary sentence can point back to its evidence.
package parallax
