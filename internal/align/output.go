package align

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"parallax"
)

// claims turns the clusters into claims: the reference wording, the
// support spans with their scores and matched features, coverage, status
// and speaker; widest coverage first.
func (st *story) claims(clusters [][]int) []parallax.Claim {
	total := distinct(st.outlet)
	type built struct {
		c     parallax.Claim
		first int // the earliest unit, for a stable order
	}
	var bs []built
	for _, cl := range clusters {
		ref := st.plainest(cl)
		r := &st.units[ref]
		src := st.arts[r.art].Text
		c := parallax.Claim{Text: clean(r.span.In(src))}
		outlets := map[string]bool{}
		speakers := map[string]int{}
		for _, i := range cl {
			u := &st.units[i]
			outlets[st.outlet[u.art]] = true
			if u.speaker != "" {
				speakers[u.speaker]++
			}
		}
		c.Support = append(c.Support, parallax.Support{Article: st.arts[r.art].ID, Span: r.span})
		for _, i := range cl {
			if i == ref {
				continue
			}
			u := &st.units[i]
			m := st.score(r, u, true)
			matched := st.explain(r, u, m)
			if len(matched) == 0 {
				// Aligned through another span: explain against the one
				// it matches best.
				best, bm := -1, match{}
				for _, j := range cl {
					if j != i {
						if mj := st.score(&st.units[j], u, true); best < 0 || mj.raw > bm.raw {
							best, bm = j, mj
						}
					}
				}
				if best >= 0 {
					for _, f := range st.explain(&st.units[best], u, bm) {
						matched = append(matched, "via "+st.arts[st.units[best].art].ID+": "+f)
					}
				}
			}
			c.Support = append(c.Support, parallax.Support{
				Article: st.arts[u.art].ID,
				Span:    u.span,
				Score:   math.Round(m.raw*1000) / 1000,
				Matched: matched,
			})
		}
		c.Coverage = len(outlets)
		c.Status = status(c.Coverage, total)
		c.Speaker = r.speaker
		if c.Speaker == "" {
			// Else the speaker most spans give, when more than half do.
			for sp, n := range speakers {
				if 2*n > len(cl) {
					c.Speaker = sp
				}
			}
		}
		bs = append(bs, built{c, cl[0]})
	}
	slices.SortStableFunc(bs, func(x, y built) int {
		if c := cmp.Compare(y.c.Coverage, x.c.Coverage); c != 0 {
			return c
		}
		if c := cmp.Compare(len(y.c.Support), len(x.c.Support)); c != 0 {
			return c
		}
		return cmp.Compare(x.first, y.first)
	})
	out := make([]parallax.Claim, len(bs))
	for i, b := range bs {
		b.c.ID = fmt.Sprintf("c%d", i+1)
		out[i] = b.c
	}
	return out
}

// status returns the claim status for a coverage out of total outlets.
func status(coverage, total int) string {
	switch {
	case coverage >= 2 && coverage >= total-1:
		return parallax.StatusConsensus
	case coverage >= 2:
		return parallax.StatusPartial
	}
	return parallax.StatusUnique
}

// plainest returns the unit of the cluster with the plainest wording: the
// most content shared with the other articles' units, the least content
// of its own, the fewest modifiers; narration before quotation.
func (st *story) plainest(cl []int) int {
	if len(cl) == 1 {
		return cl[0]
	}
	arts := map[int32]map[int]bool{} // feature → articles having it
	for _, i := range cl {
		u := &st.units[i]
		for _, f := range u.feats {
			if arts[f.id] == nil {
				arts[f.id] = map[int]bool{}
			}
			arts[f.id][u.art] = true
		}
	}
	best, bestScore := cl[0], math.Inf(-1)
	for _, i := range cl {
		u := &st.units[i]
		var shared, own float64
		for k, f := range u.feats {
			if len(arts[f.id]) > 1 {
				shared += u.ws[k]
			} else {
				own += u.ws[k]
			}
		}
		s := shared - 0.5*own - float64(u.mods)
		if u.quoted {
			s -= 0.5
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}

// explain lists the features that matched between the reference unit r and
// u: stems, synonyms, entities, numbers, dates, times and a count against
// a list.
func (st *story) explain(r, u *unit, m match) []string {
	var stems, syns, out []string
	for _, k := range m.shared {
		f := r.feats[k]
		key := st.keys[f.id]
		switch st.kinds[f.id] {
		case kindStem:
			other := u.feats[slices.IndexFunc(u.feats, func(g feat) bool { return g.id == f.id })].word
			if other != f.word {
				syns = append(syns, f.word+"~"+other)
			} else {
				stems = append(stems, f.word)
			}
		case kindEntity:
			out = append(out, "entity: "+st.entity(f.word))
		case kindNumber:
			out = append(out, "number: "+key[2:])
		case kindDate:
			out = append(out, "date: "+key[2:])
		case kindTime:
			out = append(out, "time: "+key[2:])
		}
	}
	var head []string
	if len(stems) > 0 {
		head = append(head, "stems: "+strings.Join(stems, ", "))
	}
	if len(syns) > 0 {
		head = append(head, "synonym: "+strings.Join(syns, ", "))
	}
	out = append(head, out...)
	if m.count > 0 {
		l := u.list
		if m.countList == 0 {
			l = r.list
		}
		var names []string
		for _, id := range l {
			names = append(names, st.entity(st.keys[id][2:]))
		}
		out = append(out, fmt.Sprintf("count: %d ~ %s", m.count, strings.Join(names, ", ")))
	}
	return out
}

// entity returns "e3 (Vladimir Putin)" for an entity ID.
func (st *story) entity(id string) string {
	if n := st.names[id]; n != "" {
		return id + " (" + n + ")"
	}
	return id
}

// clean folds the white space of a clause to single spaces.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// outletKeys returns, for each article, the key its outlet is counted
// under: the outlet of the article it is syndicated from (followed to the
// original), else its own outlet, else its display name.
func outletKeys(arts []*parallax.Article) []string {
	byID := map[string]*parallax.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	out := make([]string, len(arts))
	for i, a := range arts {
		o := a
		for range len(arts) { // bounded: a cycle of copies ends somewhere
			next, ok := byID[o.SyndicatedFrom]
			if o.SyndicatedFrom == "" || !ok || next == o {
				break
			}
			o = next
		}
		out[i] = strings.ToLower(strings.TrimSpace(o.DisplayName()))
	}
	return out
}

// distinct counts the distinct strings of ss.
func distinct(ss []string) int {
	seen := map[string]bool{}
	for _, s := range ss {
		seen[s] = true
	}
	return len(seen)
}

// Omissions lists, for each article, the IDs of the claims that most other
// outlets report and the article does not: claims with coverage of at
// least max(2, half the story's outlets) with no support span in the
// article. Every article has an entry, empty when it leaves nothing out.
func Omissions(claims []parallax.Claim, arts []*parallax.Article) map[string][]string {
	total := distinct(outletKeys(arts))
	need := max(2, (total+1)/2)
	out := make(map[string][]string, len(arts))
	for _, a := range arts {
		out[a.ID] = []string{}
	}
	for _, c := range claims {
		if c.Coverage < need {
			continue
		}
		has := map[string]bool{}
		for _, s := range c.Support {
			has[s.Article] = true
		}
		for _, a := range arts {
			if !has[a.ID] {
				out[a.ID] = append(out[a.ID], c.ID)
			}
		}
	}
	return out
}
