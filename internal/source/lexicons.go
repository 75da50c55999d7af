package source

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"parallax"
	"parallax/internal/lexicon"
)

// The slots of rules/sources/cues.txt: where the source stands relative to
// the cue.
const (
	slotAfter   = "after"
	slotBefore  = "before"
	slotSelf    = "self"
	slotClause  = "clause"
	slotNetwork = "network"
	slotSkip    = "skip"
)

// The kinds of rules/sources/unnamed.txt.
const (
	unnamedPlain     = "unnamed"
	unnamedQualified = "qualified"
	unnamedMedia     = "media"
	unnamedSocial    = "social"
	unnamedModifier  = "modifier"
)

// phrase is one entry of a word table: its words in base form and what the
// list says about it.
type phrase struct {
	words []string
	vals  []string
}

// table finds phrases of one or more words in a run of words, forward from
// their first word or backward from their last.
type table struct {
	byFirst map[string][]*phrase // longest first
	byLast  map[string][]*phrase // longest first
	byKey   map[string]*phrase   // words joined by spaces
}

func newTable() *table {
	return &table{byFirst: map[string][]*phrase{}, byLast: map[string][]*phrase{}, byKey: map[string]*phrase{}}
}

// add adds val to the phrase s, creating it when new.
func (t *table) add(s, val string) {
	words := splitWords(s)
	if len(words) == 0 {
		return
	}
	key := strings.Join(words, " ")
	if p, ok := t.byKey[key]; ok {
		p.vals = append(p.vals, val)
		return
	}
	p := &phrase{words: words, vals: []string{val}}
	t.byKey[key] = p
	t.byFirst[words[0]] = append(t.byFirst[words[0]], p)
	t.byLast[words[len(words)-1]] = append(t.byLast[words[len(words)-1]], p)
}

// set replaces the values of the phrase s.
func (t *table) set(s, val string) {
	if p, ok := t.byKey[strings.Join(splitWords(s), " ")]; ok {
		p.vals = []string{val}
		return
	}
	t.add(s, val)
}

func (t *table) sort() {
	longest := func(ps []*phrase) {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
	}
	for _, ps := range t.byFirst {
		longest(ps)
	}
	for _, ps := range t.byLast {
		longest(ps)
	}
}

// lookup returns the phrase that is exactly the words of s, or nil.
func (t *table) lookup(s string) *phrase { return t.byKey[strings.Join(splitWords(s), " ")] }

// at returns the longest phrase that starts at w[i], or nil.
func (t *table) at(w []word, i int) *phrase {
	if i < 0 || i >= len(w) {
		return nil
	}
	for _, p := range t.byFirst[w[i].base] {
		if matches(w, i, p.words) {
			return p
		}
	}
	return nil
}

// all returns every phrase that starts at w[i], longest first.
func (t *table) all(w []word, i int) []*phrase {
	if i < 0 || i >= len(w) {
		return nil
	}
	var out []*phrase
	for _, p := range t.byFirst[w[i].base] {
		if matches(w, i, p.words) {
			out = append(out, p)
		}
	}
	return out
}

// end returns the longest phrase that ends at w[k] and starts at or after
// w[lo], or nil.
func (t *table) end(w []word, k, lo int) *phrase {
	if k < lo || k >= len(w) {
		return nil
	}
	for _, p := range t.byLast[w[k].base] {
		s := k - len(p.words) + 1
		if s >= lo && matches(w, s, p.words) {
			return p
		}
	}
	return nil
}

// matches reports whether the words of w from i are ws, none quoted or
// punctuation, and none but the last possessive.
func matches(w []word, i int, ws []string) bool {
	if i+len(ws) > len(w) {
		return false
	}
	for j, s := range ws {
		t := &w[i+j]
		if t.base != s || t.quoted || t.punct || t.poss && j < len(ws)-1 {
			return false
		}
	}
	return true
}

// splitWords splits a list entry into words in base form, as [base] gives
// them for tokens.
func splitWords(s string) []string {
	f := strings.Fields(strings.ToLower(s))
	for i, w := range f {
		f[i], _ = base(strings.ReplaceAll(w, "’", "'"))
	}
	return f
}

// base strips a possessive ending from a lower-case word: "iran's" → "iran",
// "reuters'" → "reuters".
func base(norm string) (string, bool) {
	if len(norm) > 2 && strings.HasSuffix(norm, "'s") {
		return norm[:len(norm)-2], true
	}
	if len(norm) > 1 && strings.HasSuffix(norm, "'") {
		return norm[:len(norm)-1], true
	}
	return norm, false
}

// known is a news agency or outlet from the lists.
type known struct {
	name string // canonical name
	kind string // parallax.SourceAgency or parallax.SourceOutlet
}

// lexicons are the word lists a Finder reads.
type lexicons struct {
	names      *table // agencies and outlets; vals[0] indexes known
	known      []known
	descr      *table // outlet descriptors; vals[0] is the kind
	bodies     *table
	orgs       *table // named organisations; vals[0] is "acronym" for names in capitals
	docs       *table // vals[0] is the kind: document or social
	unnamed    *table // vals[0] is one of the unnamed* kinds
	qualifiers *table
	cues       *table // vals are slots
	places     *table // countries, their capitals and other names
	demonyms   map[string]bool
	networks   *table // vals[0] is the network as listed
	stop       map[string]bool
	weekdays   map[string]bool
}

func loadLexicons(fsys fs.FS) (*lexicons, error) {
	ld := &lexicon.Loader{FS: fsys}
	var errs lexicon.ErrorList
	bad := func(l *lexicon.List, e lexicon.Entry, msg string) {
		errs = append(errs, &lexicon.Error{File: l.Name, Line: e.Line, Msg: msg})
	}
	lx := &lexicons{
		names: newTable(), descr: newTable(), bodies: newTable(), docs: newTable(), unnamed: newTable(),
		qualifiers: newTable(), cues: newTable(), places: newTable(), networks: newTable(), orgs: newTable(),
		demonyms: map[string]bool{},
		stop:     ld.Load("sources/stop-words.txt").Set(strings.ToLower),
		weekdays: ld.Load("text/weekdays.txt").Set(strings.ToLower),
	}

	// Agencies, then outlets: a name in both is an outlet. Every name of
	// one full name maps to the first name listed for it.
	for _, f := range []struct{ file, kind string }{
		{"sources/news-agencies.txt", parallax.SourceAgency},
		{"sources/outlets.txt", parallax.SourceOutlet},
	} {
		l := ld.Load(f.file)
		canon := map[string]int{}
		for _, e := range l.Entries {
			if len(e.Fields) != 2 {
				bad(l, e, fmt.Sprintf("want name<TAB>full name, have %d fields", len(e.Fields)))
				continue
			}
			full := strings.ToLower(e.Fields[1])
			idx, ok := canon[full]
			if !ok {
				idx = len(lx.known)
				lx.known = append(lx.known, known{name: e.Fields[0], kind: f.kind})
				canon[full] = idx
			}
			lx.names.set(e.Fields[0], fmt.Sprint(idx))
			if lx.names.lookup(e.Fields[1]) == nil || f.kind == parallax.SourceOutlet {
				lx.names.set(e.Fields[1], fmt.Sprint(idx))
			}
		}
	}
	oneOf := func(file string, t *table, kinds ...string) {
		l := ld.Load(file)
		for _, e := range l.Entries {
			if len(kinds) == 0 {
				if len(e.Fields) != 1 {
					bad(l, e, "want one phrase a line")
					continue
				}
				t.add(e.Fields[0], "")
				continue
			}
			if len(e.Fields) != 2 || !contains(kinds, e.Fields[1]) {
				bad(l, e, fmt.Sprintf("want phrase<TAB>%s", strings.Join(kinds, "|")))
				continue
			}
			t.add(e.Fields[0], e.Fields[1])
		}
	}
	oneOf("sources/cues.txt", lx.cues, slotAfter, slotBefore, slotSelf, slotClause, slotNetwork, slotSkip)
	oneOf("sources/descriptors.txt", lx.descr, parallax.SourceAgency, parallax.SourceOutlet)
	oneOf("sources/bodies.txt", lx.bodies)
	oneOf("sources/documents.txt", lx.docs, parallax.SourceDocument, parallax.SourceSocial)
	oneOf("sources/unnamed.txt", lx.unnamed, unnamedPlain, unnamedQualified, unnamedMedia, unnamedSocial, unnamedModifier)
	oneOf("sources/qualifiers.txt", lx.qualifiers)

	for _, k := range ld.Load("text/social-networks.txt").Keys() {
		lx.networks.add(k, k)
	}
	for _, e := range ld.Load("entity/organizations.txt").Entries {
		for _, name := range e.Fields {
			v := "name"
			if strings.ToUpper(name) == name {
				v = "acronym"
			}
			if lx.orgs.lookup(name) == nil {
				lx.orgs.add(name, v)
			}
		}
	}
	countries := ld.Load("entity/countries.txt")
	for _, e := range countries.Entries {
		lx.places.add(e.Fields[0], "")
		if len(e.Fields) > 1 {
			lx.demonyms[strings.ToLower(e.Fields[1])] = true
		}
		if len(e.Fields) > 2 {
			lx.places.add(e.Fields[2], "")
		}
	}
	for _, e := range ld.Load("entity/country-aliases.txt").Entries {
		for _, f := range e.Fields {
			lx.places.add(f, "")
		}
	}
	for _, t := range []*table{lx.names, lx.orgs, lx.descr, lx.bodies, lx.docs, lx.unnamed, lx.qualifiers, lx.cues, lx.places, lx.networks} {
		t.sort()
	}
	if err := ld.Err(); err != nil {
		return nil, fmt.Errorf("source: loading rules: %w", err)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("source: loading rules: %w", errs)
	}
	return lx, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// has reports whether p carries the value v.
func (p *phrase) has(v string) bool { return p != nil && contains(p.vals, v) }
