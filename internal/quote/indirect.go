package quote

import (
	"strings"

	"parallax"
)

// indirect finds reported speech without quotation marks: "X said (that)
// …", "X described the acts as …", "according to X, …", "…, X said.".
func (st *state) indirect() []Attribution {
	used := map[parallax.Span]bool{}
	for _, p := range st.pieces {
		if p.res.found() && p.kind == parallax.Direct {
			used[p.res.cue] = true
		}
	}
	var out []Attribution
	for s := range st.doc.Sentences {
		lo, hi := st.sentLo[s], st.sentHi[s]
		if lo < 0 {
			continue
		}
		done := false
		for j := lo; j < hi && !done; j++ {
			if st.inPc[j] >= 0 {
				continue
			}
			if st.isAccordingTo(j) {
				if a, ok := st.according(j, lo, hi); ok {
					out = append(out, a)
					done = true
				}
				continue
			}
			if !st.isCue(j) {
				continue
			}
			cs := parallax.Span{Start: st.toks[j].span.Start, End: st.toks[j].span.End}
			if used[cs] {
				continue
			}
			if a, ok := st.reported(j, lo, hi, s); ok {
				out = append(out, a)
				used[cs] = true
			}
		}
		if !done {
			if a, ok := st.trailing(lo, hi, used); ok {
				out = append(out, a)
			}
		}
	}
	return out
}

// reported reads "X said (that) CLAUSE" with the cue verb at j.
func (st *state) reported(j, lo, hi, s int) (Attribution, bool) {
	norm := st.toks[j].norm
	fr := st.x.lx.frames[norm]
	var r attr
	sub := false // the report is a subordinate clause: "While Putin said …, …"
	if st.isParticiple(j) {
		// "…, saying …", "responded by saying …"
		if j == lo || st.toks[j-1].text != "," && !st.x.lx.preps[st.toks[j-1].norm] && !st.x.lx.subords[st.toks[j-1].norm] && !(j-2 >= lo && st.toks[j-1].mark != markNone && st.toks[j-2].text == ",") {
			return Attribution{}, false
		}
		r = st.subjectOf(j, lo, s)
		if !r.found() {
			return Attribution{}, false
		}
	} else {
		n := st.npBefore(j, lo)
		if !n.ok() || !st.baseSubject(j, n) || st.negatedCue(j, lo) {
			return Attribution{}, false
		}
		r = st.mkAttr(n, j, j+1, confSentence)
		sub = n.lo > lo && st.x.lx.subords[st.toks[n.lo-1].norm]
	}
	k := j + 1
	cs := -1
	for m := k; m < hi && m < k+9; m++ {
		t := &st.toks[m]
		if st.inPc[m] >= 0 || t.text == "." || t.text == ";" || st.isCue(m) && m > k {
			break
		}
		if t.norm == "that" {
			cs = m
			break
		}
	}
	switch {
	case cs >= 0:
	case fr&frameAs != 0:
		for m := k; m < hi && m < k+12; m++ {
			if st.toks[m].norm == "as" {
				cs = k
				break
			}
		}
	case fr&frameClause != 0:
		if fr&frameObject != 0 {
			if n := st.npAfter(k, hi); n.ok() {
				k = n.hi
			} else if k < hi && st.isSpeakerNoun(k) {
				k++
			}
		}
		for k < hi && (st.toks[k].text == "," || st.x.lx.dates[st.toks[k].norm] || st.toks[k].norm == "on" && k+1 < hi && st.x.lx.dates[st.toks[k+1].norm]) {
			k++
		}
		if k < hi && st.toks[k].word && !st.x.lx.preps[st.toks[k].norm] && !st.x.lx.notClause[st.toks[k].norm] && !st.isParticiple(k) {
			cs = k
		}
		if cs >= 0 && fr&frameNoun != 0 && !st.finiteClause(cs, hi) {
			// "Israel has maintained continuous attacks": a noun object.
			cs = -1
		}
	}
	if cs < 0 || cs >= hi || st.toks[cs].mark != markNone {
		return Attribution{}, false
	}
	ce := st.clauseEnd(cs, hi)
	if sub {
		ce = st.subordinateEnd(cs, ce)
	}
	if ce <= cs {
		return Attribution{}, false
	}
	// An outlet reporting what someone said: the inner report is the one.
	if r.sp.outlet != "" {
		for m := cs; m < ce && m < cs+10; m++ {
			if st.isCue(m) && !st.isParticiple(m) {
				if n := st.npBefore(m, cs); n.ok() && n.lo <= cs+1 {
					return Attribution{}, false
				}
				break
			}
		}
	}
	span := parallax.Span{Start: st.toks[cs].span.Start, End: st.toks[ce-1].span.End}
	if st.quotedShare(cs, ce) {
		return Attribution{}, false
	}
	st.extendCue(&r, j+1, cs)
	if r.sp.ok() {
		st.viaBefore(&r, r.sp.lo, lo)
	}
	st.viaIn(&r, max(lo, j-maxReach), min(hi, ce+maxReach))
	return st.finish(r, span, parallax.Indirect), true
}

// clauseEnd returns the end of a reported clause that starts at cs: the end
// of the sentence, or the comma before a participle cue or "according to",
// without the closing punctuation.
func (st *state) clauseEnd(cs, hi int) int {
	hi = min(hi, cs+maxClause)
	ce := hi
	for m := cs; m < hi; m++ {
		t := &st.toks[m]
		if st.inPc[m] >= 0 {
			if p := &st.pieces[st.inPc[m]]; p.close == m && m > cs && st.toks[m-1].text == "," && m+1 < hi && st.isCue(m+1) && st.isParticiple(m+1) {
				// “…,” adding …: the quote's comma closes the clause.
				ce = m + 1
				break
			}
			continue
		}
		if t.text == ";" || t.norm == "and" && m > cs && m+1 < hi && st.finiteCue(m+1) {
			// "… were legitimate self-defence and thanked Russia": the
			// speaker's next act is no part of the report.
			ce = m
			break
		}
		if t.text == "," && m+1 < hi && (st.isAccordingTo(m+1) || st.isCue(m+1) && st.isParticiple(m+1)) {
			ce = m
			break
		}
	}
	for ce > cs && !st.toks[ce-1].word && st.toks[ce-1].mark == markNone && !isClosing(st.toks[ce-1].text) {
		ce--
	}
	return ce
}

// subordinateEnd returns where a report made in a subordinate clause ends:
// at the comma that closes the clause, outside quotation marks ("While
// Putin reiterated support for Iran, questions remain …"), else at ce.
func (st *state) subordinateEnd(cs, ce int) int {
	for m := cs + 1; m < ce; m++ {
		if st.toks[m].text == "," && st.inPc[m] < 0 {
			return m
		}
	}
	return ce
}

// negatedCue reports whether the verb of saying at j is negated: a
// negation among the auxiliaries and adverbs right before it ("the IAEA
// has not reported …", "he didn't say"). A negated verb reports nothing.
func (st *state) negatedCue(j, lo int) bool {
	for k := j - 1; k >= lo && j-k <= 4; k-- {
		n := st.toks[k].norm
		if st.x.lx.negations[n] || strings.HasSuffix(n, "n't") {
			return true
		}
		if !st.skippable(k) && !st.x.lx.finite[n] {
			return false
		}
	}
	return false
}

// finiteClause reports whether the words from cs read as a finite clause:
// a short subject, then an auxiliary, a form of "be" or "have", or a verb
// of saying ("he added the talks were useful"), before any punctuation.
func (st *state) finiteClause(cs, hi int) bool {
	for m := cs + 1; m < hi && m-cs <= 8; m++ {
		t := &st.toks[m]
		if !t.word || st.inPc[m] >= 0 {
			return false
		}
		if st.x.lx.finite[t.norm] || strings.HasSuffix(t.norm, "n't") || st.finiteCue(m) {
			return true
		}
	}
	return false
}

// maxClause is the most tokens a reported clause may run.
const maxClause = 160

func isClosing(s string) bool { return s == ")" || s == "]" }

// quotedShare reports whether most of [cs, ce) is inside quotation marks:
// a direct quote, reported as such.
func (st *state) quotedShare(cs, ce int) bool {
	in, all := 0, 0
	for m := cs; m < ce; m++ {
		if !st.toks[m].word {
			continue
		}
		all++
		if st.inPc[m] >= 0 {
			in++
		}
	}
	return all == 0 || 2*in > all
}

// according reads "according to X, CLAUSE" and "CLAUSE, according to X".
func (st *state) according(j, lo, hi int) (Attribution, bool) {
	n := st.npAfter(j+2, hi)
	if !n.ok() {
		return Attribution{}, false
	}
	r := st.mkAttr(n, j, j+2, confSentence)
	var cs, ce int
	switch {
	case j == lo:
		cs = n.hi
		for cs < hi && st.toks[cs].text != "," {
			cs++
		}
		cs++
		ce = st.clauseEnd(cs, hi)
	case st.toks[j-1].text == ",":
		cs, ce = lo, j-1
		// "…, Araghchi told reporters, according to PressTV": the clause
		// has its own speaker; the outlet is the via, handled with it.
		for m := lo; m < ce; m++ {
			if st.isCue(m) && st.inPc[m] < 0 {
				return Attribution{}, false
			}
		}
	default:
		return Attribution{}, false
	}
	if cs >= ce || ce > hi || st.quotedShare(cs, ce) {
		return Attribution{}, false
	}
	span := parallax.Span{Start: st.toks[cs].span.Start, End: st.toks[ce-1].span.End}
	return st.finish(r, span, parallax.Indirect), true
}

// trailing reads "CLAUSE, X said." and "CLAUSE, said X." at the end of a
// sentence with no quotation marks.
func (st *state) trailing(lo, hi int, used map[parallax.Span]bool) (Attribution, bool) {
	e := hi
	for e > lo && !st.toks[e-1].word {
		if st.toks[e-1].mark != markNone || st.inPc[e-1] >= 0 {
			return Attribution{}, false
		}
		e--
	}
	// Find the last comma; the attribution after it must be short.
	c := -1
	for m := e - 1; m > lo && e-m <= 10; m-- {
		if st.inPc[m] >= 0 {
			return Attribution{}, false
		}
		if st.toks[m].text == "," {
			c = m
			break
		}
	}
	if c <= lo {
		return Attribution{}, false
	}
	if st.x.lx.relatives[st.toks[c+1].norm] {
		// "…, which Tehran has denounced as …": a relative clause.
		return Attribution{}, false
	}
	r := st.cueAfter(c+1, e, false)
	if !r.found() || used[r.cue] {
		return Attribution{}, false
	}
	// The cue must end the attribution: nothing after it but its hearer
	// and modifiers ("told reporters on Monday"), never a complement
	// ("denounced as violations", "said that …").
	words := 0
	for m := c + 1; m < e; m++ {
		if st.toks[m].word && st.toks[m].span.Start >= r.cue.End {
			words++
			if st.toks[m].norm == "that" || st.toks[m].norm == "as" {
				return Attribution{}, false
			}
		}
	}
	if words > 5 {
		return Attribution{}, false
	}
	if st.quotedShare(lo, c) {
		return Attribution{}, false
	}
	for m := lo; m < c; m++ {
		if st.toks[m].mark != markNone {
			return Attribution{}, false
		}
	}
	span := parallax.Span{Start: st.toks[lo].span.Start, End: st.toks[c-1].span.End}
	return st.finish(r, span, parallax.Indirect), true
}
