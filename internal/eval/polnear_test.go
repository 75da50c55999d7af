package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"parallax"
)

// datasets is the shared data sets directory, seen from internal/eval.
const datasets = "../../../shared/datasets"

func TestRuneOffsets(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []int
	}{
		{"empty", "", []int{0}},
		{"ascii", "ab", []int{0, 1, 2}},
		{"curly quotes", "“a”", []int{0, 3, 4, 7}},
		{"accents and emoji", "é😀x", []int{0, 2, 6, 7}},
		{"invalid byte", "a\xffb", []int{0, 1, 2, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := RuneOffsets(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("RuneOffsets(%q) = %v, want %v", tt.in, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("RuneOffsets(%q) = %v, want %v", tt.in, got, tt.want)
				}
			}
		})
	}
}

// TestPolNeARConversion loads a hand-made article whose offsets count code
// points across multi-byte runes.
func TestPolNeARConversion(t *testing.T) {
	text := "Müller’s aide said: “Naïve — really.” Then he said it was fine."
	runes := []rune(text)
	idx := func(sub string) [2]int {
		i := strings.Index(text, sub)
		s := utf8.RuneCountInString(text[:i])
		return [2]int{s, s + utf8.RuneCountInString(sub)}
	}
	r := polnearRecord{Split: "train", Filename: "x", TextFile: "x.txt"}
	r.Attributions = append(r.Attributions, struct {
		Type    string       `json:"type"`
		Source  *polnearPart `json:"source"`
		Cue     *polnearPart `json:"cue"`
		Content *polnearPart `json:"content"`
	}{
		Type:    "Attribution",
		Source:  &polnearPart{Spans: [][2]int{idx("Müller’s aide")}, Text: "Müller’s aide"},
		Cue:     &polnearPart{Spans: [][2]int{idx("said:")}, Text: "said"}, // a deliberate mismatch
		Content: &polnearPart{Spans: [][2]int{idx("“Naïve — really.”")}, Text: "“Naïve — really.”"},
	}, struct {
		Type    string       `json:"type"`
		Source  *polnearPart `json:"source"`
		Cue     *polnearPart `json:"cue"`
		Content *polnearPart `json:"content"`
	}{
		Type:    "Attribution",
		Source:  &polnearPart{Spans: [][2]int{idx("he")}, Text: "he"},
		Cue:     &polnearPart{Spans: [][2]int{idx("said it")}, Text: "said it"},
		Content: &polnearPart{Spans: [][2]int{idx("was fine")}, Text: "was fine"},
	})
	dir := t.TempDir()
	if err := writeFile(filepath.Join(dir, "x.txt"), text); err != nil {
		t.Fatal(err)
	}
	a, err := polnearArticle(dir, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(runes) == len(text) {
		t.Fatal("test text has no multi-byte runes")
	}
	at := a.Attributions[0]
	if got := at.ContentSpan().In(a.Text); got != "“Naïve — really.”" {
		t.Errorf("content = %q", got)
	}
	if at.Speaker != "Müller’s aide" || !at.Direct {
		t.Errorf("speaker %q direct %v", at.Speaker, at.Direct)
	}
	if a.Mismatches != 1 {
		t.Errorf("mismatches = %d, want 1", a.Mismatches)
	}
	if a.Attributions[1].Direct {
		t.Error("indirect speech marked direct")
	}
	q := a.GoldQuotes(false)
	if q[1].Speaker != "he" || q[1].Resolved != "Müller’s aide" {
		t.Errorf("pronoun quote = %+v", q[1])
	}
	if got := a.GoldQuotes(true); len(got) != 1 {
		t.Errorf("direct quotes = %d, want 1", len(got))
	}
}

func TestIsDirect(t *testing.T) {
	tests := []struct {
		name string
		text string // the content span is between [ and ], which are removed
		want bool
	}{
		{"curly inside", `He said [“We will win.”] today.`, true},
		{"straight inside", `He said ["We will win."] today.`, true},
		{"marks outside", `He said “[We will win].” today.`, true},
		{"marks outside, comma", `“[We will win],” he said.`, true},
		{"open inside close outside", `He said [“We will win].”`, true},
		{"guillemets", `Il a dit [« non »].`, true},
		{"single curly", `The headline: [‘We will win’]`, true},
		{"spaces at the edges", `He said [ “We will win.” ] today.`, true},
		{"indirect", `He said [that they would win].`, false},
		{"partial quote", `He said [they would “win big.”]`, false},
		{"starts quoted only", `He said [“win” was the word].`, false},
		{"apostrophe end", `He praised [the senators’]`, false},
		{"lone mark", `He said [“]`, false},
		{"empty", `He said [].`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, s := bracketed(tt.text)
			if got := IsDirect(text, s); got != tt.want {
				t.Errorf("IsDirect(%q, %q) = %v, want %v", text, s.In(text), got, tt.want)
			}
		})
	}
}

// bracketed removes the first [ and ] from s and returns the span between.
func bracketed(s string) (string, parallax.Span) {
	i := strings.Index(s, "[")
	s = s[:i] + s[i+1:]
	j := strings.Index(s, "]")
	return s[:j] + s[j+1:], parallax.Span{Start: i, End: j}
}

func TestTrimQuote(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"curly with period", `He said [“We will win.”] today.`, "We will win"},
		{"bare", `He said “[We will win]” today.`, "We will win"},
		{"comma and space", `[ “Yes,” ]he said.`, "Yes"},
		{"all marks", `[“”]`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, s := bracketed(tt.text)
			if got := TrimQuote(text, s).In(text); got != tt.want {
				t.Errorf("TrimQuote = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPolNeARData(t *testing.T) {
	arts, err := LoadPolNeAR(datasets, "train", "dev")
	if err != nil {
		t.Skipf("PolNeAR not available (%v): see ../shared/datasets/polnear/README.md", err)
	}
	var nAttr, nDirect, nNoSource, nPronoun, nResolved, mism int
	for _, a := range arts {
		mism += a.Mismatches
		check := func(role string, ss []parallax.Span) {
			for _, s := range ss {
				if s.Start < 0 || s.Start > s.End || s.End > len(a.Text) {
					t.Fatalf("%s: %s span %v outside text (%d bytes)", a.Filename, role, s, len(a.Text))
				}
				if !runeStart(a.Text, s.Start) || !runeStart(a.Text, s.End) {
					t.Fatalf("%s: %s span %v not on rune boundaries", a.Filename, role, s)
				}
			}
		}
		for _, at := range a.Attributions {
			nAttr++
			check("source", at.Source)
			check("cue", at.Cue)
			check("content", at.Content)
			if at.Direct {
				nDirect++
			}
			if at.Speaker == "" {
				nNoSource++
			}
		}
		for _, q := range a.GoldQuotes(true) {
			if IsPronoun(q.Speaker) {
				nPronoun++
				if q.Resolved != "" {
					nResolved++
				}
			}
		}
	}
	t.Logf("PolNeAR train+dev: %d articles, %d attributions, %d direct quotes (%d with a pronoun source, %d of them resolved), %d without source, %d span text mismatches",
		len(arts), nAttr, nDirect, nPronoun, nResolved, nNoSource, mism)
	if len(arts) == 0 || nDirect == 0 {
		t.Error("no articles or no direct quotes loaded")
	}
	if mism*100 > nAttr {
		t.Errorf("%d mismatches in %d attributions: offsets are probably misread", mism, nAttr)
	}
	// The gold against itself scores 1 everywhere.
	var s QuoteScores
	for _, a := range arts {
		g := a.GoldQuotes(true)
		s = s.Add(ScoreQuotes(g, g))
	}
	if s.Exact.F1() != 1 || s.Overlap.F1() != 1 || s.Speaker.Accuracy() != 1 {
		t.Errorf("gold against gold: %+v", s)
	}
}

func runeStart(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

func writeFile(name, s string) error { return os.WriteFile(name, []byte(s), 0o644) }
