package eval

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax"
)

// Quote is a quotation, gold or predicted, as the quote scorer sees it.
type Quote struct {
	// Content is the quoted words, a byte span into the article text.
	Content parallax.Span
	// Speaker is the surface form of who said it ("Mr. Steele", "he",
	// "Donald Trump"); empty when there is none.
	Speaker string
	// SpeakerSpan is where Speaker occurs in the text; the zero Span when
	// the speaker has no position (BASIL gold, a speaker known by name).
	SpeakerSpan parallax.Span
	// Resolved is, in gold data only, the name a pronoun Speaker most
	// likely stands for: the nearest preceding non-pronoun source of the
	// same article (a heuristic, see [PolNeARArticle.GoldQuotes]).
	Resolved string
}

// QuoteScores holds the scores of predicted quotes against gold ones.
type QuoteScores struct {
	// Exact counts a predicted content span as right when it equals a gold
	// one byte for byte.
	Exact PRF
	// Overlap counts it as right when it overlaps a gold span by at least
	// half the length of the longer of the two; see [OverlapMatch].
	Overlap PRF
	// Speaker scores the speakers of the Overlap matches; see [SpeakerMatches].
	Speaker SpeakerScores
}

// SpeakerScores counts speaker decisions. Accuracy is over the gold quotes
// that were matched by a prediction, Coverage the share of gold quotes that
// were.
type SpeakerScores struct {
	Gold, Matched, Correct int
}

// Accuracy returns Correct / Matched, or 0 when nothing matched.
func (s SpeakerScores) Accuracy() float64 { return ratio(s.Correct, s.Matched) }

// Add returns the sum of s and t, for micro-averaging over articles.
func (s SpeakerScores) Add(t SpeakerScores) SpeakerScores {
	return SpeakerScores{s.Gold + t.Gold, s.Matched + t.Matched, s.Correct + t.Correct}
}

// Coverage returns Matched / Gold, or 0 when there is no gold quote.
func (s SpeakerScores) Coverage() float64 { return ratio(s.Matched, s.Gold) }

// Add returns the sum of s and t, for micro-averaging over articles.
func (s QuoteScores) Add(t QuoteScores) QuoteScores {
	return QuoteScores{
		Exact:   s.Exact.Add(t.Exact),
		Overlap: s.Overlap.Add(t.Overlap),
		Speaker: s.Speaker.Add(t.Speaker),
	}
}

// ScoreQuotes scores the quotes predicted for one article against the gold
// ones. Each gold quote matches at most one prediction and the other way
// round; overlap matches are made greedily, largest overlap first. To score
// direct quotes only, pass direct quotes only, on both sides. Content spans
// are compared as given: trim both sides with [TrimQuote] first when the
// two follow different conventions about quotation marks.
func ScoreQuotes(gold, pred []Quote) QuoteScores {
	var s QuoteScores
	s.Speaker.Gold = len(gold)
	exact := map[parallax.Span]int{}
	for _, g := range gold {
		exact[g.Content]++
	}
	for _, p := range pred {
		if exact[p.Content] > 0 {
			exact[p.Content]--
			s.Exact.TP++
		}
	}
	for _, m := range matchQuotes(gold, pred, OverlapMatch) {
		s.Overlap.TP++
		s.Speaker.Matched++
		if SpeakerMatches(gold[m[0]], pred[m[1]]) {
			s.Speaker.Correct++
		}
	}
	s.Exact.FP, s.Exact.FN = len(pred)-s.Exact.TP, len(gold)-s.Exact.TP
	s.Overlap.FP, s.Overlap.FN = len(pred)-s.Overlap.TP, len(gold)-s.Overlap.TP
	return s
}

// ScoreSpeakers scores speakers alone, for gold quote spans that are
// fragments of a quotation rather than all of it (BASIL marks the biased
// phrase inside a quote): each gold quote is matched to the prediction
// whose content overlaps it most, by one byte or more, and predictions may
// serve several gold quotes.
func ScoreSpeakers(gold, pred []Quote) SpeakerScores {
	s := SpeakerScores{Gold: len(gold)}
	for _, g := range gold {
		best, bestN := -1, 0
		for j, p := range pred {
			if n := overlap(g.Content, p.Content); n > bestN {
				best, bestN = j, n
			}
		}
		if best < 0 {
			continue
		}
		s.Matched++
		if SpeakerMatches(g, pred[best]) {
			s.Correct++
		}
	}
	return s
}

// OverlapMatch reports whether two content spans match loosely: they
// share at least half the bytes of the longer one. The scorer sees spans,
// not text, so bytes stand in for tokens; on English prose the two
// measures differ only by the spread of word lengths.
func OverlapMatch(a, b parallax.Span) bool {
	n := overlap(a, b)
	return n > 0 && 2*n >= max(a.Len(), b.Len())
}

func overlap(a, b parallax.Span) int { return max(0, min(a.End, b.End)-max(a.Start, b.Start)) }

// matchQuotes pairs gold and predicted quotes whose contents ok accepts,
// one to one, largest overlap first; it returns index pairs {gold, pred}.
func matchQuotes(gold, pred []Quote, ok func(a, b parallax.Span) bool) [][2]int {
	type cand struct{ g, p, n int }
	var cs []cand
	for i, g := range gold {
		for j, p := range pred {
			if ok(g.Content, p.Content) {
				cs = append(cs, cand{i, j, overlap(g.Content, p.Content)})
			}
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return b.n - a.n })
	usedG, usedP := make([]bool, len(gold)), make([]bool, len(pred))
	var out [][2]int
	for _, c := range cs {
		if usedG[c.g] || usedP[c.p] {
			continue
		}
		usedG[c.g], usedP[c.p] = true, true
		out = append(out, [2]int{c.g, c.p})
	}
	return out
}

// SpeakerMatches reports whether the predicted quote p has the speaker of
// the gold quote g. The rules, in order:
//   - a gold quote with no speaker (and nothing Resolved) wants none: p is
//     right only when its Speaker is empty too;
//   - a prediction with no speaker is wrong otherwise;
//   - a predicted SpeakerSpan that overlaps the gold SpeakerSpan is right
//     (the extractor pointed at the annotated mention, pronoun or name);
//   - when the gold Speaker is a name (not a pronoun), p is right when
//     [SameName] holds for the two speakers;
//   - when the gold Speaker is a pronoun, p is right when [SameName] holds
//     for p's speaker and g.Resolved. A predicted pronoun elsewhere in the
//     text is never right by its text alone.
func SpeakerMatches(g, p Quote) bool {
	if g.Speaker == "" && g.Resolved == "" {
		return p.Speaker == ""
	}
	if p.Speaker == "" {
		return false
	}
	if p.SpeakerSpan.Len() > 0 && g.SpeakerSpan.Len() > 0 && p.SpeakerSpan.Overlaps(g.SpeakerSpan) {
		return true
	}
	if g.Speaker != "" && !IsPronoun(g.Speaker) {
		return SameName(g.Speaker, p.Speaker)
	}
	return g.Resolved != "" && SameName(g.Resolved, p.Speaker)
}

// SameName reports whether two speaker names denote the same speaker by
// their text: equal ignoring case and runs of white space, or ending with
// the same capitalised word ("Trump" and "Donald Trump", "Mr. Steele" and
// "Michael Steele"). Common-noun heads never match that way: "White House
// spokesman" and "Pentagon spokesman" differ. A possessive "'s" is ignored.
func SameName(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) == 0 || len(fb) == 0 {
		return false
	}
	if strings.EqualFold(strings.Join(fa, " "), strings.Join(fb, " ")) {
		return true
	}
	la, lb := surname(fa[len(fa)-1]), surname(fb[len(fb)-1])
	r, _ := utf8.DecodeRuneInString(la)
	q, _ := utf8.DecodeRuneInString(lb)
	return unicode.IsUpper(r) && unicode.IsUpper(q) && strings.EqualFold(la, lb)
}

func surname(w string) string {
	w = strings.TrimRight(w, ".,;:")
	for _, s := range []string{"'s", "’s", "'", "’"} {
		if t, ok := strings.CutSuffix(w, s); ok {
			return t
		}
	}
	return w
}

// TrimQuote narrows the span s of text to the quoted words: it drops white
// space, quotation marks and trailing punctuation (.,;:!?) from both ends,
// so that a span with its marks and one without compare equal.
func TrimQuote(text string, s parallax.Span) parallax.Span {
	t := s.In(text)
	if t == "" {
		return s
	}
	const marks = openDouble + closeDouble + openSingle + closeSingle
	left := strings.TrimLeftFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(marks, r)
	})
	right := strings.TrimRightFunc(left, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(marks, r) || strings.ContainsRune(".,;:!?", r)
	})
	start := s.Start + len(t) - len(left)
	return parallax.Span{Start: start, End: start + len(right)}
}
