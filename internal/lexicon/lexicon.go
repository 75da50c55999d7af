// Package lexicon loads the word lists under rules/: plain-text files with
// one entry a line, '#' comments, and a provenance line ("# provenance: ...")
// among the leading comments that says where the entries came from. An entry
// may carry tab-separated fields ("hours\thour"). Data errors are reported as
// "file:line: message", every error of a file together.
package lexicon

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// Entry is one line of a list: its fields, split on tabs.
type Entry struct {
	Fields []string
	Line   int
}

// Key returns the entry's first field.
func (e Entry) Key() string { return e.Fields[0] }

// List is a loaded word list.
type List struct {
	// Name is the file's path inside the rules file system.
	Name string
	// Provenance is the text of the provenance line.
	Provenance string
	// Entries are the list's entries in file order.
	Entries []Entry
}

// Keys returns the first field of every entry.
func (l *List) Keys() []string {
	out := make([]string, len(l.Entries))
	for i, e := range l.Entries {
		out[i] = e.Key()
	}
	return out
}

// Set returns the entries' first fields as a set, folded by fold when fold
// is not nil (strings.ToLower, say).
func (l *List) Set(fold func(string) string) map[string]bool {
	out := make(map[string]bool, len(l.Entries))
	for _, e := range l.Entries {
		k := e.Key()
		if fold != nil {
			k = fold(k)
		}
		out[k] = true
	}
	return out
}

// Map returns the entries as a map from the first field to the second. Every
// entry must have exactly two fields; Map reports each one that does not.
func (l *List) Map(fold func(string) string) (map[string]string, error) {
	out := make(map[string]string, len(l.Entries))
	var errs ErrorList
	for _, e := range l.Entries {
		if len(e.Fields) != 2 {
			errs = append(errs, &Error{File: l.Name, Line: e.Line, Msg: fmt.Sprintf("want 2 tab-separated fields, have %d", len(e.Fields))})
			continue
		}
		k := e.Fields[0]
		if fold != nil {
			k = fold(k)
		}
		out[k] = e.Fields[1]
	}
	return out, errs.Err()
}

// Error is a data error at a line of a list file.
type Error struct {
	File string
	Line int
	Msg  string
}

// Error formats the error as "file:line: message".
func (e *Error) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// ErrorList is every data error found in one or more files.
type ErrorList []*Error

// Error lists the errors one a line.
func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Err returns nil for an empty list and the list itself otherwise.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Load reads the list file name from fsys. It reports a missing provenance
// line, duplicate entries, empty fields and stray white space as errors.
func Load(fsys fs.FS, name string) (*List, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	l := &List{Name: name}
	var errs ErrorList
	seen := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") {
			if p, ok := strings.CutPrefix(line, "# provenance:"); ok && l.Provenance == "" {
				l.Provenance = strings.TrimSpace(p)
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if line != strings.TrimSpace(line) {
			errs = append(errs, &Error{File: name, Line: n, Msg: "leading or trailing white space"})
			continue
		}
		fields := strings.Split(line, "\t")
		bad := false
		for _, f := range fields {
			if f == "" || f != strings.TrimSpace(f) {
				errs = append(errs, &Error{File: name, Line: n, Msg: "empty field or white space around a field"})
				bad = true
				break
			}
		}
		if bad {
			continue
		}
		if prev, dup := seen[line]; dup {
			errs = append(errs, &Error{File: name, Line: n, Msg: fmt.Sprintf("duplicate of line %d", prev)})
			continue
		}
		seen[line] = n
		l.Entries = append(l.Entries, Entry{Fields: fields, Line: n})
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, &Error{File: name, Line: n + 1, Msg: err.Error()})
	}
	if l.Provenance == "" {
		errs = append(errs, &Error{File: name, Msg: `no "# provenance:" line`})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return l, nil
}

// Loader loads several lists from one file system and gathers their errors,
// so that a caller can load everything and report every data error at once.
type Loader struct {
	FS   fs.FS
	errs []error
}

// Load loads name; on error it records the error and returns an empty list.
func (ld *Loader) Load(name string) *List {
	l, err := Load(ld.FS, name)
	if err != nil {
		ld.errs = append(ld.errs, err)
		return &List{Name: name}
	}
	return l
}

// Err returns every error recorded so far, joined, or nil.
func (ld *Loader) Err() error { return errors.Join(ld.errs...) }
