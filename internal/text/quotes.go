package text

import (
	"unicode"
	"unicode/utf8"

	"parallax"
)

// markQuoted sets Sentence.Quoted for every sentence most of whose letters
// lie inside quotation marks. A double quotation left open at the end of a
// paragraph goes on into the next one when that paragraph opens with a
// quotation mark, as in news copy that quotes several paragraphs:
//
//	“The unprovoked aggression against Iran has no basis.
//	“For our part, we are making efforts to assist.”
func markQuoted(t string, sents []parallax.Sentence) {
	double, single := 0, 0
	for si := range sents {
		s := &sents[si]
		if s.Heading {
			continue
		}
		// A new paragraph starts when there is a line break before it.
		if si > 0 && containsNewline(t[sents[si-1].End:s.Start]) {
			single = 0
			if double > 0 && !opensWithQuote(t[s.Start:s.End]) {
				double = 0
			}
			if double > 0 {
				// The paragraph's opening mark continues the quotation.
				_, size := utf8.DecodeRuneInString(t[s.Start:])
				in, all := countQuoted(t, s.Start+size, s.End, &double, &single)
				s.Quoted = all > 0 && 2*(in+0) >= all
				continue
			}
		}
		in, all := countQuoted(t, s.Start, s.End, &double, &single)
		s.Quoted = all > 0 && 2*in >= all
	}
}

func containsNewline(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return true
		}
	}
	return false
}

func opensWithQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '“' || r == '"' || r == '«' || r == '„'
}

// countQuoted walks t[from:to], updating the quotation depths, and returns
// how many letters lie inside a quotation and how many letters there are.
func countQuoted(t string, from, to int, double, single *int) (in, all int) {
	prev := rune(' ')
	if from > 0 {
		prev, _ = utf8.DecodeLastRuneInString(t[:from])
	}
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(t[i:])
		var next rune = ' '
		if i+size < len(t) {
			next, _ = utf8.DecodeRuneInString(t[i+size:])
		}
		switch r {
		case '“', '«', '„':
			*double++
		case '”', '»':
			if *double > 0 {
				*double--
			}
		case '"':
			switch {
			case isOpenContext(prev) && !unicode.IsSpace(next):
				*double++
			case *double > 0:
				*double--
			default:
				*double++
			}
		case '‘':
			if !unicode.IsDigit(next) { // "the ‘90s" is an apostrophe
				*single++
			}
		case '’', '\'':
			letterBoth := unicode.IsLetter(prev) && unicode.IsLetter(next)
			switch {
			case letterBoth:
				// An apostrophe: Iran’s, don’t.
			case *single > 0 && !unicode.IsLetter(next):
				*single--
			case r == '\'' && isOpenContext(prev) && unicode.IsLetter(next):
				*single++
			}
		default:
			if unicode.IsLetter(r) {
				all++
				if *double > 0 || *single > 0 {
					in++
				}
			}
		}
		prev = r
		i += size
	}
	return in, all
}

func isOpenContext(prev rune) bool {
	return unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–' || prev == ':' || prev == '“'
}
