package alias

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax"
	"parallax/internal/text"
)

// roleInfo is a role taken apart: "former Iranian president" is
// {time: past, qual: country:iran, base: president}.
type roleInfo struct {
	time string // "" (held now), wordPast or wordFuture
	qual string // "country:iran", "org:kremlin", or "" when none is given
	base string // the role itself: "president", "top diplomat"
}

// splitTime splits the hyphenated time words of a role's tokens:
// "ex-president" → "ex", "president"; "president-elect" → "president",
// "elect".
func (r *Resolver) splitTime(toks []string) []string {
	var out []string
	for _, t := range toks {
		if pre, rest, ok := strings.Cut(t, "-"); ok && rest != "" && isTime(r.words[pre]) {
			out = append(out, pre, rest)
			continue
		}
		if i := strings.LastIndexByte(t, '-'); i > 0 && i < len(t)-1 && isTime(r.words[t[i+1:]]) {
			out = append(out, t[:i], t[i+1:])
			continue
		}
		out = append(out, t)
	}
	return out
}

func isTime(kind string) bool { return kind == wordPast || kind == wordFuture }

// phraseLen returns the length of the longest phrase of byFirst that starts
// at toks[i], comparing the phrase's last token without a possessive.
func phraseLen(byFirst map[string][][]string, toks []string, i int) int {
	first, _ := stripPossessive(toks[i])
	cands := byFirst[toks[i]]
	if first != toks[i] {
		cands = append(cands[:len(cands):len(cands)], byFirst[first]...)
	}
	best := 0
	for _, p := range cands {
		if len(p) > best && matchAt(toks, i, p) {
			best = len(p)
		}
	}
	return best
}

// matchAt reports whether phrase p stands at toks[i:], its last token
// possibly possessive.
func matchAt(toks []string, i int, p []string) bool {
	if i+len(p) > len(toks) {
		return false
	}
	for k, w := range p {
		t := toks[i+k]
		if k == len(p)-1 {
			t, _ = stripPossessive(t)
		}
		if t != w {
			return false
		}
	}
	return true
}

// qualAt matches a country or organisation at toks[i]: "iran's",
// "iranian", "tehran", "white house". It returns the qualifier, the number
// of tokens and whether the last one is possessive.
func (r *Resolver) qualAt(toks []string, i int) (qual string, n int, poss bool) {
	first, _ := stripPossessive(toks[i])
	cands := r.quals[toks[i]]
	if first != toks[i] {
		cands = append(cands[:len(cands):len(cands)], r.quals[first]...)
	}
	for _, p := range cands {
		if len(p.tokens) > n && matchAt(toks, i, p.tokens) {
			qual, n = p.qual, len(p.tokens)
		}
	}
	if n > 0 {
		_, poss = stripPossessive(toks[i+n-1])
	}
	return qual, n, poss
}

// modifier reads the word or phrase at toks[i] that may stand before a
// role: a time word, a descriptive word, a generic possessive or a
// qualifier. n is 0 when there is none.
func (r *Resolver) modifier(toks []string, i int, ri *roleInfo) (n int, poss bool) {
	t := toks[i]
	bare, isPoss := stripPossessive(t)
	switch r.words[t] {
	case wordPast, wordFuture:
		ri.time = r.words[t]
		return 1, false
	case wordIgnore:
		return 1, false
	}
	if isPoss && r.words[bare] == wordGeneric {
		return 1, true
	}
	if q, n, poss := r.qualAt(toks, i); n > 0 {
		if ri.qual == "" {
			ri.qual = q
		}
		return n, poss
	}
	return 0, false
}

// parseRole takes a role as the recogniser or RoleReferences gives it
// ("iran's foreign minister", "former president", "kremlin spokesman",
// "president of iran") apart.
func (r *Resolver) parseRole(s string) roleInfo {
	toks := r.splitTime(strings.Fields(fold(s)))
	var ri roleInfo
	i := 0
	if len(toks) > 0 && r.words[toks[0]] == wordDefinite {
		i++
	}
	for i < len(toks) {
		if phraseLen(r.roles, toks, i) > 0 || phraseLen(r.refPhrases, toks, i) > 0 {
			break
		}
		n, _ := r.modifier(toks, i, &ri)
		if n == 0 {
			break
		}
		i += n
	}
	rest := toks[i:]
	for len(rest) > 0 && r.words[rest[len(rest)-1]] == wordFuture {
		ri.time = wordFuture
		rest = rest[:len(rest)-1]
	}
	// "president of iran", "leader of the islamic revolution"
	for k := len(rest) - 2; k >= 1; k-- {
		if rest[k] != "of" {
			continue
		}
		tail := rest[k+1:]
		if len(tail) > 0 && r.words[tail[0]] == wordDefinite {
			tail = tail[1:]
		}
		if len(tail) > 0 {
			if q, n, _ := r.qualAt(tail, 0); n == len(tail) {
				if ri.qual == "" {
					ri.qual = q
				}
				rest = rest[:k]
				break
			}
		}
		if head := strings.Join(rest[:k], " "); !r.known(strings.Join(rest, " ")) && r.known(head) {
			rest = rest[:k]
			break
		}
	}
	if len(rest) > 0 {
		rest[len(rest)-1], _ = stripPossessive(rest[len(rest)-1])
	}
	ri.base = strings.Join(rest, " ")
	return ri
}

func (r *Resolver) known(role string) bool { return r.roleSet[role] || r.refs[role] != nil }

// refers reports whether a reference by role ref may point at a person who
// holds role h.
func (r *Resolver) refers(ref, h roleInfo) bool {
	return ref.time == h.time && ref.base != "" && (ref.base == h.base || r.refs[ref.base][h.base])
}

// agree reports whether two holders' roles are the same role (or synonyms
// either way) at the same time with compatible qualifiers.
func (r *Resolver) agree(a, b roleInfo) bool {
	if a.base == "" || b.base == "" || a.time != b.time {
		return false
	}
	if a.qual != "" && b.qual != "" && a.qual != b.qual {
		return false
	}
	return a.base == b.base || r.refs[a.base][b.base] || r.refs[b.base][a.base]
}

// piece is one word of a sentence for the role scanner: a token, or half
// of a hyphenated one ("ex-president").
type piece struct {
	norm string
	tok  int
}

// RoleReferences finds the role-only references of one article ("the
// Russian leader", "Iran's top diplomat", "the Kremlin spokesman", "the
// former president", "the president of Iran") and returns them as mentions
// of Kind [parallax.MentionRole] and Type [parallax.Person], Role the role
// in lower case without "the" ("russian leader"). A reference needs "the"
// or a country or organisation before the role ("Iran's top diplomat"); a
// role after "a", "his" and the like refers to no one in particular. Roles
// that stand beside a name (in a name mention's RoleSpan, or right before
// or after a name or a capitalised word) are skipped: they are the name's
// role. names are the article's name mentions; doc is src analysed by
// package text.
func (r *Resolver) RoleReferences(articleID, src string, doc *text.Doc, names []parallax.Mention) []parallax.Mention {
	if doc == nil {
		return nil
	}
	var out []parallax.Mention
	toks := doc.Tokens
	for lo := 0; lo < len(toks); {
		hi := lo + 1
		for hi < len(toks) && toks[hi].Sentence == toks[lo].Sentence {
			hi++
		}
		if s := toks[lo].Sentence; s >= 0 {
			heading := s < len(doc.Sentences) && doc.Sentences[s].Heading
			out = r.scanSentence(out, articleID, src, toks, lo, hi, heading, names)
		}
		lo = hi
	}
	return out
}

func (r *Resolver) scanSentence(out []parallax.Mention, articleID, src string, toks []parallax.Token, lo, hi int, heading bool, names []parallax.Mention) []parallax.Mention {
	var ps []piece
	for k := lo; k < hi; k++ {
		if toks[k].Kind != parallax.TokenWord {
			ps = append(ps, piece{"", k}) // breaks every pattern
			continue
		}
		w := fold(toks[k].Norm)
		if !strings.Contains(w, "-") {
			ps = append(ps, piece{w, k})
			continue
		}
		for _, w := range r.splitTime([]string{w}) {
			ps = append(ps, piece{w, k})
		}
	}
	norms := make([]string, len(ps))
	for k, p := range ps {
		norms[k] = p.norm
	}
	for i := 0; i < len(ps); i++ {
		if norms[i] == "" {
			continue
		}
		definite := r.words[norms[i]] == wordDefinite
		if !definite && i > 0 {
			if k := r.words[norms[i-1]]; k == wordDefinite || k == wordIndefinite {
				continue
			}
		}
		j := i
		if definite {
			j++
		}
		var ri roleInfo
		qualified := false
		n := 0
		for j < len(ps) && norms[j] != "" {
			if n = phraseLen(r.refPhrases, norms, j); n > 0 {
				break
			}
			m, _ := r.modifier(norms, j, &ri)
			if m == 0 {
				break
			}
			if ri.qual != "" {
				qualified = true
			}
			j += m
		}
		if n == 0 || (!definite && !qualified) {
			continue
		}
		end := j + n
		for end < len(ps) && r.words[norms[end]] == wordFuture && ps[end].tok == ps[end-1].tok {
			end++ // "president-elect"
		}
		if end < len(ps) && norms[end] == "of" {
			k := end + 1
			if k < len(ps) && r.words[norms[k]] == wordDefinite {
				k++
			}
			if k >= len(ps) || norms[k] == "" {
				continue
			}
			_, m, _ := r.qualAt(norms, k)
			if m == 0 {
				continue // "the president of Gazprom": someone else's role
			}
			end = k + m
		}
		first, last := ps[i].tok, ps[end-1].tok
		sp := parallax.Span{Start: toks[first].Start, End: toks[last].End}
		if r.besideName(src, sp, names) || (!heading && r.capitalisedNext(src, toks, last, hi)) {
			i = end - 1
			continue
		}
		roleFrom := first
		if definite {
			roleFrom++
		}
		words := make([]string, 0, last-roleFrom+1)
		for k := roleFrom; k <= last; k++ {
			words = append(words, fold(toks[k].Norm))
		}
		out = append(out, parallax.Mention{
			Article:    articleID,
			Span:       sp,
			Text:       sp.In(src),
			Type:       parallax.Person,
			Kind:       parallax.MentionRole,
			Role:       strings.Join(words, " "),
			Confidence: 0.7,
		})
		i = end - 1
	}
	return out
}

// besideName reports whether the role at sp is a name's role: inside a
// name mention's role span, or next to a name with at most a comma between.
func (r *Resolver) besideName(src string, sp parallax.Span, names []parallax.Mention) bool {
	for _, m := range names {
		if m.Kind == parallax.MentionRole {
			continue
		}
		if m.Span.Overlaps(sp) || (m.RoleSpan.Len() > 0 && m.RoleSpan.Overlaps(sp)) {
			return true
		}
		if m.Start >= sp.End && onlyJoin(parallax.Span{Start: sp.End, End: m.Start}.In(src), m.Start-sp.End) {
			return true
		}
		if m.End <= sp.Start && onlyJoin(parallax.Span{Start: m.End, End: sp.Start}.In(src), sp.Start-m.End) {
			return true
		}
	}
	return false
}

// onlyJoin reports whether gap, n bytes long, holds at most a comma and
// spaces.
func onlyJoin(gap string, n int) bool {
	if n > 3 || len(gap) != n {
		return false
	}
	return strings.Trim(gap, " ,") == ""
}

// capitalisedNext reports whether the token after toks[last], in the same
// sentence, is a capitalised word that may be a name the recogniser missed
// ("the foreign minister Lavrov"); weekdays and months do not count.
func (r *Resolver) capitalisedNext(src string, toks []parallax.Token, last, hi int) bool {
	k := last + 1
	if k >= hi || toks[k].Kind != parallax.TokenWord || r.calendar[toks[k].Norm] {
		return false
	}
	c, _ := utf8.DecodeRuneInString(toks[k].In(src))
	return unicode.IsUpper(c)
}
