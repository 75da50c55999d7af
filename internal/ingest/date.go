package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The English date forms of news metadata. Each pattern names its parts;
// findDate tries them all at once and keeps the leftmost valid date.
//
//	iso:   2025-06-23, 2025/06/23
//	mdy:   June 23, 2025; Jun. 23 2025; June 22nd 2025; JUNE 23, 2025
//	dmy:   23 June 2025; 23rd of June, 2025; 23 Jun. 2025
const monthPattern = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`

var datePattern = regexp.MustCompile(`(?i)\b(?:` +
	`(?P<isoy>\d{4})(?P<isosep1>[-/])(?P<isom>\d{1,2})(?P<isosep2>[-/])(?P<isod>\d{1,2})` +
	`|(?P<mdym>` + monthPattern + `)\.?[\s\p{Zs}]+(?P<mdyd>\d{1,2})(?:st|nd|rd|th)?\.?,?[\s\p{Zs}]+(?P<mdyy>\d{4})` +
	`|(?P<dmyd>\d{1,2})(?:st|nd|rd|th)?[\s\p{Zs}]+(?:of[\s\p{Zs}]+)?(?P<dmym>` + monthPattern + `)\.?,?[\s\p{Zs}]+(?P<dmyy>\d{4})` +
	`)`)

var monthNumbers = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// The years a news date may fall in; a four-digit number outside them after
// a day and month is not taken for a year ("June 23, 1500 soldiers").
const (
	minYear = 1900
	maxYear = 2100
)

// parseDate parses s, which must be one full calendar date in one of the
// forms above and nothing else (surrounding spaces aside). The date is UTC
// midnight.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	t, span, ok := findDate(s)
	if !ok || span[0] != 0 || span[1] != len(s) {
		return time.Time{}, false
	}
	return t, true
}

// findDate returns the first full calendar date (day, month and year) in s
// and its byte range. A date without a year, or an impossible one (June 31),
// is not a date. The date is UTC midnight.
func findDate(s string) (time.Time, [2]int, bool) {
	for _, m := range datePattern.FindAllStringSubmatchIndex(s, -1) {
		// A date must not run on into more digits or letters: "2025-06-234",
		// "June 23, 20251".
		if m[1] < len(s) && isDigit(s[m[1]]) {
			continue
		}
		group := func(name string) string {
			i := datePattern.SubexpIndex(name)
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		var y, d string
		var mon time.Month
		switch {
		case group("isoy") != "":
			if group("isosep1") != group("isosep2") { // 2025-06/23
				continue
			}
			y, d = group("isoy"), group("isod")
			n, err := strconv.Atoi(group("isom"))
			if err != nil || n < 1 || n > 12 {
				continue
			}
			mon = time.Month(n)
		case group("mdym") != "":
			y, d, mon = group("mdyy"), group("mdyd"), monthNumbers[strings.ToLower(group("mdym")[:3])]
		default:
			y, d, mon = group("dmyy"), group("dmyd"), monthNumbers[strings.ToLower(group("dmym")[:3])]
		}
		t, ok := makeDate(y, mon, d)
		if !ok {
			continue
		}
		return t, [2]int{m[0], m[1]}, true
	}
	return time.Time{}, [2]int{}, false
}

// makeDate builds the UTC date from decimal year and day strings, rejecting
// days the month does not have and years outside [minYear, maxYear].
func makeDate(year string, month time.Month, day string) (time.Time, bool) {
	y, err := strconv.Atoi(year)
	if err != nil || y < minYear || y > maxYear {
		return time.Time{}, false
	}
	d, err := strconv.Atoi(day)
	if err != nil || d < 1 || month < time.January || month > time.December {
		return time.Time{}, false
	}
	t := time.Date(y, month, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != month {
		return time.Time{}, false
	}
	return t, true
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
