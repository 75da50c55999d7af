package entity

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"parallax"
	"parallax/internal/eval"
	"parallax/internal/lexicon"
	"parallax/internal/tagger"
	"parallax/internal/text"
)

// ModelFile and Stage1File are the paths of the shipped entity models in
// the rules file system: averaged-perceptron models (package tagger),
// gzipped, trained on wikigold and GUM by TestShipModel with -update.
// The first stage tags a whole document; the model of ModelFile then tags
// it again, seeing for each word the types the first stage gave it
// elsewhere in the document.
const (
	ModelFile  = "entity/ner-model.txt.gz"
	Stage1File = "entity/ner-stage1.txt.gz"
)

// Recognizer finds the people, organisations and places of an article, with
// the role or title the article gives each person beside the name. It is
// safe for concurrent use.
type Recognizer struct {
	g *Gazetteers
	// m tags sentences; m1, when not nil, is the first stage, whose tags
	// in the whole document m sees (the document features).
	m, m1 *tagger.Model
	// titles are honorifics that stand before a name and are not part of
	// it ("mr", "dr"), lower case, without the full stop.
	titles map[string]bool
	// calendar holds the names of weekdays and months, and words such as
	// "tonight": dates, not entities, when they stand alone.
	calendar map[string]bool
	// agencies are the news agencies of rules/sources, lower case: always
	// organisations.
	agencies map[string]bool
	// scratch holds *docScratch buffers for reuse between documents.
	scratch sync.Pool
}

// New loads the gazetteers of rules/entity and the shipped models from
// fsys.
func New(fsys fs.FS) (*Recognizer, error) {
	// the two models load side by side: most of a run's start-up time
	var m1 *tagger.Model
	var err1 error
	done := make(chan struct{})
	go func() {
		defer close(done)
		m1, err1 = loadModel(fsys, Stage1File)
	}()
	m, err := loadModel(fsys, ModelFile)
	<-done
	if err := errors.Join(err1, err); err != nil {
		return nil, err
	}
	return newRecognizer(fsys, m1, m)
}

// newRecognizer builds a recognizer around models trained on the features
// of [Gazetteers.Features] with the gazetteers of fsys: m1, the first
// stage, may be nil, and m then sees no document features.
func newRecognizer(fsys fs.FS, m1, m *tagger.Model) (*Recognizer, error) {
	g, err := LoadGazetteers(fsys)
	if err != nil {
		return nil, err
	}
	ld := &lexicon.Loader{FS: fsys}
	titles := ld.Load("text/titles.txt").Set(strings.ToLower)
	calendar := ld.Load("text/weekdays.txt").Set(strings.ToLower)
	for _, k := range ld.Load("entity/time-words.txt").Keys() {
		calendar[strings.ToLower(k)] = true
	}
	for _, k := range ld.Load("text/months.txt").Keys() {
		calendar[strings.ToLower(k)] = true
	}
	agencies := map[string]bool{}
	for _, e := range ld.Load("sources/news-agencies.txt").Entries {
		for _, f := range e.Fields {
			agencies[strings.ToLower(f)] = true
		}
	}
	if err := ld.Err(); err != nil {
		return nil, fmt.Errorf("entity: %w", err)
	}
	r := &Recognizer{g: g, m: m, m1: m1, titles: titles, calendar: calendar, agencies: agencies}
	r.scratch.New = func() any { return new(docScratch) }
	return r, nil
}

func loadModel(fsys fs.FS, name string) (*tagger.Model, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("entity: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("entity: %s: %w", name, err)
	}
	m, err := tagger.Load(zr)
	if err != nil {
		return nil, fmt.Errorf("entity: %s: %w", name, err)
	}
	return m, nil
}

// nerToken is a token as the model sees it: CoNLL-style text (a
// possessive "'s" apart, straight quotes), with its span in the article.
type nerToken struct {
	text string
	span parallax.Span
}

// nerTokens turns the tokens of one sentence into model tokens. An
// honorific or an initial keeps its full stop ("Mr.", "J."), as in CoNLL.
func (r *Recognizer) nerTokens(src string, toks []parallax.Token) []nerToken {
	out := make([]nerToken, 0, len(toks)+4)
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		s := t.Span.In(src)
		if t.Kind == parallax.TokenWord && k+1 < len(toks) && toks[k+1].Start == t.End && toks[k+1].Span.In(src) == "." &&
			(r.titles[strings.ToLower(s)] || (utf8.RuneCountInString(s) == 1 && isCapitalised(s))) {
			out = append(out, nerToken{s + ".", parallax.Span{Start: t.Start, End: t.End + 1}})
			k++
			continue
		}
		switch t.Kind {
		case parallax.TokenWord:
			for _, poss := range []string{"'s", "’s", "'S", "’S"} {
				if base, ok := strings.CutSuffix(s, poss); ok && base != "" {
					out = append(out,
						nerToken{base, parallax.Span{Start: t.Start, End: t.Start + len(base)}},
						nerToken{"'s", parallax.Span{Start: t.Start + len(base), End: t.End}})
					s = ""
					break
				}
			}
			if s != "" {
				out = append(out, nerToken{strings.ReplaceAll(s, "’", "'"), t.Span})
			}
		case parallax.TokenPunct:
			switch s {
			case "“", "”", "„", "«", "»":
				s = `"`
			case "‘", "’":
				s = "'"
			}
			out = append(out, nerToken{s, t.Span})
		default:
			// Dates, amounts and quantities are one token here and several
			// in CoNLL: split them at white space.
			start := -1
			for i, r := range s + " " {
				if unicode.IsSpace(r) {
					if start >= 0 {
						out = append(out, nerToken{s[start:i], parallax.Span{Start: t.Start + start, End: t.Start + i}})
						start = -1
					}
				} else if start < 0 {
					start = i
				}
			}
		}
	}
	return out
}

// found is an entity found in a sentence: a token range, a CoNLL type and
// the model's confidence.
type found struct {
	eval.Entity
	conf float64
}

// tagDocument finds the entities of each sentence of a document, ctx
// its context. With a first-stage model, that model tags every sentence,
// and the second stage sees what it gave each word elsewhere in the
// document; sentences whose count is false (headings) do not add to
// that (nil counts them all).
func (r *Recognizer) tagDocument(sents [][]string, ctx *Context, count []bool) [][]found {
	sc := r.scratch.Get().(*docScratch)
	defer r.scratch.Put(sc)
	// A sentence without a capital letter holds no name: its tags are all
	// "O" (a page of quotation marks or lower-case text costs nothing).
	// Each sentence's first-stage features are kept for the second stage,
	// unless the document is so long that they would not fit in memory
	// comfortably: then they are built again.
	total := 0
	for _, toks := range sents {
		total += len(toks)
	}
	keep := total <= maxKeptTokens
	for len(sc.base) < len(sents) && keep {
		sc.base = append(sc.base, new(featureSet))
	}
	features := func(i int) *featureSet {
		fs := &sc.one
		if keep {
			fs = sc.base[i]
		}
		fs.reset(len(sents[i]))
		r.g.features(sents[i], ctx, fs)
		return fs
	}
	named := make([]bool, len(sents))
	var base []*featureSet
	if keep {
		base = make([]*featureSet, len(sents))
	}
	for i, toks := range sents {
		named[i] = hasCapital(toks)
		if keep && named[i] {
			base[i] = features(i)
		}
	}
	var stage1 [][]string
	if r.m1 != nil {
		stage1 = make([][]string, len(sents))
		for i, toks := range sents {
			switch {
			case !named[i]:
				stage1[i] = outside(len(toks))
			case keep:
				stage1[i] = r.m1.Predict(base[i].tokens())
			default:
				stage1[i] = r.m1.Predict(features(i).tokens())
			}
		}
		ctx = ctx.withTypes(sents, stage1, count)
	}
	out := make([][]found, len(sents))
	for i, toks := range sents {
		if !named[i] {
			continue
		}
		var fs *featureSet
		if keep {
			fs = base[i]
		} else {
			fs = features(i)
		}
		if stage1 != nil {
			sc.doc.reset(len(toks))
			addDocFeatures(fs, ctx, stage1[i], &sc.doc)
			fs = &sc.doc
		}
		tags, margins := r.m.PredictMargins(fs.tokens())
		out[i] = r.tagSentence(toks, tags, margins)
	}
	return out
}

// maxKeptTokens is the document length, in tokens, up to which
// [Recognizer.tagDocument] keeps every sentence's features between its two
// stages.
const maxKeptTokens = 20000

// hasCapital reports whether any token starts with an upper-case letter.
func hasCapital(toks []string) bool {
	for _, t := range toks {
		if isCapitalised(t) {
			return true
		}
	}
	return false
}

// outside returns n "O" tags.
func outside(n int) []string {
	tags := make([]string, n)
	for i := range tags {
		tags[i] = "O"
	}
	return tags
}

// docScratch holds the buffers of [Recognizer.tagDocument], for reuse.
type docScratch struct {
	base []*featureSet // each sentence's first-stage features
	one  featureSet    // one sentence's first-stage features, for long documents
	doc  featureSet    // one sentence's second-stage features
}

// tagSentence finds the entities of one sentence of tokens from the
// model's tags and margins, and gives names the gazetteers know their
// type.
func (r *Recognizer) tagSentence(tokens, tags []string, margins []float64) []found {
	var out []found
	for _, e := range eval.Entities(tags) {
		if e.End-e.Start == 1 && r.calendar[strings.TrimSuffix(strings.ToLower(tokens[e.Start]), ".")] {
			continue
		}
		m := math.Inf(1)
		for i := e.Start; i < e.End; i++ {
			m = min(m, margins[i])
		}
		if kind := r.g.kindOf(tokens[e.Start:e.End]); kind != "" {
			switch kind {
			case "country", "capital":
				e.Type = "LOC"
			case "org":
				e.Type = "ORG"
			}
		}
		out = append(out, found{e, confidence(m)})
	}
	return out
}

// confidence maps a model margin to (0, 1): a margin of 0 (a tie) gives
// 0.5, and the margins of clear decisions come close to 1.
func confidence(margin float64) float64 {
	if math.IsInf(margin, 1) {
		return 1
	}
	return 1 / (1 + math.Exp(-margin/2))
}

// kindOf returns the gazetteer kind of a whole token sequence, or "".
func (g *Gazetteers) kindOf(tokens []string) string {
	if len(tokens) == 0 {
		return ""
	}
	lower := make([]string, len(tokens))
	for i, t := range tokens {
		lower[i] = strings.ToLower(t)
	}
	for _, p := range g.byFirst[lower[0]] {
		if len(p.tokens) == len(lower) && equalAt(lower, 0, p.tokens) {
			return p.kind
		}
	}
	return ""
}

// types maps the model's CoNLL types to the entity types of the contract.
var types = map[string]string{"PER": parallax.Person, "ORG": parallax.Organization, "LOC": parallax.Place, "MISC": parallax.Other}

// Recognize returns the name mentions of one article, in text order: the
// article's ID goes into each. Headings are tagged too, but a mention in a
// heading is kept only when the body names the same thing, because title
// case hides which words are names. Demonyms ("Russian") are qualifiers,
// not entities, and are left out.
func (r *Recognizer) Recognize(articleID, src string, doc *text.Doc) []parallax.Mention {
	sents := make([][]nerToken, len(doc.Sentences))
	bySent := make([][]parallax.Token, len(doc.Sentences))
	// one backing array for all sentences' tokens
	counts := make([]int, len(doc.Sentences))
	total := 0
	for _, t := range doc.Tokens {
		if t.Sentence >= 0 && t.Sentence < len(bySent) {
			counts[t.Sentence]++
			total++
		}
	}
	backing := make([]parallax.Token, total)
	for i, c := range counts {
		bySent[i], backing = backing[:0:c], backing[c:]
	}
	for _, t := range doc.Tokens {
		if t.Sentence >= 0 && t.Sentence < len(bySent) {
			bySent[t.Sentence] = append(bySent[t.Sentence], t)
		}
	}
	words := make([][]string, len(sents))
	var body [][]string
	isBody := make([]bool, len(sents))
	for i, toks := range bySent {
		sents[i] = r.nerTokens(src, toks)
		words[i] = make([]string, len(sents[i]))
		for k, t := range sents[i] {
			words[i][k] = t.text
		}
		if !doc.Sentences[i].Heading {
			body = append(body, words[i])
			isBody[i] = true
		}
	}
	ctx := NewContext(body)
	tagged := r.tagDocument(words, ctx, isBody)
	var out, headings []parallax.Mention
	bodyNames := map[string]bool{}
	for i := range sents {
		for _, f := range r.titled(words[i], tagged[i]) {
			for _, m := range r.mentions(src, sents[i], words[i], f) {
				m.Article = articleID
				if doc.Sentences[i].Heading {
					headings = append(headings, m)
					continue
				}
				bodyNames[strings.ToLower(m.Text)] = true
				for _, w := range strings.Fields(m.Text) {
					bodyNames[strings.ToLower(w)] = true
				}
				out = append(out, m)
			}
		}
	}
	for _, m := range headings {
		if bodyNames[strings.ToLower(m.Text)] {
			out = append(out, m)
		}
	}
	sortMentions(out)
	return out
}

func sortMentions(ms []parallax.Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// mentions turns a found entity into mentions. The model sometimes runs
// names, roles and narration together ("Russian President Vladimir Putin
// told Iran's Foreign Minister Abbas Araghchi"), so the span is cut at
// possessives, punctuation and lower-case words that cannot stand inside a
// name, and at role phrases; each role goes to the name after it, with the
// qualifier before it ("iran's foreign minister"). Honorifics, leading
// articles, and pieces that are only a role or a demonym are not names.
// A person with no role inside the span gets the role that stands beside
// the name, before it or in apposition after it.
func (r *Recognizer) mentions(src string, toks []nerToken, words []string, f found) []parallax.Mention {
	typ := types[f.Type]
	lower := func(i int) string { return strings.ToLower(words[i]) }
	var out []parallax.Mention
	emit := func(start, end int, role string, roleSpan parallax.Span) {
		for end-start > 1 && (r.g.joiners[lower(end-1)] || r.calendar[lower(end-1)]) {
			end--
		}
		for end-start > 1 && (lower(start) == "the" || lower(start) == "a" || lower(start) == "an" || r.titles[strings.TrimSuffix(lower(start), ".")]) {
			start++
		}
		if start >= end || r.titles[strings.TrimSuffix(lower(start), ".")] || r.g.roleAt(words, start, end) == end-start {
			return
		}
		kind := r.g.kindOf(words[start:end])
		if kind == "demonym" || (end-start == 1 && (r.calendar[strings.TrimSuffix(lower(start), ".")] || r.placeCompound(words[start]))) {
			return
		}
		t := typ
		switch {
		case kind == "country" || kind == "capital":
			t = parallax.Place
		case kind == "org" || r.agencies[joinLower(words[start:end])]:
			t = parallax.Organization
		case role != "":
			t = parallax.Person
		case t != parallax.Person && kind == "":
			// a role beside a name makes it a person's
			if rl, _ := r.roleBefore(toks, words, start); rl != "" {
				t = parallax.Person
			} else if rl, _ := r.roleAfter(toks, words, end); rl != "" {
				t = parallax.Person
			}
		}
		span := parallax.Span{Start: toks[start].span.Start, End: toks[end-1].span.End}
		m := parallax.Mention{Span: span, Text: span.In(src), Type: t, Kind: parallax.MentionName, Confidence: f.conf}
		if t == parallax.Person && role == "" {
			role, roleSpan = r.roleBefore(toks, words, start)
			if role == "" {
				role, roleSpan = r.roleAfter(toks, words, end)
			}
		}
		if t == parallax.Person {
			m.Role, m.RoleSpan = role, roleSpan
		}
		out = append(out, m)
	}
	pieceStart := f.Start
	role, roleSpan := "", parallax.Span{}
	for i := f.Start; i < f.End; {
		w := words[i]
		if n := r.g.roleAt(words, i, f.End); n > 0 && isCapitalised(w) && i+n < f.End {
			// a role inside the span: what stands before it qualifies it
			q, qs := "", parallax.Span{}
			qStart := pieceStart
			if i > pieceStart {
				emit(pieceStart, i, role, roleSpan)
				q = joinLower(words[qStart:i])
				qs = parallax.Span{Start: toks[qStart].span.Start, End: toks[i-1].span.End}
			} else if i >= 2 && words[i-1] == "'s" && i-1 == f.Start {
				q, qs = r.qualifierBefore(toks, words, i)
			}
			rs := i
			if i == f.Start && !(i >= 1 && words[i-1] == "'s") {
				q, qs = r.qualifierBefore(toks, words, i)
			}
			if i == f.Start {
				// the model may have left the first words of the role out:
				// "Foreign [Minister Abbas Araghchi]"
				for k := max(0, i-4); k < i; k++ {
					if m := r.g.roleAt(words, k, i+n+1); m == i+n-k {
						rs = k
						q, qs = r.qualifierBefore(toks, words, k)
						break
					}
				}
			}
			role = joinLower(words[rs : i+n])
			roleSpan = parallax.Span{Start: toks[rs].span.Start, End: toks[i+n-1].span.End}
			if q != "" {
				role, roleSpan.Start = q+" "+role, qs.Start
			}
			i += n
			if i == f.End || (rs == pieceStart && r.roleTail(words[i:f.End])) {
				// the whole span is a role: "Chief of the General Staff"
				pieceStart, role = f.End, ""
				break
			}
			// "Chief of the General Staff": the role goes on through "of"
			// to the body it belongs to
			if j := r.ofPhraseEnd(words, i, f.End); j > i {
				role += " " + joinLower(words[i:j])
				roleSpan.End = toks[j-1].span.End
				i = j
			}
			// roles in a row make one: "Supreme Leader Ayatollah"
			for i < f.End {
				m := r.g.roleAt(words, i, f.End)
				if m == 0 || i+m >= f.End || !isCapitalised(words[i]) {
					break
				}
				role += " " + joinLower(words[i:i+m])
				roleSpan.End = toks[i+m-1].span.End
				i += m
			}
			pieceStart = i
			continue
		}
		if w == "'s" {
			emit(pieceStart, i, role, roleSpan)
			role, roleSpan = "", parallax.Span{}
			i++
			if i < f.End {
				if n := r.g.roleAt(words, i, f.End); n > 0 && i+n < f.End {
					// "Iran's Foreign Minister Abbas Araghchi"
					q, qs := r.qualifierBefore(toks, words, i)
					role = joinLower(words[i : i+n])
					roleSpan = parallax.Span{Start: toks[i].span.Start, End: toks[i+n-1].span.End}
					if q != "" {
						role, roleSpan.Start = q+" "+role, qs.Start
					}
					i += n
				}
			}
			pieceStart = i
			continue
		}
		if cutsName(w, r.g.joiners) {
			emit(pieceStart, i, role, roleSpan)
			role, roleSpan = "", parallax.Span{}
			pieceStart = i + 1
		}
		i++
	}
	emit(pieceStart, f.End, role, roleSpan)
	return out
}

// cutsName reports whether a token cannot stand inside a name: a lower-case
// word that is not a joiner ("told", "from"), or punctuation other than
// the marks names hold ("." "-" "&" "'").
func cutsName(w string, joiners map[string]bool) bool {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsLower(r):
		return !joiners[strings.ToLower(w)]
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return false
	}
	return w != "." && w != "-" && w != "&" && w != "'"
}

func joinLower(ws []string) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 && w != "'s" {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(w))
	}
	return b.String()
}

// roleAt returns the length of the longest role phrase of the gazetteers
// that starts at token i and ends before token limit, or 0.
func (g *Gazetteers) roleAt(words []string, i, limit int) int {
	lw := strings.ToLower(words[i])
	for _, p := range g.byFirst[lw] {
		if p.kind != "role" || i+len(p.tokens) > limit {
			continue
		}
		ok := true
		for k, t := range p.tokens {
			if strings.ToLower(words[i+k]) != t {
				ok = false
				break
			}
		}
		if ok {
			return len(p.tokens)
		}
	}
	return 0
}

// roleBefore finds a role phrase that ends right before token i ("Kremlin
// spokesman Dmitry Peskov", "Iran's Foreign Minister Abbas Araghchi"),
// with its qualifier, and returns it in lower case with its span.
func (r *Recognizer) roleBefore(toks []nerToken, words []string, i int) (string, parallax.Span) {
	for k := max(0, i-5); k < i; k++ {
		if n := r.g.roleAt(words, k, i+1); n > 0 && k+n == i && !(n == 1 && r.titles[strings.TrimSuffix(strings.ToLower(words[k]), ".")]) {
			role := joinLower(words[k:i])
			span := parallax.Span{Start: toks[k].span.Start, End: toks[i-1].span.End}
			if q, qs := r.qualifierBefore(toks, words, k); q != "" {
				role, span.Start = q+" "+role, qs.Start
			}
			return role, span
		}
	}
	return "", parallax.Span{}
}

// qualifierBefore returns what qualifies a role that starts at token i: a
// possessive ("Iran's"), a demonym ("Russian"), or a capitalised word or
// two ("Kremlin", "White House"), lower case, with its span; or "".
func (r *Recognizer) qualifierBefore(toks []nerToken, words []string, i int) (string, parallax.Span) {
	switch {
	case i >= 2 && words[i-1] == "'s" && isCapitalised(words[i-2]):
		k := i - 2
		for k > 0 && isCapitalised(words[k-1]) && i-k < 4 {
			k--
		}
		return joinLower(words[k:i]), parallax.Span{Start: toks[k].span.Start, End: toks[i-1].span.End}
	case i >= 1 && isCapitalised(words[i-1]):
		k := i - 1
		for k > 0 && isCapitalised(words[k-1]) && i-k < 3 && r.g.roleAt(words, k-1, i) == 0 {
			k--
		}
		if k == 0 && i-k == 1 && r.g.kindOf(words[k:i]) == "" {
			// a capitalised first word of a sentence that no list knows is
			// more likely an ordinary word than a qualifier
			return "", parallax.Span{}
		}
		return joinLower(words[k:i]), parallax.Span{Start: toks[k].span.Start, End: toks[i-1].span.End}
	}
	return "", parallax.Span{}
}

// roleAfter finds a role in apposition after a name that ends before token
// i: ", the Kremlin spokesman," or ", Deputy Chief of the General Staff".
func (r *Recognizer) roleAfter(toks []nerToken, words []string, i int) (string, parallax.Span) {
	if i >= len(words) || words[i] != "," {
		return "", parallax.Span{}
	}
	k := i + 1
	if k < len(words) {
		switch strings.ToLower(words[k]) {
		case "the", "a", "an":
			k++
		}
	}
	start := k
	end := k
	hasRole := false
	for end < len(words) && end-start < 8 {
		w := words[end]
		if w == "," || w == "." || w == ";" || w == ":" || w == `"` || w == "(" || w == ")" {
			break
		}
		if n := r.g.roleAt(words, end, len(words)); n > 0 {
			hasRole = true
			end += n
			continue
		}
		lw := strings.ToLower(w)
		if !isCapitalised(w) && !hasRole && lw != "'s" {
			return "", parallax.Span{}
		}
		if !isCapitalised(w) && hasRole && lw != "of" && lw != "the" && lw != "for" && lw != "and" && lw != "'s" {
			break
		}
		end++
	}
	// trailing joiners are not part of the role
	for end > start && (strings.ToLower(words[end-1]) == "of" || strings.ToLower(words[end-1]) == "the" || strings.ToLower(words[end-1]) == "and" || strings.ToLower(words[end-1]) == "for") {
		end--
	}
	if !hasRole || end <= start {
		return "", parallax.Span{}
	}
	return joinLower(words[start:end]), parallax.Span{Start: toks[start].span.Start, End: toks[end-1].span.End}
}

// Harmonize gives the mentions of a story that share a name one type, the
// type the recognizer gave them with the most confidence in all ("other",
// the model's least certain type, only when nothing else is given). A
// one-word name that ends a longer person's name ("Putin" in "Vladimir
// Putin") votes with that person. The model decides each sentence alone;
// the story as a whole is a better judge of what a name is.
//
// A one-word "person" that the story never gives a first name or a role
// is often a place the model does not know ("the sites at Natanz, Isfahan
// and Fordow"): when it stands in lists ("A, B and C", texts holding the
// articles' text by ID) whose other members are mostly places or
// organisations, it takes their type.
func Harmonize(ms []parallax.Mention, texts map[string]string) {
	votes := map[string]map[string]float64{}
	vote := func(key, typ string, w float64) {
		if votes[key] == nil {
			votes[key] = map[string]float64{}
		}
		votes[key][typ] += w
	}
	supported := map[string]bool{}
	for _, m := range ms {
		if m.Kind != parallax.MentionName {
			continue
		}
		key := strings.ToLower(m.Text)
		vote(key, m.Type, m.Confidence)
		if f := strings.Fields(key); m.Type == parallax.Person && len(f) > 1 {
			vote(f[len(f)-1], m.Type, m.Confidence)
			supported[f[len(f)-1]] = true
		}
		if m.Role != "" {
			supported[key] = true
		}
	}
	winner := map[string]string{}
	for key, v := range votes {
		best, total := "", 0.0
		for t, w := range v {
			if t == parallax.Other && len(v) > 1 {
				continue
			}
			total += w
			if best == "" || w > v[best] || (w == v[best] && t < best) {
				best = t
			}
		}
		if v[best] >= 0.5*total {
			winner[key] = best
		}
	}
	// Lists: the members of "A, B and C" in one sentence of one article.
	listVotes := map[string]map[string]float64{}
	for i := 1; i < len(ms); i++ {
		a, b := ms[i-1], ms[i]
		if a.Article != b.Article || a.Kind != parallax.MentionName || b.Kind != parallax.MentionName || !listGap(parallax.Span{Start: a.End, End: b.Start}.In(texts[a.Article])) {
			continue
		}
		for _, pair := range [][2]parallax.Mention{{a, b}, {b, a}} {
			key := strings.ToLower(pair[0].Text)
			other := winner[strings.ToLower(pair[1].Text)]
			if other == "" {
				other = pair[1].Type
			}
			if listVotes[key] == nil {
				listVotes[key] = map[string]float64{}
			}
			listVotes[key][other] += pair[1].Confidence
		}
	}
	for key, t := range winner {
		if t != parallax.Person || supported[key] || strings.Contains(key, " ") {
			continue
		}
		lv := listVotes[key]
		places, total := lv[parallax.Place]+lv[parallax.Organization], lv[parallax.Place]+lv[parallax.Organization]+lv[parallax.Person]
		if total > 0 && places > 0.5*total {
			if lv[parallax.Place] >= lv[parallax.Organization] {
				winner[key] = parallax.Place
			} else {
				winner[key] = parallax.Organization
			}
		}
	}
	for i, m := range ms {
		if t := winner[strings.ToLower(m.Text)]; m.Kind == parallax.MentionName && t != "" {
			ms[i].Type = t
		}
	}
}

// listGap reports whether the text between two names joins them in a list:
// a comma, "and" or "or", or a comma and one of them.
func listGap(s string) bool {
	switch strings.TrimSpace(s) {
	case ",", "and", "or", ", and", ", or", "&":
		return true
	}
	return false
}

// ofPhraseEnd returns where an "of" phrase that completes a role ends, when
// one starts at token i ("of the General Staff", "of State"), or i. It
// takes "of", an optional "the" and capitalised words up to a word that
// ends organisation names, else one capitalised word, and leaves at least
// one token before limit for the name.
func (r *Recognizer) ofPhraseEnd(words []string, i, limit int) int {
	if i >= limit || strings.ToLower(words[i]) != "of" {
		return i
	}
	j := i + 1
	if j < limit && strings.ToLower(words[j]) == "the" {
		j++
	}
	first := j
	for k := j; k < limit-1 && isCapitalised(words[k]); k++ {
		if k > first && r.g.roleAt(words, k, limit) > 0 {
			// "Leader of the Islamic Revolution Ayatollah ...": the
			// next role starts here
			return k
		}
		if r.g.orgSuffix[strings.ToLower(words[k])] || r.g.kindOf(words[first:k+1]) != "" {
			return k + 1
		}
	}
	if first < limit-1 && isCapitalised(words[first]) {
		return first + 1
	}
	return i
}

// roleTail reports whether the words after a role only complete it: "of",
// an optional "the", and capitalised words ("of the General Staff"), none
// of which, past the first, starts another role (as "Ayatollah" does in
// "Leader of the Islamic Revolution Ayatollah Ali Khamenei").
func (r *Recognizer) roleTail(ws []string) bool {
	if len(ws) < 2 || strings.ToLower(ws[0]) != "of" {
		return false
	}
	ws = ws[1:]
	if strings.ToLower(ws[0]) == "the" {
		ws = ws[1:]
	}
	for k, w := range ws {
		if !isCapitalised(w) && strings.ToLower(w) != "of" && strings.ToLower(w) != "and" {
			return false
		}
		if k > 0 && r.g.roleAt(ws, k, len(ws)) > 0 {
			return false
		}
	}
	return len(ws) > 0
}

// titled adds the names the model missed after an honorific ("Dr.
// Tedros") or a capitalised role ("President Masoud Pezeshkian", "Leader
// of the Islamic Revolution Ayatollah Seyyed Ali Khamenei"), as people,
// the role included so that [Recognizer.mentions] keeps it as the role.
// The name is a run of up to four capitalised words that no gazetteer
// knows as a place or organisation.
func (r *Recognizer) titled(words []string, have []found) []found {
	covered := make([]bool, len(words))
	for _, f := range have {
		for i := f.Start; i < f.End; i++ {
			covered[i] = true
		}
	}
	for i := 0; i+1 < len(words); i++ {
		if covered[i] || !isCapitalised(words[i]) || (i > 0 && strings.ToLower(words[i-1]) == "the") {
			// "the General Staff" names a body, not a general
			continue
		}
		start, j := i, i
		if r.titles[strings.TrimSuffix(strings.ToLower(words[i]), ".")] {
			j = i + 1
			start = j
		} else {
			// roles in a row, with "of the ..." phrases between
			for j < len(words) && isCapitalised(words[j]) && !covered[j] {
				n := r.g.roleAt(words, j, len(words))
				if n == 0 {
					break
				}
				j = r.ofPhraseEnd(words, j+n, len(words))
			}
			if j == i {
				continue
			}
		}
		k := j
		for k < len(words) && k-j < 4 && isCapitalised(words[k]) && !covered[k] && r.g.roleAt(words, k, len(words)) == 0 {
			k++
		}
		if k == j || r.g.kindOf(words[j:k]) != "" || (k < len(words) && isCapitalised(words[k])) {
			i = max(i, j-1)
			continue
		}
		have = append(have, found{eval.Entity{Type: "PER", Start: start, End: k}, 0.6})
		i = k
	}
	sort.Slice(have, func(a, b int) bool { return have[a].Start < have[b].Start })
	return have
}

// placeCompound reports whether a hyphenated word joins places or their
// demonyms ("Iran-Russia ties", "Russian-Iranian relations"): an
// adjective, not a name.
func (r *Recognizer) placeCompound(w string) bool {
	parts := strings.Split(w, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		switch r.g.kindOf([]string{p}) {
		case "country", "capital", "demonym":
		default:
			return false
		}
	}
	return true
}
