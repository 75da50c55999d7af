package synth

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax"
)

// candidate is one support span's wording of a claim, with what makes it
// more or less plain.
type candidate struct {
	support parallax.Support
	span    parallax.Span // the span, trimmed (and extended to close a quotation)
	body    string        // its words, with the dropped modifiers gone
	text    string        // the sentence, framed
	quoted  bool          // the span is inside quotation marks in the article
	loaded  int           // loaded terms in the span, dropped ones included
	own     int           // modifiers the other outlets' spans lack
	cut     bool          // the article's clause goes on after the span
	pronoun bool          // the wording opens with a pronoun
	score   float64       // alignment score; 1 for the claim's reference
	// extended is true when the wording is the article's whole sentence
	// around the span, the span alone not standing as one.
	extended bool
}

// better reports whether c is a plainer wording than d: a whole clause,
// then fewer loaded terms, then no leading pronoun, then fewer modifiers of
// its own outlet, then closer to the claim.
func (c candidate) better(d candidate) bool {
	switch {
	case c.cut != d.cut:
		return !c.cut
	case c.loaded != d.loaded:
		return c.loaded < d.loaded
	case c.pronoun != d.pronoun:
		return !c.pronoun
	case c.own != d.own:
		return c.own < d.own
	case c.extended != d.extended:
		return !c.extended
	}
	return c.score > d.score
}

// minWords is the fewest words a wording needs to stand as a sentence.
const minWords = 4

// maxExtend is how far past a span the writer looks for the closing mark
// of a quotation the span opens.
const maxExtend = 240

// maxSentenceWords is the most words the article sentence around a
// span may have to stand for the span's claim.
const maxSentenceWords = 45

// wording returns the plain wording of span sp of article a, given the
// lower-case words of the other outlets' spans of the same claim: the
// span's own words when they stand as a sentence, else the whole sentence
// of the article that holds the span, when that is short enough. ok is
// false when neither can be used.
func (w *Writer) wording(a *parallax.Article, sp parallax.Span, others map[string]bool) (candidate, bool) {
	cd, ok := w.spanWording(a, sp, others)
	if ok && !cd.cut {
		return cd, true
	}
	for _, sn := range a.Sentences {
		if !sn.Contains(sp.Start) || sn.Heading || sn.End < sp.End || sn.Span == sp {
			continue
		}
		if len(words(sn.In(a.Text))) > maxSentenceWords {
			break
		}
		if whole, ok2 := w.spanWording(a, sn.Span, others); ok2 && !whole.cut {
			whole.extended = true
			return whole, true
		}
	}
	return cd, ok
}

// spanWording is [Writer.wording] for the span's own words.
func (w *Writer) spanWording(a *parallax.Article, sp parallax.Span, others map[string]bool) (candidate, bool) {
	src := a.Text
	if sp.Start < 0 || sp.End > len(src) || sp.Start >= sp.End || !utf8.ValidString(src[sp.Start:sp.End]) {
		return candidate{}, false
	}
	if inHeading(a, sp.Start) {
		return candidate{}, false
	}
	sp = w.trim(src, sp)
	if sp.Len() <= 0 {
		return candidate{}, false
	}
	cd := candidate{quoted: openAt(src, sp.Start)}
	text := src[sp.Start:sp.End]
	if cd.quoted {
		// a quotation ends where its closing mark is
		if i := strings.IndexAny(text, "”»\""); i >= 0 {
			sp.End = sp.Start + i
			sp = w.trim(src, sp)
			text = src[sp.Start:sp.End]
		}
		if strings.ContainsAny(text, "“«") {
			return candidate{}, false
		}
	} else if ok, open := balanced(text); !ok {
		if open < 0 {
			return candidate{}, false
		}
		// the span opens a quotation and stops inside it: take the
		// quotation to its closing mark, when that is near
		close := openToClose[firstRune(text[open:])]
		rest := src[sp.End:min(len(src), sp.End+maxExtend)]
		j := strings.IndexRune(rest, close)
		if j < 0 || strings.ContainsRune(rest[:j], '\n') {
			return candidate{}, false
		}
		sp.End += j + utf8.RuneLen(close)
		text = src[sp.Start:sp.End]
	}
	ws := words(text)
	if len(ws) < minWords {
		return candidate{}, false
	}
	first := ws[0]
	if w.openers[first.lower] || (!cd.quoted && !isCapitalised(first.text) && isParticiple(first.lower)) {
		return candidate{}, false
	}
	cd.pronoun = w.pronouns[first.lower] && !cd.quoted
	cd.cut = continues(src, sp.End)
	if strings.HasSuffix(strings.TrimRight(text, "”»\" "), "?") {
		return candidate{}, false
	}
	cd.span = sp
	body, loaded, own, ok := w.plain(text, ws, cd.quoted, others)
	if !ok {
		return candidate{}, false
	}
	cd.body, cd.loaded, cd.own = body, loaded, own
	return cd, true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// trim narrows sp to its words: no white space or trailing punctuation at
// either end, and no leading "and" or "but".
func (w *Writer) trim(src string, sp parallax.Span) parallax.Span {
	for {
		for sp.Start < sp.End {
			r, n := utf8.DecodeRuneInString(src[sp.Start:sp.End])
			if !unicode.IsSpace(r) && !strings.ContainsRune(",;:–—-.", r) {
				break
			}
			sp.Start += n
		}
		ws := words(src[sp.Start:sp.End])
		if len(ws) > 1 && w.leaders[ws[0].lower] {
			sp.Start += ws[1].start
			continue
		}
		break
	}
	for sp.End > sp.Start {
		r, n := utf8.DecodeLastRuneInString(src[sp.Start:sp.End])
		if !unicode.IsSpace(r) && !strings.ContainsRune(",;:–—-", r) {
			break
		}
		sp.End -= n
	}
	return sp
}

// isParticiple reports whether a lower-case word looks like a participle
// ("reaffirming", "pledged"), which cannot open a sentence of its own.
func isParticiple(lower string) bool {
	return len(lower) > 4 && (strings.HasSuffix(lower, "ing") || strings.HasSuffix(lower, "ed"))
}

// continues reports whether the article's sentence goes on with a word
// after byte offset end, so that a span ending there cuts its clause, or
// breaks off there ("...", as excerpts end).
func continues(src string, end int) bool {
	rest := strings.TrimLeft(src[end:], " \t")
	if strings.HasPrefix(rest, "...") || strings.HasPrefix(rest, "…") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// inHeading reports whether byte offset i of a lies in a heading (the
// headline, a section title).
func inHeading(a *parallax.Article, i int) bool {
	for _, s := range a.Sentences {
		if s.Contains(i) {
			return s.Heading
		}
	}
	return false
}

// plain returns text without its loaded modifiers and epithets and without
// the modifiers of its own that others lack, counting the loaded terms
// (dropped or not) and its own modifiers. ok is false when a loaded term
// that cannot be dropped stays outside quotation marks. Inside quotation
// marks, and in a quoted wording, nothing is dropped: quotes are verbatim.
func (w *Writer) plain(text string, ws []word, quoted bool, others map[string]bool) (out string, loaded, own int, ok bool) {
	in := insideMarks(text, ws)
	drop := make([]bool, len(ws))
	for i := 0; i < len(ws); i++ {
		if n := w.phraseAt(ws, i); n > 0 {
			loaded++
			if !quoted && !in[i] {
				return "", 0, 0, false
			}
			i += n - 1
			continue
		}
		lower := strings.TrimSuffix(strings.TrimSuffix(ws[i].lower, "'s"), "’s")
		cat, isLoaded := w.loaded[lower]
		mod := w.modifiers[lower] && !others[lower]
		if isLoaded {
			loaded++
		} else if mod {
			own++
		}
		if !isLoaded && !mod {
			continue
		}
		if quoted || in[i] {
			continue
		}
		if !isLoaded {
			cat = loadedModifier
		}
		if w.droppable(text, ws, i, cat) {
			drop[i] = true
		} else if isLoaded {
			return "", 0, 0, false
		}
	}
	var b strings.Builder
	last := 0
	for i, wd := range ws {
		if !drop[i] {
			continue
		}
		b.WriteString(text[last:wd.start])
		last = ws[i+1].start // droppable: a word follows
	}
	b.WriteString(text[last:])
	out = b.String()
	if out != text {
		out = fixArticles(out)
	}
	return out, loaded, own, true
}

// phraseAt returns the number of words of the multi-word loaded term that
// starts at word i, or 0.
func (w *Writer) phraseAt(ws []word, i int) int {
	for _, p := range w.phrases {
		if i+len(p) > len(ws) {
			continue
		}
		match := true
		for j, pw := range p {
			if ws[i+j].lower != pw {
				match = false
				break
			}
		}
		if match {
			return len(p)
		}
	}
	return 0
}

// droppable reports whether word i of text can go without breaking the
// sentence: a word follows it after white space alone, that word is not a
// function word (a modifier before "and" or "in" is a predicate), and an
// epithet must be followed by a capitalised name.
func (w *Writer) droppable(text string, ws []word, i int, cat string) bool {
	if i+1 >= len(ws) || strings.TrimSpace(text[ws[i].end:ws[i+1].start]) != "" {
		return false
	}
	next := ws[i+1]
	if w.function[next.lower] {
		return false
	}
	if cat == loadedEpithet {
		return isCapitalised(next.text)
	}
	return true
}

// fixArticles mends "a" and "an" before the word that now follows them
// ("an unprovoked attack" without "unprovoked" is "an attack" — "a" before
// a consonant, "an" before a vowel letter).
func fixArticles(s string) string {
	ws := words(s)
	var b strings.Builder
	last := 0
	for i := 0; i+1 < len(ws); i++ {
		wd := ws[i]
		if wd.lower != "a" && wd.lower != "an" {
			continue
		}
		vowel := strings.ContainsRune("aeiouAEIOU", firstRune(ws[i+1].text))
		want := "a"
		if vowel {
			want = "an"
		}
		if wd.lower == want {
			continue
		}
		if isCapitalised(wd.text) {
			want = upperFirst(want)
		}
		b.WriteString(s[last:wd.start])
		b.WriteString(want)
		last = wd.end
	}
	b.WriteString(s[last:])
	return b.String()
}
