package align

import (
	"sort"
	"strings"
	"unicode/utf8"

	"parallax"
)

// Region labels of a token: narration, or a quotation found in no quote
// of the story (a sentence the text engine marks Quoted). Other labels
// index the article's quotes.
const (
	narration  = -1
	unassigned = -2
)

// tokInfo is one token of a sentence with what the story knows about it.
type tokInfo struct {
	tok    parallax.Token
	region int // narration, unassigned, or an index into the article's quotes
	ment   int // index into the article's mentions, or -1
	role   bool
}

// piece is a run of a sentence's tokens that may become a claim unit.
type piece struct {
	toks    []tokInfo
	region  int
	speaker string
	quoted  bool // in a direct quote, or a quoted sentence no quote covers
}

// rawUnit is a claim unit before it is weighed against the story: its
// span, its speaker and its tokens.
type rawUnit struct {
	span    parallax.Span
	speaker string
	quoted  bool
	toks    []tokInfo
}

// artInput is what the story gives about one article: its mentions and
// quotes, in text order.
type artInput struct {
	art      *parallax.Article
	mentions []parallax.Mention
	quotes   []parallax.Quote
}

// minContent is the number of content items (content words, numbers,
// dates, entities counted once each) a unit needs; shorter fragments are
// no claims.
const minContent = 3

// units breaks one article into claim units.
func (a *Aligner) units(in artInput) []rawUnit {
	art := in.art
	src := art.Text
	ments := in.mentions
	sort.SliceStable(ments, func(i, j int) bool { return ments[i].Start < ments[j].Start })
	var quotes []parallax.Quote // direct and indirect quotes only
	for _, q := range in.quotes {
		if q.Kind == parallax.Direct || q.Kind == parallax.Indirect {
			quotes = append(quotes, q)
		}
	}
	var out []rawUnit
	toks := art.Tokens
	ti := 0
	for si, s := range art.Sentences {
		for ti < len(toks) && (toks[ti].Sentence < si && toks[ti].Sentence != -1 || toks[ti].Sentence == -1 && toks[ti].Start < s.Start) {
			ti++
		}
		from := ti
		for ti < len(toks) && toks[ti].Sentence == si {
			ti++
		}
		if s.Heading || ti == from {
			continue
		}
		info := make([]tokInfo, 0, ti-from)
		for _, t := range toks[from:ti] {
			if t.Start < 0 || t.End > len(src) || t.Start > t.End {
				continue
			}
			info = append(info, tokInfo{tok: t, region: regionOf(t.Span, quotes, s.Quoted && !overlapsAny(s.Span, quotes)), ment: -1})
		}
		markMentions(info, ments)
		a.markTitles(src, info, ments)
		for _, p := range a.split(info, quotes, ments) {
			if u, ok := a.unitOf(src, p); ok {
				out = append(out, u)
			}
		}
	}
	return out
}

// regionOf returns the index of the direct or indirect quote that holds
// the token, a direct quote before an indirect one, else unassigned for a
// token of a quoted sentence, else narration.
func regionOf(t parallax.Span, quotes []parallax.Quote, quoted bool) int {
	best := narration
	for i, q := range quotes {
		if q.Start <= t.Start && t.End <= q.End {
			if best < 0 || q.Kind == parallax.Direct && quotes[best].Kind != parallax.Direct {
				best = i
			}
		}
	}
	if best == narration && quoted {
		return unassigned
	}
	return best
}

// overlapsAny reports whether a quote overlaps the span.
func overlapsAny(sp parallax.Span, quotes []parallax.Quote) bool {
	for _, q := range quotes {
		if q.Overlaps(sp) {
			return true
		}
	}
	return false
}

// markTitles marks as roles the title words ("President", "Supreme
// Leader") and the capitalised words that stand before a person's name
// ("Ayatollah Seyyed Ali Khamenei"): they name, they state nothing.
func (a *Aligner) markTitles(src string, info []tokInfo, ments []parallax.Mention) {
	for k := len(info) - 1; k >= 0; k-- {
		t := info[k].tok
		if info[k].ment >= 0 {
			continue
		}
		if a.titles[bare(t.Norm)] {
			info[k].role = true
			continue
		}
		if k > 0 && k+1 < len(info) && t.Start < len(src) && src[t.Start] >= 'A' && src[t.Start] <= 'Z' && !a.stop[t.Norm] {
			n := info[k+1]
			if n.role || n.ment >= 0 && ments[n.ment].Type == parallax.Person && ments[n.ment].Start == n.tok.Start {
				info[k].role = true
			}
		}
	}
}

// markMentions sets the mention and role fields of the tokens.
func markMentions(info []tokInfo, ments []parallax.Mention) {
	if len(info) == 0 {
		return
	}
	lo := sort.Search(len(ments), func(i int) bool { return ments[i].End > info[0].tok.Start })
	for k := range info {
		t := info[k].tok.Span
		for j := lo; j < len(ments) && ments[j].Start < t.End; j++ {
			m := ments[j]
			if m.Start <= t.Start && t.Start < m.End {
				info[k].ment = j // "Moscow's" is the mention "Moscow"
			}
			if m.RoleSpan.Len() > 0 && m.RoleSpan.Start <= t.Start && t.End <= m.RoleSpan.End {
				info[k].role = true
			}
		}
		// Role spans stand before the name: look back a little for them.
		for j := lo - 1; j >= 0 && j >= lo-3; j-- {
			m := ments[j]
			if m.RoleSpan.Len() > 0 && m.RoleSpan.Start <= t.Start && t.End <= m.RoleSpan.End {
				info[k].role = true
			}
		}
	}
	// Role spans of later mentions cover earlier tokens too.
	for j := lo; j < len(ments); j++ {
		m := ments[j]
		if m.RoleSpan.Len() == 0 || m.RoleSpan.Start >= info[len(info)-1].tok.End {
			if m.Start >= info[len(info)-1].tok.End {
				break
			}
			continue
		}
		for k := range info {
			t := info[k].tok.Span
			if m.RoleSpan.Start <= t.Start && t.End <= m.RoleSpan.End {
				info[k].role = true
			}
		}
	}
}

// clauseConj are the conjunctions that, after a comma, open a new clause
// when both sides are long enough.
var clauseConj = map[string]bool{"and": true, "but": true, "while": true, "whereas": true, "although": true, "though": true, "yet": true}

// relatives open a relative clause after a comma.
var relatives = map[string]bool{"which": true, "who": true}

// subordinators open a clause that a comma closes at the start of a
// sentence ("While Russia had pledged support, it remained unclear ...").
var subordinators = map[string]bool{"while": true, "although": true, "though": true, "whereas": true}

// minSide is the number of words each side of a ", and" needs for the
// comma to split two clauses rather than end a list.
const minSide = 4

// split cuts a sentence's tokens into pieces: runs of one region (a quote
// or narration), cut at clause boundaries, with attribution frames
// stripped and their speaker kept.
func (a *Aligner) split(info []tokInfo, quotes []parallax.Quote, ments []parallax.Mention) []piece {
	var runs []piece
	for i := 0; i < len(info); {
		j := i + 1
		for j < len(info) && info[j].region == info[i].region {
			j++
		}
		runs = append(runs, piece{toks: info[i:j], region: info[i].region})
		i = j
	}
	var out []piece
	for ri, r := range runs {
		speaker, quoted := "", r.region == unassigned
		if r.region >= 0 {
			speaker, quoted = quotes[r.region].Speaker, quotes[r.region].Kind == parallax.Direct
		}
		nextToQuote := (ri > 0 && runs[ri-1].region != narration) || (ri+1 < len(runs) && runs[ri+1].region != narration)
		for _, c := range a.clauses(r.toks) {
			p := piece{toks: c, region: r.region, speaker: speaker, quoted: quoted}
			if r.region == narration {
				var ok bool
				if p, ok = a.stripFrame(p, nextToQuote, ments); !ok {
					continue
				}
			}
			out = append(out, p)
		}
	}
	return out
}

// clauses cuts a run of tokens at clause boundaries: ";", a sentence end
// inside a quotation, ", and" / ", but" / ", while" between two clauses,
// ", which" / ", who", "and" before a verb of saying, and the comma that
// closes a leading "While ..." clause.
func (a *Aligner) clauses(toks []tokInfo) [][]tokInfo {
	var out [][]tokInfo
	start := 0
	var carry []tokInfo // the head of a main clause a relative clause interrupts
	cut := func(end, next int) {
		if end > start || len(carry) > 0 {
			c := toks[start:max(end, start)]
			if len(carry) > 0 {
				c = append(carry, c...)
				carry = nil
			}
			out = append(out, c)
		}
		start = next
	}
	lead := len(toks) > 0 && opensClause(toks[0].tok)
	for i := 0; i < len(toks); i++ {
		t := toks[i].tok
		switch {
		case t.Kind == parallax.TokenPunct && (t.Norm == ";" || t.Norm == "." || t.Norm == "?" || t.Norm == "!") && i+1 < len(toks):
			cut(i, i+1)
			lead = i+1 < len(toks) && opensClause(toks[i+1].tok)
		case t.Kind == parallax.TokenPunct && t.Norm == "," && i+1 < len(toks):
			if i+2 < len(toks) && isClosingMark(toks[i+1].tok.Norm) {
				i++ // ",” voicing": the comma closes a quotation
			}
			nx := toks[i+1].tok.Norm
			switch {
			case lead && wordsIn(toks[start:i]) >= minSide && wordsUntilPunct(toks[i+1:]) >= minSide:
				cut(i, i+1)
				lead = false
			case clauseConj[nx] && !inList(toks, i) && wordsSinceComma(toks[start:i]) >= minSide && wordsUntilPunct(toks[i+2:]) >= minSide:
				cut(i, i+2)
			case relatives[nx] && wordsIn(toks[start:i]) >= 1:
				if j := indexNorm(toks, ",", i+2); j > 0 && j+1 < len(toks) && wordsUntilPunct(toks[j+1:]) >= 2 {
					// "The bridge, which opened in 1932, was closed": the
					// relative clause is a unit, the main clause goes on.
					head := append([]tokInfo(nil), carry...)
					head = append(head, toks[start:i]...)
					carry = nil
					out = append(out, toks[i+1:j])
					carry, start, i = head, j+1, j
					continue
				}
				cut(i, i+1)
			case isParticiple(toks[i+1].tok) && wordsIn(toks[start:i]) >= minSide && wordsUntilPunct(toks[i+1:]) >= minSide:
				cut(i, i+1)
			}
		case (t.Norm == "after" || t.Norm == "before") && i > start && wordsSinceComma(toks[start:i]) >= 3 && wordsUntilPunct(toks[i+1:]) >= 5 && hasVerb(toks[i+1:]):
			cut(i, i)
		case t.Norm == "and" && i > start && i+1 < len(toks) && toks[i+1].ment < 0 &&
			(a.speech[toks[i+1].tok.Norm] || isPast(toks[i+1].tok) && wordsSinceComma(toks[start:i]) >= 3 && wordsUntilPunct(toks[i+1:]) >= 3):
			cut(i, i+1)
		}
	}
	cut(len(toks), len(toks))
	return out
}

// notParticiples are -ing words that are prepositions, not clauses.
var notParticiples = map[string]bool{"including": true, "according": true, "during": true, "following": true,
	"regarding": true, "concerning": true, "notwithstanding": true, "pending": true, "excluding": true, "nothing": true,
	"something": true, "anything": true, "everything": true, "morning": true, "evening": true, "thing": true}

// isParticiple reports whether t looks like an -ing participle that opens
// a clause ("voicing", "speaking").
func isParticiple(t parallax.Token) bool {
	return t.Kind == parallax.TokenWord && len(t.Norm) > 5 && strings.HasSuffix(t.Norm, "ing") && !notParticiples[t.Norm]
}

// isPast reports whether t looks like a past-tense verb ("thanked").
func isPast(t parallax.Token) bool {
	return t.Kind == parallax.TokenWord && len(t.Norm) > 4 && strings.HasSuffix(t.Norm, "ed")
}

// opensClause reports whether a run starting with t starts with a clause
// that its first comma closes: "While ...," or "Speaking in ...,".
func opensClause(t parallax.Token) bool { return subordinators[t.Norm] || isParticiple(t) }

// inList reports whether the comma at i stands in a list of names: a name
// before it and a name after the conjunction that follows it.
func inList(toks []tokInfo, i int) bool {
	return i > 0 && i+2 < len(toks) && toks[i-1].ment >= 0 && toks[i+2].ment >= 0
}

// hasVerb reports whether the words before the next punctuation hold a
// past-tense verb, so that "after" opens a clause ("after Trump ordered
// strikes"), not a phrase ("after the strikes").
func hasVerb(toks []tokInfo) bool {
	for _, t := range toks {
		if t.tok.Kind == parallax.TokenPunct && strings.ContainsAny(t.tok.Norm, ",;.?!-–—") {
			return false
		}
		if t.ment < 0 && isPast(t.tok) {
			return true
		}
	}
	return false
}

// wordsIn counts the word, number and date tokens of toks.
func wordsIn(toks []tokInfo) int {
	n := 0
	for _, t := range toks {
		if t.tok.Kind != parallax.TokenPunct && t.tok.Kind != parallax.TokenSymbol {
			n++
		}
	}
	return n
}

// wordsSinceComma counts the words of toks after its last comma.
func wordsSinceComma(toks []tokInfo) int {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].tok.Norm == "," {
			return wordsIn(toks[i+1:])
		}
	}
	return wordsIn(toks)
}

// wordsUntilPunct counts the words of toks before the first comma or
// clause punctuation.
func wordsUntilPunct(toks []tokInfo) int {
	n := 0
	for _, t := range toks {
		if t.tok.Kind == parallax.TokenPunct && strings.ContainsAny(t.tok.Norm, ",;.?!-–—") {
			break
		}
		if t.tok.Kind != parallax.TokenPunct && t.tok.Kind != parallax.TokenSymbol {
			n++
		}
	}
	return n
}

// frameMax is the number of content words besides names, roles and verbs
// of saying that an attribution frame may have.
const frameMax = 3

// stripFrame removes the attribution frame of a narrative piece:
// "according to X, ...", "..., X said.", "X said (that) ...", or the whole
// piece when it is a quote's frame ("Putin told Araghchi in a televised
// statement"). It returns false when nothing is left. The frame's speaker,
// when it names one, goes on the piece.
func (a *Aligner) stripFrame(p piece, nextToQuote bool, ments []parallax.Mention) (piece, bool) {
	toks := p.toks
	// "According to X, ..." and "..., according to X".
	for i := range toks {
		k := a.frameAt(toks, i)
		if k == 0 || !a.sourceFrame(toks[i:k]) {
			continue
		}
		end := indexNorm(toks, ",", k)
		if end < 0 {
			end = len(toks)
		}
		if sp := firstEntity(toks[k:end], ments); sp != "" {
			p.speaker = sp
		}
		if i > 0 && toks[i-1].tok.Norm == "," {
			i--
		}
		toks = append(toks[:i:i], toks[min(end+1, len(toks)):]...)
		break
	}
	// A quote's frame: speech and little else.
	if nextToQuote && a.hasFrameWord(toks) && a.loose(toks) <= frameMax {
		return p, false
	}
	// "..., X said."
	if c := lastIndexNorm(toks, ","); c > 0 && c+1 < len(toks) && !clauseConj[toks[c+1].tok.Norm] {
		tail := toks[c+1:]
		if a.hasSpeech(tail) && a.loose(tail) <= frameMax-1 && wordsIn(tail) <= 8 {
			if sp := firstEntity(tail, ments); sp != "" {
				p.speaker = sp
			}
			toks = toks[:c]
		}
	}
	// "X said (that) ...": a subject of names, roles and function words,
	// then a neutral verb of saying, or any verb of saying and "that".
	for i := 0; i < len(toks) && i < 10; i++ {
		t := toks[i]
		if t.ment >= 0 || t.role || t.tok.Kind == parallax.TokenPunct || a.stop[t.tok.Norm] && !a.speech[t.tok.Norm] {
			continue
		}
		if a.speech[t.tok.Norm] && i > 0 {
			j := i + 1
			for j < len(toks) && (toks[j].ment >= 0 || toks[j].role) {
				j++ // "told Araghchi"
			}
			that := j < len(toks) && toks[j].tok.Norm == "that"
			if that || a.stop[t.tok.Norm] {
				if that {
					j++
				}
				if sp := firstEntity(toks[:i], ments); sp != "" {
					p.speaker = sp
				}
				toks = toks[j:]
			}
		}
		break
	}
	p.toks = toks
	return p, len(toks) > 0
}

// sourceFrame reports whether a multi-word frame names a source after it
// ("according to", "as quoted by").
func (a *Aligner) sourceFrame(f []tokInfo) bool {
	last := f[len(f)-1].tok.Norm
	return last == "to" || last == "by" || last == "of"
}

// hasSpeech reports whether toks hold a verb of saying.
func (a *Aligner) hasSpeech(toks []tokInfo) bool {
	for _, t := range toks {
		if a.speech[t.tok.Norm] {
			return true
		}
	}
	return false
}

// hasFrameWord reports whether toks hold a verb of saying or a frame.
func (a *Aligner) hasFrameWord(toks []tokInfo) bool {
	for i, t := range toks {
		if a.speech[t.tok.Norm] || a.frameWords[t.tok.Norm] || a.frameAt(toks, i) > 0 {
			return true
		}
	}
	return false
}

// frameAt returns the index after the multi-word frame that starts at i,
// or 0.
func (a *Aligner) frameAt(toks []tokInfo, i int) int {
	for _, f := range a.frames {
		if i+len(f) > len(toks) {
			continue
		}
		ok := true
		for k, w := range f {
			if toks[i+k].tok.Norm != w {
				ok = false
				break
			}
		}
		if ok {
			return i + len(f)
		}
	}
	return 0
}

// loose counts the content words of toks that are not names, roles,
// verbs of saying or frame words.
func (a *Aligner) loose(toks []tokInfo) int {
	n := 0
	for _, t := range toks {
		if t.ment >= 0 || t.role || t.tok.Kind == parallax.TokenPunct || t.tok.Kind == parallax.TokenSymbol {
			continue
		}
		w := t.tok.Norm
		if a.stop[w] || a.speech[w] || a.frameWords[w] || a.times[w] {
			continue
		}
		n++
	}
	return n
}

func indexNorm(toks []tokInfo, norm string, from int) int {
	for i := from; i < len(toks); i++ {
		if toks[i].tok.Norm == norm {
			return i
		}
	}
	return -1
}

func lastIndexNorm(toks []tokInfo, norm string) int {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].tok.Norm == norm {
			return i
		}
	}
	return -1
}

// firstEntity returns the entity of the first mention among toks, or "".
func firstEntity(toks []tokInfo, ments []parallax.Mention) string {
	for _, t := range toks {
		if t.ment >= 0 && t.ment < len(ments) {
			return ments[t.ment].Entity
		}
	}
	return ""
}

// unitOf makes a claim unit of a piece when it has enough content: edge
// punctuation trimmed, the speaker resolved.
func (a *Aligner) unitOf(src string, p piece) (rawUnit, bool) {
	toks := p.toks
	for len(toks) > 0 && (toks[0].tok.Kind == parallax.TokenPunct || toks[0].tok.Kind == parallax.TokenSymbol || toks[0].tok.Norm == "that") {
		toks = toks[1:]
	}
	for len(toks) > 0 && (toks[len(toks)-1].tok.Kind == parallax.TokenPunct && !isClosingMark(toks[len(toks)-1].tok.Norm) || toks[len(toks)-1].tok.Kind == parallax.TokenSymbol) {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return rawUnit{}, false
	}
	content, lexical := 0, 0
	lastMent := -1
	for _, t := range toks {
		switch {
		case t.ment >= 0:
			if t.ment != lastMent {
				content++
			}
			lastMent = t.ment
		case t.role:
		case t.tok.Kind == parallax.TokenWord:
			switch {
			case a.stop[t.tok.Norm] || !hasLetter(t.tok.Norm):
			case a.times[bare(t.tok.Norm)]:
				content++
			default:
				content++
				lexical++
			}
		case t.tok.Kind == parallax.TokenPunct || t.tok.Kind == parallax.TokenSymbol:
		default:
			content++
		}
	}
	if content < minContent || lexical == 0 {
		return rawUnit{}, false
	}
	span := parallax.Span{Start: toks[0].tok.Start, End: toks[len(toks)-1].tok.End}
	if !utf8.ValidString(src[span.Start:span.End]) {
		return rawUnit{}, false
	}
	return rawUnit{
		span:    span,
		speaker: p.speaker,
		quoted:  p.quoted,
		toks:    toks,
	}, true
}

func isClosingMark(s string) bool {
	return s == "”" || s == "\"" || s == "’" || s == ")" || s == "»"
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r > 127 {
			return true
		}
	}
	return false
}
