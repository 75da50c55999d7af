package text

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax"
)

// line is one line of the normalised text, and what the engine made of it.
type line struct {
	start, end  int // the line without its '\n', white space trimmed
	blankBefore bool
	blankAfter  bool
	kind        parallax.FurnitureKind // "" for body text and headings
	source      string
	heading     bool
	bodyStart   int // where body text begins, after prefixes marked as furniture
	prefixes    []parallax.Furniture
	consumed    bool // the prefixes cover the whole line
}

func (l *line) text(t string) string { return t[l.start:l.end] }

// splitLines cuts t into its non-empty lines, trimmed, noting blank lines.
func splitLines(t string) []line {
	var out []line
	blank := true // the start of the text counts as a blank line
	for i := 0; i <= len(t); {
		e := strings.IndexByte(t[i:], '\n')
		if e < 0 {
			e = len(t)
		} else {
			e += i
		}
		s, f := i, e
		for s < f && isSpaceRune(t, s) {
			_, size := utf8.DecodeRuneInString(t[s:])
			s += size
		}
		for f > s {
			r, size := utf8.DecodeLastRuneInString(t[s:f])
			if !unicode.IsSpace(r) {
				break
			}
			f -= size
		}
		if f > s {
			if n := len(out); n > 0 && blank {
				out[n-1].blankAfter = true
			}
			out = append(out, line{start: s, end: f, blankBefore: blank, bodyStart: s})
			blank = false
		} else {
			blank = true
		}
		if e == len(t) {
			break
		}
		i = e + 1
	}
	if n := len(out); n > 0 {
		out[n-1].blankAfter = true
	}
	return out
}

func isSpaceRune(t string, i int) bool {
	r, _ := utf8.DecodeRuneInString(t[i:])
	return unicode.IsSpace(r)
}

var (
	tweetURLRE = regexp.MustCompile(`(?i)\b(?:pic\.twitter\.com/\w+|(?:twitter|x)\.com/\w+/status/\d+)\S*$`)
	// "(PC, Kremlin, AJA)"
	sourceTagRE = regexp.MustCompile(`^\(([^()]{1,120})\)$`)
	// "By Palestine Chronicle Staff", "By Jane Doe and John Roe, Reuters"
	bylineRE = regexp.MustCompile(`^[Bb][Yy]:?\s+(\p{Lu}[\p{L}.'’\-]*(?:,?\s+(?:\p{Lu}[\p{L}.'’\-]*|and|&|of|the|de|da|van|von|al|bin|el|le|la))*)\s*$`)
	// "via June 22nd 2025"
	viaRE = regexp.MustCompile(`^(?i:via)\s+(\S.{0,60})$`)
	// "Follow Frances Martel on Facebook and Twitter."
	followRE = regexp.MustCompile(`^Follow\s+(\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3})\s+on\s+(.+)$`)
	// "Associated Press writer Maria Lee contributed to this report."
	contributedRE = regexp.MustCompile(`(?i)\bcontributed(?:\s+reporting)?(?:\s+to\s+(?:this|the)\s+(?:report|story|article))?\.?$`)
	creditsRE     = regexp.MustCompile(`^\(?(?:(?:Additional\s+)?[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ww]ritten)\s+by\s+\p{Lu}.{0,200}$`)
	// "WASHINGTON — ", "Moscow - " at the start of the first paragraph
	cityDashRE = regexp.MustCompile(`^(\p{Lu}[\p{L}.'\-]*(?:\s\p{Lu}[\p{L}.'\-]*)?(?:,\s\p{Lu}[\p{L}.]*)?)\s+(?:—|–|―|-{1,2})\s+\p{Lu}`)
	// "... (AP Photo/Ethan Swope)", "... (Reuters/Jane Doe)", "... (Photo: X)" at the end of a caption
	inlineCreditRE = regexp.MustCompile(`\s\(([^()]{2,80})\)$`)
)

// datePatterns are the expressions that need the month names of
// rules/text/months.txt.
type datePatterns struct {
	tweetSig   *regexp.Regexp // "— DD Geopolitics (@DD_Geopolitics) June 23, 2025"
	datePrefix *regexp.Regexp // "date 2025-06-23 ", "Updated 3:45 PM EDT, June 5, 2024"
	tass       *regexp.Regexp // "MOSCOW, June 23. /TASS/. "
	wire       *regexp.Regexp // "LONDON (Reuters) - ", "LONDON, June 23 (Reuters) - "
	// a date closing a byline line: " June 23, 2025", " | 2025-06-23 10:30"
	trailingDate *regexp.Regexp
}

func compileDatePatterns(months map[string]int) *datePatterns {
	names := make([]string, 0, len(months))
	for m := range months {
		names = append(names, regexp.QuoteMeta(m))
	}
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) > len(names[j])
		}
		return names[i] < names[j]
	})
	month := `(?i:` + strings.Join(names, "|") + `)\.?`
	clock := `\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?`
	date := `(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?|` + month + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+` + month + `,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4})`
	return &datePatterns{
		tweetSig:     regexp.MustCompile(`(?:^|\s)(?:—|–|--|-)\s*([^()\n]{1,80}?)\s*\((@\w{1,30})\)\s+` + month + `\s+\d{1,2},\s+\d{4}\s*$`),
		datePrefix:   regexp.MustCompile(`(?i)^(?:date|dated|published|posted|updated|last updated)(?:\s+on)?:?\s+(?:` + clock + `,?\s+)?` + date + `(?:,?\s+(?:at\s+)?` + clock + `)?\s*`),
		tass:         regexp.MustCompile(`^(\p{Lu}[\p{L}.'\-]*(?:[ -]\p{Lu}[\p{L}.'\-]*){0,3}),\s+` + month + `\s+\d{1,2}\.?\s*/([\p{L} -]{2,30})/\.?\s*`),
		trailingDate: regexp.MustCompile(`[\s,|·—–-]+` + date + `(?:,?\s+(?:at\s+)?` + clock + `)?\s*$`),
		wire:         regexp.MustCompile(`^(\p{Lu}[\p{L}.'\-]*(?:[ -]\p{Lu}[\p{L}.'\-]*){0,3})(?:,\s+(?:` + month + `\s+\d{1,2}(?:,?\s+\d{4})?|\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?))?\s+\(([\p{L} .]{2,30})\)\s*(?:—|–|―|-{1,2})\s*`),
	}
}

// classify marks the furniture and headings among lines.
func (e *Engine) classify(t string, lines []line) {
	nonEmpty := 0
	firstBody := -1
	for i := range lines {
		l := &lines[i]
		s := l.text(t)
		nonEmpty++
		switch {
		case (strings.Contains(s, "twitter.com/") || strings.Contains(s, "x.com/")) && tweetURLRE.MatchString(s) ||
			strings.Contains(s, "(@") && e.dp.tweetSig.MatchString(s):
			// An embedded post ends with its link or its signature; a link
			// inside a sentence is just a word.
			l.kind = parallax.FurnitureTweet
			if m := e.dp.tweetSig.FindStringSubmatch(s); m != nil {
				l.source = strings.TrimRight(strings.TrimSpace(m[1]), ".,;: ") + " (" + m[2] + ")"
				// A signature on a line of its own closes the post above it.
				if strings.IndexFunc(s, unicode.IsLetter) > strings.IndexAny(s, "—–-") && i > 0 && !l.blankBefore && lines[i-1].kind == "" {
					lines[i-1].kind = parallax.FurnitureTweet
				}
			}
			continue
		case isSourceTag(s):
			l.kind = parallax.FurnitureSourceTag
			l.source = sourceTagRE.FindStringSubmatch(s)[1]
			continue
		case e.isLabel(s):
			l.kind = parallax.FurnitureLabel
			continue
		}
		if src, ok := e.credit(s); ok {
			l.kind = parallax.FurnitureCredit
			l.source = src
			// The line above, in the same block, is its caption, unless
			// it is a paragraph of the article: a caption rarely ends a
			// sentence, and when it does it stands in a block of its own.
			if i > 0 && !l.blankBefore && lines[i-1].kind == "" && !lines[i-1].heading && len(lines[i-1].prefixes) == 0 {
				above := lines[i-1].text(t)
				if !endsSentence(above) || lines[i-1].blankBefore && l.blankAfter && hasBlankLines(lines) {
					lines[i-1].kind = parallax.FurnitureCaption
				}
			}
			continue
		}
		if s[len(s)-1] != ')' {
			// no credit in parentheses at the end
		} else if m := inlineCreditRE.FindStringSubmatchIndex(s); m != nil && countFields(s) <= 60 {
			// "Firefighters battle the blaze, Jan. 8, 2025. (AP Photo/Ethan Swope)"
			if src, ok := e.credit(s[m[2]:m[3]]); ok {
				at := l.start + m[0] + 1
				l.prefixes = append(l.prefixes,
					parallax.Furniture{Kind: parallax.FurnitureCaption, Span: parallax.Span{Start: l.start, End: l.start + trimEnd(s[:m[0]])}},
					parallax.Furniture{Kind: parallax.FurnitureCredit, Span: parallax.Span{Start: at, End: l.end}, Source: src})
				l.consumed = true
				continue
			}
		}
		if !strings.HasPrefix(s, "Follow ") {
			// not a sign-off
		} else if m := followRE.FindStringSubmatch(s); m != nil && e.namesSocial(m[2]) {
			l.kind = parallax.FurnitureSignoff
			l.source = m[1]
			continue
		}
		if len(s) < 400 && strings.Contains(s, "by ") && creditsRE.MatchString(s) ||
			len(s) < 300 && strings.Contains(s, "ontributed") && contributedRE.MatchString(s) {
			l.kind = parallax.FurnitureSignoff
			continue
		}
		if len(s) < 80 && (s[0] == 'v' || s[0] == 'V') && viaRE.MatchString(s) && countFields(s) <= 6 && !endsSentence(s) {
			l.kind = parallax.FurnitureVia
			l.source = viaRE.FindStringSubmatch(s)[1]
			continue
		}
		// Metadata at the head of the page: "date 2025-06-23 By X Staff".
		if nonEmpty <= 4 && firstBody < 0 {
			rest := l.start
			if len(s) < 4 || !strings.ContainsRune("DdPpUuLl", rune(s[0])) {
				// no date prefix: they all start with one of these letters
			} else if m := e.dp.datePrefix.FindStringIndex(s); m != nil {
				l.prefixes = append(l.prefixes, parallax.Furniture{Kind: parallax.FurnitureDateline, Span: parallax.Span{Start: l.start, End: l.start + trimEnd(s[:m[1]])}})
				rest = l.start + m[1]
			}
			r := t[rest:l.end]
			end, dated := l.end, -1
			isBy := len(r) > 3 && (r[0] == 'B' || r[0] == 'b') && (r[1] == 'y' || r[1] == 'Y')
			if !isBy {
				// no byline
			} else if m := e.dp.trailingDate.FindStringIndex(r); m != nil {
				// "By Jane Doe June 23, 2025": a byline, then its date
				end, dated = rest+m[0], rest+m[0]+len(r[m[0]:])-len(strings.TrimLeft(r[m[0]:], " ,|·—–-"))
			}
			if b := t[rest:end]; isBy && countFields(b) <= 9 && bylineRE.MatchString(b) {
				l.prefixes = append(l.prefixes, parallax.Furniture{Kind: parallax.FurnitureByline, Span: parallax.Span{Start: rest, End: rest + trimEnd(b)}})
				if dated >= 0 {
					l.prefixes = append(l.prefixes, parallax.Furniture{Kind: parallax.FurnitureDateline, Span: parallax.Span{Start: dated, End: l.end}})
				}
				rest = l.end
			}
			if rest == l.end {
				l.consumed = true
				continue
			}
			if len(l.prefixes) > 0 {
				l.bodyStart = rest
			}
		}
		if firstBody < 0 && e.isHeading(t, lines, i, true) {
			l.heading = true
			continue
		}
		if firstBody >= 0 && e.isHeading(t, lines, i, false) {
			l.heading = true
			continue
		}
		if firstBody < 0 {
			firstBody = i
			e.leadPrefixes(t, l)
		}
	}
}

// leadPrefixes marks the agency prefix and dateline that open the first
// paragraph: "MENAFN - Kashmir Observer) Moscow - Russian President ...".
func (e *Engine) leadPrefixes(t string, l *line) {
	at := l.bodyStart
	s := t[at:l.end]
	for _, agg := range e.lx.aggregators {
		if !strings.HasPrefix(s, agg) {
			continue
		}
		rest := s[len(agg):]
		r := strings.TrimLeft(rest, " ")
		if r2, ok := cutDash(r); ok {
			if close := strings.IndexByte(r2, ')'); close > 0 && close <= 80 && !strings.ContainsRune(r2[:close], '(') {
				outlet := strings.TrimSpace(r2[:close])
				end := len(s) - len(r2) + close + 1
				l.prefixes = append(l.prefixes, parallax.Furniture{Kind: parallax.FurnitureAgency, Span: parallax.Span{Start: at, End: at + end}, Source: outlet})
				at += end
				at += len(t[at:l.end]) - len(strings.TrimLeft(t[at:l.end], " "))
				s = t[at:l.end]
			}
		}
		break
	}
	if m := e.dp.tass.FindStringSubmatchIndex(s); m != nil {
		src := s[m[4]:m[5]]
		l.prefixes = append(l.prefixes, parallax.Furniture{Kind: parallax.FurnitureDateline, Span: parallax.Span{Start: at, End: at + trimEnd(s[:m[1]])}, Source: src})
		at += m[1]
	} else if m := e.dp.wire.FindStringSubmatchIndex(s); m != nil && e.isAgency(s[m[4]:m[5]]) {
		l.prefixes = append(l.prefixes, parallax.Furniture{Kind: parallax.FurnitureDateline, Span: parallax.Span{Start: at, End: at + trimEnd(s[:m[1]])}, Source: s[m[4]:m[5]]})
		at += m[1]
	} else if m := cityDashRE.FindStringSubmatchIndex(s); m != nil && (len(l.prefixes) > 0 || isAllCaps(strings.SplitN(s[m[2]:m[3]], ",", 2)[0])) {
		end := m[1] - 1 // keep the capital that starts the sentence
		l.prefixes = append(l.prefixes, parallax.Furniture{Kind: parallax.FurnitureDateline, Span: parallax.Span{Start: at, End: at + trimEnd(s[:end])}})
		at += end
	}
	l.bodyStart = at
}

func cutDash(s string) (string, bool) {
	for _, d := range []string{"—", "–", "--", "-"} {
		if r, ok := strings.CutPrefix(s, d); ok {
			return strings.TrimLeft(r, " "), true
		}
	}
	return s, false
}

// trimEnd returns the length of s without trailing white space.
func trimEnd(s string) int { return len(strings.TrimRight(s, " \t")) }

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

func (e *Engine) isAgency(name string) bool {
	_, ok := e.lx.agencies[strings.TrimSpace(name)]
	return ok
}

func (e *Engine) isLabel(s string) bool {
	if len(s) > 80 {
		return false
	}
	s = strings.ToLower(strings.TrimRight(s, " .:!|·•›»>"))
	short := countFields(s) <= 8
	for _, g := range e.lx.labels {
		if len(g.parts) > 1 && !short {
			continue // a pattern with '*' never takes a whole sentence
		}
		if g.match(s) {
			return true
		}
	}
	return false
}

// isSourceTag reports whether s is a parenthesised list of short source
// names: "(PC, Kremlin, AJA)".
func isSourceTag(s string) bool {
	if s[0] != '(' || s[len(s)-1] != ')' {
		return false
	}
	m := sourceTagRE.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	items := strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ';' || r == '/' })
	if len(items) < 2 && !isAllCaps(m[1]) {
		return false
	}
	for _, it := range items {
		w := strings.Fields(it)
		if len(w) == 0 || len(w) > 4 {
			return false
		}
		if r := first0(w[0]); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// credit reports whether s is a photo credit, and the agency it names.
func (e *Engine) credit(s string) (string, bool) {
	if len(s) > 200 || countFields(s) > 16 {
		return "", false
	}
	if endsSentence(s) {
		return "", false
	}
	low := strings.ToLower(s)
	for _, m := range e.lx.creditMarkers {
		if strings.HasPrefix(low, m) && countFields(s) <= 12 {
			return strings.TrimSpace(s[len(m):]), true
		}
		if strings.HasPrefix(low, "("+m) && strings.HasSuffix(s, ")") {
			return strings.TrimSpace(s[len(m)+1 : len(s)-1]), true
		}
	}
	// "FABRICE COFFRINI/AFP via Getty Images", "Reuters/Jane Doe", "AP Photo/John Roe"
	if slash := strings.IndexByte(s, '/'); slash > 0 && !strings.Contains(s, "://") {
		left, right := strings.TrimSpace(s[:slash]), strings.TrimSpace(s[slash+1:])
		if e.agencyPrefix(strings.ToLower(right)) != "" {
			return right, true
		}
		if e.agencyPrefix(strings.ToLower(left)) != "" && len(strings.Fields(right)) <= 4 {
			return left, true
		}
	}
	// "Jane Doe via Getty Images", "Jane Doe | Reuters"
	for _, sep := range []string{" via ", " | ", " for "} {
		if i := strings.LastIndex(low, sep); i > 0 {
			if a := e.agencyPrefix(low[i+len(sep):]); a != "" && len(a) == len(low)-i-len(sep) {
				return s[i+len(sep):], true
			}
		}
	}
	return "", false
}

// agencyPrefix returns the photo agency that s (lower case) starts with,
// whole words only, or "".
func (e *Engine) agencyPrefix(s string) string {
	best := ""
	for _, a := range e.lx.photoAgencies {
		if len(a) > len(best) && strings.HasPrefix(s, a) && (len(s) == len(a) || !isLetterOrDigit(first0(s[len(a):]))) {
			best = a
		}
	}
	return best
}

func (e *Engine) namesSocial(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '.' }) {
		if e.lx.social[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// endsSentence reports whether s ends with terminal punctuation, before any
// closing quotes.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, isCloser)
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// isHeading reports whether lines[i] is a heading: a short line without
// final punctuation, standing as its own paragraph, in title case; or, at
// the top of the text, a headline in any case.
func (e *Engine) isHeading(t string, lines []line, i int, top bool) bool {
	l := &lines[i]
	s := t[l.bodyStart:l.end]
	if len(s) > 200 || countFields(s) > 20 {
		return false
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 20 || i == len(lines)-1 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(s, isCloser))
	if strings.ContainsRune(".!?:;,…", last) || strings.HasSuffix(s, "\"") {
		return false
	}
	if !unicode.IsUpper(first0(strings.TrimLeft(s, "\"'“‘"))) && !unicode.IsDigit(first0(s)) {
		return false
	}
	// Its own paragraph: set off by blank lines, or every line is one.
	if !(l.blankBefore && l.blankAfter) && !(top && l.blankAfter) && hasBlankLines(lines) {
		return false
	}
	if len(e.seg.Sentences(s)) > 1 {
		return false // "Firefighters battle the blaze, Jan. 8, 2025. More ..."
	}
	if top && len(words) <= 20 {
		return true
	}
	if len(words) <= 6 && l.blankBefore && l.blankAfter && hasBlankLines(lines) {
		return true // a short subhead in sentence case: "Negotiations continue"
	}
	if len(words) > 14 {
		return false
	}
	content, capital := 0, 0
	for k, w := range words {
		w = strings.Trim(w, "\"'“‘”’()[],")
		if w == "" || !unicode.IsLetter(first0(w)) {
			continue
		}
		if k > 0 && e.lx.smallWords[strings.ToLower(w)] {
			continue
		}
		content++
		if unicode.IsUpper(first0(w)) {
			capital++
		}
	}
	return content > 0 && capital*4 >= content*3
}

func hasBlankLines(lines []line) bool {
	for i := range lines {
		if i > 0 && lines[i].blankBefore {
			return true
		}
	}
	return false
}
