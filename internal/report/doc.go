// Package report renders a [parallax.Analysis] for people and programs: as the
// JSON document of the output contract ([JSON]), as plain text for a terminal
// ([Text]) and as GitHub-flavoured Markdown ([Markdown]).
//
// The renderers only read the analysis. Article text is untrusted: the text
// renderer replaces control characters so that no escape sequence reaches
// the terminal, and the Markdown renderer escapes every character that
// Markdown would read as markup.
package report
