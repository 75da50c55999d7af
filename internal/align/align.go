package align

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"parallax"
	"parallax/internal/lexicon"
	"parallax/internal/text"
)

// Aligner breaks articles into claim units and aligns them across a
// story's articles. It is safe for concurrent use.
type Aligner struct {
	// irregular maps an irregular verb form to its base form's stem.
	irregular map[string]string
	// syn maps a stem to the stem naming its synonym group.
	syn map[string]string
	// stop holds the function words, by Norm.
	stop map[string]bool
	// speech holds the verbs of saying, by Norm.
	speech map[string]bool
	// frames are the multi-word attribution frames, each as norms.
	frames [][]string
	// frameWords holds the one-word frames, by Norm.
	frameWords map[string]bool
	// mods holds the modifiers that make a wording less plain.
	mods map[string]bool
	// titles holds the words of roles and titles ("president", "leader"),
	// skipped when capitalised beside a name.
	titles map[string]bool
	// demonyms maps a lower-case demonym ("russian") to its country's
	// lower-case name ("russia").
	demonyms map[string]string
	// times holds the time words (weekdays, months, "morning"), by Norm.
	times map[string]bool
	// negations holds the words that negate a predicate, by Norm.
	negations map[string]bool
	// Threshold is the score two units need to be aligned.
	threshold float64
}

// Data files, under the rules file system.
const (
	synonymsFile = "align/synonyms.txt"
	stopFile     = "align/function-words.txt"
	framesFile   = "align/frames.txt"
	modsFile     = "align/modifiers.txt"
	timesFile    = "align/time-words.txt"
	speechFile   = "text/speech-verbs.txt"
	weekdaysFile = "text/weekdays.txt"
	monthsFile   = "text/months.txt"
	rolesFile    = "entity/roles.txt"
	irregFile    = "align/irregular.txt"
	countryFile  = "entity/countries.txt"
	negFile      = "align/negations.txt"
)

// New loads the aligner's word lists from fsys (rules.FS, or a directory
// laid out the same way): rules/align/*.txt and the verbs of saying of
// rules/text/speech-verbs.txt, with the weekday and month names of
// rules/text, the titles of rules/entity/roles.txt and the demonyms of
// rules/entity/countries.txt. Every data error is reported together, as
// "file:line: message".
func New(fsys fs.FS) (*Aligner, error) {
	eng, err := text.New(fsys)
	if err != nil {
		return nil, fmt.Errorf("align: %w", err)
	}
	tok := eng.Tokenizer()
	ld := &lexicon.Loader{FS: fsys}
	synList := ld.Load(synonymsFile)
	stopList := ld.Load(stopFile)
	frameList := ld.Load(framesFile)
	modList := ld.Load(modsFile)
	speechList := ld.Load(speechFile)
	timeList := ld.Load(timesFile)
	weekdays := ld.Load(weekdaysFile)
	months := ld.Load(monthsFile)
	roles := ld.Load(rolesFile)
	irreg := ld.Load(irregFile)
	countries := ld.Load(countryFile)
	negs := ld.Load(negFile)
	if err := ld.Err(); err != nil {
		return nil, fmt.Errorf("align: %w", err)
	}
	a := &Aligner{
		syn:        map[string]string{},
		stop:       stopList.Set(strings.ToLower),
		speech:     speechList.Set(strings.ToLower),
		frameWords: map[string]bool{},
		mods:       modList.Set(strings.ToLower),
		times:      timeList.Set(strings.ToLower),
		negations:  negs.Set(strings.ToLower),
		titles:     map[string]bool{},
		irregular:  map[string]string{},
		demonyms:   map[string]string{},
		threshold:  DefaultThreshold,
	}
	for _, k := range roles.Keys() {
		for _, w := range strings.Fields(strings.ToLower(k)) {
			a.titles[w] = true
		}
	}
	for _, e := range countries.Entries {
		if len(e.Fields) >= 2 {
			a.demonyms[strings.ToLower(e.Fields[1])] = strings.ToLower(e.Fields[0])
		}
	}
	for _, l := range []*lexicon.List{weekdays, months} {
		for _, k := range l.Keys() {
			a.times[strings.ToLower(k)] = true
		}
	}
	var errs lexicon.ErrorList
	for _, e := range irreg.Entries {
		if len(e.Fields) == 2 {
			a.irregular[strings.ToLower(e.Fields[0])] = stemOf(tok, e.Fields[1])
		}
	}
	where := map[string]int{}
	for _, e := range synList.Entries {
		head := ""
		for _, w := range e.Fields {
			st := stemOf(tok, w)
			if base, ok := a.irregular[strings.ToLower(w)]; ok {
				st = base
			}
			if st == "" {
				errs = append(errs, &lexicon.Error{File: synonymsFile, Line: e.Line, Msg: fmt.Sprintf("%q is not one word", w)})
				continue
			}
			if head == "" {
				head = st
			}
			if prev, ok := where[st]; ok && a.syn[st] != head {
				errs = append(errs, &lexicon.Error{File: synonymsFile, Line: e.Line, Msg: fmt.Sprintf("%q (stem %q) is already in the group of line %d", w, st, prev)})
				continue
			}
			where[st] = e.Line
			a.syn[st] = head
		}
	}
	for _, e := range irreg.Entries {
		if len(e.Fields) != 2 {
			errs = append(errs, &lexicon.Error{File: irregFile, Line: e.Line, Msg: "want a form, a tab and its base form"})
		}
	}
	for _, e := range frameList.Entries {
		words := strings.Fields(strings.ToLower(e.Key()))
		if len(words) == 1 {
			a.frameWords[words[0]] = true
		} else {
			a.frames = append(a.frames, words)
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("align: %w", errors.Join(errs))
	}
	return a, nil
}

// stem returns the stem a word token is compared on: its base form's
// stem for an irregular form, the head of its synonym group, and the stem
// before the head.
func (a *Aligner) stem(t parallax.Token) (head, stem string) {
	stem = t.Stem
	if base, ok := a.irregular[bare(t.Norm)]; ok {
		stem = base
	}
	head = stem
	if h, ok := a.syn[stem]; ok {
		head = h
	}
	return head, stem
}

// bare returns a word's norm without a possessive "'s".
func bare(norm string) string { return strings.TrimSuffix(norm, "'s") }

// stemOf returns the stem the tokenizer gives w when w is one word, else "".
func stemOf(tok *text.Tokenizer, w string) string {
	ts := tok.Tokens(w)
	if len(ts) != 1 {
		return ""
	}
	return ts[0].Stem
}
