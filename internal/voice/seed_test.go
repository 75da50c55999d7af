package voice

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"parallax"
)

// seedQuotes extracts the double-quoted stretches of the seed articles, the
// way a simple quote finder would: from an opening quotation mark (curly or
// straight) to the closing one or to the end of the paragraph, whichever
// comes first, so that a quotation continued over paragraphs (each opening
// with a mark, only the last closed) gives one quote per paragraph. Every
// quote is direct with speaker "".
func seedQuotes(t testing.TB) []parallax.Quote {
	t.Helper()
	files, err := filepath.Glob("../../testdata/moscow-2025-06-23/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("seed story: %v (%d files)", err, len(files))
	}
	slices.Sort(files)
	var quotes []parallax.Quote
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		article := strings.TrimSuffix(filepath.Base(f), ".txt")
		for _, sp := range quotedStretches(string(data)) {
			txt := strings.TrimSpace(string(data)[sp.Start:sp.End])
			if txt == "" {
				continue
			}
			quotes = append(quotes, parallax.Quote{
				ID:      "q" + strconv.Itoa(len(quotes)+1),
				Article: article,
				Text:    txt,
				Kind:    parallax.Direct,
				Span:    sp,
			})
		}
	}
	return quotes
}

// quotedStretches returns the spans between quotation marks in s.
func quotedStretches(s string) []parallax.Span {
	var out []parallax.Span
	open := -1
	var closer rune
	for i, r := range s {
		switch {
		case open < 0 && (r == '“' || r == '"'):
			open = i + len(string(r))
			closer = '”'
			if r == '"' {
				closer = '"'
			}
		case open >= 0 && (r == closer || r == '\n'):
			out = append(out, parallax.Span{Start: open, End: i})
			open = -1
		}
	}
	if open >= 0 {
		out = append(out, parallax.Span{Start: open, End: len(s)})
	}
	return out
}

// TestSeedStory is a structural test on the seed story: the quotes come
// from [seedQuotes], not from the quote extractor, and carry no speaker, so
// only wording can group them. It checks that Putin's line on the
// aggression having no basis or justification forms one group across all
// five articles, that his welcome ("very glad / pleased ... Moscow today")
// forms another, and that no group mixes quotes marked as different
// utterances. The markers below select quotes for the check; the package
// code knows nothing of them.
func TestSeedStory(t *testing.T) {
	g := newTestGrouper(t)
	quotes := seedQuotes(t)
	groups := g.Group(quotes)
	byID := map[string]parallax.QuoteGroup{}
	for _, gr := range groups {
		byID[gr.ID] = gr
	}
	all := []string{"000", "001", "002", "003", "004"}
	for _, tc := range []struct {
		name   string
		marker *regexp.Regexp
	}{
		{"no basis or justification", regexp.MustCompile(`(?i)\b(basis|foundation)\b`)},
		{"glad to see you in Moscow", regexp.MustCompile(`(?i)\b(glad|pleased)\b.*\bmoscow\b`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			group := ""
			var articles []string
			for _, q := range quotes {
				if !tc.marker.MatchString(q.Text) {
					continue
				}
				if q.Group == "" {
					t.Errorf("%s %q: in no group", q.Article, q.Text)
					continue
				}
				if group == "" {
					group = q.Group
				} else if q.Group != group {
					t.Errorf("%s %q: in %s, want %s", q.Article, q.Text, q.Group, group)
				}
				if !slices.Contains(articles, q.Article) {
					articles = append(articles, q.Article)
				}
			}
			if !slices.Equal(articles, all) {
				t.Errorf("quotes found in articles %v, want %v", articles, all)
			}
			if gr, ok := byID[group]; ok && !slices.Equal(gr.Articles, all) {
				t.Errorf("group %s spans %v, want %v", group, gr.Articles, all)
			}
		})
	}

	// Each marker stands for one utterance; no group may hold quotes of
	// two (quotes holding two markers are left out of the check).
	markers := map[string]*regexp.Regexp{
		"aggression line": regexp.MustCompile(`(?i)\b(basis|foundation)\b`),
		"welcome":         regexp.MustCompile(`(?i)\b(glad|pleased)\b`),
		"right side":      regexp.MustCompile(`(?i)right side of`),
		"radiation":       regexp.MustCompile(`(?i)radiation hazard`),
		"needs":           regexp.MustCompile(`(?i)what Iran needs`),
		"escalation":      regexp.MustCompile(`(?i)spiral of escalation`),
		"information":     regexp.MustCompile(`(?i)detailed information`),
		"juncture":        regexp.MustCompile(`(?i)juncture`),
		"self-defence":    regexp.MustCompile(`(?i)legitimate`),
		"trump":           regexp.MustCompile(`(?i)obliterated|spectacular|bully`),
	}
	seen := map[string]map[string]string{} // group → marker → a quote
	for _, q := range quotes {
		var hit []string
		for name, re := range markers {
			if re.MatchString(q.Text) {
				hit = append(hit, name)
			}
		}
		if q.Group == "" || len(hit) != 1 {
			continue
		}
		if seen[q.Group] == nil {
			seen[q.Group] = map[string]string{}
		}
		seen[q.Group][hit[0]] = q.Text
	}
	for gid, m := range seen {
		if len(m) > 1 {
			t.Errorf("group %s mixes utterances: %q", gid, m)
		}
	}

	// Every group is well formed.
	for _, gr := range groups {
		if len(gr.Quotes) < 2 || len(gr.Articles) < 2 || len(gr.Variants) != len(gr.Quotes) || gr.Canonical == "" {
			t.Errorf("malformed group %+v", gr)
		}
	}
}
