package ingest

import (
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"parallax"
)

// writeFile writes data to name under dir, making the directories it needs,
// and returns the file's path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadFile(t *testing.T) {
	tests := []struct {
		name     string
		file     string // file name, "a.txt" if empty
		data     []byte
		maxBytes int64
		want     *parallax.Article // Source is filled in; nil: no article
		warning  string            // substring of the one warning; "" for none
	}{
		{
			name: "plain text kept exactly",
			data: []byte("  \n  Putin met Araghchi.  \r\n\n"),
			want: &parallax.Article{Text: "  \n  Putin met Araghchi.  \r\n\n"},
		},
		{
			name: "front matter",
			data: []byte("---\ntitle: Talks\noutlet: Palestine Chronicle\npublished: 2025-06-23\nlanguage: en\n" +
				"url: https://example.org/a\nauthor: Jane Doe\n---\n\nPutin met Araghchi.\n"),
			want: &parallax.Article{Title: "Talks", Outlet: "Palestine Chronicle", Published: day(2025, 6, 23),
				Language: "en", URL: "https://example.org/a", Author: "Jane Doe", Text: "Putin met Araghchi.\n"},
		},
		{
			name: "byte order mark stripped",
			data: []byte("\xEF\xBB\xBF---\ntitle: T\n---\nBody."),
			want: &parallax.Article{Title: "T", Text: "Body."},
		},
		{
			name: "UTF-16 with byte order mark",
			data: []byte("\xFF\xFEB\x00o\x00d\x00y\x00 \x00\x1C\x20x\x00\x1D\x20"),
			want: &parallax.Article{Text: "Body “x”", Notes: []string{"decoded from UTF-16"}},
		},
		{
			name: "windows-1252",
			data: []byte("Putin said \x93no basis\x94 \x96 caf\xE9.\n"),
			want: &parallax.Article{Text: "Putin said “no basis” – café.\n", Notes: []string{"not valid UTF-8; decoded as windows-1252"}},
		},
		{
			name:    "broken UTF-8",
			data:    []byte("Putin said “no basis” and \xFF more.\n"),
			want:    &parallax.Article{Text: "Putin said “no basis” and \uFFFD more.\n"},
			warning: "not valid UTF-8; replaced 1 invalid byte with U+FFFD",
		},
		{
			name:    "byte undefined in windows-1252",
			data:    []byte("Putin \x81\x93said\x94.\n"),
			want:    &parallax.Article{Text: "Putin \uFFFD\uFFFDsaid\uFFFD.\n"},
			warning: "replaced 3 invalid bytes",
		},
		{
			name:    "empty",
			data:    nil,
			warning: "empty file; skipped",
		},
		{
			name:    "only a byte order mark",
			data:    []byte("\xEF\xBB\xBF"),
			warning: "empty file; skipped",
		},
		{
			name:    "whitespace only",
			data:    []byte(" \n\t\r\n "),
			warning: "whitespace only; skipped",
		},
		{
			name:    "NUL bytes",
			data:    []byte("PK\x03\x04\x00\x00\x08\x00 some zip"),
			warning: "binary file (NUL bytes in the first 8 KiB); skipped",
		},
		{
			name:    "control characters",
			data:    []byte("\x1b[31m\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f text"),
			warning: "binary file (11 control characters in the first 20 bytes); skipped",
		},
		{
			name:    "malformed front matter",
			data:    []byte("---\ntitle: T\n  bad: indent\n---\nBody."),
			want:    &parallax.Article{Text: "Body.", Title: "T"},
			warning: "malformed front matter: line 3: not valid YAML",
		},
		{
			name:    "one bad front matter line",
			data:    []byte("---\ntitle: [unclosed\noutlet: X\n---\nBody."),
			want:    &parallax.Article{Text: "Body.", Outlet: "X"},
			warning: "malformed front matter: line 2: not valid YAML",
		},
		{
			name:    "unclosed front matter",
			data:    []byte("---\ntitle: T\nBody."),
			want:    &parallax.Article{Text: "---\ntitle: T\nBody."},
			warning: "malformed front matter: line 1: no closing --- line; read the whole file as text",
		},
		{
			name:    "bad date and bad encoding in one warning",
			data:    []byte("---\npublished: soon\n---\ncaf\xE9"),
			want:    &parallax.Article{Text: "café", Notes: []string{"not valid UTF-8; decoded as windows-1252"}},
			warning: `malformed front matter: line 2: published: cannot read "soon"`,
		},
		{
			name:    "front matter only",
			data:    []byte("---\ntitle: T\n---\n\n  \n"),
			warning: "no text after the front matter; skipped",
		},
		{
			name:     "over the limit",
			data:     []byte(strings.Repeat("x", 101)),
			maxBytes: 100,
			warning:  "101 bytes is over the 100 bytes limit; skipped",
		},
		{
			name:     "at the limit",
			data:     []byte(strings.Repeat("x", 100)),
			maxBytes: 100,
			want:     &parallax.Article{Text: strings.Repeat("x", 100)},
		},
		{
			name: "any extension when named",
			file: "page.html",
			data: []byte("<p>Text</p>"),
			want: &parallax.Article{Text: "<p>Text</p>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := tt.file
			if name == "" {
				name = "a.txt"
			}
			path := writeFile(t, t.TempDir(), name, tt.data)
			res := Read([]string{path}, Options{MaxBytes: tt.maxBytes})
			var want []*parallax.Article
			if tt.want != nil {
				tt.want.ID, tt.want.Source = "a1", path
				want = []*parallax.Article{tt.want}
			}
			if diff := cmp.Diff(want, res.Articles); diff != "" {
				t.Errorf("articles mismatch (-want +got):\n%s", diff)
			}
			checkWarning(t, res.Warnings, path, tt.warning)
		})
	}
}

// checkWarning checks that warnings is one warning for input containing
// substr, or none if substr is "".
func checkWarning(t *testing.T, warnings []parallax.Warning, input, substr string) {
	t.Helper()
	if substr == "" {
		if len(warnings) > 0 {
			t.Errorf("warnings = %q; want none", warnings)
		}
		return
	}
	if len(warnings) != 1 || warnings[0].Input != input || !strings.Contains(warnings[0].Message, substr) {
		t.Errorf("warnings = %q; want one for %s containing %q", warnings, input, substr)
	}
}

func TestReadMissingAndUnreadable(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.txt")
	res := Read([]string{missing}, Options{})
	checkWarning(t, res.Warnings, missing, "no such file or directory")

	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions are not enforced")
	}
	locked := writeFile(t, dir, "locked.txt", []byte("text"))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	res = Read([]string{locked}, Options{})
	checkWarning(t, res.Warnings, locked, "permission denied")
}

func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"c.md", "a.txt", "b/z.markdown", "b/y.TXT", "b/x.text", "README.md", "LICENSE", "notes.pdf",
		".hidden.txt", ".git/HEAD.txt", "b/.cache/x.txt", "d/readme.txt",
	} {
		writeFile(t, dir, name, []byte("Text of "+name+".\n"))
	}
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "e-link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "b"), filepath.Join(dir, "f-dirlink")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "g-empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	res := Read([]string{dir}, Options{})

	var got []string
	for _, a := range res.Articles {
		rel, err := filepath.Rel(dir, a.Source)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, a.ID+" "+filepath.ToSlash(rel))
		if want := "Text of " + filepath.ToSlash(rel) + ".\n"; a.Text != want && rel != "e-link.txt" {
			t.Errorf("%s: Text = %q; want %q", rel, a.Text, want)
		}
	}
	want := []string{"a1 a.txt", "a2 b/x.text", "a3 b/y.TXT", "a4 b/z.markdown", "a5 c.md", "a6 e-link.txt"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("articles mismatch (-want +got):\n%s", diff)
	}
	var skipped []string
	for _, s := range res.Skipped {
		rel, err := filepath.Rel(dir, s)
		if err != nil {
			t.Fatal(err)
		}
		skipped = append(skipped, filepath.ToSlash(rel))
	}
	wantSkipped := []string{"LICENSE", "README.md", "d/readme.txt", "f-dirlink", "notes.pdf"}
	if diff := cmp.Diff(wantSkipped, skipped); diff != "" {
		t.Errorf("skipped mismatch (-want +got):\n%s", diff)
	}
	if len(res.Warnings) > 0 {
		t.Errorf("warnings = %q; want none", res.Warnings)
	}
}

func TestReadDirectoryLink(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "real/a.txt", []byte("Text."))
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "real"), link); err != nil {
		t.Fatal(err)
	}
	res := Read([]string{link}, Options{})
	if len(res.Articles) != 1 || res.Articles[0].Source != filepath.Join(link, "a.txt") {
		t.Errorf("articles = %+v; want %s", res.Articles, filepath.Join(link, "a.txt"))
	}
	checkWarning(t, res.Warnings, "", "")
}

func TestReadDirectoryWarnings(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	res := Read([]string{empty}, Options{})
	checkWarning(t, res.Warnings, empty, "no article files (.txt, .text, .md, .markdown) in directory")

	// Bad files inside a directory are reported one by one, by path.
	mixed := filepath.Join(dir, "mixed")
	good := writeFile(t, mixed, "1.txt", []byte("Good."))
	bad := writeFile(t, mixed, "2.txt", nil)
	res = Read([]string{mixed}, Options{})
	if len(res.Articles) != 1 || res.Articles[0].Source != good {
		t.Errorf("articles = %v; want only %s", res.Articles, good)
	}
	checkWarning(t, res.Warnings, bad, "empty file")
}

func TestReadOrderAndIDs(t *testing.T) {
	dir := t.TempDir()
	second := writeFile(t, dir, "z.txt", []byte("Second."))
	first := writeFile(t, dir, "y.txt", []byte("First."))
	missing := filepath.Join(dir, "missing.txt")
	res := Read([]string{second, missing, "-", first}, Options{Stdin: strings.NewReader("From stdin.")})
	var got []string
	for _, a := range res.Articles {
		got = append(got, a.ID+" "+a.Source+" "+a.Text)
	}
	want := []string{"a1 " + second + " Second.", "a2 - From stdin.", "a3 " + first + " First."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("articles mismatch (-want +got):\n%s", diff)
	}
	checkWarning(t, res.Warnings, missing, "no such file")
}

func TestReadStdin(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    *parallax.Article
		warning string
	}{
		{"text", "Putin met Araghchi.\n", &parallax.Article{ID: "a1", Source: "-", Text: "Putin met Araghchi.\n"}, ""},
		{"front matter", "---\noutlet: TASS\n---\nTalks.", &parallax.Article{ID: "a1", Source: "-", Outlet: "TASS", Text: "Talks."}, ""},
		{"empty", "", nil, "empty file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Read([]string{"-"}, Options{Stdin: strings.NewReader(tt.in)})
			var want []*parallax.Article
			if tt.want != nil {
				want = append(want, tt.want)
			}
			if diff := cmp.Diff(want, res.Articles); diff != "" {
				t.Errorf("articles mismatch (-want +got):\n%s", diff)
			}
			checkWarning(t, res.Warnings, "-", tt.warning)
		})
	}
}

// endless is an endless stream of text that counts the bytes read from it.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestReadStdinLimit(t *testing.T) {
	for _, max := range []int64{1, 100, 4096, 100_000} {
		src := &endless{}
		res := Read([]string{"-"}, Options{MaxBytes: max, Stdin: src})
		if len(res.Articles) != 0 {
			t.Errorf("MaxBytes %d: got an article from an endless input", max)
		}
		checkWarning(t, res.Warnings, "-", "limit; skipped")
		if src.n > max+1 {
			t.Errorf("MaxBytes %d: read %d bytes; want at most %d", max, src.n, max+1)
		}
	}
}

func TestReadHugeLimit(t *testing.T) {
	res := Read([]string{"-"}, Options{MaxBytes: math.MaxInt64, Stdin: strings.NewReader("Text.")})
	if len(res.Articles) != 1 || res.Articles[0].Text != "Text." {
		t.Errorf("articles = %+v; want one with the text", res.Articles)
	}
}

func TestReadLargeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "large.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("Putin met Araghchi in Moscow.\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil { // sparse: no 50 MB on disk or in memory
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res := Read([]string{path}, Options{})
	runtime.ReadMemStats(&after)
	if len(res.Articles) != 0 {
		t.Error("got an article from a 50 MB file")
	}
	checkWarning(t, res.Warnings, path, "50 MiB is over the 10 MiB limit; skipped")
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("Read allocated %d bytes for a file it skips", alloc)
	}
}

func TestFormatBytes(t *testing.T) {
	for _, tt := range []struct {
		n    int64
		want string
	}{{1, "1 byte"}, {100, "100 bytes"}, {1024, "1 KiB"}, {10 << 20, "10 MiB"}, {10<<20 + 1, "10485761 bytes"}} {
		if got := formatBytes(tt.n); got != tt.want {
			t.Errorf("formatBytes(%d) = %q; want %q", tt.n, got, tt.want)
		}
	}
}

var _ io.Reader = (*endless)(nil)
