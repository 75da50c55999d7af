package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"parallax"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixture builds a small analysis by hand: two articles in one story, a
// headline and a section heading, a quoted sentence, furniture of several
// kinds, Markdown special characters in the text, an inferred outlet, and a
// warning.
func fixture(t testing.TB) *parallax.Analysis {
	t.Helper()
	text1 := "date 2025-06-23 By Palestine Chronicle Staff\n" +
		"Putin meets Araghchi in Moscow\n" +
		"Russian President Vladimir Putin received Iran's foreign minister in the Kremlin on Monday. " +
		"“The aggression against Iran is absolutely unprovoked,” Putin said.\n" +
		"Diplomacy, But No Defense Pact\n" +
		"Markdown *stars*, _under_scores_, a | pipe, # hash, `ticks`, <b>tags</b> & :fire: stay as written.\n" +
		"(PC, Kremlin, AJA)\n"
	a1 := &parallax.Article{
		ID:     "a1",
		Outlet: "Palestine Chronicle",
		Title:  "Putin meets Araghchi in Moscow",
		Source: "fixtures/one.txt",
		Words:  41,
		Text:   text1,
		Story:  "s1",
		Inferred: []parallax.Inference{
			{Field: "outlet", Rule: "byline", Span: span(t, text1, "By Palestine Chronicle Staff")},
			{Field: "published", Rule: "dateline", Span: span(t, text1, "date 2025-06-23")},
		},
		Published: time.Date(2025, 6, 23, 0, 0, 0, 0, time.UTC),
		Sentences: []parallax.Sentence{
			{Span: span(t, text1, "Putin meets Araghchi in Moscow"), Heading: true},
			{Span: span(t, text1, "Russian President Vladimir Putin received Iran's foreign minister in the Kremlin on Monday.")},
			{Span: span(t, text1, "“The aggression against Iran is absolutely unprovoked,” Putin said."), Quoted: true},
			{Span: span(t, text1, "Diplomacy, But No Defense Pact"), Heading: true},
			{Span: span(t, text1, "Markdown *stars*, _under_scores_, a | pipe, # hash, `ticks`, <b>tags</b> & :fire: stay as written.")},
		},
		Furniture: []parallax.Furniture{
			{Kind: parallax.FurnitureDateline, Span: span(t, text1, "date 2025-06-23")},
			{Kind: parallax.FurnitureByline, Span: span(t, text1, "By Palestine Chronicle Staff"), Source: "Palestine Chronicle"},
			{Kind: parallax.FurnitureSourceTag, Span: span(t, text1, "(PC, Kremlin, AJA)"), Source: "PC, Kremlin, AJA"},
		},
	}

	text2 := "Iran's foreign minister Abbas Araghchi met Russian President Vladimir Putin in Moscow on Monday, two days " +
		"after the United States struck three nuclear sites in Iran, and asked for support.\n" +
		"Putin: “Russia is making efforts to assist the Iranian people.” pic.twitter.com/abc123 — Press TV (@PressTV) June 23, 2025\n" +
		"Photo: NAME/AFP via Getty Images\n"
	a2 := &parallax.Article{
		ID:        "a2",
		Title:     "Putin: Iran's aggression 'unprovoked'",
		Author:    "Jane Doe",
		Published: time.Date(2025, 6, 23, 14, 5, 0, 0, time.FixedZone("", 3*60*60)),
		URL:       "https://example.com/news/putin_araghchi?id=1",
		Source:    "fixtures/two.txt",
		Words:     31,
		Text:      text2,
		Story:     "s1",
		Sentences: []parallax.Sentence{
			{Span: span(t, text2, "Iran's foreign minister Abbas Araghchi met Russian President Vladimir Putin in Moscow on Monday, two days "+
				"after the United States struck three nuclear sites in Iran, and asked for support.")},
		},
		Furniture: []parallax.Furniture{
			{Kind: parallax.FurnitureTweet, Span: span(t, text2, "Putin: “Russia is making efforts to assist the Iranian people.” pic.twitter.com/abc123 — Press TV (@PressTV) June 23, 2025"), Source: "Press TV (@PressTV)"},
			{Kind: parallax.FurnitureCredit, Span: span(t, text2, "NAME/AFP via Getty Images"), Source: "AFP"},
		},
	}
	return &parallax.Analysis{
		Articles: []*parallax.Article{a1, a2},
		Stories: []*parallax.Story{{
			ID:       "s1",
			Title:    "Putin meets Araghchi in Moscow",
			Articles: []string{"a1", "a2"},
			Outlets:  []string{"Palestine Chronicle", "fixtures/two.txt"},
			Entities: []parallax.Entity{
				{ID: "e1", Name: "Vladimir Putin", Type: parallax.Person, Aliases: []string{"Putin"}, Roles: []string{"russian president"},
					Mentions: map[string]int{"a1": 2, "a2": 1}, Confidence: 0.9},
				{ID: "e2", Name: "Abbas Araghchi", Type: parallax.Person, Aliases: []string{"Iran's foreign minister"},
					Roles: []string{"iran's foreign minister"}, Mentions: map[string]int{"a1": 1, "a2": 1}, Confidence: 0.8},
				{ID: "e3", Name: "Iran", Type: parallax.Place, Aliases: []string{}, Mentions: map[string]int{"a1": 2, "a2": 2}, Confidence: 1},
			},
			Naming: []parallax.Naming{
				{Entity: "e1", ByArticle: map[string][]string{"a1": {"Vladimir Putin", "Putin"}, "a2": {"Vladimir Putin"}}},
				{Entity: "e2", ByArticle: map[string][]string{"a1": {"Iran's foreign minister"}, "a2": {"Abbas Araghchi"}}},
			},
			Quotes: []parallax.Quote{
				{ID: "q1", Article: "a1", Speaker: "e1", SpeakerText: "Putin", SpeakerSpan: span(t, text1, "Putin said"),
					Text: "The aggression against Iran is absolutely unprovoked", Kind: parallax.Direct,
					Span: span(t, text1, "The aggression against Iran is absolutely unprovoked"), Cue: "said", Stance: "neutral", Group: "g1", Confidence: 0.9},
				{ID: "q2", Article: "a2", Speaker: "e1", SpeakerText: "Putin", Text: "Russia is making efforts to assist the Iranian people",
					Kind: parallax.Direct, Span: span(t, text2, "Russia is making efforts to assist the Iranian people"), Via: "Press TV", Confidence: 0.7},
				{ID: "q3", Article: "a2", Text: "asked for support", Kind: parallax.Indirect, SpeakerText: "Abbas Araghchi",
					Span: span(t, text2, "asked for support"), Group: "g1", Confidence: 0.4},
			},
			QuoteGroups: []parallax.QuoteGroup{{ID: "g1", Speaker: "e1", Quotes: []string{"q1", "q3"}, Articles: []string{"a1", "a2"},
				Canonical: "The aggression against Iran is absolutely unprovoked",
				Variants: []parallax.QuoteVariant{
					{Quote: "q1", Article: "a1", Diff: []parallax.DiffOp{{Op: parallax.DiffEqual, Text: "The aggression against Iran is absolutely unprovoked"}}},
					{Quote: "q3", Article: "a2", Diff: []parallax.DiffOp{{Op: parallax.DiffDelete, Text: "The aggression against Iran is absolutely unprovoked"}, {Op: parallax.DiffInsert, Text: "asked for *support*"}}},
				}}},
			VoiceShare: map[string]map[string]float64{"a1": {"e1": 1}, "a2": {"e1": 0.75}},
			Voices: map[string][]parallax.Voice{
				"a1": {{Speaker: "e1", SpeakerName: "Vladimir Putin", Quotes: 1, Words: 7, Share: 1}},
				"a2": {{Speaker: "e1", SpeakerName: "Vladimir Putin", Quotes: 1, Words: 9, Share: 0.75}, {Quotes: 1, Words: 3, Share: 0.25}},
			},
			Claims: []parallax.Claim{
				{ID: "c1", Text: "Putin met Iran's foreign minister in Moscow on Monday", Coverage: 2, Status: parallax.StatusConsensus,
					Support: []parallax.Support{{Article: "a1", Span: span(t, text1, "Russian President Vladimir Putin received Iran's foreign minister in the Kremlin on Monday.")},
						{Article: "a2", Span: span(t, text2, "Iran's foreign minister Abbas Araghchi met Russian President Vladimir Putin in Moscow on Monday"), Score: 0.8, Matched: []string{"entity: e1", "stems: meet, monday"}}}},
				{ID: "c2", Text: "The United States struck three nuclear sites in Iran", Coverage: 1, Status: parallax.StatusUnique,
					Support: []parallax.Support{{Article: "a2", Span: span(t, text2, "the United States struck three nuclear sites in Iran")}}},
			},
			Omissions: map[string][]string{"a1": {"c2"}},
			Contradictions: []parallax.Contradiction{{ID: "x1", Kind: parallax.ContradictDate, About: "when the strikes took place",
				Statements: []parallax.Statement{
					{Article: "a1", Text: "on Monday", Value: "2025-06-23", Span: span(t, text1, "on Monday")},
					{Article: "a2", Text: "two days after", Value: "2025-06-21", Span: span(t, text2, "two days after")},
				}}},
			Timeline: []parallax.TimelineEvent{
				{Date: "2025-06-21", Text: "The United States struck three nuclear sites in Iran", Articles: []string{"a2"}},
				{Date: "2025-06-23", Text: "Putin met Araghchi in Moscow", Articles: []string{"a1", "a2"}},
			},
			Summary: parallax.Summary{Sentences: []parallax.SummarySentence{
				{Text: "Putin met Iran's foreign minister in Moscow on Monday.", Citations: []string{"a1", "a2"}, Claims: []string{"c1"}},
				{Text: "According to a2, the United States struck three nuclear sites in Iran.", Citations: []string{"a2"}, Claims: []string{"c2"}},
			}},
			CitedSources: map[string][]parallax.CitedSource{
				"a1": {{Name: "PC", Span: span(t, text1, "PC"), Kind: parallax.SourceOutlet, Named: true}, {Name: "Kremlin", Span: span(t, text1, "Kremlin, AJA"), Kind: parallax.SourceOfficial, Named: true}},
				"a2": {{Name: "Press TV", Span: span(t, text2, "Press TV"), Kind: parallax.SourceSocial, Named: true}, {Name: "officials", Span: span(t, text2, "asked"), Kind: parallax.SourceUnnamed}},
			},
		}},
		Warnings: []parallax.Warning{{Input: "fixtures/empty.txt", Message: "empty file"}},
	}
}

// span returns the span of the first occurrence of sub in text.
func span(t testing.TB, text, sub string) parallax.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("fixture: %q not in text", sub)
	}
	return parallax.Span{Start: i, End: i + len(sub)}
}

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got), run go test -update if the change is intended:\n%s", path, diff)
	}
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name   string
		render func(w *bytes.Buffer, a *parallax.Analysis) error
	}{
		{"analysis.json", func(w *bytes.Buffer, a *parallax.Analysis) error { return JSON(w, a) }},
		{"analysis.txt", func(w *bytes.Buffer, a *parallax.Analysis) error { return Text(w, a, TextOptions{}) }},
		{"analysis-60.txt", func(w *bytes.Buffer, a *parallax.Analysis) error { return Text(w, a, TextOptions{Width: 60}) }},
		{"analysis.md", func(w *bytes.Buffer, a *parallax.Analysis) error { return Markdown(w, a) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.render(&buf, fixture(t)); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name, buf.Bytes())
		})
	}
}

func TestJSONRoundTrip(t *testing.T) {
	want := fixture(t)
	var buf bytes.Buffer
	if err := JSON(&buf, want); err != nil {
		t.Fatal(err)
	}
	var got parallax.Analysis
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, &got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("JSON does not decode to the analysis it encodes (-want +got):\n%s", diff)
	}
}

func TestJSONEmptyLists(t *testing.T) {
	tests := []struct {
		name string
		in   *parallax.Analysis
		want string
	}{
		{"nil analysis", nil, `{"articles":[],"stories":[],"warnings":[]}`},
		{"nil lists", &parallax.Analysis{
			Articles: []*parallax.Article{{ID: "a1"}},
			Stories:  []*parallax.Story{{ID: "s1"}},
		}, `{"articles":[{"id":"a1","outlet":"","title":"","author":"","published":null,"url":"","source":"","words":0,"text":"","story":"","syndicated_from":"","sentences":[],"furniture":[]}],` +
			`"stories":[{"id":"s1","title":"","articles":[],"outlets":[],"entities":[],"mentions":[],"naming":[],"quotes":[],"quote_groups":[],` +
			`"voice_share":{},"voices":{},"cited_sources":{},"claims":[],"omissions":{},"contradictions":[],"timeline":[],"summary":{"sentences":[]}}],"warnings":[]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := JSON(&buf, tt.in); err != nil {
				t.Fatal(err)
			}
			var compact bytes.Buffer
			if err := json.Compact(&compact, buf.Bytes()); err != nil {
				t.Fatal(err)
			}
			if got := compact.String(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestJSONDoesNotChangeInput(t *testing.T) {
	a := &parallax.Analysis{Articles: []*parallax.Article{{ID: "a1"}}}
	if err := JSON(&bytes.Buffer{}, a); err != nil {
		t.Fatal(err)
	}
	if a.Articles[0].Sentences != nil || a.Stories != nil || a.Warnings != nil {
		t.Error("JSON changed the analysis it was given")
	}
}

func TestTextWidth(t *testing.T) {
	for _, width := range []int{60, 80, 100, 140} {
		var buf bytes.Buffer
		if err := Text(&buf, fixture(t), TextOptions{Width: width}); err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(buf.String(), "\n") {
			if n := utf8.RuneCountInString(line); n > width {
				t.Errorf("width %d: line %d has %d characters: %q", width, i+1, n, line)
			}
			if strings.HasSuffix(line, " ") {
				t.Errorf("width %d: line %d ends with a space: %q", width, i+1, line)
			}
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name        string
		width       int
		first, rest string
		in          string
		want        string
	}{
		{"fits", 30, "> ", "  ", "one two three", "> one two three\n"},
		{"breaks", 30, "> ", "  ", "alpha beta gamma delta epsilon zeta eta", "> alpha beta gamma delta\n  epsilon zeta eta\n"},
		{"empty", 30, "label  ", "       ", "", "label\n"},
		{"long word alone", 30, "> ", "  ", "a " + strings.Repeat("x", 40) + " b", "> a\n  " + strings.Repeat("x", 40) + "\n  b\n"},
		{"narrow keeps a minimum column", 10, "0123456789: ", "  ", "aaaa bbbb cccc dddd eeee", "0123456789: aaaa bbbb cccc dddd\n  eeee\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			tw := &textWriter{w: bufio.NewWriter(&buf), width: tt.width}
			tw.wrap(tt.first, tt.rest, tt.in)
			if err := tw.w.Flush(); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"collapses white space", "  a\n\tb  c \r\n", "a b c"},
		{"terminal escape", "red \x1b[31mtext\x1b[0m", "red \uFFFD[31mtext\uFFFD[0m"},
		{"bidi override", "abc\u202Edef", "abc\uFFFDdef"},
		{"invalid utf-8", "a\xffb", "a\uFFFDb"},
		{"c1 control", "a\u0085b", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clean(tt.in); got != tt.want {
				t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestShorten(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"a longer text here", 10, "a longer…"},
		{"ääääääääääää", 5, "ääää…"},
	}
	for _, tt := range tests {
		if got := shorten(tt.in, tt.n); got != tt.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Putin met Araghchi.", "Putin met Araghchi."},
		{"emphasis", "*bold* and _under_", `\*bold\* and \_under\_`},
		{"pipe", "a | b", `a \| b`},
		{"hash", "# not a heading #", `\# not a heading \#`},
		{"backticks", "`code`", "\\`code\\`"},
		{"html", "<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{"links", "[text](http://x)", `\[text\](http://x)`},
		{"backslash", `a\b`, `a\\b`},
		{"entity", "&amp; AT&T", `\&amp; AT\&T`},
		{"math and strike", "$5 ~~gone~~", `\$5 \~\~gone\~\~`},
		{"emoji shortcode", ":fire: at 10:30", `\:fire: at 10\:30`},
		{"url colon kept", "https://example.com", "https://example.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := escapeMarkdown(tt.in); got != tt.want {
				t.Errorf("escapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMarkdownURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.com/a_b?c=1", "<https://example.com/a_b?c=1>"},
		{"https://example.com/a|b", `https://example.com/a\|b`},
		{"javascript:alert(1)", `javascript\:alert(1)`},
		{"", ""},
	}
	for _, tt := range tests {
		if got := markdownURL(tt.in); got != tt.want {
			t.Errorf("markdownURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatTime(t *testing.T) {
	tests := []struct {
		name string
		in   time.Time
		want string
	}{
		{"zero", time.Time{}, ""},
		{"midnight utc", time.Date(2025, 6, 23, 0, 0, 0, 0, time.UTC), "2025-06-23"},
		{"time of day", time.Date(2025, 6, 23, 14, 5, 0, 0, time.UTC), "2025-06-23T14:05:00Z"},
		{"midnight elsewhere", time.Date(2025, 6, 23, 0, 0, 0, 0, time.FixedZone("", 3600)), "2025-06-23T00:00:00+01:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := formatTime(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGroups(t *testing.T) {
	a := &parallax.Analysis{
		Articles: []*parallax.Article{{ID: "a1"}, {ID: "a2"}, {ID: "a3"}},
		Stories: []*parallax.Story{
			{ID: "s1", Articles: []string{"a3", "missing", "a1"}},
		},
	}
	var got [][]string
	for _, g := range groups(a) {
		var ids []string
		for _, art := range g.Articles {
			ids = append(ids, art.ID)
		}
		got = append(got, ids)
	}
	want := [][]string{{"a3", "a1"}, {"a2"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("groups (-want +got):\n%s", diff)
	}
}

// TestSpanOutsideText checks that a bad span is shown as such, not a panic.
func TestSpanOutsideText(t *testing.T) {
	a := &parallax.Analysis{Articles: []*parallax.Article{{
		ID: "a1", Text: "short",
		Sentences: []parallax.Sentence{{Span: parallax.Span{Start: 2, End: 99}}},
		Furniture: []parallax.Furniture{{Kind: "label", Span: parallax.Span{Start: -1, End: 3}}},
	}}}
	for name, render := range map[string]func(*bytes.Buffer) error{
		"text":     func(w *bytes.Buffer) error { return Text(w, a, TextOptions{}) },
		"markdown": func(w *bytes.Buffer) error { return Markdown(w, a) },
	} {
		var buf bytes.Buffer
		if err := render(&buf); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(buf.String(), "(span outside the text)"); n != 2 {
			t.Errorf("%s: %d notes of a bad span, want 2:\n%s", name, n, buf.String())
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	a := fixture(t)
	for name, err := range map[string]error{
		"json":     JSON(failingWriter{}, a),
		"text":     Text(failingWriter{}, a, TextOptions{}),
		"markdown": Markdown(failingWriter{}, a),
	} {
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("%s: error %v, want one that wraps the write error", name, err)
		}
	}
}
