package align

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"parallax"
)

// DefaultThreshold is the score two claim units of different articles
// need to be aligned: their matched feature weight over the geometric mean
// of their total weights.
const DefaultThreshold = 0.3

// Tuning of the alignment, in score units unless said otherwise.
const (
	// repeatThreshold is the score two units of one article need to be
	// one claim the article repeats.
	repeatThreshold = 0.7
	// minLexical is the share of the shorter unit's content-word weight
	// that must match, so that two facts about the same people on the
	// same day stay apart.
	minLexical = 0.2
	// linkShare is the share of the threshold that the average score
	// between two clusters must reach for them to merge.
	linkShare = 0.5
	// candidateFeatures is how many of a unit's rarest features feed the
	// candidate search, and maxCandidates how many units it scores at most.
	candidateFeatures = 6
	maxCandidates     = 300
	// maxEvicted is how many units a merge may evict from the two
	// clusters (of an article that both hold, the one that fits the
	// merged claim less); merges that would evict more do not happen.
	maxEvicted = 1
	// minList is the shortest list of names that a count can match: a
	// pair ("Tehran and Moscow") is too common to be evidence.
	minList = 3
	// Feature weights by kind, times the inverse frequency.
	entityWeight = 0.8
	timeWeight   = 0.4
)

// Feature kinds.
const (
	kindStem   = 's'
	kindEntity = 'e'
	kindNumber = 'n'
	kindDate   = 'd'
	kindTime   = 't'
)

// feat is one feature of a unit: its ID in the story's dictionary, and the
// stem or value as this unit has it (which differs from the key for a
// synonym).
type feat struct {
	id   int32
	word string
}

// unit is a claim unit with its features, weighed against the story.
type unit struct {
	rawUnit
	art   int // index into the story's articles
	feats []feat
	nums  []int     // small whole numbers: counts to compare with lists
	list  []int32   // feature IDs of the longest list of entities ("Fordow, Natanz and Isfahan")
	mods  int       // modifiers: -ly adverbs and listed evaluative words
	w     float64   // total weight
	lexW  float64   // weight of the content words
	ws    []float64 // weight of each feature, as feats
}

// story is the state of one Claims call.
type story struct {
	a      *Aligner
	arts   []*parallax.Article
	units  []unit
	keys   []string // feature ID → key ("s:strike", "e:e3", "n:3")
	kinds  []byte
	weight []float64
	names  map[string]string // entity ID → name
	byName map[string]string // lower-case mention text → entity ID
	outlet []string          // article index → outlet key
}

// Claims breaks each article into claim units and aligns them across the
// story's articles. The articles need Text, Sentences and Tokens; the
// mentions carry entity IDs (alias resolution) and the quotes their
// speakers and spans. Every unit ends up in exactly one claim; claims
// come widest coverage first, with IDs "c1", "c2", ...
func (a *Aligner) Claims(arts []*parallax.Article, mentions []parallax.Mention, quotes []parallax.Quote) []parallax.Claim {
	st := newStory(a, arts, mentions)
	byArt := map[string]int{}
	ins := make([]artInput, len(arts))
	for i, art := range arts {
		byArt[art.ID] = i
		ins[i].art = art
	}
	for _, m := range mentions {
		if i, ok := byArt[m.Article]; ok {
			ins[i].mentions = append(ins[i].mentions, m)
		}
	}
	for _, q := range quotes {
		if i, ok := byArt[q.Article]; ok {
			ins[i].quotes = append(ins[i].quotes, q)
		}
	}
	dict := map[string]int32{}
	for i, in := range ins {
		for _, r := range a.units(in) {
			st.units = append(st.units, st.build(i, r, in.mentions, dict))
		}
	}
	st.weigh()
	clusters := st.cluster(st.edges())
	return st.claims(clusters)
}

// newStory starts the claims of one story.
func newStory(a *Aligner, arts []*parallax.Article, mentions []parallax.Mention) *story {
	st := &story{a: a, arts: arts, names: entityNames(mentions), outlet: outletKeys(arts), byName: map[string]string{}}
	for _, m := range mentions {
		if m.Entity != "" && m.Kind == parallax.MentionName {
			st.byName[strings.ToLower(m.Text)] = m.Entity
		}
	}
	return st
}

// entityNames names each entity by its longest name mention.
func entityNames(ms []parallax.Mention) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		if m.Entity == "" {
			continue
		}
		cur, ok := out[m.Entity]
		if !ok || m.Kind == parallax.MentionName && len(m.Text) > len(cur) {
			out[m.Entity] = m.Text
		}
	}
	return out
}

// build turns a raw unit into a unit with its feature IDs.
func (st *story) build(art int, r rawUnit, ments []parallax.Mention, dict map[string]int32) unit {
	u := unit{rawUnit: r, art: art}
	a := st.a
	add := func(kind byte, key, word string) int32 {
		k := string(kind) + ":" + key
		id, ok := dict[k]
		if !ok {
			id = int32(len(st.keys))
			dict[k] = id
			st.keys = append(st.keys, k)
			st.kinds = append(st.kinds, kind)
		}
		u.feats = append(u.feats, feat{id: id, word: word})
		return id
	}
	// The current list of entities of one type, separated by commas and
	// "and".
	var list []int32
	listType := ""
	lastMent := -1
	flush := func() {
		if len(list) > len(u.list) {
			u.list = slices.Clone(list)
		}
		list, listType = nil, ""
	}
	for _, t := range r.toks {
		tok := t.tok
		if t.ment >= 0 {
			if t.ment == lastMent {
				continue
			}
			lastMent = t.ment
			m := ments[t.ment]
			if m.Entity == "" {
				continue
			}
			id := add(kindEntity, m.Entity, m.Entity)
			if m.Type != listType {
				flush()
				listType = m.Type
			}
			if !slices.Contains(list, id) {
				list = append(list, id)
			}
			continue
		}
		lastMent = -1
		if tok.Norm == "," || tok.Norm == "and" || tok.Norm == "or" || tok.Norm == "in" && len(list) == 0 {
			continue
		}
		flush()
		if t.role {
			continue
		}
		switch tok.Kind {
		case parallax.TokenWord:
			w := bare(tok.Norm)
			if a.stop[w] || a.titles[w] || !hasLetter(w) {
				continue
			}
			if a.times[w] {
				add(kindTime, w, w)
				continue
			}
			if e := st.byName[a.demonyms[w]]; e != "" {
				add(kindEntity, e, e) // "Russian" is about Russia
				continue
			}
			head, stem := a.stem(tok)
			add(kindStem, head, stem)
			if a.mods[w] || len(w) > 4 && strings.HasSuffix(w, "ly") {
				u.mods++
			}
		case parallax.TokenNumber, parallax.TokenOrdinal:
			v := tok.Value
			key := strconv.FormatFloat(v, 'g', -1, 64)
			add(kindNumber, key, key)
			if tok.Kind == parallax.TokenNumber && v >= 2 && v <= 20 && v == math.Trunc(v) {
				u.nums = append(u.nums, int(v))
			}
		case parallax.TokenQuantity:
			if a.times[tok.Unit] {
				add(kindTime, "duration", "duration")
				continue
			}
			key := strconv.FormatFloat(tok.Value, 'g', -1, 64) + " " + tok.Unit
			add(kindNumber, key, key)
		case parallax.TokenPercent, parallax.TokenMoney:
			key := strconv.FormatFloat(tok.Value, 'g', -1, 64) + " " + tok.Unit
			add(kindNumber, key, key)
		case parallax.TokenDate:
			if tok.Date != "" {
				add(kindDate, tok.Date, tok.Date)
			}
		}
	}
	flush()
	if len(u.list) < 2 {
		u.list = nil
	}
	if r.speaker != "" {
		add(kindEntity, r.speaker, r.speaker)
	}
	// Sort by ID and keep each feature once.
	slices.SortStableFunc(u.feats, func(x, y feat) int { return cmp.Compare(x.id, y.id) })
	u.feats = slices.CompactFunc(u.feats, func(x, y feat) bool { return x.id == y.id })
	return u
}

// weigh gives every feature its weight, the inverse of how many units of
// the story have it, and sums each unit's weights.
func (st *story) weigh() {
	df := make([]int, len(st.keys))
	for _, u := range st.units {
		for _, f := range u.feats {
			df[f.id]++
		}
	}
	n := float64(len(st.units))
	st.weight = make([]float64, len(st.keys))
	for id, d := range df {
		w := math.Log((n + 1) / (float64(d) + 0.5))
		switch st.kinds[id] {
		case kindEntity:
			w *= entityWeight
		case kindTime:
			w *= timeWeight
		}
		st.weight[id] = max(w, 0)
	}
	for i := range st.units {
		u := &st.units[i]
		u.ws = make([]float64, len(u.feats))
		for k, f := range u.feats {
			w := st.weight[f.id]
			u.ws[k] = w
			u.w += w
			if st.kinds[f.id] == kindStem {
				u.lexW += w
			}
		}
	}
}

// match is what two units share.
type match struct {
	// score is the similarity, zero when the content words match too
	// little; raw is the similarity without that rule.
	score, raw float64
	// shared are the indices into the first unit's feats that the second
	// has too; count is set when a count of one matched a list of the
	// other.
	shared []int
	count  int
	// countList is the unit whose list matched the other's count: 0 for
	// the first, 1 for the second.
	countList int
}

// score compares two units: the matched weight of both sides over the
// geometric mean of their total weights, zero when their content words
// match too little. A count of one side that equals the length of a list
// of entities of the other ("three sites", "Fordow, Natanz and Isfahan")
// matches that list: different precision is agreement.
func (st *story) score(x, y *unit, explain bool) match {
	var m match
	var mx, my, lex float64
	i, j := 0, 0
	for i < len(x.feats) && j < len(y.feats) {
		switch {
		case x.feats[i].id < y.feats[j].id:
			i++
		case x.feats[i].id > y.feats[j].id:
			j++
		default:
			w := x.ws[i]
			mx += w
			my += w
			if st.kinds[x.feats[i].id] == kindStem {
				lex += w
			}
			if explain {
				m.shared = append(m.shared, i)
			}
			i++
			j++
		}
	}
	lexOK := x.lexW > 0 && y.lexW > 0 && lex/min(x.lexW, y.lexW) >= minLexical
	if !lexOK && !explain {
		return m
	}
	countMatch := func(c, l *unit) (float64, float64, int) {
		if len(l.list) < minList || len(c.nums) == 0 || !slices.Contains(c.nums, len(l.list)) {
			return 0, 0, 0
		}
		var wl float64
		for _, id := range l.list {
			if !c.has(id) {
				wl += st.weight[id]
			}
		}
		if wl == 0 {
			return 0, 0, 0
		}
		return st.weight[c.numID(st, len(l.list))], wl, len(l.list)
	}
	if wc, wl, n := countMatch(x, y); n > 0 {
		mx += wc
		my += wl
		m.count, m.countList = n, 1
	} else if wc, wl, n := countMatch(y, x); n > 0 {
		my += wc
		mx += wl
		m.count, m.countList = n, 0
	}
	if x.w > 0 && y.w > 0 {
		m.raw = (mx + my) / 2 / math.Sqrt(x.w*y.w)
	}
	if lexOK {
		m.score = m.raw
	}
	return m
}

// has reports whether the unit has feature id.
func (u *unit) has(id int32) bool {
	_, ok := slices.BinarySearchFunc(u.feats, id, func(f feat, id int32) int { return cmp.Compare(f.id, id) })
	return ok
}

// numID returns the feature ID of the number n in the unit.
func (u *unit) numID(st *story, n int) int32 {
	key := "n:" + strconv.Itoa(n)
	for _, f := range u.feats {
		if st.keys[f.id] == key {
			return f.id
		}
	}
	return 0
}

// edge is a scored pair of units, x < y.
type edge struct {
	x, y  int32
	score float64
}

// edges scores the candidate pairs of units and returns those that align.
// Candidates share one of a unit's rarest features (an inverted index), so
// the work grows with the number of units, not its square.
func (st *story) edges() []edge {
	post := make([][]int32, len(st.keys))
	for i, u := range st.units {
		for _, f := range u.feats {
			post[f.id] = append(post[f.id], int32(i))
		}
	}
	rare := make([][]int32, len(st.units))
	for i, u := range st.units {
		var r []int32
		for _, f := range u.feats {
			if len(post[f.id]) > 1 && st.weight[f.id] > 0 {
				r = append(r, f.id)
			}
		}
		slices.SortFunc(r, func(p, q int32) int { return cmp.Compare(len(post[p]), len(post[q])) })
		if len(r) > candidateFeatures {
			r = r[:candidateFeatures]
		}
		rare[i] = r
	}
	var out []edge
	seen := make([]int32, len(st.units)) // stamp: last unit that saw it, plus one
	for i := range st.units {
		u := &st.units[i]
		n := 0
	search:
		for _, id := range rare[i] {
			for _, v := range post[id] {
				if int(v) == i || seen[v] == int32(i)+1 {
					continue
				}
				seen[v] = int32(i) + 1
				if n++; n > maxCandidates {
					break search
				}
				// Each pair once: from the lower index, or from the higher
				// when the lower's search does not reach it.
				if int(v) < i && st.finds(int(v), i, rare, post) {
					continue
				}
				w := &st.units[v]
				m := st.score(u, w, false)
				need := st.a.threshold
				if w.art == u.art {
					need = repeatThreshold
				}
				if m.score >= need {
					x, y := int32(i), v
					if x > y {
						x, y = y, x
					}
					out = append(out, edge{x, y, m.score})
				}
			}
		}
	}
	slices.SortFunc(out, func(p, q edge) int {
		if c := cmp.Compare(q.score, p.score); c != 0 {
			return c
		}
		if c := cmp.Compare(p.x, q.x); c != 0 {
			return c
		}
		return cmp.Compare(p.y, q.y)
	})
	return slices.CompactFunc(out, func(p, q edge) bool { return p.x == q.x && p.y == q.y })
}

// finds reports whether unit i's candidate search reaches unit j: j has
// one of i's rarest features, and the search does not stop before it. It
// errs towards false, which only scores a pair twice.
func (st *story) finds(i, j int, rare [][]int32, post [][]int32) bool {
	total := 0
	for _, id := range rare[i] {
		total += len(post[id])
		if total > maxCandidates {
			return false
		}
		if st.units[j].has(id) {
			return true
		}
	}
	return false
}

// cluster groups the units greedily, strongest edge first. Two clusters
// merge when the average score between their units reaches linkShare of
// the threshold (no chaining through one strong pair). An article in both
// keeps both units only when it repeats the claim (they score at least
// repeatThreshold); else the unit that fits the merged claim less leaves
// it and starts again alone, and a merge that would make more than
// maxEvicted units leave does not happen.
func (st *story) cluster(edges []edge) [][]int {
	n := len(st.units)
	parent := make([]int, n)
	members := make([][]int, n)
	for i := range parent {
		parent[i] = i
		members[i] = []int{i}
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	scores := make(map[uint64]float64, len(edges))
	key := func(x, y int) uint64 {
		if x > y {
			x, y = y, x
		}
		return uint64(x)<<32 | uint64(y)
	}
	for _, e := range edges {
		scores[key(int(e.x), int(e.y))] = e.score
	}
	link := st.a.threshold * linkShare
	arts := make([]map[int]int, n) // root → article → units
	intra := make([]float64, n)    // root → sum of scores between its units
	for i := range arts {
		arts[i] = map[int]int{st.units[i].art: 1}
	}
	reset := func(root int, c []int) {
		arts[root] = map[int]int{}
		intra[root] = 0
		for i, p := range c {
			parent[p] = root
			arts[root][st.units[p].art]++
			for _, q := range c[i+1:] {
				intra[root] += scores[key(p, q)]
			}
		}
		members[root] = c
	}
	failed := map[uint64]int{} // root pair → sizes when it last failed
	for _, e := range edges {
		rx, ry := find(int(e.x)), find(int(e.y))
		if rx == ry {
			continue
		}
		A, B := members[rx], members[ry]
		size := len(members[min(rx, ry)])*(n+1) + len(members[max(rx, ry)])
		if failed[key(rx, ry)] == size {
			continue
		}
		shared := false
		for art := range arts[ry] {
			shared = shared || arts[rx][art] > 0
		}
		var cross float64
		for _, p := range A {
			for _, q := range B {
				cross += scores[key(p, q)]
			}
		}
		total := intra[rx] + intra[ry] + cross
		if !shared {
			// The common case, in time linear in the two clusters.
			m := len(A) + len(B)
			if total/float64(m*(m-1)/2) < link {
				failed[key(rx, ry)] = size
				continue
			}
			if len(A) < len(B) {
				rx, ry = ry, rx
			}
			for art, k := range arts[ry] {
				arts[rx][art] += k
			}
			for _, q := range members[ry] {
				parent[q] = rx
			}
			members[rx] = append(members[rx], members[ry]...)
			intra[rx] = total
			members[ry], arts[ry] = nil, nil
			continue
		}
		merged := append(slices.Clone(A), B...)
		kept, evicted := st.onePerArticle(merged, scores, key)
		if len(evicted) > maxEvicted {
			failed[key(rx, ry)] = size
			continue
		}
		// The kept pairs' sum: all pairs, less those of evicted units.
		for i, u := range evicted {
			for _, v := range merged {
				total -= scores[key(u, v)]
			}
			for _, v := range evicted[:i] {
				total += scores[key(u, v)]
			}
		}
		if m := len(kept); m > 1 && total/float64(m*(m-1)/2) < link {
			failed[key(rx, ry)] = size
			continue
		}
		members[rx], members[ry] = nil, nil
		reset(kept[0], kept)
		for _, u := range evicted {
			// An evicted unit starts again on its own, and may join
			// another claim through a later edge.
			reset(u, []int{u})
		}
	}
	var out [][]int
	for i := range members {
		if parent[i] == i {
			m := members[i]
			sort.Ints(m)
			out = append(out, m)
		}
	}
	return out
}

// onePerArticle splits a would-be cluster into the units it keeps and those
// it evicts: of several units of one article, it keeps those that repeat
// the best linked one (score at least repeatThreshold), and evicts the
// rest.
func (st *story) onePerArticle(c []int, scores map[uint64]float64, key func(int, int) uint64) (kept, evicted []int) {
	byArt := map[int][]int{}
	for _, u := range c {
		byArt[st.units[u].art] = append(byArt[st.units[u].art], u)
	}
	best := map[int]int{} // article → its best linked unit, when it has several
	for art, same := range byArt {
		if len(same) == 1 {
			continue
		}
		b, bl := same[0], -1.0
		for _, v := range same {
			var l float64
			for _, w := range c {
				if st.units[w].art != art {
					l += scores[key(v, w)]
				}
			}
			if l > bl || l == bl && v < b {
				b, bl = v, l
			}
		}
		best[art] = b
	}
	for _, u := range c {
		b, several := best[st.units[u].art]
		if !several || u == b || scores[key(u, b)] >= repeatThreshold {
			kept = append(kept, u)
		} else {
			evicted = append(evicted, u)
		}
	}
	return kept, evicted
}
