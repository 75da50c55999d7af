package rules

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"parallax/internal/lexicon"
)

func TestOverlay(t *testing.T) {
	dir := fstest.MapFS{"text/titles.txt": {Data: []byte("# provenance: test\nmr\n")}}
	o := Overlay(dir)
	got, err := fs.ReadFile(o, "text/titles.txt")
	if err != nil || string(got) != "# provenance: test\nmr\n" {
		t.Fatalf("override not read: %q, %v", got, err)
	}
	got, err = fs.ReadFile(o, "text/abbreviations.txt")
	if err != nil || !strings.Contains(string(got), "provenance") {
		t.Fatalf("embedded file not read: %v", err)
	}
	if _, err := fs.ReadFile(o, "text/missing.txt"); err == nil {
		t.Fatal("missing file read without error")
	}
}

// TestListsLoad checks that every embedded list loads cleanly: a
// provenance line, no duplicates, no stray white space.
func TestListsLoad(t *testing.T) {
	err := fs.WalkDir(FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		if _, err := lexicon.Load(FS, path); err != nil {
			t.Error(err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestListsHaveProvenance checks that every embedded list names its source.
func TestListsHaveProvenance(t *testing.T) {
	err := fs.WalkDir(FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		data, err := fs.ReadFile(FS, path)
		if err != nil {
			return err
		}
		if !strings.Contains(string(data), "# provenance:") {
			t.Errorf("%s: no provenance line", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
