package quote

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"parallax/internal/lexicon"
)

// Verb frames, from rules/quote/verb-frames.txt.
const (
	frameInvert     = 1 << iota // “…,” said X
	frameClause                 // X said Iran is ready
	frameObject                 // X told reporters …
	frameParticiple             // …, saying …
	frameAs                     // X described the strikes as …
	frameNoun                   // Israel has maintained attacks: a noun object is no report
)

// Roles of multi-word cues, from rules/quote/cues.txt.
const (
	cueSource   = "source"   // according to X
	cueModifier = "modifier" // said in a statement
	cueQuoted   = "quoted"   // X quoted Y as saying
)

type multiCue struct {
	words  []string // lower case; "*" stands for the speaker
	stance string
	role   string
}

// lexicons holds the word lists the extractor reads.
type lexicons struct {
	stance     map[string]string // speech verb (any form) → stance
	base       map[string]bool   // the base forms among them: "say", "state"
	frames     map[string]int
	cues       []multiCue
	pronouns   map[string]byte // pronoun → agreement m, f, p, s
	nouns      map[string]byte // speaker noun → agreement m, f, p, x
	roles      map[string]bool // lower-case role phrases
	roleMax    int             // words in the longest role
	rolePrefix map[string]bool // every proper word prefix of a role
	titles     map[string]bool // prepositive titles without their period
	outlets    map[string]bool // outlet nouns, lower case
	outMax     int
	agencies   map[string]string // lower case → the agency as listed
	skip       map[string]bool
	starters   map[string]bool // capitalised sentence starters, lower case
	dates      map[string]bool // weekdays and months, lower case
	suffixes   map[string]bool // organisation name endings, as written
	orgs       map[string]bool // well-known organisations, lower case
	places     map[string]bool // countries, demonyms and capitals, lower case
	joiners    map[string]bool // small words inside names
	preps      map[string]bool // prepositions
	notClause  map[string]bool // words after a verb of saying that are its object: "said no"
	dets       map[string]bool // determiners that open a role phrase
	stops      map[string]bool // function words that end a speaker phrase
	modifiers  map[string]bool // adjectives inside a speaker phrase: "top", "senior"
	subords    map[string]bool // subordinating conjunctions
	negations  map[string]bool
	finite     map[string]bool // auxiliaries that mark a finite clause
	gender     map[string]byte // titles that say a gender: "mr" → m
	demonyms   map[string]bool // lower case
	relatives  map[string]bool // words that open a relative clause
	smallWords map[string]bool // words left in lower case in a title
}

func loadLexicons(fsys fs.FS) (*lexicons, error) {
	ld := &lexicon.Loader{FS: fsys}
	lx := &lexicons{
		stance: map[string]string{}, frames: map[string]int{}, pronouns: map[string]byte{},
		nouns: map[string]byte{}, roles: map[string]bool{}, titles: map[string]bool{},
		outlets: map[string]bool{}, agencies: map[string]string{}, dates: map[string]bool{},
		orgs: map[string]bool{}, places: map[string]bool{},
	}
	var errs []error
	bad := func(l *lexicon.List, e lexicon.Entry, msg string) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", l.Name, e.Line, msg))
	}
	sv := ld.Load("text/speech-verbs.txt")
	for _, e := range sv.Entries {
		if len(e.Fields) != 2 {
			bad(sv, e, "want verb<TAB>stance")
			continue
		}
		lx.stance[e.Fields[0]] = e.Fields[1]
	}
	lx.base = map[string]bool{}
	for v := range lx.stance {
		if lx.stance[v+"s"] != "" || lx.stance[v+"es"] != "" || strings.HasSuffix(v, "y") && lx.stance[v[:len(v)-1]+"ies"] != "" {
			lx.base[v] = true
		}
	}
	vf := ld.Load("quote/verb-frames.txt")
	for _, e := range vf.Entries {
		if len(e.Fields) != 2 {
			bad(vf, e, "want verb<TAB>frames")
			continue
		}
		f := 0
		for _, s := range strings.Split(e.Fields[1], ",") {
			switch s {
			case "invert":
				f |= frameInvert
			case "clause":
				f |= frameClause
			case "object":
				f |= frameObject
			case "as":
				f |= frameAs
			case "participle":
				f |= frameParticiple
			case "noun":
				f |= frameNoun
			case "that":
			default:
				bad(vf, e, fmt.Sprintf("unknown frame %q", s))
			}
		}
		lx.frames[e.Fields[0]] = f
	}
	// A verb of saying with no line of its own takes the default frames.
	defFinite, defIng := lx.frames["*"], lx.frames["*ing"]
	delete(lx.frames, "*")
	delete(lx.frames, "*ing")
	for v := range lx.stance {
		if _, ok := lx.frames[v]; ok {
			continue
		}
		if strings.HasSuffix(v, "ing") {
			lx.frames[v] = defIng
		} else {
			lx.frames[v] = defFinite
		}
	}
	cl := ld.Load("quote/cues.txt")
	for _, e := range cl.Entries {
		if len(e.Fields) != 3 {
			bad(cl, e, "want cue<TAB>stance<TAB>role")
			continue
		}
		switch e.Fields[2] {
		case cueSource, cueModifier, cueQuoted:
		default:
			bad(cl, e, fmt.Sprintf("unknown role %q", e.Fields[2]))
			continue
		}
		lx.cues = append(lx.cues, multiCue{words: strings.Fields(e.Fields[0]), stance: e.Fields[1], role: e.Fields[2]})
	}
	agree := func(name string, m map[string]byte) {
		l := ld.Load(name)
		for _, e := range l.Entries {
			if len(e.Fields) != 2 || len(e.Fields[1]) != 1 || !strings.Contains("mfpsx", e.Fields[1]) {
				bad(l, e, "want word<TAB>agreement (m, f, p, s or x)")
				continue
			}
			m[e.Fields[0]] = e.Fields[1][0]
		}
	}
	agree("quote/pronouns.txt", lx.pronouns)
	agree("quote/speaker-nouns.txt", lx.nouns)
	lx.rolePrefix = map[string]bool{}
	for _, k := range ld.Load("entity/roles.txt").Keys() {
		lx.roles[k] = true
		f := strings.Fields(k)
		for i := 1; i < len(f); i++ {
			lx.rolePrefix[strings.Join(f[:i], " ")] = true
		}
		lx.roleMax = max(lx.roleMax, len(strings.Fields(k)))
	}
	lx.titles = ld.Load("text/titles.txt").Set(strings.ToLower)
	for _, k := range ld.Load("quote/outlet-nouns.txt").Keys() {
		lx.outlets[k] = true
		lx.outMax = max(lx.outMax, len(strings.Fields(k)))
	}
	for _, k := range ld.Load("sources/news-agencies.txt").Keys() {
		lx.agencies[strings.ToLower(k)] = k
	}
	lx.skip = ld.Load("quote/skip-words.txt").Set(nil)
	lx.starters = ld.Load("text/sentence-starters.txt").Set(strings.ToLower)
	for _, k := range ld.Load("text/weekdays.txt").Keys() {
		lx.dates[k] = true
	}
	for _, k := range ld.Load("text/months.txt").Keys() {
		lx.dates[k] = true
	}
	lx.suffixes = ld.Load("entity/org-suffixes.txt").Set(nil)
	lx.orgs = ld.Load("entity/organizations.txt").Set(strings.ToLower)
	lx.demonyms = map[string]bool{}
	for _, e := range ld.Load("entity/countries.txt").Entries {
		for _, f := range e.Fields {
			lx.places[strings.ToLower(f)] = true
		}
		if len(e.Fields) > 1 {
			lx.demonyms[strings.ToLower(e.Fields[1])] = true
		}
	}
	lx.joiners = ld.Load("entity/name-joiners.txt").Set(nil)
	lx.preps = ld.Load("quote/prepositions.txt").Set(nil)
	lx.notClause = ld.Load("quote/not-clause.txt").Set(nil)
	lx.dets = ld.Load("quote/determiners.txt").Set(nil)
	lx.stops = ld.Load("quote/stop-words.txt").Set(nil)
	lx.modifiers = ld.Load("quote/role-modifiers.txt").Set(nil)
	lx.subords = ld.Load("quote/subordinators.txt").Set(nil)
	lx.negations = ld.Load("quote/negations.txt").Set(nil)
	lx.finite = ld.Load("quote/finite-words.txt").Set(nil)
	lx.relatives = ld.Load("quote/relatives.txt").Set(nil)
	lx.smallWords = ld.Load("text/small-words.txt").Set(strings.ToLower)
	lx.gender = map[string]byte{}
	gt := ld.Load("quote/gender-titles.txt")
	for _, e := range gt.Entries {
		if len(e.Fields) != 2 || (e.Fields[1] != "m" && e.Fields[1] != "f") {
			bad(gt, e, "want title<TAB>gender (m or f)")
			continue
		}
		lx.gender[e.Fields[0]] = e.Fields[1][0]
	}
	if err := ld.Err(); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("quote: %w", errors.Join(errs...))
	}
	return lx, nil
}
