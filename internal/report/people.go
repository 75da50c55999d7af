package report

import (
	"fmt"
	"sort"
	"strings"

	"parallax"
)

// quoteTextLimit caps the quoted words shown in a report line.
const quoteTextLimit = 160

// castLimit caps the entities listed in a story's cast; the JSON document
// has them all.
const castLimit = 25

// people indexes what the people-and-voices sections of a report need from
// a story.
type people struct {
	s        *parallax.Story
	names    map[string]string // entity ID → name
	articles map[string]*parallax.Article
}

func newPeople(s *parallax.Story, arts []*parallax.Article) *people {
	p := &people{s: s, names: map[string]string{}, articles: map[string]*parallax.Article{}}
	for _, e := range s.Entities {
		p.names[e.ID] = e.Name
	}
	for _, a := range arts {
		p.articles[a.ID] = a
	}
	return p
}

// speaker names the speaker of a quote: the entity's name, else the words
// the article uses, marked as unresolved, else "unknown speaker".
func (p *people) speaker(q parallax.Quote) string {
	if n, ok := p.names[q.Speaker]; ok {
		return clean(n)
	}
	if q.SpeakerText != "" {
		return "“" + clean(q.SpeakerText) + "” (unresolved)"
	}
	return "unknown speaker"
}

// entityName returns the name of an entity ID, or "unknown speaker".
func (p *people) entityName(id string) string {
	if n, ok := p.names[id]; ok {
		return clean(n)
	}
	return "unknown speaker"
}

// articleCount returns in how many articles an entity is mentioned.
func articleCount(e parallax.Entity) (mentions, articles int) {
	for _, n := range e.Mentions {
		mentions += n
		if n > 0 {
			articles++
		}
	}
	return mentions, articles
}

// naming returns "article: form, form" lines for an entity.
func (p *people) naming(id string) []string {
	for _, n := range p.s.Naming {
		if n.Entity != id {
			continue
		}
		keys := make([]string, 0, len(n.ByArticle))
		for k := range n.ByArticle {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var out []string
		for _, k := range keys {
			forms := make([]string, len(n.ByArticle[k]))
			for i, f := range n.ByArticle[k] {
				forms[i] = clean(f)
			}
			out = append(out, clean(k)+": "+strings.Join(forms, ", "))
		}
		return out
	}
	return nil
}

// voices returns "name share% (n quotes)" items of one article's voices.
func (p *people) voices(articleID string) []string {
	var out []string
	for _, v := range p.s.Voices[articleID] {
		name := p.entityName(v.Speaker)
		if _, ok := p.names[v.Speaker]; !ok && v.Speaker != "" && v.SpeakerName != "" {
			name = clean(v.SpeakerName)
		}
		out = append(out, fmt.Sprintf("%s %.0f%% (%s)", name, 100*v.Share, plural(v.Quotes, "quote", "quotes")))
	}
	return out
}

// sources returns one article's cited sources, counted: "TASS ×2",
// "officials (unnamed)".
func (p *people) sources(articleID string) []string {
	count := map[string]int{}
	var order []string
	for _, c := range p.s.CitedSources[articleID] {
		name := clean(c.Name)
		if !c.Named {
			name += " (unnamed)"
		}
		if count[name] == 0 {
			order = append(order, name)
		}
		count[name]++
	}
	for i, n := range order {
		if count[n] > 1 {
			order[i] = fmt.Sprintf("%s ×%d", n, count[n])
		}
	}
	return order
}

// quotesOf returns the quotes of one article, in text order.
func (p *people) quotesOf(articleID string) []parallax.Quote {
	var out []parallax.Quote
	for _, q := range p.s.Quotes {
		if q.Article == articleID {
			out = append(out, q)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// diffText renders a word diff in the style of git's --word-diff: cut
// words as [-…-], added ones as {+…+}.
func diffText(ops []parallax.DiffOp) string {
	var parts []string
	for _, op := range ops {
		t := clean(op.Text)
		switch op.Op {
		case parallax.DiffInsert:
			t = "{+" + t + "+}"
		case parallax.DiffDelete:
			t = "[-" + t + "-]"
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, " ")
}

// diffMarkdown renders a word diff in Markdown: cut words struck through,
// added ones in bold.
func diffMarkdown(ops []parallax.DiffOp) string {
	var parts []string
	for _, op := range ops {
		t := escapeMarkdown(clean(op.Text))
		switch op.Op {
		case parallax.DiffInsert:
			t = "**" + t + "**"
		case parallax.DiffDelete:
			t = "~~" + t + "~~"
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, " ")
}

// quoteLine describes a quote on one line: kind, speaker, via, and the
// words, shortened.
func (p *people) quoteLine(q parallax.Quote) string {
	s := q.Kind + " · " + p.speaker(q)
	if q.Via != "" {
		s += " via " + clean(q.Via)
	}
	if q.Group != "" {
		s += " · " + clean(q.Group)
	}
	return s + ": “" + shorten(q.Text, quoteTextLimit) + "”"
}
