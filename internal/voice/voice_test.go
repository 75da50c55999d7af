package voice

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"parallax/rules"
)

func newTestGrouper(t testing.TB) *Grouper {
	t.Helper()
	g, err := New(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// overlay returns the embedded rules with the file name replaced by data.
func overlay(t testing.TB, name, data string) fs.FS {
	t.Helper()
	return rules.Overlay(fstest.MapFS{name: {Data: []byte(data)}})
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
