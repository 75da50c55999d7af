package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"parallax"
)

// AllSidesFile is the path of the AllSides stories of NeuS (Lee et al.,
// NAACL 2022) under the shared data sets directory: one story a line, each
// with the editors' neutral roundup and a left, centre and right outlet's
// headline and lead excerpt, crawled from AllSides.com up to 2021-10-19.
// Research use only: it is read from there, never committed.
const AllSidesFile = "neus-allsides/headline_11_2021-10-19_crawled_all.jsonl"

// The stances of an AllSides story's articles, in the order of
// [AllSidesStory.Articles]. They are also the articles' IDs.
const (
	StanceLeft   = "left"
	StanceCenter = "center"
	StanceRight  = "right"
)

// AllSidesStances lists [StanceLeft], [StanceCenter] and [StanceRight] in
// that order.
var AllSidesStances = []string{StanceLeft, StanceCenter, StanceRight}

// AllSidesStory is one AllSides story: the editors' roundup and the
// articles of up to three outlets.
//
// The roundup is a list of paragraphs. The first is always the neutral
// summary of the event. Later paragraphs are of two kinds: more summary
// ("The 19–0 vote followed an all-virtual meeting ...") or a note on how
// the media covered the story ("Coverage was somewhat more common in left-
// and center-rated outlets ...", "Voices in right-rated outlets tended to
// ..."). Summary holds the first paragraph and every later one that is not
// a coverage note ([IsCoverageNote]); Notes holds the coverage notes. Only
// Summary is the reference a brief is scored against: a coverage note
// describes the outlets, not the event, and no article states it.
// The summary keeps the editors' occasional update lines ("Updated
// 8/27/21 at 8:32 a.m. ET ...", "Editor's Note, ...") as written.
type AllSidesStory struct {
	Line    int // line in the file, from 1
	ID      int
	Issue   string // the story's headline on AllSides
	Topic   string
	Link    string // path on allsides.com
	Date    time.Time
	Summary []string // roundup paragraphs that summarise the event, trimmed
	Notes   []string // roundup paragraphs about the coverage, left out
	// Left, Center and Right are the outlets' articles; an article is
	// missing when its Text is empty.
	Left, Center, Right AllSidesArticle
	// Skip says why the story cannot be scored, or is empty when it can:
	// the line is not valid JSON, the roundup has no summary, or an
	// article is missing. Skipped stories are kept, so that every line is
	// accounted for.
	Skip string
}

// AllSidesArticle is one outlet's article of an AllSides story: its
// headline and lead excerpt. Excerpts are a few paragraphs long and often
// end mid-sentence with "...".
type AllSidesArticle struct {
	ID     string // the stance: [StanceLeft], [StanceCenter] or [StanceRight]
	Outlet string // as AllSides names it: "CNN (Online News)", "Fox News (Online News)"
	Title  string
	URL    string
	// Paragraphs are the excerpt's paragraphs, trimmed, empty ones dropped.
	Paragraphs []string
	// Text is the paragraphs joined by blank lines.
	Text string
}

// Reference returns the text a brief of the story is scored against: the
// Summary paragraphs joined by blank lines.
func (s AllSidesStory) Reference() string { return strings.Join(s.Summary, "\n\n") }

// Articles returns the story's articles that are present, in the order
// left, centre, right.
func (s AllSidesStory) Articles() []AllSidesArticle {
	var out []AllSidesArticle
	for _, a := range []AllSidesArticle{s.Left, s.Center, s.Right} {
		if a.Text != "" {
			out = append(out, a)
		}
	}
	return out
}

// Article returns the article with the given ID (its stance), if present.
func (s AllSidesStory) Article(id string) (AllSidesArticle, bool) {
	for _, a := range s.Articles() {
		if a.ID == id {
			return a, true
		}
	}
	return AllSidesArticle{}, false
}

// ParallaxArticles returns the story's articles as Parallax articles, ready
// for the analysis pipeline: ID is the stance (so that a brief cites
// "left", "center" or "right"), Text the excerpt, Title the outlet's
// headline, Story the story ID, Published the story's date.
func (s AllSidesStory) ParallaxArticles() []*parallax.Article {
	var out []*parallax.Article
	for _, a := range s.Articles() {
		out = append(out, &parallax.Article{
			ID:        a.ID,
			Outlet:    a.Outlet,
			Title:     a.Title,
			Published: s.Date,
			URL:       a.URL,
			Language:  "en",
			Source:    AllSidesFile,
			Text:      a.Text,
			Story:     strconv.Itoa(s.ID),
		})
	}
	return out
}

// coverageNote matches the words of a paragraph about the media rather
// than the event. Written by reading every later roundup paragraph of
// [AllSidesFile]: it keeps the 49 that continue the summary and takes the
// 190 others as notes. A few of those report reactions rather than
// coverage ("Some on social media expressed their surprise ...",
// "Voices on all sides have expressed support ..."); they are left out
// too, being about opinion, not the event.
var coverageNote = regexp.MustCompile(`(?i)\b(coverage|covered|covering|outlets?|spectrum|voices|headlines?|homepages?|perspectives|media)\b|-rated\b`)

// IsCoverageNote reports whether a roundup paragraph is a note on the
// coverage rather than part of the summary: whether it speaks of coverage,
// outlets, the spectrum, voices, headlines, homepages, perspectives or the
// media, or of "left-rated" (and so on) sources. The first paragraph of a
// roundup is the summary whatever it says (some mention "outlets").
func IsCoverageNote(p string) bool { return coverageNote.MatchString(p) }

type allSidesRecord struct {
	ID      *int                       `json:"id"`
	Issue   string                     `json:"issue"`
	Topic   string                     `json:"topic"`
	Link    string                     `json:"link"`
	Date    string                     `json:"date"`
	Roundup []string                   `json:"roundup"`
	News    map[string]json.RawMessage `json:"news"`
}

type allSidesNews struct {
	Stance string   `json:"stance"`
	Source string   `json:"newsSource"`
	Title  string   `json:"newsTitle"`
	Link   string   `json:"newsLink"`
	Body   []string `json:"newBody"` // sic
}

// LoadAllSides reads every story of [AllSidesFile] under root, the shared
// data sets directory, one per line, in file order. A line that cannot be
// used is returned too, with Skip saying why ([SkipCounts] tallies them);
// the error is for a file that cannot be read at all.
//
// Paragraphs are trimmed (non-breaking spaces and tabs included) and
// empty ones dropped. A missing or unparsable date leaves Date zero.
func LoadAllSides(root string) ([]AllSidesStory, error) {
	name := filepath.Join(root, AllSidesFile)
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	var out []AllSidesStory
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		out = append(out, parseAllSides(line, sc.Bytes()))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", name, err)
	}
	return out, nil
}

// parseAllSides turns one line into a story, with Skip set when the line is
// not usable.
func parseAllSides(line int, b []byte) AllSidesStory {
	s := AllSidesStory{Line: line}
	var r allSidesRecord
	if err := json.Unmarshal(b, &r); err != nil {
		s.Skip = "invalid JSON"
		return s
	}
	if r.ID == nil {
		s.Skip = "no id"
		return s
	}
	s.ID, s.Issue, s.Topic, s.Link = *r.ID, strings.TrimSpace(r.Issue), r.Topic, r.Link
	if t, err := time.Parse(time.RFC3339, r.Date); err == nil {
		s.Date = t
	}
	for i, p := range trimParagraphs(r.Roundup) {
		if i > 0 && IsCoverageNote(p) {
			s.Notes = append(s.Notes, p)
		} else {
			s.Summary = append(s.Summary, p)
		}
	}
	var missing []string
	for _, st := range AllSidesStances {
		a, problem := parseAllSidesNews(st, r.News[st])
		if problem != "" {
			missing = append(missing, st+" article "+problem)
			continue
		}
		switch st {
		case StanceLeft:
			s.Left = a
		case StanceCenter:
			s.Center = a
		case StanceRight:
			s.Right = a
		}
	}
	switch {
	case len(s.Summary) == 0:
		s.Skip = "no roundup summary"
	case len(missing) > 0:
		s.Skip = strings.Join(missing, ", ")
	}
	return s
}

// parseAllSidesNews reads one side of a story's news, or says what is
// wrong with it: "missing", "invalid" or "without text".
func parseAllSidesNews(stance string, raw json.RawMessage) (AllSidesArticle, string) {
	if len(raw) == 0 || string(raw) == "null" {
		return AllSidesArticle{}, "missing"
	}
	var n allSidesNews
	if err := json.Unmarshal(raw, &n); err != nil {
		return AllSidesArticle{}, "invalid"
	}
	a := AllSidesArticle{
		ID:         stance,
		Outlet:     strings.TrimSpace(n.Source),
		Title:      strings.TrimSpace(n.Title),
		URL:        n.Link,
		Paragraphs: trimParagraphs(n.Body),
	}
	a.Text = strings.Join(a.Paragraphs, "\n\n")
	if a.Text == "" {
		return AllSidesArticle{}, "without text"
	}
	return a, ""
}

func trimParagraphs(ps []string) []string {
	var out []string
	for _, p := range ps {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// SkipCounts tallies the skipped stories by reason. The usable stories are
// those with an empty Skip.
func SkipCounts(stories []AllSidesStory) map[string]int {
	out := map[string]int{}
	for _, s := range stories {
		if s.Skip != "" {
			out[s.Skip]++
		}
	}
	return out
}

// FormatCounts formats counts by reason as "reason: n; reason: n", most
// frequent first, or "none".
func FormatCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s: %d", k, m[k])
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "; ")
}
