package ingest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"parallax"
)

// DefaultMaxBytes is the size cap of one input when [Options].MaxBytes is 0.
const DefaultMaxBytes = 10 << 20

// Options configures [Read].
type Options struct {
	// MaxBytes caps the size of one input; 0 (or less) means
	// DefaultMaxBytes. A larger input is skipped with a warning, and never
	// more than MaxBytes+1 bytes of it are read.
	MaxBytes int64
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
}

// Result is what [Read] makes of its inputs.
type Result struct {
	// Articles are the articles read, in input order, with IDs "a1", "a2",
	// ... in that order.
	Articles []*parallax.Article
	// Warnings name the inputs that could not be read, or only in part
	// (one warning per input file), in input order.
	Warnings []parallax.Warning
	// Skipped lists the files found in directories that are not articles:
	// other extensions, README and LICENSE files, special files and
	// symbolic links to directories. The caller may print a notice.
	Skipped []string
}

// articleExts are the extensions of the files Read takes for articles when it
// walks a directory. A file named as an input is read whatever its name.
var articleExts = []string{".txt", ".text", ".md", ".markdown"}

// noticePrefixes start the names of files that sit beside articles in a
// directory without being articles.
var noticePrefixes = []string{"readme", "license", "licence"}

// Read reads every input in order: a file, a directory (recursively, entries
// in lexical order, hidden files and directories left out, only files with
// the extensions .txt, .text, .md and .markdown), or "-" for opts.Stdin. Each
// readable input gives one *parallax.Article with Source, Text and the
// metadata of its front matter, if any (see [ParseFrontMatter]); Text is the
// body exactly as read, after decoding and after removing the front matter.
// Every input that fails or is only partly usable (empty, binary, too large,
// missing, unreadable, not UTF-8, malformed front matter) gives a warning
// naming it, and the run goes on.
//
// Read does not infer metadata from the text: that needs the furniture the
// text engine marks; see [InferMeta].
func Read(inputs []string, opts Options) Result {
	r := reader{max: opts.MaxBytes, stdin: opts.Stdin}
	if r.max <= 0 {
		r.max = DefaultMaxBytes
	}
	if r.stdin == nil {
		r.stdin = os.Stdin
	}
	for _, in := range inputs {
		r.input(in)
	}
	for i, a := range r.res.Articles {
		a.ID = "a" + strconv.Itoa(i+1)
	}
	return r.res
}

// reader holds the state of one call to Read.
type reader struct {
	max   int64
	stdin io.Reader
	res   Result
}

func (r *reader) warn(input, format string, args ...any) {
	r.res.Warnings = append(r.res.Warnings, parallax.Warning{Input: input, Message: fmt.Sprintf(format, args...)})
}

func (r *reader) input(name string) {
	if name == "-" {
		r.read(name, r.stdin, -1)
		return
	}
	info, err := os.Stat(name)
	if err != nil {
		r.warn(name, "%s", describe(err))
		return
	}
	if info.IsDir() {
		r.walk(name)
		return
	}
	r.readFile(name)
}

// walk reads the article files under the directory root.
func (r *reader) walk(root string) {
	walkRoot := root
	if info, err := os.Lstat(root); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		walkRoot = root + string(filepath.Separator) // walk the directory the link names
	}
	articles := 0
	err := filepath.WalkDir(walkRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			r.warn(path, "%s", describe(err))
			return nil
		}
		if path == walkRoot {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		mode := d.Type()
		if mode&fs.ModeSymlink != 0 {
			info, err := os.Stat(path)
			if err != nil {
				r.warn(path, "%s", describe(err))
				return nil
			}
			mode = info.Mode()
		}
		if !mode.IsRegular() || !isArticleName(d.Name()) {
			r.res.Skipped = append(r.res.Skipped, path)
			return nil
		}
		articles++
		r.readFile(path)
		return nil
	})
	if err != nil { // the callback returns no error, but WalkDir's contract allows one
		r.warn(root, "%s", describe(err))
	}
	if articles == 0 {
		r.warn(root, "no article files (%s) in directory", strings.Join(articleExts, ", "))
	}
}

// isArticleName reports whether a file found in a directory is an article,
// by its name.
func isArticleName(name string) bool {
	lower := strings.ToLower(name)
	for _, p := range noticePrefixes {
		if strings.HasPrefix(lower, p) {
			return false
		}
	}
	ext := filepath.Ext(lower)
	for _, e := range articleExts {
		if ext == e {
			return true
		}
	}
	return false
}

// readFile reads the file at path as one article.
func (r *reader) readFile(path string) {
	f, err := os.Open(path)
	if err != nil {
		r.warn(path, "%s", describe(err))
		return
	}
	// The size lets Read skip a large file without reading it. Without it
	// (a pipe, or Stat failing) the LimitReader in read still caps the input.
	size := int64(-1)
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = info.Size()
	}
	r.read(path, f, size)
	if err := f.Close(); err != nil {
		r.warn(path, "%s", describe(err))
	}
}

// read reads one article from src, which is size bytes long, or of unknown
// length if size < 0.
func (r *reader) read(source string, src io.Reader, size int64) {
	if size > r.max {
		r.warn(source, "%s is over the %s limit; skipped", formatBytes(size), formatBytes(r.max))
		return
	}
	limit := r.max
	if limit < math.MaxInt64 {
		limit++ // one byte more than allowed tells a large input from one at the limit
	}
	data, err := io.ReadAll(io.LimitReader(src, limit))
	if err != nil {
		r.warn(source, "%s", describe(err))
		return
	}
	if int64(len(data)) > r.max {
		r.warn(source, "over the %s limit; skipped", formatBytes(r.max))
		return
	}
	r.article(source, data)
}

// Messages for inputs with no text.
var (
	errEmpty = errors.New("empty file")
	errBlank = errors.New("whitespace only")
)

// article makes an article of the raw data read from source.
func (r *reader) article(source string, data []byte) {
	text, note, lossy, err := decodeText(data)
	if err != nil {
		r.warn(source, "%s; skipped", err)
		return
	}
	var notes, lossless []string
	switch {
	case lossy:
		notes = append(notes, note)
	case note != "":
		lossless = append(lossless, note) // the text was read whole
	}
	fm, body, err := ParseFrontMatter(text)
	if err != nil {
		notes = append(notes, "malformed front matter: "+frontMatterMessage(err))
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		notes = append(append(lossless, notes...), "no text after the front matter; skipped")
		r.warn(source, "%s", strings.Join(notes, "; "))
		return
	}
	if len(notes) > 0 {
		r.warn(source, "%s", strings.Join(notes, "; "))
	}
	r.res.Articles = append(r.res.Articles, &parallax.Article{
		Source:    source,
		Text:      string(body),
		Title:     fm.Title,
		Outlet:    fm.Outlet,
		URL:       fm.URL,
		Published: fm.Published,
		Author:    fm.Author,
		Language:  fm.Language,
		Notes:     lossless,
	})
}

// frontMatterMessage flattens the errors of ParseFrontMatter onto one line.
func frontMatterMessage(err error) string {
	var msgs []string
	var collect func(error)
	collect = func(err error) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				collect(e)
			}
			return
		}
		msgs = append(msgs, err.Error())
	}
	collect(err)
	msg := strings.Join(msgs, "; ")
	var fe *FrontMatterError
	if errors.As(err, &fe) && fe.Msg == msgNoClosing {
		msg += "; read the whole file as text"
	}
	return msg
}

// describe turns a file system error into a message that does not repeat
// the path (the warning names it).
func describe(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// formatBytes writes a size in bytes for a person.
func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	case n == 1:
		return "1 byte"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
