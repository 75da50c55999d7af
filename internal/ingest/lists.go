package ingest

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"parallax/internal/lexicon"
)

// The word lists metadata inference reads, as paths inside a rules FS.
const (
	staffFile      = "ingest/staff.txt"
	aggregatorFile = "sources/aggregators.txt"
	agencyFile     = "sources/news-agencies.txt"
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
}

// LoadLists reads the lists from fsys (rules.FS, or a directory laid out
// the same way): ingest/staff.txt (staff suffixes), sources/aggregators.txt
// (aggregators) and sources/news-agencies.txt (agencies: a name, a tab and
// the agency's full name; the names are the list). The files are in the
// format of package lexicon: one entry a line, # comments, a
// "# provenance:" line. Data errors are reported as "file:line: message",
// all the errors of all files together.
func LoadLists(fsys fs.FS) (*Lists, error) {
	ld := lexicon.Loader{FS: fsys}
	l := &Lists{
		StaffSuffixes: ld.Load(staffFile).Keys(),
		Aggregators:   ld.Load(aggregatorFile).Keys(),
		Agencies:      ld.Load(agencyFile).Keys(),
	}
	if err := ld.Err(); err != nil {
		return nil, fmt.Errorf("ingest: loading word lists: %w", err)
	}
	// Longest suffix first, so that the longest one matches.
	slices.SortStableFunc(l.StaffSuffixes, func(a, b string) int { return len(b) - len(a) })
	return l, nil
}

// match returns the entry of list equal to s, ignoring case, or "".
func match(list []string, s string) string {
	for _, e := range list {
		if strings.EqualFold(e, s) {
			return e
		}
	}
	return ""
}
