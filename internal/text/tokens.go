package text

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"parallax"
)

// Tokenizer splits text into words, numbers (with units, percentages and
// currencies), dates and punctuation, each with byte offsets, a normalised
// form and a stem. It is safe for concurrent use.
type Tokenizer struct {
	lx *lexicons
	// read is a map that is never written once published, read without a
	// lock; new words go to dirty under mu and are published in bulk.
	read  atomic.Pointer[map[string]wordForms]
	mu    sync.Mutex
	dirty map[string]wordForms
}

// wordForms is what the tokenizer knows of a word as written: its norm and
// stem, and whether it names a month or a number.
type wordForms struct {
	norm, stem string
	month      int // 1-12 for a capitalised month name
	num        numberWord
	isNum      bool
}

// maxStemCache bounds the stem cache; past it, stems are computed afresh.
const maxStemCache = 1 << 18

func newTokenizer(lx *lexicons) *Tokenizer {
	tk := &Tokenizer{lx: lx, dirty: map[string]wordForms{}}
	tk.read.Store(&map[string]wordForms{})
	return tk
}

// Tokens tokenises s. Offsets are byte offsets into s; Sentence is -1.
func (tk *Tokenizer) Tokens(s string) []parallax.Token {
	return tk.appendTokens(make([]parallax.Token, 0, estimateTokens(s)), s, 0, len(s), -1)
}

// estimateTokens guesses how many tokens s holds, a little high, so that
// the token slice is allocated once: tokens are large, and growing the
// slice would copy them all.
func estimateTokens(s string) int {
	n := 16
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\n', ',', '.', '"', ':', ';', '(', ')', '-':
			n++
		}
	}
	return n + n/8
}

// tokenize tokenises every sentence and furniture span of t, in text order,
// and counts the words of the sentences that are not headings. Tokens of
// furniture have Sentence -1: a date in a dateline or a name in a credit
// is there for the stages that want it, but no sentence holds it.
func (tk *Tokenizer) tokenize(t string, sents []parallax.Sentence, furniture []parallax.Furniture) ([]parallax.Token, int) {
	out := make([]parallax.Token, 0, estimateTokens(t))
	words := 0
	fi := 0
	for i, s := range sents {
		for ; fi < len(furniture) && furniture[fi].Start < s.Start; fi++ {
			out = tk.appendTokens(out, t, furniture[fi].Start, furniture[fi].End, -1)
		}
		k := len(out)
		out = tk.appendTokens(out, t, s.Start, s.End, i)
		if s.Heading {
			continue
		}
		for _, tok := range out[k:] {
			switch tok.Kind {
			case parallax.TokenPunct, parallax.TokenSymbol:
			case parallax.TokenWord, parallax.TokenNumber, parallax.TokenOrdinal:
				words++
			default: // compounds: "June 23, 2025", "5 per cent"
				words += countFields(t[tok.Start:tok.End])
			}
		}
	}
	for ; fi < len(furniture); fi++ {
		out = tk.appendTokens(out, t, furniture[fi].Start, furniture[fi].End, -1)
	}
	return out, words
}

func countFields(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\n' || s[i] == '\t'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// appendTokens tokenises t[from:to] and appends the tokens to out.
func (tk *Tokenizer) appendTokens(out []parallax.Token, t string, from, to, sentence int) []parallax.Token {
	first := len(out)
	runEnd, linky := from, false // the current run of non-space bytes
	for i := from; i < to; {
		c := t[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			i++
			continue
		}
		if i >= runEnd {
			runEnd = i
			for runEnd < to && !isSpaceByte(t[runEnd]) {
				runEnd++
			}
			linky = mayHoldLink(t[i:runEnd])
		}
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(t[i:to])
			if unicode.IsSpace(r) {
				i += size
				continue
			}
		}
		var tok parallax.Token
		switch {
		case linky && c < utf8.RuneSelf && isASCIIAlnum(c) && (i == from || !isASCIIAlnum(t[i-1])) && isLinkStart(t, i, runEnd):
			e := linkEnd(t, i, to)
			tok = tk.word(t, i, e)
		case isDigitByte(c):
			tok = tk.number(t, i, to, "", i)
		case unicode.IsLetter(r):
			if sym, ok := tk.currencyCodeBefore(t, i, to); ok {
				tok = tk.number(t, i+len(sym), to, sym, i)
				break
			}
			tok = tk.wordish(t, i, to, out[first:])
		default:
			if sym := tk.currencySymbol(t[i:to]); sym != "" && i+len(sym) < to && (isDigitByte(t[i+len(sym)]) || (t[i+len(sym)] == ' ' && i+len(sym)+1 < to && isDigitByte(t[i+len(sym)+1]))) {
				j := i + len(sym)
				if t[j] == ' ' {
					j++
				}
				tok = tk.number(t, j, to, sym, i)
				break
			}
			tok = tk.punct(t, i, to, r, size)
		}
		tok.Sentence = sentence
		out = append(out, tok)
		i = tok.End
	}
	return out
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// mayHoldLink reports whether a run of non-space text may hold a URL or an
// address: it has a ':' or an '@', or "www.".
func mayHoldLink(run string) bool {
	for j := 0; j < len(run); j++ {
		switch run[j] {
		case ':', '@':
			return true
		case 'w':
			if strings.HasPrefix(run[j:], "www.") {
				return true
			}
		}
	}
	return false
}

func isASCIIAlnum(c byte) bool {
	return isDigitByte(c) || (c|0x20) >= 'a' && (c|0x20) <= 'z'
}

// isLinkStart reports whether a URL, e-mail address or handle starts at i.
func isLinkStart(t string, i, to int) bool {
	e := i
	for e < to && e-i < maxLink && !isSpaceByte(t[e]) {
		e++
	}
	run := t[i:e]
	if strings.IndexByte(run, ':') < 0 && strings.IndexByte(run, '@') < 0 && !strings.HasPrefix(run, "www.") {
		return false
	}
	if strings.Contains(run, "://") || strings.HasPrefix(run, "www.") {
		return true
	}
	at := strings.IndexByte(run, '@')
	return at > 0 && at < len(run)-3 && strings.Contains(run[at:], ".") && isLetterOrDigit(first0(run))
}

// maxLink bounds the length of a URL or address token.
const maxLink = 2048

func linkEnd(t string, i, to int) int {
	e := i
	for e < to && e-i < maxLink && !isSpaceByte(t[e]) {
		e++
	}
	for e > i {
		r, size := utf8.DecodeLastRuneInString(t[i:e])
		if !strings.ContainsRune(".,;:!?)\"'”’]", r) {
			break
		}
		e -= size
	}
	return e
}

func (tk *Tokenizer) word(t string, s, e int) parallax.Token {
	return tk.wordToken(s, e, tk.wordForms(t[s:e]))
}

func (tk *Tokenizer) wordToken(s, e int, f wordForms) parallax.Token {
	return parallax.Token{Span: parallax.Span{Start: s, End: e}, Kind: parallax.TokenWord, Norm: f.norm, Stem: f.stem}
}

// wordForms returns the norm and stem of a word as written, from the cache
// when it is there.
func (tk *Tokenizer) wordForms(w string) wordForms {
	if f, ok := (*tk.read.Load())[w]; ok {
		return f
	}
	tk.mu.Lock()
	f, ok := tk.dirty[w]
	tk.mu.Unlock()
	if ok {
		return f
	}
	f.norm = normWord(w)
	f.stem = f.norm
	if len(f.norm) > 2 && isASCIIWord(f.norm) {
		f.stem = english.Stem(f.norm, false)
	}
	f.month = tk.month(w)
	if v, ord, ok := tk.numberWord(f.norm); ok {
		f.num, f.isNum = numberWord{v, ord}, true
		f.stem = f.norm
	}
	tk.mu.Lock()
	defer tk.mu.Unlock()
	read := *tk.read.Load()
	if len(read)+len(tk.dirty) >= maxStemCache {
		return f
	}
	// Clone: the key must not keep the whole article alive.
	tk.dirty[strings.Clone(w)] = f
	if len(tk.dirty) >= 256 && len(tk.dirty) >= len(read)/4 {
		// Publish: copying the read map each time it grows by a quarter
		// keeps the cost linear in the number of words.
		next := make(map[string]wordForms, len(read)+len(tk.dirty))
		for k, v := range read {
			next[k] = v
		}
		for k, v := range tk.dirty {
			next[k] = v
		}
		tk.read.Store(&next)
		tk.dirty = map[string]wordForms{}
	}
	return f
}

// normWord lower-cases w and makes curly apostrophes straight.
func normWord(w string) string {
	w = strings.ToLower(w)
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return w
}

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// wordEnd scans a word from i: letters, marks and digits, with inner
// apostrophes and hyphens, and dotted abbreviations ("U.S.", "a.m.").
func wordEnd(t string, i, to int) int {
	e := i
	seg := 0 // letters since the last inner period
	dotted := false
	for e < to {
		r, size := utf8.DecodeRuneInString(t[e:to])
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.M, r) || unicode.IsDigit(r):
			e += size
			seg++
			continue
		case r == '\'' || r == '’' || r == '-' || r == '‐':
			if e+size < to {
				n, _ := utf8.DecodeRuneInString(t[e+size : to])
				if unicode.IsLetter(n) || (r != '\'' && r != '’' && unicode.IsDigit(n)) {
					e += size
					seg = 0
					continue
				}
			}
		case r == '.':
			if seg > 0 && seg <= 2 && e+1 < to {
				n, _ := utf8.DecodeRuneInString(t[e+1 : to])
				if unicode.IsLetter(n) {
					// Another letter group must stay short: "U.S", not "Jane.Doe".
					k := e + 1
					for k < to && unicode.IsLetter(first0(t[k:to])) {
						_, sz := utf8.DecodeRuneInString(t[k:to])
						k += sz
					}
					if utf8.RuneCountInString(t[e+1:k]) <= 2 {
						e++
						seg = 0
						dotted = true
						continue
					}
				}
			}
			if dotted && seg > 0 && seg <= 2 {
				return e + 1 // the abbreviation's final period
			}
		}
		break
	}
	return e
}

// wordish scans a word and turns it into a number word, an ordinal, a
// date or a quantity when it is one.
func (tk *Tokenizer) wordish(t string, i, to int, prev []parallax.Token) parallax.Token {
	e := wordEnd(t, i, to)
	f := tk.wordForms(t[i:e])
	if f.month > 0 {
		if d, ok := tk.dateFromMonth(t, i, e, to, f.month, prev); ok {
			return d
		}
	}
	tok := tk.wordToken(i, e, f)
	if f.isNum {
		tok.Value = f.num.value
		if f.num.ordinal {
			tok.Kind = parallax.TokenOrdinal
			return tok
		}
		tok.Kind = parallax.TokenNumber
		return tk.withUnit(t, tok, to)
	}
	return tok
}

// numberWord reads "two", "forty-eight", "third".
func (tk *Tokenizer) numberWord(norm string) (float64, bool, bool) {
	if nw, ok := tk.lx.numberWords[norm]; ok {
		return nw.value, nw.ordinal, true
	}
	if a, b, ok := strings.Cut(norm, "-"); ok {
		x, okx := tk.lx.numberWords[a]
		y, oky := tk.lx.numberWords[b]
		if okx && oky && !x.ordinal && x.value >= 20 && x.value < 100 && y.value < 10 {
			return x.value + y.value, y.ordinal, true
		}
	}
	return 0, false, false
}

// number scans a number in digits from i, with any currency symbol sym
// already read from start, and the units, magnitudes or percent after it.
func (tk *Tokenizer) number(t string, i, to int, sym string, start int) parallax.Token {
	// ISO date: 2025-06-23, or 2025/06/23
	if i+10 <= to && isISODate(t[i:i+10]) && (i+10 == to || !isLetterOrDigit(first0(t[i+10:to]))) {
		d := t[i:i+4] + "-" + t[i+5:i+7] + "-" + t[i+8:i+10]
		return parallax.Token{Span: parallax.Span{Start: i, End: i + 10}, Kind: parallax.TokenDate, Norm: t[i : i+10], Stem: t[i : i+10], Date: d}
	}
	e := i
	for e < to {
		c := t[e]
		if isDigitByte(c) {
			e++
			continue
		}
		if (c == ',' || c == '.' || c == ':') && e+1 < to && isDigitByte(t[e+1]) {
			e++
			continue
		}
		break
	}
	digits := t[i:e]
	tok := parallax.Token{Span: parallax.Span{Start: start, End: e}, Kind: parallax.TokenNumber}
	tok.Value = parseNumber(digits)
	// Glued suffixes: %, ordinals, magnitudes and units ("5km", "$2bn").
	if e < to {
		if t[e] == '%' {
			tok.End = e + 1
			tok.Kind, tok.Unit = parallax.TokenPercent, "%"
		} else if unicode.IsLetter(first0(t[e:to])) {
			we := wordEnd(t, e, to)
			suf := strings.ToLower(t[e:we])
			switch {
			case suf == "st" || suf == "nd" || suf == "rd" || suf == "th":
				tok.End = we
				tok.Kind = parallax.TokenOrdinal
			case suf == "s" && len(digits) == 4: // "1990s"
				tok.End = we
				tok.Kind, tok.Value = parallax.TokenWord, 0
			case tk.lx.magnitudes[suf] != 0:
				tok.End = we
				tok.Value *= tk.lx.magnitudes[suf]
			case tk.lx.units[suf] != "":
				tok.End = we
				tok.Kind, tok.Unit = parallax.TokenQuantity, tk.lx.units[suf]
			default:
				tok.End = we
				tok.Kind, tok.Value = parallax.TokenWord, 0 // "3D", "G7", "F35"
			}
		}
	}
	if sym != "" {
		sym = strings.TrimSpace(sym)
		tok.Kind = parallax.TokenMoney
		tok.Unit = tk.lx.currencies[sym]
		if tok.Unit == "" {
			tok.Unit = tk.lx.currencies[strings.ToLower(sym)]
		}
	}
	if tok.Kind == parallax.TokenNumber || tok.Kind == parallax.TokenMoney {
		if d, ok := tk.dateFromDay(t, tok, to); ok {
			return d
		}
		tok = tk.withUnit(t, tok, to)
	}
	tok.Norm = normWord(t[tok.Start:tok.End])
	tok.Stem = tok.Norm
	return tok
}

func isISODate(s string) bool {
	if len(s) != 10 || !(s[4] == '-' && s[7] == '-' || s[4] == '/' && s[7] == '/') {
		return false
	}
	for k, c := range []byte(s) {
		if k != 4 && k != 7 && !isDigitByte(c) {
			return false
		}
	}
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:10])
	return m >= 1 && m <= 12 && d >= 1 && d <= 31
}

func parseNumber(digits string) float64 {
	if strings.Contains(digits, ":") {
		h, _, _ := strings.Cut(digits, ":")
		v, _ := strconv.ParseFloat(h, 64)
		return v
	}
	s := strings.ReplaceAll(digits, ",", "")
	if strings.Count(s, ".") > 1 {
		return 0 // "1026.253.553": not one number
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0
	}
	return v
}

// nextWordAt returns the word that starts after the spaces at e (one space
// at most), its end, and whether there was one.
func nextWordAt(t string, e, to int) (string, int, bool) {
	if e >= to || t[e] != ' ' {
		return "", e, false
	}
	s := e + 1
	if s >= to || !unicode.IsLetter(first0(t[s:to])) {
		return "", e, false
	}
	we := wordEnd(t, s, to)
	return t[s:we], we, true
}

// withUnit extends a number over the magnitude, percent, currency or unit
// words that follow it: "5 million", "5 per cent", "20 dollars", "48 hours".
func (tk *Tokenizer) withUnit(t string, tok parallax.Token, to int) parallax.Token {
	if w, we, ok := nextWordAt(t, tok.End, to); ok {
		if m := tk.lx.magnitudes[strings.ToLower(w)]; m != 0 && len(w) > 2 {
			tok.Value *= m
			tok.End = we
		}
	}
	if w, we, ok := nextWordAt(t, tok.End, to); ok {
		lw := strings.ToLower(w)
		switch {
		case tok.Kind == parallax.TokenMoney:
		case lw == "percent" || lw == "pct":
			tok.End, tok.Kind, tok.Unit = we, parallax.TokenPercent, "%"
		case lw == "per":
			if w2, we2, ok := nextWordAt(t, we, to); ok && strings.ToLower(w2) == "cent" {
				tok.End, tok.Kind, tok.Unit = we2, parallax.TokenPercent, "%"
			}
		case tk.lx.currencies[lw] != "" && isWordString(lw):
			tok.End, tok.Kind, tok.Unit = we, parallax.TokenMoney, tk.lx.currencies[lw]
		case tk.lx.units[lw] != "":
			tok.End, tok.Kind, tok.Unit = we, parallax.TokenQuantity, tk.lx.units[lw]
		}
	}
	tok.Norm = normWord(t[tok.Start:tok.End])
	tok.Stem = tok.Norm
	return tok
}

// currencySymbol returns the currency symbol s starts with, or "".
func (tk *Tokenizer) currencySymbol(s string) string {
	if s == "" || !tk.lx.currencyFirst[s[0]] {
		return ""
	}
	for _, sym := range tk.lx.currencySyms {
		if strings.HasPrefix(s, sym) {
			return sym
		}
	}
	return ""
}

// currencyCodeBefore recognises a currency code or symbol made of letters
// before a number: "US$5", "USD 5".
func (tk *Tokenizer) currencyCodeBefore(t string, i, to int) (string, bool) {
	if sym := tk.currencySymbol(t[i:to]); sym != "" && i+len(sym) < to && isDigitByte(t[i+len(sym)]) {
		return sym, true
	}
	if i+4 < to && t[i+3] == ' ' && isDigitByte(t[i+4]) {
		code := t[i : i+3]
		if isAllCaps(code) && tk.lx.currencies[strings.ToLower(code)] != "" && (i == 0 || !unicode.IsLetter(lastRune(t[:i]))) {
			return code + " ", true
		}
	}
	return "", false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// month returns the month number of a capitalised month name.
func (tk *Tokenizer) month(w string) int {
	if w == "" || !unicode.IsUpper(first0(w)) {
		return 0
	}
	return tk.lx.months[strings.ToLower(strings.TrimSuffix(w, "."))]
}

// dateFromMonth reads "June 23, 2025", "June 22nd 2025", "June 13",
// "June 2025", and "in January" from a month name at t[i:e].
func (tk *Tokenizer) dateFromMonth(t string, i, e, to, m int, prev []parallax.Token) (parallax.Token, bool) {
	end := e
	if end < to && t[end] == '.' {
		end++
	}
	day, year := 0, 0
	j := end
	if j+1 < to && t[j] == ' ' && isDigitByte(t[j+1]) {
		k := j + 1
		for k < to && isDigitByte(t[k]) {
			k++
		}
		n, _ := strconv.Atoi(t[j+1 : k])
		switch {
		case k-j-1 <= 2 && n >= 1 && n <= 31:
			day = n
			k = skipOrdinal(t, k, to)
			year, end = yearAfter(t, k, to)
		case k-j-1 == 4 && isYear(t[j+1:k]):
			year = n
			end = k
		}
	}
	if day == 0 && year == 0 {
		// A month alone is a date only after a preposition: "in January".
		if len(prev) == 0 {
			return parallax.Token{}, false
		}
		switch prev[len(prev)-1].Norm {
		case "in", "since", "until", "by", "from", "of", "early", "late", "mid", "last", "next", "this", "during", "before", "after", "through", "till":
		default:
			return parallax.Token{}, false
		}
		end = e
	}
	return tk.dateToken(t, i, end, year, m, day), true
}

// dateFromDay reads "23 June 2025" and "23 June" from a day number.
func (tk *Tokenizer) dateFromDay(t string, num parallax.Token, to int) (parallax.Token, bool) {
	if num.Kind != parallax.TokenNumber && num.Kind != parallax.TokenOrdinal || num.Value < 1 || num.Value > 31 || num.End-num.Start > 4 {
		return parallax.Token{}, false
	}
	w, we, ok := nextWordAt(t, num.End, to)
	if !ok {
		return parallax.Token{}, false
	}
	m := tk.month(w)
	if m == 0 {
		return parallax.Token{}, false
	}
	after := we
	if after < to && t[after] == '.' {
		after++ // "23 Jun. 2025"
	}
	year, end := yearAfter(t, after, to)
	if year == 0 {
		end = we
	}
	return tk.dateToken(t, num.Start, end, year, m, int(num.Value)), true
}

// yearAfter reads the year that may follow a day at t[k:]: ", 2025" or
// " 2025". It returns the year (0 for none) and where the date ends.
func yearAfter(t string, k, to int) (year, end int) {
	y := k
	if y < to && t[y] == ',' {
		y++
	}
	if y+5 <= to && t[y] == ' ' && isYear(t[y+1:y+5]) && (y+5 == to || !isDigitByte(t[y+5])) {
		year, _ = strconv.Atoi(t[y+1 : y+5])
		return year, y + 5
	}
	return 0, k
}

func skipOrdinal(t string, k, to int) int {
	if k+2 <= to {
		switch strings.ToLower(t[k : k+2]) {
		case "st", "nd", "rd", "th":
			if k+2 == to || !unicode.IsLetter(first0(t[k+2:to])) {
				return k + 2
			}
		}
	}
	return k
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return s[0] == '1' || s[0] == '2'
}

func (tk *Tokenizer) dateToken(t string, s, e, year, month, day int) parallax.Token {
	y := "XXXX"
	if year > 0 {
		y = fmt.Sprintf("%04d", year)
	}
	date := fmt.Sprintf("%s-%02d", y, month)
	if day > 0 {
		date += fmt.Sprintf("-%02d", day)
	}
	norm := normWord(t[s:e])
	return parallax.Token{Span: parallax.Span{Start: s, End: e}, Kind: parallax.TokenDate, Norm: norm, Stem: norm, Date: date}
}

// punct makes a punctuation or symbol token; runs of dots and "…" are one
// token, and an emoji keeps its modifiers and joiners.
func (tk *Tokenizer) punct(t string, i, to int, r rune, size int) parallax.Token {
	e := i + size
	kind := parallax.TokenPunct
	if r == '.' {
		for e < to && t[e] == '.' {
			e++
		}
	} else if !unicode.IsPunct(r) {
		kind = parallax.TokenSymbol
		for e < to {
			n, sz := utf8.DecodeRuneInString(t[e:to])
			if n == '\u200d' || n == '\ufe0f' || unicode.Is(unicode.Mn, n) || (n >= 0x1F3FB && n <= 0x1F3FF) || (isRegional(r) && isRegional(n) && e == i+size) {
				e += sz
				if n == '\u200d' && e < to { // joined to the next symbol
					_, sz2 := utf8.DecodeRuneInString(t[e:to])
					e += sz2
				}
				continue
			}
			break
		}
	}
	norm := t[i:e]
	return parallax.Token{Span: parallax.Span{Start: i, End: e}, Kind: kind, Norm: norm, Stem: norm}
}

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }
