package synth

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"parallax/internal/eval"
)

// word is one word of a wording, with its byte offsets in it.
type word struct {
	start, end int
	text       string
	lower      string
}

// words splits s into words: runs of letters and digits, with the
// apostrophes, hyphens and dots that join two of them ("U.S.", "self-defence",
// "Iran’s") kept inside.
func words(s string) []word {
	var out []word
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && isJoiner(r) {
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if isWordRune(next) {
				continue
			}
		}
		if start >= 0 {
			out = append(out, newWord(s, start, i))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, newWord(s, start, len(s)))
	}
	return out
}

func newWord(s string, start, end int) word {
	return word{start: start, end: end, text: s[start:end], lower: strings.ToLower(s[start:end])}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isJoiner(r rune) bool { return r == '\'' || r == '’' || r == '-' || r == '.' }

// key folds a lower-case word to a rough stem, so that "strikes" and
// "strike", "condemned" and "condemn" compare equal: possessive, plural
// and verb endings are cut while three letters remain.
func key(lower string) string {
	lower = strings.NewReplacer("’", "'").Replace(lower)
	lower = strings.TrimSuffix(lower, "'s")
	lower = strings.TrimSuffix(lower, "'")
	for _, suf := range []string{"ies", "ing", "ed", "es", "s"} {
		if strings.HasSuffix(lower, suf) && len(lower)-len(suf) >= 3 {
			lower = strings.TrimSuffix(lower, suf)
			if suf == "ies" {
				lower += "y"
			}
			break
		}
	}
	return lower
}

// contentKeys returns the keys of the words of s that are not function
// words. Words joined by hyphens or dots count part by part too, as the
// evaluation splits them.
func (w *Writer) contentKeys(s string) map[string]bool {
	out := map[string]bool{}
	for _, wd := range words(s) {
		for _, part := range parts(wd.lower) {
			if !w.function[part] {
				out[key(part)] = true
			}
		}
	}
	return out
}

// stems returns the Snowball stems of every word of s, as the citation
// check of the evaluation reads them ([eval.Support]).
func stems(s string) map[string]bool {
	out := map[string]bool{}
	seen := map[string]bool{}
	for _, w := range eval.ROUGETokens(s, false) {
		// each distinct word is stemmed once: stemming is the slow part
		if !seen[w] {
			seen[w] = true
			out[english.Stem(w, true)] = true
		}
	}
	return out
}

// parts splits a word at its inner apostrophes, hyphens and dots, as a
// tokenizer of letters and digits would.
func parts(lower string) []string {
	return strings.FieldsFunc(lower, func(r rune) bool { return !isWordRune(r) })
}

// supported reports whether the cited texts, given as their stems, back
// sentence by the rule of [eval.CitationValid]: at least
// [eval.CitationThreshold] of its content-word stems occur among them. The
// writer holds itself to the measure it is scored by, its own frame words
// included.
func supported(sentence string, cited []map[string]bool) bool {
	ss := eval.ContentStems(sentence)
	if len(ss) == 0 {
		return len(cited) > 0
	}
	found := 0
	for _, k := range ss {
		for _, c := range cited {
			if c[k] {
				found++
				break
			}
		}
	}
	return float64(found) >= eval.CitationThreshold*float64(len(ss))
}

// The quotation marks the writer reads: an opening mark and its closing
// one. The straight double quote both opens and closes.
var openToClose = map[rune]rune{'“': '”', '«': '»', '"': '"'}

// isClose reports whether r closes a quotation.
func isClose(r rune) bool { return r == '”' || r == '»' || r == '"' }

// openAt reports whether the text at byte offset i of src lies inside
// quotation marks opened earlier in its paragraph.
func openAt(src string, i int) bool {
	from := strings.LastIndexByte(src[:i], '\n') + 1
	var want rune
	for _, r := range src[from:i] {
		switch {
		case want != 0 && r == want:
			want = 0
		case want == 0:
			if c, ok := openToClose[r]; ok {
				want = c
			}
		}
	}
	return want != 0
}

// balanced reports whether every quotation opened in s closes in s and
// nothing closes that was not opened; unclosed is the byte offset of an
// opening mark left open, or -1.
func balanced(s string) (ok bool, unclosed int) {
	var want rune
	at := -1
	for i, r := range s {
		switch {
		case want != 0 && r == want:
			want, at = 0, -1
		case want == 0:
			if c, ok := openToClose[r]; ok {
				want, at = c, i
			} else if isClose(r) {
				return false, -1
			}
		}
	}
	return want == 0, at
}

// insideMarks reports, for each word of s, whether it lies inside
// quotation marks opened in s.
func insideMarks(s string, ws []word) []bool {
	out := make([]bool, len(ws))
	var want rune
	j := 0
	for i, r := range s {
		for j < len(ws) && ws[j].start <= i {
			if ws[j].start == i {
				out[j] = want != 0
			}
			j++
		}
		switch {
		case want != 0 && r == want:
			want = 0
		case want == 0:
			if c, ok := openToClose[r]; ok {
				want = c
			}
		}
	}
	return out
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst returns s with its first letter in lower case.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// isCapitalised reports whether s starts with an upper-case letter.
func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// finish makes s a sentence: no trailing comma, colon or dash, and a full
// stop at the end unless it ends with one already (inside a closing
// quotation mark, where English puts it).
func finish(s string) string {
	s = strings.TrimRight(s, " \t\n,;:–—-")
	r, n := utf8.DecodeLastRuneInString(s)
	if isClose(r) {
		inner := strings.TrimRight(s[:len(s)-n], " ")
		p, m := utf8.DecodeLastRuneInString(inner)
		switch p {
		case '.', '!', '?':
			return inner + string(r)
		case ',', ';', ':':
			return inner[:len(inner)-m] + "." + string(r)
		}
		return inner + "." + string(r)
	}
	switch r {
	case '.', '!', '?':
		return s
	}
	return s + "."
}
