package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"parallax"
)

// result is what one in-process run of the command produced.
type result struct {
	code           int
	stdout, stderr string
}

// run runs the command line in-process with an empty stdin.
func run(t *testing.T, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// decode parses a JSON report.
func decode(t *testing.T, doc string) *parallax.Analysis {
	t.Helper()
	var a parallax.Analysis
	if err := json.Unmarshal([]byte(doc), &a); err != nil {
		t.Fatalf("the report is not JSON: %v\n%s", err, doc)
	}
	return &a
}

// checkSpans checks that every sentence and furniture span of art lies in
// its text, on character boundaries, and that no two of them overlap.
func checkSpans(t *testing.T, art *parallax.Article) {
	t.Helper()
	type labelled struct {
		what string
		parallax.Span
	}
	var spans []labelled
	for i, s := range art.Sentences {
		spans = append(spans, labelled{"sentence " + itoa(i+1), s.Span})
	}
	for i, f := range art.Furniture {
		spans = append(spans, labelled{"furniture " + itoa(i+1) + " (" + string(f.Kind) + ")", f.Span})
	}
	for _, s := range spans {
		if s.Start < 0 || s.End > len(art.Text) || s.Start >= s.End {
			t.Errorf("%s: %s %v is empty or outside the text (%d bytes)", art.Source, s.what, s.Span, len(art.Text))
			continue
		}
		if !isBoundary(art.Text, s.Start) || !isBoundary(art.Text, s.End) {
			t.Errorf("%s: %s %v cuts a character", art.Source, s.what, s.Span)
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	for i := 1; i < len(spans); i++ {
		if spans[i-1].Overlaps(spans[i].Span) {
			t.Errorf("%s: %s %v overlaps %s %v", art.Source, spans[i-1].what, spans[i-1].Span, spans[i].what, spans[i].Span)
		}
	}
}

func isBoundary(s string, i int) bool {
	return i == len(s) || i < len(s) && (s[i]&0xC0 != 0x80)
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestDemoJSON(t *testing.T) {
	r := run(t, "demo", "--format", "json")
	if r.code != exitOK {
		t.Fatalf("exit code %d, want 0; stderr:\n%s", r.code, r.stderr)
	}
	a := decode(t, r.stdout)
	if len(a.Articles) != 5 {
		t.Fatalf("%d articles, want 5", len(a.Articles))
	}
	if len(a.Stories) != 1 {
		t.Fatalf("%d stories, want 1", len(a.Stories))
	}
	if len(a.Warnings) != 0 {
		t.Errorf("warnings for the seed story: %v", a.Warnings)
	}
	story := a.Stories[0]
	if story.Title == "" {
		t.Error("the story has no title")
	}
	var ids []string
	for i, art := range a.Articles {
		ids = append(ids, art.ID)
		if want := "moscow-2025-06-23/00" + itoa(i) + ".txt"; art.Source != want {
			t.Errorf("article %d: source %q, want %q", i+1, art.Source, want)
		}
		if art.Story != story.ID {
			t.Errorf("%s: story %q, want %q", art.Source, art.Story, story.ID)
		}
		if art.Text == "" {
			t.Errorf("%s: no text", art.Source)
		}
		if len(art.Sentences) == 0 {
			t.Errorf("%s: no sentences", art.Source)
		}
		if art.Words == 0 {
			t.Errorf("%s: no words counted", art.Source)
		}
		checkSpans(t, art)
	}
	if !slices.Equal(story.Articles, ids) {
		t.Errorf("story articles %v, want %v", story.Articles, ids)
	}
	// The outlets that the seed story's own text names (see its manifest).
	for _, outlet := range []string{"Palestine Chronicle", "Kashmir Observer"} {
		if !slices.Contains(story.Outlets, outlet) {
			t.Errorf("story outlets %q do not include %q", story.Outlets, outlet)
		}
	}
}

func TestDemoText(t *testing.T) {
	r := run(t, "demo")
	if r.code != exitOK {
		t.Fatalf("exit code %d, want 0; stderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"STORY s1: ", "articles   5", "moscow-2025-06-23/000.txt", "Palestine Chronicle", "  sentences\n", "  furniture\n", " ❝ "} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the text report lacks %q", want)
		}
	}
	if strings.Contains(r.stdout, "\x1b") {
		t.Error("the text report contains an escape character")
	}
}

func TestDemoMarkdown(t *testing.T) {
	r := run(t, "demo", "--format=markdown")
	if r.code != exitOK {
		t.Fatalf("exit code %d, want 0; stderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"# Parallax analysis\n", "## Story s1: ", "### a1 · ", "| Source | moscow-2025-06-23/000.txt |", "#### Sentences\n\n1. `[", "#### Furniture\n"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the markdown report lacks %q", want)
		}
	}
}

// writeFiles creates the files, name → content, in a new temporary
// directory and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const goodArticle = "Putin meets Araghchi in Moscow\n\n" +
	"Russian President Vladimir Putin received Iran's foreign minister in the Kremlin on Monday. " +
	"\"The aggression against Iran is absolutely unprovoked,\" Putin said.\n"

func TestAnalyzeReportsFailedInputs(t *testing.T) {
	dir := writeFiles(t, map[string]string{"good.txt": goodArticle, "empty.txt": "", "notes.csv": "a,b\n"})
	r := run(t, "analyze", "--format", "json", dir)
	if r.code != exitInputs {
		t.Fatalf("exit code %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	empty := filepath.Join(dir, "empty.txt")
	if !strings.Contains(r.stderr, "parallax: "+empty+": ") {
		t.Errorf("stderr does not name %s:\n%s", empty, r.stderr)
	}
	if !strings.Contains(r.stderr, "notes.csv") {
		t.Errorf("stderr does not mention the skipped notes.csv:\n%s", r.stderr)
	}
	a := decode(t, r.stdout)
	if len(a.Articles) != 1 || a.Articles[0].Source != filepath.Join(dir, "good.txt") {
		t.Fatalf("articles %+v, want good.txt alone", a.Articles)
	}
	if len(a.Warnings) != 1 || a.Warnings[0].Input != empty {
		t.Errorf("warnings %+v, want one for %s", a.Warnings, empty)
	}
	art := a.Articles[0]
	if len(art.Sentences) == 0 {
		t.Error("good.txt: no sentences")
	}
	checkSpans(t, art)
	if len(a.Stories) != 1 || a.Stories[0].Title != "Putin meets Araghchi in Moscow" {
		t.Errorf("stories %+v, want one titled by the article's first line", a.Stories)
	}
}

func TestAnalyzeFormats(t *testing.T) {
	dir := writeFiles(t, map[string]string{"good.txt": goodArticle})
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"text by default", []string{"analyze", dir}, "STORY s1: "},
		{"markdown", []string{"analyze", "--format", "markdown", dir}, "## Story s1: "},
		{"json", []string{"analyze", "-format=json", dir}, "\"stories\": ["},
		{"flags after inputs", []string{"analyze", dir, "--format", "json"}, "\"stories\": ["},
		{"inputs after --", []string{"analyze", "--format", "json", "--", dir}, "\"stories\": ["},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.args...)
			if r.code != exitOK {
				t.Fatalf("exit code %d, want 0; stderr:\n%s", r.code, r.stderr)
			}
			if !strings.Contains(r.stdout, tt.want) {
				t.Errorf("stdout lacks %q:\n%s", tt.want, r.stdout)
			}
		})
	}
}

func TestAnalyzeStdin(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), []string{"analyze", "--format", "json", "-"}, strings.NewReader(goodArticle), &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit code %d, want 0; stderr:\n%s", code, stderr.String())
	}
	a := decode(t, stdout.String())
	if len(a.Articles) != 1 || a.Articles[0].Source != "-" || a.Articles[0].Text != goodArticle {
		t.Errorf("articles %+v, want the text of stdin as source -", a.Articles)
	}
}

func TestAnalyzeMaxBytes(t *testing.T) {
	dir := writeFiles(t, map[string]string{"good.txt": goodArticle})
	r := run(t, "analyze", "--max-bytes", "10", "--format", "json", dir)
	if r.code != exitInputs {
		t.Fatalf("exit code %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	if a := decode(t, r.stdout); len(a.Articles) != 0 || len(a.Stories) != 0 || len(a.Warnings) != 1 {
		t.Errorf("got %d articles, %d stories, %d warnings; want 0, 0, 1", len(a.Articles), len(a.Stories), len(a.Warnings))
	}
}

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	if err := os.WriteFile(out, []byte(strings.Repeat("old content ", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, "demo", "--format", "json", "-o", out)
	if r.code != exitOK {
		t.Fatalf("exit code %d, want 0; stderr:\n%s", r.code, r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("stdout is not empty with -o:\n%s", r.stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if a := decode(t, string(data)); len(a.Articles) != 5 {
		t.Errorf("%d articles in %s, want 5", len(a.Articles), out)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{"good.txt": goodArticle})
	badRules := writeFiles(t, map[string]string{"text/titles.txt": "mr\n"})
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no command", nil, "Usage:"},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"no inputs", []string{"analyze"}, "no inputs"},
		{"unknown flag", []string{"analyze", "--colour", dir}, "flag provided but not defined"},
		{"unknown format", []string{"analyze", "--format", "pdf", dir}, `unknown format "pdf"`},
		{"bad max-bytes", []string{"analyze", "--max-bytes", "0", dir}, "--max-bytes"},
		{"missing rules dir", []string{"analyze", "--rules-dir", filepath.Join(dir, "nope"), dir}, "--rules-dir"},
		{"bad rules file", []string{"analyze", "--rules-dir", badRules, dir}, "text/titles.txt: no \"# provenance:\" line"},
		{"unwritable output", []string{"demo", "-o", filepath.Join(dir, "no", "such", "dir", "out.txt")}, "writing the report"},
		{"demo argument", []string{"demo", "extra"}, `unexpected argument "extra"`},
		{"help unknown", []string{"help", "frobnicate"}, `unknown command "frobnicate"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.args...)
			if r.code != exitUsage {
				t.Errorf("exit code %d, want 2", r.code)
			}
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout is not empty:\n%s", r.stdout)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		r := run(t, args...)
		if r.code != exitOK {
			t.Errorf("%v: exit code %d, want 0", args, r.code)
		}
		for _, cmd := range []string{"analyze", "demo", "version", "help"} {
			if !strings.Contains(r.stdout, "parallax "+cmd) {
				t.Errorf("%v: the usage does not list %s:\n%s", args, cmd, r.stdout)
			}
		}
	}
	for _, cmd := range []string{"analyze", "demo", "version", "help"} {
		if r := run(t, "help", cmd); r.code != exitOK || r.stdout == "" || r.stderr != "" {
			t.Errorf("help %s: exit code %d, stdout %q, stderr %q", cmd, r.code, r.stdout, r.stderr)
		}
	}
	r := run(t, "help", "analyze")
	if r.code != exitOK || !strings.Contains(r.stdout, "-max-bytes") {
		t.Errorf("help analyze: exit code %d, output:\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, "analyze", "-h")
	if r.code != exitOK || !strings.Contains(r.stderr, "-rules-dir") {
		t.Errorf("analyze -h: exit code %d, output:\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestVersion(t *testing.T) {
	r := run(t, "version")
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "parallax ") || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("version: exit code %d, stdout %q", r.code, r.stdout)
	}
}

func TestOneStory(t *testing.T) {
	tests := []struct {
		name    string
		arts    []*parallax.Article
		title   string
		outlets []string
	}{
		{"most common title", []*parallax.Article{
			{ID: "a1", Title: "B", Outlet: "X"}, {ID: "a2", Title: "A", Outlet: "Y"}, {ID: "a3", Title: "A", Outlet: "X"},
		}, "A", []string{"X", "Y"}},
		{"first title among equals", []*parallax.Article{
			{ID: "a1", Source: "one.txt"}, {ID: "a2", Title: "B", Source: "two.txt"}, {ID: "a3", Title: "C", Source: "three.txt"},
		}, "B", []string{"one.txt", "two.txt", "three.txt"}},
		{"first sentence", []*parallax.Article{
			{ID: "a1", Text: "  Putin met\nAraghchi.  More.", Sentences: []parallax.Sentence{{Span: parallax.Span{Start: 2, End: 21}}}},
		}, "Putin met Araghchi.", []string{"a1"}},
		{"long first sentence", []*parallax.Article{
			{ID: "a1", Text: strings.Repeat("word ", 40), Sentences: []parallax.Sentence{{Span: parallax.Span{Start: 0, End: 200}}}},
		}, strings.TrimSpace(strings.Repeat("word ", 15)) + "…", []string{"a1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := oneStory("s1", tt.arts)
			if s.Title != tt.title {
				t.Errorf("title %q, want %q", s.Title, tt.title)
			}
			if !slices.Equal(s.Outlets, tt.outlets) {
				t.Errorf("outlets %q, want %q", s.Outlets, tt.outlets)
			}
			for _, a := range tt.arts {
				if a.Story != "s1" {
					t.Errorf("%s: story %q, want s1", a.ID, a.Story)
				}
			}
		})
	}
	if oneStory("s1", nil) != nil {
		t.Error("a story of no articles")
	}
}

// TestRulesDir checks that a rules directory overrides one embedded list
// and leaves the others in place: with "says" made a label, the line
// "Says" is furniture, not a heading or a sentence.
func TestRulesDir(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "Says\n\nThe talks ended on Monday. They resume in May.\n"})
	rulesDir := writeFiles(t, map[string]string{"text/labels.txt": "# provenance: test\nSays\n"})
	r := run(t, "analyze", "--format", "json", "--rules-dir", rulesDir, dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var a parallax.Analysis
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
		t.Fatal(err)
	}
	if len(a.Articles) != 1 || len(a.Articles[0].Furniture) != 1 || a.Articles[0].Furniture[0].Kind != parallax.FurnitureLabel || len(a.Articles[0].Sentences) != 2 {
		t.Errorf("article = %+v", a.Articles)
	}
}

// TestDecodedInputIsNoFailure checks that a file read whole after decoding
// (UTF-16 with a byte-order mark) exits 0, with a notice on stderr and the
// note on the article, while a file that lost bytes exits 1.
func TestDecodedInputIsNoFailure(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "\xff\xfeH\x00i\x00.\x00"})
	r := run(t, "analyze", "--format", "json", dir)
	if r.code != 0 {
		t.Fatalf("exit %d, want 0: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "notice:") || !strings.Contains(r.stderr, "decoded from UTF-16") {
		t.Errorf("stderr lacks the notice:\n%s", r.stderr)
	}
	var a parallax.Analysis
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
		t.Fatal(err)
	}
	if len(a.Articles) != 1 || len(a.Articles[0].Notes) != 1 || len(a.Warnings) != 0 {
		t.Errorf("articles %+v, warnings %+v", a.Articles, a.Warnings)
	}

	lossy := writeFiles(t, map[string]string{"b.txt": "Putin said “no” and \xff more.\n"})
	if r := run(t, "analyze", lossy); r.code != 1 || !strings.Contains(r.stderr, "replaced 1 invalid byte") {
		t.Errorf("lossy input: exit %d, stderr %s", r.code, r.stderr)
	}
}
