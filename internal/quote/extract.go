package quote

import (
	"io/fs"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax"
	"parallax/internal/text"
)

// MinConfidence is the confidence below which the extractor leaves a
// quote's speaker empty rather than guess.
const MinConfidence = 0.5

// Extractor finds quotes and their speakers. It is safe for concurrent use.
type Extractor struct {
	lx *lexicons
}

// New loads the extractor's word lists from fsys (rules.FS, or a directory
// laid out the same way). Every data error in the files is reported
// together.
func New(fsys fs.FS) (*Extractor, error) {
	lx, err := loadLexicons(fsys)
	if err != nil {
		return nil, err
	}
	return &Extractor{lx: lx}, nil
}

// Attribution is a quote found in an article. Quote has Span, Text, Kind,
// SpeakerText, SpeakerSpan, Cue, Stance, Via and Confidence filled; ID,
// Article, Speaker and Group are left to later stages.
type Attribution struct {
	Quote parallax.Quote
	// Antecedent is the span of the name the speaker resolves to: equal to
	// Quote.SpeakerSpan when the speaker is named at the cue, the span of
	// an earlier name when SpeakerText is a pronoun or the speaker comes
	// from an earlier sentence, and zero when unknown (a role phrase such
	// as "the Kremlin spokesman" is left for alias resolution).
	Antecedent parallax.Span
	// Name is the text under Antecedent.
	Name string
	// CueSpan is where the cue stands; zero when there is none. Quoted
	// stretches that share a cue are parts of one utterance ("“A,” he
	// said, “B.”", or a quote that runs over several paragraphs).
	CueSpan parallax.Span
}

// state is the work on one article.
type state struct {
	x      *Extractor
	src    string
	doc    *text.Doc
	toks   []tok
	sentLo []int // per sentence: first token, or -1
	sentHi []int
	paraOf []int // per sentence: paragraph number, -1 for headings
	pieces []piece
	inPc   []int // per token: index of the piece whose marks or words it is, or -1
	people []mention
	subj   []np // per sentence: its main subject, if found
	subjOK []bool
	inner  map[string]int  // name words seen inside sentences, not at their start
	gender map[string]byte // surname → m or f
	// fullNames holds the surnames of the people named in full.
	fullNames map[string]bool
}

// piece is one stretch of text between quotation marks.
type piece struct {
	open, close int // token indices of the marks; close is -1 when the quote runs to the paragraph's end
	last        int // the last token of the piece: close, or the paragraph's last
	span        parallax.Span
	para        int
	cont        bool // runs on into the next paragraph
	unbalanced  bool // never closed
	kind        string
	chain       int
	res         attr
}

// attr is an attribution decision.
type attr struct {
	sp     np
	cue    parallax.Span
	cueTxt string
	stance string
	via    string
	conf   float64
	ante   parallax.Span
	name   string
}

func (a attr) found() bool { return a.conf > 0 }

// mention is a name in the text that a pronoun may stand for.
type mention struct {
	n       np
	sent    int
	tok     int
	subject bool
	speaker bool
}

// Extract returns the quotes of one article, in text order. doc is the
// text engine's analysis of src.
func (x *Extractor) Extract(src string, doc *text.Doc) []Attribution {
	if doc == nil || len(src) == 0 {
		return nil
	}
	st := &state{x: x, src: src, doc: doc, gender: map[string]byte{}, fullNames: map[string]bool{}, toks: make([]tok, 0, len(doc.Tokens))}
	st.tokens()
	st.scan()
	st.findPeople()
	out := st.direct()
	out = append(out, st.indirect()...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Quote.Start < out[j].Quote.Start })
	return out
}

// tokens keeps the body tokens of non-heading sentences.
func (st *state) tokens() {
	n := len(st.doc.Sentences)
	st.sentLo, st.sentHi, st.paraOf = make([]int, n), make([]int, n), make([]int, n)
	para := 0
	prevEnd := -1
	for i, s := range st.doc.Sentences {
		st.sentLo[i], st.sentHi[i] = -1, -1
		if s.Heading {
			st.paraOf[i] = -1
			para++
			prevEnd = -1
			continue
		}
		if prevEnd >= 0 && prevEnd <= s.Start && s.Start <= len(st.src) && strings.Contains(st.src[prevEnd:s.Start], "\n") && !st.wrapped(prevEnd, s.Start) {
			para++
		}
		st.paraOf[i] = para
		prevEnd = s.End
	}
	for _, t := range st.doc.Tokens {
		if t.Sentence < 0 || t.Sentence >= n || st.doc.Sentences[t.Sentence].Heading {
			continue
		}
		w := t.Span.In(st.src)
		if w == "" {
			continue
		}
		norm := t.Norm
		if strings.Contains(norm, "’") {
			norm = strings.ReplaceAll(norm, "’", "'")
		}
		k := tok{span: t.Span, text: w, norm: norm, sent: t.Sentence}
		k.word = t.Kind != parallax.TokenPunct && t.Kind != parallax.TokenSymbol && strings.ContainsFunc(w, unicode.IsLetter)
		if k.word {
			r, _ := utf8.DecodeRuneInString(w)
			k.cap = unicode.IsUpper(r)
		}
		if t.Kind == parallax.TokenPunct {
			k.mark = markOf(w)
		}
		if st.sentLo[t.Sentence] < 0 {
			st.sentLo[t.Sentence] = len(st.toks)
		}
		st.sentHi[t.Sentence] = len(st.toks) + 1
		st.toks = append(st.toks, k)
	}
	st.inPc = make([]int, len(st.toks))
	for i := range st.inPc {
		st.inPc[i] = -1
	}
	st.inner = map[string]int{}
	for i := range st.toks {
		if st.toks[i].cap && st.toks[i].word && !st.sentStart(i) {
			st.inner[st.toks[i].norm]++
		}
	}
	st.subj = make([]np, n)
	st.subjOK = make([]bool, n)
}

// wrapped reports whether the line break in src[end:start], between two
// sentences, is a hard-wrapped line rather than a new paragraph: a single
// newline before a word in lower case.
func (st *state) wrapped(end, start int) bool {
	gap := st.src[end:start]
	if strings.Count(gap, "\n") != 1 || strings.TrimSpace(gap) != "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(st.src[start:])
	return unicode.IsLower(r)
}

// paragraphs returns the token ranges of the paragraphs.
func (st *state) paragraphs() [][2]int {
	var out [][2]int
	cur := -2
	for s := range st.doc.Sentences {
		if st.sentLo[s] < 0 || st.paraOf[s] < 0 {
			continue
		}
		if st.paraOf[s] != cur {
			out = append(out, [2]int{st.sentLo[s], st.sentHi[s]})
			cur = st.paraOf[s]
			continue
		}
		out[len(out)-1][1] = st.sentHi[s]
	}
	return out
}

// scan finds the quoted stretches, paragraph by paragraph.
func (st *state) scan() {
	// A piece needs two marks and a word between them.
	marks, words := 0, 0
	for i := range st.toks {
		if st.toks[i].mark != markNone {
			marks++
		} else if st.toks[i].word {
			words++
		}
	}
	st.pieces = make([]piece, 0, min(marks/2, words)+1)
	paras := st.paragraphs()
	for pi, pr := range paras {
		openD, openS := -1, -1
		emit := func(open, close int, end int) bool {
			p := piece{open: open, close: close, para: pi, chain: -1}
			s := st.toks[open].span.End
			e := end
			if close >= 0 {
				e = st.toks[close].span.Start
			}
			p.span = trimContent(st.src, s, e)
			if p.span.Len() <= 0 || !strings.ContainsFunc(p.span.In(st.src), unicode.IsLetter) {
				return false
			}
			last := close
			if last < 0 {
				last = pr[1] - 1
			}
			idx := len(st.pieces)
			for i := open; i <= last && i < len(st.toks); i++ {
				st.inPc[i] = idx
			}
			p.last = last
			st.pieces = append(st.pieces, p)
			return true
		}
		for i := pr[0]; i < pr[1]; i++ {
			t := &st.toks[i]
			switch t.mark {
			case markOpenDouble:
				if openD >= 0 {
					// An opening mark inside an open quote: the first one was
					// never closed.
					if emit(openD, -1, t.span.Start) {
						st.pieces[len(st.pieces)-1].unbalanced = true
					}
				}
				openD, openS = i, -1
			case markCloseDouble:
				if openD >= 0 {
					emit(openD, i, 0)
					openD, openS = -1, -1
				} else if i+1 < pr[1] && st.toks[i+1].span.Start == t.span.End && st.toks[i+1].word && (i == pr[0] || st.toks[i-1].span.End < t.span.Start) {
					openD = i // a closing mark used to open: ”word
				}
			case markStraight:
				if openD >= 0 {
					emit(openD, i, 0)
					openD, openS = -1, -1
				} else {
					openD = i
				}
			case markOpenSingle:
				if openD < 0 && openS < 0 {
					openS = i
				}
			case markCloseSingle:
				if openD < 0 && openS >= 0 {
					emit(openS, i, 0)
					openS = -1
				}
			}
		}
		if openD >= 0 {
			end := st.toks[pr[1]-1].span.End
			if emit(openD, -1, end) {
				p := &st.pieces[len(st.pieces)-1]
				if pi+1 < len(paras) && isOpening(st.toks[paras[pi+1][0]].mark) {
					p.cont = true
				} else {
					p.unbalanced = true
				}
			}
		}
	}
	st.dropTitles()
	for i := range st.pieces {
		st.pieces[i].kind = st.kindOf(i)
	}
	st.link()
}

// dropTitles removes the quoted stretches that are names or titles
// (“Operation Rising Lion”, CNN’s “State of the Union”): their words are
// narration. One that ends as speech does and has its attribution right
// after it stays: "“Fake News,” Trump said".
func (st *state) dropTitles() {
	kept := st.pieces[:0]
	for i := range st.pieces {
		p := st.pieces[i]
		drop := st.titled(&p)
		if drop && st.toks[p.close-1].text == "," {
			if a := st.cueAfterPiece(&p); a.found() && a.cue.Len() > 0 {
				drop = false
			}
		}
		for k := p.open; k <= p.last && k < len(st.toks); k++ {
			if drop {
				st.inPc[k] = -1
			} else {
				st.inPc[k] = len(kept)
			}
		}
		if !drop {
			kept = append(kept, p)
		}
	}
	st.pieces = kept
}

func isOpening(m byte) bool { return m == markOpenDouble || m == markStraight }

// trimContent returns the span of src[s:e] without surrounding space and
// without the comma a quote closes with before its attribution.
func trimContent(src string, s, e int) parallax.Span {
	if s > e || e > len(src) {
		return parallax.Span{}
	}
	t := src[s:e]
	l := strings.TrimLeftFunc(t, unicode.IsSpace)
	s += len(t) - len(l)
	l = strings.TrimRightFunc(l, unicode.IsSpace)
	l = strings.TrimRight(l, ",")
	l = strings.TrimRightFunc(l, unicode.IsSpace)
	return parallax.Span{Start: s, End: s + len(l)}
}

// kindOf tells a direct quote from a partial one: a direct quote opens its
// sentence, follows a colon, a comma, a cue or another quote, or holds a
// sentence of its own.
func (st *state) kindOf(i int) string {
	p := &st.pieces[i]
	txt := p.span.In(st.src)
	r, _ := utf8.DecodeRuneInString(txt)
	upper := unicode.IsUpper(r) || !unicode.IsLetter(r)
	if i > 0 && st.pieces[i-1].cont {
		return parallax.Direct
	}
	if i > 0 {
		// “A,” he said, “and B.”: the second part of an interrupted quote.
		q := &st.pieces[i-1]
		if q.kind == parallax.Direct && q.close >= 0 && st.toks[q.close].sent == st.toks[p.open].sent && st.linkable(q.close, p.open) {
			return parallax.Direct
		}
	}
	o := p.open
	if o == 0 || st.toks[o-1].sent != st.toks[o].sent {
		return parallax.Direct
	}
	prev := &st.toks[o-1]
	switch {
	case prev.mark != markNone:
		return parallax.Direct
	case prev.text == ":":
		return parallax.Direct
	case prev.text == "," && upper:
		return parallax.Direct
	case st.isCue(o-1) && upper && (len(strings.Fields(txt)) > 3 || strings.ContainsAny(txt, ".!?")):
		return parallax.Direct
	}
	if upper && strings.ContainsAny(strings.TrimRight(txt, ".!?"), ".!?") && len(strings.Fields(txt)) > 6 {
		return parallax.Direct
	}
	return parallax.Partial
}

// link groups the pieces that one attribution covers into chains: a quote
// that runs over paragraphs, and direct quotes of one paragraph separated
// by nothing or by their attribution only.
func (st *state) link() {
	chain := 0
	for i := range st.pieces {
		p := &st.pieces[i]
		if i > 0 {
			q := &st.pieces[i-1]
			if q.cont || (q.para == p.para && p.kind == parallax.Direct && q.close >= 0 && st.linkable(q.close, p.open)) {
				p.chain = q.chain
				continue
			}
		}
		p.chain = chain
		chain++
	}
}

// linkable reports whether the tokens between two quotes, (a, b), are an
// attribution at most: few words, no sentence of narration of its own.
func (st *state) linkable(a, b int) bool {
	words := 0
	for i := a + 1; i < b; i++ {
		if st.toks[i].word {
			words++
		}
	}
	if words == 0 {
		return true
	}
	if words > 12 {
		return false
	}
	// The second quote opens a new sentence or goes on in the same one.
	for i := a + 1; i < b; i++ {
		if st.isCue(i) || st.isAccordingTo(i) {
			return true
		}
	}
	return false
}

// isCue reports whether token i is a verb of saying.
func (st *state) isCue(i int) bool {
	t := &st.toks[i]
	return t.word && !t.cap && st.x.lx.stance[t.norm] != ""
}

func (st *state) isParticiple(i int) bool {
	return st.x.lx.frames[st.toks[i].norm]&frameParticiple != 0 || strings.HasSuffix(st.toks[i].norm, "ing")
}

func (st *state) isAccordingTo(i int) bool {
	return i+1 < len(st.toks) && st.toks[i].norm == "according" && st.toks[i+1].norm == "to"
}

// findPeople lists the names that pronouns may stand for, and each
// sentence's main subject.
func (st *state) findPeople() {
	for s := range st.doc.Sentences {
		lo, hi := st.sentLo[s], st.sentHi[s]
		if lo < 0 {
			continue
		}
		if n := st.mainSubject(s); n.ok() {
			st.subj[s], st.subjOK[s] = n, true
		}
		for i := lo; i < hi; i++ {
			if !st.nameWord(i) || (i > lo && st.nameWord(i-1)) {
				continue
			}
			e := st.nameRunFwd(i, hi)
			if e <= i {
				continue
			}
			n := st.nameNP(i, e)
			if n.kind != npName || st.inPc[i] >= 0 || (e == i+1 && st.sentStart(i) && (strings.HasSuffix(st.toks[i].norm, "ing") || strings.HasSuffix(st.toks[i].norm, "ly"))) {
				i = e - 1
				continue
			}
			if st.isPlaceWord(n.span.In(st.src)) {
				n.agr = 'p'
			}
			n.lo = st.extendRoleBack(i, lo)
			m := mention{n: n, sent: s, tok: i}
			m.subject = st.subjOK[s] && st.subj[s].span == n.span
			if n.agr == 'm' || n.agr == 'f' {
				st.gender[st.surname(n)] = n.agr
			}
			st.people = append(st.people, m)
			if n.agr != 'p' && strings.Contains(n.span.In(st.src), " ") {
				st.fullNames[st.surname(n)] = true
			}
			i = e - 1
		}
	}
}

// surname is the key a person goes by: the last word of the name.
func (st *state) surname(n np) string {
	f := strings.Fields(n.span.In(st.src))
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(f[len(f)-1])
}

// mainSubject returns the subject of sentence s: the noun phrase at its
// start, after an opening adverbial phrase closed by a comma.
func (st *state) mainSubject(s int) np {
	lo, hi := st.sentLo[s], st.sentHi[s]
	i := lo
	for i < hi && st.toks[i].mark != markNone {
		return np{} // a sentence that opens with a quote has its subject elsewhere
	}
	if i >= hi {
		return np{}
	}
	t := &st.toks[i]
	lead := !t.word || (t.cap && st.x.lx.starters[t.norm] && !st.x.lx.dets[t.norm] && st.x.lx.pronouns[t.norm] == 0) ||
		strings.HasSuffix(t.norm, "ing") || strings.HasSuffix(t.norm, "ly")
	if lead {
		for j := i; j < hi && j-i < 20; j++ {
			if st.toks[j].mark != markNone {
				return np{}
			}
			if st.toks[j].text == "," {
				i = j + 1
				break
			}
		}
		if i == lo {
			return np{}
		}
	}
	// Read the phrase forwards as far as it can go, then take the subject
	// phrase that ends there.
	e := i
	for e < hi {
		u := &st.toks[e]
		if u.word && (u.cap || st.isSpeakerNoun(e) || st.x.lx.dets[u.norm] || st.isModifier(u.norm) || isPossessive(u.norm) || st.x.lx.pronouns[u.norm] != 0 && e == i) ||
			u.text == "." && e > i && (st.isTitle(e-1) || st.isInitial(e-1)) {
			if st.x.lx.pronouns[u.norm] != 0 && e == i {
				e++
				break
			}
			e++
			continue
		}
		break
	}
	if e == i {
		return np{}
	}
	n := st.npBefore(e, i)
	if !n.ok() || n.lo > i+1 || !st.plausible(n) {
		return np{}
	}
	return n
}

// plausible reports whether a name phrase read at the start of a sentence
// is a name: a capitalised word there may be any word ("Dressed in
// black, ..."), so a one-word name must have a title or role before it or
// be capitalised elsewhere in the text too.
func (st *state) plausible(n np) bool {
	if n.kind != npName {
		return true
	}
	f := strings.Fields(n.span.In(st.src))
	if len(f) == 0 {
		return false
	}
	if len(f) == 1 && isAllCaps(f[0]) && len(f[0]) > 5 {
		return false // a dateline: WASHINGTON
	}
	if len(f) > 1 {
		return true
	}
	first := n.lo
	for first < n.hi && st.toks[first].span.Start < n.span.Start {
		first++
	}
	if first > n.lo {
		return true
	}
	return st.inner[strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(f[0], "’s"), "'s"))] > 0
}

// isPlaceWord reports whether a name is a country, demonym or capital, or
// a hyphenated pair of them ("Russian-Iranian").
func (st *state) isPlaceWord(name string) bool {
	for _, p := range strings.Split(strings.ToLower(name), "-") {
		if !st.x.lx.places[p] {
			return false
		}
	}
	return true
}
