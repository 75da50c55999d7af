package entity

import (
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/lexicon"
	"parallax/internal/tagger"
)

// Gazetteers are the name lists of rules/entity/, as lower-case token
// sequences, by kind: "country", "demonym", "capital", "org", "role".
type Gazetteers struct {
	// byFirst maps the first token of each phrase to the phrases that
	// start with it, longest first.
	byFirst map[string][]phrase
	// orgSuffix holds the words that end organisation names.
	orgSuffix map[string]bool
	// joiners are the small words that may stand inside a name.
	joiners map[string]bool
	// given holds common given names, lower case.
	given map[string]bool
}

type phrase struct {
	tokens []string
	kind   string
	code   uint8 // index of kind in gazKinds
}

// LoadGazetteers reads the lists of rules/entity/ from fsys. Every data
// error is reported together.
func LoadGazetteers(fsys fs.FS) (*Gazetteers, error) {
	ld := &lexicon.Loader{FS: fsys}
	g := &Gazetteers{byFirst: map[string][]phrase{}, orgSuffix: map[string]bool{}}
	for _, e := range ld.Load("entity/countries.txt").Entries {
		kinds := []string{"country", "demonym", "capital"}
		for k, f := range e.Fields {
			if k < len(kinds) {
				g.add(f, kinds[k])
			}
		}
	}
	for _, e := range ld.Load("entity/country-aliases.txt").Entries {
		for _, f := range e.Fields {
			g.add(f, "country")
		}
	}
	for _, e := range ld.Load("entity/organizations.txt").Entries {
		for _, f := range e.Fields {
			g.add(f, "org")
		}
	}
	for _, k := range ld.Load("entity/roles.txt").Keys() {
		g.add(k, "role")
	}
	for _, k := range ld.Load("entity/org-suffixes.txt").Keys() {
		g.orgSuffix[strings.ToLower(k)] = true
	}
	g.joiners = ld.Load("entity/name-joiners.txt").Set(strings.ToLower)
	g.given = ld.Load("entity/given-names.txt").Set(strings.ToLower)
	if err := ld.Err(); err != nil {
		return nil, fmt.Errorf("entity: loading gazetteers: %w", err)
	}
	for k, ps := range g.byFirst {
		// longest first, so that "foreign minister" wins over "minister"
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].tokens) > len(ps[j-1].tokens); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		g.byFirst[k] = ps
	}
	return g, nil
}

func (g *Gazetteers) add(name, kind string) {
	toks := strings.Fields(strings.ToLower(name))
	if len(toks) == 0 {
		return
	}
	g.byFirst[toks[0]] = append(g.byFirst[toks[0]], phrase{toks, kind, uint8(slices.Index(gazKinds, kind))})
}

// gazKinds are the kinds of gazetteer phrase, in the order of the codes
// [Gazetteers.matches] gives.
var gazKinds = []string{"country", "demonym", "capital", "org", "role"}

// gazFeatures holds the features of a gazetteer match, by code: the match
// itself, and as seen from the token after it and the token before it.
var gazFeatures = func() (out [3][]piece) {
	out[0], out[1], out[2] = []piece{{}}, []piece{{}}, []piece{{}}
	for _, k := range gazKinds {
		for _, bi := range []string{":B", ":I"} {
			out[0] = append(out[0], pc("gaz="+k+bi))
			out[1] = append(out[1], pc("prev:gaz="+k+bi))
			out[2] = append(out[2], pc("next:gaz="+k+bi))
		}
	}
	return out
}()

// matches writes into codes, for each token, the gazetteer match it
// stands in, if any: 1+2×kind on the first token of a longest match,
// 2+2×kind on the others, 0 outside any match.
func (g *Gazetteers) matches(lower []string, codes []uint8) {
	for i := range codes {
		codes[i] = 0
	}
	for i := 0; i < len(lower); {
		adv := 1
		for _, p := range g.byFirst[lower[i]] {
			if i+len(p.tokens) > len(lower) || !equalAt(lower, i, p.tokens) {
				continue
			}
			codes[i] = 1 + 2*p.code
			for k := 1; k < len(p.tokens); k++ {
				codes[i+k] = 2 + 2*p.code
			}
			adv = len(p.tokens)
			break
		}
		i += adv
	}
}

func equalAt(s []string, i int, p []string) bool {
	for k, w := range p {
		if s[i+k] != w {
			return false
		}
	}
	return true
}

// Context is what the whole article says about its words: which appear in
// lower case somewhere (so a capitalised one is likely a common word at the
// start of a sentence), which appear capitalised inside a sentence, and,
// for the second stage of tagging, what types the first stage gave them.
type Context struct {
	lower   map[string]bool
	capital map[string]bool
	// types counts, for each lower-case word, the tokens of it that the
	// first stage tagged as each type (docTypes order); nil before it.
	types map[string]*[4]int32
}

// docTypes are the entity types the first stage gives, in the order of
// Context.types.
var docTypes = [4]string{"PER", "ORG", "LOC", "MISC"}

// pGiven and pGivenPrev mark a capitalised given name, and the token
// after one.
var pGiven, pGivenPrev = pc("given"), pc("given-1")

// pDoc are the document features ("doc=PER"), in docTypes order.
var pDoc = func() (out [len(docTypes)]piece) {
	for k, t := range docTypes {
		out[k] = pc("doc=" + t)
	}
	return out
}()

// typeIndex returns the index in docTypes of the type of a BIO tag, or -1.
func typeIndex(tag string) int {
	if len(tag) < 3 {
		return -1
	}
	return slices.Index(docTypes[:], tag[2:])
}

// withTypes returns a copy of c that knows the tags the first stage gave
// the sentences: the second stage's context. Sentences with count false
// are left out of the counts (a nil count leaves none out).
func (c *Context) withTypes(sents [][]string, tags [][]string, count []bool) *Context {
	out := *c
	out.types = map[string]*[4]int32{}
	for i, toks := range sents {
		if count != nil && !count[i] {
			continue
		}
		for k, t := range toks {
			ti := typeIndex(tags[i][k])
			if ti < 0 {
				continue
			}
			w := strings.ToLower(t)
			n := out.types[w]
			if n == nil {
				n = new([4]int32)
				out.types[w] = n
			}
			n[ti]++
		}
	}
	return &out
}

// NewContext gathers the context of an article from its sentences' tokens.
func NewContext(sentences [][]string) *Context {
	c := &Context{lower: map[string]bool{}, capital: map[string]bool{}}
	for _, toks := range sentences {
		for i, t := range toks {
			r, _ := utf8.DecodeRuneInString(t)
			switch {
			case unicode.IsLower(r):
				c.lower[t] = true
			case unicode.IsUpper(r) && i > 0:
				c.capital[strings.ToLower(t)] = true
			}
		}
	}
	return c
}

// piece is a piece of feature text with its hash.
type piece struct {
	s string
	t tagger.Text
}

func pc(s string) piece { return piece{s, tagger.Of(s)} }

// Pieces of feature text that do not depend on the tokens.
var (
	pBias, pFirst, pComma                       = pc("bias"), pc("first"), pc(",")
	pStart, pEnd                                = pc("<s>"), pc("</s>")
	pW, pShape, pP3, pS3, pS2, pS4, pP2         = pc("w="), pc("shape="), pc("p3="), pc("s3="), pc("s2="), pc("s4="), pc("p2=")
	pWm1, pWp1, pWm2, pWp2                      = pc("w-1="), pc("w+1="), pc("w-2="), pc("w+2=")
	pShm1, pShp1, pShm10, pSh0p1, pWm1W, pWShp1 = pc("shape-1="), pc("shape+1="), pc("shape-1,0="), pc("shape0,+1="), pc("w-1,w="), pc("w,shape+1=")
	pOrgSuffix, pOrgSuffixNext, pPossessive     = pc("orgsuffix"), pc("orgsuffix+1"), pc("possessive")
	pRunEnd                                     = [2]piece{pc("runend=false"), pc("runend=true")}
	pCapFirst                                   = [2]piece{pc("cap,first=false"), pc("cap,first=true")}
	pSeenLower                                  = [2]piece{pc("seenlower=false"), pc("seenlower=true")}
	pSeenCap                                    = [2]piece{pc("seencap=false"), pc("seencap=true")}
	pRun                                        = runPieces()
)

// runPieces returns the features "run=L:P" of a token at position P (0 to
// 3) in a capitalised run of length L (1 to 4), by [L-1][P].
func runPieces() (out [4][4]piece) {
	for l := range out {
		for p := range out[l] {
			out[l][p] = pc("run=" + strconv.Itoa(l+1) + ":" + strconv.Itoa(p))
		}
	}
	return out
}

// featureSet collects the features of a sentence: their hashes, one
// token after another in flat, and, when texts is not nil, their texts.
type featureSet struct {
	flat  []tagger.Feature
	ends  []int
	texts [][]string
	rows  [][]tagger.Feature // the slice tokens returns, kept for reuse
	// lower holds the sentence's tokens in lower case.
	lower []string
}

// add adds the feature that is the pieces put together to the token being
// built.
func (fs *featureSet) add(ps ...piece) {
	t := ps[0].t
	for _, p := range ps[1:] {
		t = t.Join(p.t)
	}
	fs.flat = append(fs.flat, t.Feature())
	if fs.texts != nil {
		var b strings.Builder
		for _, p := range ps {
			b.WriteString(p.s)
		}
		last := len(fs.texts) - 1
		fs.texts[last] = append(fs.texts[last], b.String())
	}
}

// next ends the token being built and starts another.
func (fs *featureSet) next() {
	fs.ends = append(fs.ends, len(fs.flat))
	if fs.texts != nil {
		fs.texts = append(fs.texts, nil)
	}
}

// reset empties fs for a sentence of n tokens, keeping its memory.
func (fs *featureSet) reset(n int) {
	fs.flat = slices.Grow(fs.flat[:0], 48*n)
	fs.ends = fs.ends[:0]
	fs.texts = nil
}

// tokens returns the features of each token. They share fs's memory.
func (fs *featureSet) tokens() [][]tagger.Feature {
	out := fs.rows[:0]
	if cap(out) < len(fs.ends) {
		out = make([][]tagger.Feature, len(fs.ends))
	}
	out = out[:len(fs.ends)]
	fs.rows = out
	start := 0
	for i, e := range fs.ends {
		out[i] = fs.flat[start:e:e]
		start = e
	}
	return out
}

// Features returns the features of every token of one sentence as text;
// ctx may be nil. The model sees their hashes.
func (g *Gazetteers) Features(tokens []string, ctx *Context) [][]string {
	return g.textFeatures(tokens, ctx, nil)
}

// textFeatures returns the features of a sentence as text: the first
// stage's, or, when stage1 (the first stage's tags) is given, the second
// stage's.
func (g *Gazetteers) textFeatures(tokens []string, ctx *Context, stage1 []string) [][]string {
	fs := &featureSet{texts: [][]string{nil}}
	g.features(tokens, ctx, fs)
	if stage1 != nil {
		out := &featureSet{texts: [][]string{nil}}
		addDocFeatures(fs, ctx, stage1, out)
		fs = out
	}
	return fs.texts[:len(tokens)]
}

// features adds the features of every token of one sentence to fs, the
// first stage's; ctx may be nil.
func (g *Gazetteers) features(tokens []string, ctx *Context, fs *featureSet) {
	n := len(tokens)
	lower := slices.Grow(fs.lower[:0], n)[:n]
	fs.lower = lower
	words := make([]piece, n)
	shapes := make([]piece, n)
	gaz := make([]uint8, n)
	for i, t := range tokens {
		lower[i] = strings.ToLower(t)
		words[i] = pc(lower[i])
		shapes[i] = pc(shape(t))
	}
	g.matches(lower, gaz)
	// Runs of capitalised tokens (joined by "of", "the", "and", "&"):
	// where a token stands in its run says much about B and I.
	runStart := make([]int, n)
	runLen := make([]int, n)
	for i := 0; i < n; {
		if !isCapitalised(tokens[i]) {
			runStart[i], runLen[i] = -1, 0
			i++
			continue
		}
		j := i + 1
		for j < n && (isCapitalised(tokens[j]) || (j+1 < n && isCapitalised(tokens[j+1]) && g.joiners[lower[j]])) {
			j++
		}
		for k := i; k < j; k++ {
			runStart[k], runLen[k] = i, j-i
		}
		i = j
	}
	at := func(s []piece, i int) piece {
		switch {
		case i < 0:
			return pStart
		case i >= n:
			return pEnd
		}
		return s[i]
	}
	for i := range tokens {
		w := lower[i]
		fs.add(pBias)
		fs.add(pW, words[i])
		fs.add(pShape, shapes[i])
		fs.add(pP3, pc(prefix(w, 3)))
		fs.add(pS3, pc(suffix(w, 3)))
		fs.add(pS2, pc(suffix(w, 2)))
		fs.add(pWm1, at(words, i-1))
		fs.add(pWp1, at(words, i+1))
		fs.add(pWm2, at(words, i-2))
		fs.add(pWp2, at(words, i+2))
		fs.add(pShm1, at(shapes, i-1))
		fs.add(pShp1, at(shapes, i+1))
		fs.add(pShm10, at(shapes, i-1), pComma, shapes[i])
		fs.add(pSh0p1, shapes[i], pComma, at(shapes, i+1))
		fs.add(pWm1W, at(words, i-1), pComma, words[i])
		if i == 0 {
			fs.add(pFirst)
		}
		if runStart[i] >= 0 {
			l := min(runLen[i], 4)
			fs.add(pRun[l-1][min(i-runStart[i], 3)])
			fs.add(pRunEnd[b2i(i == runStart[i]+runLen[i]-1)])
		}
		if isCapitalised(tokens[i]) {
			fs.add(pCapFirst[b2i(i == 0)])
			if ctx != nil {
				fs.add(pSeenLower[b2i(ctx.lower[w])])
				fs.add(pSeenCap[b2i(ctx.capital[w])])
			}
		}
		fs.add(pS4, pc(suffix(w, 4)))
		fs.add(pP2, pc(prefix(w, 2)))
		fs.add(pWShp1, words[i], pComma, at(shapes, i+1))
		if g.orgSuffix[w] {
			fs.add(pOrgSuffix)
		}
		if i+1 < n && g.orgSuffix[lower[i+1]] && isCapitalised(tokens[i+1]) {
			fs.add(pOrgSuffixNext)
		}
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			fs.add(pPossessive)
		}
		if gaz[i] != 0 {
			fs.add(gazFeatures[0][gaz[i]])
		}
		if g.given[w] && isCapitalised(tokens[i]) {
			fs.add(pGiven)
		}
		if i > 0 && g.given[lower[i-1]] && isCapitalised(tokens[i-1]) {
			fs.add(pGivenPrev)
		}
		if i > 0 && gaz[i-1] != 0 {
			fs.add(gazFeatures[1][gaz[i-1]])
		}
		if i+1 < n && gaz[i+1] != 0 {
			fs.add(gazFeatures[2][gaz[i+1]])
		}
		fs.next()
	}
}

// addDocFeatures writes into out the second stage's features of a
// sentence: its first-stage features, base, and for each token the types
// the first stage gave its word elsewhere in the document. ctx knows the
// first stage's tags in the whole document ([Context.withTypes]), and
// stage1 are those of the sentence.
func addDocFeatures(base *featureSet, ctx *Context, stage1 []string, out *featureSet) {
	start := 0
	for i, end := range base.ends {
		out.flat = append(out.flat, base.flat[start:end]...)
		if base.texts != nil {
			last := len(out.texts) - 1
			out.texts[last] = append(out.texts[last], base.texts[i]...)
		}
		start = end
		if c := ctx.types[base.lower[i]]; c != nil {
			own := typeIndex(stage1[i])
			for k, c := range c {
				if k == own {
					c--
				}
				if c > 0 {
					out.add(pDoc[k])
				}
			}
		}
		out.next()
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// shape maps a token to its pattern of character classes, runs of one
// class collapsed: "Putin" → "Xx", "U.S." → "X.X.", "2025" → "d", "F-35" →
// "X-d".
func shape(t string) string {
	var buf [16]byte
	b := buf[:0]
	var last rune = -1
	for _, r := range t {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c != last || (c != 'X' && c != 'x' && c != 'd') {
			b = utf8.AppendRune(b, c)
		}
		last = c
		if len(b) > 8 {
			break
		}
	}
	if s, ok := commonShapes[string(b)]; ok {
		return s
	}
	return string(b)
}

// commonShapes holds the shapes of most words, so that shape need not
// allocate them.
var commonShapes = func() map[string]string {
	m := map[string]string{}
	for _, s := range []string{"x", "X", "Xx", "d", "X.", "Xx.", "X.X.", "xXx", "x-x", "Xx-Xx", "Xx-x", "d.d", "d,d", "'x", "X-d", "XxXx", "d-d", "dx"} {
		m[s] = s
	}
	for _, r := range `.,;:!?'"()[]{}-–—&/%$@#*+=<>` {
		m[string(r)] = string(r)
	}
	return m
}()

func isCapitalised(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}

func prefix(w string, n int) string {
	i := 0
	for k := range w {
		if i == n {
			return w[:k]
		}
		i++
	}
	return w
}

func suffix(w string, n int) string {
	i := len(w)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return w[i:]
}
