package ingest

import (
	"regexp"
	"strings"
	"time"
)

// dateLayouts are the calendar date forms parseDate reads, as Go time
// layouts: ISO dates with dashes or slashes, and the English forms of news
// metadata. Month names are matched without regard to case.
var dateLayouts = []string{
	"2006-1-2",
	"2006/1/2",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006",
	"Jan 2 2006",
	"Jan. 2, 2006",
	"Jan. 2 2006",
	"2 January 2006",
	"2 January, 2006",
	"2 Jan 2006",
	"2 Jan. 2006",
	"2 of January 2006",
	"2 of January, 2006",
}

// ordinalSuffix is the suffix of an ordinal day: "22nd", "1st".
var ordinalSuffix = regexp.MustCompile(`(?i)(\d)(?:st|nd|rd|th)\b`)

// sept is AP style's abbreviation of September, which Go's layouts spell
// "Sep".
var sept = regexp.MustCompile(`(?i)\bsept\b`)

// parseDate parses s, which must be one full calendar date (day, month and
// year) in one of the forms of dateLayouts and nothing else, surrounding
// spaces aside: "2025-06-23", "June 23, 2025", "Jun. 23 2025", "June 22nd
// 2025", "23rd of June, 2025". Runs of white space, no-break spaces
// included, count as one space. An impossible date (June 31) is not a date.
// The date is UTC midnight.
func parseDate(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	s = ordinalSuffix.ReplaceAllString(s, "$1")
	s = sept.ReplaceAllString(s, "Sep")
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// isoDateLayout is the layout of a full date token's Date.
const isoDateLayout = "2006-01-02"
