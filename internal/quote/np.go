package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax"
)

// tok is a body token with what the extractor asks of it.
type tok struct {
	span parallax.Span
	text string // as written
	norm string // lower case, straight apostrophes
	sent int    // index into Doc.Sentences
	word bool
	cap  bool // a word that starts with an upper-case letter
	mark byte // quotation mark: see markOf
}

// Quotation-mark classes of a token.
const (
	markNone        = 0
	markOpenDouble  = 1 // “ « „
	markCloseDouble = 2 // ” »
	markStraight    = 3 // "
	markOpenSingle  = 4 // ‘ ‹
	markCloseSingle = 5 // ’ ›
)

func markOf(s string) byte {
	switch s {
	case "“", "«", "„":
		return markOpenDouble
	case "”", "»":
		return markCloseDouble
	case "\"":
		return markStraight
	case "‘", "‹":
		return markOpenSingle
	case "’", "›":
		return markCloseSingle
	}
	return markNone
}

// Speaker phrase kinds.
const (
	npName    = iota + 1 // a proper name: "Dmitry Peskov", "the Kremlin"
	npRole               // a role or common noun phrase: "the foreign minister"
	npPronoun            // he, she, they
)

// np is a speaker phrase found in the text.
type np struct {
	lo, hi int           // token range of the whole phrase, role and all
	span   parallax.Span // the name only, or the role phrase, or the pronoun
	kind   int
	agr    byte   // m, f, p, s or x (unknown)
	outlet string // the outlet or agency the phrase names, if it names one
}

func (n np) ok() bool { return n.kind != 0 }

// isPossessive reports whether a word ends in 's or s'.
func isPossessive(norm string) bool {
	return strings.HasSuffix(norm, "'s") || (strings.HasSuffix(norm, "s'") && len(norm) > 2)
}

func stripPossessive(t tok) parallax.Span {
	s := t.span
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(t.text, suf) {
			s.End -= len(suf)
			return s
		}
	}
	return s
}

// nameWord reports whether token i can be part of a proper name.
func (st *state) nameWord(i int) bool {
	t := &st.toks[i]
	if !t.word || !t.cap {
		return false
	}
	if st.x.lx.dates[t.norm] || t.norm == "i" {
		return false
	}
	if st.x.lx.pronouns[t.norm] != 0 {
		return false
	}
	// A capitalised function word at the start of a sentence is no name.
	if st.sentStart(i) && st.x.lx.starters[t.norm] {
		return false
	}
	if st.x.lx.stance[t.norm] != "" && st.sentStart(i) {
		return false
	}
	return true
}

func (st *state) sentStart(i int) bool {
	return i == 0 || st.toks[i-1].sent != st.toks[i].sent || st.toks[i-1].mark != markNone
}

// isTitle reports whether token i is a title
// such as "Mr" or "Gen" (its period is a token of its own).
func (st *state) isTitle(i int) bool {
	t := &st.toks[i]
	return t.word && t.cap && st.x.lx.titles[t.norm]
}

// maxNameRun is the most tokens a name run may have, titles and all
// ("Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei"); it
// keeps the work on a text linear whatever its words.
const maxNameRun = 16

// nameRunBack returns the start of the run of name words that ends at
// token e-1 (inclusive), or e when token e-1 is no name word. Titles with
// their period, initials and joiners between name words belong to the run.
func (st *state) nameRunBack(e, lo int) int {
	i := e
	lo = max(lo, e-maxNameRun)
	for i > lo {
		j := i - 1
		t := &st.toks[j]
		switch {
		case st.nameWord(j):
			if isPossessive(t.norm) && j != e-1 {
				return i // "Iran's" ends a qualifier, not the name
			}
			i = j
		case t.text == "." && j > lo && (st.isTitle(j-1) || st.isInitial(j-1)) && i < e:
			i = j
		case t.word && st.x.lx.joiners[t.norm] && i < e && j > lo && st.nameWord(j-1) && t.norm != "and" && t.norm != "&" && t.norm != "the":
			i = j
		default:
			return i
		}
	}
	return i
}

func (st *state) isInitial(i int) bool {
	t := &st.toks[i]
	return t.word && t.cap && utf8.RuneCountInString(t.text) == 1
}

// nameRunFwd returns the end of the run of name words that starts at s.
func (st *state) nameRunFwd(s, hi int) int {
	i := s
	hi = min(hi, s+maxNameRun)
	for i < hi {
		t := &st.toks[i]
		switch {
		case st.nameWord(i) || (i == s && t.word && t.cap && !st.x.lx.dates[t.norm] && st.x.lx.pronouns[t.norm] == 0 && !st.x.lx.starters[t.norm]):
			i++
			if isPossessive(t.norm) {
				return i
			}
		case t.text == "." && i > s && (st.isTitle(i-1) || st.isInitial(i-1)):
			i++
		case t.word && st.x.lx.joiners[t.norm] && i > s && i+1 < hi && st.nameWord(i+1) && t.norm != "and" && t.norm != "&" && t.norm != "the":
			i++
		default:
			return i
		}
	}
	return i
}

// roleEnd returns the index after the longest role phrase that starts at
// token i of [i, hi), or i when none does.
func (st *state) roleEnd(i, hi int) int {
	best := i
	key := ""
	for j := i; j < hi && j-i < st.x.lx.roleMax+2; j++ {
		t := &st.toks[j]
		if t.text == "." && key != "" {
			// "Sen." and "Rep." are listed with their period.
			if st.x.lx.roles[key+"."] {
				best = j + 1
			}
			continue
		}
		if !t.word {
			break
		}
		if key == "" {
			key = t.norm
		} else {
			key += " " + t.norm
		}
		if st.x.lx.roles[key] || strings.HasSuffix(key, "s") && st.x.lx.roles[key[:len(key)-1]] {
			best = j + 1
		} else if j > i && !st.x.lx.rolePrefix[key] {
			break
		}
	}
	return best
}

// nameInRun splits a run of capitalised words [lo, hi) into the roles and
// qualifiers before the name and the name: "Iran's Foreign Minister Abbas
// Araghchi" → "Abbas Araghchi". It returns the start of the name, and hi
// when the run holds no name ("Foreign Minister").
func (st *state) nameInRun(lo, hi int) int {
	start := lo
	for i := lo; i < hi; i++ {
		t := &st.toks[i]
		if isPossessive(t.norm) && i+1 < hi {
			start = i + 1
			continue
		}
		if e := st.roleEnd(i, hi); e > i {
			start = e
			i = e - 1
			continue
		}
		if st.isTitle(i) && !st.isGenderTitle(t.norm) {
			start = i + 1
			if i+1 < hi && st.toks[i+1].text == "." {
				start = i + 2
				i++
			}
		}
	}
	return start
}

func (st *state) isGenderTitle(norm string) bool { return st.x.lx.gender[norm] != 0 }

func (st *state) titleGender(norm string) byte { return st.x.lx.gender[norm] }

// nameNP builds the phrase of a name run [lo, hi): its name part and what
// the text says of its gender or kind.
func (st *state) nameNP(lo, hi int) np {
	ns := st.nameInRun(lo, hi)
	n := np{lo: lo, hi: hi, kind: npName, agr: 'x'}
	if ns >= hi {
		// Roles only: "Foreign Minister", "the President".
		n.kind = npRole
		n.span = parallax.Span{Start: st.toks[lo].span.Start, End: st.toks[hi-1].span.End}
		n.agr = st.roleAgreement(hi - 1)
		return n
	}
	last := st.toks[hi-1]
	n.span = parallax.Span{Start: st.toks[ns].span.Start, End: stripPossessive(last).End}
	if g := st.titleGender(st.toks[ns].norm); g != 0 {
		n.agr = g
	} else if ns > lo {
		if a := st.roleAgreement(ns - 1); a == 'm' || a == 'f' {
			n.agr = a
		}
	}
	if lo > 0 {
		if a := st.roleAgreement(lo - 1); (a == 'm' || a == 'f') && n.agr == 'x' {
			n.agr = a
		}
	}
	if ag, ok := st.x.lx.agencies[strings.ToLower(n.span.In(st.src))]; ok {
		n.outlet = ag
		n.agr = 'p'
	} else if st.isOrgName(ns, hi) {
		n.agr = 'p'
	}
	return n
}

// isOrgName reports whether the name [lo, hi) names an organisation or a
// place rather than a person.
func (st *state) isOrgName(lo, hi int) bool {
	last := st.toks[hi-1]
	word := strings.TrimSuffix(strings.TrimSuffix(last.text, "’s"), "'s")
	if st.x.lx.suffixes[word] {
		return true
	}
	name := strings.ToLower(parallax.Span{Start: st.toks[lo].span.Start, End: stripPossessive(last).End}.In(st.src))
	if st.x.lx.orgs[name] || st.x.lx.places[name] {
		return true
	}
	if hi-lo == 1 && isAllCaps(last.text) && utf8.RuneCountInString(last.text) > 1 {
		return true // an acronym: "IAEA", "NATO"
	}
	return false
}

func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n > 0
}

// roleAgreement returns the agreement a role or speaker noun at token i
// implies: 'm' for "spokesman", 'f' for "spokeswoman", 'p' for a group,
// 'x' otherwise.
func (st *state) roleAgreement(i int) byte {
	t := &st.toks[i]
	if a := st.x.lx.nouns[t.norm]; a != 0 {
		return a
	}
	if strings.HasSuffix(t.norm, "s") {
		if a := st.x.lx.nouns[strings.TrimSuffix(t.norm, "s")]; a != 0 {
			return 'p'
		}
		if st.x.lx.roles[strings.TrimSuffix(t.norm, "s")] {
			return 'p'
		}
	}
	return 'x'
}

// isSpeakerNoun reports whether token i can head a speaker phrase without
// a name: a role ("minister") or a speaker noun ("officials").
func (st *state) isSpeakerNoun(i int) bool {
	t := &st.toks[i]
	if !t.word {
		return false
	}
	n := t.norm
	for _, w := range []string{n, strings.TrimSuffix(n, "s"), strings.TrimSuffix(n, "es")} {
		if st.x.lx.roles[w] || st.x.lx.nouns[w] != 0 || st.x.lx.outlets[w] {
			return true
		}
	}
	return false
}

// npBefore finds the subject phrase that ends just before token e (after
// skipping adverbs and auxiliaries), looking no further back than lo.
func (st *state) npBefore(e, lo int) np {
	j := e - 1
	for j >= lo && st.skippable(j) {
		j--
	}
	// "Putin on Monday said"
	if j-1 >= lo && st.x.lx.dates[st.toks[j].norm] && (st.toks[j-1].norm == "on" || st.x.lx.skip[st.toks[j-1].norm]) {
		j -= 2
		for j >= lo && st.skippable(j) {
			j--
		}
	}
	if j < lo {
		return np{}
	}
	if st.toks[j].text == ")" {
		// "Gov. John Kasich (R-OH), said"
		for k := j - 1; k > lo && j-k < 8; k-- {
			if st.toks[k].text == "(" {
				if n := st.npBefore(k, lo); n.ok() && n.kind == npName {
					return n
				}
				break
			}
		}
		return np{}
	}
	if st.toks[j].text == "," && j-1 > lo && st.toks[j-1].text == ")" {
		return st.npBefore(j, lo)
	}
	t := &st.toks[j]
	// Appositive: "Dmitry Peskov, the Kremlin spokesman, said".
	if t.text == "," {
		for k := j - 1; k > lo && j-k <= 24; k-- {
			u := &st.toks[k]
			if u.mark != markNone || u.text == "." || u.text == ";" {
				break
			}
			if u.text != "," {
				continue
			}
			if e := st.nameRunFwd(k+1, j); e == j && e > k+1 {
				// "The head of the agency, Rafael Grossi, said"
				if n := st.npBefore(k, lo); n.ok() && n.kind != npPronoun {
					m := st.nameNP(k+1, j)
					if m.kind == npName {
						m.lo = n.lo
						return m
					}
				}
			}
			if n := st.npBefore(k, lo); n.ok() && n.kind != npPronoun {
				// The appositive should read as a description, not a clause.
				if st.toks[k+1].word && (!st.toks[k+1].cap || st.isRoleStart(k+1) || isPossessive(st.toks[k+1].norm)) || n.kind == npRole || k+2 == j && isNumber(st.toks[k+1].text) {
					if n.kind == npRole && st.nameRunFwd(k+1, j) == j && st.nameRunFwd(k+1, j) > k+1 {
						// "the Kremlin spokesman, Dmitry Peskov, said"
						m := st.nameNP(k+1, j)
						if m.kind == npName {
							m.lo = n.lo
							return m
						}
					}
					if n.kind == npRole && n.lo-1 > lo && st.toks[n.lo-1].text == "," {
						// "Matthew Prince, chief executive of CloudFlare, a
						// San Francisco company, said": the role is itself
						// an appositive of the name before it.
						if m := st.npBefore(n.lo-1, lo); m.ok() && m.kind == npName && m.hi == n.lo-1 {
							m.hi = j
							return m
						}
					}
					n.hi = j
					return n
				}
			} else if st.toks[k+1].word && !st.toks[k+1].cap {
				// Two descriptions: "Matthew Prince, chief executive of
				// CloudFlare, a San Francisco company, said".
				continue
			}
			break
		}
		return np{}
	}
	if !t.word {
		return np{}
	}
	if a := st.x.lx.pronouns[t.norm]; a != 0 {
		return np{lo: j, hi: j + 1, span: t.span, kind: npPronoun, agr: a}
	}
	if isPossessive(t.norm) {
		return np{}
	}
	if st.nameWord(j) {
		s := st.nameRunBack(j+1, lo)
		if s > j {
			return np{}
		}
		n := st.nameNP(s, j+1)
		// "Kremlin spokesman Dmitry Peskov": the name run may stand after
		// lower-case roles; the phrase starts before them.
		n.lo = st.extendRoleBack(s, lo)
		if n.lo == s && s-1 >= lo && st.toks[s-1].cap && isPossessive(st.toks[s-1].norm) {
			// "Iowa State University's Dianne Bystrom": the possessor
			// qualifies the name and belongs to the phrase.
			n.lo = st.nameRunBack(s, lo)
		}
		if n.lo > lo && st.toks[n.lo-1].norm == "the" {
			n.lo--
		}
		st.outletBefore(&n, lo)
		if g := st.governor(n.lo, lo); g >= 0 {
			return st.withObject(g, lo, n)
		}
		return n
	}
	// A role phrase: "the foreign minister", "a senior official", "Iran's top diplomat".
	if !st.isSpeakerNoun(j) {
		return np{}
	}
	k := j
	det := false
	for k > lo && j-k < 7 {
		u := &st.toks[k-1]
		if !u.word || st.x.lx.stops[u.norm] || st.finiteCue(k-1) {
			break
		}
		k--
		if st.x.lx.dets[u.norm] || isPossessive(u.norm) {
			det = true
			// "Iran's top diplomat": take the possessor's name too.
			if isPossessive(u.norm) && u.cap {
				k = st.nameRunBack(k+1, lo)
			}
			break
		}
	}
	if !det && k > lo && !st.sentStart(k) && st.toks[k-1].text != "," {
		// No determiner: a bare plural ("officials said") or a name-like
		// qualifier ("Kremlin spokesman said").
		if !strings.HasSuffix(t.norm, "s") && !st.toks[k].cap {
			return np{}
		}
	}
	n := np{lo: k, hi: j + 1, kind: npRole, agr: st.roleAgreement(j)}
	n.span = parallax.Span{Start: st.toks[k].span.Start, End: t.span.End}
	st.outletCheck(&n)
	if g := st.governor(n.lo, lo); g >= 0 {
		return st.withObject(g, lo, n)
	}
	return n
}

// governor returns the index of the preposition whose object is the
// phrase that starts at token s, or -1: "for" in "a spokesman for Joe
// Biden", "between" in "between Moscow and Tehran" (a later member of a
// coordination the preposition governs). A subordinator such as "after"
// opens a clause with a subject of its own ("after Putin said"), so it
// governs nothing here.
func (st *state) governor(s, lo int) int {
	k := s
	for steps := 0; k > lo && steps < 8; steps++ {
		p := &st.toks[k-1]
		switch {
		case !p.word:
			return -1
		case st.x.lx.preps[p.norm]:
			if st.x.lx.subords[p.norm] {
				return -1
			}
			return k - 1
		case st.x.lx.dets[p.norm]:
			k--
		case (p.norm == "and" || p.norm == "or") && k-1 > lo && st.nameWord(k-2):
			k = st.nameRunBack(k-1, lo)
			if k > lo && st.x.lx.dets[st.toks[k-1].norm] {
				k--
			}
		default:
			return -1
		}
	}
	return -1
}

// withObject reads the phrase obj, the object of the preposition at token
// g, as part of the phrase that the preposition modifies: "a spokesman for
// Joe Biden" is a role phrase as a whole, "Putin in Moscow" is Putin, and
// a name inside a phrase with no speaker at its head ("the relationship
// between Moscow and Tehran") is no speaker at all.
func (st *state) withObject(g, lo int, obj np) np {
	for hops := 0; hops < 3; hops++ {
		if g <= lo || !st.toks[g-1].word {
			return np{}
		}
		head := st.npBefore(g, lo)
		if head.ok() && head.kind != npPronoun && head.hi <= g {
			head.hi = obj.hi
			if head.kind == npName {
				return head
			}
			head.span.End = obj.span.End
			if head.outlet != "" {
				head.outlet = head.span.In(st.src)
			}
			return head
		}
		// A noun that speaks for nobody, itself inside a phrase: "delegates
		// at the convention in Philadelphia".
		k := g
		for k > lo && g-k < 5 && st.toks[k-1].word && !st.toks[k-1].cap && !st.x.lx.preps[st.toks[k-1].norm] && !st.x.lx.stops[st.toks[k-1].norm] && !st.finiteCue(k-1) {
			k--
		}
		if k == g || k <= lo || !st.x.lx.preps[st.toks[k-1].norm] || st.x.lx.subords[st.toks[k-1].norm] {
			return np{}
		}
		g = k - 1
	}
	return np{}
}

// isRoleStart reports whether a role phrase starts at token i.
func (st *state) isRoleStart(i int) bool {
	return st.roleEnd(i, len(st.toks)) > i || st.x.lx.dets[st.toks[i].norm]
}

// extendRoleBack returns the start of the lower-case role words (and their
// capitalised qualifiers) standing just before a name run that starts at s.
func (st *state) extendRoleBack(s, lo int) int {
	k := s
	for k > lo && s-k < 6 {
		u := &st.toks[k-1]
		if !u.word {
			break
		}
		if st.isSpeakerNoun(k-1) || (u.cap && k < s && st.isSpeakerNoun(k)) || (k < s && st.isModifier(u.norm)) {
			k--
			continue
		}
		break
	}
	return k
}

// isModifier reports whether a lower-case word may stand inside a speaker
// phrase before its head: a demonym ("Iranian") or a role modifier ("top",
// "senior").
func (st *state) isModifier(norm string) bool {
	return st.x.lx.modifiers[norm] || st.x.lx.demonyms[norm]
}

// npAfter finds a speaker phrase that starts at token s ("said Peskov",
// "said the Kremlin spokesman"), ending before hi.
func (st *state) npAfter(s, hi int) np {
	if s >= hi {
		return np{}
	}
	t := &st.toks[s]
	if !t.word {
		return np{}
	}
	if a := st.x.lx.pronouns[t.norm]; a != 0 && t.norm != "i" {
		return np{lo: s, hi: s + 1, span: t.span, kind: npPronoun, agr: a}
	}
	if t.cap && !st.x.lx.dates[t.norm] && !st.x.lx.dets[t.norm] {
		e := st.nameRunFwd(s, hi)
		if e > s {
			n := st.nameNP(s, e)
			if n.kind == npRole {
				// "said Foreign Minister Sergei Lavrov" is caught by the run;
				// "said President" alone is a role.
				return n
			}
			return n
		}
		return np{}
	}
	if !st.x.lx.dets[t.norm] && !isPossessive(t.norm) {
		// "city engineer Rosa Tam": lower-case roles before a name.
		for e := s; e < hi && e-s < 4; e++ {
			u := &st.toks[e]
			if !u.word || st.x.lx.stops[u.norm] || st.finiteCue(e) {
				break
			}
			if e > s && st.nameWord(e) {
				n := st.nameNP(e, st.nameRunFwd(e, hi))
				if n.kind == npName {
					n.lo = s
					return n
				}
				break
			}
		}
		return np{}
	}
	// A determiner phrase: up to its head, or to a name after a role.
	e := s + 1
	for e < hi && e-s < 8 {
		u := &st.toks[e]
		if !u.word || st.x.lx.stops[u.norm] || st.finiteCue(e) || st.x.lx.dates[u.norm] {
			break
		}
		if u.cap && st.nameWord(e) && e > s+1 && st.isSpeakerNoun(e-1) {
			// "the Kremlin spokesman Dmitry Peskov", "the Iranian outlet PressTV"
			ne := st.nameRunFwd(e, hi)
			m := st.nameNP(e, ne)
			m.lo = s
			for k := s; k < e && m.outlet == ""; k++ {
				if st.x.lx.outlets[st.toks[k].norm] {
					m.outlet = m.span.In(st.src)
				}
			}
			return m
		}
		e++
	}
	if e > s+2 && e < hi && st.x.lx.stops[st.toks[e].norm] && !st.isSpeakerNoun(e-1) && !st.toks[e-1].cap {
		// "a source involved in …": the head is the last speaker noun.
		for k := e - 2; k > s; k-- {
			if st.isSpeakerNoun(k) && !st.toks[k].cap {
				e = k + 1
				break
			}
		}
	}
	if e == s+1 || !st.isSpeakerNoun(e-1) && !st.toks[e-1].cap {
		return np{}
	}
	n := np{lo: s, hi: e, kind: npRole, agr: st.roleAgreement(e - 1)}
	n.span = parallax.Span{Start: st.toks[s].span.Start, End: st.toks[e-1].span.End}
	st.outletCheck(&n)
	if n.kind == npRole && e-1 > s && st.toks[e-1].cap {
		// "the Kremlin", "the White House": a name after "the".
		if ns := st.nameRunBack(e, s+1); ns < e {
			m := st.nameNP(ns, e)
			if m.kind == npName {
				m.lo = s
				return m
			}
		}
	}
	return n
}

// outletCheck marks a role phrase that names an outlet ("state media",
// "the Iranian outlet") as one.
func (st *state) outletCheck(n *np) {
	var words []string
	for i := n.lo; i < n.hi; i++ {
		words = append(words, st.toks[i].norm)
	}
	for l := 1; l <= st.x.lx.outMax && l <= len(words); l++ {
		if st.x.lx.outlets[strings.Join(words[len(words)-l:], " ")] {
			n.outlet = n.span.In(st.src)
			n.agr = 'p'
			return
		}
	}
	if st.isSpeakerNoun(n.hi - 1) {
		// "the Interfax agency": a phrase that names an agency.
		for i := n.lo; i < n.hi; i++ {
			if _, ok := st.x.lx.agencies[words[i-n.lo]]; ok && st.toks[i].cap {
				n.outlet = n.span.In(st.src)
				n.agr = 'p'
				return
			}
		}
	}
}

// outletBefore marks a name standing after an outlet noun ("the Iranian
// outlet PressTV") as an outlet.
func (st *state) outletBefore(n *np, lo int) {
	if n.outlet != "" || n.lo <= lo {
		return
	}
	for i := n.lo; i < n.hi; i++ {
		w := st.toks[i].norm
		if st.x.lx.outlets[w] || (i+1 < n.hi && st.x.lx.outlets[w+" "+st.toks[i+1].norm]) {
			n.outlet = n.span.In(st.src)
			n.agr = 'p'
			return
		}
	}
}

// skippable reports whether token j may stand between a subject and its
// verb: an adverb or auxiliary.
func (st *state) skippable(j int) bool {
	t := &st.toks[j]
	if !t.word {
		return false
	}
	return st.x.lx.skip[t.norm] || (strings.HasSuffix(t.norm, "ly") && len(t.norm) > 4 && !t.cap)
}

// finiteCue reports whether token i is a verb of saying in a form that
// cannot be a noun: "said", "told", "warns"; base forms such as "state" or
// "report" are nouns as often as verbs.
func (st *state) finiteCue(i int) bool {
	t := &st.toks[i]
	return t.word && st.x.lx.stance[t.norm] != "" && !st.x.lx.base[t.norm]
}

// baseSubject reports whether n can be the subject of the cue at j: a base
// form ("say", "state") takes a plural subject only.
func (st *state) baseSubject(j int, n np) bool {
	if !st.x.lx.base[st.toks[j].norm] {
		return true
	}
	switch n.kind {
	case npPronoun:
		return n.agr == 'p' || n.agr == 's'
	case npRole:
		return n.agr == 'p'
	}
	return false
}

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
