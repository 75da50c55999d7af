package text

import (
	"io/fs"
	"sort"
	"strings"

	"parallax"
)

// Engine analyses article bodies: furniture, headings, sentences, quotation
// state and tokens. It is safe for concurrent use.
type Engine struct {
	lx  *lexicons
	dp  *datePatterns
	seg *Segmenter
	tok *Tokenizer
}

// Doc is the analysis of one body. All offsets point into the text given to
// [Engine.Analyze].
type Doc struct {
	Sentences []parallax.Sentence
	Furniture []parallax.Furniture
	Tokens    []parallax.Token
	// Words counts the words of the non-heading sentences. Tokens cover the
	// furniture too, with Sentence -1.
	Words int
}

// New loads the engine's lexicons from fsys (rules.FS, or a directory laid
// out the same way). Every data error in the files is reported together.
func New(fsys fs.FS) (*Engine, error) {
	lx, err := loadLexicons(fsys)
	if err != nil {
		return nil, err
	}
	return &Engine{lx: lx, dp: compileDatePatterns(lx.months), seg: &Segmenter{lx: lx}, tok: newTokenizer(lx)}, nil
}

// Segmenter returns the engine's sentence segmenter.
func (e *Engine) Segmenter() *Segmenter { return e.seg }

// Tokenizer returns the engine's tokenizer.
func (e *Engine) Tokenizer() *Tokenizer { return e.tok }

// paragraph is a run of body text that sentences never cross.
type paragraph struct {
	start, end int
	heading    bool
}

// Analyze annotates src. It never fails: text it cannot make sense of is
// left as plain sentences.
func (e *Engine) Analyze(src string) *Doc {
	n := Normalize(src)
	t := n.Text
	lines := splitLines(t)
	e.classify(t, lines)

	doc := &Doc{}
	var paras []paragraph
	wrapped := isHardWrapped(t, lines)
	for i := range lines {
		l := &lines[i]
		doc.Furniture = append(doc.Furniture, l.prefixes...)
		switch {
		case l.consumed:
		case l.kind != "":
			doc.Furniture = append(doc.Furniture, parallax.Furniture{Kind: l.kind, Span: parallax.Span{Start: l.start, End: l.end}, Source: l.source})
		case l.heading:
			paras = append(paras, paragraph{start: l.bodyStart, end: l.end, heading: true})
		default:
			if k := len(paras); wrapped && k > 0 && !l.blankBefore && !paras[k-1].heading && i > 0 && lines[i-1].kind == "" && paras[k-1].end == lines[i-1].end {
				paras[k-1].end = l.end
				continue
			}
			paras = append(paras, paragraph{start: l.bodyStart, end: l.end})
		}
	}
	// Merge furniture spans that touch (a tweet over two lines).
	sort.SliceStable(doc.Furniture, func(i, j int) bool { return doc.Furniture[i].Start < doc.Furniture[j].Start })

	var sents []parallax.Sentence
	for _, p := range paras {
		if p.heading {
			sents = append(sents, parallax.Sentence{Span: parallax.Span{Start: p.start, End: p.end}, Heading: true})
			continue
		}
		text := t[p.start:p.end]
		if wrapped {
			text = strings.ReplaceAll(text, "\n", " ")
		}
		for _, s := range e.seg.Sentences(text) {
			sents = append(sents, parallax.Sentence{Span: parallax.Span{Start: p.start + s[0], End: p.start + s[1]}})
		}
	}
	markQuoted(t, sents)
	doc.Sentences = sents
	doc.Tokens, doc.Words = e.tok.tokenize(t, sents, doc.Furniture)

	if !n.Identity() {
		for i := range doc.Sentences {
			doc.Sentences[i].Span = mapSpan(n, doc.Sentences[i].Span)
		}
		for i := range doc.Furniture {
			doc.Furniture[i].Span = mapSpan(n, doc.Furniture[i].Span)
		}
		for i := range doc.Tokens {
			doc.Tokens[i].Span = mapSpan(n, doc.Tokens[i].Span)
		}
	}
	return doc
}

func mapSpan(n *Normalized, s parallax.Span) parallax.Span {
	return parallax.Span{Start: n.Orig(s.Start), End: n.Orig(s.End)}
}

// isHardWrapped reports whether the text's lines are wrapped at a fixed
// width (as in e-mail or some plain-text exports), so that a single line
// break is a space and only blank lines separate paragraphs.
func isHardWrapped(t string, lines []line) bool {
	joins, pairs := 0, 0
	for i := 0; i+1 < len(lines); i++ {
		if lines[i].blankAfter || lines[i].kind != "" {
			continue
		}
		pairs++
		s := lines[i].text(t)
		next := lines[i+1].text(t)
		if !endsSentence(s) && !strings.HasSuffix(s, ":") && isLowerAt(next, 0) {
			joins++
		}
	}
	return pairs >= 3 && joins*10 >= pairs*3
}
