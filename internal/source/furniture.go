package source

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax"
	"parallax/internal/text"
)

var (
	// "— DD Geopolitics (@DD_Geopolitics) June 23, 2025"
	tweetSigRE = regexp.MustCompile(`(?:—|–|--|-)\s*([^()\n—–]{1,80}?)\s*\((@\w{1,30})\)`)
	// "twitter.com/handle/status/123", "x.com/handle/status/123"
	tweetURLRE = regexp.MustCompile(`(?i)\b(?:twitter|x)\.com/(\w{1,30})/status/\d+`)
	// "pic.twitter.com/kaPPzxIt1B"
	picRE = regexp.MustCompile(`(?i)\bpic\.twitter\.com/\w+`)
)

// furniture finds the sources the page furniture names: source tags,
// embedded posts, agency prefixes, "via" lines, wire datelines and photo
// credits that name a news agency or outlet.
func (f *Finder) furniture(src string, doc *text.Doc, out []cand) []cand {
	for _, fu := range doc.Furniture {
		if fu.Start < 0 || fu.End > len(src) || fu.Start >= fu.End {
			continue
		}
		s := src[fu.Start:fu.End]
		switch fu.Kind {
		case parallax.FurnitureSourceTag:
			out = f.sourceTag(s, fu.Start, out)
		case parallax.FurnitureTweet:
			if c, ok := f.tweet(s, fu.Start); ok {
				out = append(out, c)
			}
		case parallax.FurnitureAgency, parallax.FurnitureVia, parallax.FurnitureDateline:
			name := strings.TrimSpace(fu.Source)
			if name == "" || strings.IndexFunc(name, unicode.IsDigit) >= 0 || !unicode.IsUpper(firstRune(name)) {
				continue // "via June 22nd 2025" names a date, not a source
			}
			at := strings.LastIndex(s, name)
			if at < 0 {
				continue
			}
			c := f.item(name, fu.Start+at, parallax.SourceOutlet)
			if fu.Kind == parallax.FurnitureDateline && c.Kind == parallax.SourceOutlet && !c.known {
				c.Kind = parallax.SourceAgency // "MOSCOW, June 23. /TASS/."
			}
			out = append(out, c.cand)
		case parallax.FurnitureCredit:
			out = f.credit(src, doc, fu, out)
		}
	}
	return out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// itemCand is a source named in furniture, and whether the lists know it.
type itemCand struct {
	cand
	known bool
}

// item classifies a name standing alone in furniture at offset at: a known
// agency or outlet, an official body or a country, else a source of kind
// def.
func (f *Finder) item(name string, at int, def string) itemCand {
	sp := parallax.Span{Start: at, End: at + len(name)}
	c := itemCand{cand: cand{CitedSource: parallax.CitedSource{Name: name, Span: sp, Kind: def, Named: true}, rank: 0}}
	if p := f.lx.names.lookup(name); p != nil {
		kn := f.lx.known[atoi(p.vals[0])]
		c.Name, c.Kind, c.known = kn.name, kn.kind, true
		return c
	}
	if f.lx.bodies.lookup(name) != nil || f.lx.places.lookup(name) != nil {
		c.Kind = parallax.SourceOfficial
	}
	return c
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// sourceTag splits "(PC, Kremlin, AJA)" into its sources.
func (f *Finder) sourceTag(s string, at int, out []cand) []cand {
	open, close := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if open < 0 || close <= open {
		open, close = -1, len(s)
	}
	inner := s[open+1 : close]
	base := at + open + 1
	start := 0
	for i := 0; i <= len(inner); i++ {
		if i < len(inner) && !strings.ContainsRune(",;/", rune(inner[i])) {
			continue
		}
		item := inner[start:i]
		lead := len(item) - len(strings.TrimLeftFunc(item, unicode.IsSpace))
		name := strings.TrimSpace(item)
		if name != "" {
			out = append(out, f.item(name, base+start+lead, parallax.SourceOutlet).cand)
		}
		start = i + 1
	}
	return out
}

// tweet names the author of an embedded post from its signature ("— DD
// Geopolitics (@DD_Geopolitics) June 23, 2025"), else from its link.
func (f *Finder) tweet(s string, at int) (cand, bool) {
	if ms := tweetSigRE.FindAllStringSubmatchIndex(s, -1); len(ms) > 0 {
		m := ms[len(ms)-1]
		name := strings.TrimRight(s[m[2]:m[3]], ".,;: ")
		sp := parallax.Span{Start: at + m[2], End: at + m[5] + 1}
		full := s[m[4]:m[5]]
		if name != "" {
			full = name + " (" + full + ")"
		}
		return cand{CitedSource: parallax.CitedSource{Name: full, Span: sp, Kind: parallax.SourceSocial, Named: true}}, true
	}
	if m := tweetURLRE.FindStringSubmatchIndex(s); m != nil {
		sp := parallax.Span{Start: at + m[2], End: at + m[3]}
		return cand{CitedSource: parallax.CitedSource{Name: "@" + s[m[2]:m[3]], Span: sp, Kind: parallax.SourceSocial, Named: true}}, true
	}
	if m := picRE.FindStringIndex(s); m != nil {
		sp := parallax.Span{Start: at + m[0], End: at + m[1]}
		return cand{CitedSource: parallax.CitedSource{Name: s[m[0]:m[1]], Span: sp, Kind: parallax.SourceSocial}}, true
	}
	return cand{}, false
}

// credit finds the agencies and outlets a photo credit names: "FABRICE
// COFFRINI/AFP via Getty Images" credits AFP.
func (f *Finder) credit(src string, doc *text.Doc, fu parallax.Furniture, out []cand) []cand {
	var w []word
	for _, t := range doc.Tokens {
		if t.Start >= fu.Start && t.End <= fu.End && t.Sentence < 0 {
			w = append(w, newWord(src, t))
		}
	}
	for i := 0; i < len(w); i++ {
		p := f.lx.names.at(w, i)
		if p == nil || !w[i].cap {
			continue
		}
		e := i + len(p.words) - 1
		kn := f.lx.known[atoi(p.vals[0])]
		sp := parallax.Span{Start: w[i].Start, End: nameEnd(src, w[e])}
		out = append(out, cand{CitedSource: parallax.CitedSource{Name: kn.name, Span: sp, Kind: kn.kind, Named: true}})
		i = e
	}
	return out
}
