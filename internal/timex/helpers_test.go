package timex

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"parallax/internal/text"
	"parallax/rules"
)

const seedDir = "../../testdata/moscow-2025-06-23"

var (
	setupOnce sync.Once
	testEng   *text.Engine
	testRes   *Resolver
	setupErr  error
)

// setup loads the text engine and the resolver from the embedded rules.
func setup(tb testing.TB) (*text.Engine, *Resolver) {
	tb.Helper()
	setupOnce.Do(func() {
		testEng, setupErr = text.New(rules.FS)
		if setupErr == nil {
			testRes, setupErr = New(rules.FS)
		}
	})
	if setupErr != nil {
		tb.Fatal(setupErr)
	}
	return testEng, testRes
}

// seedArticle reads one seed article.
func seedArticle(tb testing.TB, name string) string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(seedDir, name))
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}
