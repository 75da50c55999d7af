package timex

import (
	"fmt"
	"strings"
	"time"
)

// unknownOffsets bound the UTC offset of a time whose zone and place are
// unknown: every zone in use lies between UTC−12 and UTC+14.
var unknownOffsets = []int{-12 * 60, 14 * 60}

// Overlap reports whether two resolved dates or times can denote the same
// moment, taking their parts of day and their zones (or places) into
// account, and says why. It answers false only when the two cannot
// overlap whatever their zones: "Saturday night" in Washington and "Sunday
// morning" in Tehran can (a US Saturday night is an Iranian Sunday
// morning); "Saturday morning" and "Monday" cannot. A side without a zone or
// place may lie in any zone, so with neither given only days far apart are
// told apart. Unresolved expressions and offsets cannot be told apart: the
// answer is then true, with a why that says so.
func (r *Resolver) Overlap(a, b Expr) (possible bool, why string) {
	wa, err := r.window(a)
	if err != "" {
		return true, "cannot tell: " + err
	}
	wb, err := r.window(b)
	if err != "" {
		return true, "cannot tell: " + err
	}
	ok := wa.from.Before(wb.to) && wb.from.Before(wa.to)
	verdict := "cannot be the same moment"
	if ok {
		verdict = "can be the same moment"
		if wa.known && wb.known {
			verdict += " (both zones or places given)"
		} else {
			verdict += " (a zone is unknown, so any was allowed)"
		}
	}
	return ok, fmt.Sprintf("%s; %s: %s", wa.desc, wb.desc, verdict)
}

// window is an expression's extent in UTC.
type window struct {
	from, to time.Time
	known    bool // the zone or place was given
	desc     string
}

func (r *Resolver) window(e Expr) (window, string) {
	if !e.Resolved {
		return window{}, fmt.Sprintf("%q is unresolved", e.Text)
	}
	if e.Kind != KindDate && e.Kind != KindTime && e.Kind != KindRange {
		return window{}, fmt.Sprintf("%q is a %s, not a date or time", e.Text, e.Kind)
	}
	from, to, ok := localWindow(e.Value, e.Granularity)
	if !ok {
		return window{}, fmt.Sprintf("%q has a value %q that is not a date", e.Text, e.Value)
	}
	if p, found := r.lx.parts[e.PartOfDay]; found && e.Kind != KindRange && len(e.Value) == 10 {
		from, to = from.Add(time.Duration(p.from)*time.Hour), from.Add(time.Duration(p.to)*time.Hour)
	}
	offs, basis := unknownOffsets, "zone unknown"
	known := false
	if o, name := r.offsetsOf(e.Zone); o != nil {
		offs, basis, known = o, "zone "+name, true
	} else if o, name := r.offsetsOf(e.Place); o != nil {
		offs, basis, known = o, "place "+name, true
	}
	lo, hi := offs[0], offs[0]
	for _, o := range offs {
		lo, hi = min(lo, o), max(hi, o)
	}
	w := window{
		from:  from.Add(-time.Duration(hi) * time.Minute),
		to:    to.Add(-time.Duration(lo) * time.Minute),
		known: known,
	}
	w.desc = fmt.Sprintf("%q is %s to %s UTC (%s %s)", e.Text, w.from.Format("2006-01-02T15:04"), w.to.Format("2006-01-02T15:04"), basis, offsetRange(lo, hi))
	return w, ""
}

// offsetsOf returns the UTC offsets of a zone or place name.
func (r *Resolver) offsetsOf(name string) ([]int, string) {
	if name == "" || name == "local" {
		return nil, ""
	}
	if o, ok := r.lx.zones[name]; ok {
		return o, name
	}
	if o, ok := r.lx.placeByName[name]; ok {
		return o, name
	}
	return nil, ""
}

func offsetRange(lo, hi int) string {
	f := func(m int) string {
		sign := "+"
		if m < 0 {
			sign, m = "−", -m
		}
		return fmt.Sprintf("UTC%s%02d:%02d", sign, m/60, m%60)
	}
	if lo == hi {
		return f(lo)
	}
	return f(lo) + " to " + f(hi)
}

// localWindow reads a value as a local interval [from, to).
func localWindow(v, gran string) (time.Time, time.Time, bool) {
	if a, b, ok := strings.Cut(v, "/"); ok {
		from, _, ok1 := localWindow(a, GranDay)
		_, to, ok2 := localWindow(b, GranDay)
		return from, to, ok1 && ok2 && from.Before(to)
	}
	switch {
	case len(v) == 4:
		t, err := time.Parse("2006", v)
		return t, t.AddDate(1, 0, 0), err == nil
	case len(v) == 7:
		t, err := time.Parse("2006-01", v)
		return t, t.AddDate(0, 1, 0), err == nil
	case len(v) == 8 && v[5] == 'W':
		var y, w int
		if _, err := fmt.Sscanf(v, "%4d-W%2d", &y, &w); err != nil || w < 1 || w > 53 {
			return time.Time{}, time.Time{}, false
		}
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		return mon, mon.AddDate(0, 0, 7), true
	case len(v) == 10:
		t, err := time.Parse(dayLayout, v)
		return t, t.AddDate(0, 0, 1), err == nil
	case len(v) == 16:
		t, err := time.Parse("2006-01-02T15:04", v)
		step := time.Minute
		if gran == GranHour {
			step = time.Hour
		}
		return t, t.Add(step), err == nil
	}
	return time.Time{}, time.Time{}, false
}
