package ingest

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseFrontMatter(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		want      FrontMatter
		body      string
		errLines  []int // lines of the *FrontMatterError values, in order
		errSubstr string
	}{
		{
			name: "no front matter",
			in:   "Putin met Araghchi.\n",
			body: "Putin met Araghchi.\n",
		},
		{
			name: "all keys",
			in: "---\ntitle: Putin meets Araghchi\noutlet: Palestine Chronicle\nurl: https://example.org/a\n" +
				"published: 2025-06-23\nauthor: Jane Doe\nlanguage: en\n---\n\nBody.\n",
			want: FrontMatter{Title: "Putin meets Araghchi", Outlet: "Palestine Chronicle", URL: "https://example.org/a",
				Published: day(2025, 6, 23), Author: "Jane Doe", Language: "en"},
			body: "Body.\n",
		},
		{
			name: "only one blank line removed",
			in:   "---\ntitle: T\n---\n\n\nBody.",
			want: FrontMatter{Title: "T"},
			body: "\nBody.",
		},
		{
			name: "no blank line after",
			in:   "---\ntitle: T\n---\nBody.",
			want: FrontMatter{Title: "T"},
			body: "Body.",
		},
		{
			name: "dots close",
			in:   "---\ntitle: T\n...\nBody.",
			want: FrontMatter{Title: "T"},
			body: "Body.",
		},
		{
			name: "crlf line ends and trailing blanks",
			in:   "--- \r\ntitle: T\r\n---\t\r\n\r\nBody.\r\n",
			want: FrontMatter{Title: "T"},
			body: "Body.\r\n",
		},
		{
			name: "unknown keys ignored",
			in:   "---\ntags: [iran, russia]\nTitle: T\n---\nBody.",
			want: FrontMatter{Title: "T"},
			body: "Body.",
		},
		{
			name: "empty front matter",
			in:   "---\n---\nBody.",
			body: "Body.",
		},
		{
			name: "comments only",
			in:   "---\n# nothing yet\n---\nBody.",
			body: "Body.",
		},
		{
			name: "null value",
			in:   "---\ntitle: ~\nauthor:\n---\nBody.",
			body: "Body.",
		},
		{
			name: "number as title",
			in:   "---\ntitle: 1984\n---\nBody.",
			want: FrontMatter{Title: "1984"},
			body: "Body.",
		},
		{
			name: "quoted title with colon",
			in:   "---\ntitle: \"Iran: talks in Moscow\"\n---\nBody.",
			want: FrontMatter{Title: "Iran: talks in Moscow"},
			body: "Body.",
		},
		{
			name: "published RFC 3339",
			in:   "---\npublished: 2025-06-23T10:30:00Z\n---\nBody.",
			want: FrontMatter{Published: time.Date(2025, 6, 23, 10, 30, 0, 0, time.UTC)},
			body: "Body.",
		},
		{
			name: "published RFC 3339 with offset",
			in:   "---\npublished: \"2025-06-23T13:30:00+03:00\"\n---\nBody.",
			want: FrontMatter{Published: time.Date(2025, 6, 23, 10, 30, 0, 0, time.UTC)},
			body: "Body.",
		},
		{
			name: "published date and minutes",
			in:   "---\npublished: 2025-06-23 15:04\n---\nBody.",
			want: FrontMatter{Published: time.Date(2025, 6, 23, 15, 4, 0, 0, time.UTC)},
			body: "Body.",
		},
		{
			name: "published YAML timestamp with space",
			in:   "---\npublished: 2025-06-23 15:04:05.5\n---\nBody.",
			want: FrontMatter{Published: time.Date(2025, 6, 23, 15, 4, 5, 5e8, time.UTC)},
			body: "Body.",
		},
		{
			name: "published English date",
			in:   "---\npublished: June 23, 2025\n---\nBody.",
			want: FrontMatter{Published: day(2025, 6, 23)},
			body: "Body.",
		},
		{
			name: "front matter later in the file is text",
			in:   "Intro.\n---\ntitle: T\n---\n",
			body: "Intro.\n---\ntitle: T\n---\n",
		},
		{
			name:      "no closing line",
			in:        "---\ntitle: T\nBody.\n",
			body:      "---\ntitle: T\nBody.\n",
			errLines:  []int{1},
			errSubstr: "no closing --- line",
		},
		{
			name:      "only an opening line",
			in:        "---",
			body:      "---",
			errLines:  []int{1},
			errSubstr: "no closing",
		},
		{
			name:      "invalid YAML keeps the lines that read",
			in:        "---\ntitle: T\nauthor: [Jane\n---\nBody.",
			want:      FrontMatter{Title: "T"},
			body:      "Body.",
			errLines:  []int{3},
			errSubstr: "not valid YAML",
		},
		{
			name:      "bad indentation",
			in:        "---\ntitle: T\n  author: x\n---\nBody.",
			want:      FrontMatter{Title: "T"},
			body:      "Body.",
			errLines:  []int{3},
			errSubstr: "not valid YAML",
		},
		{
			// The flow opens on line 2 and is found unclosed at the end of
			// the YAML text; the error names the line it opens on.
			name:      "invalid YAML on the first line",
			in:        "---\n[a\n---\nBody.",
			body:      "Body.",
			errLines:  []int{2},
			errSubstr: "not valid YAML",
		},
		{
			name:      "invalid first line keeps the next",
			in:        "---\ntitle: [unclosed\noutlet: X\n---\nBody.",
			want:      FrontMatter{Outlet: "X"},
			body:      "Body.",
			errLines:  []int{2},
			errSubstr: "line 2: not valid YAML",
		},
		{
			name: "salvaged values plain, quoted and null",
			in: "---\ntitle: \"Iran: \\\"talks\\\"\" # quoted\nauthor: 'Jane O''Doe'\noutlet: Daily Sabah # a comment\n" +
				"url: ~\nlanguage:\ntags: [a\n---\nBody.",
			want:      FrontMatter{Title: `Iran: "talks"`, Author: "Jane O'Doe", Outlet: "Daily Sabah"},
			body:      "Body.",
			errLines:  []int{7},
			errSubstr: "not valid YAML",
		},
		{
			name: "salvage skips what is not one string on its line",
			in: "---\ntitle: |\n  Block\noutlet: {a: b}\nauthor: &x Jane\nurl: \"unclosed\nlanguage: 'en' trailing\n" +
				"- item\n  title: Indented\nTitle:Glued\n---\nBody.",
			body:     "Body.",
			errLines: []int{6},
		},
		{
			name:      "salvage reads dates and reports what it cannot",
			in:        "---\npublished: June 22nd 2025\nauthor: [x\n---\nBody.",
			want:      FrontMatter{Published: day(2025, 6, 22)},
			body:      "Body.",
			errLines:  []int{3},
			errSubstr: "not valid YAML",
		},
		{
			name:     "salvage reports bad dates and duplicates in line order",
			in:       "---\ntitle: A\nauthor: [x\npublished: soon\nTitle: B\n---\nBody.",
			want:     FrontMatter{Title: "A"},
			body:     "Body.",
			errLines: []int{3, 4, 5},
		},
		{
			name:      "tab indentation",
			in:        "---\ntitle: T\nx:\n\t- y\n---\nBody.",
			want:      FrontMatter{Title: "T"},
			body:      "Body.",
			errLines:  []int{4},
			errSubstr: "not valid YAML",
		},
		{
			name:      "not a mapping",
			in:        "---\n- a\n- b\n---\nBody.",
			body:      "Body.",
			errLines:  []int{2},
			errSubstr: "not a list of key: value lines",
		},
		{
			name:      "bad date keeps other fields",
			in:        "---\ntitle: T\npublished: last Monday\n---\nBody.",
			want:      FrontMatter{Title: "T"},
			body:      "Body.",
			errLines:  []int{3},
			errSubstr: `cannot read "last Monday" as a date`,
		},
		{
			name:      "list value",
			in:        "---\nauthor:\n  - Jane\n  - John\ntitle: T\n---\nBody.",
			want:      FrontMatter{Title: "T"},
			body:      "Body.",
			errLines:  []int{3},
			errSubstr: "author must be a single value",
		},
		{
			name:      "duplicate key",
			in:        "---\ntitle: A\nTitle: B\n---\nBody.",
			want:      FrontMatter{Title: "A"},
			body:      "Body.",
			errLines:  []int{3},
			errSubstr: "duplicate key",
		},
		{
			name:     "two errors",
			in:       "---\npublished: soon\nurl: [x]\n---\nBody.",
			body:     "Body.",
			errLines: []int{2, 3},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, body, err := ParseFrontMatter([]byte(tt.in))
			if diff := cmp.Diff(tt.want, fm); diff != "" {
				t.Errorf("front matter mismatch (-want +got):\n%s", diff)
			}
			if string(body) != tt.body {
				t.Errorf("body = %q; want %q", body, tt.body)
			}
			if got := errorLines(err); !cmp.Equal(got, tt.errLines) {
				t.Errorf("error lines = %v; want %v (error: %v)", got, tt.errLines, err)
			}
			if tt.errSubstr != "" && (err == nil || !strings.Contains(err.Error(), tt.errSubstr)) {
				t.Errorf("error = %v; want it to contain %q", err, tt.errSubstr)
			}
		})
	}
}

// errorLines returns the lines of the *FrontMatterError values in err.
func errorLines(err error) []int {
	if err == nil {
		return nil
	}
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	var lines []int
	for _, e := range errs {
		var fe *FrontMatterError
		if errors.As(e, &fe) {
			lines = append(lines, fe.Line)
		} else {
			lines = append(lines, -1)
		}
	}
	return lines
}

func TestFrontMatterErrorMessage(t *testing.T) {
	err := &FrontMatterError{Line: 3, Msg: "duplicate key \"title\""}
	if got, want := err.Error(), `line 3: duplicate key "title"`; got != want {
		t.Errorf("Error() = %q; want %q", got, want)
	}
}
