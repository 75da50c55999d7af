package synth

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"parallax"
	"parallax/internal/lexicon"
)

// The data files of the writer, in the rules file system.
const (
	loadedFile    = "synth/loaded.txt"
	modifiersFile = "synth/modifiers.txt"
	openersFile   = "synth/openers.txt"
	leadersFile   = "synth/leaders.txt"
	functionFile  = "synth/function-words.txt"
	pronounsFile  = "synth/pronouns.txt"
	templatesFile = "synth/templates.txt"
)

// The categories of rules/synth/loaded.txt.
const (
	loadedModifier = "modifier" // dropped when a word follows it
	loadedEpithet  = "epithet"  // dropped when a capitalised name follows it
	loadedTerm     = "term"     // never dropped: the wording is not used
)

// The keys every rules/synth/templates.txt must define.
var templateKeys = []string{
	"according", "said", "said-quote", "dispute", "side-one", "side-many", "unnamed", "unnamed-other",
}

// DefaultSentences is the length of a brief when [Options] leaves it 0.
const DefaultSentences = 7

// minScore is the alignment score a support span needs for its wording to
// stand for the claim; the claim's reference span (score 0) always can.
const minScore = 0.5

// Writer writes neutral briefs. It holds only data read at start-up and is
// safe for concurrent use.
type Writer struct {
	loaded    map[string]string // lower-case term → category
	phrases   [][]string        // the multi-word loaded terms, as words
	modifiers map[string]bool
	openers   map[string]bool
	leaders   map[string]bool
	function  map[string]bool
	pronouns  map[string]bool
	templates map[string]string
}

// Options tunes a brief.
type Options struct {
	// Sentences is the most sentences the brief has; 0 means
	// [DefaultSentences].
	Sentences int
}

// New loads the writer's word lists and templates from fsys (rules.FS, or
// a directory laid out the same way): rules/synth/*.txt. Every data error
// is reported together, as "file:line: message".
func New(fsys fs.FS) (*Writer, error) {
	ld := &lexicon.Loader{FS: fsys}
	loaded := ld.Load(loadedFile)
	mods := ld.Load(modifiersFile)
	openers := ld.Load(openersFile)
	leaders := ld.Load(leadersFile)
	function := ld.Load(functionFile)
	pronouns := ld.Load(pronounsFile)
	tmpl := ld.Load(templatesFile)
	if err := ld.Err(); err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	w := &Writer{
		loaded:    map[string]string{},
		modifiers: mods.Set(strings.ToLower),
		openers:   openers.Set(strings.ToLower),
		leaders:   leaders.Set(strings.ToLower),
		function:  function.Set(strings.ToLower),
		pronouns:  pronouns.Set(strings.ToLower),
	}
	var errs lexicon.ErrorList
	for _, e := range loaded.Entries {
		if len(e.Fields) != 2 {
			errs = append(errs, &lexicon.Error{File: loadedFile, Line: e.Line, Msg: fmt.Sprintf("want 2 tab-separated fields, have %d", len(e.Fields))})
			continue
		}
		switch e.Fields[1] {
		case loadedModifier, loadedEpithet, loadedTerm:
		default:
			errs = append(errs, &lexicon.Error{File: loadedFile, Line: e.Line, Msg: fmt.Sprintf("unknown category %q (want modifier, epithet or term)", e.Fields[1])})
			continue
		}
		term := strings.ToLower(e.Fields[0])
		w.loaded[term] = e.Fields[1]
		if ws := strings.Fields(term); len(ws) > 1 {
			w.phrases = append(w.phrases, ws)
		}
	}
	templates, err := tmpl.Map(nil)
	if err != nil {
		if el, ok := err.(lexicon.ErrorList); ok {
			errs = append(errs, el...)
		} else {
			return nil, fmt.Errorf("synth: %w", err)
		}
	}
	for _, k := range templateKeys {
		if _, ok := templates[k]; !ok && err == nil {
			errs = append(errs, &lexicon.Error{File: templatesFile, Msg: fmt.Sprintf("no %q template", k)})
		}
	}
	if err := errs.Err(); err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	w.templates = templates
	return w, nil
}

// fill returns the template key with its {name} fields replaced by the
// values given as name, value pairs; a value is never read for fields
// again.
func (w *Writer) fill(key string, pairs ...string) string {
	t := w.templates[key]
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		j := strings.IndexByte(t[max(i, 0):], '}')
		if i < 0 || j < 0 {
			b.WriteString(t)
			return b.String()
		}
		name := t[i : i+j+1]
		b.WriteString(t[:i])
		val := name // a field with no value stays as written
		for k := 0; k+1 < len(pairs); k += 2 {
			if pairs[k] == name {
				val = pairs[k+1]
				break
			}
		}
		b.WriteString(val)
		t = t[i+j+1:]
	}
}

// Brief writes the neutral brief of story s, whose articles are arts (any
// order; articles s does not hold are ignored), from its claims (widest
// coverage first), contradictions, quotes, mentions and timeline. Each
// sentence carries the IDs of the articles that support it and of the
// claims it rests on.
func (w *Writer) Brief(s *parallax.Story, arts []*parallax.Article, opt Options) parallax.Summary {
	n := opt.Sentences
	if n <= 0 {
		n = DefaultSentences
	}
	st := newStory(w, s, arts)
	disputes := st.disputes(max(1, n/3))
	var out []sentence
	for _, c := range s.Claims {
		if len(out) >= n-len(disputes) {
			break
		}
		sn, ok := st.claimSentence(c)
		if !ok || st.duplicate(sn, out) {
			continue
		}
		st.use(sn)
		out = append(out, sn)
	}
	order(out)
	out = place(out, disputes)
	sum := parallax.Summary{Sentences: make([]parallax.SummarySentence, 0, len(out))}
	for _, sn := range out {
		sum.Sentences = append(sum.Sentences, parallax.SummarySentence{Text: sn.text, Citations: sn.citations, Claims: sn.claims})
	}
	return sum
}

// sentence is one sentence of the brief being written.
type sentence struct {
	text      string
	citations []string
	claims    []string
	keys      map[string]bool    // content-word keys, template words left out
	used      []parallax.Support // the spans its wording came from
	date      string             // the timeline date of its claim, or ""
	rank      int                // position in coverage order
}

// order puts dated sentences first, in date order, then the undated ones in
// coverage order.
func order(ss []sentence) {
	sort.SliceStable(ss, func(i, j int) bool {
		a, b := ss[i], ss[j]
		if (a.date != "") != (b.date != "") {
			return a.date != ""
		}
		if a.date != b.date {
			return a.date < b.date
		}
		return a.rank < b.rank
	})
}
