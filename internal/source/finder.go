package source

import (
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax"
	"parallax/internal/text"
)

// Finder finds the sources an article cites. It is safe for concurrent use.
type Finder struct {
	lx *lexicons
}

// New loads the finder's rules from fsys (rules.FS, or a directory laid out
// the same way): rules/sources/*.txt, rules/text/social-networks.txt and
// weekdays.txt, rules/entity/countries.txt and country-aliases.txt. Every
// data error is reported together.
func New(fsys fs.FS) (*Finder, error) {
	lx, err := loadLexicons(fsys)
	if err != nil {
		return nil, err
	}
	return &Finder{lx: lx}, nil
}

// word is a token as the finder reads it.
type word struct {
	parallax.Span
	base   string // lower case, possessive ending stripped
	poss   bool   // "Iran's", "Reuters'"
	cap    bool   // starts with an upper-case letter or a digit
	acro   bool   // an acronym in capitals: "IAEA", "U.S."
	punct  bool   // punctuation or a symbol
	date   bool   // a date token
	quoted bool   // inside quotation marks
}

// The modes of [Finder.classify] and [Finder.forward].
const (
	anyName = 1 << iota // a capitalised name of a person counts (a document's issuer)
	noDoc               // a document does not: an issuer is not itself a document
)

// maxName is the most words a source's name may have, which keeps every
// look back or ahead short.
const maxName = 12

// cand is a source found, before the sources of an article are merged.
type cand struct {
	parallax.CitedSource
	rank int // which of two findings on the same words wins: lower wins
}

// Cited returns the sources one article cites, in text order, each with a
// span into src: the span of its name, or for an unnamed source the words
// that stand for it. doc is the analysis of src by the text engine. A source
// cited twice appears twice.
func (f *Finder) Cited(src string, doc *text.Doc) []parallax.CitedSource {
	if doc == nil {
		return nil
	}
	var out []cand
	out = f.furniture(src, doc, out)
	// The words of each sentence, in one array: count, then place.
	valid := func(t *parallax.Token) bool {
		return t.Sentence >= 0 && t.Sentence < len(doc.Sentences) && t.Start >= 0 && t.End <= len(src) && t.Start <= t.End
	}
	at := make([]int, len(doc.Sentences)+1)
	for i := range doc.Tokens {
		if t := &doc.Tokens[i]; valid(t) {
			at[t.Sentence+1]++
		}
	}
	for i := 1; i < len(at); i++ {
		at[i] += at[i-1]
	}
	words := make([]word, at[len(at)-1])
	fill := append([]int(nil), at...)
	for i := range doc.Tokens {
		if t := &doc.Tokens[i]; valid(t) {
			words[fill[t.Sentence]] = newWord(src, *t)
			fill[t.Sentence]++
		}
	}
	for i, s := range doc.Sentences {
		w := words[at[i]:at[i+1]:at[i+1]]
		if s.Heading || len(w) == 0 {
			continue
		}
		markQuoted(w, s.Quoted)
		out = f.sentence(src, w, out)
	}
	return merge(src, out)
}

func newWord(src string, t parallax.Token) word {
	b, poss := base(t.Norm)
	s := src[t.Start:t.End]
	r, _ := utf8.DecodeRuneInString(s)
	w := word{Span: t.Span, base: b, poss: poss, cap: unicode.IsUpper(r) || unicode.IsDigit(r) && t.Kind == parallax.TokenWord,
		punct: t.Kind == parallax.TokenPunct || t.Kind == parallax.TokenSymbol, date: t.Kind == parallax.TokenDate}
	if t.Kind == parallax.TokenWord {
		letters, upper := 0, 0
		for _, r := range s {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		w.acro = letters >= 2 && upper == letters && !poss
	}
	return w
}

// markQuoted marks the words inside quotation marks. A sentence the text
// engine marks quoted with no quotation mark of its own lies inside a
// quotation that runs over several sentences.
func markQuoted(w []word, quoted bool) {
	in, marks := false, 0
	for i := range w {
		if !w[i].punct {
			w[i].quoted = in
			continue
		}
		switch w[i].base {
		case "“", "«", "„":
			in = true
			marks++
		case "”", "»":
			in = false
			marks++
		case "\"":
			in = !in
			marks++
		}
		w[i].quoted = in
	}
	if quoted && marks == 0 {
		for i := range w {
			w[i].quoted = true
		}
	}
}

// sentence finds the sources cited in one sentence.
func (f *Finder) sentence(src string, w []word, out []cand) []cand {
	lx := f.lx
	emit := func(c cand, ok bool) {
		if ok {
			out = append(out, c)
		}
	}
	for i := range w {
		if w[i].quoted || w[i].punct {
			continue
		}
		for _, p := range lx.cues.all(w, i) {
			n := len(p.words)
			for _, slot := range p.vals {
				switch slot {
				case slotAfter:
					emit(f.forward(src, w, i+n, 0))
				case slotBefore:
					c, ok := f.subject(src, w, i)
					if !ok && i > 0 && (w[i-1].base == "," || isCloseQuote(w[i-1].base)) {
						// ", said the Kremlin."
						c, ok = f.forward(src, w, i+n, 0)
					}
					emit(c, ok)
				case slotSelf:
					sp := parallax.Span{Start: w[i].Start, End: w[i+n-1].End}
					emit(cand{CitedSource: parallax.CitedSource{Name: src[sp.Start:sp.End], Span: sp, Kind: parallax.SourceUnnamed}, rank: 2}, true)
				case slotClause:
					emit(f.clause(src, w, i, n))
				case slotNetwork:
					emit(f.network(src, w, i+n))
				}
			}
		}
		// "sources familiar with the matter"
		if i > 0 && f.qualified(w, i) {
			k := i - 1
			if w[k].base == "," && k > 0 {
				k-- // "an official, speaking on condition of anonymity,"
			}
			if c, ok := f.classify(src, w, k, 0, 0); ok && c.Kind == parallax.SourceUnnamed {
				emit(c, true)
			}
		}
		// "a Kremlin readout", "a statement from the ministry"
		if lx.docs.end(w, i, 0) != nil && (i+1 >= len(w) || lx.docs.end(w, i+1, 0) == nil) {
			emit(f.document(src, w, i, 0))
		}
	}
	return out
}

func isCloseQuote(s string) bool { return s == "”" || s == "\"" || s == "»" }

// subject finds the source that is the subject of the verb at w[i]:
// "Reuters reported", "the Kremlin also said", "officials on Monday said".
func (f *Finder) subject(src string, w []word, i int) (cand, bool) {
	k := f.skipBack(w, i-1)
	if k < 0 {
		return cand{}, false
	}
	return f.classify(src, w, k, 0, 0)
}

// skipBack steps back from w[k] over the words that may stand between a
// subject and its verb.
func (f *Finder) skipBack(w []word, k int) int {
	for n := 0; k >= 0 && n < maxName; n++ {
		switch {
		case w[k].quoted || w[k].punct:
			return k
		case f.lx.cues.at(w, k).has(slotSkip) && len(f.lx.cues.at(w, k).words) == 1:
			k--
		case (w[k].date || f.lx.weekdays[w[k].base]) && k > 0 && w[k-1].base == "on":
			k -= 2
		default:
			return k
		}
	}
	return k
}

// forward reads the source that follows a cue at w[j]: "(according to)
// the Russian news agency Tass", "(citing) senior officials". With anyName,
// a capitalised name of a person counts too (the issuer of a document).
func (f *Finder) forward(src string, w []word, j int, mode int) (cand, bool) {
	for n := 0; j < len(w) && n < 3 && !w[j].quoted && isDeterminer(w[j].base) && !w[j].acro; n++ {
		j++
	}
	e := j
	for e < len(w) && e-j < maxName {
		t := &w[e]
		if t.quoted || t.punct || f.lx.stop[t.base] && !t.acro || f.lx.qualifiers.at(w, e) != nil {
			break
		}
		if e > j && (!t.cap && f.lx.cues.at(w, e) != nil || isDeterminer(t.base)) {
			break
		}
		e++
		if t.poss && e < len(w) && !w[e].cap && f.lx.docs.at(w, e) == nil && f.lx.unnamed.at(w, e) == nil && f.lx.bodies.at(w, e) == nil && f.lx.descr.at(w, e) == nil {
			break
		}
	}
	if e == j {
		return cand{}, false
	}
	for k := e - 1; k >= j; k-- {
		if c, ok := f.classify(src, w, k, j, mode); ok {
			return c, true
		}
		// Read back over a verb the extent took in ("the Kremlin
		// showed"), never into a longer name ("Kremlin spokesman X").
		if k == j || w[k].cap || !strings.HasSuffix(w[k].base, "ed") && f.lx.cues.at(w, k) == nil {
			break
		}
	}
	// "a report by Reuters gave": a known name, then a verb the extent
	// took in
	if p := f.lx.names.at(w, j); p != nil && j+len(p.words) < e && !w[j+len(p.words)].cap {
		if c, ok := f.knownEnd(src, w, j+len(p.words)-1, j); ok {
			return c, true
		}
	}
	// "told CNN's Jake Tapper"
	for k := j; k < e-1; k++ {
		if w[k].poss {
			if c, ok := f.knownEnd(src, w, k, j); ok {
				return c, true
			}
		}
	}
	return cand{}, false
}

func isDeterminer(s string) bool { return s == "the" || s == "a" || s == "an" }

// knownEnd finds an agency or outlet whose name ends at w[k].
func (f *Finder) knownEnd(src string, w []word, k, lo int) (cand, bool) {
	p := f.lx.names.end(w, k, lo)
	if p == nil {
		return cand{}, false
	}
	s := k - len(p.words) + 1
	if !w[s].cap {
		return cand{}, false
	}
	idx, _ := strconv.Atoi(p.vals[0])
	kn := f.lx.known[idx]
	return cand{CitedSource: parallax.CitedSource{Name: kn.name, Span: parallax.Span{Start: w[s].Start, End: nameEnd(src, w[k])}, Kind: kn.kind, Named: true}, rank: 1}, true
}

// nameEnd is where a name ends: before its possessive ending.
func nameEnd(src string, t word) int {
	s := src[t.Start:t.End]
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if t.poss && strings.HasSuffix(s, suf) && len(s) > len(suf) {
			return t.End - len(suf)
		}
	}
	return t.End
}

// classify reads the source whose name ends at w[k], going back no further
// than w[lo]. It returns false when the words there name no source, or name
// a person (unless anyName).
func (f *Finder) classify(src string, w []word, k, lo int, mode int) (cand, bool) {
	lx := f.lx
	if k < lo || k >= len(w) || w[k].quoted || w[k].punct || lx.stop[w[k].base] && !w[k].acro {
		return cand{}, false
	}
	if c, ok := f.knownEnd(src, w, k, lo); ok {
		return c, true
	}
	if w[k].poss {
		return cand{}, false
	}
	span := func(s int) parallax.Span { return parallax.Span{Start: w[s].Start, End: w[k].End} }
	if p, kind := f.unnamedEnd(w, k, lo); p != nil {
		s := f.modifiersBack(w, k-len(p.words)+1, lo)
		sp := span(s)
		c := cand{CitedSource: parallax.CitedSource{Name: src[sp.Start:sp.End], Span: sp}, rank: 2}
		switch kind {
		case unnamedQualified:
			if !f.qualified(w, k+1) {
				return cand{}, false
			}
			c.Kind = parallax.SourceUnnamed
		case unnamedPlain:
			c.Kind = parallax.SourceUnnamed
		case unnamedMedia:
			c.Kind = parallax.SourceOutlet
		case unnamedSocial:
			c.Kind = parallax.SourceSocial
		}
		return c, true
	}
	if p := lx.descr.end(w, k, lo); p != nil {
		// "the Tasnim news agency", "Russian television"
		d := k - len(p.words) + 1
		if s := f.capRun(w, d-1, lo); s < d && !f.placeOnly(w, s, d-1) {
			if c, ok := f.knownEnd(src, w, d-1, s); ok {
				return c, true
			}
			sp := parallax.Span{Start: w[s].Start, End: w[d-1].End}
			return cand{CitedSource: parallax.CitedSource{Name: src[sp.Start:sp.End], Span: sp, Kind: p.vals[0], Named: true}, rank: 1}, true
		}
		if d-1 >= lo && f.isPlace(w[d-1]) {
			sp := span(f.modifiersBack(w, d, lo))
			return cand{CitedSource: parallax.CitedSource{Name: src[sp.Start:sp.End], Span: sp, Kind: parallax.SourceOutlet}, rank: 2}, true
		}
		return cand{}, false
	}
	if w[k].cap {
		// "the Iranian outlet Foo News"
		if s := f.capRun(w, k, lo); s <= k && s-1 >= lo && lx.descr.end(w, s-1, lo) != nil {
			sp := span(s)
			return cand{CitedSource: parallax.CitedSource{Name: src[sp.Start:sp.End], Span: sp, Kind: lx.descr.end(w, s-1, lo).vals[0], Named: true}, rank: 1}, true
		}
	}
	if lx.docs.end(w, k, lo) != nil {
		if mode&noDoc != 0 {
			return cand{}, false
		}
		return f.document(src, w, k, lo)
	}
	if p := lx.orgs.end(w, k, lo); p != nil && f.orgCase(w, k-len(p.words)+1, p) {
		// "Hamas said", "NATO said"
		sp := span(k - len(p.words) + 1)
		return cand{CitedSource: parallax.CitedSource{Name: src[sp.Start:sp.End], Span: sp, Kind: parallax.SourceOfficial, Named: true}, rank: 1}, true
	}
	if p := lx.bodies.end(w, k, lo); p != nil {
		sp := span(f.modifiersBack(w, k-len(p.words)+1, lo))
		return cand{CitedSource: parallax.CitedSource{Name: src[sp.Start:sp.End], Span: sp, Kind: parallax.SourceOfficial, Named: true}, rank: 1}, true
	}
	if !w[k].cap {
		return cand{}, false
	}
	s := f.capRun(w, k, lo)
	if s > k {
		return cand{}, false
	}
	sp := span(s)
	c := cand{CitedSource: parallax.CitedSource{Name: src[sp.Start:sp.End], Span: sp, Kind: parallax.SourceOfficial, Named: true}, rank: 1}
	for i := s; i <= k; i++ {
		if lx.bodies.at(w, i) != nil && len(lx.bodies.at(w, i).words) == 1 {
			return c, true // "the Ministry of Foreign Affairs"
		}
	}
	if p := lx.places.end(w, k, s); p != nil && k-len(p.words)+1 == s {
		return c, true // "Moscow said"
	}
	if s == k && w[k].acro {
		return c, true // "the IAEA said"
	}
	if mode&anyName != 0 {
		c.Kind = parallax.SourceDocument
		return c, true
	}
	return cand{}, false
}

// unnamedEnd finds a word for an unnamed source ending at w[k] and its
// kind, not counting the modifiers.
func (f *Finder) unnamedEnd(w []word, k, lo int) (*phrase, string) {
	p := f.lx.unnamed.end(w, k, lo)
	if p == nil {
		return nil, ""
	}
	for _, v := range p.vals {
		if v != unnamedModifier {
			return p, v
		}
	}
	return nil, ""
}

// orgCase reports whether the organisation p, found at w[s], is written
// as the list has it: capitalised, and in capitals when the list has it so
// ("WHO", not "Who").
func (f *Finder) orgCase(w []word, s int, p *phrase) bool {
	if !w[s].cap {
		return false
	}
	return p.vals[0] != "acronym" || len(p.words) > 1 || w[s].acro
}

// qualified reports whether a qualifier starts at w[i]: "familiar with the
// matter", "close to the Kremlin" (not "close to 100").
func (f *Finder) qualified(w []word, i int) bool {
	p := f.lx.qualifiers.at(w, i)
	if p == nil {
		return false
	}
	n := i + len(p.words)
	return n >= len(w) || !isNumber(w[n].base)
}

func isNumber(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// modifiersBack steps back from w[s] over the words kept in a source's
// name: capitalised words, possessives, numbers and the modifiers of
// rules/sources/unnamed.txt ("senior", "state-run").
func (f *Finder) modifiersBack(w []word, s, lo int) int {
	lo = max(lo, s-maxName)
	for s-1 >= lo {
		t := &w[s-1]
		if t.quoted || t.punct || isDeterminer(t.base) {
			break
		}
		if p := f.lx.unnamed.end(w, s-1, lo); p.has(unnamedModifier) && len(p.words) == 1 {
			s--
			continue
		}
		if t.cap && !f.lx.stop[t.base] && f.lx.cues.at(w, s-1) == nil || t.poss || isNumber(t.base) {
			s--
			continue
		}
		if strings.Contains(t.base, "-") && f.lx.bodies.at(w, s-1) == nil {
			s--
			continue
		}
		break
	}
	return s
}

// capRun returns where the run of capitalised words ending at w[k] starts
// ("Ministry of Foreign Affairs"), without a leading "The"; k+1 when w[k]
// is not capitalised.
func (f *Finder) capRun(w []word, k, lo int) int {
	if k < lo || k >= len(w) || !w[k].cap || w[k].punct || w[k].quoted || w[k].poss {
		return k + 1
	}
	s := k
	lo = max(lo, k-maxName)
	for s-1 >= lo {
		t := &w[s-1]
		if t.quoted || t.punct || t.poss {
			break
		}
		if t.cap && !f.lx.stop[t.base] || t.acro {
			s--
			continue
		}
		if (t.base == "of" || t.base == "for") && s-2 >= lo && w[s-2].cap && !w[s-2].punct && !w[s-2].poss {
			s -= 2
			continue
		}
		break
	}
	for s <= k && isDeterminer(w[s].base) {
		s++
	}
	return s
}

// isPlace reports whether t is a country, a capital or a demonym.
func (f *Finder) isPlace(t word) bool {
	return f.lx.demonyms[t.base] || f.lx.places.lookup(t.base) != nil
}

// placeOnly reports whether w[s..e] are all places and demonyms ("Russian").
func (f *Finder) placeOnly(w []word, s, e int) bool {
	for i := s; i <= e; i++ {
		if !f.isPlace(w[i]) {
			return false
		}
	}
	return true
}

// document reads the issuer of the document whose noun ends at w[k]: "a
// Kremlin readout", "the ministry's statement", "a statement from the
// ministry", "a transcript published by the Kremlin". A document without an
// issuer cites no one here.
func (f *Finder) document(src string, w []word, k, lo int) (cand, bool) {
	p := f.lx.docs.end(w, k, lo)
	if p == nil {
		return cand{}, false
	}
	if _, ok := f.knownEnd(src, w, k, lo); ok {
		return cand{}, false // "The Washington Post" is no post
	}
	kind := p.vals[0]
	d := k - len(p.words) + 1
	// after: "by X", "from X", "published by X"
	j := k + 1
	if j+1 < len(w) && f.lx.cues.at(w, j).has(slotAfter) && strings.HasSuffix(f.lx.cues.at(w, j).words[len(f.lx.cues.at(w, j).words)-1], "by") {
		j += len(f.lx.cues.at(w, j).words)
	} else if j < len(w) && (w[j].base == "by" || w[j].base == "from") {
		j++
	} else {
		j = -1
	}
	if j > 0 {
		if c, ok := f.forward(src, w, j, anyName|noDoc); ok {
			return asDocument(c, kind), true
		}
	}
	// before: "the ministry's statement", "a Kremlin readout"
	i := d - 1
	for lo2 := max(lo, d-maxName); i >= lo2 && !w[i].cap && !w[i].poss && f.lx.unnamed.end(w, i, lo).has(unnamedModifier); {
		i-- // "the Pentagon's official statement"
	}
	if i >= lo && !w[i].punct && !w[i].quoted {
		if w[i].poss {
			if c, ok := f.knownEnd(src, w, i, lo); ok {
				return asDocument(c, kind), true
			}
			if w[i].cap || f.lx.bodies.end(w, i, lo) != nil {
				s := f.modifiersBack(w, i, lo)
				if f.lx.bodies.end(w, i, lo) != nil {
					s = f.modifiersBack(w, i-len(f.lx.bodies.end(w, i, lo).words)+1, lo)
				}
				sp := parallax.Span{Start: w[s].Start, End: nameEnd(src, w[i])}
				return cand{CitedSource: parallax.CitedSource{Name: src[sp.Start:sp.End], Span: sp, Kind: kind, Named: true}, rank: 0}, true
			}
		} else if c, ok := f.classify(src, w, i, lo, noDoc); ok && c.Kind != parallax.SourceUnnamed {
			return asDocument(c, kind), true
		}
	}
	return cand{}, false
}

// asDocument makes an issuer the source of a document: an agency or outlet
// keeps its kind, other issuers become the document's kind.
func asDocument(c cand, kind string) cand {
	if c.Kind != parallax.SourceAgency && c.Kind != parallax.SourceOutlet && c.Kind != parallax.SourceUnnamed {
		c.Kind = kind
	}
	c.rank = 0
	return c
}

// clause reads the issuer of "in a statement" at w[i:i+n]: the subject of
// the verb of saying before it ("the ministry said in a statement"), the
// name after the comma when it opens the sentence ("In a statement, the
// Pentagon said"), or "by X" after it. Without one, the document is unnamed.
func (f *Finder) clause(src string, w []word, i, n int) (cand, bool) {
	kind := parallax.SourceDocument
	if p := f.lx.docs.end(w, i+n-1, i); p != nil {
		kind = p.vals[0]
	}
	j := i + n
	if j+1 < len(w) && w[j].base == "on" {
		if c, ok := f.network(src, w, j+1); ok {
			return c, true // "in a post on X": the network is the source
		}
	}
	if j < len(w) && (w[j].base == "by" || w[j].base == "from" || f.lx.cues.at(w, j).has(slotAfter) && w[j].base != "via") {
		if w[j].base == "by" || w[j].base == "from" {
			j++
		} else {
			j += len(f.lx.cues.at(w, j).words)
		}
		if c, ok := f.forward(src, w, j, anyName|noDoc); ok {
			return asDocument(c, kind), true
		}
	}
	// the subject of the verb before: "Putin told Araghchi in a statement"
	for v := i - 1; v >= 0 && v >= i-8; v-- {
		if w[v].quoted || w[v].punct && w[v].base != "," {
			break
		}
		if p := f.lx.cues.at(w, v); p.has(slotBefore) && len(p.words) == 1 {
			if k := f.skipBack(w, v-1); k >= 0 {
				if c, ok := f.classify(src, w, k, 0, anyName|noDoc); ok {
					return asDocument(c, kind), true
				}
			}
			break
		}
	}
	// "In a statement, the Pentagon said"
	if j < len(w) && w[j].base == "," {
		if c, ok := f.forward(src, w, j+1, anyName|noDoc); ok {
			return asDocument(c, kind), true
		}
	}
	d := i + n - 1
	sp := w[d].Span
	return cand{CitedSource: parallax.CitedSource{Name: src[sp.Start:sp.End], Span: sp, Kind: kind}, rank: 3}, true
}

// network reads the social network after "wrote on": "Telegram", "his
// Telegram channel", "Truth Social", "social media".
func (f *Finder) network(src string, w []word, j int) (cand, bool) {
	for j < len(w) && !w[j].quoted && (isDeterminer(w[j].base) || isPronoun(w[j].base)) {
		j++
	}
	if p := f.lx.networks.at(w, j); p != nil && w[j].cap {
		e := j + len(p.words) - 1
		sp := parallax.Span{Start: w[j].Start, End: nameEnd(src, w[e])}
		return cand{CitedSource: parallax.CitedSource{Name: p.vals[0], Span: sp, Kind: parallax.SourceSocial, Named: true}, rank: 0}, true
	}
	if p := f.lx.unnamed.at(w, j); p.has(unnamedSocial) {
		e := j + len(p.words) - 1
		sp := parallax.Span{Start: w[j].Start, End: w[e].End}
		return cand{CitedSource: parallax.CitedSource{Name: src[sp.Start:sp.End], Span: sp, Kind: parallax.SourceSocial}, rank: 0}, true
	}
	return cand{}, false
}

func isPronoun(s string) bool {
	switch s {
	case "his", "her", "its", "their", "our", "my", "your", "own", "official", "personal", "verified":
		return true
	}
	return false
}

// merge sorts the findings into text order and keeps one finding for words
// found twice: the better ranked, then the longer.
func merge(src string, cs []cand) []parallax.CitedSource {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].Start != cs[j].Start {
			return cs[i].Start < cs[j].Start
		}
		return cs[i].End > cs[j].End
	})
	var kept []cand
	for _, c := range cs {
		if c.Start < 0 || c.End > len(src) || c.Start >= c.End || strings.TrimSpace(c.Name) == "" {
			continue
		}
		if n := len(kept); n > 0 && kept[n-1].Overlaps(c.Span) {
			if better(c, kept[n-1]) {
				kept[n-1] = c
			}
			continue
		}
		kept = append(kept, c)
	}
	out := make([]parallax.CitedSource, len(kept))
	for i, c := range kept {
		out[i] = c.CitedSource
	}
	return out
}

func better(a, b cand) bool {
	if a.rank != b.rank {
		return a.rank < b.rank
	}
	return a.Len() > b.Len()
}
