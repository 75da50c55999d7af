package timex

import (
	"time"

	"parallax"
	"parallax/internal/text"
)

// firstSentences is how many sentences of the body InferPublished reads
// for full dates.
const firstSentences = 3

// InferPublished infers an article's publication date from its text: the
// full date (day, month and year) of a dateline or byline first; else the
// latest full date of a "via" line, an embedded post or the first three
// sentences of the body (an article is seldom older than the dates it
// reports). It returns the date with its source and the span of the date,
// and false when the text holds no such date. Only the dateline and byline
// give a date as good as a given one; the others are weak ([Ref]).
func InferPublished(src string, doc *text.Doc) (Ref, bool) {
	if doc == nil {
		return Ref{}, false
	}
	var best Ref
	bestRank := 0
	consider := func(tok parallax.Token, source string, rank int) {
		if len(tok.Date) != 10 || !validDate(tok.Date) || tok.Start < 0 || tok.End > len(src) {
			return
		}
		d, _ := time.Parse(dayLayout, tok.Date)
		if rank > bestRank || (rank == bestRank && d.After(best.Date)) {
			best, bestRank = Ref{Date: d, Source: source, Span: tok.Span}, rank
		}
	}
	body := 0
	lastSentence := -1
	for _, tok := range doc.Tokens {
		if tok.Sentence >= 0 && tok.Sentence != lastSentence {
			lastSentence = tok.Sentence
			if tok.Sentence < len(doc.Sentences) && !doc.Sentences[tok.Sentence].Heading {
				body++
			}
		}
		if tok.Kind != parallax.TokenDate {
			continue
		}
		if tok.Sentence >= 0 {
			if body <= firstSentences {
				consider(tok, SourceText, 1)
			}
			continue
		}
		for _, f := range doc.Furniture {
			if tok.Start < f.Start || tok.End > f.End {
				continue
			}
			switch f.Kind {
			case parallax.FurnitureDateline:
				consider(tok, SourceDateline, 2)
			case parallax.FurnitureByline:
				consider(tok, SourceByline, 2)
			case parallax.FurnitureVia:
				consider(tok, SourceVia, 1)
			case parallax.FurnitureTweet:
				consider(tok, SourceTweet, 1)
			}
			break
		}
	}
	return best, bestRank > 0
}
