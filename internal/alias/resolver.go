package alias

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"parallax/internal/lexicon"
)

// Resolver merges mentions into entities. It holds only data loaded by
// [New] and is safe for concurrent use.
type Resolver struct {
	// quals maps the first token of a qualifier phrase (a country, its
	// demonym or capital, a country alias, an organisation) to the phrases
	// that start with it, longest first.
	quals map[string][]qualPhrase
	// refs maps each role that can refer alone to the holder roles it may
	// point at, itself included.
	refs map[string]map[string]bool
	// refPhrases maps the first token of a referring role to its token
	// sequences, longest first.
	refPhrases map[string][][]string
	// roles holds every role of rules/entity/roles.txt, as token sequences
	// by first token, longest first, for stripping roles from names.
	roles map[string][][]string
	// roleSet holds the same roles as strings.
	roleSet map[string]bool
	// titles are the prepositive titles ("mr", "dr"), without periods.
	titles map[string]bool
	// words maps the small words of rules/alias/role-words.txt to their kind.
	words map[string]string
	// translit maps letter groups to skeleton classes; maxGroup is the
	// longest group in bytes.
	translit map[string]string
	maxGroup int
	// letters maps letters that do not decompose to their plain spelling.
	letters map[rune]string
	// suffixes are name suffixes ("jr").
	suffixes map[string]bool
	// calendar holds weekday and month names, which may follow a role
	// reference capitalised without being a name.
	calendar map[string]bool
	// orgs maps an organisation's folded short name to its folded full name.
	orgs map[string]string
	// countryNames maps a folded country name or alias (not a demonym or a
	// capital: "Washington" is also a person) to the folded country name.
	countryNames map[string]string
}

type qualPhrase struct {
	tokens []string
	qual   string // "country:iran", "org:kremlin"
}

// Word kinds of rules/alias/role-words.txt.
const (
	wordDefinite   = "definite"
	wordIndefinite = "indefinite"
	wordPast       = "past"
	wordFuture     = "future"
	wordIgnore     = "ignore"
	wordGeneric    = "generic"
)

// New loads the resolver's data from fsys (rules.FS or an overlay of it).
// Every data error of every file is reported together.
func New(fsys fs.FS) (*Resolver, error) {
	ld := &lexicon.Loader{FS: fsys}
	r := &Resolver{
		quals:        map[string][]qualPhrase{},
		refs:         map[string]map[string]bool{},
		refPhrases:   map[string][][]string{},
		roles:        map[string][][]string{},
		roleSet:      map[string]bool{},
		titles:       map[string]bool{},
		words:        map[string]string{},
		translit:     map[string]string{},
		letters:      map[rune]string{},
		calendar:     map[string]bool{},
		orgs:         map[string]string{},
		countryNames: map[string]string{},
	}
	var errs lexicon.ErrorList
	bad := func(l *lexicon.List, e lexicon.Entry, format string, args ...any) {
		errs = append(errs, &lexicon.Error{File: l.Name, Line: e.Line, Msg: fmt.Sprintf(format, args...)})
	}

	countries := ld.Load("entity/countries.txt")
	for _, e := range countries.Entries {
		c := fold(e.Fields[0])
		r.countryNames[c] = c
		for _, f := range e.Fields {
			r.addQual(f, "country:"+c)
		}
	}
	aliases := ld.Load("entity/country-aliases.txt")
	for _, e := range aliases.Entries {
		c := fold(e.Fields[0])
		for _, f := range e.Fields {
			r.addCountry(f, c)
		}
	}
	for _, e := range ld.Load("entity/organizations.txt").Entries {
		full := fold(e.Fields[len(e.Fields)-1])
		for _, f := range e.Fields {
			r.orgs[fold(f)] = full
			r.addQual(f, "org:"+full)
		}
	}
	for _, k := range ld.Load("entity/roles.txt").Keys() {
		k = strings.ToLower(k)
		r.roleSet[k] = true
		t := strings.Fields(k)
		r.roles[t[0]] = append(r.roles[t[0]], t)
	}
	for _, k := range ld.Load("text/titles.txt").Keys() {
		r.titles[strings.ToLower(k)] = true
	}
	for _, l := range []*lexicon.List{ld.Load("text/weekdays.txt"), ld.Load("text/months.txt")} {
		for _, k := range l.Keys() {
			r.calendar[strings.ToLower(k)] = true
		}
	}
	refs := ld.Load("alias/role-references.txt")
	for _, e := range refs.Entries {
		k := strings.ToLower(e.Fields[0])
		set := map[string]bool{k: true}
		for _, f := range e.Fields[1:] {
			set[strings.ToLower(f)] = true
		}
		r.refs[k] = set
		t := strings.Fields(k)
		r.refPhrases[t[0]] = append(r.refPhrases[t[0]], t)
	}
	words := ld.Load("alias/role-words.txt")
	for _, e := range words.Entries {
		if len(e.Fields) != 2 {
			bad(words, e, "want a word and its kind, have %d fields", len(e.Fields))
			continue
		}
		switch e.Fields[1] {
		case wordDefinite, wordIndefinite, wordPast, wordFuture, wordIgnore, wordGeneric:
			r.words[strings.ToLower(e.Fields[0])] = e.Fields[1]
		default:
			bad(words, e, "unknown kind %q", e.Fields[1])
		}
	}
	tr := ld.Load("alias/transliteration.txt")
	for _, e := range tr.Entries {
		if len(e.Fields) != 2 {
			bad(tr, e, "want a letter group and its class, have %d fields", len(e.Fields))
			continue
		}
		g := fold(e.Fields[0])
		if g == "" {
			g = e.Fields[0] // a letter that folds away stays as written
		}
		r.translit[g] = e.Fields[1]
		r.translit[e.Fields[0]] = e.Fields[1]
		r.maxGroup = max(r.maxGroup, len(g), len(e.Fields[0]))
	}
	letters := ld.Load("alias/letters.txt")
	for _, e := range letters.Entries {
		c, size := utf8.DecodeRuneInString(e.Fields[0])
		if len(e.Fields) != 2 || size != len(e.Fields[0]) {
			bad(letters, e, "want one letter and its spelling")
			continue
		}
		r.letters[c] = e.Fields[1]
	}
	r.suffixes = ld.Load("alias/name-suffixes.txt").Set(strings.ToLower)
	if err := ld.Err(); err != nil {
		return nil, fmt.Errorf("alias: loading rules: %w", err)
	}
	if err := errs.Err(); err != nil {
		return nil, fmt.Errorf("alias: loading rules: %w", err)
	}
	for _, m := range []map[string][][]string{r.refPhrases, r.roles} {
		for _, ps := range m {
			sort.SliceStable(ps, func(i, j int) bool { return len(ps[i]) > len(ps[j]) })
		}
	}
	for _, ps := range r.quals {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].tokens) > len(ps[j].tokens) })
	}
	return r, nil
}

func (r *Resolver) addCountry(name, country string) {
	f := fold(name)
	if strings.HasPrefix(f, "the ") {
		return // "the States": too loose once "the" is gone
	}
	r.countryNames[f] = country
	r.addQual(name, "country:"+country)
}

func (r *Resolver) addQual(name, qual string) {
	t := strings.Fields(fold(name))
	if len(t) == 0 {
		return
	}
	for _, p := range r.quals[t[0]] {
		if strings.Join(p.tokens, " ") == strings.Join(t, " ") {
			return // the first listing wins
		}
	}
	r.quals[t[0]] = append(r.quals[t[0]], qualPhrase{t, qual})
}

// fold lower-cases s, removes diacritics and makes curly apostrophes
// straight.
func fold(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, c := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, c):
		case c == '’' || c == '‘' || c == 'ʼ':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(c))
		}
	}
	return b.String()
}

// foldName folds s like fold and spells the letters of
// rules/alias/letters.txt plainly.
func (r *Resolver) foldName(s string) string {
	s = fold(s)
	for _, c := range s {
		if _, ok := r.letters[c]; ok {
			var b strings.Builder
			for _, c := range s {
				if p, ok := r.letters[c]; ok {
					b.WriteString(p)
				} else {
					b.WriteRune(c)
				}
			}
			return b.String()
		}
	}
	return s
}

// stripPossessive removes a final "'s" or "'" from a folded token.
func stripPossessive(t string) (string, bool) {
	if s, ok := strings.CutSuffix(t, "'s"); ok && s != "" {
		return s, true
	}
	if s, ok := strings.CutSuffix(t, "'"); ok && s != "" {
		return s, true
	}
	return t, false
}

// skeleton returns the consonant skeleton of one folded name token, its
// classes joined by ".", and the number of classes.
func (r *Resolver) skeleton(tok string) (string, int) {
	letters := make([]byte, 0, len(tok))
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if c == '\'' || c == '-' || c == '.' || c == '`' {
			continue
		}
		letters = append(letters, c)
	}
	s := string(letters)
	var classes []string
	for i := 0; i < len(s); {
		n := min(r.maxGroup, len(s)-i)
		matched := false
		for ; n > 0; n-- {
			if cl, ok := r.translit[s[i:i+n]]; ok {
				classes = append(classes, cl)
				i += n
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		if s[i] == 'h' && i == len(s)-1 && i > 0 && r.translit[s[i-1:i]] == "-" {
			i++ // final -h after a vowel
			continue
		}
		// one rune as itself
		j := i + 1
		for j < len(s) && s[j]&0xC0 == 0x80 {
			j++
		}
		classes = append(classes, s[i:j])
		i = j
	}
	// Doubled letters collapse ("Gaddafi"), but a vowel between two
	// consonants keeps both ("Kaka").
	var out []string
	prev := ""
	for _, c := range classes {
		if c != "-" && c != prev {
			out = append(out, c)
		}
		prev = c
	}
	return strings.Join(out, "."), len(out)
}
