package alias

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"parallax"
)

// entity builds the entity of a finished cluster.
func (r *Resolver) entity(id string, c *cluster) parallax.Entity {
	e := parallax.Entity{ID: id, Type: majorityType(c), Mentions: map[string]int{}, Aliases: []string{}}
	type variant struct {
		ntoks, n, first int
		surfaces        map[string]int
		order           []string
	}
	vars := map[string]*variant{}
	var keys []string
	roles := map[string]bool{}
	var conf float64
	for _, it := range c.items {
		m := it.m
		e.Mentions[m.Article]++
		conf += math.Max(0, math.Min(1, m.Confidence)) * joinWeight[it.join]
		if role := strings.Join(strings.Fields(strings.ToLower(m.Role)), " "); role != "" {
			roles[role] = true
		}
		key, surface, ntoks := it.form.key, it.form.surface, len(it.form.toks)
		if m.Kind == parallax.MentionRole {
			surface = refText(m.Text)
			key, ntoks = "\x00"+strings.ToLower(surface), 0 // never the name
		}
		v := vars[key]
		if v == nil {
			v = &variant{ntoks: ntoks, first: it.idx, surfaces: map[string]int{}}
			vars[key] = v
			keys = append(keys, key)
		}
		v.n++
		if v.surfaces[surface] == 0 {
			v.order = append(v.order, surface)
		}
		v.surfaces[surface]++
	}
	e.Confidence = math.Round(conf/float64(len(c.items))*1000) / 1000
	// display: the most frequent spelling, mixed case before all capitals
	display := func(v *variant) string {
		best := ""
		for _, s := range v.order {
			if best == "" || (allCaps(best) && !allCaps(s)) ||
				(allCaps(best) == allCaps(s) && v.surfaces[s] > v.surfaces[best]) {
				best = s
			}
		}
		return best
	}
	// The name is the fullest form (most words, then most frequent), but a
	// place goes by its usual spelled-out name: "Iran", not "Islamic
	// Republic of Iran"; "United States", not "U.S.".
	better := func(v, b *variant) bool {
		switch {
		case b == nil:
			return true
		case e.Type == parallax.Place:
			// spelled out before abbreviated ("United States", not "U.S.")
			if va, ba := abbreviated(display(v)), abbreviated(display(b)); va != ba {
				return ba
			}
			return v.n > b.n || (v.n == b.n && v.ntoks > b.ntoks)
		}
		return v.ntoks > b.ntoks || (v.ntoks == b.ntoks && v.n > b.n)
	}
	nameKey := ""
	for _, k := range keys {
		v, b := vars[k], vars[nameKey]
		if k[0] == 0 {
			continue
		}
		if better(v, b) {
			nameKey = k
		}
	}
	if nameKey == "" && len(keys) > 0 {
		nameKey = keys[0]
	}
	if v := vars[nameKey]; v != nil {
		e.Name = display(v)
	}
	seen := map[string]bool{strings.ToLower(e.Name): true}
	for _, k := range keys {
		if k == nameKey {
			continue
		}
		a := display(vars[k])
		if !seen[strings.ToLower(a)] {
			seen[strings.ToLower(a)] = true
			e.Aliases = append(e.Aliases, a)
		}
	}
	sort.Strings(e.Aliases)
	for role := range roles {
		e.Roles = append(e.Roles, role)
	}
	sort.Strings(e.Roles)
	return e
}

// abbreviated reports whether a name is written as an abbreviation: all
// capitals, or with a full stop ("US", "U.S.", "UK").
func abbreviated(s string) bool { return allCaps(s) || strings.Contains(s, ".") }

// refText is a role reference's text with "The" lower-cased, so that "The
// Russian leader" and "the Russian leader" are one alias.
func refText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if rest, ok := strings.CutPrefix(s, "The "); ok {
		return "the " + rest
	}
	return s
}

func allCaps(s string) bool {
	letters := false
	for _, c := range s {
		if unicode.IsLower(c) {
			return false
		}
		letters = letters || unicode.IsLetter(c)
	}
	return letters
}

// naming builds the naming table row of a finished cluster.
func naming(id string, c *cluster, texts map[string]string) parallax.Naming {
	type count struct{ n, first int }
	per := map[string]map[string]*count{}
	for _, it := range c.items {
		f := namingForm(it, texts[it.m.Article])
		if f == "" {
			continue
		}
		a := per[it.m.Article]
		if a == nil {
			a = map[string]*count{}
			per[it.m.Article] = a
		}
		if a[f] == nil {
			a[f] = &count{first: it.idx}
		}
		a[f].n++
	}
	nm := parallax.Naming{Entity: id, ByArticle: map[string][]string{}}
	for art, forms := range per {
		list := make([]string, 0, len(forms))
		for f := range forms {
			list = append(list, f)
		}
		sort.Slice(list, func(i, j int) bool {
			a, b := forms[list[i]], forms[list[j]]
			if a.n != b.n {
				return a.n > b.n
			}
			return a.first < b.first
		})
		nm.ByArticle[art] = list
	}
	return nm
}

// namingForm is how a mention names its entity: the name with the role
// written beside it when the article's text is at hand ("Russian President
// Vladimir Putin"), else the name or the role reference as written.
func namingForm(it *item, src string) string {
	m := it.m
	txt := m.Text
	if m.Kind == parallax.MentionRole {
		return refText(txt)
	}
	if src != "" && m.RoleSpan.Len() > 0 {
		lo, hi := m.RoleSpan, m.Span
		if hi.Start < lo.Start {
			lo, hi = hi, lo
		}
		gap := parallax.Span{Start: lo.End, End: hi.Start}
		if gap.Start <= gap.End && onlyJoin(gap.In(src), gap.Len()) {
			if whole := (parallax.Span{Start: lo.Start, End: hi.End}).In(src); whole != "" {
				txt = whole
			}
		}
	}
	txt = strings.Join(strings.Fields(txt), " ")
	for _, suf := range []string{"'s", "’s"} {
		if x, ok := strings.CutSuffix(txt, suf); ok && x != "" {
			return x
		}
	}
	return txt
}
