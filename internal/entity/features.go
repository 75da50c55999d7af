package entity

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/internal/lexicon"
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
}

type phrase struct {
	tokens []string
	kind   string
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
	g.byFirst[toks[0]] = append(g.byFirst[toks[0]], phrase{toks, kind})
}

// matches returns, for each token, the gazetteer features it carries:
// "gaz=KIND:B" on the first token of a longest match, "gaz=KIND:I" on the
// others.
func (g *Gazetteers) matches(lower []string) [][]string {
	out := make([][]string, len(lower))
	for i := 0; i < len(lower); {
		adv := 1
		for _, p := range g.byFirst[lower[i]] {
			if i+len(p.tokens) > len(lower) || !equalAt(lower, i, p.tokens) {
				continue
			}
			out[i] = append(out[i], "gaz="+p.kind+":B")
			for k := 1; k < len(p.tokens); k++ {
				out[i+k] = append(out[i+k], "gaz="+p.kind+":I")
			}
			adv = len(p.tokens)
			break
		}
		i += adv
	}
	return out
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
// start of a sentence), and which appear capitalised inside a sentence.
type Context struct {
	lower   map[string]bool
	capital map[string]bool
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

// Features returns the features of every token of one sentence; ctx may be
// nil.
func (g *Gazetteers) Features(tokens []string, ctx *Context) [][]string {
	n := len(tokens)
	lower := make([]string, n)
	shapes := make([]string, n)
	for i, t := range tokens {
		lower[i] = strings.ToLower(t)
		shapes[i] = shape(t)
	}
	gaz := g.matches(lower)
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
	at := func(s []string, i int) string {
		switch {
		case i < 0:
			return "<s>"
		case i >= n:
			return "</s>"
		}
		return s[i]
	}
	out := make([][]string, n)
	for i := range tokens {
		w := lower[i]
		f := make([]string, 0, 32)
		f = append(f, "bias",
			"w="+w,
			"shape="+shapes[i],
			"p3="+prefix(w, 3),
			"s3="+suffix(w, 3),
			"s2="+suffix(w, 2),
			"w-1="+at(lower, i-1),
			"w+1="+at(lower, i+1),
			"w-2="+at(lower, i-2),
			"w+2="+at(lower, i+2),
			"shape-1="+at(shapes, i-1),
			"shape+1="+at(shapes, i+1),
			"shape-1,0="+at(shapes, i-1)+","+shapes[i],
			"shape0,+1="+shapes[i]+","+at(shapes, i+1),
			"w-1,w="+at(lower, i-1)+","+w,
		)
		if i == 0 {
			f = append(f, "first")
		}
		if runStart[i] >= 0 {
			l := runLen[i]
			if l > 4 {
				l = 4
			}
			f = append(f, fmt.Sprintf("run=%d:%d", l, min(i-runStart[i], 3)), fmt.Sprintf("runend=%v", i == runStart[i]+runLen[i]-1))
		}
		if isCapitalised(tokens[i]) {
			f = append(f, "cap,first="+fmt.Sprint(i == 0))
			if ctx != nil {
				f = append(f, "seenlower="+fmt.Sprint(ctx.lower[w]), "seencap="+fmt.Sprint(ctx.capital[w]))
			}
		}
		f = append(f, "s4="+suffix(w, 4), "p2="+prefix(w, 2), "w,shape+1="+w+","+at(shapes, i+1))
		if g.orgSuffix[w] {
			f = append(f, "orgsuffix")
		}
		if i+1 < n && g.orgSuffix[lower[i+1]] && isCapitalised(tokens[i+1]) {
			f = append(f, "orgsuffix+1")
		}
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			f = append(f, "possessive")
		}
		f = append(f, gaz[i]...)
		if i > 0 {
			for _, gz := range gaz[i-1] {
				f = append(f, "prev:"+gz)
			}
		}
		if i+1 < n {
			for _, gz := range gaz[i+1] {
				f = append(f, "next:"+gz)
			}
		}
		out[i] = f
	}
	return out
}

// shape maps a token to its pattern of character classes, runs of one
// class collapsed: "Putin" → "Xx", "U.S." → "X.X.", "2025" → "d", "F-35" →
// "X-d".
func shape(t string) string {
	var b strings.Builder
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
			b.WriteRune(c)
		}
		last = c
		if b.Len() > 8 {
			break
		}
	}
	return b.String()
}

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
