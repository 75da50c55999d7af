package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
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
// (joined with [errors.Join] when there are several) and the fields that
// could be read. If the closing line is missing, body is all of data;
// otherwise it is the text after the closing line, as when the front matter
// is well formed.
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
			fm, err = decodeFrontMatter(data[yamlStart:pos])
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

// yamlErrorLine returns the line of the file (the YAML text starting on its
// line 2) that a yaml error is about, and the error's message without the
// "yaml: line N:" prefix.
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
		return n + 2, m[2]
	}
	return n + 1, m[2]
}

// decodeFrontMatter reads the keys of the YAML text src, which starts on line
// 2 of the file.
func decodeFrontMatter(src []byte) (FrontMatter, error) {
	var fm FrontMatter
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		return fm, &FrontMatterError{Line: line, Msg: "not valid YAML: " + msg}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 { // empty or only comments
		return fm, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return fm, &FrontMatterError{Line: root.Line + 1, Msg: "not a list of key: value lines"}
	}
	var errs []error
	seen := make(map[string]int)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := strings.ToLower(k.Value)
		var dst *string
		switch key {
		case "title":
			dst = &fm.Title
		case "outlet":
			dst = &fm.Outlet
		case "url":
			dst = &fm.URL
		case "author":
			dst = &fm.Author
		case "language":
			dst = &fm.Language
		case "published":
		default:
			continue // unknown keys are allowed
		}
		if first, dup := seen[key]; dup {
			errs = append(errs, &FrontMatterError{Line: k.Line + 1,
				Msg: fmt.Sprintf("duplicate key %q (first on line %d)", key, first)})
			continue
		}
		seen[key] = k.Line + 1
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		if v.Kind != yaml.ScalarNode {
			errs = append(errs, &FrontMatterError{Line: v.Line + 1, Msg: fmt.Sprintf("%s must be a single value", key)})
			continue
		}
		if v.Tag == "!!null" {
			continue
		}
		value := strings.TrimSpace(v.Value)
		if dst != nil {
			*dst = value
			continue
		}
		t, ok := parsePublished(value)
		if !ok {
			errs = append(errs, &FrontMatterError{Line: v.Line + 1,
				Msg: fmt.Sprintf("published: cannot read %q as a date; use RFC 3339 or 2006-01-02", value)})
			continue
		}
		fm.Published = t
	}
	return fm, errors.Join(errs...)
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
