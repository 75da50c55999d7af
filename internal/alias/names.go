package alias

import (
	"strings"
)

// nameForm is a name mention's text made comparable.
type nameForm struct {
	key     string   // folded tokens joined by spaces
	toks    []string // folded tokens, titles, leading roles and suffixes removed
	surface string   // the text as written, with the same words removed
}

// normName makes a mention's text comparable. For people it drops titles
// ("Mr."), leading roles ("President", "Supreme Leader", "former"), name
// suffixes ("Jr.") and splits hyphenated names; for other names it drops a
// leading "the". A possessive ending is dropped in both.
func (r *Resolver) normName(txt string, person bool) nameForm {
	orig := strings.Fields(txt)
	folded := make([]string, len(orig))
	for i, t := range orig {
		folded[i] = strings.Trim(r.foldName(t), ",;:!?\"()[]")
	}
	if n := len(folded); n > 0 {
		if s, ok := stripPossessive(folded[n-1]); ok {
			folded[n-1] = s
			o := orig[n-1]
			for _, suf := range []string{"'s", "’s", "'", "’"} {
				if x, ok := strings.CutSuffix(o, suf); ok && x != "" {
					orig[n-1] = x
					break
				}
			}
		}
	}
	lo, hi := 0, len(folded)
	for lo < hi-1 {
		t := folded[lo]
		if !person {
			if r.words[t] == wordDefinite {
				lo++
				continue
			}
			break
		}
		if r.titles[strings.TrimSuffix(t, ".")] || isTime(r.words[t]) || r.words[t] == wordIgnore || r.words[t] == wordDefinite {
			lo++
			continue
		}
		if n := phraseLen(r.roles, folded[:hi], lo); n > 0 && lo+n < hi {
			lo += n
			continue
		}
		// "Russian President Vladimir Putin": a qualifier before a role
		if _, n, _ := r.qualAt(folded[:hi], lo); n > 0 && lo+n < hi-1 && phraseLen(r.roles, folded[:hi], lo+n) > 0 {
			lo += n
			continue
		}
		break
	}
	for person && hi-lo > 1 && r.suffixes[strings.TrimSuffix(strings.TrimSuffix(folded[hi-1], "."), ",")] {
		hi--
	}
	var toks []string
	for _, t := range folded[lo:hi] {
		if person {
			for _, p := range strings.FieldsFunc(t, func(c rune) bool { return c == '-' }) {
				if p = strings.TrimSuffix(p, "."); p != "" {
					toks = append(toks, p)
				}
			}
			continue
		}
		if t != "" {
			toks = append(toks, t)
		}
	}
	return nameForm{key: strings.Join(toks, " "), toks: toks, surface: strings.Join(orig[lo:hi], " ")}
}

// canonical returns the key under which a place or organisation name is
// merged: a country alias becomes the country ("US" → "united states"), an
// organisation's short name its full name ("IAEA").
func (r *Resolver) canonical(key string) string {
	if c, ok := r.countryNames[key]; ok {
		return c
	}
	if o, ok := r.orgs[key]; ok {
		return o
	}
	// an organisation's short name inside a longer one: "UN Security
	// Council" → "united nations security council"
	toks := strings.Fields(key)
	if len(toks) > 1 {
		if o, ok := r.orgs[toks[0]]; ok {
			return o + " " + strings.Join(toks[1:], " ")
		}
	}
	return key
}

// bodyOf returns the longer name of which key names a part, when the part
// is what is left once an organisation that qualifies it is taken off the
// front ("security council" of "united nations security council"), and
// exactly one of keys is such a name; else "".
func (r *Resolver) bodyOf(key string, keys []string) string {
	if len(strings.Fields(key)) < 2 {
		return ""
	}
	found := ""
	for _, k := range keys {
		prefix, ok := strings.CutSuffix(k, " "+key)
		if !ok {
			continue
		}
		if _, isOrg := r.orgs[prefix]; !isOrg && !r.orgFull(prefix) {
			continue
		}
		if found != "" {
			return ""
		}
		found = k
	}
	return found
}

// orgFull reports whether s is the full name of a listed organisation.
func (r *Resolver) orgFull(s string) bool {
	for _, full := range r.orgs {
		if full == s {
			return true
		}
	}
	return false
}

// isInitial reports whether t is one letter ("v", from "V.").
func isInitial(t string) bool {
	n := 0
	for range t {
		n++
	}
	return n == 1
}

// sameWord reports whether two name tokens are the same word, an initial
// standing for the other.
func sameWord(a, b string) bool {
	if a == b {
		return true
	}
	if isInitial(a) && !isInitial(b) {
		return strings.HasPrefix(b, a)
	}
	if isInitial(b) && !isInitial(a) {
		return strings.HasPrefix(a, b)
	}
	return false
}

// minSkeleton is the fewest consonant classes a token needs for a skeleton
// match: "Ali" and "Ely" (one class) are not taken for variants.
const minSkeleton = 2

// minNameSkeleton is the fewest classes the surname of a skeleton match
// needs: "Iran" and "Oran" (two) are not variants, "Qatar" and "Katar"
// (three) are.
const minNameSkeleton = 3

// skelWord reports whether two tokens are transliteration variants.
func (r *Resolver) skelWord(a, b string) bool {
	if sameWord(a, b) {
		return true
	}
	sa, na := r.skeleton(a)
	sb, _ := r.skeleton(b)
	return na >= minSkeleton && sa == sb
}

// align reports whether the tokens of the shorter name stand, in order and
// with the same last token, in the longer one, comparing tokens with eq.
// first reports whether the shorter name's first token matched the
// longer's exactly (or is a one-token name).
func align(a, b []string, eq func(x, y string) bool) (ok, firstExact bool) {
	if len(a) == 0 || len(b) == 0 {
		return false, false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if !eq(a[len(a)-1], b[len(b)-1]) {
		return false, false
	}
	j := 0
	for i, t := range a[:len(a)-1] {
		for j < len(b)-1 && !eq(t, b[j]) {
			j++
		}
		if j >= len(b)-1 {
			return false, false
		}
		if i == 0 && sameWord(t, b[j]) {
			firstExact = true
		}
		j++
	}
	return true, firstExact
}
