package alias

import (
	"sort"
	"strings"

	"parallax"
)

// Index links what a later stage knows of a person (a speaker's text and
// span in an article) to the entities of one story. Build it with
// [Resolver.Index] from the results of [Resolver.Merge].
type Index struct {
	r         *Resolver
	byArticle map[string][]*parallax.Mention // in text order
	all       []parallax.Mention
	// forms holds each name mention's comparable form; byLast the name
	// mentions by the last word of that form, in the story and by article.
	forms     map[*parallax.Mention]nameForm
	byLast    map[string][]*parallax.Mention
	byLastIn  map[string]map[string][]*parallax.Mention
	types     map[string]string // entity ID → type
	holders   []*holder         // the people given a role
	holderIDs []string          // their entity IDs
}

// Index returns an index over the entities and merged mentions of one
// story, as [Resolver.Merge] returned them.
func (r *Resolver) Index(entities []parallax.Entity, mentions []parallax.Mention) *Index {
	x := &Index{r: r, byArticle: map[string][]*parallax.Mention{}, all: mentions, types: map[string]string{},
		forms: map[*parallax.Mention]nameForm{}, byLast: map[string][]*parallax.Mention{}, byLastIn: map[string]map[string][]*parallax.Mention{}}
	for _, e := range entities {
		x.types[e.ID] = e.Type
	}
	hs := map[string]*holder{}
	for i := range mentions {
		m := &mentions[i]
		if m.Entity == "" {
			continue
		}
		x.byArticle[m.Article] = append(x.byArticle[m.Article], m)
		if m.Kind == parallax.MentionName {
			f := r.normName(m.Text, x.types[m.Entity] == parallax.Person)
			if n := len(f.toks); n > 0 {
				x.forms[m] = f
				last := f.toks[n-1]
				x.byLast[last] = append(x.byLast[last], m)
				if x.byLastIn[m.Article] == nil {
					x.byLastIn[m.Article] = map[string][]*parallax.Mention{}
				}
				x.byLastIn[m.Article][last] = append(x.byLastIn[m.Article][last], m)
			}
		}
		if x.types[m.Entity] != parallax.Person || m.Kind != parallax.MentionName {
			continue
		}
		h := hs[m.Entity]
		if h == nil {
			h = &holder{arts: map[string]bool{}}
			hs[m.Entity] = h
			x.holders = append(x.holders, h)
			x.holderIDs = append(x.holderIDs, m.Entity)
		}
		var ri roleInfo
		if m.Role != "" {
			ri = r.parseRole(m.Role)
		}
		h.addMention(r, m, ri)
	}
	return x
}

// Lookup returns the ID of the entity that speaker, standing at sp in the
// article, refers to, or "" when it cannot tell safely. In order it tries:
// a merged mention overlapping sp (the quote stage passes a pronoun's
// antecedent span this way); a name mention of the same article with the
// same name, or a fuller name ending in the same word ("Peskov" → "Dmitry
// Peskov"), nearest before sp, else nearest after; the one entity of the
// story so named; and, for a role ("the Kremlin spokesman"), the one person
// of the article, else of the story, who was given a compatible role.
func (x *Index) Lookup(article, speaker string, sp parallax.Span) string {
	best, overlap := "", 0
	ms := x.byArticle[article]
	// mentions are in text order and barely overlap: only the few that
	// start before sp ends can reach into it
	end := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= sp.End })
	for k := end - 1; k >= 0 && k >= end-8; k-- {
		if o := min(ms[k].End, sp.End) - max(ms[k].Start, sp.Start); o > overlap {
			best, overlap = ms[k].Entity, o
		}
	}
	if best != "" {
		return best
	}
	f := x.r.normName(speaker, true)
	if n := len(f.toks); n > 0 && !x.isRole(speaker) {
		last := f.toks[n-1]
		in, all := x.byLastIn[article][last], x.byLast[last]
		if isInitial(last) {
			// an initial matches any word it begins: look at every name
			in, all = nil, nil
			for m := range x.forms {
				if m.Article == article {
					in = append(in, m)
				}
				all = append(all, m)
			}
		}
		if id := x.byName(in, f, sp); id != "" {
			return id
		}
		if id := unique(all, func(m *parallax.Mention) bool { return x.sameName(m, f) }); id != "" {
			return id
		}
	}
	ri := x.r.parseRole(speaker)
	if !x.r.known(ri.base) {
		return ""
	}
	if k := x.r.choose(ri, article, x.holders); k >= 0 {
		return x.holderIDs[k]
	}
	return ""
}

// isRole reports whether a speaker's text is a role rather than a name:
// every word of it is a known role word, qualifier or small word.
func (x *Index) isRole(s string) bool {
	ri := x.r.parseRole(s)
	return ri.base != "" && x.r.known(ri.base)
}

func (x *Index) sameName(m *parallax.Mention, f nameForm) bool {
	g, ok := x.forms[m]
	if !ok {
		return false
	}
	ok, _ = align(f.toks, g.toks, sameWord)
	return ok && len(f.toks) <= len(g.toks)
}

// byName finds the mention of ms with f's name nearest before sp, else
// nearest after.
func (x *Index) byName(ms []*parallax.Mention, f nameForm, sp parallax.Span) string {
	before, after := "", ""
	bs, as := -1, int(^uint(0)>>1)
	for _, m := range ms {
		if !x.sameName(m, f) {
			continue
		}
		if m.Start < sp.Start && m.Start > bs {
			before, bs = m.Entity, m.Start
		}
		if m.Start >= sp.Start && m.Start < as {
			after, as = m.Entity, m.Start
		}
	}
	if before != "" {
		return before
	}
	return after
}

// unique returns the entity of the mentions that satisfy ok when they all
// have the same one, else "".
func unique(ms []*parallax.Mention, ok func(*parallax.Mention) bool) string {
	id := ""
	for _, m := range ms {
		if !ok(m) {
			continue
		}
		if id != "" && id != m.Entity {
			return ""
		}
		id = m.Entity
	}
	return strings.TrimSpace(id)
}
