package ingest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"parallax"
	"parallax/internal/text"
	"parallax/rules"
)

// loadEngine loads the text engine on the embedded rules once for all the
// tests of the package.
var loadEngine = sync.OnceValues(func() (*text.Engine, error) { return text.New(rules.FS) })

// testEngine returns the text engine on the embedded rules; it fails the
// test if the rules do not load.
func testEngine(t testing.TB) *text.Engine {
	t.Helper()
	e, err := loadEngine()
	if err != nil {
		t.Fatalf("text.New(rules.FS): %v", err)
	}
	return e
}

// testLists returns the word lists of the embedded rules; it fails the test
// if they do not load.
func testLists(t testing.TB) *Lists {
	t.Helper()
	l, err := LoadLists(rules.FS)
	if err != nil {
		t.Fatalf("LoadLists(rules.FS): %v", err)
	}
	return l
}

// analyzed returns an article of text annotated by the text engine, as
// cmd/parallax does before it infers metadata.
func analyzed(t testing.TB, text string) *parallax.Article {
	t.Helper()
	doc := testEngine(t).Analyze(text)
	return &parallax.Article{Text: text, Sentences: doc.Sentences, Furniture: doc.Furniture, Tokens: doc.Tokens, Words: doc.Words}
}

// mark is a furniture span given by its text, found in the article text.
type mark struct {
	kind parallax.FurnitureKind
	text string
}

// article returns an article of text annotated by the text engine. When
// marks are given, they take the place of the engine's furniture: each
// covers the first occurrence of its text, and the sentences that overlap
// one are dropped. Marks test the rules on furniture the engine may not
// find; the tokens, dates among them, are always the engine's.
func article(t *testing.T, text string, marks ...mark) *parallax.Article {
	t.Helper()
	a := analyzed(t, text)
	if len(marks) == 0 {
		return a
	}
	a.Furniture = nil
	for _, m := range marks {
		i := strings.Index(text, m.text)
		if i < 0 {
			t.Fatalf("mark %q not in the text", m.text)
		}
		a.Furniture = append(a.Furniture, parallax.Furniture{Kind: m.kind, Span: parallax.Span{Start: i, End: i + len(m.text)}})
	}
	a.Sentences = slices.DeleteFunc(a.Sentences, func(s parallax.Sentence) bool {
		return slices.ContainsFunc(a.Furniture, func(f parallax.Furniture) bool { return f.Overlaps(s.Span) })
	})
	return a
}

// meta is the metadata InferMeta fills, for comparison.
type meta struct {
	Outlet, Author, Title string
	Published             time.Time
	Rules                 []string // "field:rule" of each inference, in order
}

func metaOf(a *parallax.Article) meta {
	m := meta{Outlet: a.Outlet, Author: a.Author, Title: a.Title, Published: a.Published}
	for _, inf := range a.Inferred {
		m.Rules = append(m.Rules, inf.Field+":"+inf.Rule)
	}
	return m
}

const body = "\nPutin met Araghchi in Moscow on Monday. They talked.\n"

func TestInferMeta(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		marks []mark
		given meta // fields set before InferMeta, as front matter would
		want  meta
	}{
		{
			name:  "staff byline",
			text:  "By Palestine Chronicle Staff" + body,
			marks: []mark{{parallax.FurnitureByline, "By Palestine Chronicle Staff"}},
			want: meta{Outlet: "Palestine Chronicle", Author: "Palestine Chronicle Staff",
				Rules: []string{"outlet:byline-staff", "author:byline"}},
		},
		{
			name:  "staff writer byline",
			text:  "By Dawn Staff Writer" + body,
			marks: []mark{{parallax.FurnitureByline, "By Dawn Staff Writer"}},
			want:  meta{Outlet: "Dawn", Author: "Dawn Staff Writer", Rules: []string{"outlet:byline-staff", "author:byline"}},
		},
		{
			name:  "news desk byline",
			text:  "By Tehran Times News Desk" + body,
			marks: []mark{{parallax.FurnitureByline, "By Tehran Times News Desk"}},
			want: meta{Outlet: "Tehran Times", Author: "Tehran Times News Desk",
				Rules: []string{"outlet:byline-staff", "author:byline"}},
		},
		{
			name:  "bureau byline without By",
			text:  "The Hindu Bureau" + body,
			marks: []mark{{parallax.FurnitureByline, "The Hindu Bureau"}},
			want:  meta{Outlet: "The Hindu", Author: "The Hindu Bureau", Rules: []string{"outlet:byline-staff", "author:byline"}},
		},
		{
			name:  "person with staff role",
			text:  "By Jane Doe, Staff Writer" + body,
			marks: []mark{{parallax.FurnitureByline, "By Jane Doe, Staff Writer"}},
			want:  meta{Author: "Jane Doe", Rules: []string{"author:byline"}},
		},
		{
			name:  "person of an outlet's staff",
			text:  "By Jane Doe, Palestine Chronicle Staff" + body,
			marks: []mark{{parallax.FurnitureByline, "By Jane Doe, Palestine Chronicle Staff"}},
			want: meta{Outlet: "Palestine Chronicle", Author: "Jane Doe",
				Rules: []string{"outlet:byline-staff", "author:byline"}},
		},
		{
			name:  "person",
			text:  "By Jane Doe" + body,
			marks: []mark{{parallax.FurnitureByline, "By Jane Doe"}},
			want:  meta{Author: "Jane Doe", Rules: []string{"author:byline"}},
		},
		{
			name:  "two people",
			text:  "By Jane Doe and John Roe" + body,
			marks: []mark{{parallax.FurnitureByline, "By Jane Doe and John Roe"}},
			want:  meta{Author: "Jane Doe and John Roe", Rules: []string{"author:byline"}},
		},
		{
			name:  "person and agency",
			text:  "By Jane Doe, Reuters" + body,
			marks: []mark{{parallax.FurnitureByline, "By Jane Doe, Reuters"}},
			want:  meta{Outlet: "Reuters", Author: "Jane Doe", Rules: []string{"author:byline", "outlet:byline-agency"}},
		},
		{
			name:  "person and agency in parentheses",
			text:  "BY JANE DOE (AP)" + body,
			marks: []mark{{parallax.FurnitureByline, "BY JANE DOE (AP)"}},
			want:  meta{Outlet: "AP", Author: "JANE DOE", Rules: []string{"author:byline", "outlet:byline-agency"}},
		},
		{
			name:  "byline agency does not replace a given outlet",
			text:  "By Jane Doe, Reuters" + body,
			marks: []mark{{parallax.FurnitureByline, "By Jane Doe, Reuters"}},
			given: meta{Outlet: "Daily Sabah"},
			want:  meta{Outlet: "Daily Sabah", Author: "Jane Doe", Rules: []string{"author:byline"}},
		},
		{
			name:  "agency alone",
			text:  "By Reuters" + body,
			marks: []mark{{parallax.FurnitureByline, "By Reuters"}},
			want:  meta{Outlet: "Reuters", Rules: []string{"outlet:byline-agency"}},
		},
		{
			name:  "byline with a date",
			text:  "By Jane Doe June 23, 2025" + body,
			marks: []mark{{parallax.FurnitureByline, "By Jane Doe June 23, 2025"}},
			want:  meta{Author: "Jane Doe", Published: day(2025, 6, 23), Rules: []string{"published:byline", "author:byline"}},
		},
		{
			name:  "lower-case byline is not a name",
			text:  "by the way" + body,
			marks: []mark{{parallax.FurnitureByline, "by the way"}},
		},
		{
			name:  "dateline date",
			text:  "date 2025-06-23" + body,
			marks: []mark{{parallax.FurnitureDateline, "date 2025-06-23"}},
			want:  meta{Published: day(2025, 6, 23), Rules: []string{"published:dateline"}},
		},
		{
			name:  "dateline agency between slashes",
			text:  "MOSCOW, June 23. /TASS/. Putin met Araghchi.\nMore.",
			marks: []mark{{parallax.FurnitureDateline, "MOSCOW, June 23. /TASS/."}},
			want:  meta{Outlet: "TASS", Rules: []string{"outlet:dateline"}},
		},
		{
			name:  "dateline agency in parentheses",
			text:  "WASHINGTON (Reuters) - Putin met Araghchi.\nMore.",
			marks: []mark{{parallax.FurnitureDateline, "WASHINGTON (Reuters) -"}},
			want:  meta{Outlet: "Reuters", Rules: []string{"outlet:dateline"}},
		},
		{
			name:  "dateline with date without year and agency",
			text:  "LONDON, June 23 (Reuters) - Putin met Araghchi.\nMore.",
			marks: []mark{{parallax.FurnitureDateline, "LONDON, June 23 (Reuters) -"}},
			want:  meta{Outlet: "Reuters", Rules: []string{"outlet:dateline"}},
		},
		{
			name:  "dateline with full date and agency",
			text:  "LONDON, June 23, 2025 (Reuters) - Putin met Araghchi.\nMore.",
			marks: []mark{{parallax.FurnitureDateline, "LONDON, June 23, 2025 (Reuters) -"}},
			want: meta{Outlet: "Reuters", Published: day(2025, 6, 23),
				Rules: []string{"published:dateline", "outlet:dateline"}},
		},
		{
			name:  "dateline with unknown name in parentheses",
			text:  "GAZA (Palestine) - Strikes went on.\nMore.",
			marks: []mark{{parallax.FurnitureDateline, "GAZA (Palestine) -"}},
		},
		{
			name:  "plain dateline",
			text:  "Moscow - Putin met Araghchi.\nMore.",
			marks: []mark{{parallax.FurnitureDateline, "Moscow - "}},
		},
		{
			name:  "aggregator prefix",
			text:  "MENAFN - Kashmir Observer) Moscow - Putin met Araghchi.\nMore.",
			marks: []mark{{parallax.FurnitureAgency, "MENAFN - Kashmir Observer)"}},
			want:  meta{Outlet: "Kashmir Observer", Rules: []string{"outlet:agency-prefix"}},
		},
		{
			name:  "aggregator prefix without spaces",
			text:  "(MENAFN- Jordan Times) AMMAN - Talks.\nMore.",
			marks: []mark{{parallax.FurnitureAgency, "(MENAFN- Jordan Times)"}},
			want:  meta{Outlet: "Jordan Times", Rules: []string{"outlet:agency-prefix"}},
		},
		{
			name:  "aggregator prefix beats dateline agency",
			text:  "MENAFN - Kashmir Observer) NEW DELHI (PTI) - Talks.\nMore.",
			marks: []mark{{parallax.FurnitureAgency, "MENAFN - Kashmir Observer)"}, {parallax.FurnitureDateline, "NEW DELHI (PTI) -"}},
			want:  meta{Outlet: "Kashmir Observer", Rules: []string{"outlet:agency-prefix"}},
		},
		{
			name:  "agency span naming an agency",
			text:  "(Reuters) - Talks.\nMore.",
			marks: []mark{{parallax.FurnitureAgency, "(Reuters) -"}},
			want:  meta{Outlet: "Reuters", Rules: []string{"outlet:agency"}},
		},
		{
			name:  "follow sign-off",
			text:  "Putin met Araghchi.\n\nFollow Frances Martel on Facebook and Twitter.",
			marks: []mark{{parallax.FurnitureSignoff, "Follow Frances Martel on Facebook and Twitter."}},
			want:  meta{Author: "Frances Martel", Rules: []string{"author:signoff"}},
		},
		{
			name:  "follow on X sign-off",
			text:  "Putin met Araghchi.\n\nFollow Frances Martel on X @fmartel",
			marks: []mark{{parallax.FurnitureSignoff, "Follow Frances Martel on X @fmartel"}},
			want:  meta{Author: "Frances Martel", Rules: []string{"author:signoff"}},
		},
		{
			name:  "follow us is not an author",
			text:  "Putin met Araghchi.\n\nFollow us on Telegram.",
			marks: []mark{{parallax.FurnitureSignoff, "Follow us on Telegram."}},
		},
		{
			name:  "reporting by",
			text:  "Putin met Araghchi.\n\nReporting by Jane Doe; Editing by John Roe",
			marks: []mark{{parallax.FurnitureSignoff, "Reporting by Jane Doe; Editing by John Roe"}},
			want:  meta{Author: "Jane Doe", Rules: []string{"author:signoff"}},
		},
		{
			name:  "reporting by several with places",
			text:  "Talks.\n\nReporting by Jane Doe in Moscow, Ali Reza in Dubai and John Roe in London. Editing by Tim Poe",
			marks: []mark{{parallax.FurnitureSignoff, "Reporting by Jane Doe in Moscow, Ali Reza in Dubai and John Roe in London. Editing by Tim Poe"}},
			want:  meta{Author: "Jane Doe, Ali Reza and John Roe", Rules: []string{"author:signoff"}},
		},
		{
			name: "byline beats sign-off",
			text: "By Jane Doe\nTalks.\nFollow Frances Martel on Facebook.",
			marks: []mark{{parallax.FurnitureSignoff, "Follow Frances Martel on Facebook."},
				{parallax.FurnitureByline, "By Jane Doe"}},
			want: meta{Author: "Jane Doe", Rules: []string{"author:byline"}},
		},
		{
			name:  "via date",
			text:  "Talks.\n\nvia June 22nd 2025",
			marks: []mark{{parallax.FurnitureVia, "via June 22nd 2025"}},
			want:  meta{Published: day(2025, 6, 22), Rules: []string{"published:via"}},
		},
		{
			name:  "dateline beats via",
			text:  "date 2025-06-23\nTalks.\nvia June 22nd 2025",
			marks: []mark{{parallax.FurnitureVia, "via June 22nd 2025"}, {parallax.FurnitureDateline, "date 2025-06-23"}},
			want:  meta{Published: day(2025, 6, 23), Rules: []string{"published:dateline"}},
		},
		{
			name:  "front matter date kept",
			text:  "Talks.\n\nvia June 22nd 2025",
			marks: []mark{{parallax.FurnitureVia, "via June 22nd 2025"}},
			given: meta{Published: day(2025, 6, 20)},
			want:  meta{Published: day(2025, 6, 20)},
		},
		{
			name:  "front matter fields kept",
			text:  "By Palestine Chronicle Staff\nTalks.",
			marks: []mark{{parallax.FurnitureByline, "By Palestine Chronicle Staff"}},
			given: meta{Outlet: "PC", Author: "Ramzy Baroud", Title: "Talks"},
			want:  meta{Outlet: "PC", Author: "Ramzy Baroud", Title: "Talks"},
		},
		{
			name:  "headline",
			text:  "Featured\n\nIran’s Top Diplomat Holds ‘Crucial Meeting’ with Putin in Moscow\n\nAraghchi met Putin.",
			marks: []mark{{parallax.FurnitureLabel, "Featured"}},
			want: meta{Title: "Iran’s Top Diplomat Holds ‘Crucial Meeting’ with Putin in Moscow",
				Rules: []string{"title:headline"}},
		},
		{
			name: "headline after furniture",
			text: " date 2025-06-23 By Palestine Chronicle Staff\n\nPutin Backs Iran\n\nPutin met Araghchi on Monday.",
			want: meta{Outlet: "Palestine Chronicle", Author: "Palestine Chronicle Staff", Title: "Putin Backs Iran",
				Published: day(2025, 6, 23),
				Rules:     []string{"outlet:byline-staff", "published:dateline", "author:byline", "title:headline"}},
		},
		{
			name: "sentence-case headline",
			text: "Putin meets the foreign minister of his ally\n\nMore text.",
			want: meta{Title: "Putin meets the foreign minister of his ally", Rules: []string{"title:headline"}},
		},
		{
			name: "headline with runs of spaces",
			text: "Putin\u00a0Meets  Araghchi\n\nPutin met Araghchi on Monday.",
			want: meta{Title: "Putin Meets Araghchi", Rules: []string{"title:headline"}},
		},
		{
			name: "first line is a sentence",
			text: "Putin reaffirms support for Iran in Moscow.\n\nMore text.",
		},
		{
			name: "first line with nothing after",
			text: "Putin Meets Araghchi\n",
		},
		{
			name: "first line ends with a colon",
			text: "He Said This:\nMore.",
		},
		{
			name: "heading after the first sentence",
			text: "Putin met Araghchi on Monday.\n\nTalks in Moscow\n\nThey talked.",
		},
		{
			name:  "earliest of equal candidates wins",
			text:  "By Jane Doe\nTalks.\nBy John Roe",
			marks: []mark{{parallax.FurnitureByline, "By John Roe"}, {parallax.FurnitureByline, "By Jane Doe"}},
			want:  meta{Author: "Jane Doe", Rules: []string{"author:byline"}},
		},
	}
	lists := testLists(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article(t, tt.text, tt.marks...)
			a.Outlet, a.Author, a.Title, a.Published = tt.given.Outlet, tt.given.Author, tt.given.Title, tt.given.Published
			lists.InferMeta(a)
			if diff := cmp.Diff(tt.want, metaOf(a)); diff != "" {
				t.Errorf("InferMeta mismatch (-want +got):\n%s", diff)
			}
			// The evidence of every inference lies in the text.
			for _, inf := range a.Inferred {
				if inf.Span.In(a.Text) == "" {
					t.Errorf("inference %+v points outside the text", inf)
				}
			}
			// A second call changes nothing.
			before := metaOf(a)
			lists.InferMeta(a)
			if diff := cmp.Diff(before, metaOf(a)); diff != "" {
				t.Errorf("second InferMeta changed the article (-first +second):\n%s", diff)
			}
		})
	}
}

func TestInferMetaEvidence(t *testing.T) {
	text := "MENAFN - Kashmir Observer) Moscow - Talks.\nMore."
	a := article(t, text, mark{parallax.FurnitureAgency, "MENAFN - Kashmir Observer)"})
	testLists(t).InferMeta(a)
	want := []parallax.Inference{{Field: "outlet", Rule: "agency-prefix", Span: parallax.Span{Start: 0, End: 26}}}
	if diff := cmp.Diff(want, a.Inferred); diff != "" {
		t.Errorf("Inferred mismatch (-want +got):\n%s", diff)
	}
}

// dateToken is a date token over the first occurrence of at in text.
func dateToken(t *testing.T, text, at, date string) parallax.Token {
	t.Helper()
	i := strings.Index(text, at)
	if i < 0 {
		t.Fatalf("%q not in the text", at)
	}
	return parallax.Token{Span: parallax.Span{Start: i, End: i + len(at)}, Kind: parallax.TokenDate, Date: date, Sentence: -1}
}

// TestInferMetaDateTokens checks which date token of a furniture span gives
// the date, with tokens made by hand.
func TestInferMetaDateTokens(t *testing.T) {
	const via = "via 13 June — June 22nd 2025 and 2025-06-24"
	const text = "Talks.\n" + via + "\nMore on 2025-06-25."
	tests := []struct {
		name   string
		tokens func(t *testing.T) []parallax.Token
		want   time.Time
	}{
		{
			name: "first full date",
			tokens: func(t *testing.T) []parallax.Token {
				return []parallax.Token{
					dateToken(t, text, "13 June", "XXXX-06-13"),
					dateToken(t, text, "June 22nd 2025", "2025-06-22"),
					dateToken(t, text, "2025-06-24", "2025-06-24"),
				}
			},
			want: day(2025, 6, 22),
		},
		{
			name: "earliest in the text, whatever the order of the tokens",
			tokens: func(t *testing.T) []parallax.Token {
				return []parallax.Token{
					dateToken(t, text, "2025-06-24", "2025-06-24"),
					dateToken(t, text, "June 22nd 2025", "2025-06-22"),
				}
			},
			want: day(2025, 6, 22),
		},
		{
			name: "partial dates give nothing",
			tokens: func(t *testing.T) []parallax.Token {
				return []parallax.Token{
					dateToken(t, text, "13 June", "XXXX-06-13"),
					dateToken(t, text, "June 22nd 2025", "2025-06"),
					dateToken(t, text, "2025-06-24", "not a date"),
				}
			},
		},
		{
			name: "impossible date",
			tokens: func(t *testing.T) []parallax.Token {
				return []parallax.Token{dateToken(t, text, "2025-06-24", "2025-02-30")}
			},
		},
		{
			name: "other kinds of token",
			tokens: func(t *testing.T) []parallax.Token {
				tok := dateToken(t, text, "2025-06-24", "2025-06-24")
				tok.Kind = parallax.TokenNumber
				return []parallax.Token{tok}
			},
		},
		{
			name: "tokens outside the span or across its end",
			tokens: func(t *testing.T) []parallax.Token {
				return []parallax.Token{
					dateToken(t, text, "Talks", "2025-06-01"),
					dateToken(t, text, "2025-06-25", "2025-06-25"),
					dateToken(t, text, "2025-06-24\nMore", "2025-06-24"),
					{Span: parallax.Span{Start: -3, End: 2}, Kind: parallax.TokenDate, Date: "2025-06-02"},
					{Span: parallax.Span{Start: 40, End: 1000}, Kind: parallax.TokenDate, Date: "2025-06-03"},
					{Span: parallax.Span{Start: 30, End: 20}, Kind: parallax.TokenDate, Date: "2025-06-04"},
				}
			},
		},
		{
			name: "token not on character boundaries",
			tokens: func(t *testing.T) []parallax.Token {
				dash := strings.Index(text, "—")
				return []parallax.Token{{Span: parallax.Span{Start: dash + 1, End: dash + 2}, Kind: parallax.TokenDate, Date: "2025-06-05"}}
			},
		},
	}
	lists := testLists(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := strings.Index(text, via)
			a := &parallax.Article{Text: text, Tokens: tt.tokens(t),
				Furniture: []parallax.Furniture{{Kind: parallax.FurnitureVia, Span: parallax.Span{Start: start, End: start + len(via)}}}}
			lists.InferMeta(a)
			if !a.Published.Equal(tt.want) {
				t.Errorf("Published = %v; want %v", a.Published, tt.want)
			}
		})
	}
}

func TestInferMetaBadSpans(t *testing.T) {
	lists := testLists(t)
	text := "By Jane Doe — “quoted”\nMore."
	for _, sp := range []parallax.Span{
		{Start: -5, End: 3}, {Start: 3, End: 1}, {Start: 0, End: 1000}, {Start: 1000, End: 2000},
		{Start: 14, End: 16}, // inside the multi-byte dash
	} {
		a := &parallax.Article{
			Text:      text,
			Furniture: []parallax.Furniture{{Kind: parallax.FurnitureByline, Span: sp}},
			Sentences: []parallax.Sentence{{Span: sp, Heading: true}},
			Tokens:    []parallax.Token{{Span: sp, Kind: parallax.TokenDate, Date: "2025-06-23"}},
		}
		lists.InferMeta(a) // must not panic
		if a.Author != "" || a.Title != "" || !a.Published.IsZero() {
			t.Errorf("span %+v: author %q, title %q, published %v; want none", sp, a.Author, a.Title, a.Published)
		}
	}
	lists.InferMeta(nil) // must not panic
}

// seedDir holds the seed story's articles.
const seedDir = "../../testdata/moscow-2025-06-23"

// TestInferMetaSeed runs InferMeta on the seed story as the text engine
// annotates it, and checks the rules that gave each field.
func TestInferMetaSeed(t *testing.T) {
	tests := []struct {
		file string
		want meta
	}{
		{file: "000.txt"},
		{
			file: "001.txt",
			want: meta{Outlet: "Palestine Chronicle", Author: "Palestine Chronicle Staff", Published: day(2025, 6, 23),
				Rules: []string{"outlet:byline-staff", "published:dateline", "author:byline"}},
		},
		{
			file: "002.txt",
			want: meta{Author: "Frances Martel", Published: day(2025, 6, 22),
				Title: "Iran’s Top Diplomat Holds ‘Crucial Meeting’ with Putin in Moscow",
				Rules: []string{"author:signoff", "published:via", "title:headline"}},
		},
		{file: "003.txt"},
		{
			file: "004.txt",
			want: meta{Outlet: "Kashmir Observer", Rules: []string{"outlet:agency-prefix"}},
		},
	}
	lists := testLists(t)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(seedDir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			a := analyzed(t, string(data))
			lists.InferMeta(a)
			if diff := cmp.Diff(tt.want, metaOf(a)); diff != "" {
				t.Errorf("InferMeta mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
