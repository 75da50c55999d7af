package timex

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"parallax/internal/lexicon"
)

// phrase is a run of words with a payload, matched on token norms (or, for
// places, on the text as written).
type phrase[T any] struct {
	words []string
	val   T
}

// phrases indexes phrases by their first word.
type phrases[T any] map[string][]phrase[T]

func (p phrases[T]) add(key string, val T) {
	words := strings.Fields(key)
	if len(words) == 0 {
		return
	}
	p[words[0]] = append(p[words[0]], phrase[T]{words, val})
}

// relative is a phrase of rules/timex/relative.txt.
type relative struct {
	unit  string // day, week, weekend, month, year
	shift int
	mod   string // a part of day, "early", "later" or ""
}

// partOfDay is an entry of rules/timex/parts-of-day.txt: local hours.
type partOfDay struct {
	from, to int // hours; to may pass 24
	before   bool
}

// offsetWord is an entry of offset-words.txt or offset-phrases.txt.
type offsetWord struct {
	dir    string // after, before
	anchor string // follows, previous, published
	dur    dur    // offset-phrases.txt only, and once scaled
	durISO string // offset-phrases.txt: "P1D"
	gran   string // offset-phrases.txt: the unit, "day"
}

// rangeWord is an entry of rules/timex/range-words.txt.
type rangeWord struct {
	dir  string // before, after
	bare bool   // may take a unit without a number: "the past week"
}

// unitDur is one time unit as a duration.
type unitDur struct {
	iso  string // "P1D", "PT1H"
	base dur
}

// lexicons are the word lists a Resolver reads.
type lexicons struct {
	weekdays    map[string]time.Weekday // lower case, abbreviations too
	relative    phrases[relative]
	parts       map[string]partOfDay
	units       map[string]unitDur // singular unit → duration
	unitWords   map[string]string  // "days" → "day", time units only
	offsetWords phrases[offsetWord]
	offsetPhr   phrases[offsetWord]
	rangeWords  map[string]rangeWord
	wdMods      map[string]string
	future      map[string]bool
	fillers     map[string]bool
	yearPre     map[string]bool
	meridiems   map[string]string
	zones       map[string][]int // exact case → offsets in minutes
	places      phrases[[]int]   // exact case
	placeByName map[string][]int
	starters    map[string]bool // words that may start an expression
}

func loadLexicons(fsys fs.FS) (*lexicons, error) {
	ld := &lexicon.Loader{FS: fsys}
	lower := strings.ToLower
	var errs lexicon.ErrorList
	bad := func(l *lexicon.List, e lexicon.Entry, format string, args ...any) {
		errs = append(errs, &lexicon.Error{File: l.Name, Line: e.Line, Msg: fmt.Sprintf(format, args...)})
	}
	fields := func(l *lexicon.List, e lexicon.Entry, min, max int, want string) bool {
		if len(e.Fields) < min || len(e.Fields) > max {
			bad(l, e, "want %s", want)
			return false
		}
		return true
	}
	lx := &lexicons{
		weekdays:    map[string]time.Weekday{},
		relative:    phrases[relative]{},
		parts:       map[string]partOfDay{},
		units:       map[string]unitDur{},
		unitWords:   map[string]string{},
		offsetWords: phrases[offsetWord]{},
		offsetPhr:   phrases[offsetWord]{},
		rangeWords:  map[string]rangeWord{},
		wdMods:      map[string]string{},
		future:      ld.Load("timex/future-cues.txt").Set(lower),
		fillers:     ld.Load("timex/event-fillers.txt").Set(lower),
		yearPre:     ld.Load("timex/year-preceders.txt").Set(lower),
		meridiems:   map[string]string{},
		zones:       map[string][]int{},
		places:      phrases[[]int]{},
		placeByName: map[string][]int{},
	}

	// Weekdays: the full English names of time.Weekday, and each
	// abbreviation of the list mapped to the one full name it begins.
	wl := ld.Load("text/weekdays.txt")
	var abbrevs []lexicon.Entry
	for _, e := range wl.Entries {
		k := lower(e.Key())
		found := false
		for d := time.Sunday; d <= time.Saturday; d++ {
			if k == lower(d.String()) {
				lx.weekdays[k] = d
				found = true
			}
		}
		if !found {
			abbrevs = append(abbrevs, e)
		}
	}
	for _, e := range abbrevs {
		k := lower(e.Key())
		n := 0
		for d := time.Sunday; d <= time.Saturday; d++ {
			if strings.HasPrefix(lower(d.String()), k) {
				lx.weekdays[k] = d
				n++
			}
		}
		if n != 1 {
			bad(wl, e, "%q abbreviates %d weekdays, want 1", k, n)
		}
	}

	rl := ld.Load("timex/relative.txt")
	for _, e := range rl.Entries {
		if !fields(rl, e, 3, 4, "phrase, unit, shift and an optional modifier") {
			continue
		}
		rel := relative{unit: e.Fields[1]}
		switch rel.unit {
		case "day", "week", "weekend", "month", "year":
		default:
			bad(rl, e, "unknown unit %q", rel.unit)
			continue
		}
		n, err := strconv.Atoi(e.Fields[2])
		if err != nil {
			bad(rl, e, "shift %q is not an integer", e.Fields[2])
			continue
		}
		rel.shift = n
		if len(e.Fields) == 4 {
			rel.mod = e.Fields[3]
		}
		lx.relative.add(lower(e.Key()), rel)
	}

	pl := ld.Load("timex/parts-of-day.txt")
	for _, e := range pl.Entries {
		if !fields(pl, e, 4, 4, "word, from hour, to hour, before|after") {
			continue
		}
		from, err1 := strconv.Atoi(e.Fields[1])
		to, err2 := strconv.Atoi(e.Fields[2])
		if err1 != nil || err2 != nil || from < 0 || to <= from || to > 48 {
			bad(pl, e, "hours %q to %q are not 0 ≤ from < to ≤ 48", e.Fields[1], e.Fields[2])
			continue
		}
		pos := e.Fields[3]
		if pos != "before" && pos != "after" {
			bad(pl, e, "position %q is not before or after", pos)
			continue
		}
		lx.parts[lower(e.Key())] = partOfDay{from: from, to: to, before: pos == "before"}
	}
	for _, e := range rl.Entries {
		if len(e.Fields) == 4 {
			if m := e.Fields[3]; m != "early" && m != "later" {
				if _, ok := lx.parts[m]; !ok {
					bad(rl, e, "modifier %q is neither early, later nor a part of day", m)
				}
			}
		}
	}

	ul := ld.Load("timex/units.txt")
	for _, e := range ul.Entries {
		if !fields(ul, e, 2, 2, "unit and ISO 8601 duration") {
			continue
		}
		d, err := parseDur(e.Fields[1])
		if err != nil {
			bad(ul, e, "%v", err)
			continue
		}
		lx.units[e.Key()] = unitDur{iso: e.Fields[1], base: d}
	}
	tu := ld.Load("text/units.txt")
	for _, e := range tu.Entries {
		if len(e.Fields) == 2 {
			if _, ok := lx.units[e.Fields[1]]; ok {
				lx.unitWords[lower(e.Key())] = e.Fields[1]
			}
		}
	}

	ow := ld.Load("timex/offset-words.txt")
	for _, e := range ow.Entries {
		if !fields(ow, e, 3, 3, "word, direction and anchor") {
			continue
		}
		w := offsetWord{dir: e.Fields[1], anchor: e.Fields[2]}
		if !checkOffset(w) {
			bad(ow, e, "direction %q or anchor %q unknown", w.dir, w.anchor)
			continue
		}
		lx.offsetWords.add(lower(e.Key()), w)
	}
	op := ld.Load("timex/offset-phrases.txt")
	for _, e := range op.Entries {
		if !fields(op, e, 4, 4, "phrase, duration, direction and anchor") {
			continue
		}
		d, err := parseDur(e.Fields[1])
		w := offsetWord{dir: e.Fields[2], anchor: e.Fields[3], dur: d, durISO: e.Fields[1], gran: isoUnit(e.Fields[1])}
		if err != nil || !checkOffset(w) || w.anchor == "published" || w.gran == "" {
			bad(op, e, "bad duration, direction or anchor")
			continue
		}
		lx.offsetPhr.add(lower(e.Key()), w)
	}

	twoCol := func(name string, dst map[string]string, ok func(string) bool) {
		l := ld.Load(name)
		m, err := l.Map(lower)
		if err != nil {
			errs = append(errs, err.(lexicon.ErrorList)...)
		}
		for k, v := range m {
			if !ok(v) {
				errs = append(errs, &lexicon.Error{File: name, Msg: fmt.Sprintf("%s: unknown value %q", k, v)})
				continue
			}
			dst[k] = v
		}
	}
	rw := ld.Load("timex/range-words.txt")
	for _, e := range rw.Entries {
		if !fields(rw, e, 2, 3, "word, before|after and an optional \"bare\"") {
			continue
		}
		w := rangeWord{dir: e.Fields[1], bare: len(e.Fields) == 3}
		if (w.dir != "before" && w.dir != "after") || (w.bare && e.Fields[2] != "bare") {
			bad(rw, e, "want before or after, then optionally bare")
			continue
		}
		lx.rangeWords[lower(e.Key())] = w
	}
	twoCol("timex/weekday-modifiers.txt", lx.wdMods, func(v string) bool { return v == "last" || v == "next" || v == "this" })
	twoCol("timex/meridiems.txt", lx.meridiems, func(v string) bool { return v == "am" || v == "pm" })

	offsets := func(l *lexicon.List, e lexicon.Entry) ([]int, bool) {
		if len(e.Fields) < 2 {
			bad(l, e, "want a name and at least one UTC offset")
			return nil, false
		}
		var out []int
		for _, f := range e.Fields[1:] {
			m, ok := parseUTCOffset(f)
			if !ok {
				bad(l, e, "%q is not a UTC offset like +03:30", f)
				return nil, false
			}
			out = append(out, m)
		}
		return out, true
	}
	zl := ld.Load("timex/zone-offsets.txt")
	for _, e := range zl.Entries {
		if o, ok := offsets(zl, e); ok {
			lx.zones[e.Key()] = o
		}
	}
	// Every zone the text engine knows must have an offset here.
	tz := ld.Load("text/time-zones.txt")
	for _, e := range tz.Entries {
		if _, ok := lx.zones[e.Key()]; !ok && e.Key() != "local" {
			errs = append(errs, &lexicon.Error{File: zl.Name, Msg: fmt.Sprintf("no offset for %q of %s", e.Key(), tz.Name)})
		}
	}
	pll := ld.Load("timex/places.txt")
	for _, e := range pll.Entries {
		if o, ok := offsets(pll, e); ok {
			lx.places.add(e.Key(), o)
			lx.placeByName[e.Key()] = o
		}
	}

	lx.starters = map[string]bool{"the": true, "a": true, "an": true}
	for k := range lx.relative {
		lx.starters[k] = true
	}
	for k := range lx.offsetPhr {
		lx.starters[k] = true
	}
	for k := range lx.rangeWords {
		lx.starters[k] = true
	}
	for k, p := range lx.parts {
		if p.before {
			lx.starters[k] = true
		}
	}
	for k := range lx.wdMods {
		lx.starters[k] = true
	}
	for k := range lx.weekdays {
		lx.starters[k] = true
		lx.starters[k+"."] = true
	}

	if err := ld.Err(); err != nil {
		return nil, fmt.Errorf("timex: loading rules: %w", err)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("timex: loading rules: %w", errs)
	}
	return lx, nil
}

// isoUnit names the unit of a one-component ISO 8601 duration.
func isoUnit(s string) string {
	switch {
	case strings.HasPrefix(s, "PT") && strings.HasSuffix(s, "H"):
		return "hour"
	case strings.HasPrefix(s, "PT") && strings.HasSuffix(s, "M"):
		return "minute"
	case strings.HasPrefix(s, "PT") && strings.HasSuffix(s, "S"):
		return "second"
	case strings.HasSuffix(s, "D"):
		return "day"
	case strings.HasSuffix(s, "W"):
		return "week"
	case strings.HasSuffix(s, "M"):
		return "month"
	case strings.HasSuffix(s, "Y"):
		return "year"
	}
	return ""
}

func checkOffset(w offsetWord) bool {
	return (w.dir == "after" || w.dir == "before") && (w.anchor == "follows" || w.anchor == "previous" || w.anchor == "published")
}

// parseUTCOffset reads "+03:30" or "-04:00" as minutes east of UTC.
func parseUTCOffset(s string) (int, bool) {
	if len(s) != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(s[1:3])
	m, err2 := strconv.Atoi(s[4:6])
	if err1 != nil || err2 != nil || h > 14 || m > 59 {
		return 0, false
	}
	v := h*60 + m
	if s[0] == '-' {
		v = -v
	}
	return v, true
}
