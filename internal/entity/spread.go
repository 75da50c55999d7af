package entity

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax"
	"parallax/internal/eval"
	"parallax/internal/text"
)

// spreadConfidence is the confidence of a mention found by [Recognizer.Spread]:
// the name is certain, its reading here a little less.
const spreadConfidence = 0.75

// spreadMin is the confidence a mention needs to be spread to the places
// the model missed.
const spreadMin = 0.8

// Known is the set of names a story's articles gave with confidence, for
// [Recognizer.Spread]: each name as lower-case words, with its type, and a
// person's surname alone.
type Known struct {
	byFirst map[string][][]string
	types   map[string]map[string]float64
}

// NewKnown gathers the names of the mentions (of all the articles of a
// story) that the recognizer gave with at least spreadMin confidence. A
// person's last name counts alone too ("Putin" from "Vladimir Putin").
func NewKnown(ms []parallax.Mention) *Known {
	k := &Known{byFirst: map[string][][]string{}, types: map[string]map[string]float64{}}
	add := func(words []string, typ string, w float64) {
		key := strings.Join(words, " ")
		if k.types[key] == nil {
			k.types[key] = map[string]float64{}
			k.byFirst[words[0]] = append(k.byFirst[words[0]], words)
		}
		k.types[key][typ] += w
	}
	for _, m := range ms {
		if m.Kind != parallax.MentionName || m.Confidence < spreadMin || m.Type == parallax.Other {
			continue
		}
		words := strings.Fields(strings.ToLower(m.Text))
		if len(words) == 0 {
			continue
		}
		add(words, m.Type, m.Confidence)
		if m.Type == parallax.Person && len(words) > 1 {
			add(words[len(words)-1:], m.Type, m.Confidence)
		}
	}
	for f, ps := range k.byFirst {
		// longest first
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j]) > len(ps[j-1]); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		k.byFirst[f] = ps
	}
	return k
}

// typeOf returns the type most given to a known name.
func (k *Known) typeOf(words []string) string {
	best, bw := "", 0.0
	for t, w := range k.types[strings.Join(words, " ")] {
		if w > bw || (w == bw && t < best) {
			best, bw = t, w
		}
	}
	return best
}

// Spread returns the mentions of one article that the model missed but
// that the story knows: a capitalised run of words, not inside a mention
// of have, that is a known name. A one-word name the article also writes in
// lower case ("Will", "Bush" as a plant) is left alone. Roles beside the
// names are found as in [Recognizer.Recognize]. The mentions come in text
// order.
func (r *Recognizer) Spread(articleID, src string, doc *text.Doc, have []parallax.Mention, k *Known) []parallax.Mention {
	if k == nil || len(k.byFirst) == 0 {
		return nil
	}
	bySent := make([][]parallax.Token, len(doc.Sentences))
	lower := map[string]bool{}
	for _, t := range doc.Tokens {
		if t.Sentence >= 0 && t.Sentence < len(bySent) {
			bySent[t.Sentence] = append(bySent[t.Sentence], t)
			if w := t.Span.In(src); w != "" && w[0] >= 'a' && w[0] <= 'z' {
				lower[strings.ToLower(w)] = true
			}
		}
	}
	sorted := slices.Clone(have)
	slices.SortFunc(sorted, func(a, b parallax.Mention) int { return a.Start - b.Start })
	covered := func(s parallax.Span) bool {
		// the mentions that start before s ends; only the last few can
		// reach into it, as mentions do not nest
		i := sort.Search(len(sorted), func(i int) bool { return sorted[i].Start >= s.End })
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			if sorted[k].Overlaps(s) {
				return true
			}
		}
		return false
	}
	var out []parallax.Mention
	for _, toks := range bySent {
		nt := r.nerTokens(src, toks)
		words := make([]string, len(nt))
		for i, t := range nt {
			words[i] = t.text
		}
		for i := 0; i < len(nt); i++ {
			if !isCapitalised(words[i]) {
				continue
			}
			for _, p := range k.byFirst[strings.ToLower(words[i])] {
				if i+len(p) > len(nt) || !matchesCapitalised(words[i:i+len(p)], p) {
					continue
				}
				// the run must stand alone: "Putin" is not known inside
				// "Putin Foundation" or "Vladimir Putin Jr" (but may
				// follow a role or title: "President Putin")
				if j := i + len(p); j < len(nt) && isCapitalised(words[j]) && words[j] != "'s" {
					continue
				}
				if i > 0 && isCapitalised(words[i-1]) && r.g.roleAt(words, i-1, i) == 0 && !r.titles[strings.TrimSuffix(strings.ToLower(words[i-1]), ".")] {
					continue
				}
				span := parallax.Span{Start: nt[i].span.Start, End: nt[i+len(p)-1].span.End}
				if covered(span) || (len(p) == 1 && lower[p[0]]) {
					continue
				}
				typ := k.typeOf(p)
				conll := map[string]string{parallax.Person: "PER", parallax.Organization: "ORG", parallax.Place: "LOC"}[typ]
				if conll == "" {
					continue
				}
				for _, m := range r.mentions(src, nt, words, found{eval.Entity{Type: conll, Start: i, End: i + len(p)}, spreadConfidence}) {
					m.Article = articleID
					out = append(out, m)
				}
				i += len(p) - 1
				break
			}
		}
	}
	return out
}

// matchesCapitalised reports whether words, lower-cased, are p and every
// word that starts with a letter is capitalised.
func matchesCapitalised(words, p []string) bool {
	for i, w := range words {
		if strings.ToLower(w) != p[i] {
			return false
		}
		if !isCapitalised(w) && len(p) == 1 {
			return false
		}
	}
	return true
}

// speakerConfidence is the confidence of a name known only from a quote's
// attribution ("Halvorsen said").
const speakerConfidence = 0.7

// Speaker returns the mention of a quote's speaker at sp when the text
// there is shaped like a proper name (every word capitalised, or a joiner
// inside: "Lula da Silva") and the recognizer found nothing there: the
// quote stage's attribution ("Halvorsen said") is evidence enough that it
// names someone. A name the gazetteers know gets their type, any other a
// person's. Role phrases, pronouns and descriptions ("the minister",
// "Officials in Washington") are not names.
func (r *Recognizer) Speaker(articleID, src string, sp parallax.Span) (parallax.Mention, bool) {
	text := sp.In(src)
	words := strings.Fields(text)
	if len(words) == 0 || len(words) > 5 {
		return parallax.Mention{}, false
	}
	for i, w := range words {
		joiner := i > 0 && i < len(words)-1 && r.g.joiners[strings.ToLower(w)]
		if !isCapitalised(w) && !joiner {
			return parallax.Mention{}, false
		}
		if r.g.roleAt(words, i, len(words)) > 0 || r.titles[strings.TrimSuffix(strings.ToLower(w), ".")] {
			return parallax.Mention{}, false
		}
	}
	first := strings.ToLower(words[0])
	if first == "the" || first == "a" || first == "an" || r.calendar[first] {
		return parallax.Mention{}, false
	}
	if len(words) == 1 && first != words[0] && hasWord(src, first) {
		// "He said": a word the article also writes in lower case is
		// not a name
		return parallax.Mention{}, false
	}
	m := parallax.Mention{Article: articleID, Span: sp, Text: text, Type: parallax.Person, Kind: parallax.MentionName, Confidence: speakerConfidence}
	switch r.g.kindOf(words) {
	case "country", "capital":
		m.Type = parallax.Place
	case "org":
		m.Type = parallax.Organization
	case "demonym":
		return parallax.Mention{}, false
	}
	if r.agencies[strings.ToLower(text)] {
		m.Type = parallax.Organization
	}
	return m, true
}

// hasWord reports whether w occurs in s as a whole word.
func hasWord(s, w string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return false
		}
		k += i
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		after, _ := utf8.DecodeRuneInString(s[k+len(w):])
		if (k == 0 || !unicode.IsLetter(before)) && (k+len(w) == len(s) || !unicode.IsLetter(after)) {
			return true
		}
		i = k + 1
	}
}
