package ingest

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"parallax/internal/lexicon"
	"parallax/rules"
)

// The word lists metadata inference reads, as paths inside a rules FS.
const (
	staffFile      = "ingest/staff.txt"
	aggregatorFile = "sources/aggregators.txt"
	agencyFile     = "sources/news-agencies.txt"
	smallWordsFile = "text/small-words.txt"
)

// Lists holds the word lists that metadata inference uses. Entries keep the
// spelling of their file; they are matched without regard to case.
type Lists struct {
	// StaffSuffixes are the words that turn a byline into an outlet's
	// collective credit: "Staff" in "By Palestine Chronicle Staff". Longest
	// first, so that "News Desk" is tried before "Desk".
	StaffSuffixes []string
	// Aggregators are sites that republish other outlets' articles under a
	// prefix naming the outlet: "MENAFN" in "MENAFN - Kashmir Observer)".
	// An aggregator is never taken for the outlet.
	Aggregators []string
	// Agencies are news agencies, named in datelines ("/TASS/",
	// "(Reuters)") and at the end of bylines ("By Jane Doe, Reuters").
	Agencies []string
	// TitleSmallWords are the words a title-case headline leaves in lower
	// case ("with", "in"); the first-line title rule does not count them.
	TitleSmallWords []string
}

// LoadLists reads the lists from fsys, laid out like the rules directory:
// ingest/staff.txt, ingest/aggregators.txt, ingest/agencies.txt and
// ingest/title-small-words.txt, in the format of package lexicon (one entry a
// line, # comments, a "# provenance:" line). Data errors are reported as
// "file:line: message", all the errors of all files together.
func LoadLists(fsys fs.FS) (*Lists, error) {
	ld := lexicon.Loader{FS: fsys}
	l := &Lists{
		StaffSuffixes:   ld.Load(staffFile).Keys(),
		Aggregators:     ld.Load(aggregatorFile).Keys(),
		Agencies:        ld.Load(agencyFile).Keys(),
		TitleSmallWords: ld.Load(smallWordsFile).Keys(),
	}
	if err := ld.Err(); err != nil {
		return nil, fmt.Errorf("ingest: loading word lists: %w", err)
	}
	// Longest suffix first, so that the longest one matches.
	slices.SortStableFunc(l.StaffSuffixes, func(a, b string) int { return len(b) - len(a) })
	return l, nil
}

// DefaultLists returns the lists embedded in the binary (package rules). It
// panics if they do not load: the tests of this package load them, so a
// broken embedded list never ships.
func DefaultLists() *Lists { return defaultLists() }

var defaultLists = sync.OnceValue(func() *Lists {
	l, err := LoadLists(rules.FS)
	if err != nil {
		panic(err)
	}
	return l
})

// match returns the entry of list equal to s, ignoring case, or "".
func match(list []string, s string) string {
	for _, e := range list {
		if strings.EqualFold(e, s) {
			return e
		}
	}
	return ""
}
