package lexicon

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{"a.txt": {Data: []byte("# A list.\n# provenance: written for the test\n\nmr\nhours\thour\n# comment\n")}}
	l, err := Load(fsys, "a.txt")
	if err != nil {
		t.Fatal(err)
	}
	if l.Provenance != "written for the test" {
		t.Errorf("provenance = %q", l.Provenance)
	}
	if got := strings.Join(l.Keys(), ","); got != "mr,hours" {
		t.Errorf("keys = %q", got)
	}
	if !l.Set(strings.ToUpper)["MR"] {
		t.Error("Set did not fold")
	}
	if _, err := l.Map(nil); err == nil || !strings.Contains(err.Error(), "a.txt:4: want 2 tab-separated fields, have 1") {
		t.Errorf("Map error = %v", err)
	}
}

// TestLoadErrors checks that every error in a file is reported, each as
// file:line: message.
func TestLoadErrors(t *testing.T) {
	fsys := fstest.MapFS{"bad.txt": {Data: []byte("mr\n mrs\nmr\na\t\nok\n")}}
	_, err := Load(fsys, "bad.txt")
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v is not an ErrorList", err)
	}
	want := []string{
		"bad.txt:2: leading or trailing white space",
		"bad.txt:3: duplicate of line 1",
		"bad.txt:4: leading or trailing white space",
		`bad.txt: no "# provenance:" line`,
	}
	if got := err.Error(); got != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestLoaderGathersErrors(t *testing.T) {
	ld := &Loader{FS: fstest.MapFS{"x.txt": {Data: []byte("x\n")}}}
	if l := ld.Load("x.txt"); len(l.Entries) != 0 {
		t.Error("a list with errors should load empty")
	}
	ld.Load("missing.txt")
	err := ld.Err()
	if err == nil || !strings.Contains(err.Error(), "x.txt") || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("Err() = %v, want both files named", err)
	}
}

// FuzzLoad checks that any file loads or fails with positioned errors, and
// never panics.
func FuzzLoad(f *testing.F) {
	f.Add("# provenance: x\na\nb\tc\n")
	f.Add("\xff\n\t\n# provenance:\n")
	f.Fuzz(func(t *testing.T, data string) {
		l, err := Load(fstest.MapFS{"f.txt": {Data: []byte(data)}}, "f.txt")
		if err == nil {
			for _, e := range l.Entries {
				if len(e.Fields) == 0 || e.Fields[0] == "" {
					t.Fatalf("empty entry at line %d", e.Line)
				}
			}
			return
		}
		if !strings.HasPrefix(err.Error(), "f.txt") {
			t.Fatalf("error without the file name: %v", err)
		}
	})
}
