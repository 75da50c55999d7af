// Package text is Parallax's text engine: it normalises an article body
// without moving offsets, marks page furniture and headings, splits the body
// into sentences (tracking quotations across sentences and paragraphs) and
// tokenises it into words, numbers and dates. Every result carries byte
// offsets into the original text.
package text
