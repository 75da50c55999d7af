package eval

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// CitationThreshold is the share of a sentence's content stems that its
// cited texts must contain for [CitationValid].
const CitationThreshold = 0.9

// keptFunctionWords are Snowball stop words that still carry meaning for a
// citation check: negation, comparison and order. A brief that says "did
// not" or "before" where its source says neither states something else.
var keptFunctionWords = map[string]bool{
	"no": true, "nor": true, "not": true, "against": true, "before": true, "after": true,
	"above": true, "below": true, "over": true, "under": true, "more": true, "most": true,
	"few": true, "only": true,
}

// IsContentWord reports whether w, a lower-cased [ROUGETokens] token before
// stemming, is a content word: any token that is not in the Snowball
// English stop-word list (articles, pronouns, auxiliaries, prepositions,
// conjunctions), the negations and comparison words of that list ("not",
// "no", "before", "after", "more", "only", ...) excepted. Numbers are content
// words.
func IsContentWord(w string) bool {
	return keptFunctionWords[w] || !english.IsStopWord(w)
}

// ContentStems returns the distinct content-word stems of s, in order of
// first occurrence: [ROUGETokens] without stemming, kept when
// [IsContentWord], then stemmed with Snowball English.
func ContentStems(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range ROUGETokens(s, false) {
		if !IsContentWord(w) {
			continue
		}
		st := english.Stem(w, true)
		if !seen[st] {
			seen[st] = true
			out = append(out, st)
		}
	}
	return out
}

// stemSet returns the set of every token stem of texts, stop words
// included, so that a content word of the sentence is found whatever the
// list says about the source's words.
func stemSet(texts []string) map[string]bool {
	set := map[string]bool{}
	for _, t := range texts {
		for _, w := range ROUGETokens(t, false) {
			set[english.Stem(w, true)] = true
		}
	}
	return set
}

// Support returns the share of sentence's content stems ([ContentStems])
// that occur among the word stems of the cited texts taken together, and
// the stems that do not, in sentence order. A sentence without content
// words has support 1.
func Support(sentence string, cited []string) (share float64, missing []string) {
	stems := ContentStems(sentence)
	if len(stems) == 0 {
		return 1, nil
	}
	set := stemSet(cited)
	for _, s := range stems {
		if !set[s] {
			missing = append(missing, s)
		}
	}
	return float64(len(stems)-len(missing)) / float64(len(stems)), missing
}

// CitationValid reports whether a brief sentence is backed by the texts it
// cites: it cites at least one non-empty text, at least [CitationThreshold]
// (90%) of its distinct content-word stems occur in the union of the cited
// texts ([Support]), and every quotation in it is verbatim in one cited
// text ([QuotesVerbatim]). Stems let "killed" match "kill" and "strikes"
// "strike"; word order and synonyms are not checked, so the rule catches
// added facts, names and numbers, not reordered meaning.
func CitationValid(sentence string, cited []string) bool {
	nonEmpty := false
	for _, c := range cited {
		if strings.TrimSpace(c) != "" {
			nonEmpty = true
			break
		}
	}
	if !nonEmpty {
		return false
	}
	share, _ := Support(sentence, cited)
	return share >= CitationThreshold && QuotesVerbatim(sentence, cited)
}

// quotePairs maps each opening quotation mark to its closing mark.
var quotePairs = map[rune]rune{'"': '"', '“': '”', '«': '»', '„': '“'}

// Quotations returns the quoted passages of s: the text between an opening
// quotation mark ('"', '“', '«', '„') and its closing mark, marks left out,
// trimmed; empty ones are dropped, and an unclosed mark quotes nothing.
// Single quotes are not read, being apostrophes too often.
func Quotations(s string) []string {
	var out []string
	var close rune
	start := -1
	for i, r := range s {
		if start >= 0 {
			if r == close {
				if q := strings.TrimSpace(s[start:i]); q != "" {
					out = append(out, q)
				}
				start = -1
			}
			continue
		}
		if c, ok := quotePairs[r]; ok {
			close, start = c, i+len(string(r))
		}
	}
	return out
}

// normalizeQuoted folds typographic variants that do not change a quote:
// curly apostrophes, dashes and runs of white space.
var normalizeQuoted = strings.NewReplacer("’", "'", "‘", "'", "—", "-", "–", "-", "\u00a0", " ")

// ContainsVerbatim reports whether text contains quote word for word, with
// the same punctuation and case; only apostrophe and dash variants and white
// space are folded. A trailing comma or period, which English puts inside
// the closing mark whatever the source had, may be absent from text.
func ContainsVerbatim(text, quote string) bool {
	t := strings.Join(strings.Fields(normalizeQuoted.Replace(text)), " ")
	q := strings.Join(strings.Fields(normalizeQuoted.Replace(quote)), " ")
	if q == "" {
		return true
	}
	if strings.Contains(t, q) {
		return true
	}
	q = strings.TrimRight(q, ",.")
	return q != "" && strings.Contains(t, q)
}

// QuotesVerbatim reports whether every quotation in sentence
// ([Quotations]) is contained verbatim ([ContainsVerbatim]) in at least one
// of the cited texts. A sentence without quotations passes.
func QuotesVerbatim(sentence string, cited []string) bool {
	for _, q := range Quotations(sentence) {
		ok := false
		for _, c := range cited {
			if ContainsVerbatim(c, q) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
