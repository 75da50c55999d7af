package ingest

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"parallax"
)

// The rules InferMeta records in parallax.Inference.Rule.
const (
	RuleByline       = "byline"        // "By Jane Doe" → author
	RuleBylineStaff  = "byline-staff"  // "By Palestine Chronicle Staff" → outlet (and author)
	RuleBylineAgency = "byline-agency" // "By Jane Doe, Reuters" → outlet
	RuleDateline     = "dateline"      // "date 2025-06-23", "MOSCOW, June 23. /TASS/." → published, outlet
	RuleAgencyPrefix = "agency-prefix" // "MENAFN - Kashmir Observer)" → outlet (the aggregator is not)
	RuleAgency       = "agency"        // an agency span naming a known agency alone: "(Reuters) -"
	RuleSignoff      = "signoff"       // "Follow Frances Martel on X" → author
	RuleVia          = "via"           // "via June 22nd 2025" → published
	RuleHeadline     = "headline"      // the heading sentence at the top of the body → title
)

// The metadata fields InferMeta fills, as named in parallax.Inference.Field.
const (
	FieldOutlet    = "outlet"
	FieldAuthor    = "author"
	FieldPublished = "published"
	FieldTitle     = "title"
)

// Limits on what may pass for a name.
const (
	maxNameWords = 12
	maxNameBytes = 160
)

// InferMeta fills the empty metadata fields of a (Outlet, Author, Published,
// Title) from what its text says, using what the text engine marked on it
// (a.Furniture, a.Sentences, a.Tokens) and a.Text, and records each inferred
// field in a.Inferred with the rule and the furniture span (or sentence) it
// came from. Fields already set, by front matter for instance, are never
// overwritten, so calling it twice changes nothing.
//
// The furniture rules, strongest first for each field:
//
//   - outlet: a staff byline ("By Palestine Chronicle Staff" → Palestine
//     Chronicle) or an aggregator prefix ("MENAFN - Kashmir Observer)" →
//     Kashmir Observer); then an agency in a dateline ("/TASS/",
//     "(Reuters)"); then an agency ending a byline ("By Jane Doe, Reuters").
//   - author: the byline less its "By"; then a sign-off ("Follow Frances
//     Martel on Facebook", "Reporting by Jane Doe; Editing by John Roe").
//   - published: the date of a dateline or byline; then a "via" date. The
//     date is the first date token ([parallax.TokenDate]) inside the span
//     that has a day, a month and a year; a date without a year gives
//     nothing. Dates are UTC midnight.
//
// Among equally strong candidates the earliest in the text wins. When no
// title is known and the article's first sentence is a heading (the
// headline the text engine found at the top of the body), its text becomes
// the title (rule "headline").
//
// Spans and tokens outside the text, or not on character boundaries, are
// ignored.
func (l *Lists) InferMeta(a *parallax.Article) {
	if a == nil {
		return
	}
	var dates []parallax.Token
	for _, tok := range a.Tokens {
		if tok.Kind == parallax.TokenDate {
			dates = append(dates, tok)
		}
	}
	var cands []candidate
	for _, f := range a.Furniture {
		s := f.Span.In(a.Text)
		if s == "" || !utf8.ValidString(s) {
			continue
		}
		cands = append(cands, l.furniture(a.Text, f, dates)...)
	}
	// Strongest first, then earliest.
	slices.SortStableFunc(cands, func(x, y candidate) int {
		if c := cmp.Compare(y.rank, x.rank); c != 0 {
			return c
		}
		return cmp.Compare(x.span.Start, y.span.Start)
	})
	for _, c := range cands {
		switch c.field {
		case FieldOutlet:
			if a.Outlet == "" {
				a.Outlet = c.value
				a.Inferred = append(a.Inferred, c.inference())
			}
		case FieldAuthor:
			if a.Author == "" {
				a.Author = c.value
				a.Inferred = append(a.Inferred, c.inference())
			}
		case FieldPublished:
			if a.Published.IsZero() {
				a.Published = c.date
				a.Inferred = append(a.Inferred, c.inference())
			}
		}
	}
	if a.Title == "" {
		if title, span, ok := headline(a); ok {
			a.Title = title
			a.Inferred = append(a.Inferred, parallax.Inference{Field: FieldTitle, Rule: RuleHeadline, Span: span})
		}
	}
}

// headline returns the text of a's first sentence, with runs of white space
// made one space, and its span, if that sentence is a heading.
func headline(a *parallax.Article) (string, parallax.Span, bool) {
	if len(a.Sentences) == 0 || !a.Sentences[0].Heading {
		return "", parallax.Span{}, false
	}
	sp := a.Sentences[0].Span
	s := sp.In(a.Text)
	if !utf8.ValidString(s) {
		return "", parallax.Span{}, false
	}
	title := oneSpace(s)
	return title, sp, title != ""
}

// spanDate returns the full date of the first date token of dates that lies
// inside span of text, and the token's span. A token whose Date leaves a
// part unknown ("XXXX-06-23", "2025-06") gives nothing.
func spanDate(text string, span parallax.Span, dates []parallax.Token) (time.Time, parallax.Span, bool) {
	var best parallax.Token
	var date time.Time
	found := false
	for _, tok := range dates {
		if tok.Start < span.Start || tok.End > span.End || tok.Start >= tok.End || (found && tok.Start >= best.Start) {
			continue
		}
		if !isBoundary(text, tok.Start) || !isBoundary(text, tok.End) {
			continue
		}
		t, err := time.Parse(isoDateLayout, tok.Date)
		if err != nil {
			continue
		}
		best, date, found = tok, t, true
	}
	return date, best.Span, found
}

// isBoundary reports whether byte offset i of the valid UTF-8 text, at
// most len(text), starts a character or ends the text.
func isBoundary(text string, i int) bool {
	return i == len(text) || utf8.RuneStart(text[i])
}

// oneSpace returns s with runs of white space (no-break spaces too) made one
// space and no space at its ends: the form furniture values are read in.
func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// candidate is one value a furniture span suggests for a field.
type candidate struct {
	field string
	value string    // outlet, author
	date  time.Time // published
	rule  string
	rank  int // higher wins
	span  parallax.Span
}

func (c candidate) inference() parallax.Inference {
	return parallax.Inference{Field: c.field, Rule: c.rule, Span: c.span}
}

// furniture returns the candidates one furniture span f of text suggests;
// dates are the article's date tokens. The span lies inside text and is
// valid UTF-8. Values are read with runs of white space made one space; the
// evidence is the span.
func (l *Lists) furniture(text string, f parallax.Furniture, dates []parallax.Token) []candidate {
	span := f.Span
	var out []candidate
	add := func(field, value string, date time.Time, rule string, rank int) {
		out = append(out, candidate{field: field, value: value, date: date, rule: rule, rank: rank, span: span})
	}
	date, at, hasDate := spanDate(text, span, dates)
	s := oneSpace(text[span.Start:span.End])
	switch f.Kind {
	case parallax.FurnitureByline:
		if hasDate {
			add(FieldPublished, "", date, RuleByline, 2)
			// "By Jane Doe June 23, 2025" or "June 23, 2025 By Jane Doe".
			if before := oneSpace(text[span.Start:at.Start]); before != "" {
				s = before
			} else {
				s = oneSpace(text[at.End:span.End])
			}
		}
		b := l.byline(s)
		if b.author != "" {
			add(FieldAuthor, b.author, time.Time{}, RuleByline, 2)
		}
		switch {
		case b.staffOutlet != "":
			add(FieldOutlet, b.staffOutlet, time.Time{}, RuleBylineStaff, 3)
		case b.agency != "":
			add(FieldOutlet, b.agency, time.Time{}, RuleBylineAgency, 1)
		}
	case parallax.FurnitureDateline:
		if hasDate {
			add(FieldPublished, "", date, RuleDateline, 2)
		}
		if agency := l.datelineAgency(s); agency != "" {
			add(FieldOutlet, agency, time.Time{}, RuleDateline, 2)
		}
	case parallax.FurnitureAgency:
		if outlet := l.aggregatedOutlet(s); outlet != "" {
			add(FieldOutlet, outlet, time.Time{}, RuleAgencyPrefix, 3)
		} else if agency := match(l.Agencies, trimPunct(s)); agency != "" {
			add(FieldOutlet, agency, time.Time{}, RuleAgency, 2)
		}
	case parallax.FurnitureSignoff:
		if author := signoffAuthor(s); author != "" {
			add(FieldAuthor, author, time.Time{}, RuleSignoff, 1)
		}
	case parallax.FurnitureVia:
		if hasDate {
			add(FieldPublished, "", date, RuleVia, 1)
		}
	}
	return out
}

// bylinePrefix is the "By" that opens a byline, with the words that may
// come before it ("Written by", "Story by").
var bylinePrefix = regexp.MustCompile(`^(?i:(?:written|reported|story|words|text)\s+)?(?i:by)\b[\s:]*`)

// bylineParts is what a byline names.
type bylineParts struct {
	author      string // the byline less "By" (and less a trailing agency)
	staffOutlet string // X of "By X Staff"
	agency      string // a known agency ending the byline
}

// byline reads the text of a byline span.
func (l *Lists) byline(s string) bylineParts {
	s = trimBylinePunct(s)
	s = trimBylinePunct(bylinePrefix.ReplaceAllString(s, ""))
	if s == "" {
		return bylineParts{}
	}
	// "By Palestine Chronicle Staff", "By Jane Doe, Staff Writer",
	// "By Jane Doe, Palestine Chronicle Staff".
	for _, suffix := range l.StaffSuffixes {
		head, ok := cutSuffixWord(s, suffix)
		if !ok {
			continue
		}
		if i := strings.LastIndex(head, ","); i >= 0 {
			person, outlet := trimPunct(head[:i]), trimPunct(head[i+1:])
			return bylineParts{author: nameOrEmpty(person), staffOutlet: nameOrEmpty(outlet)}
		}
		if outlet := nameOrEmpty(head); outlet != "" {
			return bylineParts{author: nameOrEmpty(s), staffOutlet: outlet}
		}
		return bylineParts{}
	}
	// "By Reuters", "By Jane Doe, Reuters", "By Jane Doe (Reuters)".
	if agency := match(l.Agencies, s); agency != "" {
		return bylineParts{agency: agency}
	}
	if head, tail, ok := cutLastSeparator(s); ok {
		if agency := match(l.Agencies, tail); agency != "" {
			return bylineParts{author: nameOrEmpty(head), agency: agency}
		}
	}
	return bylineParts{author: nameOrEmpty(s)}
}

// cutSuffixWord removes the word or words suffix from the end of s, ignoring
// case, if they are preceded by a space; head is what comes before them.
func cutSuffixWord(s, suffix string) (head string, ok bool) {
	n := len(s) - len(suffix)
	if n <= 0 || !strings.EqualFold(s[n:], suffix) || s[n-1] != ' ' {
		return "", false
	}
	return strings.TrimSpace(s[:n]), true
}

// cutLastSeparator splits a byline at its last separator: a comma, a bar, a
// slash, a dash between spaces, or parentheses round the last part.
func cutLastSeparator(s string) (head, tail string, ok bool) {
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, "("); i > 0 {
			return trimPunct(s[:i]), trimPunct(s[i+1 : len(s)-1]), true
		}
	}
	best := -1
	width := 0
	for _, sep := range []string{",", "|", "/", " - ", " – ", " — "} {
		if i := strings.LastIndex(s, sep); i > best {
			best, width = i, len(sep)
		}
	}
	if best <= 0 {
		return "", "", false
	}
	return trimPunct(s[:best]), trimPunct(s[best+width:]), true
}

// datelineBrackets finds the names a dateline puts between slashes or in
// parentheses: "/TASS/", "(Reuters)".
var datelineBrackets = regexp.MustCompile(`/([^/\n]{1,40})/|\(([^()\n]{1,40})\)`)

// datelineAgency returns the known agency a dateline names, or "".
func (l *Lists) datelineAgency(s string) string {
	for _, m := range datelineBrackets.FindAllStringSubmatch(s, -1) {
		name := m[1]
		if name == "" {
			name = m[2]
		}
		if agency := match(l.Agencies, strings.TrimSpace(name)); agency != "" {
			return agency
		}
	}
	return ""
}

// aggregatedOutlet reads an aggregator prefix, "MENAFN - Kashmir
// Observer)", and returns the outlet it names, or "".
func (l *Lists) aggregatedOutlet(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "(")
	for _, agg := range l.Aggregators {
		if len(s) <= len(agg) || !strings.EqualFold(s[:len(agg)], agg) {
			continue
		}
		rest := s[len(agg):]
		trimmed := strings.TrimLeft(rest, " \t-–—:|")
		if len(trimmed) == len(rest) { // "MENAFNX": no separator
			continue
		}
		return nameOrEmpty(trimPunct(trimmed))
	}
	return ""
}

// Sign-off patterns.
var (
	// "Follow Frances Martel on Facebook and Twitter." "Follow Jane Doe on X @jdoe"
	signoffFollow = regexp.MustCompile(`^(?i:follow)\s+(.+?)\s+(?i:on)\s+\S`)
	// "Reporting by Jane Doe in London; Editing by John Roe"
	signoffReporting = regexp.MustCompile(`(?i)\b(?:reporting|writing|written|reported)\s+by\s+([^;\n]+)`)
	// Where the list of reporters ends: the next credit.
	signoffStop = regexp.MustCompile(`(?i)\b(?:additional|editing|edited|compiled|graphics|photos?|produced)\b`)
	// " and " or ", " between names.
	nameListSep = regexp.MustCompile(`\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*`)
)

// signoffAuthor returns the author a sign-off names, or "".
func signoffAuthor(s string) string {
	s = strings.TrimSpace(s)
	if m := signoffFollow.FindStringSubmatch(s); m != nil {
		return personName(trimPunct(m[1]))
	}
	m := signoffReporting.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	list := m[1]
	if loc := signoffStop.FindStringIndex(list); loc != nil {
		list = list[:loc[0]]
	}
	var names []string
	for _, part := range nameListSep.Split(trimPunct(list), -1) {
		// "Jane Doe in London" → "Jane Doe".
		if i := strings.Index(part, " in "); i > 0 {
			part = part[:i]
		}
		if name := personName(trimPunct(part)); name != "" {
			names = append(names, name)
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// nameParticles may stand in lower case inside a person's name.
var nameParticles = map[string]bool{
	"al": true, "bin": true, "da": true, "de": true, "del": true, "der": true, "di": true,
	"du": true, "el": true, "la": true, "le": true, "van": true, "von": true, "y": true,
}

// personName returns s if it looks like a person's name: two to five words,
// each capitalised (name particles aside); else "".
func personName(s string) string {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 {
		return ""
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && (i == 0 || !nameParticles[strings.ToLower(w)]) {
			return ""
		}
	}
	return strings.Join(words, " ")
}

// nameOrEmpty returns s with its spaces collapsed if it may be a name (of a
// person or an outlet): it starts with a capital letter or a digit and is
// short. Else it returns "".
func nameOrEmpty(s string) string {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > maxNameWords || len(s) > maxNameBytes {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(words[0])
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return ""
	}
	return strings.Join(words, " ")
}

// trimPunct trims spaces and the punctuation that frames furniture:
// "By Jane Doe." "(Reuters) -" "Kashmir Observer)".
func trimPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".,;:|()[]-–—/", r)
	})
}

// trimBylinePunct trims spaces and punctuation from a byline, leaving
// balanced parentheses: "By Jane Doe (AP)."
func trimBylinePunct(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".,;:|-–—/", r)
	})
	if (strings.HasSuffix(s, ")") && !strings.Contains(s, "(")) || (strings.HasPrefix(s, "(") && !strings.Contains(s, ")")) {
		return trimPunct(s)
	}
	return s
}
