package text

import (
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"parallax/internal/lexicon"
)

// lexicons are the word lists the engine reads from rules/text/.
type lexicons struct {
	abbrev        map[string]bool // lower case, no final period
	titles        map[string]bool // prepositive: never end a sentence
	numAbbrev     map[string]bool // end no sentence before a digit
	places        map[string]bool // end a sentence before a capital only
	speechVerbs   map[string]bool
	timeZones     map[string]bool // exact case
	weekdays      map[string]bool // lower case
	starters      map[string]bool // exact case
	labels        []globPattern
	photoAgencies []string // lower case
	creditMarkers []string // lower case
	social        map[string]bool
	aggregators   []string
	agencies      map[string]string // as written → full name
	months        map[string]int    // lower case
	numberWords   map[string]numberWord
	magnitudes    map[string]float64
	units         map[string]string
	currencies    map[string]string // symbol or lower-case word → code
	currencySyms  []string          // symbols, longest first
	currencyFirst [256]bool         // first bytes of the symbols
	smallWords    map[string]bool
}

// speechStances are the stances a verb of saying may carry in
// rules/text/speech-verbs.txt.
var speechStances = map[string]bool{"neutral": true, "emphasis": true, "doubt": true, "concession": true, "emotive": true}

type numberWord struct {
	value   float64
	ordinal bool
}

// globPattern matches a whole line, case folded, with '*' standing for any
// run of characters.
type globPattern struct{ parts []string }

func newGlob(p string) globPattern { return globPattern{strings.Split(strings.ToLower(p), "*")} }

// match reports whether s, already lower case, matches.
func (g globPattern) match(s string) bool {
	if len(g.parts) == 1 {
		return s == g.parts[0]
	}
	if !strings.HasPrefix(s, g.parts[0]) {
		return false
	}
	s = s[len(g.parts[0]):]
	last := len(g.parts) - 1
	for _, p := range g.parts[1:last] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return strings.HasSuffix(s, g.parts[last])
}

func loadLexicons(fsys fs.FS) (*lexicons, error) {
	ld := &lexicon.Loader{FS: fsys}
	lower := strings.ToLower
	lx := &lexicons{
		abbrev:     ld.Load("text/abbreviations.txt").Set(lower),
		titles:     ld.Load("text/titles.txt").Set(lower),
		numAbbrev:  ld.Load("text/number-abbreviations.txt").Set(lower),
		places:     ld.Load("text/place-abbreviations.txt").Set(lower),
		timeZones:  ld.Load("text/time-zones.txt").Set(nil),
		weekdays:   ld.Load("text/weekdays.txt").Set(lower),
		starters:   ld.Load("text/sentence-starters.txt").Set(nil),
		social:     ld.Load("text/social-networks.txt").Set(lower),
		smallWords: ld.Load("text/small-words.txt").Set(lower),
	}
	for _, k := range ld.Load("text/labels.txt").Keys() {
		lx.labels = append(lx.labels, newGlob(k))
	}
	for _, k := range ld.Load("text/photo-agencies.txt").Keys() {
		lx.photoAgencies = append(lx.photoAgencies, lower(k))
	}
	for _, k := range ld.Load("text/credit-markers.txt").Keys() {
		lx.creditMarkers = append(lx.creditMarkers, lower(k))
	}
	lx.aggregators = ld.Load("sources/aggregators.txt").Keys()
	var errs lexicon.ErrorList
	mapOf := func(name string, fold func(string) string) map[string]string {
		l := ld.Load(name)
		m, err := l.Map(fold)
		if err != nil {
			errs = append(errs, err.(lexicon.ErrorList)...)
		}
		return m
	}
	lx.agencies = mapOf("sources/news-agencies.txt", nil)
	lx.speechVerbs = map[string]bool{}
	for verb, stance := range mapOf("text/speech-verbs.txt", lower) {
		if !speechStances[stance] {
			errs = append(errs, &lexicon.Error{File: "text/speech-verbs.txt", Msg: fmt.Sprintf("%s: unknown stance %q (want neutral, emphasis, doubt, concession or emotive)", verb, stance)})
			continue
		}
		lx.speechVerbs[verb] = true
	}
	lx.units = mapOf("text/units.txt", lower)
	lx.currencies = mapOf("text/currencies.txt", nil)
	lx.months = map[string]int{}
	for k, v := range mapOf("text/months.txt", lower) {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 12 {
			errs = append(errs, &lexicon.Error{File: "text/months.txt", Msg: fmt.Sprintf("%s: month %q is not 1 to 12", k, v)})
			continue
		}
		lx.months[k] = n
	}
	lx.magnitudes = map[string]float64{}
	for k, v := range mapOf("text/magnitudes.txt", lower) {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			errs = append(errs, &lexicon.Error{File: "text/magnitudes.txt", Msg: fmt.Sprintf("%s: %q is not a number", k, v)})
			continue
		}
		lx.magnitudes[k] = f
	}
	lx.numberWords = map[string]numberWord{}
	nw := ld.Load("text/number-words.txt")
	for _, e := range nw.Entries {
		if len(e.Fields) < 2 || len(e.Fields) > 3 || (len(e.Fields) == 3 && e.Fields[2] != "th") {
			errs = append(errs, &lexicon.Error{File: nw.Name, Line: e.Line, Msg: `want "word<TAB>value" or "word<TAB>value<TAB>th"`})
			continue
		}
		f, err := strconv.ParseFloat(e.Fields[1], 64)
		if err != nil {
			errs = append(errs, &lexicon.Error{File: nw.Name, Line: e.Line, Msg: fmt.Sprintf("%q is not a number", e.Fields[1])})
			continue
		}
		lx.numberWords[lower(e.Key())] = numberWord{f, len(e.Fields) == 3}
	}
	for k := range lx.currencies {
		if !isWordString(k) {
			lx.currencySyms = append(lx.currencySyms, k)
		}
	}
	for _, sym := range lx.currencySyms {
		lx.currencyFirst[sym[0]] = true
	}
	sort.Slice(lx.currencySyms, func(i, j int) bool {
		if len(lx.currencySyms[i]) != len(lx.currencySyms[j]) {
			return len(lx.currencySyms[i]) > len(lx.currencySyms[j])
		}
		return lx.currencySyms[i] < lx.currencySyms[j]
	})
	if err := ld.Err(); err != nil {
		return nil, fmt.Errorf("text: loading rules: %w", err)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("text: loading rules: %w", errs)
	}
	return lx, nil
}

// isWordString reports whether s is made of ASCII letters only.
func isWordString(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}
