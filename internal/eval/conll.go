package eval

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// NERSentence is one sentence of a named-entity data set: its tokens and one
// tag per token, as written in the file ("O", "I-PER", "B-ORG" or a bare
// type such as GUM's "person").
type NERSentence struct {
	Tokens []string
	Tags   []string
}

// Document is a named group of sentences: one article of a data set, or the
// whole data set when it has no document boundaries.
type Document struct {
	Corpus    string // the sub-corpus, e.g. "news" or "interview" for GUM; the data set's name otherwise
	Name      string // the file name, with a document number when the file holds several
	Sentences []NERSentence
}

// Entity is a labelled span of tokens in one sentence: tokens Start to End,
// half-open, of type Type.
type Entity struct {
	Start, End int
	Type       string
}

// ParseError is a malformed line in a CoNLL-style file.
type ParseError struct {
	Name string // the file, or "" when reading from an unnamed reader
	Line int    // 1-based
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Name == "" {
		return fmt.Sprintf("eval: line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("eval: %s:%d: %s", e.Name, e.Line, e.Msg)
}

// maxErrors caps the parse errors reported for one file.
const maxErrors = 20

// ReadCoNLL reads sentences in the CoNLL style used by wikigold and GUM: one
// token a line, its first field the token and its last field the tag (fields
// split by spaces or tabs, so extra middle columns such as part of speech are
// ignored), a blank line between sentences, and "-DOCSTART-" lines, which are
// skipped. A tag is "O", "I-TYPE", "B-TYPE" or a bare "TYPE" (read as
// "I-TYPE"). All malformed lines, up to 20, are reported together as
// [*ParseError] values joined with [errors.Join]; each names its line number.
func ReadCoNLL(r io.Reader) ([]NERSentence, error) {
	docs, err := readCoNLL(r, "")
	var out []NERSentence
	for _, d := range docs {
		out = append(out, d.Sentences...)
	}
	return out, err
}

// ReadCoNLLDocuments is [ReadCoNLL] keeping document boundaries: a
// "-DOCSTART-" line starts a new [Document]. Sentences before the first
// marker form a document of their own. Documents are named name#1, name#2,
// ... and their Corpus is left empty. name is also used in error messages.
func ReadCoNLLDocuments(r io.Reader, name string) ([]Document, error) {
	return readCoNLL(r, name)
}

func readCoNLL(r io.Reader, name string) ([]Document, error) {
	var (
		docs []Document
		cur  NERSentence
		errs []error
		line int
	)
	newDoc := func() {
		docs = append(docs, Document{Name: fmt.Sprintf("%s#%d", name, len(docs)+1)})
	}
	flush := func() {
		if len(cur.Tokens) == 0 {
			return
		}
		if len(docs) == 0 {
			newDoc()
		}
		d := &docs[len(docs)-1]
		d.Sentences = append(d.Sentences, cur)
		cur = NERSentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0:
			flush()
			continue
		case fields[0] == "-DOCSTART-":
			flush()
			if len(docs) == 0 || len(docs[len(docs)-1].Sentences) > 0 {
				newDoc()
			}
			continue
		case len(fields) < 2:
			if len(errs) < maxErrors {
				errs = append(errs, &ParseError{name, line, fmt.Sprintf("want a token and a tag, got %q", sc.Text())})
			}
			continue
		}
		tag := fields[len(fields)-1]
		if msg := checkTag(tag); msg != "" {
			if len(errs) < maxErrors {
				errs = append(errs, &ParseError{name, line, msg})
			}
			continue
		}
		cur.Tokens = append(cur.Tokens, fields[0])
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("eval: reading %s after line %d: %w", cmp.Or(name, "input"), line, err))
	}
	flush()
	// A trailing -DOCSTART- leaves an empty document behind.
	docs = slices.DeleteFunc(docs, func(d Document) bool { return len(d.Sentences) == 0 })
	return docs, errors.Join(errs...)
}

// checkTag returns why tag is not a valid IO, BIO or bare tag, or "".
func checkTag(tag string) string {
	if tag == "O" {
		return ""
	}
	prefix, typ, ok := strings.Cut(tag, "-")
	switch {
	case !ok:
		return "" // a bare type, as in GUM
	case prefix != "B" && prefix != "I":
		return fmt.Sprintf("tag %q: want O, I-TYPE, B-TYPE or a bare TYPE", tag)
	case typ == "":
		return fmt.Sprintf("tag %q: no entity type", tag)
	}
	return ""
}

// splitTag returns a tag's type and whether it begins an entity explicitly
// (B-). "O" gives "".
func splitTag(tag string) (typ string, begin bool) {
	if tag == "O" || tag == "" {
		return "", false
	}
	if prefix, t, ok := strings.Cut(tag, "-"); ok && (prefix == "B" || prefix == "I") {
		return t, prefix == "B"
	}
	return tag, false
}

// Entities returns the entities that tags mark, in order. It reads IO and
// BIO alike: an entity starts at a B- tag, or at an I- (or bare) tag that
// follows "O" or a tag of another type, and runs while I- tags of its type
// follow. In IO data two adjacent entities of one type therefore merge, as
// the format cannot tell them apart.
func Entities(tags []string) []Entity {
	var out []Entity
	open := -1 // index in out of the entity still open, or -1
	for i, tag := range tags {
		typ, begin := splitTag(tag)
		if typ == "" {
			open = -1
			continue
		}
		if open >= 0 && !begin && out[open].Type == typ {
			out[open].End = i + 1
			continue
		}
		out = append(out, Entity{Start: i, End: i + 1, Type: typ})
		open = len(out) - 1
	}
	return out
}

// Wikigold and GUM file locations under the shared data sets root.
const (
	WikigoldPath = "ner-open/wikigold/CONLL-format/data/wikigold.conll.txt"
	GUMDir       = "ner-open/GUM/CONLL-format/data-by-corpustype"
)

// GUMCorpora are the GUM sub-corpora in the shared data sets.
var GUMCorpora = []string{"news", "interview"}

// LoadWikigold reads wikigold (Balasuriya et al. 2009; CC BY 4.0) from the
// shared data sets root, e.g. "../shared/datasets" seen from the repository.
// Its tags are IO with types PER, ORG, LOC and MISC. It returns one
// [Document] per "-DOCSTART-" section (145 Wikipedia articles), each with
// Corpus "wikigold".
func LoadWikigold(root string) ([]Document, error) {
	path := filepath.Join(root, WikigoldPath)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	docs, err := readCoNLL(f, path)
	for i := range docs {
		docs[i].Corpus = "wikigold"
	}
	return docs, err
}

// LoadGUM reads the news and interview parts of GUM (Zeldes 2017;
// annotations CC BY 4.0) from the shared data sets root. Each file is one
// [Document], with Corpus "news" or "interview" and Name the file name. Its
// tags are bare GUM types ("person", "place", "abstract", ...) that mark
// every mention; [GUMGold] turns a sentence into scorable gold entities.
func LoadGUM(root string) ([]Document, error) {
	var docs []Document
	var errs []error
	for _, corpus := range GUMCorpora {
		dir := filepath.Join(root, GUMDir, corpus)
		names, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("eval: no GUM files in %s", dir)
		}
		slices.Sort(names)
		for _, name := range names {
			d, err := loadGUMFile(name)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			d.Corpus = corpus
			docs = append(docs, d)
		}
	}
	return docs, errors.Join(errs...)
}

func loadGUMFile(path string) (Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return Document{}, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	ds, err := readCoNLL(f, path)
	d := Document{Name: filepath.Base(path)}
	for _, x := range ds {
		d.Sentences = append(d.Sentences, x.Sentences...)
	}
	return d, err
}
