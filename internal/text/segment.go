package text

import (
	"bufio"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Segmenter splits paragraphs into sentences. Its decisions come from the
// abbreviation, title and sentence-starter lists in rules/text/. It is safe
// for concurrent use.
type Segmenter struct{ lx *lexicons }

// Split is a [bufio.SplitFunc] that returns one sentence per token, with
// the white space around it removed. A line break always ends a sentence:
// feed it paragraphs one a line. Split keeps no state between calls, so one
// Segmenter can serve many scanners; it finds the same sentences as
// [Segmenter.Sentences] does on each line.
func (sg *Segmenter) Split(data []byte, atEOF bool) (advance int, token []byte, err error) {
	start := 0
	for start < len(data) {
		r, size := utf8.DecodeRune(data[start:])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	if start == len(data) {
		if atEOF {
			return len(data), nil, nil
		}
		return start, nil, nil
	}
	end := start
	if nl := strings.IndexByte(string(data[start:]), '\n'); nl >= 0 {
		end = start + nl
	} else if !atEOF {
		return start, nil, nil // need the whole paragraph
	} else {
		end = len(data)
	}
	para := string(data[start:end])
	ss := sg.Sentences(para)
	if len(ss) == 0 {
		return end, nil, nil
	}
	next := end - start
	if len(ss) > 1 {
		next = ss[1][0]
	}
	return start + next, data[start+ss[0][0] : start+ss[0][1]], nil
}

var _ bufio.SplitFunc = (*Segmenter)(nil).Split

// Sentences returns the sentence spans of one paragraph, as byte ranges
// of para with the surrounding white space left out.
func (sg *Segmenter) Sentences(para string) [][2]int {
	var out [][2]int
	breaks := sg.listBreaks(para)
	var closers closerSet // found when the first bracket needs them
	closers[0] = -2
	for i := skipSpace(para, 0); i < len(para); {
		e := sg.nextBoundary(para, i, breaks, &closers)
		if e <= i { // cannot happen; guards against a loop
			e = len(para)
		}
		s, t := i, e
		for t > s && isSpaceByte(para[t-1]) {
			t--
		}
		switch {
		case t == s:
		case len(out) > 0 && !hasLetterOrDigit(para[s:t]):
			// Stray marks after a sentence ("”", "“") belong to it.
			out[len(out)-1][1] = t
		default:
			out = append(out, [2]int{s, t})
		}
		i = skipSpace(para, e)
	}
	return out
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if isLetterOrDigit(r) {
			return true
		}
	}
	return false
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// listBreaks returns the offsets where the items of an inline list begin,
// after the first: "1.) a 2.) b", "1) a 2) b", "1. a 2. b", "a. x b. y",
// "• a • b". A list is only recognised when the paragraph starts with its
// first marker and each next marker follows in sequence.
func (sg *Segmenter) listBreaks(p string) []int {
	i := skipSpace(p, 0)
	if i >= len(p) {
		return nil
	}
	r, size := utf8.DecodeRuneInString(p[i:])
	if isBullet(r) {
		var out []int
		bullet := string(r)
		for j := i + size; ; {
			k := strings.Index(p[j:], " "+bullet)
			if k < 0 {
				return out
			}
			out = append(out, j+k+1)
			j += k + 1 + len(bullet)
		}
	}
	// Numbered or lettered markers.
	j := i
	for j < len(p) && j-i < 3 && p[j] >= '0' && p[j] <= '9' {
		j++
	}
	var suffix string
	var next func(n int) string
	if j > i {
		n, _ := strconv.Atoi(p[i:j])
		switch {
		case strings.HasPrefix(p[j:], ".) "):
			suffix = ".) "
		case strings.HasPrefix(p[j:], ") "):
			suffix = ") "
		case strings.HasPrefix(p[j:], ". ") && j+2 < len(p) && !isLowerAt(p, j+2):
			suffix = ". "
		default:
			return nil
		}
		next = func(k int) string { return strconv.Itoa(n + k) }
	} else if c := p[i]; c >= 'a' && c <= 'z' && strings.HasPrefix(p[i+1:], ". ") {
		suffix = ". "
		next = func(k int) string {
			if int(c)+k > 'z' {
				return ""
			}
			return string(rune(int(c) + k))
		}
	} else {
		return nil
	}
	var out []int
	pos := i + 1
	for k := 1; ; k++ {
		m := next(k)
		if m == "" {
			return out
		}
		idx := strings.Index(p[pos:], " "+m+suffix)
		if idx < 0 {
			return out
		}
		at := pos + idx + 1
		out = append(out, at)
		pos = at + len(m)
	}
}

func isBullet(r rune) bool {
	switch r {
	case '•', '⁃', '▪', '◦', '‣', '●', '■', '►':
		return true
	}
	return false
}

func isLowerAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLower(r)
}

// closerSet holds the offset of the last ')', ']' and '}' of a paragraph,
// or -1: an opening bracket counts only when a closer follows it. A first
// element of -2 means "not looked for yet".
type closerSet [3]int

func lastClosers(p string) closerSet {
	return closerSet{strings.LastIndexByte(p, ')'), strings.LastIndexByte(p, ']'), strings.LastIndexByte(p, '}')}
}

// nextBoundary returns the end offset (exclusive, before any white space)
// of the sentence that starts at from.
func (sg *Segmenter) nextBoundary(p string, from int, breaks []int, closers *closerSet) int {
	depth := 0 // parentheses and brackets
	bi := 0
	for bi < len(breaks) && breaks[bi] <= from {
		bi++
	}
	limit := len(p)
	if bi < len(breaks) {
		limit = breaks[bi]
	}
	for i := from; i < limit; {
		c := p[i]
		switch c {
		case '(', '[', '{':
			if closers[0] == -2 {
				*closers = lastClosers(p)
			}
			last := closers[0]
			if c == '[' {
				last = closers[1]
			} else if c == '{' {
				last = closers[2]
			}
			if last > i && last < limit {
				depth++
			}
			i++
			continue
		case ')', ']', '}':
			if depth > 0 {
				depth--
			}
			i++
			continue
		case '.', '!', '?':
			if depth > 0 {
				i++
				continue
			}
			if end, ok := sg.decide(p[:limit], from, i); ok {
				return end
			} else if end > i {
				i = end
				continue
			}
			i++
			continue
		case 0xE2: // '…' is E2 80 A6
			if strings.HasPrefix(p[i:], "…") && depth == 0 {
				if end, ok := sg.decide(p[:limit], from, i); ok {
					return end
				} else if end > i {
					i = end
					continue
				}
			}
		}
		_, size := utf8.DecodeRuneInString(p[i:])
		i += size
	}
	return limit
}

// decide looks at the run of terminal punctuation that starts at i and
// reports whether a sentence ends after it, and where. When it does not,
// end is the offset after the run, so the caller skips it whole.
func (sg *Segmenter) decide(p string, from, i int) (end int, ok bool) {
	attached := i > 0 && !isSpaceByte(p[i-1])
	// Collect the run: dots, '!', '?', '…', and spaced dots ". . .".
	j, dots, marks, spaced := i, 0, 0, false
	for j < len(p) {
		switch {
		case p[j] == '.':
			dots++
			j++
		case p[j] == '!' || p[j] == '?':
			marks++
			j++
		case strings.HasPrefix(p[j:], "…"):
			dots += 3
			j += len("…")
		case p[j] == ' ' && j+1 < len(p) && p[j+1] == '.' && dots > 0 && marks == 0:
			spaced = true
			j++
		default:
			goto done
		}
	}
done:
	// Closing quotes and brackets after the run.
	k := j
	for k < len(p) {
		r, size := utf8.DecodeRuneInString(p[k:])
		if !isCloser(r) {
			break
		}
		k += size
	}
	if k < len(p) && !isSpaceByte(p[k]) {
		return j, false // glued to what follows: a URL, "U.S.A", "Jr.'s", "mean...see"
	}
	n := skipSpace(p, k)
	for n < len(p) && isClosingOnly(first0(p[n:])) {
		// A closing quote set off by a space still closes this sentence:
		// "‘secret law.’ ”"
		_, size := utf8.DecodeRuneInString(p[n:])
		k = n + size
		n = skipSpace(p, k)
	}
	if n >= len(p) {
		return k, true
	}
	nw := nextWord(p, n)
	first, _ := utf8.DecodeRuneInString(nw)
	upper := unicode.IsUpper(first)
	lower := unicode.IsLower(first)
	digit := unicode.IsDigit(first)

	if marks > 0 {
		if lower || (k > j && sg.saidAfter(p, n)) {
			// “Is it?” Justice Breyer asked.
			return k, false
		}
		return k, true
	}
	if strings.TrimSpace(p[from:i]) == "" {
		return k, false // an ellipsis opening the sentence: "... And then"
	}
	if dots >= 3 {
		switch {
		case spaced && attached && dots >= 4 && upper:
			// "compounds. . . . The": a period, then an ellipsis that
			// opens the next sentence.
			return i + 1, true
		case spaced && dots == 3:
			return k, false // ". . . I didn't mean it": never a boundary
		case dots >= 4:
			return k, upper || digit
		default: // "..." or "…"
			return k, upper && sg.lx.starters[trimWord(nw)]
		}
	}
	// A single period (or two).
	ws := i
	for ws > from && i-ws < maxWord && !isSpaceByte(p[ws-1]) {
		ws--
	}
	word := strings.TrimLeft(p[ws:i], "\"'“‘([{«")
	if h := strings.LastIndexAny(word, "-–—"); h >= 0 && h < len(word)-1 && !isInitialism(word) {
		word = word[h+1:] // "post-Sept.", "then-Rep."
		word = strings.TrimLeft(word, "–—")
	}
	lw := strings.ToLower(word)
	if word == "" {
		return k, upper || digit
	}
	// A list marker opening the sentence: "1. The first item".
	if ws-from <= 8 && strings.TrimLeftFunc(p[from:ws], func(r rune) bool { return isBullet(r) || unicode.IsSpace(r) }) == "" && isMarker(strings.TrimLeftFunc(word, isBullet)) {
		return k, false
	}
	if sg.lx.titles[lw] {
		return k, false
	}
	if sg.lx.numAbbrev[lw] && digit {
		return k, false
	}
	if sg.lx.places[lw] {
		return k, upper // "Concord, Calif. Dukes is ..."; "Hartford, Conn. — ..."
	}
	prevWord := previousWord(p, from, ws)
	if isInitialism(word) || sg.lx.abbrev[lw] {
		if !upper {
			return k, false
		}
		if lw == "a.m" || lw == "p.m" {
			if w := trimWord(nw); sg.lx.timeZones[w] || sg.lx.weekdays[strings.ToLower(w)] || sg.lx.months[strings.ToLower(w)] > 0 {
				return k, false // "at 2:30 p.m. ET.", "by 5 p.m. Tuesday."
			}
			return k, ws-from > 40 || !isTimePhrase(p[from:ws])
		}
		return k, sg.lx.starters[trimWord(nw)]
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsLetter(first0(word)) {
		w := first0(word)
		if unicode.IsUpper(w) {
			if prevWord == "" || unicode.IsUpper(first0(prevWord)) {
				// An initial: "Jonas E. Smith", "Albert I. Jones".
				return k, upper && sg.lx.starters[trimWord(nw)] && prevWord == ""
			}
			return k, upper || digit
		}
		return k, upper && sg.lx.starters[trimWord(nw)]
	}
	return k, !lower
}

// saidAfter reports whether the words at p[n:] are a speaker and a verb of
// saying: up to four capitalised words (titles such as "Mr." included),
// then a word from speech-verbs.txt.
func (sg *Segmenter) saidAfter(p string, n int) bool {
	for k := 0; k <= 4 && n < len(p); k++ {
		e := n
		for e < len(p) && !isSpaceByte(p[e]) {
			e++
		}
		raw := p[n:e]
		w := strings.TrimRight(raw, ".,")
		if k > 0 && sg.lx.speechVerbs[w] {
			return true
		}
		if !unicode.IsUpper(first0(w)) || trimWord(w) != w {
			return false
		}
		if strings.HasSuffix(raw, ".") && !sg.lx.titles[strings.ToLower(w)] && utf8.RuneCountInString(w) > 1 {
			return false // the word ends a sentence of its own
		}
		n = skipSpace(p, e)
	}
	return false
}

// isClosingOnly reports whether r can only close a quotation.
func isClosingOnly(r rune) bool { return r == '”' || r == '»' }

// isCloser reports whether r closes a quotation or parenthesis.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '}', '»', '›':
		return true
	}
	return false
}

// nextWord returns the word at p[n:], past any opening quotes or brackets.
func nextWord(p string, n int) string {
	for n < len(p) {
		r, size := utf8.DecodeRuneInString(p[n:])
		if !strings.ContainsRune("\"'“‘([{«‹", r) {
			break
		}
		n += size
	}
	e := n
	for e < len(p) && !isSpaceByte(p[e]) {
		e++
	}
	return p[n:e]
}

// trimWord strips trailing punctuation: "How?" → "How".
func trimWord(w string) string {
	return strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func first0(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isLetterStart(s string) bool { return unicode.IsLetter(first0(s)) }

// maxWord bounds how far the segmenter looks back for a word, so that a
// pathological text of one endless "word" stays linear.
const maxWord = 64

// previousWord returns the word before p[ws:], within the sentence.
func previousWord(p string, from, ws int) string {
	e := ws
	for e > from && ws-e < maxWord && isSpaceByte(p[e-1]) {
		e--
	}
	s := e
	for s > from && e-s < maxWord && !isSpaceByte(p[s-1]) {
		s--
	}
	return strings.Trim(p[s:e], "\"'“‘”’([{,;:")
}

// isInitialism reports whether w is a dotted abbreviation such as "U.S",
// "a.m" or "Ph.D" (the final period excluded).
func isInitialism(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		n := utf8.RuneCountInString(part)
		if n == 0 || n > 2 {
			return false
		}
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}

// isMarker reports whether w is a list marker: 1-3 digits or one letter.
func isMarker(w string) bool {
	if w == "" || len(w) > 3 {
		return false
	}
	if len(w) == 1 && (w[0]|0x20) >= 'a' && (w[0]|0x20) <= 'z' {
		return true
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// isTimePhrase reports whether head, the start of a sentence up to a time
// such as "5 a.m.", is only an opening time phrase ("At 5"), so that the
// sentence goes on after the time.
func isTimePhrase(head string) bool {
	f := strings.Fields(head)
	if len(f) == 0 || len(f) > 3 {
		return false
	}
	switch strings.ToLower(f[0]) {
	case "at", "by", "until", "till", "before", "after", "from", "around", "about", "since", "between", "shortly", "just":
		return true
	}
	return false
}
