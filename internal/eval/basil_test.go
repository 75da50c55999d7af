package eval

import (
	"strings"
	"testing"
)

func TestBASILData(t *testing.T) {
	arts, err := LoadBASIL(datasets)
	if err != nil {
		t.Skipf("BASIL not available (%v): see ../shared/datasets/basil/README.md", err)
	}
	var nQuotes, nNamed, nMarked, mism, unplaced int
	speakers := map[string]bool{}
	for _, a := range arts {
		mism += a.Mismatches
		unplaced += a.Unplaced
		for _, s := range a.Sentences {
			if s.Start < 0 || s.End > len(a.Text) || !runeStart(a.Text, s.Start) || !runeStart(a.Text, s.End) {
				t.Fatalf("%s %s: sentence %v out of text or off rune boundaries", a.Triplet, a.Source, s)
			}
		}
		for _, q := range a.Quotes {
			nQuotes++
			c, s := q.Content, a.Sentences[q.Sentence]
			if c.Start < s.Start || c.End > s.End || c.Start > c.End {
				t.Fatalf("%s %s: quote %v outside its sentence %v", a.Triplet, a.Source, c, s)
			}
			if !runeStart(a.Text, c.Start) || !runeStart(a.Text, c.End) {
				t.Fatalf("%s %s: quote %v not on rune boundaries", a.Triplet, a.Source, c)
			}
			if q.Speaker != "" {
				nNamed++
				speakers[q.Speaker] = true
			} else if !strings.HasPrefix(q.Label, "other_") {
				t.Errorf("%s %s: quote with speaker label %q and no name", a.Triplet, a.Source, q.Label)
			}
			if strings.ContainsAny(c.In(a.Text), "\"“”") {
				nMarked++
			}
		}
	}
	t.Logf("BASIL: %d articles, %d quote phrases (%d with a named speaker, %d names; %d reaching a quotation mark), %d span text mismatches, %d unplaced",
		len(arts), nQuotes, nNamed, len(speakers), nMarked, mism, unplaced)
	if len(arts) == 0 || nQuotes == 0 {
		t.Error("no articles or no quotes loaded")
	}
	if mism > 0 {
		t.Errorf("%d quote spans differ from their recorded text", mism)
	}
	var s SpeakerScores
	for _, a := range arts {
		g := a.GoldQuotes(true)
		s = s.Add(ScoreSpeakers(g, g))
	}
	if s.Accuracy() != 1 || s.Coverage() != 1 {
		t.Errorf("gold against gold: %+v", s)
	}
}
