package timex

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// dur is a calendar duration. Months and days are kept apart from seconds
// because their length varies.
type dur struct {
	months int
	days   int
	secs   float64
}

// parseDur reads a one-component ISO 8601 duration: "P1D", "P1W", "P10Y",
// "PT1H", "PT30M".
func parseDur(s string) (dur, error) {
	body, ok := strings.CutPrefix(s, "P")
	if !ok || len(body) < 2 {
		return dur{}, fmt.Errorf("%q is not an ISO 8601 duration", s)
	}
	timePart := false
	if b, ok := strings.CutPrefix(body, "T"); ok {
		timePart, body = true, b
	}
	n, err := strconv.ParseFloat(body[:len(body)-1], 64)
	if err != nil || n <= 0 || math.IsInf(n, 0) {
		return dur{}, fmt.Errorf("%q is not an ISO 8601 duration", s)
	}
	switch d := body[len(body)-1]; {
	case !timePart && d == 'Y':
		return dur{months: int(n * 12)}, nil
	case !timePart && d == 'M':
		return dur{months: int(n)}, nil
	case !timePart && d == 'W':
		return dur{days: int(n * 7)}, nil
	case !timePart && d == 'D':
		return dur{days: int(n)}, nil
	case timePart && d == 'H':
		return dur{secs: n * 3600}, nil
	case timePart && d == 'M':
		return dur{secs: n * 60}, nil
	case timePart && d == 'S':
		return dur{secs: n}, nil
	}
	return dur{}, fmt.Errorf("%q is not an ISO 8601 duration", s)
}

// maxCount bounds the number a duration may be scaled by, so that hostile
// text ("999999999999 years after") cannot overflow the calendar.
const maxCount = 10000

// scale returns n times d. Fractions of a month round to whole months;
// fractions of a day become seconds.
func (d dur) scale(n float64) dur {
	out := dur{months: int(math.Round(float64(d.months) * n)), secs: d.secs * n}
	days := float64(d.days) * n
	out.days = int(math.Floor(days))
	out.secs += (days - float64(out.days)) * 86400
	return out
}

// add returns t moved by sign times d.
func (d dur) add(t time.Time, sign int) time.Time {
	t = t.AddDate(0, sign*d.months, sign*d.days)
	return t.Add(time.Duration(float64(sign) * d.secs * float64(time.Second)))
}

// isoScaled returns the ISO 8601 duration n times the one-unit duration
// unit ("P1D", 2 → "P2D"; "PT1H", 48 → "PT48H").
func isoScaled(unit string, n float64) string {
	prefix := "P"
	body := strings.TrimPrefix(unit, "P")
	if b, ok := strings.CutPrefix(body, "T"); ok {
		prefix, body = "PT", b
	}
	if len(body) < 2 {
		return unit
	}
	base, err := strconv.ParseFloat(body[:len(body)-1], 64)
	if err != nil {
		return unit
	}
	return prefix + strconv.FormatFloat(base*n, 'f', -1, 64) + body[len(body)-1:]
}
