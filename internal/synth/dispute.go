package synth

import (
	"sort"
	"strings"

	"parallax"
)

// maxAbout is the most words a contradiction's own description may have to
// be used in the brief; a longer one gives way to the template of its kind.
const maxAbout = 8

// disputes writes at most max sentences that state the story's
// contradictions as disputed, each side in its own words.
func (st *story) disputes(max int) []sentence {
	var out []sentence
	for _, c := range st.s.Contradictions {
		if len(out) >= max {
			break
		}
		if sn, ok := st.dispute(c); ok {
			out = append(out, sn)
			st.stated = append(st.stated, c)
		}
	}
	return out
}

// side is the articles of a contradiction that give one value, and the
// words of the first of them.
type side struct {
	value    string
	articles []string
	quote    string
	first    int // order of its first statement
}

// dispute writes contradiction c as one sentence: "Reports differ on the
// date: X says “...”; Y and Z say “...”." Its citations are the articles
// of every side; its claims those whose support holds a statement.
func (st *story) dispute(c parallax.Contradiction) (sentence, bool) {
	var sides []*side
	byValue := map[string]*side{}
	for i, s := range c.Statements {
		a := st.byID[s.Article]
		if a == nil {
			continue
		}
		sd := byValue[s.Value]
		if sd == nil {
			q := st.statementQuote(a, s)
			if q == "" {
				continue
			}
			sd = &side{value: s.Value, quote: q, first: i}
			byValue[s.Value] = sd
			sides = append(sides, sd)
		}
		if !containsString(sd.articles, a.ID) {
			sd.articles = append(sd.articles, a.ID)
		}
	}
	if len(sides) < 2 {
		return sentence{}, false
	}
	sort.SliceStable(sides, func(i, j int) bool { return sides[i].value < sides[j].value })
	var parts []string
	var citations []string
	unnamed := 0
	for _, sd := range sides {
		key := "side-one"
		if len(sd.articles) > 1 {
			key = "side-many"
		}
		parts = append(parts, st.w.fill(key, "{names}", st.outletNames(sd.articles, &unnamed), "{text}", "“"+sd.quote+"”"))
		for _, id := range sd.articles {
			if !containsString(citations, id) {
				citations = append(citations, id)
			}
		}
	}
	sort.SliceStable(citations, func(i, j int) bool { return st.order[citations[i]] < st.order[citations[j]] })
	text := finish(upperFirst(st.w.fill("dispute", "{about}", st.about(c), "{sides}", strings.Join(parts, "; "))))
	if !supported(text, st.cited(citations)) {
		return sentence{}, false
	}
	sn := sentence{text: text, citations: citations, keys: map[string]bool{}}
	for _, cl := range st.s.Claims {
		if st.holds(cl, c.Statements) {
			sn.claims = append(sn.claims, cl.ID)
		}
	}
	if sn.claims == nil {
		sn.claims = []string{}
	}
	return sn, true
}

// maxQuoteWords is the most words the sentence of a statement may have
// to be quoted whole.
const maxQuoteWords = 45

// statementQuote returns the words of a statement to quote: the sentence
// of the article that holds it, when that is short and holds no quotation
// mark of its own, else the statement's span, trimmed; "" when even that
// holds a quotation mark.
func (st *story) statementQuote(a *parallax.Article, s parallax.Statement) string {
	for _, sn := range a.Sentences {
		if !sn.Contains(s.Start) || sn.End < s.End || sn.Heading {
			continue
		}
		q := strings.TrimRight(st.w.trim(a.Text, sn.Span).In(a.Text), ".")
		if q != "" && !strings.ContainsAny(q, "“”«»\"\n") && len(words(q)) <= maxQuoteWords {
			return q
		}
	}
	q := st.w.trim(a.Text, s.Span).In(a.Text)
	if q == "" || strings.ContainsAny(q, "“”«»\"") {
		return ""
	}
	return q
}

// outletNames names the outlets of the articles, "X", "X and Y" or "X, Y
// and Z", those without an outlet name as "one report", then "another
// report"; unnamed counts the unnamed ones named so far in the sentence.
func (st *story) outletNames(ids []string, unnamed *int) string {
	var names []string
	for _, id := range ids {
		n := outletName(st.byID[id])
		if n == "" {
			key := "unnamed"
			if *unnamed > 0 {
				key = "unnamed-other"
			}
			*unnamed++
			n = st.w.templates[key]
		}
		if !containsString(names, n) {
			names = append(names, n)
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// about says what a contradiction is about: its own description without
// the claim reference, when short and free of loaded terms, else the
// template of its kind ("the date").
func (st *story) about(c parallax.Contradiction) string {
	a := strings.TrimSpace(c.About)
	if i := strings.LastIndex(a, " ("); i > 0 && strings.HasSuffix(a, ")") {
		a = strings.TrimSpace(a[:i])
	}
	ws := words(a)
	clean := len(ws) > 0 && len(ws) <= maxAbout && !strings.ContainsAny(a, "“”«»\"")
	for _, wd := range ws {
		if _, bad := st.w.loaded[wd.lower]; bad {
			clean = false
		}
	}
	if clean {
		return a
	}
	if t, ok := st.w.templates["about-"+c.Kind]; ok {
		return t
	}
	return st.w.templates["about-date"]
}

// holds reports whether a support span of claim cl holds one of the
// statements.
func (st *story) holds(cl parallax.Claim, ss []parallax.Statement) bool {
	for _, sp := range cl.Support {
		for _, s := range ss {
			if sp.Article == s.Article && sp.Overlaps(s.Span) {
				return true
			}
		}
	}
	return false
}

// place puts each dispute after the first sentence that rests on one of
// its claims, and the others at the end.
func place(out, disputes []sentence) []sentence {
	for _, d := range disputes {
		at := len(out)
		for i, sn := range out {
			if shares(sn.claims, d.claims) {
				at = i + 1
				break
			}
		}
		out = append(out[:at], append([]sentence{d}, out[at:]...)...)
	}
	return out
}

func shares(a, b []string) bool {
	for _, x := range a {
		if containsString(b, x) {
			return true
		}
	}
	return false
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
