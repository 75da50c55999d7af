package alias

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"parallax"
)

// How a mention joined its entity, safest first; each lowers the entity's
// confidence by its weight.
const (
	joinExact = iota
	joinSurname
	joinSkeleton
	joinRole
)

var joinWeight = [...]float64{joinExact: 1, joinSurname: 0.9, joinSkeleton: 0.8, joinRole: 0.6}

// item is one mention under merging.
type item struct {
	idx     int // index in the input
	m       *parallax.Mention
	form    nameForm
	typ     string // type used for merging
	role    roleInfo
	hasRole bool
	join    int
	cl      *cluster
}

// form is every mention of a story with the same person name key.
type form struct {
	key      string
	toks     []string
	items    []*item
	articles map[string]bool
}

// cluster is one entity under construction.
type cluster struct {
	forms []*form
	items []*item
	first int // smallest input index
	// byArticle holds the items of each article with at least two name
	// words, in text order, for [Resolver.pick].
	byArticle map[string][]*item
}

// join adds every mention of f.
func (c *cluster) join(f *form, join int) {
	for _, it := range f.items {
		c.add(it, join)
	}
	c.forms = append(c.forms, f)
}

func (c *cluster) add(it *item, join int) {
	it.cl, it.join = c, join
	c.items = append(c.items, it)
	if it.idx < c.first {
		c.first = it.idx
	}
	if len(it.form.toks) > 1 {
		if c.byArticle == nil {
			c.byArticle = map[string][]*item{}
		}
		its := c.byArticle[it.m.Article]
		i := sort.Search(len(its), func(i int) bool { return its[i].m.Start > it.m.Start })
		c.byArticle[it.m.Article] = slices.Insert(its, i, it)
	}
}

// pickReach is how many of a cluster's fuller names before a mention
// [Resolver.pick] looks at, nearest first: enough for any article, and a
// bound on the work a page of repeated names can cause.
const pickReach = 64

// Merge clusters the mentions of one story (the name mentions of every
// article and the role references of [Resolver.RoleReferences]) into
// entities. It returns the entities, with IDs "e1", "e2", ... most
// mentioned first; how each article names each entity; and a copy of the
// mentions with Entity set. Name mentions that fit several people and role
// references that fit no one or several keep Entity "" (see the package
// documentation for the rules). texts, when not nil, maps article IDs to
// their text: the naming table then shows a name with the role written
// beside it ("Russian President Vladimir Putin"); without it, names alone.
func (r *Resolver) Merge(mentions []parallax.Mention, texts map[string]string) ([]parallax.Entity, []parallax.Naming, []parallax.Mention) {
	out := make([]parallax.Mention, len(mentions))
	copy(out, mentions)
	items := make([]*item, 0, len(out))
	var refs []*item
	for i := range out {
		m := &out[i]
		m.Entity = ""
		it := &item{idx: i, m: m, typ: m.Type}
		if m.Role != "" {
			it.role, it.hasRole = r.parseRole(m.Role), true
		}
		if m.Kind == parallax.MentionRole {
			refs = append(refs, it)
			continue
		}
		it.form = r.normName(m.Text, m.Type == parallax.Person || m.Type == parallax.Other)
		if it.form.key == "" {
			continue
		}
		items = append(items, it)
	}
	r.settleTypes(items)

	var clusters []*cluster
	var persons, others []*item
	for _, it := range items {
		if it.typ == parallax.Person {
			persons = append(persons, it)
		} else {
			if it.form = r.normName(it.m.Text, false); it.form.key != "" {
				others = append(others, it)
			}
		}
	}
	clusters = append(clusters, r.mergePersons(persons)...)
	clusters = append(clusters, r.mergeOthers(others)...)
	r.resolveRefs(refs, clusters)

	// entities, most mentioned first
	live := clusters[:0]
	for _, c := range clusters {
		if len(c.items) > 0 {
			live = append(live, c)
		}
	}
	sort.SliceStable(live, func(i, j int) bool {
		if len(live[i].items) != len(live[j].items) {
			return len(live[i].items) > len(live[j].items)
		}
		return live[i].first < live[j].first
	})
	ents := make([]parallax.Entity, 0, len(live))
	names := make([]parallax.Naming, 0, len(live))
	for n, c := range live {
		id := "e" + strconv.Itoa(n+1)
		sort.Slice(c.items, func(i, j int) bool { return c.items[i].idx < c.items[j].idx })
		for _, it := range c.items {
			it.m.Entity = id
		}
		ents = append(ents, r.entity(id, c))
		names = append(names, naming(id, c, texts))
	}
	return ents, names, out
}

// settleTypes gives each mention of type other the majority type of the
// mentions with the same text, when there is one.
func (r *Resolver) settleTypes(items []*item) {
	votes := map[string]map[string]int{}
	for _, it := range items {
		if it.typ == parallax.Other {
			continue
		}
		v := votes[it.form.key]
		if v == nil {
			v = map[string]int{}
			votes[it.form.key] = v
		}
		v[it.typ]++
	}
	for _, it := range items {
		if it.typ != parallax.Other {
			continue
		}
		best, n, tie := "", 0, false
		for _, t := range []string{parallax.Person, parallax.Organization, parallax.Place} {
			switch c := votes[it.form.key][t]; {
			case c > n:
				best, n, tie = t, c, false
			case c == n && c > 0:
				tie = true
			}
		}
		if best != "" && !tie {
			it.typ = best
		}
	}
}

// mergePersons clusters the person mentions: longest names first, each
// name joins the one cluster all of whose names it fits.
func (r *Resolver) mergePersons(items []*item) []*cluster {
	byKey := map[string]*form{}
	var forms []*form
	for _, it := range items {
		f := byKey[it.form.key]
		if f == nil {
			f = &form{key: it.form.key, toks: it.form.toks, articles: map[string]bool{}}
			byKey[it.form.key] = f
			forms = append(forms, f)
		}
		f.items = append(f.items, it)
		f.articles[it.m.Article] = true
	}
	sort.SliceStable(forms, func(i, j int) bool {
		if len(forms[i].toks) != len(forms[j].toks) {
			return len(forms[i].toks) > len(forms[j].toks)
		}
		return len(forms[i].items) > len(forms[j].items)
	})
	var clusters []*cluster
	// every name of a cluster ends in a variant of the same word, so a form
	// need only be tried on the clusters indexed under its last word's
	// skeleton
	bySkel := map[string][]*cluster{}
	type pending struct {
		f     *form
		cands []*cluster
		join  int
	}
	var deferred []pending
	for _, f := range forms {
		// fits: clusters f fits word for word; skel: as transliteration
		// variants; named: variants with the same first name
		var fits, skel, named []*cluster
		last, _ := r.skeleton(f.toks[len(f.toks)-1])
		for _, c := range bySkel[last] {
			switch join, firstExact := r.fits(f, c); join {
			case joinSurname:
				fits = append(fits, c)
			case joinSkeleton:
				skel = append(skel, c)
				if firstExact {
					named = append(named, c)
				}
			}
		}
		switch {
		case len(fits) == 1:
			fits[0].join(f, joinSurname)
		case len(fits) > 1:
			deferred = append(deferred, pending{f, fits, joinSurname})
		case len(skel) == 1:
			skel[0].join(f, joinSkeleton) // no competing candidate
		case len(named) == 1:
			named[0].join(f, joinSkeleton)
		case len(skel) > 1:
			// each mention needs its own corroboration: its article or
			// its role
			deferred = append(deferred, pending{f, skel, joinSkeleton})
		default:
			c := &cluster{first: math.MaxInt, forms: []*form{f}}
			for _, it := range f.items {
				c.add(it, joinExact)
			}
			clusters = append(clusters, c)
			bySkel[last] = append(bySkel[last], c)
		}
	}
	for _, p := range deferred {
		for _, it := range p.f.items {
			if c := r.pick(it, len(p.f.toks), p.cands); c != nil {
				c.add(it, p.join)
			}
		}
	}
	return clusters
}

// fits tells how form f fits cluster c: joinSurname when it fits every name
// of c word for word ("Putin", "Ali Khamenei" in "Seyyed Ali Khamenei"),
// joinSkeleton when only as transliteration variants (firstExact then says
// whether the first names are the same), -1 when not at all. Two spellings
// that occur in one article are never variants.
func (r *Resolver) fits(f *form, c *cluster) (join int, firstExact bool) {
	join, firstExact = joinSurname, true
	for _, g := range c.forms {
		if ok, _ := align(f.toks, g.toks, sameWord); ok {
			continue
		}
		ok, fe := align(f.toks, g.toks, r.skelWord)
		if !ok || !r.skelSurname(f.toks, g.toks) || cooccur(f.articles, g.articles) {
			return -1, false
		}
		join = joinSkeleton
		firstExact = firstExact && fe
	}
	return join, firstExact
}

// skelSurname reports whether the last tokens of two names are long enough
// for a skeleton match.
func (r *Resolver) skelSurname(a, b []string) bool {
	_, na := r.skeleton(a[len(a)-1])
	_, nb := r.skeleton(b[len(b)-1])
	return na >= minNameSkeleton && nb >= minNameSkeleton
}

func cooccur(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// rolesAgree reports whether a role of as agrees with a role of bs.
func (r *Resolver) rolesAgree(as, bs []*item) bool {
	for _, a := range as {
		if !a.hasRole {
			continue
		}
		for _, b := range bs {
			if b.hasRole && r.agree(a.role, b.role) {
				return true
			}
		}
	}
	return false
}

// pick chooses, for a mention that fits several clusters, the one its
// article names in full nearest before it; else the only one its article
// names in full; else the only one whose role agrees with the mention's.
func (r *Resolver) pick(it *item, ntoks int, cands []*cluster) *cluster {
	var before *cluster
	bestStart := -1
	named := map[*cluster]bool{}
	for _, c := range cands {
		its := c.byArticle[it.m.Article]
		end := sort.Search(len(its), func(i int) bool { return its[i].m.Start >= it.m.Start })
		for k := end - 1; k >= 0 && k >= end-pickReach; k-- {
			if o := its[k]; len(o.form.toks) > ntoks {
				named[c] = true
				if o.m.Start > bestStart {
					before, bestStart = c, o.m.Start
				}
				break
			}
		}
		if !named[c] {
			for k := end; k < len(its) && k < end+pickReach; k++ {
				if len(its[k].form.toks) > ntoks {
					named[c] = true
					break
				}
			}
		}
	}
	if before != nil {
		return before
	}
	if len(named) == 1 {
		for c := range named {
			return c
		}
	}
	if !it.hasRole {
		return nil
	}
	var agreeing *cluster
	for _, c := range cands {
		if r.rolesAgree([]*item{it}, c.items) {
			if agreeing != nil {
				return nil
			}
			agreeing = c
		}
	}
	return agreeing
}

// mergeOthers clusters places, organisations and other names: by
// canonical name, then a name with the longer one it is part of once a
// qualifying organisation is dropped ("Security Council", "UN Security
// Council"), then transliteration variants ("Isfahan", "Esfahan") when
// no two variants of a skeleton occur in one article.
func (r *Resolver) mergeOthers(items []*item) []*cluster {
	byKey := map[string]*cluster{}
	var keys []string
	arts := map[string]map[string]bool{}
	for _, it := range items {
		k := r.canonical(it.form.key)
		c := byKey[k]
		if c == nil {
			c = &cluster{first: math.MaxInt}
			byKey[k] = c
			keys = append(keys, k)
			arts[k] = map[string]bool{}
		}
		c.add(it, joinExact)
		arts[k][it.m.Article] = true
	}
	// "Security Council" with "United Nations Security Council"
	for _, k := range keys {
		if into := r.bodyOf(k, keys); into != "" && len(byKey[k].items) > 0 {
			for _, it := range byKey[k].items {
				byKey[into].add(it, joinSurname)
				arts[into][it.m.Article] = true
			}
			byKey[k].items = nil
		}
	}
	bySkel := map[string][]string{}
	var skels []string
	for _, k := range keys {
		if len(byKey[k].items) == 0 {
			continue
		}
		s, ok := r.nameSkeleton(k)
		if !ok {
			continue
		}
		if bySkel[s] == nil {
			skels = append(skels, s)
		}
		bySkel[s] = append(bySkel[s], k)
	}
	for _, s := range skels {
		ks := bySkel[s]
		if len(ks) < 2 {
			continue
		}
		clash := false
		for i := range ks {
			for j := i + 1; j < len(ks); j++ {
				clash = clash || cooccur(arts[ks[i]], arts[ks[j]])
			}
		}
		if clash {
			continue
		}
		into := byKey[ks[0]]
		for _, k := range ks[1:] {
			for _, it := range byKey[k].items {
				into.add(it, joinSkeleton)
			}
			byKey[k].items = nil
		}
	}
	out := make([]*cluster, 0, len(keys))
	for _, k := range keys {
		out = append(out, byKey[k])
	}
	return out
}

// nameSkeleton returns the skeleton of a whole name, when every word is
// long enough for one.
func (r *Resolver) nameSkeleton(key string) (string, bool) {
	toks := strings.Fields(key)
	parts := make([]string, len(toks))
	longest := 0
	for i, t := range toks {
		s, n := r.skeleton(t)
		if n < minSkeleton {
			return "", false
		}
		parts[i] = s
		longest = max(longest, n)
	}
	return strings.Join(parts, " "), longest >= minNameSkeleton
}

// resolveRefs points each role reference at the one person, of its
// article first and else of the story, who holds a compatible role.
func (r *Resolver) resolveRefs(refs []*item, clusters []*cluster) {
	var hs []*holder
	var of []*cluster
	for _, c := range clusters {
		if majorityType(c) != parallax.Person {
			continue
		}
		h := &holder{arts: map[string]bool{}}
		for _, it := range c.items {
			h.addMention(r, it.m, it.role)
		}
		if len(h.roles) > 0 {
			hs = append(hs, h)
			of = append(of, c)
		}
	}
	for _, it := range refs {
		if !it.hasRole {
			continue
		}
		if k := r.choose(it.role, it.m.Article, hs); k >= 0 {
			of[k].add(it, joinRole)
		}
	}
}

// holder is what a story says of one person's roles.
type holder struct {
	roles []roleInfo
	quals map[string]bool // the countries and organisations of its roles
	arts  map[string]bool // the articles that name it
}

func (h *holder) addMention(r *Resolver, m *parallax.Mention, ri roleInfo) {
	h.arts[m.Article] = true
	if m.Role == "" || ri.base == "" {
		return
	}
	h.roles = append(h.roles, ri)
	if ri.qual != "" {
		if h.quals == nil {
			h.quals = map[string]bool{}
		}
		h.quals[ri.qual] = true
	}
}

// match reports whether a reference by role ref may mean h, and whether
// h's country or organisation is known to agree with the reference's.
func (r *Resolver) match(ref roleInfo, h *holder) (ok, known bool) {
	for _, hr := range h.roles {
		if !r.refers(ref, hr) {
			continue
		}
		switch {
		case ref.qual == "":
			ok = true
		case hr.qual != "":
			if hr.qual == ref.qual {
				return true, true
			}
		case len(h.quals) == 0:
			ok = true
		case h.quals[ref.qual]:
			return true, true
		}
	}
	return ok, false
}

// choose returns the index of the one holder a reference by role ref in
// article means, or -1: the article's own people first, a known agreeing
// country or organisation breaking a tie; then the story's, likewise.
func (r *Resolver) choose(ref roleInfo, article string, hs []*holder) int {
	var local, story, localKnown, storyKnown []int
	for k, h := range hs {
		ok, known := r.match(ref, h)
		if !ok {
			continue
		}
		story = append(story, k)
		if known {
			storyKnown = append(storyKnown, k)
		}
		if h.arts[article] {
			local = append(local, k)
			if known {
				localKnown = append(localKnown, k)
			}
		}
	}
	switch {
	case len(local) == 1:
		return local[0]
	case len(local) > 1:
		if len(localKnown) == 1 {
			return localKnown[0]
		}
	case len(story) == 1:
		return story[0]
	case len(storyKnown) == 1:
		return storyKnown[0]
	}
	return -1
}

// majorityType is the most frequent type of a cluster's name mentions.
func majorityType(c *cluster) string {
	n := map[string]int{}
	best, bn := parallax.Other, 0
	for _, it := range c.items {
		if it.m.Kind == parallax.MentionRole {
			continue
		}
		n[it.m.Type]++
		if n[it.m.Type] > bn {
			best, bn = it.m.Type, n[it.m.Type]
		}
	}
	return best
}
