package quote

import (
	"sort"
	"strings"

	"parallax"
)

// Confidences of the attribution patterns.
const (
	confAdjacent  = 0.95 // the cue and speaker stand next to the quote
	confSentence  = 0.9  // the cue stands elsewhere in the quote's sentence
	confSubject   = 0.8  // the speaker is the sentence's subject, reached through a participle or "and"
	confChain     = 0.05 // lost by a quote that takes its speaker from another part of the utterance
	confColon     = 0.85 // the sentence before ends with a colon
	confPrevQuote = 0.7  // the paragraph before is a quote of the same speaker
	confPrevSubj  = 0.6  // the sentence before has a speaker as subject
	confIntro     = 0.6  // the quote follows a colon or comma after narration whose subject is a speaker
	confPronoun   = 0.9  // factor for a pronoun resolved to a name of the right gender
	confGuess     = 0.75 // factor for a pronoun resolved to a name of unknown gender
	confNoAnte    = 0.6  // factor for a pronoun that resolves to nobody
)

// direct attributes the quoted stretches.
func (st *state) direct() []Attribution {
	for i := range st.pieces {
		p := &st.pieces[i]
		if p.unbalanced {
			continue
		}
		if p.kind == parallax.Direct {
			if a := st.cueAfterPiece(p); a.found() {
				p.res = a
			} else if a := st.cueBeforePiece(p); a.found() {
				p.res = a
			} else {
				p.res = st.bylineAfter(p)
			}
		} else {
			if a := st.cueBeforePiece(p); a.found() {
				p.res = a
			} else {
				p.res = st.cueAfterPiece(p)
			}
		}
	}
	// Parts of one utterance share its attribution: each takes that of
	// the nearest part with one, the earlier on a tie.
	next := make([]int, len(st.pieces)) // the next part of the chain with an attribution, or -1
	for i := len(st.pieces) - 1; i >= 0; i-- {
		next[i] = -1
		if i+1 < len(st.pieces) && st.pieces[i+1].chain == st.pieces[i].chain {
			next[i] = next[i+1]
			if st.pieces[i+1].res.found() {
				next[i] = i + 1
			}
		}
	}
	prev := -1 // the last part of the current chain with an attribution
	for i := range st.pieces {
		p := &st.pieces[i]
		if i > 0 && st.pieces[i-1].chain != p.chain {
			prev = -1
		}
		if p.res.found() {
			prev = i
			continue
		}
		if p.unbalanced {
			continue
		}
		best := prev
		if j := next[i]; j >= 0 && (best < 0 || j-i < i-best) {
			best = j
		}
		if best >= 0 {
			p.res = st.pieces[best].res
			p.res.conf -= confChain
			prev = i
		}
	}
	// A quote with no cue of its own takes the speaker of the sentence
	// before, or the subject of the narration that introduces it.
	for i := range st.pieces {
		p := &st.pieces[i]
		if p.res.found() || p.unbalanced || p.kind != parallax.Direct {
			continue
		}
		if i > 0 && st.pieces[i-1].chain == p.chain {
			continue
		}
		a := st.fromBefore(i)
		if !a.found() {
			a = st.introduced(i)
		}
		if !a.found() {
			continue
		}
		for j := i; j < len(st.pieces) && st.pieces[j].chain == p.chain; j++ {
			if !st.pieces[j].res.found() {
				st.pieces[j].res = a
			}
		}
	}
	n := 0
	for i := range st.pieces {
		if st.pieces[i].kind != parallax.Partial || st.pieces[i].res.found() {
			n++
		}
	}
	out := make([]Attribution, 0, n)
	for i := range st.pieces {
		p := &st.pieces[i]
		if p.kind == parallax.Partial && !p.res.found() {
			continue // a scare quote, a title: nobody is quoted
		}
		a := st.finish(p.res, p.span, p.kind)
		if p.unbalanced {
			a = st.finish(attr{}, p.span, p.kind)
			a.Quote.Confidence = 0.3
		}
		out = append(out, a)
	}
	return out
}

// finish resolves the speaker and builds the attribution.
func (st *state) finish(a attr, span parallax.Span, kind string) Attribution {
	out := Attribution{Quote: parallax.Quote{Span: span, Text: span.In(st.src), Kind: kind}}
	if !a.found() {
		out.Quote.Confidence = 0.5
		return out
	}
	if kind != parallax.Indirect && a.sp.outlet != "" && !st.personal(a.sp) {
		// “…,” the Interfax agency reported: the agency passes the quote
		// on; who spoke it the text does not say.
		if a.via == "" {
			a.via = st.viaName(a.sp)
		}
		a.sp = np{}
	}
	if a.sp.kind != 0 && a.ante == (parallax.Span{}) {
		st.resolve(&a)
	}
	out.CueSpan = a.cue
	out.Quote.Cue, out.Quote.Stance = a.cueTxt, a.stance
	out.Quote.Via = a.via
	out.Quote.Confidence = a.conf
	if a.conf < MinConfidence || a.sp.kind == 0 {
		out.Quote.Confidence = min(a.conf, 0.5)
		return out
	}
	out.Quote.SpeakerText = a.sp.span.In(st.src)
	out.Quote.SpeakerSpan = a.sp.span
	out.Antecedent, out.Name = a.ante, a.name
	return out
}

// resolve finds the name a speaker phrase stands for.
func (st *state) resolve(a *attr) {
	switch a.sp.kind {
	case npName:
		a.ante, a.name = a.sp.span, a.sp.span.In(st.src)
	case npPronoun:
		m, sure := st.antecedent(a.sp)
		if m < 0 {
			a.conf *= confNoAnte
			return
		}
		a.ante = st.people[m].n.span
		a.name = a.ante.In(st.src)
		if sure {
			a.conf *= confPronoun
		} else {
			a.conf *= confGuess
		}
		if g := a.sp.agr; g == 'm' || g == 'f' {
			if k := st.surname(st.people[m].n); st.gender[k] == 0 {
				st.gender[k] = g
			}
		}
	}
}

// antecedent returns the index in st.people of the name the pronoun n
// stands for, or -1, and whether the gender agreed for sure.
func (st *state) antecedent(n np) (int, bool) {
	if n.agr == 's' {
		return -1, false
	}
	sent := st.toks[n.lo].sent
	best, bestScore, bestSure := -1, -1e9, false
	first := sort.Search(len(st.people), func(i int) bool { return st.people[i].n.span.Start >= n.span.Start })
	for i := first - 1; i >= 0 && first-i <= maxCandidates; i-- {
		m := &st.people[i]
		d := sent - m.sent
		if d > 6 {
			break
		}
		sure := false
		if n.agr == 'p' {
			if m.n.agr != 'p' {
				continue
			}
		} else {
			if m.n.agr == 'p' {
				continue
			}
			g := st.gender[st.surname(m.n)]
			if g != 0 && g != n.agr {
				continue
			}
			sure = g == n.agr
		}
		score := -float64(d)
		if m.subject {
			score += 1.5
		}
		if m.speaker {
			score += 1
		}
		if sure {
			score += 0.5
		}
		score -= float64(n.span.Start-m.n.span.End) / 1e6
		if score > bestScore {
			best, bestScore, bestSure = i, score, sure
		}
	}
	return best, bestSure
}

// cueAfterPiece looks for the attribution that follows a quote.
func (st *state) cueAfterPiece(p *piece) attr {
	if p.close < 0 {
		return attr{}
	}
	s := st.toks[p.close].sent
	a, b := p.close+1, st.sentHi[s]
	for i := a; i < b; i++ {
		if st.inPc[i] >= 0 {
			b = i
			break
		}
	}
	return st.cueAfter(a, b, p.kind == parallax.Direct)
}

// cueAfter reads an attribution in [a, b) that follows a quote: ", he
// said", ", said Peskov", ", according to X", ", the minister told reporters".
// direct tells that the quote before is direct speech, which any verb of
// saying may follow with its speaker inverted ("“…!” beamed Ann Lee").
func (st *state) cueAfter(a, b int, direct bool) attr {
	i := a
	for i < b && !st.toks[i].word && st.toks[i].mark == markNone {
		i++
	}
	if i >= b {
		return attr{}
	}
	if st.isAccordingTo(i) {
		if n := st.npAfter(i+2, b); n.ok() {
			r := st.mkAttr(n, i, i+2, confAdjacent)
			return r
		}
		return attr{}
	}
	if i > a && isDash(st.toks[i-1].text) && st.nameWord(i) {
		// “…” ― Adriana Rodarte
		if e := st.nameRunFwd(i, b); e > i && (e == b || !st.toks[e].word) {
			if n := st.nameNP(i, e); n.kind == npName {
				return st.mkAttr(n, -1, -1, confSentence)
			}
		}
	}
	// Right after a quote that ends as speech does (“…,” “…!” “…?”), any
	// verb of saying in a finite form may stand before its speaker:
	// "“…!” beamed Ann Lee".
	spoken := direct && a >= 2 && st.toks[a-1].mark != markNone && (st.toks[a-2].text == "," || st.toks[a-2].text == "!" || st.toks[a-2].text == "?")
	if st.isCue(i) && (st.x.lx.frames[st.toks[i].norm]&frameInvert != 0 || spoken && st.finiteCue(i) && !st.isParticiple(i)) {
		n := st.npAfter(i+1, b)
		if !n.ok() {
			// Right after the quote and its verb, any determiner phrase
			// is the speaker: "“…,” said the printed slate card".
			n = st.loosePhrase(i+1, b)
		}
		if n.ok() {
			r := st.mkAttr(n, i, i+1, confAdjacent)
			st.extendCue(&r, n.hi, b)
			st.viaIn(&r, i+1, b)
			return r
		}
	}
	for j := i; j < b && j-i < 24; j++ {
		if !st.isCue(j) || st.isParticiple(j) {
			continue
		}
		n := st.npBefore(j, i)
		if n.ok() && n.lo > i+1 && st.toks[n.lo-1].text == "," && st.looseNP(i, n.lo-1) {
			n.lo = i // "another friend, Mariam Emara told CNN"
		}
		if n.ok() && n.kind == npName && n.lo > i+1 && st.describes(i, n.lo) {
			n.lo = i // "Trump lawyer Marc Kasowitz said"
		}
		if !n.ok() && st.looseNP(i, j) {
			// "the gambling tycoon told Reuters"
			n = np{lo: i, hi: j, kind: npRole, agr: st.roleAgreement(j - 1)}
			n.span = parallax.Span{Start: st.toks[i].span.Start, End: st.toks[j-1].span.End}
		}
		if !n.ok() || n.lo > i+1 {
			break
		}
		r := st.mkAttr(n, j, j+1, confAdjacent)
		if q, ok := st.quotedAs(j, b); ok {
			// "the agency quoted him as saying"
			r = q
		}
		st.extendCue(&r, j+1, b)
		st.viaIn(&r, j+1, b)
		return r
	}
	return attr{}
}

// bylineAfter reads a credit line after a quote that ends its sentence: a
// dash and a name standing alone, on the same line or in the next
// paragraph ("“…” ― Sonya Herridge", "“…”\n\n- Bernie Sanders.").
func (st *state) bylineAfter(p *piece) attr {
	if p.close < 0 {
		return attr{}
	}
	s := st.toks[p.close].sent
	for k := p.close + 1; k < st.sentHi[s]; k++ {
		if st.toks[k].word || st.toks[k].mark != markNone {
			return attr{}
		}
	}
	ns := s + 1
	for ns < len(st.sentLo) && st.sentLo[ns] < 0 && st.paraOf[ns] >= 0 {
		ns++
	}
	if ns >= len(st.sentLo) || st.sentLo[ns] < 0 || st.paraOf[ns]-st.paraOf[s] > 1 {
		return attr{}
	}
	lo, hi := st.sentLo[ns], st.sentHi[ns]
	if hi-lo < 2 || !isDash(st.toks[lo].text) || st.inPc[lo] >= 0 {
		return attr{}
	}
	e := st.nameRunFwd(lo+1, hi)
	if e <= lo+1 {
		return attr{}
	}
	// Nothing but a description after a comma may follow the name.
	if e < hi && st.toks[e].text != "," && !(st.toks[e].text == "." && e+1 == hi) {
		return attr{}
	}
	n := st.nameNP(lo+1, e)
	if n.kind != npName {
		return attr{}
	}
	conf := confSentence
	if st.paraOf[ns] != st.paraOf[s] {
		conf = confColon
	}
	return st.mkAttr(n, -1, -1, conf)
}

// cueBeforePiece looks for the cue before a quote in its sentence: "X
// said: “…”", "X called the strikes “…”", "…, calling it “…”".
func (st *state) cueBeforePiece(p *piece) attr {
	s := st.toks[p.open].sent
	return st.cueBefore(st.sentLo[s], p.open, s)
}

func (st *state) cueBefore(lo, e, s int) attr {
	if e-1 > lo && st.toks[e-1].text == ":" && st.nameWord(e-2) {
		// "Carl Bialik: “…”", a name that stands alone before the colon;
		// not "… told Fox News: “…”".
		ns := st.nameRunBack(e-1, lo)
		if n := st.nameNP(ns, e-1); n.kind == npName && (ns == lo || !st.toks[ns-1].word) {
			return st.mkAttr(n, -1, -1, confColon)
		}
	}
	if r := st.saidFirst(lo, e); r.found() {
		return r
	}
	tries := 0
	for j := e - 1; j >= max(lo, e-maxReach) && tries < 2; j-- {
		if st.inPc[j] >= 0 {
			continue
		}
		if st.isAccordingTo(j) {
			if n := st.npAfter(j+2, e); n.ok() {
				return st.mkAttr(n, j, j+2, confSentence)
			}
			continue
		}
		if !st.isCue(j) {
			continue
		}
		tries++
		if st.negatedCue(j, lo) {
			continue // "X did not call it “a defeat”": not X's words
		}
		conf := confSentence
		if e-j <= 3 {
			conf = confAdjacent
		}
		if st.isParticiple(j) {
			if j > lo && st.toks[j-1].norm == "as" {
				if r, ok := st.quotedBefore(j, lo, e); ok {
					return r
				}
			}
			if j > lo && st.toks[j-1].word {
				// "Netanyahu announcing “…”"; not "… on Facebook, writing".
				if n := st.npBefore(j, lo); n.ok() && n.kind == npName && !st.afterPreposition(n, lo) {
					return st.mkAttr(n, j, j+1, confSentence)
				}
			}
			if j-2 >= lo && st.toks[j-1].text == "," && st.nameWord(j-2) {
				// "Trump, telling Reuters, “…”": the name before the comma
				// speaks only when it is the clause's subject; in "… between
				// Moscow and Tehran, calling it “…”" the subject does.
				ns := st.nameRunBack(j-1, lo)
				if n := st.nameNP(ns, j-1); n.kind == npName && (ns == lo || st.subjOK[s] && st.subj[s].span == n.span) {
					return st.mkAttr(n, j, j+1, confSentence)
				}
			}
			if r := st.subjectOf(j, lo, s); r.found() {
				return r
			}
			continue
		}
		n := st.npBefore(j, lo)
		if n.ok() && !st.baseSubject(j, n) {
			n = np{} // "the Iranian state": a base form needs a plural subject
		}

		if n.ok() && n.kind == npRole && n.outlet == "" && n.lo > lo && st.toks[n.lo-1].word && !st.toks[n.lo-1].cap && !st.x.lx.dets[st.toks[n.lo-1].norm] && st.x.lx.stops[st.toks[n.lo-1].norm] {
			// "the strikes that the minister condemned": fine; but a role
			// phrase glued to a preposition is an object, not a subject.
			if st.toks[n.lo-1].norm != "that" && st.toks[n.lo-1].norm != "and" && st.toks[n.lo-1].norm != "but" {
				n = np{}
			}
		}
		if n.ok() {
			r := st.mkAttr(n, j, j+1, conf)
			st.extendCue(&r, j+1, e)
			st.viaBefore(&r, n.lo, lo)
			st.viaIn(&r, max(lo, e-maxReach), e)
			return r
		}
		// "X described … and declared …": the subject of the sentence.
		if r := st.subjectOf(j, lo, s); r.found() {
			return r
		}
	}
	return attr{}
}

// saidFirst reads a sentence that opens with its verb of saying and its
// speaker, the quote after a comma or colon: "Said Comey, “…”", "Said
// Ann Lee, who grew up there, “…”".
func (st *state) saidFirst(lo, e int) attr {
	if e-lo < 3 || !st.toks[lo].cap || st.x.lx.frames[st.toks[lo].norm]&frameInvert == 0 || st.x.lx.base[st.toks[lo].norm] {
		return attr{}
	}
	if c := st.toks[e-1].text; c != "," && c != ":" {
		return attr{}
	}
	n := st.npAfter(lo+1, e-1)
	if !n.ok() || n.kind == npPronoun {
		return attr{}
	}
	if n.hi != e-1 && st.toks[n.hi].text != "," {
		return attr{}
	}
	return st.mkAttr(n, lo, lo+1, confSentence)
}

// afterPreposition reports whether the phrase n is the object of a
// preposition ("took to Twitter", "on Facebook"), not a subject.
func (st *state) afterPreposition(n np, lo int) bool {
	return st.governor(n.lo, lo) >= 0
}

// subjectOf attributes a cue without a subject of its own (a participle,
// a verb after "and") to the sentence's main speaker: the subject of an
// earlier verb of saying, else the sentence's subject.
func (st *state) subjectOf(j, lo, s int) attr {
	if st.subjOK[s] && st.subj[s].hi <= j && st.subj[s].outlet == "" {
		// The subject's own verb speaks: "Peskov said Russia condemned the
		// strikes, adding …" is Peskov adding.
		for k := st.subj[s].hi; k < j && k-st.subj[s].hi < 4; k++ {
			if st.isCue(k) && !st.isParticiple(k) && st.baseSubject(k, st.subj[s]) {
				return st.mkAttr(st.subj[s], j, j+1, confSubject)
			}
			if !st.skippable(k) {
				break
			}
		}
	}
	for k := j - 1; k >= max(lo, j-maxReach); k-- {
		if st.inPc[k] >= 0 || !st.isCue(k) || st.isParticiple(k) || !st.finiteCue(k) {
			continue
		}
		if n := st.npBefore(k, lo); n.ok() && st.baseSubject(k, n) {
			r := st.mkAttr(n, j, j+1, confSubject)
			return r
		}
	}
	if st.subjOK[s] && st.subj[s].hi <= j {
		return st.mkAttr(st.subj[s], j, j+1, confSubject)
	}
	return attr{}
}

// fromBefore attributes a quote that opens its sentence with no cue of its
// own to the speaker of the sentence before: the cue of a sentence that
// ends with a colon, the speaker of the quote just before, or the subject
// of a sentence that speaks.
func (st *state) fromBefore(i int) attr {
	p := &st.pieces[i]
	s := st.toks[p.open].sent
	if st.sentLo[s] != p.open {
		// Narration before the quote in its sentence: not a free quote.
		for k := st.sentLo[s]; k < p.open; k++ {
			if st.toks[k].word {
				return attr{}
			}
		}
	}
	ps := s - 1
	for ps >= 0 && st.sentLo[ps] < 0 {
		if st.paraOf[ps] < 0 {
			return attr{}
		}
		ps--
	}
	if ps < 0 || st.paraOf[s]-st.paraOf[ps] > 1 {
		return attr{}
	}
	lo, hi := st.sentLo[ps], st.sentHi[ps]
	// The quote before, when it ends the sentence before.
	if i > 0 {
		q := &st.pieces[i-1]
		if q.res.found() && q.close >= 0 && st.toks[q.close].sent >= ps && q.res.sp.ok() {
			r := q.res
			r.conf = min(r.conf, confPrevQuote)
			return r
		}
	}
	if st.toks[hi-1].text == ":" {
		if r := st.cueBefore(lo, hi-1, ps); r.found() {
			r.conf = min(r.conf, confColon)
			return r
		}
		if st.subjOK[ps] {
			return st.mkAttr(st.subj[ps], hi-1, hi-1, confColon)
		}
		return attr{}
	}
	// A sentence whose subject speaks: "Peskov strongly condemned the attacks."
	if st.subjOK[ps] {
		n := st.subj[ps]
		if n.kind == npName || n.kind == npPronoun || (n.kind == npRole && n.agr != 'p') {
			for k := n.hi; k < hi && k-n.hi < 4; k++ {
				if st.isCue(k) && !st.isParticiple(k) {
					r := st.mkAttr(n, k, k+1, confPrevSubj+0.1)
					return r
				}
			}
			if n.kind != npRole {
				r := st.mkAttr(n, -1, -1, confPrevSubj)
				return r
			}
		}
	}
	return attr{}
}

// introduced attributes a direct quote that follows a colon or a comma
// after narration with no verb of saying to the subject of that narration:
// "Trump leaned in and boomed: “…”", "She shot back, “…”". The verb
// is not known to speak, so the confidence is low.
func (st *state) introduced(i int) attr {
	p := &st.pieces[i]
	o := p.open
	s := st.toks[o].sent
	if o == 0 || st.toks[o-1].sent != s || (st.toks[o-1].text != ":" && st.toks[o-1].text != ",") {
		return attr{}
	}
	if !st.subjOK[s] || st.subj[s].hi >= o-1 {
		return attr{}
	}
	return st.mkAttr(st.subj[s], -1, -1, confIntro)
}

// mkAttr builds an attribution to speaker n with the cue at tokens [c, ce).
func (st *state) mkAttr(n np, c, ce int, conf float64) attr {
	r := attr{sp: n, conf: conf}
	if c >= 0 && ce > c {
		r.cue = parallax.Span{Start: st.toks[c].span.Start, End: st.toks[ce-1].span.End}
		r.cueTxt = strings.ToLower(r.cue.In(st.src))
		r.stance = st.x.lx.stance[st.toks[c].norm]
		if r.stance == "" {
			r.stance = st.multiStance(r.cueTxt)
		}
	}
	// A quote an outlet reports: keep the outlet as the speaker only when
	// no one else is named; the via checks below may find the real one.
	if i := sort.Search(len(st.people), func(i int) bool { return st.people[i].n.span.Start >= n.span.Start }); i < len(st.people) && st.people[i].n.span == n.span {
		st.people[i].speaker = true
	}
	return r
}

func (st *state) multiStance(cue string) string {
	for _, c := range st.x.lx.cues {
		if strings.Join(c.words, " ") == cue {
			return c.stance
		}
	}
	return "neutral"
}

// extendCue adds a modifier such as "in a statement" to the cue when it
// follows the verb (after its hearer: "told reporters in a statement").
func (st *state) extendCue(r *attr, i, b int) {
	if i >= b {
		return
	}
	if st.x.lx.frames[strings.ToLower(r.cueTxt)]&frameObject != 0 {
		if n := st.npAfter(i, b); n.ok() {
			i = n.hi
		} else if i < b && st.toks[i].word && !st.toks[i].cap && st.isSpeakerNoun(i) {
			i++ // "told reporters"
		}
	}
	for _, c := range st.x.lx.cues {
		if c.role != cueModifier || i+len(c.words) > b {
			continue
		}
		ok := true
		for k, w := range c.words {
			if st.toks[i+k].norm != w {
				ok = false
				break
			}
		}
		if ok {
			r.cueTxt += " " + strings.Join(c.words, " ")
			return
		}
	}
}

// viaIn finds "according to X" in [a, b) where X is an outlet, and makes X
// the quote's Via.
func (st *state) viaIn(r *attr, a, b int) {
	if r.via != "" {
		return
	}
	for i := a; i+1 < b; i++ {
		if !st.isAccordingTo(i) {
			continue
		}
		n := st.npAfter(i+2, b)
		if n.ok() && n.span != r.sp.span {
			if n.outlet != "" {
				r.via = n.outlet
				if n.kind == npName {
					r.via = st.viaName(n)
				}
			} else if r.sp.kind == npName && n.kind == npName {
				r.via = st.viaName(n)
			}
		}
		return
	}
}

// viaBefore finds "Tass added that X …" before the speaker phrase that
// starts at token s: an outlet reporting what the speaker said.
func (st *state) viaBefore(r *attr, s, lo int) {
	j := s - 1
	if j >= lo && st.toks[j].norm == "that" {
		j--
	}
	if j < lo || !st.isCue(j) {
		return
	}
	n := st.npBefore(j, lo)
	if n.ok() && n.outlet != "" {
		r.via = st.viaName(n)
	}
}

// viaName is the name of an outlet phrase: the agency as the list spells
// it, the name in "the Iranian outlet PressTV", or the phrase.
func (st *state) viaName(n np) string {
	t := n.span.In(st.src)
	if ag, ok := st.x.lx.agencies[strings.ToLower(t)]; ok {
		return ag
	}
	// "the Interfax agency": the name inside the phrase.
	for i := n.lo; i < n.hi && i < len(st.toks); i++ {
		if !st.toks[i].cap || !st.toks[i].word || st.x.lx.dets[st.toks[i].norm] {
			continue
		}
		e := min(st.nameRunFwd(i, n.hi), len(st.toks))
		if e <= i {
			continue
		}
		name := parallax.Span{Start: st.toks[i].span.Start, End: stripPossessive(st.toks[e-1]).End}.In(st.src)
		if ag, ok := st.x.lx.agencies[strings.ToLower(name)]; ok {
			return ag
		}
		i = e - 1
	}
	return t
}

// quotedAs reads "X quoted Y as saying" with the verb at j: speaker Y via X.
func (st *state) quotedAs(j, b int) (attr, bool) {
	for _, c := range st.x.lx.cues {
		if c.role != cueQuoted || c.words[0] != st.toks[j].norm {
			continue
		}
		outer := st.npBefore(j, 0)
		inner := st.npAfter(j+1, b)
		if !inner.ok() {
			continue
		}
		k := inner.hi
		ok := true
		for _, w := range c.words[2:] {
			if k >= b || st.toks[k].norm != w {
				ok = false
				break
			}
			k++
		}
		if !ok {
			continue
		}
		r := st.mkAttr(inner, j, j+1, confAdjacent)
		r.cue = parallax.Span{Start: st.toks[j].span.Start, End: st.toks[k-1].span.End}
		r.cueTxt = strings.Join(c.words, " ")
		r.stance = c.stance
		if outer.ok() {
			r.via = st.viaName(outer)
		}
		return r, true
	}
	return attr{}, false
}

// quotedBefore reads "X quoted Y as saying “…”" backwards from the
// participle at j.
func (st *state) quotedBefore(j, lo, e int) (attr, bool) {
	for k := j - 2; k >= lo && j-k < 10; k-- {
		for _, c := range st.x.lx.cues {
			if c.role == cueQuoted && c.words[0] == st.toks[k].norm {
				return st.quotedAs(k, e)
			}
		}
	}
	return attr{}, false
}

// looseNP reports whether [a, b) reads as a short determiner phrase: "the
// gambling tycoon", "another friend". Right after a quote and before its
// verb, any such phrase is the speaker.
func (st *state) looseNP(a, b int) bool {
	if b-a < 2 || b-a > 6 || !(st.x.lx.dets[st.toks[a].norm] || isPossessive(st.toks[a].norm)) {
		return false
	}
	for k := a; k < b; k++ {
		if !st.toks[k].word || st.x.lx.stops[st.toks[k].norm] && k > a {
			return false
		}
	}
	return true
}

// loosePhrase reads a short determiner phrase that starts at token s,
// up to a stop word or punctuation: "the authors" in "the authors of the
// report". It takes a phrase no list knows, so only a position that
// leaves no doubt should ask for it.
func (st *state) loosePhrase(s, hi int) np {
	if s >= hi || !st.x.lx.dets[st.toks[s].norm] {
		return np{}
	}
	e := s + 1
	for e < hi && e-s <= 6 && st.toks[e].word && !st.x.lx.stops[st.toks[e].norm] && !st.finiteCue(e) && st.toks[e].mark == markNone {
		e++
	}
	if e-s < 2 || e-s > 6 {
		return np{}
	}
	n := np{lo: s, hi: e, kind: npRole, agr: st.roleAgreement(e - 1)}
	n.span = parallax.Span{Start: st.toks[s].span.Start, End: st.toks[e-1].span.End}
	st.outletCheck(&n)
	return n
}

func isDash(s string) bool { return s == "—" || s == "―" || s == "–" || s == "-" }

// describes reports whether [a, b) is a short description standing before
// a name: "Trump lawyer", "election law expert", "his friend".
func (st *state) describes(a, b int) bool {
	if b-a > 7 {
		return false
	}
	for k := a; k < b; k++ {
		t := &st.toks[k]
		if !(t.word || t.text == "." || t.text == "&" || t.text == "-") || st.finiteCue(k) || t.norm == "and" || t.norm == "but" {
			return false
		}
	}
	return true
}

// maxReach is how many tokens back from a quote or a cue the extractor
// looks for the words that attribute it. News sentences are shorter; the
// bound keeps the work linear on text with no sentence breaks.
const maxReach = 80

// maxCandidates is how many earlier names a pronoun is weighed against.
const maxCandidates = 60

// titled reports whether a quoted stretch is a name or a title in title
// case rather than speech: “Operation Rising Lion”, “The Art of the Deal”.
// It has two to eight words, each capitalised or a small word of a title,
// the first capitalised, and no sentence punctuation before its end.
func (st *state) titled(p *piece) bool {
	if p.close < 0 {
		return false
	}
	words := 0
	for i := p.open + 1; i < p.close; i++ {
		t := &st.toks[i]
		if !t.word {
			if (t.text == "." || t.text == "," || t.text == "!" || t.text == "?") && i+1 < p.close || t.text == ":" || t.text == ";" {
				return false
			}
			continue
		}
		words++
		if words > 8 || !t.cap && (words == 1 || !st.x.lx.smallWords[t.norm]) {
			return false
		}
		if words == 1 && st.x.lx.pronouns[t.norm] != 0 {
			return false // “I Can't Breathe” is speech
		}
	}
	return words >= 2
}

// personal reports whether the name n is the surname of a person named in
// full elsewhere in the text: "Bloomberg" after "Michael Bloomberg" is the
// man, not the agency.
func (st *state) personal(n np) bool {
	return n.kind == npName && st.fullNames[strings.ToLower(n.span.In(st.src))]
}
