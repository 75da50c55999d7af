package eval

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PRF counts true positives, false positives and false negatives.
type PRF struct {
	TP, FP, FN int
}

// Precision is TP / (TP + FP), or 0 when nothing was predicted.
func (c PRF) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN), or 0 when there is no gold item.
func (c PRF) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of [PRF.Precision] and [PRF.Recall], or 0 when
// both are 0.
func (c PRF) F1() float64 { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

// Add returns the sum of c and d.
func (c PRF) Add(d PRF) PRF { return PRF{c.TP + d.TP, c.FP + d.FP, c.FN + d.FN} }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// All is the key of the micro-averaged total in [Scores].
const All = "ALL"

// Scores holds entity-level counts per entity type, plus their micro total
// under [All].
type Scores map[string]PRF

// Add adds the counts of o to s, type by type.
func (s Scores) Add(o Scores) {
	for k, v := range o {
		s[k] = s[k].Add(v)
	}
}

// Types returns the entity types in s, sorted, without [All].
func (s Scores) Types() []string {
	var out []string
	for k := range s {
		if k != All {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// String formats s as a small table: one line per type and a last line for
// [All], each with precision, recall, F1 and the counts.
func (s Scores) String() string {
	var b strings.Builder
	for _, k := range append(s.Types(), All) {
		c := s[k]
		fmt.Fprintf(&b, "%-5s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n",
			k, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	return b.String()
}

// ScoreEntities scores the entities pred of one sentence against gold by
// exact match: a prediction is a true positive when a gold entity has the
// same Start, End and Type, else a false positive; a gold entity that no
// prediction matches is a false negative. A prediction with the right span
// and the wrong type is thus both a false positive and a false negative, as
// in conlleval. Counts go to the type concerned and to [All].
func ScoreEntities(gold, pred []Entity) Scores {
	return ScoreEntitiesExcept(gold, nil, pred)
}

// ScoreEntitiesExcept is [ScoreEntities] for a gold standard from which some
// mentions were removed before scoring (dropped: GUM's common-noun mentions,
// pronouns and ignored types; see [GUMGold]). The exact rule:
//   - a prediction that matches a gold entity exactly (span and type) is a
//     true positive;
//   - otherwise, a prediction that shares at least one token with a dropped
//     mention is not counted at all: neither true nor false positive;
//   - every other prediction is a false positive;
//   - every gold entity left unmatched is a false negative.
//
// So a system is not punished for finding "Indonesian" inside GUM's
// common-noun mention "Indonesian coast", nor rewarded for it.
func ScoreEntitiesExcept(gold, dropped, pred []Entity) Scores {
	s := Scores{All: {}}
	matched := make([]bool, len(gold))
	count := func(typ string, d PRF) {
		s[typ] = s[typ].Add(d)
		s[All] = s[All].Add(d)
	}
	for _, p := range pred {
		i := slices.IndexFunc(gold, func(g Entity) bool { return g == p })
		if i >= 0 && !matched[i] {
			matched[i] = true
			count(p.Type, PRF{TP: 1})
			continue
		}
		if slices.ContainsFunc(dropped, func(d Entity) bool { return overlaps(d, p) }) {
			continue
		}
		count(p.Type, PRF{FP: 1})
	}
	for i, g := range gold {
		if !matched[i] {
			count(g.Type, PRF{FN: 1})
		}
	}
	return s
}

// overlaps reports whether a and b share a token.
func overlaps(a, b Entity) bool { return a.Start < b.End && b.Start < a.End }

// functionWords are the words that [ProperOnly] ignores when it looks for
// capitals: articles, pronouns, prepositions, conjunctions and the possessive
// clitic, so that "the University of Chicago" counts as a name and a
// sentence-initial "He" or "The" alone does not.
var functionWords = wordSet(`a an the this that these those
		i me my mine we us our ours you your yours he him his she her hers it its
		they them their theirs who whom whose which what myself yourself himself
		herself itself ourselves themselves one ones someone something everyone
		of in on at to for from by with about as into over under between through
		and or nor but 's ' s de du des la le del van von der den al bin`)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// ProperOnly splits the entities of one sentence into proper-name mentions,
// kept, and the rest, dropped. A mention is kept when it has at least one
// content word and every content word is capitalised (begins with an
// upper-case letter). Content words are the tokens that contain a letter and
// are not small function words (articles, pronouns, prepositions,
// conjunctions, "'s"); numbers and punctuation are ignored. So "Barack
// Obama", "the University of Chicago" and "World War II" are kept; "the
// Indonesian coast", "asylum seekers" and "He" are dropped. A common noun
// capitalised only because it opens the sentence ("Fishermen rescued ...")
// is kept: one sentence cannot tell it from a name.
func ProperOnly(tokens []string, entities []Entity) (kept, dropped []Entity) {
	for _, e := range entities {
		if properName(tokens[e.Start:e.End]) {
			kept = append(kept, e)
		} else {
			dropped = append(dropped, e)
		}
	}
	return kept, dropped
}

func properName(tokens []string) bool {
	content := 0
	for _, t := range tokens {
		if !strings.ContainsFunc(t, unicode.IsLetter) || functionWords[strings.ToLower(t)] {
			continue
		}
		content++
		r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }))
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return content > 0
}

// articles are trimmed from the start of GUM mentions by [GUMGold].
var articles = wordSet("the a an")

// gumTypes maps GUM's entity types to the CoNLL types; types not listed are
// not scored.
var gumTypes = map[string]string{
	"person":       "PER",
	"organization": "ORG",
	"place":        "LOC",
	"event":        "MISC",
	"object":       "MISC",
	"abstract":     "MISC",
}

// GUMType maps a GUM entity type to PER, ORG, LOC or MISC, or to "" when the
// type is not scored. person, organization and place become PER, ORG and
// LOC. event, object and abstract become MISC: their proper-name mentions
// are the named events, works, products, laws and languages that CoNLL and
// wikigold call MISC. time and quantity are not scored (CoNLL does not mark
// dates or amounts), nor are substance, animal and plant (almost never
// proper names).
func GUMType(t string) string { return gumTypes[t] }

// GUMGold returns the gold entities of a GUM sentence as scored here, and
// the mentions dropped from it, for [ScoreEntitiesExcept]. Entities are read
// from GUM's own tags first, so that adjacent mentions of two GUM types stay
// apart; their types are mapped by [GUMType], mentions of unscored types are
// dropped, and the rest are narrowed to proper names by [ProperOnly].
// GUM spans include a leading article ("the United Nations") where CoNLL
// and wikigold leave it out, so a leading "the", "a" or "an" (any case) is
// trimmed from each scored mention; dropped mentions keep their full span.
func GUMGold(s NERSentence) (gold, dropped []Entity) {
	var mapped []Entity
	for _, e := range Entities(s.Tags) {
		if t := GUMType(e.Type); t != "" {
			e.Type = t
			mapped = append(mapped, e)
		} else {
			dropped = append(dropped, e)
		}
	}
	gold, filtered := ProperOnly(s.Tokens, mapped)
	for i, e := range gold {
		for e.End-e.Start > 1 && articles[strings.ToLower(s.Tokens[e.Start])] {
			e.Start++
		}
		gold[i] = e
	}
	return gold, append(dropped, filtered...)
}
