package ingest

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// FrontMatter is the metadata an article file gives in its front matter.
// Empty fields were not given.
type FrontMatter struct {
	Title     string
	Outlet    string
	URL       string
	Published time.Time
	Author    string
	Language  string
}

// FrontMatterError reports malformed front matter, with the line of the file
// (counting the opening --- as line 1) where the problem is.
type FrontMatterError struct {
	Line int
	Msg  string
}

// Error returns "line N: message".
func (e *FrontMatterError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// ParseFrontMatter splits data into its front matter and its body. Front
// matter is YAML between a first line "---" and a closing line "---" or
// "...". Its keys are title, outlet, url, published, author and language;
// other keys are ignored. published takes RFC 3339 ("2025-06-23T10:00:00Z"),
// "2025-06-23", "2025-06-23 15:04", the other YAML timestamp forms, or an
// English date such as "June 23, 2025"; a date without a time is UTC
// midnight, a time without a zone is UTC.
//
// body is what follows the closing line, less one blank line if one follows
// it; it is a subslice of data. Without front matter, ParseFrontMatter
// returns the zero FrontMatter, data and nil.
//
// Malformed front matter gives an error made of [*FrontMatterError] values
// (joined with [errors.Join] when there are several, in line order) and the
// fields that could be read. When the YAML does not parse, the error names
// the line where the parser failed, and the fields are read line by line
// instead: every line "key: value" of a known key, with a value on one line,
// plain or quoted, gives its field; the other lines are skipped. If the
// closing line is missing, body is all of data; otherwise it is the text
// after the closing line, as when the front matter is well formed.
func ParseFrontMatter(data []byte) (fm FrontMatter, body []byte, err error) {
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	if !isDelimiter(first, false) {
		return FrontMatter{}, data, nil
	}
	yamlStart := len(data) - len(rest)
	// Find the closing line.
	pos := yamlStart
	for {
		if pos >= len(data) {
			return FrontMatter{}, data, &FrontMatterError{Line: 1, Msg: msgNoClosing}
		}
		end := bytes.IndexByte(data[pos:], '\n')
		next := len(data)
		if end >= 0 {
			next = pos + end + 1
		}
		if isDelimiter(bytes.TrimSuffix(data[pos:next], []byte("\n")), true) {
			body = skipBlankLine(data[next:])
			// The YAML text keeps the newline that ends the opening
			// line, so that its lines are numbered as the file's.
			fm, err = decodeFrontMatter(data[yamlStart-1 : pos])
			return fm, body, err
		}
		pos = next
	}
}

// isDelimiter reports whether line (without its "\n") is a front matter
// delimiter: "---", or also "..." for a closing line, with trailing blanks.
func isDelimiter(line []byte, closing bool) bool {
	line = bytes.TrimRight(line, " \t\r")
	return string(line) == "---" || closing && string(line) == "..."
}

// skipBlankLine removes the first line of b if it is blank.
func skipBlankLine(b []byte) []byte {
	line, rest, found := bytes.Cut(b, []byte("\n"))
	if found && len(bytes.TrimRight(line, " \t\r")) == 0 {
		return rest
	}
	return b
}

// yamlLine finds the line number in a yaml error message.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlParserProblems are the messages of the yaml parser (as opposed to its
// scanner). The yaml package numbers the lines of parser errors from 0 and
// those of scanner errors from 1, and leaves the line out when it is 0.
var yamlParserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
}

// yamlErrorLine returns the line of the file that a yaml error is about,
// and the error's message without the "yaml: line N:" prefix. The YAML text
// starts with an empty line, the file's line 1, so nothing the yaml package
// reports is on its line 0 (the line it leaves out) and its lines are the
// file's.
func yamlErrorLine(err error) (int, string) {
	text := err.Error()
	m := yamlLine.FindStringSubmatch(text)
	if m == nil {
		return 2, strings.TrimPrefix(text, "yaml: ")
	}
	n, convErr := strconv.Atoi(m[1])
	if convErr != nil { // more digits than an int holds: cannot happen for a capped input
		return 2, m[2]
	}
	problem, _, _ := strings.Cut(m[2], " (")
	if yamlParserProblems[problem] {
		return n + 1, m[2]
	}
	return n, m[2]
}

// decodeFrontMatter reads the keys of the YAML text src, whose first line is
// the file's line 1 (the opening ---) left empty, so that its line numbers
// are the file's.
func decodeFrontMatter(src []byte) (FrontMatter, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		fm, errs := salvageFrontMatter(src)
		errs = append(errs, &FrontMatterError{Line: line, Msg: "not valid YAML: " + msg})
		return fm, joinByLine(errs)
	}
	var fm FrontMatter
	if doc.Kind == 0 || len(doc.Content) == 0 { // empty or only comments
		return fm, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return fm, &FrontMatterError{Line: root.Line, Msg: "not a list of key: value lines"}
	}
	set := fieldSetter{fm: &fm, seen: make(map[string]int)}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := strings.ToLower(k.Value)
		if !set.claim(key, k.Line) {
			continue
		}
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		if v.Kind != yaml.ScalarNode {
			set.errs = append(set.errs, &FrontMatterError{Line: v.Line, Msg: fmt.Sprintf("%s must be a single value", key)})
			continue
		}
		if v.Tag == "!!null" {
			continue
		}
		set.set(key, strings.TrimSpace(v.Value), v.Line)
	}
	return fm, joinByLine(set.errs)
}

// fieldSetter fills the fields of front matter key by key, and collects
// the errors.
type fieldSetter struct {
	fm   *FrontMatter
	seen map[string]int // the line of each key set
	errs []*FrontMatterError
}

// claim reports whether key, on line, is a known key seen for the first
// time; a duplicate is an error.
func (s *fieldSetter) claim(key string, line int) bool {
	switch key {
	case "title", "outlet", "url", "author", "language", "published":
	default:
		return false // unknown keys are allowed
	}
	if first, dup := s.seen[key]; dup {
		s.errs = append(s.errs, &FrontMatterError{Line: line,
			Msg: fmt.Sprintf("duplicate key %q (first on line %d)", key, first)})
		return false
	}
	s.seen[key] = line
	return true
}

// set sets the field of the claimed key to value, read on line.
func (s *fieldSetter) set(key, value string, line int) {
	switch key {
	case "title":
		s.fm.Title = value
	case "outlet":
		s.fm.Outlet = value
	case "url":
		s.fm.URL = value
	case "author":
		s.fm.Author = value
	case "language":
		s.fm.Language = value
	case "published":
		t, ok := parsePublished(value)
		if !ok {
			s.errs = append(s.errs, &FrontMatterError{Line: line,
				Msg: fmt.Sprintf("published: cannot read %q as a date; use RFC 3339 or 2006-01-02", value)})
			return
		}
		s.fm.Published = t
	}
}

// joinByLine joins errs in line order with [errors.Join]; it returns nil if
// there are none, and the error itself if there is one.
func joinByLine(errs []*FrontMatterError) error {
	slices.SortStableFunc(errs, func(a, b *FrontMatterError) int { return cmp.Compare(a.Line, b.Line) })
	if len(errs) == 1 {
		return errs[0]
	}
	var out []error
	for _, e := range errs {
		out = append(out, e)
	}
	return errors.Join(out...)
}

// salvageFrontMatter reads front matter whose YAML does not parse line by
// line, as decodeFrontMatter numbers them. A line gives a field when it is
// "key: value" with a known key at its start and a value that YAML would
// read as one string on that line: plain (up to a " #" comment) or quoted
// with ' or ". Other lines are skipped.
func salvageFrontMatter(src []byte) (FrontMatter, []*FrontMatterError) {
	var fm FrontMatter
	set := fieldSetter{fm: &fm, seen: make(map[string]int)}
	for i, line := range strings.Split(string(src), "\n") {
		// claim takes only known keys, so a key with spaces round it
		// (an indented line) is skipped.
		key, rest, ok := strings.Cut(strings.TrimRight(line, " \t\r"), ":")
		if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			continue
		}
		key = strings.ToLower(key)
		value, ok := lineValue(strings.TrimSpace(rest))
		if !ok || !set.claim(key, i+1) || value == "" { // "" is a null
			continue
		}
		set.set(key, value, i+1)
	}
	return fm, set.errs
}

// lineValue reads the value of a "key: value" line, s, trimmed: a quoted
// string, or a plain one up to a comment. It returns "" for a null
// (nothing, ~, null) and false for a value that does not end on its line or
// is not a string: a list, a map, a block, an alias or a tagged value.
func lineValue(s string) (string, bool) {
	var value, rest string
	switch {
	case strings.HasPrefix(s, `"`):
		q, err := strconv.QuotedPrefix(s)
		if err != nil {
			return "", false
		}
		if value, err = strconv.Unquote(q); err != nil {
			return "", false
		}
		rest = s[len(q):]
	case strings.HasPrefix(s, "'"):
		// '' stands for ' inside single quotes.
		var b strings.Builder
		i := 1
		for {
			j := strings.IndexByte(s[i:], '\'')
			if j < 0 {
				return "", false
			}
			b.WriteString(s[i : i+j])
			i += j + 1
			if i < len(s) && s[i] == '\'' {
				b.WriteByte('\'')
				i++
				continue
			}
			break
		}
		value, rest = b.String(), s[i:]
	default:
		if s == "" || s[0] == '#' {
			return "", true
		}
		if strings.ContainsRune("[]{}&*!|>%@`", rune(s[0])) ||
			strings.ContainsRune("-?:", rune(s[0])) && (len(s) == 1 || s[1] == ' ' || s[1] == '\t') {
			return "", false
		}
		if i := strings.Index(s, " #"); i >= 0 {
			s = s[:i]
		}
		if i := strings.Index(s, "\t#"); i >= 0 {
			s = s[:i]
		}
		value = strings.TrimSpace(s)
		switch value {
		case "~", "null", "Null", "NULL":
			return "", true
		}
		return value, true
	}
	// After the closing quote, only a comment.
	rest = strings.TrimLeft(rest, " \t")
	if rest != "" && !strings.HasPrefix(rest, "#") {
		return "", false
	}
	return strings.TrimSpace(value), true
}

// publishedLayouts are the forms published takes in front matter, besides
// the English dates of parseDate: RFC 3339, the YAML timestamp forms, and a
// date with hours and minutes. Fractional seconds are accepted after any
// seconds field.
var publishedLayouts = []string{
	time.RFC3339,
	"2006-1-2T15:4:5Z07:00",
	"2006-1-2t15:4:5Z07:00",
	"2006-1-2 15:4:5Z07:00",
	"2006-1-2 15:4:5 Z07:00",
	"2006-1-2T15:4:5",
	"2006-1-2 15:4:5",
	"2006-1-2T15:4",
	"2006-1-2 15:4",
	"2006-1-2",
}

// parsePublished parses a published date of front matter. Times without a
// zone are UTC.
func parsePublished(s string) (time.Time, bool) {
	for _, layout := range publishedLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return parseDate(s)
}

// msgNoClosing is the message of the error for front matter that is never
// closed.
const msgNoClosing = "no closing --- line"
