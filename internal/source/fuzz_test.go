package source

import (
	"strings"
	"testing"
)

// FuzzCited checks that Cited never panics and that its sources are always
// well formed: in order, inside the text, with names that relate to their
// spans.
func FuzzCited(f *testing.F) {
	for _, s := range []string{
		"The talks failed, according to Reuters.",
		"The Russian news agency Tass added that talks would go on.",
		"The ministry said in a statement that talks were useful. A Kremlin readout said so.",
		"Sources familiar with the matter said the deal was close; officials reportedly agreed.",
		"In a post on X, the minister said talks would resume.",
		"MOSCOW, June 23. /TASS/. Russia said talks would go on.",
		"The minister spoke.\n\n(Reuters, Kremlin, XYZ)\n",
		"Talks. pic.twitter.com/abc — Jane (@j) June 1, 2020",
		"“According to Reuters,” it said. ”, said the\u00a0Pentagon",
		"A report by by from published by in a statement, , said",
		"Iran’s 's ' ’s foreign ministry's statement's said",
	} {
		f.Add(s)
	}
	// Repeated cues once made the finder quadratic or worse.
	for _, s := range []string{"a statement by ", "FOO SAID ", "in a statement, ", "officials familiar with ", "Foo of ", "has "} {
		f.Add(strings.Repeat(s, 300) + "said.")
	}
	e, fd := setup(f)
	f.Fuzz(func(t *testing.T, src string) {
		checkSources(t, fd, src, fd.Cited(src, e.Analyze(src)))
	})
}
