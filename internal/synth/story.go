package synth

import (
	"sort"
	"strings"

	"parallax"
)

// story is what one brief is written from: the story's articles by ID, in
// the story's order, and what the brief has used so far.
type story struct {
	w        *Writer
	s        *parallax.Story
	byID     map[string]*parallax.Article
	order    map[string]int
	keys     map[string]map[string]bool // article ID → keys of all its words
	mentions map[string][]parallax.Mention
	quotes   map[string][]parallax.Quote
	names    map[string]string // entity ID → name
	used     []parallax.Support
	rank     int
	// stated are the contradictions the brief states as disputed.
	stated []parallax.Contradiction
}

func newStory(w *Writer, s *parallax.Story, arts []*parallax.Article) *story {
	st := &story{
		w: w, s: s,
		byID:     map[string]*parallax.Article{},
		order:    map[string]int{},
		keys:     map[string]map[string]bool{},
		mentions: map[string][]parallax.Mention{},
		quotes:   map[string][]parallax.Quote{},
		names:    map[string]string{},
	}
	in := map[string]bool{}
	for _, id := range s.Articles {
		in[id] = true
	}
	for _, a := range arts {
		if a == nil || (len(in) > 0 && !in[a.ID]) {
			continue
		}
		if _, dup := st.byID[a.ID]; dup {
			continue
		}
		st.byID[a.ID] = a
		st.order[a.ID] = len(st.order)
	}
	for _, m := range s.Mentions {
		st.mentions[m.Article] = append(st.mentions[m.Article], m)
	}
	for _, q := range s.Quotes {
		st.quotes[q.Article] = append(st.quotes[q.Article], q)
	}
	for _, e := range s.Entities {
		st.names[e.ID] = e.Name
	}
	return st
}

// articleKeys returns the keys of every word of the article, computed once.
func (st *story) articleKeys(id string) map[string]bool {
	if k, ok := st.keys[id]; ok {
		return k
	}
	k := map[string]bool{}
	if a := st.byID[id]; a != nil {
		k = stems(a.Text)
	}
	st.keys[id] = k
	return k
}

// cited returns the keys of the texts of the given articles.
func (st *story) cited(ids []string) []map[string]bool {
	out := make([]map[string]bool, len(ids))
	for i, id := range ids {
		out[i] = st.articleKeys(id)
	}
	return out
}

// supporters returns the distinct articles of the story among the
// support spans, in story order.
func (st *story) supporters(sup []parallax.Support) []string {
	var out []string
	seen := map[string]bool{}
	for _, sp := range sup {
		if _, ok := st.byID[sp.Article]; ok && !seen[sp.Article] {
			seen[sp.Article] = true
			out = append(out, sp.Article)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return st.order[out[i]] < st.order[out[j]] })
	return out
}

// outlets counts the distinct outlets among the articles.
func (st *story) outlets(ids []string) int {
	seen := map[string]bool{}
	for _, id := range ids {
		seen[strings.ToLower(st.byID[id].DisplayName())] = true
	}
	return len(seen)
}

// outletName returns how the brief names an article's outlet: its outlet
// name without the kind AllSides and others append ("CNN (Online News)"),
// or "" when the article names none.
func outletName(a *parallax.Article) string {
	name := strings.TrimSpace(a.Outlet)
	if i := strings.Index(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		name = name[:i]
	}
	return name
}

// claimSentence writes claim c as a sentence, in the plainest wording its
// support offers; ok is false when no wording can be used.
func (st *story) claimSentence(c parallax.Claim) (sentence, bool) {
	citations := st.supporters(c.Support)
	if len(citations) == 0 {
		return sentence{}, false
	}
	oneSided := len(st.byID) > 1 && st.outlets(citations) == 1
	cited := st.cited(citations)
	var cands []candidate
	for i, sup := range c.Support {
		a := st.byID[sup.Article]
		if a == nil {
			continue
		}
		ref := sup.Score == 0 && len(sup.Matched) == 0
		if !ref && sup.Score < minScore {
			continue
		}
		if st.overlapsUsed(sup) {
			continue
		}
		speaker := st.speakerOf(a, sup.Span)
		if speaker == "" && ref {
			speaker = c.Speaker
		}
		cd, ok := st.w.wording(a, sup.Span, st.others(c.Support, i))
		if !ok || st.disputed(a.ID, cd.span) {
			continue
		}
		cd.support, cd.score = sup, sup.Score
		if ref {
			cd.score = 1
		}
		text, ok := st.frame(cd, a, speaker, oneSided)
		if !ok || !supported(text, cited) {
			continue
		}
		cd.text = text
		cands = append(cands, cd)
	}
	if len(cands) == 0 {
		return sentence{}, false
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].better(cands[j]) })
	best := cands[0]
	st.rank++
	return sentence{
		text:      best.text,
		citations: citations,
		claims:    []string{c.ID},
		keys:      st.w.contentKeys(best.body),
		used:      []parallax.Support{best.support},
		date:      st.dateOf(c),
		rank:      st.rank,
	}, true
}

// others returns the words, lower case, of the support spans of other
// articles than that of sup[i].
func (st *story) others(sup []parallax.Support, i int) map[string]bool {
	out := map[string]bool{}
	for j, sp := range sup {
		if j == i || sp.Article == sup[i].Article {
			continue
		}
		a := st.byID[sp.Article]
		if a == nil {
			continue
		}
		for _, wd := range words(sp.In(a.Text)) {
			out[wd.lower] = true
		}
	}
	return out
}

// frame puts the wording of cd into its sentence: a quotation with its
// speaker, a clause attributed to its speaker or, for a claim of one
// outlet, to the outlet; else the clause alone.
func (st *story) frame(cd candidate, a *parallax.Article, speaker string, oneSided bool) (string, bool) {
	switch {
	case cd.quoted:
		name := st.speakerName(a, speaker)
		if name == "" {
			return "", false
		}
		return finish(st.w.fill("said-quote", "{speaker}", name, "{quote}", "“"+cd.body+"”")), true
	case speaker != "" && !st.mentionsEntity(a, cd.span, speaker):
		name := st.speakerName(a, speaker)
		if name == "" {
			return "", false
		}
		return finish(upperFirst(st.w.fill("said", "{speaker}", name, "{clause}", st.w.inner(cd.body)))), true
	case oneSided:
		name := outletName(a)
		if name == "" {
			name = st.w.templates["unnamed"]
		}
		return finish(upperFirst(st.w.fill("according", "{outlet}", name, "{clause}", st.w.inner(cd.body)))), true
	}
	return finish(upperFirst(cd.body)), true
}

// inner returns a clause as it reads after a frame: its first word in
// lower case when that is a function word ("The", "It"), as it is.
func (w *Writer) inner(clause string) string {
	ws := words(clause)
	if len(ws) > 0 && ws[0].start == 0 && w.function[ws[0].lower] && ws[0].text != "I" {
		return lowerFirst(clause)
	}
	return clause
}

// speakerOf returns the entity ID of the speaker of the quote of article a
// that holds most of span, or "".
func (st *story) speakerOf(a *parallax.Article, sp parallax.Span) string {
	best, most := "", 0
	for _, q := range st.quotes[a.ID] {
		if q.Speaker == "" || !q.Overlaps(sp) {
			continue
		}
		ov := min(q.End, sp.End) - max(q.Start, sp.Start)
		if 2*ov < sp.Len() {
			continue
		}
		if ov > most {
			best, most = q.Speaker, ov
		}
	}
	return best
}

// mentionsEntity reports whether the entity is mentioned inside span of a.
func (st *story) mentionsEntity(a *parallax.Article, sp parallax.Span, entity string) bool {
	for _, m := range st.mentions[a.ID] {
		if m.Entity == entity && m.Start >= sp.Start && m.End <= sp.End {
			return true
		}
	}
	return false
}

// speakerName returns the name of entity as article a writes it (its
// longest name there), else as another article of the story writes it,
// else the story's name for it.
func (st *story) speakerName(a *parallax.Article, entity string) string {
	if entity == "" {
		return ""
	}
	longest := func(ms []parallax.Mention) string {
		best := ""
		for _, m := range ms {
			if m.Entity == entity && m.Kind == parallax.MentionName && isCapitalised(m.Text) && len(m.Text) > len(best) {
				best = m.Text
			}
		}
		return best
	}
	if n := longest(st.mentions[a.ID]); n != "" {
		return n
	}
	if n := longest(st.s.Mentions); n != "" {
		return n
	}
	return st.names[entity]
}

// overlapsUsed reports whether sup overlaps a span an earlier sentence's
// wording came from.
func (st *story) overlapsUsed(sup parallax.Support) bool {
	for _, u := range st.used {
		if u.Article == sup.Article && u.Overlaps(sup.Span) {
			return true
		}
	}
	return false
}

// disputed reports whether span sp of article id holds a statement of a
// dispute the brief states: the point is told there, side by side, not
// as one outlet's fact.
func (st *story) disputed(id string, sp parallax.Span) bool {
	for _, d := range st.stated {
		for _, s := range d.Statements {
			if s.Article == id && s.Overlaps(sp) {
				return true
			}
		}
	}
	return false
}

// use records the spans a sentence's wording came from.
func (st *story) use(sn sentence) { st.used = append(st.used, sn.used...) }

// duplicate reports whether sn says what one of the sentences already
// chosen says: most of the content words of the shorter are in the other.
func (st *story) duplicate(sn sentence, have []sentence) bool {
	for _, h := range have {
		small, big := sn.keys, h.keys
		if len(small) > len(big) {
			small, big = big, small
		}
		if len(small) == 0 {
			continue
		}
		common := 0
		for k := range small {
			if big[k] {
				common++
			}
		}
		if float64(common) >= dupShare*float64(len(small)) {
			return true
		}
	}
	return false
}

// dupShare is the share of the shorter sentence's content words the
// longer must hold for the two to say the same thing.
const dupShare = 0.6

// dateOf returns the timeline date of claim c: the date of the event whose
// evidence lies most inside the claim's support, or "".
func (st *story) dateOf(c parallax.Claim) string {
	best, most := "", 0
	for _, ev := range st.s.Timeline {
		n := 0
		for _, es := range ev.Support {
			for _, cs := range c.Support {
				if es.Article == cs.Article && es.Overlaps(cs.Span) {
					n++
				}
			}
		}
		if n > most {
			best, most = ev.Date, n
		}
	}
	return best
}
