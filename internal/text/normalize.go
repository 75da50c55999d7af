package text

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalized is a normalised copy of a text together with the map back to
// the original's byte offsets. Normalisation never moves offsets silently:
// every stage works on Text and reports offsets through [Normalized.Orig].
//
// The normalisation:
//   - composes the text to Unicode NFC;
//   - turns non-breaking, narrow and other special spaces into ' ';
//   - removes zero-width spaces, word joiners, soft hyphens and byte-order marks;
//   - turns CR LF, CR and the Unicode line and paragraph separators into '\n';
//   - inserts a space between a word or mark and a curly opening quote glued
//     to it (as“unjustified, said,“Russia), and between a curly closing
//     quote and a word glued after it.
type Normalized struct {
	// Text is the normalised text.
	Text string
	// checkpoints map offsets of Text to offsets of the original. Between
	// two checkpoints the offsets move together; none means the identity.
	checks  []checkpoint
	origLen int
}

type checkpoint struct{ norm, orig int }

// Orig maps a byte offset of Text to the matching offset of the original.
// Offsets that fall inside an inserted character map to the original
// position it was inserted at.
func (n *Normalized) Orig(i int) int {
	if len(n.checks) == 0 {
		return i
	}
	k := sort.Search(len(n.checks), func(k int) bool { return n.checks[k].norm > i }) - 1
	c := checkpoint{}
	if k >= 0 {
		c = n.checks[k]
	}
	o := c.orig + (i - c.norm)
	// Never step past the next checkpoint's original offset: the bytes
	// between are a replaced or composed run.
	if k+1 < len(n.checks) && o > n.checks[k+1].orig {
		o = n.checks[k+1].orig
	}
	if o > n.origLen {
		o = n.origLen
	}
	return o
}

// Identity reports whether Text is byte for byte the original.
func (n *Normalized) Identity() bool { return len(n.checks) == 0 }

// Normalize returns the normalised form of src.
func Normalize(src string) *Normalized {
	if !needsNormalizing(src) {
		return &Normalized{Text: src, origLen: len(src)}
	}
	var b strings.Builder
	b.Grow(len(src) + 16)
	n := &Normalized{origLen: len(src)}
	// mark records that norm offset b.Len() corresponds to orig offset o.
	mark := func(o int) {
		nl := b.Len()
		if k := len(n.checks); k > 0 && n.checks[k-1].norm == nl {
			n.checks[k-1].orig = o
			return
		}
		if k := len(n.checks); k > 0 && nl-n.checks[k-1].norm == o-n.checks[k-1].orig {
			return // still in step with the last checkpoint
		}
		if len(n.checks) == 0 && nl == o {
			return
		}
		n.checks = append(n.checks, checkpoint{nl, o})
	}
	nfc := !norm.NFC.IsNormalString(src)
	var prev rune = -1 // last rune written
	for i := 0; i < len(src); {
		if !nfc && prev != '”' {
			// Copy a run of plain ASCII at once.
			j := i
			for j < len(src) && src[j] < utf8.RuneSelf && src[j] != '\r' {
				j++
			}
			if j > i {
				b.WriteString(src[i:j])
				prev = rune(src[j-1])
				i = j
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		// Compose runs of a starter and combining marks.
		if nfc && (r >= utf8.RuneSelf || (i+size < len(src) && src[i+size] >= utf8.RuneSelf)) {
			end := i + size
			for end < len(src) {
				r2, s2 := utf8.DecodeRuneInString(src[end:])
				if !unicode.Is(unicode.M, r2) && !(r2 >= 0x1100 && r2 <= 0x11FF) {
					break
				}
				end += s2
			}
			seg := src[i:end]
			if !norm.NFC.IsNormalString(seg) {
				mark(i)
				composed := norm.NFC.String(seg)
				b.WriteString(composed)
				mark(end)
				prev, _ = utf8.DecodeLastRuneInString(composed)
				i = end
				continue
			}
		}
		switch {
		case r == '\r':
			mark(i)
			b.WriteByte('\n')
			if i+1 < len(src) && src[i+1] == '\n' {
				i++ // CR LF becomes one '\n'
			}
			i++
			mark(i)
			prev = '\n'
			continue
		case r == '\u2028' || r == '\u2029' || r == '\u0085' || isSpecialSpace(r):
			// Line separators become '\n', special spaces ' '.
			prev = ' '
			if !isSpecialSpace(r) {
				prev = '\n'
			}
			mark(i)
			b.WriteByte(byte(prev))
			i += size
			mark(i)
			continue
		case isInvisible(r):
			mark(i)
			i += size
			mark(i)
			continue
		case r == utf8.RuneError && size == 1:
			// Invalid UTF-8: keep the byte's place with U+FFFD.
			mark(i)
			b.WriteRune(utf8.RuneError)
			i++
			mark(i)
			prev = utf8.RuneError
			continue
		}
		if (r == '“' || r == '‘') && prev >= 0 && gluedBeforeOpening(prev) {
			// An opening quote glued to the word or mark before it.
			if r == '“' || !isLetterOrDigit(prev) {
				mark(i)
				b.WriteByte(' ')
				mark(i)
			}
		}
		if prev == '”' && isLetterOrDigit(r) {
			mark(i)
			b.WriteByte(' ')
			mark(i)
		}
		b.WriteString(src[i : i+size])
		prev = r
		i += size
	}
	mark(len(src))
	n.Text = b.String()
	return n
}

// needsNormalizing is the fast path: plain ASCII text without CR needs no
// work at all.
func needsNormalizing(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == '\r' {
			return true
		}
	}
	return false
}

func isSpecialSpace(r rune) bool {
	switch r {
	case '\u00a0', '\u1680', '\u202f', '\u205f', '\u3000', '\t', '\v', '\f':
		return r != '\t' // tabs stay tabs: they are ordinary white space
	}
	return r >= '\u2000' && r <= '\u200a'
}

func isInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u2060', '\ufeff', '\u00ad', '\u180e':
		return true
	}
	return false
}

// gluedBeforeOpening reports whether a rune directly before a curly opening
// quote makes the quote "glued": a letter, digit or punctuation mark rather
// than white space, an opening bracket or another quote.
func gluedBeforeOpening(prev rune) bool {
	switch prev {
	case ' ', '\n', '\t', '(', '[', '{', '“', '‘', '"', '\'', '—', '–', '-', '/':
		return false
	}
	return !unicode.IsSpace(prev)
}

func isLetterOrDigit(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
