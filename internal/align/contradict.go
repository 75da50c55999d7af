package align

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"parallax"
)

// negationReach is how many words after a negation the predicate it
// negates may stand ("did not formally include").
const negationReach = 3

// spanFacts is what one support span says that can be compared: the
// stems it negates and states, its numbers by what they count, and the
// speakers of the quotes inside it.
type spanFacts struct {
	article  string
	span     parallax.Span
	negated  map[string]parallax.Span // stem → the negation and the word
	stated   map[string]bool          // stems stated without a negation before them
	object   map[string]string        // stem → the stem of the next content word (its object), or ""
	content  map[string]bool          // every content stem of the span
	quoted   map[string]bool          // the content stems inside its direct and partial quotes
	words    map[string]string        // stem → the word as written
	numbers  map[string][]number      // what is counted or measured → values
	speakers map[string]bool
}

type number struct {
	value string
	count bool // a count of things, not an amount or a measure
	span  parallax.Span
}

// Contradictions finds, within each claim, articles whose aligned spans
// disagree on a negation (one says a verb the other negates: "did not
// include" against "includes"), on a number or count of the same thing
// ("20 people" against "25 people"; a count against a list of names is
// agreement: nothing is compared), or on who said it (the same quoted
// words with two different speakers). Only spans that share enough of
// their content words are compared (a wrong member of a claim is not a
// contradiction), and a negation only against the same verb with the same
// object. Dates and durations are [DateContradictions]'s;
// quantities of time are left to it. IDs are "x1", ... in claim order:
// renumber when joining lists.
func (a *Aligner) Contradictions(claims []parallax.Claim, arts []*parallax.Article, quotes []parallax.Quote, names map[string]string) []parallax.Contradiction {
	byID := map[string]*parallax.Article{}
	for _, art := range arts {
		byID[art.ID] = art
	}
	quotesOf := map[string][]parallax.Quote{}
	for _, q := range quotes {
		quotesOf[q.Article] = append(quotesOf[q.Article], q)
	}
	var out []parallax.Contradiction
	seen := map[string]bool{}
	add := func(kind, about string, sts []parallax.Statement) {
		var key []string
		for _, st := range sts {
			key = append(key, fmt.Sprintf("%s:%d", st.Article, st.Start))
		}
		k := kind + strings.Join(key, ",")
		if seen[k] {
			return
		}
		seen[k] = true
		out = append(out, parallax.Contradiction{ID: fmt.Sprintf("x%d", len(out)+1), Kind: kind, About: about, Statements: sts})
	}
	for _, cl := range claims {
		var facts []spanFacts
		for _, sp := range cl.Support {
			art := byID[sp.Article]
			if art == nil {
				continue
			}
			facts = append(facts, a.facts(art, sp.Span, quotesOf[sp.Article]))
		}
		for i := range facts {
			for j := range facts {
				x, y := facts[i], facts[j]
				if x.article == y.article {
					continue
				}
				if similarity(x.content, y.content) < minFactSimilarity {
					continue
				}
				// negation: x negates a verb y states, of the same object
				for stem, neg := range x.negated {
					if y.stated[stem] && y.negated[stem].Len() == 0 && x.object[stem] == y.object[stem] && inflects(x.words[stem], y.words[stem]) {
						src := byID[x.article].Text
						ysp := y.span
						add(parallax.ContradictNegation, "whether "+cl.Text+" ("+x.words[stem]+")", []parallax.Statement{
							{Article: x.article, Text: neg.In(src), Value: "not " + x.words[stem], Span: neg},
							{Article: y.article, Text: ysp.In(byID[y.article].Text), Value: y.words[stem], Span: ysp},
						})
					}
				}
				if i > j {
					continue
				}
				// numbers of the same thing
				for what, xs := range x.numbers {
					ys := y.numbers[what]
					if len(ys) == 0 || shareValue(xs, ys) {
						continue
					}
					kind := parallax.ContradictNumber
					if xs[0].count && ys[0].count {
						kind = parallax.ContradictCount
					}
					add(kind, "how many "+what+" ("+cl.ID+": "+cl.Text+")", []parallax.Statement{
						{Article: x.article, Text: xs[0].span.In(byID[x.article].Text), Value: xs[0].value, Span: xs[0].span},
						{Article: y.article, Text: ys[0].span.In(byID[y.article].Text), Value: ys[0].value, Span: ys[0].span},
					})
				}
				// speakers
				if len(x.quoted) > 0 && cover(x.quoted, y.quoted) >= minQuoteSimilarity && cover(y.quoted, x.quoted) >= minQuoteSimilarity &&
					len(x.speakers) > 0 && len(y.speakers) > 0 && disjoint(x.speakers, y.speakers) {
					add(parallax.ContradictAttribution, "who said "+cl.Text, []parallax.Statement{
						{Article: x.article, Text: x.span.In(byID[x.article].Text), Value: speakerNames(x.speakers, names), Span: x.span},
						{Article: y.article, Text: y.span.In(byID[y.article].Text), Value: speakerNames(y.speakers, names), Span: y.span},
					})
				}
			}
		}
	}
	return out
}

// facts reads what the span sp of art says that can be compared.
func (a *Aligner) facts(art *parallax.Article, sp parallax.Span, quotes []parallax.Quote) spanFacts {
	f := spanFacts{article: art.ID, span: sp, negated: map[string]parallax.Span{}, stated: map[string]bool{},
		object: map[string]string{}, content: map[string]bool{}, quoted: map[string]bool{},
		words: map[string]string{}, numbers: map[string][]number{}, speakers: map[string]bool{}}
	toks := art.Tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= sp.Start })
	var in []parallax.Token
	for ; i < len(toks) && toks[i].End <= sp.End; i++ {
		in = append(in, toks[i])
	}
	negUntil, negStart := -1, 0
	for k, t := range in {
		if t.Kind != parallax.TokenWord {
			if t.Kind == parallax.TokenNumber || t.Kind == parallax.TokenMoney || t.Kind == parallax.TokenPercent || t.Kind == parallax.TokenQuantity {
				a.addNumber(&f, in, k, art.Text)
			}
			continue
		}
		norm := bare(t.Norm)
		if a.negations[norm] || strings.HasSuffix(norm, "n't") || strings.HasSuffix(norm, "n’t") {
			negUntil, negStart = k+negationReach, t.Start
			continue
		}
		if a.stop[norm] || !hasLetter(norm) {
			continue
		}
		_, stem := a.stem(t)
		f.content[stem] = true
		if _, ok := f.words[stem]; !ok {
			f.words[stem] = t.Span.In(art.Text)
			f.object[stem] = a.nextContent(in, k)
		}
		if k <= negUntil {
			f.negated[stem] = parallax.Span{Start: negStart, End: t.End}
			negUntil = -1
			continue
		}
		f.stated[stem] = true
	}
	for _, q := range quotes {
		if q.Speaker == "" || !q.Overlaps(sp) {
			continue
		}
		f.speakers[q.Speaker] = true
		if q.Kind != parallax.Direct && q.Kind != parallax.Partial {
			continue
		}
		for _, t := range in {
			if norm := bare(t.Norm); t.Kind == parallax.TokenWord && q.Span.Contains(t.Start) && !a.stop[norm] && hasLetter(norm) {
				_, stem := a.stem(t)
				f.quoted[stem] = true
			}
		}
	}
	return f
}

// inflects reports whether w is base or one of its regular inflections
// ("include" → "includes", "included", "including"): a verb form, not a
// noun that shares its stem ("inform" and "information").
func inflects(base, w string) bool {
	base, w = strings.ToLower(base), strings.ToLower(w)
	if w == base {
		return true
	}
	stem := strings.TrimSuffix(base, "e")
	for _, suf := range []string{"s", "es", "ed", "d", "ing"} {
		if w == base+suf || w == stem+suf {
			return true
		}
	}
	return false
}

// nextContent returns the stem of the first content word within four
// words after in[k], or "".
func (a *Aligner) nextContent(in []parallax.Token, k int) string {
	for j := k + 1; j < len(in) && j <= k+4; j++ {
		w := in[j]
		if w.Kind != parallax.TokenWord {
			return ""
		}
		if norm := bare(w.Norm); !a.stop[norm] && hasLetter(norm) {
			_, stem := a.stem(w)
			return stem
		}
	}
	return ""
}

// similarity returns the share of content stems two sets share, over the
// smaller set's: how surely two spans (or their quotes) state one fact,
// whatever the claim clustering made of them.
func similarity(x, y map[string]bool) float64 {
	small, big := x, y
	if len(small) > len(big) {
		small, big = big, small
	}
	return cover(small, big)
}

// cover returns the share of x's stems that y holds too.
func cover(x, y map[string]bool) float64 {
	if len(x) == 0 {
		return 0
	}
	n := 0
	for s := range x {
		if y[s] {
			n++
		}
	}
	return float64(n) / float64(len(x))
}

// Thresholds of [similarity] two spans need before their differences are
// read as a contradiction: a wrong member of a claim differs from the
// others in everything.
const (
	minFactSimilarity  = 0.4
	minQuoteSimilarity = 0.6
)

// addNumber records the number at in[k] with what it counts: the next
// content word's stem ("20 people" → "peopl"), or the unit of a quantity.
// Quantities of time are left out: durations are compared as dates.
func (a *Aligner) addNumber(f *spanFacts, in []parallax.Token, k int, src string) {
	t := in[k]
	what, count := "", t.Kind == parallax.TokenNumber
	switch t.Kind {
	case parallax.TokenQuantity:
		if a.times[strings.ToLower(t.Unit)] || timeUnit(t.Unit) {
			return
		}
		what = t.Unit
	case parallax.TokenMoney:
		what = "money " + t.Unit
	case parallax.TokenPercent:
		what = "percent"
	default:
		for j := k + 1; j < len(in) && j <= k+2; j++ {
			w := in[j]
			if w.Kind != parallax.TokenWord {
				break
			}
			norm := bare(w.Norm)
			if a.stop[norm] {
				continue
			}
			if a.times[norm] {
				return
			}
			_, what = a.stem(w)
			break
		}
	}
	if what == "" {
		return
	}
	f.numbers[what] = append(f.numbers[what], number{value: strconv.FormatFloat(t.Value, 'f', -1, 64), count: count, span: t.Span})
}

// timeUnit reports whether a unit measures time.
func timeUnit(u string) bool {
	switch strings.ToLower(u) {
	case "s", "sec", "second", "min", "minute", "h", "hr", "hour", "day", "week", "month", "year", "decade", "century":
		return true
	}
	return false
}

func shareValue(xs, ys []number) bool {
	for _, x := range xs {
		for _, y := range ys {
			if x.value == y.value {
				return true
			}
		}
	}
	return false
}

func disjoint(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return false
		}
	}
	return true
}

func speakerNames(ids map[string]bool, names map[string]string) string {
	var out []string
	for id := range ids {
		if n := names[id]; n != "" {
			out = append(out, n)
		} else {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}
