package voice

import (
	"cmp"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax"
	"parallax/internal/lexicon"
	"parallax/internal/text"
)

// The data files the grouper loads from the rules file system.
const (
	functionWordsFile  = "voice/function-words.txt"
	variantsFile       = "voice/variants.txt"
	negativePrefixFile = "voice/negative-prefixes.txt"
)

// Matching thresholds. A quote is "contained" in another when the words the
// other explains weigh enough against the words it leaves unexplained: a
// matched word weighs its evidence (see the weights below), an unmatched
// one weighs 1, whatever it is. Near-synonyms on one line of
// rules/voice/variants.txt match; other words swapped at the same place
// count half, and only between quotes that share swapAnchor words.
const (
	// minShared is the fewest content words two quotes must share. One
	// shared word ("aggression") is a topic, not an utterance.
	minShared = 2
	// containSame is the containment threshold for two quotes of the same
	// known speaker: one word in four may differ ("very pleased to welcome
	// you to Moscow today" / "very glad you are in Moscow today").
	containSame = 0.75
	// containUnsure is the threshold when either speaker is unknown: such a
	// quote joins a group only on wording that matches strongly.
	containUnsure = 0.85
	// overlapRun is the fewest content words, in order, that two quotes
	// sticking out on opposite ends must share to be overlapping cuts of
	// one statement rather than two sentences sharing a phrase.
	overlapRun = 6
	// minOrder is the least share of the matched words that must be in
	// the same order in both quotes (two-word phrases may be swapped:
	// "unjustified and without basis" / "no basis and no justification").
	minOrder = 0.5
	// spanSlack bounds how spread out a contained quote's words may lie in
	// the other one: within len + max(spanSlack, len/2) content words (len
	// + len/3 when some were matched out of order), so that a short phrase
	// matches a stretch of about its length and a long quote leaves room
	// for a translation's added words.
	spanSlack = 1
	// maxUnits caps the content words compared per quote, so that a
	// pathological quote costs no more than a long one: comparing two
	// quotes takes at most maxUnits² steps.
	maxUnits = 160
	// swapAnchor is the fewest words, not names, two quotes must share in
	// order before words swapped at the same places count for anything
	// (see compare).
	swapAnchor = 4
	// minStemMatch is the shortest stem matched inside a longer one: at its
	// start ("justif" in "justifi") or behind a negative prefix of
	// rules/voice/negative-prefixes.txt ("justif" in "unjustifi").
	minStemMatch = 5
)

// Word weights: how much a matched word says that two quotes render one
// utterance. A word found in more than commonShare of the story's quotes
// weighs less, in proportion: it is the story's topic ("nuclear",
// "Iran"), not the utterance's. Names (words the story's quotes write
// capitalised inside a sentence and never in lower case) weigh less from
// nameMin quotes on, other words from commonMin: two statements by one
// speaker share "Iran" and "Russia" as readily as two renderings of one
// statement do. Two quotes must also share at least one word that is not
// a name.
const (
	commonShare = 0.1
	commonMin   = 8
	nameMin     = 2
)

// Candidate pairs. Only pairs of quotes that share a rare enough word are
// compared, and only the best few for each quote, so that grouping takes
// time in proportion to the number of quotes.
const (
	// maxPosting: a word (or stem start, or pair of words) held by more
	// quotes than this proposes no pairs.
	maxPosting = 200
	// maxProbe is how many of a quote's rarest words propose pairs;
	// when fewer than minProbe are held by maxPosting quotes or fewer,
	// commoner ones propose the maxPosting quotes nearest it in the story.
	maxProbe = 32
	minProbe = 4
	// maxCandidates is how many pairs a quote proposes: those sharing the
	// most rare words with it.
	maxCandidates = 24
	// stemKey is how many bytes of a stem (behind a negative prefix) index
	// it, so that stems matched inside one another meet as candidates.
	stemKey = minStemMatch
)

// Quotes of one article that belong together.
const (
	// chainGap is the widest gap, in bytes, between two direct quotes of
	// one speaker for them to be paragraphs of one quotation (a closing
	// and an opening mark and a line break fit, an attribution does not):
	// they are also compared as one quote.
	chainGap = 8
	// maxPasses bounds the passes of the merging loop (see Group).
	maxPasses = 4
)

// Grouper finds the quotes of a story that render the same utterance. It
// is safe for concurrent use.
type Grouper struct {
	tok      *text.Tokenizer
	function map[string]bool   // lower-case function words
	variants map[string]string // stem → the stem that stands for its line
	negative []string          // negative prefixes, longest first
}

// New loads the grouper's data from fsys (rules.FS, or a directory laid out
// the same way): the text engine's lists, voice/function-words.txt,
// voice/variants.txt and voice/negative-prefixes.txt. Every data error is
// reported together.
func New(fsys fs.FS) (*Grouper, error) {
	eng, err := text.New(fsys)
	if err != nil {
		return nil, fmt.Errorf("voice: %w", err)
	}
	g := &Grouper{tok: eng.Tokenizer(), variants: map[string]string{}}
	ld := &lexicon.Loader{FS: fsys}
	g.function = ld.Load(functionWordsFile).Set(strings.ToLower)
	vl := ld.Load(variantsFile)
	nl := ld.Load(negativePrefixFile)
	if err := ld.Err(); err != nil {
		return nil, fmt.Errorf("voice: %w", err)
	}
	var errs lexicon.ErrorList
	seen := map[string]int{} // stem → line
	for _, e := range vl.Entries {
		if len(e.Fields) < 2 {
			errs = append(errs, &lexicon.Error{File: vl.Name, Line: e.Line, Msg: "want two or more tab-separated words"})
			continue
		}
		var key string
		for i, w := range e.Fields {
			st := g.stem(w)
			if st == "" || strings.ContainsAny(w, " ") {
				errs = append(errs, &lexicon.Error{File: vl.Name, Line: e.Line, Msg: fmt.Sprintf("%q is not one word", w)})
				continue
			}
			if line, dup := seen[st]; dup && line != e.Line {
				errs = append(errs, &lexicon.Error{File: vl.Name, Line: e.Line, Msg: fmt.Sprintf("%q (stem %q) is already on line %d", w, st, line)})
				continue
			}
			seen[st] = e.Line
			if i == 0 {
				key = st
			}
			g.variants[st] = key
		}
	}
	for _, e := range nl.Entries {
		p := e.Key()
		if len(e.Fields) != 1 || p != strings.ToLower(p) || strings.IndexFunc(p, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			errs = append(errs, &lexicon.Error{File: nl.Name, Line: e.Line, Msg: fmt.Sprintf("%q is not a lower-case prefix", e.Fields[0])})
			continue
		}
		g.negative = append(g.negative, p)
	}
	slices.SortStableFunc(g.negative, func(x, y string) int { return cmp.Compare(len(y), len(x)) })
	if err := errs.Err(); err != nil {
		return nil, fmt.Errorf("voice: %w", err)
	}
	return g, nil
}

// stem returns the stem of the single word w, or "" when w is not one word.
func (g *Grouper) stem(w string) string {
	toks := g.tok.Tokens(w)
	if len(toks) != 1 || toks[0].Kind != parallax.TokenWord {
		return ""
	}
	return toks[0].Stem
}

// unit is one content word of a quote: key is the stem of its variants
// line (or its own stem), stem its own stem, base its stem without a
// negative prefix ("justifi" for "unjustifi"; the stem itself when it has
// none). w is its weight when matched and name whether it is a name; both
// are set once the whole story is read.
type unit struct {
	key, stem, base string
	w               float64
	name            bool
}

func (u unit) matches(v unit) bool { return u.key == v.key || stemsMatch(u, v) }

// stemsMatch reports whether one stem holds the other at its start or
// behind a negative prefix: derived and negated forms of one word
// ("justif"/"unjustifi", "provok"/"unprovok") that the stemmer leaves
// apart.
func stemsMatch(a, b unit) bool {
	if len(a.stem) > len(b.stem) {
		a, b = b, a
	}
	if len(a.stem) < minStemMatch {
		return false
	}
	return strings.HasPrefix(b.stem, a.stem) || strings.HasPrefix(b.base, a.stem) || strings.HasPrefix(b.stem, a.base) && len(a.base) >= minStemMatch
}

// base returns stem without the negative prefix it starts with, when what
// is left is long enough to be matched; else stem.
func (g *Grouper) base(stem string) string {
	for _, p := range g.negative {
		if rest, ok := strings.CutPrefix(stem, p); ok && len(rest) >= minStemMatch {
			return rest
		}
	}
	return stem
}

// prepared is a quote made ready for comparison.
type prepared struct {
	units   []unit
	wording string // its words, normalised, joined by spaces
	content string // the stems of its content words, joined by spaces
	words   int
	// capMid and lower flag, per unit, a word written with a capital
	// inside a sentence and a word written in lower case.
	capMid, lower []bool
}

func (g *Grouper) prepare(q *parallax.Quote) prepared {
	var p prepared
	var wording, content []string
	initial := true // the next word starts a sentence
	for _, t := range g.tok.Tokens(q.Text) {
		switch t.Kind {
		case parallax.TokenPunct, parallax.TokenSymbol:
			if strings.ContainsAny(t.Norm, ".!?:;…\"“”«»") {
				initial = true
			}
			continue
		}
		wasInitial := initial
		initial = false
		wording = append(wording, t.Norm)
		if t.Kind == parallax.TokenWord && g.function[t.Norm] {
			continue
		}
		content = append(content, t.Stem)
		if len(p.units) < maxUnits {
			key := t.Stem
			if k, ok := g.variants[t.Stem]; ok {
				key = k
			}
			p.units = append(p.units, unit{key: key, stem: t.Stem, base: g.base(t.Stem)})
			capital, lower := false, false
			if t.Kind == parallax.TokenWord && t.End <= len(q.Text) && t.Start < t.End {
				capital, lower = letterCase(q.Text[t.Start:t.End])
			}
			p.capMid = append(p.capMid, capital && !wasInitial)
			p.lower = append(p.lower, lower)
		}
	}
	p.wording = strings.Join(wording, " ")
	p.content = strings.Join(content, " ")
	p.words = len(wording)
	return p
}

// letterCase reports whether the word w starts with a capital (and is not
// all capitals, as in a shouting headline) or with a lower-case letter.
func letterCase(w string) (capital, lower bool) {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsLower(r):
		return false, true
	case unicode.IsUpper(r):
		return strings.IndexFunc(w, unicode.IsLower) >= 0, false
	}
	return false, false
}

// item is something compared: a quote, or two consecutive paragraphs of one
// quotation compared as one quote (a composite).
type item struct {
	p       *prepared
	quote   int    // the quote's index, or -1 for a composite
	pieces  [2]int // a composite's quotes, in text order
	split   int    // a composite's units[:split] are its first piece's
	speaker string
}

// link is a pair of quotes found to render one utterance.
type link struct {
	a, b  int
	score float64
}

// stats counts the work of one call to group, for tests.
type stats struct {
	pairs int // pairs of items compared
	cells int // steps of their alignments
}

// Group finds the quotes that render the same utterance across articles and
// returns the groups, with IDs "g1", "g2", ... in the order of their first
// quote. It sets the Group field of every grouped quote: quotes is
// modified in place, and the Group of a quote in no group is set to "".
//
// Quotes are expected in article order, and in text order within an
// article; groups list them in that order. A group holds two or more
// quotes from two or more articles: an utterance only one article carries
// (a headline repeating a line of the body) makes no group of its own,
// though both copies join a group when other articles carry it too.
// Quotes of two different known speakers never share a group; a quote
// with no known speaker joins one only on a strong match (85% of its
// content words explained, against 75% between two quotes of one known
// speaker). The group's Speaker is its known speaker, if any; the Speaker
// of unattributed members is left as it is.
//
// Pairs are linked strongest first; two groups merge only when at least
// half the pairs of quotes across them are linked (average linkage; as a
// quote is compared with a few dozen others at most, a group past that
// size needs that many links per quote, not half its size), so
// that a long quote holding two sentences that other outlets quote apart
// does not chain them into one group: it joins the one it fits best. The
// links are gone over again while that merges groups (a few passes at
// most), as a merge can make two groups that were too far apart close
// enough.
//
// Spans tie quotes of one article together. Two direct quotes of one
// speaker that follow each other across a paragraph break (nothing but
// quotation marks and white space between their spans) are compared as
// one quote as well as apart, so that another outlet's quote running
// across the break links to both. A quote whose span lies inside another
// quote's (a partial quote inside the indirect quote that carries it)
// joins the group of that quote when it matches the group's other quotes
// or is in no group of its own.
//
// The time Group takes grows in proportion to the number of quotes: only
// quotes sharing a word that few quotes hold are compared, each with at
// most a few dozen others, on their first 160 content words.
func (g *Grouper) Group(quotes []parallax.Quote) []parallax.QuoteGroup {
	return g.group(quotes, nil)
}

func (g *Grouper) group(quotes []parallax.Quote, st *stats) []parallax.QuoteGroup {
	prep := make([]prepared, len(quotes))
	for i := range quotes {
		quotes[i].Group = ""
		prep[i] = g.prepare(&quotes[i])
	}
	g.weigh(prep)
	items := make([]item, 0, len(quotes))
	for i := range quotes {
		items = append(items, item{p: &prep[i], quote: i, speaker: quotes[i].Speaker})
	}
	for i := 1; i < len(quotes); i++ {
		if c, ok := composite(quotes, prep, i-1, i); ok {
			items = append(items, c)
		}
	}

	links := g.links(quotes, items, st)
	parent, speaker := cluster(quotes, links)
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	root := make([]int, len(quotes))
	for i := range root {
		root[i] = find(i)
	}
	adoptNested(quotes, links, root, speaker)

	members := map[int][]int{}
	var roots []int
	for i := range quotes {
		r := root[i]
		if members[r] == nil {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}
	var groups []parallax.QuoteGroup
	for _, r := range roots {
		m := members[r]
		var articles []string
		for _, i := range m {
			if !slices.Contains(articles, quotes[i].Article) {
				articles = append(articles, quotes[i].Article)
			}
		}
		if len(m) < 2 || len(articles) < 2 {
			continue
		}
		grp := parallax.QuoteGroup{
			ID:       "g" + strconv.Itoa(len(groups)+1),
			Speaker:  speaker[r],
			Articles: articles,
		}
		c := canonical(quotes, prep, m)
		grp.Canonical = c
		for _, i := range m {
			quotes[i].Group = grp.ID
			grp.Quotes = append(grp.Quotes, quotes[i].ID)
			grp.Variants = append(grp.Variants, parallax.QuoteVariant{
				Quote:   quotes[i].ID,
				Article: quotes[i].Article,
				Diff:    Diff(c, quotes[i].Text),
			})
		}
		groups = append(groups, grp)
	}
	return groups
}

// weigh sets the weight and the name flag of every unit from the whole
// story: how many quotes hold its key, and how the quotes write it.
func (g *Grouper) weigh(prep []prepared) {
	type count struct{ quotes, capMid, lower, last int }
	counts := map[string]*count{}
	for i := range prep {
		for j, u := range prep[i].units {
			c := counts[u.key]
			if c == nil {
				c = &count{last: -1}
				counts[u.key] = c
			}
			if c.last != i {
				c.last = i
				c.quotes++
			}
			if prep[i].capMid[j] {
				c.capMid++
			}
			if prep[i].lower[j] {
				c.lower++
			}
		}
	}
	common := commonShare * float64(len(prep))
	for i := range prep {
		for j := range prep[i].units {
			u := &prep[i].units[j]
			c := counts[u.key]
			u.name = c.capMid > 0 && c.lower == 0
			floor := float64(commonMin)
			if u.name {
				floor = nameMin
			}
			u.w = min(1, max(floor, common)/float64(c.quotes))
		}
	}
}

// composite returns quotes a and b compared as one quote, when b continues
// a in the next paragraph: one article, one speaker, both direct, and no
// more than chainGap bytes between them.
func composite(quotes []parallax.Quote, prep []prepared, a, b int) (item, bool) {
	qa, qb := &quotes[a], &quotes[b]
	if qa.Article != qb.Article || qa.Speaker != qb.Speaker || qa.Kind != parallax.Direct || qb.Kind != parallax.Direct ||
		qa.Len() == 0 || qb.Len() == 0 || qb.Start < qa.End || qb.Start-qa.End > chainGap {
		return item{}, false
	}
	pa, pb := &prep[a], &prep[b]
	if len(pa.units) == 0 || len(pb.units) == 0 || len(pa.units) >= maxUnits {
		return item{}, false
	}
	p := &prepared{units: slices.Concat(pa.units, pb.units)}
	p.units = p.units[:min(len(p.units), maxUnits)]
	return item{p: p, quote: -1, pieces: [2]int{a, b}, split: len(pa.units), speaker: qa.Speaker}, true
}

// links compares the candidate pairs of items and returns the links between
// quotes, one per pair, strongest first. A composite's link to a quote is a
// link of each of its pieces that holds matched words.
func (g *Grouper) links(quotes []parallax.Quote, items []item, st *stats) []link {
	// Index the items by their content words' keys and stem starts,
	// leaving out names (two quotes must share a word that is not one),
	// and by pairs of consecutive content words, so that a quote made of
	// common words is found by the rarer pairs it holds. Tokens too many
	// quotes hold are left out.
	tokens := make([][]string, len(items))
	df := map[string]int{}
	for i := range items {
		var toks []string
		units := items[i].p.units
		for j, u := range units {
			if j > 0 {
				toks = append(toks, units[j-1].key+" "+u.key)
			}
			if u.name {
				continue
			}
			toks = append(toks, u.key)
			if len(u.stem) >= stemKey {
				toks = append(toks, "\x00"+u.stem[:stemKey])
			}
			if u.base != u.stem {
				toks = append(toks, "\x00"+u.base[:stemKey])
			}
		}
		slices.Sort(toks)
		toks = slices.Compact(toks)
		tokens[i] = toks
		if items[i].quote >= 0 {
			for _, t := range toks {
				df[t]++
			}
		}
	}
	posting := map[string][]int32{}
	for i, toks := range tokens {
		for _, t := range toks {
			posting[t] = append(posting[t], int32(i))
		}
		// The rarest first; common tokens only for an item that has
		// few others (a line quoted by hundreds of outlets).
		slices.SortStableFunc(toks, func(x, y string) int { return cmp.Compare(df[x], df[y]) })
		rare := 0
		for rare < len(toks) && df[toks[rare]] <= maxPosting {
			rare++
		}
		if rare >= minProbe {
			toks = toks[:rare]
		}
		tokens[i] = toks[:min(len(toks), maxProbe)]
	}

	// Each item proposes the items sharing the most rare words with it.
	var pairs [][2]int32
	acc := make([]float64, len(items))
	var touched []int32
	n := float64(len(quotes))
	for a := range items {
		for _, t := range tokens[a] {
			idf := math.Log(1 + n/float64(max(1, df[t])))
			post := posting[t]
			if len(post) > maxPosting {
				// A common token: only the items nearest a in
				// story order.
				k, _ := slices.BinarySearch(post, int32(a))
				lo := max(0, min(k-maxPosting/2, len(post)-maxPosting))
				post = post[lo : lo+maxPosting]
			}
			for _, b := range post {
				if int(b) == a || !pairable(&items[a], &items[b]) {
					continue
				}
				if acc[b] == 0 {
					touched = append(touched, b)
				}
				acc[b] += idf
			}
		}
		slices.SortFunc(touched, func(x, y int32) int {
			if c := cmp.Compare(acc[y], acc[x]); c != 0 {
				return c
			}
			return cmp.Compare(x, y)
		})
		for k, b := range touched {
			if k < maxCandidates {
				pairs = append(pairs, [2]int32{min(int32(a), b), max(int32(a), b)})
			}
			acc[b] = 0
		}
		touched = touched[:0]
	}
	slices.SortFunc(pairs, func(x, y [2]int32) int {
		if c := cmp.Compare(x[0], y[0]); c != 0 {
			return c
		}
		return cmp.Compare(x[1], y[1])
	})
	pairs = slices.Compact(pairs)

	best := map[[2]int]float64{}
	add := func(a, b int, s float64) {
		if a == b {
			return
		}
		k := [2]int{min(a, b), max(a, b)}
		if old, ok := best[k]; !ok || s > old {
			best[k] = s
		}
	}
	var sc scratch
	for _, pr := range pairs {
		x, y := &items[pr[0]], &items[pr[1]]
		if st != nil {
			st.pairs++
			st.cells += len(x.p.units) * len(y.p.units)
		}
		s, r, ok := related(x, y, &sc)
		if !ok {
			continue
		}
		switch {
		case x.quote >= 0 && y.quote >= 0:
			add(x.quote, y.quote, s)
		case x.quote < 0:
			for _, p := range x.matchedPieces(r.ma) {
				add(p, y.quote, s)
			}
		default:
			for _, p := range y.matchedPieces(r.mb) {
				add(x.quote, p, s)
			}
		}
	}
	links := make([]link, 0, len(best))
	for k, s := range best {
		links = append(links, link{k[0], k[1], s})
	}
	// Strongest links first, so that a quote that could join two groups of
	// different speakers joins the one it matches best.
	slices.SortFunc(links, func(x, y link) int {
		if c := cmp.Compare(y.score, x.score); c != 0 {
			return c
		}
		if c := cmp.Compare(x.a, y.a); c != 0 {
			return c
		}
		return cmp.Compare(x.b, y.b)
	})
	return links
}

// pairable reports whether items a and b may be compared: not two
// composites, nor a composite and one of its own pieces.
func pairable(a, b *item) bool {
	switch {
	case a.quote < 0 && b.quote < 0:
		return false
	case a.quote < 0:
		return b.quote != a.pieces[0] && b.quote != a.pieces[1]
	case b.quote < 0:
		return a.quote != b.pieces[0] && a.quote != b.pieces[1]
	}
	return true
}

// matchedPieces returns the pieces of composite c that hold a matched unit.
func (c *item) matchedPieces(m []bool) []int {
	var out []int
	if slices.Contains(m[:c.split], true) {
		out = append(out, c.pieces[0])
	}
	if slices.Contains(m[c.split:], true) {
		out = append(out, c.pieces[1])
	}
	return out
}

// cluster merges linked quotes into groups by average linkage and returns
// the union-find parents and each root's known speaker. The links between
// groups are counted as groups merge (smaller into larger), so a merge
// costs in proportion to the smaller group's links.
func cluster(quotes []parallax.Quote, links []link) (parent []int, speaker []string) {
	parent = make([]int, len(quotes))
	speaker = make([]string, len(quotes))
	size := make([]int, len(quotes))
	adj := make([]map[int]int, len(quotes)) // root → linked root → links between them
	for i := range parent {
		parent[i] = i
		speaker[i] = quotes[i].Speaker
		size[i] = 1
	}
	for _, l := range links {
		for _, e := range [][2]int{{l.a, l.b}, {l.b, l.a}} {
			if adj[e[0]] == nil {
				adj[e[0]] = map[int]int{}
			}
			adj[e[0]][e[1]]++
		}
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for range maxPasses {
		merged := false
		for _, l := range links {
			ra, rb := find(l.a), find(l.b)
			if ra == rb {
				continue
			}
			sa, sb := speaker[ra], speaker[rb]
			if sa != "" && sb != "" && sa != sb {
				continue
			}
			// Average linkage: at least half the pairs across the two
			// groups are linked; past maxCandidates members, half the
			// links each member of the smaller group can have.
			if 2*adj[ra][rb] < min(size[ra]*size[rb], maxCandidates*min(size[ra], size[rb])) {
				continue
			}
			if len(adj[ra]) < len(adj[rb]) {
				ra, rb = rb, ra
			}
			parent[rb] = ra
			size[ra] += size[rb]
			speaker[ra] = cmp.Or(sa, sb)
			for x, c := range adj[rb] {
				if x == ra {
					continue
				}
				adj[ra][x] += c
				adj[x][ra] += c
				delete(adj[x], rb)
			}
			delete(adj[ra], rb)
			adj[rb] = nil
			merged = true
		}
		if !merged {
			break
		}
	}
	return parent, speaker
}

// adoptNested moves a quote whose span lies inside another quote's of the
// same article (its container: the smallest such) into the container's
// group, when the group holds two articles or more, the speakers agree,
// and the quote is in no such group itself or is linked to a member of the
// container's group besides the container. root maps quotes to their
// groups' roots and is updated; so is speaker.
func adoptNested(quotes []parallax.Quote, links []link, root []int, speaker []string) {
	linked := make(map[[2]int]bool, len(links))
	for _, l := range links {
		linked[[2]int{l.a, l.b}] = true
	}
	isLinked := func(x, y int) bool { return linked[[2]int{min(x, y), max(x, y)}] }
	byRoot := map[int][]int{}
	for i, r := range root {
		byRoot[r] = append(byRoot[r], i)
	}
	spread := func(r int) bool { // the group would be output
		m := byRoot[r]
		for _, i := range m {
			if quotes[i].Article != quotes[m[0]].Article {
				return true
			}
		}
		return false
	}
	for _, n := range nesting(quotes) {
		x, y := n[0], n[1]
		rx, ry := root[x], root[y]
		if rx == ry || !spread(ry) {
			continue
		}
		sx, sy := quotes[x].Speaker, speaker[ry]
		if sx != "" && sy != "" && sx != sy {
			continue
		}
		adopt := !spread(rx)
		for _, z := range byRoot[ry] {
			if z != y && isLinked(x, z) {
				adopt = true
				break
			}
		}
		if !adopt {
			continue
		}
		root[x] = ry
		byRoot[rx] = slices.DeleteFunc(byRoot[rx], func(i int) bool { return i == x })
		byRoot[ry] = append(byRoot[ry], x)
		slices.Sort(byRoot[ry])
		speaker[ry] = cmp.Or(sy, sx)
	}
}

// nesting returns the pairs {quote, container} of quotes whose span lies
// inside another's of the same article, the container being the smallest
// such quote; containers come before the quotes inside them. Quotes
// without a span are left out.
func nesting(quotes []parallax.Quote) [][2]int {
	byArticle := map[string][]int{}
	var articles []string
	for i, q := range quotes {
		if q.Len() <= 0 {
			continue
		}
		if byArticle[q.Article] == nil {
			articles = append(articles, q.Article)
		}
		byArticle[q.Article] = append(byArticle[q.Article], i)
	}
	var out [][2]int
	for _, a := range articles {
		idx := byArticle[a]
		slices.SortStableFunc(idx, func(x, y int) int {
			if c := cmp.Compare(quotes[x].Start, quotes[y].Start); c != 0 {
				return c
			}
			return cmp.Compare(quotes[y].End, quotes[x].End)
		})
		var stack []int // open spans, each inside the one below it
		for _, i := range idx {
			for len(stack) > 0 && quotes[stack[len(stack)-1]].End < quotes[i].End {
				stack = stack[:len(stack)-1]
			}
			if len(stack) > 0 {
				if top := stack[len(stack)-1]; quotes[top].Span != quotes[i].Span {
					out = append(out, [2]int{i, top})
				}
			}
			stack = append(stack, i)
		}
	}
	return out
}

// related reports whether items a and b render one utterance, how
// strongly, and how their words line up.
func related(a, b *item, sc *scratch) (float64, relation, bool) {
	if a.speaker != "" && b.speaker != "" && a.speaker != b.speaker {
		return 0, relation{}, false
	}
	same := a.speaker != "" && a.speaker == b.speaker
	pa, pb := a.p, b.p
	if len(pa.units) < minShared || len(pb.units) < minShared {
		// One content word ("crucial") says little about the
		// utterance: only the same words from the same known speaker.
		return 1, relation{}, same && pa.wording != "" && pa.wording == pb.wording
	}
	threshold := containUnsure
	if same {
		threshold = containSame
	}
	r := compare(pa.units, pb.units, sc)
	switch {
	case r.containedA >= threshold || r.containedB >= threshold:
		return max(r.containedA, r.containedB), r, true
	case r.overlap:
		return r.overlapScore, r, true
	}
	return 0, r, false
}

// relation is how two quotes' content words line up.
type relation struct {
	// containedA is the share of a's words b explains when a lies inside
	// b (0 when a sticks out past b or spreads out in it); likewise
	// containedB.
	containedA, containedB float64
	// overlap is set when the two stick out on opposite ends but share a
	// long ordered run; overlapScore is then the shorter one's explained
	// share.
	overlap      bool
	overlapScore float64
	// ma and mb flag the matched units of a and b.
	ma, mb []bool
}

// scratch holds the buffers of compare, reused from one pair to the next.
type scratch struct{ dp []uint16 }

// compare aligns a and b: the longest common subsequence of their units,
// then words of one matched out of order to the other's leftovers. The
// share of a quote b explains is the weight of its matched units over
// that weight plus one for each unmatched unit. Words left over in both
// quotes at the same place (the same gap between matches, or the same
// end) count as half explained, as words a translation swapped, only when
// the two share swapAnchor words that are not names, all in order: two
// shared words and a swapped one are two different sentences ("Russia
// supports Iran in the talks" / "Russia condemns Israel in the talks").
func compare(a, b []unit, sc *scratch) relation {
	var r relation
	ma, mb, inOrder := lcs(a, b, sc)
	r.ma, r.mb = ma, mb
	moved := 0
	for i := range a {
		if ma[i] {
			continue
		}
		for j := range b {
			if !mb[j] && a[i].matches(b[j]) {
				ma[i], mb[j] = true, true
				moved++
				break
			}
		}
	}
	m := inOrder + moved
	if m < minShared || float64(inOrder) < minOrder*float64(m) {
		return r
	}
	content := 0 // matched words that are not names
	for i, ok := range ma {
		if ok && !a[i].name {
			content++
		}
	}
	if content == 0 {
		return r
	}
	loA, hiA := extent(ma)
	loB, hiB := extent(mb)
	leftA, rightA := loA, len(a)-1-hiA
	leftB, rightB := loB, len(b)-1-hiB
	swapped := 0
	if content >= swapAnchor && moved == 0 {
		innerA, innerB := hiA-loA+1-m, hiB-loB+1-m
		swapped = min(leftA, leftB) + min(rightA, rightB) + min(innerA, innerB)
	}
	outA := leftA > leftB || rightA > rightB // a sticks out past b
	outB := leftB > leftA || rightB > rightA
	// slack is how much wider than x its matched words may lie in the
	// other quote; words matched out of order must lie tighter, or two
	// common words anywhere near each other would do.
	slack := func(x []unit) int {
		if moved > 0 {
			return len(x) / 3
		}
		return max(spanSlack, len(x)/2)
	}
	if !outA && hiB-loB+1 <= len(a)+slack(a) {
		r.containedA = explained(a, ma, swapped)
	}
	if !outB && hiA-loA+1 <= len(b)+slack(b) {
		r.containedB = explained(b, mb, swapped)
	}
	if outA && outB && inOrder >= overlapRun &&
		hiA-loA+1 <= m+max(spanSlack, m/2) && hiB-loB+1 <= m+max(spanSlack, m/2) {
		r.overlap = true
		if len(a) <= len(b) {
			r.overlapScore = explained(a, ma, swapped)
		} else {
			r.overlapScore = explained(b, mb, swapped)
		}
	}
	return r
}

// explained returns the weight of the matched units of x, plus half a
// word for each of the swapped ones, over the weight of the matched units
// plus one for each unmatched unit.
func explained(x []unit, m []bool, swapped int) float64 {
	var hit, miss float64
	for i, u := range x {
		if m[i] {
			hit += u.w
		} else {
			miss++
		}
	}
	if hit == 0 {
		return 0
	}
	return (hit + 0.5*min(float64(swapped), miss)) / (hit + miss)
}

// extent returns the first and last set index of m.
func extent(m []bool) (lo, hi int) {
	lo, hi = -1, -1
	for i, ok := range m {
		if ok {
			if lo < 0 {
				lo = i
			}
			hi = i
		}
	}
	return lo, hi
}

// lcs aligns a and b on their longest common subsequence and returns which
// units of each are matched and how many pairs there are.
func lcs(a, b []unit, sc *scratch) (ma, mb []bool, n int) {
	w := len(b) + 1
	cells := (len(a) + 1) * w
	if cap(sc.dp) < cells {
		sc.dp = make([]uint16, cells)
	}
	dp := sc.dp[:cells] // dp[i*w+j]: LCS of a[i:], b[j:]
	clear(dp[len(a)*w:])
	for i := len(a) - 1; i >= 0; i-- {
		dp[i*w+len(b)] = 0
		for j := len(b) - 1; j >= 0; j-- {
			switch {
			case a[i].matches(b[j]):
				dp[i*w+j] = dp[(i+1)*w+j+1] + 1
			default:
				dp[i*w+j] = max(dp[(i+1)*w+j], dp[i*w+j+1])
			}
		}
	}
	ma, mb = make([]bool, len(a)), make([]bool, len(b))
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].matches(b[j]) && dp[i*w+j] == dp[(i+1)*w+j+1]+1:
			ma[i], mb[j] = true, true
			n++
			i, j = i+1, j+1
		case dp[(i+1)*w+j] >= dp[i*w+j+1]:
			i++
		default:
			j++
		}
	}
	return ma, mb, n
}

// canonical picks the group's reference wording: the most common one, that
// is the content words (stems, function words left out) the most articles
// share, when two or more articles share one; among those, and when no
// wording is shared, the most verbatim quote (direct, then partial), then
// the longest, then the first. The wording is returned as that quote's
// text, trimmed of a trailing comma, colon or semicolon.
func canonical(quotes []parallax.Quote, prep []prepared, members []int) string {
	articles := map[string][]string{} // content → articles using it
	for _, i := range members {
		c := prep[i].content
		if !slices.Contains(articles[c], quotes[i].Article) {
			articles[c] = append(articles[c], quotes[i].Article)
		}
	}
	best := -1
	for _, i := range members {
		n := len(articles[prep[i].content])
		if n < 2 {
			continue
		}
		if best < 0 {
			best = i
			continue
		}
		if m := len(articles[prep[best].content]); n > m || n == m && better(quotes, prep, i, best) {
			best = i
		}
	}
	if best < 0 {
		for _, i := range members {
			if best < 0 || better(quotes, prep, i, best) {
				best = i
			}
		}
	}
	return strings.TrimRight(strings.TrimSpace(quotes[best].Text), ",;: ")
}

// kindRank orders quote kinds by how verbatim they are.
func kindRank(kind string) int {
	switch kind {
	case parallax.Direct:
		return 2
	case parallax.Partial:
		return 1
	}
	return 0
}

// better reports whether quote i makes a better canonical wording than j:
// more verbatim, then longer; the earlier one wins ties.
func better(quotes []parallax.Quote, prep []prepared, i, j int) bool {
	if ki, kj := kindRank(quotes[i].Kind), kindRank(quotes[j].Kind); ki != kj {
		return ki > kj
	}
	return prep[i].words > prep[j].words
}
