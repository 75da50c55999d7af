package source

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"parallax"
	"parallax/internal/text"
	"parallax/rules"
)

const seedDir = "../../testdata/moscow-2025-06-23"

var (
	setupOnce sync.Once
	testEng   *text.Engine
	testFind  *Finder
	setupErr  error
)

func setup(tb testing.TB) (*text.Engine, *Finder) {
	tb.Helper()
	setupOnce.Do(func() {
		testEng, setupErr = text.New(rules.FS)
		if setupErr == nil {
			testFind, setupErr = New(rules.FS)
		}
	})
	if setupErr != nil {
		tb.Fatal(setupErr)
	}
	return testEng, testFind
}

// cited runs the finder on src.
func cited(tb testing.TB, src string) []parallax.CitedSource {
	tb.Helper()
	e, f := setup(tb)
	return f.Cited(src, e.Analyze(src))
}

// show renders sources as "Name|kind|named|text" lines, one per source.
func show(src string, cs []parallax.CitedSource) string {
	var b strings.Builder
	for _, c := range cs {
		named := "unnamed"
		if c.Named {
			named = "named"
		}
		fmt.Fprintf(&b, "%s|%s|%s|%s\n", c.Name, c.Kind, named, c.In(src))
	}
	return b.String()
}
