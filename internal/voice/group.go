package voice

import (
	"cmp"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"parallax"
	"parallax/internal/lexicon"
	"parallax/internal/text"
)

// The data files the grouper loads from the rules file system.
const (
	functionWordsFile = "voice/function-words.txt"
	variantsFile      = "voice/variants.txt"
)

// Matching thresholds. A quote is "contained" in another when the share of
// its content words the other explains (matched words count 1, words
// swapped for other words at the same place count 1/2) reaches the
// threshold.
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
	// pathological quote costs no more than a long one.
	maxUnits = 300
	// minStemMatch is the shortest stem matched inside a longer one
	// ("justif" in "unjustifi"); maxStemPrefix is the longest prefix
	// allowed before it ("un", "dis", "non").
	minStemMatch  = 5
	maxStemPrefix = 3
)

// Grouper finds the quotes of a story that render the same utterance. It
// is safe for concurrent use.
type Grouper struct {
	tok      *text.Tokenizer
	function map[string]bool   // lower-case function words
	variants map[string]string // stem → the stem that stands for its line
}

// New loads the grouper's data from fsys (rules.FS, or a directory laid out
// the same way): the text engine's lists, voice/function-words.txt and
// voice/variants.txt. Every data error is reported together.
func New(fsys fs.FS) (*Grouper, error) {
	eng, err := text.New(fsys)
	if err != nil {
		return nil, fmt.Errorf("voice: %w", err)
	}
	g := &Grouper{tok: eng.Tokenizer(), variants: map[string]string{}}
	ld := &lexicon.Loader{FS: fsys}
	g.function = ld.Load(functionWordsFile).Set(strings.ToLower)
	vl := ld.Load(variantsFile)
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
// line (or its own stem), stem its own stem.
type unit struct{ key, stem string }

func (u unit) matches(v unit) bool { return u.key == v.key || stemsMatch(u.stem, v.stem) }

// stemsMatch reports whether one stem holds the other near its start:
// derived and negated forms of one word ("justif"/"unjustifi",
// "provok"/"unprovok") that the stemmer leaves apart.
func stemsMatch(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < minStemMatch {
		return false
	}
	i := strings.Index(b, a)
	return i >= 0 && i <= maxStemPrefix
}

// prepared is a quote made ready for comparison.
type prepared struct {
	units   []unit
	wording string // its words, normalised, joined by spaces
	content string // the stems of its content words, joined by spaces
	words   int
}

func (g *Grouper) prepare(q *parallax.Quote) prepared {
	var p prepared
	var wording, content []string
	for _, t := range g.tok.Tokens(q.Text) {
		switch t.Kind {
		case parallax.TokenPunct, parallax.TokenSymbol:
			continue
		}
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
			p.units = append(p.units, unit{key: key, stem: t.Stem})
		}
	}
	p.wording = strings.Join(wording, " ")
	p.content = strings.Join(content, " ")
	p.words = len(wording)
	return p
}

// link is a pair of quotes found to render one utterance.
type link struct {
	a, b  int
	score float64
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
// half the pairs of quotes across them are linked (average linkage), so
// that a long quote holding two sentences that other outlets quote apart
// does not chain them into one group: it joins the one it fits best.
func (g *Grouper) Group(quotes []parallax.Quote) []parallax.QuoteGroup {
	prep := make([]prepared, len(quotes))
	index := map[string][]int{} // unit key → quotes holding it
	for i := range quotes {
		quotes[i].Group = ""
		prep[i] = g.prepare(&quotes[i])
		seen := map[string]bool{}
		for _, u := range prep[i].units {
			if !seen[u.key] {
				seen[u.key] = true
				index[u.key] = append(index[u.key], i)
			}
		}
	}

	var links []link
	cand := make([]int, len(quotes)) // last a that proposed b, plus one
	for a := range quotes {
		for _, u := range prep[a].units {
			for _, b := range index[u.key] {
				if b <= a || cand[b] == a+1 {
					continue
				}
				cand[b] = a + 1
				if s, ok := g.related(&quotes[a], &quotes[b], &prep[a], &prep[b]); ok {
					links = append(links, link{a, b, s})
				}
			}
		}
	}
	// Strongest links first, so that a quote that could join two groups of
	// different speakers joins the one it matches best.
	slices.SortStableFunc(links, func(x, y link) int {
		if c := cmp.Compare(y.score, x.score); c != 0 {
			return c
		}
		if c := cmp.Compare(x.a, y.a); c != 0 {
			return c
		}
		return cmp.Compare(x.b, y.b)
	})

	parent := make([]int, len(quotes))
	speaker := make([]string, len(quotes)) // a root's known speaker
	group := make([][]int, len(quotes))    // a root's members
	linked := make(map[[2]int]bool, len(links))
	for _, l := range links {
		linked[[2]int{l.a, l.b}] = true
	}
	for i := range parent {
		parent[i] = i
		speaker[i] = quotes[i].Speaker
		group[i] = []int{i}
	}
	// coherent reports whether two groups may merge: at least half the
	// pairs across them are linked (average linkage), so that a long
	// quote holding two utterances does not chain them into one group.
	coherent := func(a, b []int) bool {
		n := 0
		for _, x := range a {
			for _, y := range b {
				if linked[[2]int{min(x, y), max(x, y)}] {
					n++
				}
			}
		}
		return 2*n >= len(a)*len(b)
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, l := range links {
		ra, rb := find(l.a), find(l.b)
		if ra == rb {
			continue
		}
		sa, sb := speaker[ra], speaker[rb]
		if sa != "" && sb != "" && sa != sb {
			continue
		}
		if !coherent(group[ra], group[rb]) {
			continue
		}
		if ra > rb {
			ra, rb = rb, ra
		}
		parent[rb] = ra
		speaker[ra] = cmp.Or(sa, sb)
		group[ra] = append(group[ra], group[rb]...)
		group[rb] = nil
	}

	members := map[int][]int{}
	var roots []int
	for i := range quotes {
		r := find(i)
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

// related reports whether quotes a and b render one utterance, and how
// strongly.
func (g *Grouper) related(qa, qb *parallax.Quote, a, b *prepared) (float64, bool) {
	if qa.Speaker != "" && qb.Speaker != "" && qa.Speaker != qb.Speaker {
		return 0, false
	}
	same := qa.Speaker != "" && qa.Speaker == qb.Speaker
	if len(a.units) < minShared || len(b.units) < minShared {
		// One content word ("crucial") says little about the
		// utterance: only the same words from the same known speaker.
		return 1, same && a.wording != "" && a.wording == b.wording
	}
	threshold := containUnsure
	if same {
		threshold = containSame
	}
	r := compare(a.units, b.units)
	switch {
	case r.containedA >= threshold || r.containedB >= threshold:
		return max(r.containedA, r.containedB), true
	case r.overlap:
		return r.overlapScore, true
	}
	return 0, false
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
}

// compare aligns a and b: the longest common subsequence of their units,
// then words of one matched out of order to the other's leftovers. Words
// left over in both quotes at the same place (the same gap between matches,
// or the same end) count as swapped for each other.
func compare(a, b []unit) relation {
	var r relation
	ma, mb, inOrder := lcs(a, b)
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
	loA, hiA := extent(ma)
	loB, hiB := extent(mb)
	leftA, rightA := loA, len(a)-1-hiA
	leftB, rightB := loB, len(b)-1-hiB
	innerA, innerB := hiA-loA+1-m, hiB-loB+1-m
	swapped := min(leftA, leftB) + min(rightA, rightB) + min(innerA, innerB)
	explained := float64(m) + 0.5*float64(swapped)
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
		r.containedA = explained / float64(len(a))
	}
	if !outB && hiA-loA+1 <= len(b)+slack(b) {
		r.containedB = explained / float64(len(b))
	}
	if outA && outB && inOrder >= overlapRun &&
		hiA-loA+1 <= m+max(spanSlack, m/2) && hiB-loB+1 <= m+max(spanSlack, m/2) {
		r.overlap = true
		r.overlapScore = explained / float64(min(len(a), len(b)))
	}
	return r
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
func lcs(a, b []unit) (ma, mb []bool, n int) {
	w := len(b) + 1
	dp := make([]uint16, (len(a)+1)*w) // dp[i*w+j]: LCS of a[i:], b[j:]
	for i := len(a) - 1; i >= 0; i-- {
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
