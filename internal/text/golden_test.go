package text

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"parallax/rules"
)

// goldenRulesPath is the Golden Rules of English sentence segmentation
// (pragmatic_segmenter, MIT), a copy of which is kept in testdata.
const goldenRulesPath = "testdata/english_golden_rules.json"

type goldenRule struct {
	ID       int      `json:"id"`
	Text     string   `json:"text"`
	Expected []string `json:"expected"`
	Rule     string   `json:"rule"`
}

func loadGoldenRules(t testing.TB) []goldenRule {
	t.Helper()
	data, err := os.ReadFile(goldenRulesPath)
	if err != nil {
		t.Fatalf("golden rules: %v", err)
	}
	var rs []goldenRule
	if err := json.Unmarshal(data, &rs); err != nil {
		t.Fatalf("golden rules: %v", err)
	}
	return rs
}

func newTestEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := New(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestGoldenRules asserts every one of the 48 Golden Rules: the bar is 100%.
func TestGoldenRules(t *testing.T) {
	e := newTestEngine(t)
	for _, r := range loadGoldenRules(t) {
		t.Run(r.Rule, func(t *testing.T) {
			doc := e.Analyze(r.Text)
			var got []string
			for _, s := range doc.Sentences {
				got = append(got, strings.TrimSpace(r.Text[s.Start:s.End]))
			}
			if strings.Join(got, "\n") != strings.Join(r.Expected, "\n") {
				t.Errorf("rule %d %q\n got: %q\nwant: %q", r.ID, r.Text, got, r.Expected)
			}
		})
	}
}
