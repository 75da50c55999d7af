package timex

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax"
	"parallax/internal/text"
)

// article is the state of one Resolve call.
type article struct {
	r     *Resolver
	lx    *lexicons
	src   string
	doc   *text.Doc
	ref   Ref
	toks  []parallax.Token // the tokens of sentences, with valid spans
	sents []sentRange      // per sentence index: its tokens in toks
	items []*item
}

type sentRange struct{ a, b int }

// item is an expression being built: what was recognised, then resolved.
type item struct {
	Expr
	ti, tj int // its tokens: toks[ti:tj]
	sa, sb int // its sentence's tokens

	form     string // "rel", "range", "dur", "offset", "ago", "weekday", "date", "year", "clock"
	rel      relative
	wd       int // time.Weekday, for weekday
	wdMod    string
	date     string // a date token's ISO value with X
	n        float64
	unit     string
	off      offsetWord
	rangeDir string
	year     int
	hour     int
	min      int
	hasMin   bool
	crossed  bool // a clock time whose zone is in the next sentence
}

// collect groups the tokens by sentence and runs the matchers over each.
func (a *article) collect() {
	n := len(a.doc.Sentences)
	a.sents = make([]sentRange, n)
	for i := range a.sents {
		a.sents[i] = sentRange{-1, -1}
	}
	// Use the document's tokens in place when they are sound (tokens are
	// large: copying them would cost more than the rest); else copy the
	// sound ones.
	a.toks = a.doc.Tokens
	if !a.index(false) {
		a.toks = nil
		for i := range a.sents {
			a.sents[i] = sentRange{-1, -1}
		}
		a.index(true)
	}
	for si, s := range a.sents {
		if s.a < 0 {
			continue
		}
		for k := s.a; k < s.b; {
			it := a.match(k, s.a, s.b)
			if it == nil {
				k++
				continue
			}
			it.sa, it.sb = s.a, s.b
			it.Sentence = si
			if it.form == "clock" && it.Zone == "" && it.tj == s.b && si+1 < len(a.sents) && a.sents[si+1].a == s.b {
				// The segmenter may end a sentence at "3 a.m." before
				// "Tehran time": read the zone across the break.
				next := a.sents[si+1]
				if z, nz := a.zoneAt(next.a, next.b); nz > 0 {
					it.Zone, it.tj, it.crossed = z, next.a+nz, true
				}
			}
			it.Start, it.End = a.toks[it.ti].Start, a.toks[it.tj-1].End
			it.Text = a.src[it.Start:it.End]
			it.Future = a.future(it.ti, s.a)
			it.Quoted = a.inQuotes(si, it.Start)
			a.items = append(a.items, it)
			k = it.tj
		}
	}
}

// index fills a.sents from the tokens of sentences in a.toks, or with
// keep, from a.doc.Tokens into a.toks, keeping the sound ones. Without keep
// it reports whether every token was sound: inside the text, in order, and
// each sentence's tokens contiguous.
func (a *article) index(keep bool) bool {
	last := 0
	for i, t := range a.doc.Tokens {
		if t.Sentence < 0 {
			continue // furniture
		}
		at := i
		if keep {
			at = len(a.toks)
		}
		sound := t.Sentence < len(a.sents) && t.Start >= 0 && t.End <= len(a.src) && t.Start < t.End && t.Start >= last
		var s *sentRange
		if sound {
			s = &a.sents[t.Sentence]
			sound = s.a < 0 || s.b == at // a sentence's tokens must be contiguous
		}
		if !sound {
			if !keep {
				return false
			}
			continue
		}
		if keep {
			a.toks = append(a.toks, t)
		}
		if s.a < 0 {
			s.a = at
		}
		s.b = at + 1
		last = t.End
	}
	return true
}

// norm returns the token's norm without a possessive "'s", or "" past b.
func (a *article) norm(k, b int) string {
	if k < 0 || k >= b {
		return ""
	}
	return strings.TrimSuffix(a.toks[k].Norm, "'s")
}

// raw returns the token's text as written, without a possessive "'s", or
// "" past b.
func (a *article) raw(k, b int) string {
	if k < 0 || k >= b {
		return ""
	}
	s := a.src[a.toks[k].Start:a.toks[k].End]
	if t, ok := strings.CutSuffix(s, "’s"); ok {
		return t
	}
	return strings.TrimSuffix(s, "'s")
}

// matchPhrase returns the longest phrase of p starting at token k, matched
// on norms (or on text as written when exact), and its length in tokens.
func matchPhrase[T any](a *article, p phrases[T], k, b int, exact bool) (T, int) {
	var best T
	bestN := 0
	get := a.norm
	if exact {
		get = a.raw
	}
	for _, ph := range p[get(k, b)] {
		if len(ph.words) <= bestN || k+len(ph.words) > b {
			continue
		}
		ok := true
		for i, w := range ph.words[1:] {
			if get(k+1+i, b) != w {
				ok = false
				break
			}
		}
		if ok {
			best, bestN = ph.val, len(ph.words)
		}
	}
	return best, bestN
}

// match recognises an expression starting at token k of the sentence
// toks[sa:b], or returns nil.
func (a *article) match(k, sa, b int) *item {
	if t := &a.toks[k]; t.Kind == parallax.TokenWord && !a.lx.starters[strings.TrimSuffix(t.Norm, "'s")] &&
		(t.Norm == "" || t.Norm[0] < '0' || t.Norm[0] > '9') {
		return nil // most words start nothing: one lookup, not six
	}
	rel, nr := matchPhrase(a, a.lx.relative, k, b, false)
	op, no := matchPhrase(a, a.lx.offsetPhr, k, b, false)
	switch {
	case nr > 0 && nr >= no:
		return &item{ti: k, tj: k + nr, form: "rel", rel: rel}
	case no > 0:
		it := &item{ti: k, tj: k + no, form: "offset", off: op, n: 1}
		it.Offset = &Offset{Duration: op.durISO, Direction: op.dir}
		it.Granularity = op.gran
		return it
	}
	if it := a.matchRange(k, b); it != nil {
		return it
	}
	if it := a.matchDuration(k, b); it != nil {
		return it
	}
	if it := a.matchWeekday(k, b); it != nil {
		return it
	}
	t := a.toks[k]
	switch t.Kind {
	case parallax.TokenDate:
		if isDateValue(t.Date) {
			return &item{ti: k, tj: k + 1, form: "date", date: t.Date}
		}
	case parallax.TokenNumber:
		raw := a.raw(k, b)
		if len(raw) == 4 && allDigits(raw) && t.Value >= 1900 && t.Value <= 2100 && a.lx.yearPre[a.norm(k-1, b)] && k > sa {
			return &item{ti: k, tj: k + 1, form: "year", year: int(t.Value)}
		}
	}
	return a.matchClock(k, b)
}

// isDateValue checks the shape of a date token's value: YYYY-MM(-DD) with
// X for unknown digits.
func isDateValue(s string) bool {
	if len(s) != 7 && len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case i == 4 || i == 7:
			if c != '-' {
				return false
			}
		case c != 'X' && (c < '0' || c > '9'):
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// durationAt reads a duration at token k: a quantity with a time unit
// ("48 hours", "two days"), or "a"/"an" and a time unit word ("a day") when
// article is true. It returns the count, the unit and the tokens read.
func (a *article) durationAt(k, b int, article bool) (float64, string, int) {
	if k >= b {
		return 0, "", 0
	}
	t := a.toks[k]
	if t.Kind == parallax.TokenQuantity {
		if _, ok := a.lx.units[t.Unit]; ok && t.Value > 0 && t.Value <= maxCount {
			return t.Value, t.Unit, 1
		}
		return 0, "", 0
	}
	if article && (t.Norm == "a" || t.Norm == "an") {
		if u := a.lx.unitWords[a.norm(k+1, b)]; u != "" && !strings.HasSuffix(a.norm(k+1, b), "s") {
			return 1, u, 2
		}
	}
	return 0, "", 0
}

// matchRange reads "the past two weeks", "the next 48 hours", "the past
// decade".
func (a *article) matchRange(k, b int) *item {
	i := k
	if a.norm(i, b) == "the" {
		i++
	}
	rw, ok := a.lx.rangeWords[a.norm(i, b)]
	if !ok {
		return nil
	}
	dir, bare := rw.dir, rw.bare
	i++
	n, unit, nd := a.durationAt(i, b, false)
	if nd == 0 {
		w := a.norm(i, b)
		u := a.lx.unitWords[w]
		if u == "" || !bare || strings.HasSuffix(w, "s") {
			return nil
		}
		n, unit, nd = 1, u, 1
	}
	return &item{ti: k, tj: i + nd, form: "range", n: n, unit: unit, rangeDir: dir}
}

// matchDuration reads a duration and the offset word after it, if any:
// "48 hours", "a day after", "three days later", "two days ago".
func (a *article) matchDuration(k, b int) *item {
	n, unit, nd := a.durationAt(k, b, true)
	if nd == 0 {
		return nil
	}
	i := k + nd
	ow, no := matchPhrase(a, a.lx.offsetWords, i, b, false)
	if no == 0 {
		if a.toks[k].Kind != parallax.TokenQuantity {
			return nil // "a day" alone is too vague to keep
		}
		return &item{ti: k, tj: i, form: "dur", n: n, unit: unit}
	}
	ud := a.lx.units[unit]
	if ow.anchor == "published" {
		return &item{ti: k, tj: i + no, form: "ago", n: n, unit: unit, off: ow}
	}
	it := &item{ti: k, tj: i + no, form: "offset", n: n, unit: unit, off: ow}
	ow.dur = ud.base.scale(n)
	it.off = ow
	it.Granularity = unit
	it.Offset = &Offset{Duration: isoScaled(ud.iso, n), Direction: ow.dir}
	return it
}

// weekdayAt returns the weekday token k names, if it names one: a
// capitalised weekday name, or an abbreviation after "on" or before a date.
func (a *article) weekdayAt(k, b int) (int, bool) {
	raw := a.raw(k, b)
	if raw == "" || !unicode.IsUpper(firstRune(raw)) || a.toks[k].Kind != parallax.TokenWord {
		return 0, false
	}
	w := strings.TrimSuffix(a.norm(k, b), ".")
	d, ok := a.lx.weekdays[w]
	if !ok {
		return 0, false
	}
	if len(w) < 6 && a.norm(k-1, b) != "on" && (k+1 >= b || a.toks[k+1].Kind != parallax.TokenDate) {
		return 0, false
	}
	return int(d), true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// matchWeekday reads "Monday", "last Monday", "late on Sunday", "Sunday
// morning", "early Monday", "Monday, June 23", with a zone after it.
func (a *article) matchWeekday(k, b int) *item {
	i := k
	pre := ""
	if p, ok := a.lx.parts[a.norm(i, b)]; ok && p.before {
		pre = a.norm(i, b)
		i++
		if a.norm(i, b) == "on" {
			i++
		}
	}
	mod := ""
	if m, ok := a.lx.wdMods[a.norm(i, b)]; ok {
		if _, isWD := a.weekdayAt(i+1, b); isWD {
			mod = m
			i++
		}
	}
	wd, ok := a.weekdayAt(i, b)
	if !ok {
		return nil
	}
	it := &item{ti: k, form: "weekday", wd: wd, wdMod: mod}
	it.PartOfDay = pre
	i++
	// "Monday, June 23" or "Monday June 23".
	j := i
	if a.raw(j, b) == "," {
		j++
	}
	if j < b && a.toks[j].Kind == parallax.TokenDate && len(a.toks[j].Date) == 10 && isDateValue(a.toks[j].Date) {
		it.date = a.toks[j].Date
		i = j + 1
	}
	if p, ok := a.lx.parts[a.norm(i, b)]; ok && !p.before {
		it.PartOfDay = a.norm(i, b)
		i++
	}
	if z, n := a.zoneAt(i, b); n > 0 {
		it.Zone = z
		i += n
	}
	it.tj = i
	return it
}

// zoneAt reads a time zone at token k: "EDT", "(GMT)", "Tehran time",
// "local time". It returns the zone and the tokens read.
func (a *article) zoneAt(k, b int) (string, int) {
	raw := a.raw(k, b)
	if _, ok := a.lx.zones[raw]; ok {
		return raw, 1
	}
	if raw == "(" {
		if z := a.raw(k+1, b); a.raw(k+2, b) == ")" {
			if _, ok := a.lx.zones[z]; ok {
				return z, 3
			}
		}
	}
	if _, n := matchPhrase(a, a.lx.places, k, b, true); n > 0 && a.norm(k+n, b) == "time" {
		return a.src[a.toks[k].Start:a.toks[k+n-1].End], n + 1
	}
	if a.norm(k, b) == "local" && a.norm(k+1, b) == "time" {
		return "local", 2
	}
	return "", 0
}

// matchClock reads "3 a.m.", "3:30 p.m.", "3pm", "20:00 GMT", "0200 GMT",
// with a zone after it.
func (a *article) matchClock(k, b int) *item {
	t := a.toks[k]
	raw := a.raw(k, b)
	var h, m int
	var hasMin, ok bool
	i := k + 1
	mer := ""
	switch t.Kind {
	case parallax.TokenNumber:
		h, m, hasMin, ok = parseClock(a.src[t.Start:t.End])
		if !ok {
			return nil
		}
		if mm, found := a.lx.meridiems[strings.ToLower(a.raw(i, b))]; found {
			mer = mm
			i++
		}
	case parallax.TokenWord:
		// "3pm", "11:30am"
		digits := strings.TrimRightFunc(raw, unicode.IsLetter)
		mm, found := a.lx.meridiems[strings.ToLower(raw[len(digits):])]
		if !found || digits == "" {
			return nil
		}
		h, m, hasMin, ok = parseClock(digits)
		if !ok {
			return nil
		}
		mer = mm
	default:
		return nil
	}
	if mer != "" {
		if h < 1 || h > 12 {
			return nil
		}
		if mer == "pm" && h != 12 {
			h += 12
		}
		if mer == "am" && h == 12 {
			h = 0
		}
	}
	z, nz := a.zoneAt(i, b)
	if mer == "" && (nz == 0 || !hasMin) {
		return nil // a bare number is a clock time only with a zone: "20:00 GMT"
	}
	return &item{ti: k, tj: i + nz, form: "clock", hour: h, min: m, hasMin: hasMin, Expr: Expr{Zone: z}}
}

// parseClock reads "3", "3:30", "20:00", "0200".
func parseClock(s string) (h, m int, hasMin, ok bool) {
	switch {
	case len(s) >= 1 && len(s) <= 2 && allDigits(s):
		h, _ = strconv.Atoi(s)
		return h, 0, false, h <= 24
	case len(s) == 4 && allDigits(s):
		h, _ = strconv.Atoi(s[:2])
		m, _ = strconv.Atoi(s[2:])
		return h, m, true, h < 24 && m < 60
	}
	hs, ms, found := strings.Cut(s, ":")
	if !found || len(hs) < 1 || len(hs) > 2 || len(ms) != 2 || !allDigits(hs) || !allDigits(ms) {
		return 0, 0, false, false
	}
	h, _ = strconv.Atoi(hs)
	m, _ = strconv.Atoi(ms)
	return h, m, true, h < 24 && m < 60
}

// future reports whether a future cue stands in the clause before token k
// of a sentence starting at sa: up to ten tokens back, not past a clause
// mark.
func (a *article) future(k, sa int) bool {
	for i := k - 1; i >= sa && i >= k-10; i-- {
		t := a.toks[i]
		if t.Kind == parallax.TokenPunct && isClauseMark(t.Norm) {
			return false
		}
		if a.lx.future[t.Norm] || strings.HasSuffix(t.Norm, "'ll") {
			return true
		}
	}
	return false
}

// isClauseMark reports whether a punctuation token ends a clause for the
// purpose of reading an event's or anchor's text.
func isClauseMark(p string) bool {
	switch p {
	case ",", ";", ":", "–", "—", "-", "(", ")", "“", "”", "\"", "‘", "’", "[", "]", ".", "!", "?", "…":
		return true
	}
	return false
}

// inQuotes reports whether byte offset pos of sentence si lies inside a
// quotation: the sentence is marked quoted and no quotation mark before pos
// closes it, or the curly and straight marks before pos leave one open.
func (a *article) inQuotes(si, pos int) bool {
	s := a.doc.Sentences[si]
	if s.Start < 0 || s.End > len(a.src) || pos < s.Start || pos > s.End {
		return false
	}
	before := a.src[s.Start:pos]
	open := strings.Count(before, "“") - strings.Count(before, "”")
	straight := strings.Count(before, "\"") % 2
	if open > 0 || straight == 1 {
		return true
	}
	if open == 0 && straight == 0 && s.Quoted && !strings.ContainsAny(before, "“\"") {
		return !strings.Contains(before, "”") // a paragraph that continues a quote
	}
	return false
}
