package ingest_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"parallax/internal/ingest"
	"parallax/internal/text"
	"parallax/rules"
)

// TestSeedStory reads the seed story's directory, annotates it with the
// text engine and infers metadata, as cmd/parallax does.
func TestSeedStory(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "moscow-2025-06-23")
	eng, err := text.New(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	lists, err := ingest.LoadLists(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	res := ingest.Read([]string{dir}, ingest.Options{})
	if len(res.Warnings) > 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
	wantSkipped := []string{filepath.Join(dir, "README.md"), filepath.Join(dir, "manifest.tsv")}
	if diff := cmp.Diff(wantSkipped, res.Skipped); diff != "" {
		t.Errorf("skipped mismatch (-want +got):\n%s", diff)
	}

	type meta struct {
		ID, File, Outlet, Author, Published, Title string
	}
	var got []meta
	for _, a := range res.Articles {
		doc := eng.Analyze(a.Text)
		a.Sentences, a.Furniture, a.Tokens, a.Words = doc.Sentences, doc.Furniture, doc.Tokens, doc.Words
		lists.InferMeta(a)
		m := meta{ID: a.ID, File: filepath.Base(a.Source), Outlet: a.Outlet, Author: a.Author, Title: a.Title}
		if !a.Published.IsZero() {
			m.Published = a.Published.Format(time.DateOnly)
		}
		t.Logf("%s %s: outlet %q, author %q, published %q, title %q", m.ID, m.File, m.Outlet, m.Author, m.Published, m.Title)
		got = append(got, m)
	}
	want := []meta{
		{ID: "a1", File: "000.txt"},
		{ID: "a2", File: "001.txt", Outlet: "Palestine Chronicle", Author: "Palestine Chronicle Staff", Published: "2025-06-23"},
		{ID: "a3", File: "002.txt", Author: "Frances Martel", Published: "2025-06-22",
			Title: "Iran’s Top Diplomat Holds ‘Crucial Meeting’ with Putin in Moscow"},
		{ID: "a4", File: "003.txt"},
		{ID: "a5", File: "004.txt", Outlet: "Kashmir Observer"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("seed story metadata mismatch (-want +got):\n%s", diff)
	}
}
