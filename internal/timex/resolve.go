package timex

import (
	"fmt"
	"strings"
	"time"

	"parallax"
)

const dayLayout = "2006-01-02"

// resolveAll gives every item its kind and value. Absolute and
// reference-relative forms go first; then relative words inside quotations
// (which may take the day the words were spoken from them) and clock times
// (which take their day from the sentence).
func (a *article) resolveAll() {
	for _, it := range a.items {
		switch it.form {
		case "rel", "clock":
		default:
			a.resolve(it)
		}
	}
	for _, it := range a.items {
		switch it.form {
		case "rel", "clock":
			a.resolve(it)
		}
	}
}

// refDesc describes the reference date.
func (a *article) refDesc(ref Ref) string {
	return fmt.Sprintf("%s %s (%s)", ref.Source, ref.Date.Format(dayLayout), ref.Date.Weekday().String()[:3])
}

const noRef = "unresolved: no publication date given or found in the text"

func (a *article) resolve(it *item) {
	ref := a.ref
	switch it.form {
	case "dur":
		ud := a.lx.units[it.unit]
		it.Kind, it.Value, it.Granularity, it.Resolved = KindDuration, isoScaled(ud.iso, it.n), it.unit, true
		it.Reference = "absolute"
	case "offset":
		it.Kind, it.Value = KindOffset, it.Offset.Duration
	case "year":
		it.Kind, it.Granularity, it.Resolved = KindDate, GranYear, true
		it.Value, it.Reference = fmt.Sprintf("%04d", it.year), "absolute"
	case "date":
		it.Kind = KindDate
		a.resolveDate(it, it.date)
	case "weekday":
		it.Kind, it.Granularity = KindDate, GranDay
		if it.date != "" {
			a.resolveDate(it, it.date)
			return
		}
		iso := (it.wd+6)%7 + 1 // Monday 1 … Sunday 7
		if ref.Date.IsZero() {
			it.Value, it.Reference = fmt.Sprintf("XXXX-WXX-%d", iso), noRef
			return
		}
		d, how := resolveWeekday(ref.Date, time.Weekday(it.wd), it.wdMod, it.Future, ref.weak())
		it.Value, it.Resolved = d.Format(dayLayout), true
		it.Reference = a.refDesc(ref) + "; " + how
	case "rel":
		it.Kind = KindDate
		if it.Quoted {
			if sp, desc, ok := a.speechDate(it); ok {
				ref = Ref{Date: sp, Source: "spoken"}
				defer func() {
					if it.Resolved {
						it.Reference = desc + "; " + it.Reference
					}
				}()
			}
		}
		if ref.Date.IsZero() {
			it.Reference = noRef
			if it.rel.unit == "weekend" {
				it.Kind = KindRange
			}
			return
		}
		a.resolveRelative(it, ref)
	case "range":
		it.Kind, it.Granularity = KindRange, GranDay
		if ref.Date.IsZero() {
			it.Reference = noRef
			return
		}
		d := a.lx.units[it.unit].base.scale(it.n)
		from, to := d.add(ref.Date, -1), ref.Date
		if it.rangeDir == "after" {
			from, to = ref.Date, d.add(ref.Date, 1)
		}
		it.Value, it.Resolved, it.Reference = from.Format(dayLayout)+"/"+to.Format(dayLayout), true, a.refDesc(ref)
	case "ago":
		it.Kind = KindDate
		if ref.Date.IsZero() {
			it.Reference = noRef
			return
		}
		t := a.lx.units[it.unit].base.scale(it.n).add(ref.Date, -1)
		switch it.unit {
		case "month":
			it.Value, it.Granularity = t.Format("2006-01"), GranMonth
		case "year", "decade", "century":
			it.Value, it.Granularity = t.Format("2006"), GranYear
		default:
			it.Value, it.Granularity = t.Format(dayLayout), GranDay
		}
		it.Resolved, it.Reference = true, a.refDesc(ref)
	case "clock":
		it.Kind, it.Granularity = KindTime, GranHour
		if it.hasMin {
			it.Granularity = GranMinute
		}
		clock := fmt.Sprintf("T%02d:%02d", it.hour, it.min)
		if day := a.sentenceDay(it); day != nil {
			it.Value, it.Resolved = day.Value[:10]+clock, true
			it.Reference = fmt.Sprintf("day of %q in the sentence", day.Text)
			if it.PartOfDay == "" {
				it.PartOfDay = day.PartOfDay
			}
			return
		}
		it.Value, it.Reference = clock, "unresolved: no day in the sentence"
	}
}

// resolveDate resolves a date token's value: full dates stand alone; a
// missing year is chosen by the conventions of the package doc.
func (a *article) resolveDate(it *item, v string) {
	it.Granularity = GranDay
	if len(v) == 7 {
		it.Granularity = GranMonth
	}
	if !strings.HasPrefix(v, "XXXX") {
		it.Value, it.Resolved, it.Reference = v, validDate(v), "absolute"
		return
	}
	it.Value = v
	ref := a.ref
	if ref.Date.IsZero() {
		it.Reference = noRef
		return
	}
	var m, d int
	fmt.Sscanf(v[5:7], "%d", &m)
	if len(v) == 10 {
		fmt.Sscanf(v[8:10], "%d", &d)
	}
	t, how, ok := pickYear(ref.Date, m, d, it.Future, ref.weak())
	if !ok {
		it.Reference = "unresolved: no such day"
		return
	}
	it.Value, it.Resolved = t.Format(dayLayout), true
	if d == 0 {
		it.Value = t.Format("2006-01")
	}
	it.Reference = a.refDesc(ref) + "; " + how
}

// validDate reports whether an ISO date or month is a real one.
func validDate(v string) bool {
	layout := dayLayout
	if len(v) == 7 {
		layout = "2006-01"
	}
	_, err := time.Parse(layout, v)
	return err == nil
}

// resolveWeekday applies the weekday conventions of the package doc.
func resolveWeekday(ref time.Time, wd time.Weekday, mod string, future, weak bool) (time.Time, string) {
	back := (int(ref.Weekday()) - int(wd) + 7) % 7
	fwd := (int(wd) - int(ref.Weekday()) + 7) % 7
	name := wd.String()
	switch {
	case mod == "last":
		if back == 0 {
			back = 7
		}
		return ref.AddDate(0, 0, -back), "last " + name + ": the latest strictly before"
	case mod == "next":
		if fwd == 0 {
			fwd = 7
		}
		return ref.AddDate(0, 0, fwd), "next " + name + ": the first strictly after"
	case weak:
		if back <= fwd {
			return ref.AddDate(0, 0, -back), "weak reference: the nearest " + name
		}
		return ref.AddDate(0, 0, fwd), "weak reference: the nearest " + name
	case future:
		return ref.AddDate(0, 0, fwd), "future: the first " + name + " on or after"
	}
	return ref.AddDate(0, 0, -back), "the latest " + name + " on or before"
}

// pickYear chooses the year of a month and day (d 0: a month alone).
func pickYear(ref time.Time, m, d int, future, weak bool) (time.Time, string, bool) {
	if m < 1 || m > 12 || d < 0 || d > 31 {
		return time.Time{}, "", false
	}
	var best time.Time
	found := false
	how := "the latest on or before"
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		day := d
		if d == 0 {
			day = 1
		}
		t := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
		if t.Day() != day {
			continue // 29 February of a common year
		}
		end := t.AddDate(0, 0, 1)
		if d == 0 {
			end = t.AddDate(0, 1, 0)
		}
		switch {
		case weak:
			how = "weak reference: the nearest"
			mid := t.Add(end.Sub(t) / 2)
			if !found || absDur(mid.Sub(ref)) < absDur(best.Add(endOf(best, d).Sub(best)/2).Sub(ref)) {
				best, found = t, true
			}
		case future:
			how = "future: the first ending after"
			if end.After(ref) && (!found || t.Before(best)) {
				best, found = t, true
			}
		default:
			if !t.After(ref) && (!found || t.After(best)) {
				best, found = t, true
			}
		}
	}
	if future || weak {
		return best, how, found
	}
	// A day or month just ahead is a schedule, not last year's event.
	for y := ref.Year(); y <= ref.Year()+1; y++ {
		day := max(d, 1)
		t := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
		if t.Day() == day && t.After(ref) && t.Sub(ref) <= soon {
			return t, "within two weeks ahead: the coming one", true
		}
	}
	return best, how, found
}

// soon is how far ahead of the reference a month or day without a year is
// taken to be the coming one rather than last year's.
const soon = 14 * 24 * time.Hour

func endOf(t time.Time, d int) time.Time {
	if d == 0 {
		return t.AddDate(0, 1, 0)
	}
	return t.AddDate(0, 0, 1)
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// resolveRelative resolves a phrase of relative.txt against ref.
func (a *article) resolveRelative(it *item, ref Ref) {
	r, day := it.rel, ref.Date
	it.Resolved, it.Reference = true, a.refDesc(ref)
	span := func(from, to time.Time) {
		it.Kind, it.Granularity = KindRange, GranDay
		it.Value = from.Format(dayLayout) + "/" + to.Format(dayLayout)
	}
	switch r.unit {
	case "day":
		t := day.AddDate(0, 0, r.shift)
		it.Value, it.Granularity = t.Format(dayLayout), GranDay
		if _, ok := a.lx.parts[r.mod]; ok {
			it.PartOfDay = r.mod
		}
	case "week":
		mon := day.AddDate(0, 0, -((int(day.Weekday())+6)%7)+7*r.shift)
		y, w := mon.ISOWeek()
		it.Value, it.Granularity = fmt.Sprintf("%04d-W%02d", y, w), GranWeek
		switch r.mod {
		case "early":
			span(mon, day)
		case "later":
			span(day, mon.AddDate(0, 0, 6))
		}
	case "weekend":
		// The weekend of the reference's week: on Monday to Wednesday the
		// one just past, on Thursday to Sunday the current or coming one;
		// with a future cue the coming one.
		wd := int(day.Weekday())
		var sat time.Time
		switch {
		case wd == 0:
			sat = day.AddDate(0, 0, -1)
		case wd == 6:
			sat = day
		case wd <= 3 && !it.Future:
			sat = day.AddDate(0, 0, -(wd + 1))
		default:
			sat = day.AddDate(0, 0, 6-wd)
		}
		sat = sat.AddDate(0, 0, 7*r.shift)
		span(sat, sat.AddDate(0, 0, 1))
	case "month":
		first := time.Date(day.Year(), day.Month()+time.Month(r.shift), 1, 0, 0, 0, 0, time.UTC)
		it.Value, it.Granularity = first.Format("2006-01"), GranMonth
		switch r.mod {
		case "early":
			span(first, day)
		case "later":
			span(day, first.AddDate(0, 1, -1))
		}
	case "year":
		first := time.Date(day.Year()+r.shift, 1, 1, 0, 0, 0, 0, time.UTC)
		it.Value, it.Granularity = first.Format("2006"), GranYear
		switch r.mod {
		case "early":
			span(first, day)
		case "later":
			span(day, first.AddDate(1, 0, -1))
		}
	}
}

// dayLevel reports whether an item is a resolved single day or finer.
func dayLevel(it *item) bool {
	return it.Resolved && (it.Kind == KindDate || it.Kind == KindTime) && len(it.Value) >= 10 &&
		(it.Granularity == GranDay || it.Granularity == GranHour || it.Granularity == GranMinute)
}

// sentenceDay returns the resolved day-level date of it's sentence nearest
// to it, not counting clock times.
func (a *article) sentenceDay(it *item) *item {
	var best *item
	bestDist := 0
	for _, o := range a.items {
		same := o.Sentence == it.Sentence || (it.crossed && o.Sentence == it.Sentence+1)
		if o == it || !same || o.form == "clock" || !dayLevel(o) {
			continue
		}
		d := o.ti - it.ti
		if d < 0 {
			d = -d
		}
		if best == nil || d < bestDist {
			best, bestDist = o, d
		}
	}
	return best
}

// speechDate finds, for a relative word inside a quotation, the day its
// sentence says the words were spoken: a resolved day outside the quotation
// ("..., Trump declared on Saturday").
func (a *article) speechDate(it *item) (time.Time, string, bool) {
	for _, o := range a.items {
		if o.Sentence != it.Sentence || o.Quoted || o.form == "rel" || !dayLevel(o) {
			continue
		}
		t, err := time.Parse(dayLayout, o.Value[:10])
		if err != nil {
			continue
		}
		return t, fmt.Sprintf("in a quotation spoken %q", o.Text), true
	}
	return time.Time{}, "", false
}

// resolveOffsets reads the event and anchor of every offset and dates them
// from the expressions around: a date inside the anchor's words dates the
// anchor; a date elsewhere in the sentence, else the latest day told in the
// three sentences before (one that shares a word with the event first),
// dates the event. The other date follows from the duration.
func (a *article) resolveOffsets() {
	for _, it := range a.items {
		if it.form != "offset" {
			continue
		}
		o := it.Offset
		anchor := it.off.anchor
		ae := it.tj
		if anchor == "follows" {
			for ae < it.sb && ae-it.tj < 25 && !a.clauseMark(ae) {
				ae++
			}
			if ae == it.tj {
				anchor = "previous"
			} else {
				o.AnchorSpan = a.spanOf(it.tj, ae)
				o.Anchor = o.AnchorSpan.In(a.src)
			}
		}
		// The event: the clause before the offset, less its filler words;
		// else the clause after the anchor ("Two days after the strikes,
		// Putin met ...") or after the offset ("Three days later, ...").
		cs := it.ti
		for cs > it.sa && !a.clauseMark(cs-1) {
			cs--
		}
		ce := it.ti
		for ce > cs && a.lx.fillers[a.toks[ce-1].Norm] {
			ce--
		}
		eventFirst := ce > cs
		if ce == cs {
			from := ae
			if anchor == "previous" {
				from = it.tj
			}
			if from < it.sb && a.raw(from, it.sb) == "," {
				from++
			}
			cs, ce = from, from
			for ce < it.sb && ce-cs < 25 && !a.clauseMark(ce) {
				ce++
			}
		}
		if ce > cs {
			o.EventSpan = a.spanOf(cs, ce)
			o.Event = o.EventSpan.In(a.src)
		}

		var evDate, anDate *item
		for _, d := range a.items {
			if d == it || !dayLevel(d) || d.Sentence != it.Sentence {
				continue
			}
			switch {
			case o.Anchor != "" && o.AnchorSpan.Start <= d.Start && d.End <= o.AnchorSpan.End:
				if anDate == nil {
					anDate = d
				}
			case anchor == "follows" && evDate == nil:
				evDate = d
			case o.Event != "" && o.EventSpan.Start <= d.Start && d.End <= o.EventSpan.End:
				evDate = d
			}
		}
		// A day told before dates the event when the sentence opens with it
		// ("The meeting came a day after the strikes"), and the anchor when
		// the sentence opens with the offset ("Two days after the strikes,
		// Putin met ...", "Three days later, ..."): narrative order.
		switch {
		case evDate != nil || anDate != nil:
		case anchor == "follows" && eventFirst:
			evDate = a.previousDay(it, a.stems(o.EventSpan))
		default:
			anDate = a.previousDay(it, nil)
		}
		sign := 1
		if o.Direction == "before" {
			sign = -1
		}
		var refs []string
		if evDate != nil {
			o.EventValue = evDate.Value[:10]
			refs = append(refs, fmt.Sprintf("event dated by %q = %s", evDate.Text, o.EventValue))
			if anDate == nil {
				o.AnchorValue = shiftDay(evDate.Value[:10], it.off.dur, -sign)
			}
		}
		if anDate != nil {
			o.AnchorValue = anDate.Value[:10]
			refs = append(refs, fmt.Sprintf("anchor dated by %q = %s", anDate.Text, o.AnchorValue))
			if evDate == nil {
				o.EventValue = shiftDay(anDate.Value[:10], it.off.dur, sign)
			}
		}
		it.Resolved = o.EventValue != "" && o.AnchorValue != ""
		it.Reference = strings.Join(refs, "; ")
		if len(refs) == 0 {
			it.Reference = "unresolved: neither event is dated"
		}
	}
}

// clauseMark reports whether token k is a punctuation mark that ends the
// words of an event or anchor.
func (a *article) clauseMark(k int) bool {
	t := a.toks[k]
	return (t.Kind == parallax.TokenPunct || t.Kind == parallax.TokenSymbol) && isClauseMark(t.Norm)
}

func (a *article) spanOf(i, j int) parallax.Span {
	return parallax.Span{Start: a.toks[i].Start, End: a.toks[j-1].End}
}

// stems returns the content-word stems of the tokens inside span.
func (a *article) stems(span parallax.Span) map[string]bool {
	out := map[string]bool{}
	for _, t := range a.toks {
		if t.Start >= span.Start && t.End <= span.End && t.Kind == parallax.TokenWord && len(t.Stem) >= 4 && !a.lx.fillers[t.Norm] {
			out[t.Stem] = true
		}
	}
	return out
}

// previousDay returns the latest resolved day told before it, in its
// sentence or the three before; with stems, one whose sentence shares a
// stem wins over a later one that does not.
func (a *article) previousDay(it *item, stems map[string]bool) *item {
	var latest, sharing *item
	for _, d := range a.items {
		if d.Start >= it.Start || d.Sentence < it.Sentence-3 || !dayLevel(d) {
			continue
		}
		latest = d
		if len(stems) > 0 && a.sentenceShares(d, stems) {
			sharing = d
		}
	}
	if sharing != nil {
		return sharing
	}
	return latest
}

func (a *article) sentenceShares(d *item, stems map[string]bool) bool {
	for k := d.sa; k < d.sb; k++ {
		if stems[a.toks[k].Stem] {
			return true
		}
	}
	return false
}

// shiftDay moves the day v by sign times d. A day is a span of 24 hours, so
// an offset in hours that is not whole days lands on two days: "a/b".
func shiftDay(v string, d dur, sign int) string {
	day, err := time.Parse(dayLayout, v)
	if err != nil {
		return ""
	}
	lo := d.add(day, sign)
	hi := d.add(day.AddDate(0, 0, 1), sign).Add(-time.Nanosecond)
	if lo.Format(dayLayout) == hi.Format(dayLayout) {
		return lo.Format(dayLayout)
	}
	return lo.Format(dayLayout) + "/" + hi.Format(dayLayout)
}

// attachPlaces gives each day-level date or time without a zone the place
// named nearest to it in its sentence.
func (a *article) attachPlaces() {
	for _, it := range a.items {
		if it.Zone != "" || (it.Kind != KindDate && it.Kind != KindTime) || (it.Granularity != GranDay && it.Granularity != GranHour && it.Granularity != GranMinute) {
			continue
		}
		best, bestDist := "", 0
		for k := it.sa; k < it.sb; k++ {
			if k >= it.ti && k < it.tj {
				continue
			}
			_, n := matchPhrase(a, a.lx.places, k, it.sb, true)
			if n == 0 {
				continue
			}
			d := k - it.tj
			if k < it.ti {
				d = it.ti - (k + n)
			}
			if best == "" || d < bestDist {
				best, bestDist = a.src[a.toks[k].Start:a.toks[k+n-1].End], d
			}
		}
		it.Place = best
	}
}
