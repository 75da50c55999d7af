package quote

import (
	"parallax"
)

// prepositions cannot open a reported clause ("told him about …").
var prepositions = map[string]bool{
	"to": true, "about": true, "of": true, "for": true, "in": true, "on": true, "at": true, "with": true,
	"by": true, "from": true, "into": true, "during": true, "after": true, "before": true, "over": true,
	"up": true, "out": true, "off": true, "goodbye": true, "so": true, "yes": true, "no": true,
}

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
	if st.isParticiple(j) {
		if j == lo || st.toks[j-1].text != "," {
			return Attribution{}, false
		}
		r = st.subjectOf(j, lo, s)
		if !r.found() {
			return Attribution{}, false
		}
	} else {
		n := st.npBefore(j, lo)
		if !n.ok() || !st.baseSubject(j, n) {
			return Attribution{}, false
		}
		r = st.mkAttr(n, j, j+1, confSentence)
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
		if k < hi && st.toks[k].word && !prepositions[st.toks[k].norm] && !st.isParticiple(k) {
			cs = k
		}
	}
	if cs < 0 || cs >= hi || st.toks[cs].mark != markNone {
		return Attribution{}, false
	}
	ce := st.clauseEnd(cs, hi)
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
	st.viaIn(&r, lo, hi)
	return st.finish(r, span, parallax.Indirect), true
}

// clauseEnd returns the end of a reported clause that starts at cs: the end
// of the sentence, or the comma before a participle cue or "according to",
// without the closing punctuation.
func (st *state) clauseEnd(cs, hi int) int {
	ce := hi
	for m := cs; m < hi; m++ {
		t := &st.toks[m]
		if st.inPc[m] >= 0 {
			continue
		}
		if t.text == ";" {
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
	r := st.cueAfter(c+1, e, false)
	if !r.found() || used[r.cue] {
		return Attribution{}, false
	}
	words := 0
	for m := c + 1; m < e; m++ {
		if st.toks[m].word && st.toks[m].span.Start >= r.cue.End {
			words++
			if st.toks[m].norm == "that" {
				return Attribution{}, false
			}
		}
	}
	if words > 5 {
		return Attribution{}, false
	}
	// The cue must end the attribution: nothing but modifiers after it.
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
