package peers

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
)

// goldenPath is the English Golden Rules of pragmatic_segmenter, converted to
// JSON, in the shared datasets next to the repository.
const goldenPath = "../../../shared/datasets/sbd-golden-rules/english_golden_rules.json"

type goldenRule struct {
	ID       int      `json:"id"`
	Text     string   `json:"text"`
	Expected []string `json:"expected"`
	Rule     string   `json:"rule"`
}

func loadGolden(t *testing.T) []goldenRule {
	t.Helper()
	data, err := os.ReadFile(goldenPath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("Golden Rules dataset not found at %s (it lives in the shared datasets, outside the repository); skipping", goldenPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	var rules []goldenRule
	if err := json.Unmarshal(data, &rules); err != nil {
		t.Fatalf("%s: %v", goldenPath, err)
	}
	if len(rules) == 0 {
		t.Fatalf("%s: no rules", goldenPath)
	}
	return rules
}

func trimAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

// TestGoldenRules counts, for each segmenter, the Golden Rules whose sentence
// list it reproduces exactly (each sentence trimmed). It asserts nothing about
// the peers; Parallax must pass every rule.
func TestGoldenRules(t *testing.T) {
	golden := loadGolden(t)
	for _, seg := range segmenters(t) {
		pass := 0
		var failed []int
		for _, g := range golden {
			got, err := seg.split(g.Text)
			if err == nil && slices.Equal(trimAll(got), trimAll(g.Expected)) {
				pass++
				continue
			}
			failed = append(failed, g.ID)
			if seg.name == "parallax" {
				if err != nil {
					t.Errorf("rule %d (%s): %v", g.ID, g.Rule, err)
				} else {
					t.Errorf("rule %d (%s):\n text: %q\n  got: %q\n want: %q", g.ID, g.Rule, g.Text, got, g.Expected)
				}
			}
		}
		t.Logf("%s: %d/%d (%.1f%%); failing rule ids: %v",
			seg.name, pass, len(golden), 100*float64(pass)/float64(len(golden)), failed)
	}
}
