package peers

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/eval"
)

// datasets is the shared data sets root. BASIL (Fan et al., EMNLP 2019) is
// research use only: read from there, never committed.
const datasets = "../../../shared/datasets"

// basilParagraphs returns every paragraph of BASIL as its gold sentences,
// from the text eval.LoadBASIL rebuilds (paragraphs set off by blank lines).
func basilParagraphs(t *testing.T) [][]string {
	t.Helper()
	if _, err := os.Stat(filepath.Join(datasets, "basil")); err != nil {
		t.Skipf("BASIL data set not available (%v)", err)
	}
	arts, err := eval.LoadBASIL(datasets)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, a := range arts {
		paraEnd := -1
		for _, sp := range a.Sentences {
			if sp.Start > paraEnd {
				out = append(out, nil)
				paraEnd = len(a.Text)
				if i := strings.Index(a.Text[sp.Start:], "\n\n"); i >= 0 {
					paraEnd = sp.Start + i
				}
			}
			out[len(out)-1] = append(out[len(out)-1], strings.TrimSpace(sp.In(a.Text)))
		}
	}
	return out
}

// TestBASIL compares the three segmenters on BASIL, one paragraph at a
// time: exact match of each sentence, micro-averaged precision, recall, F1.
func TestBASIL(t *testing.T) {
	paras := basilParagraphs(t)
	for _, sg := range segmenters(t) {
		var tp, np, ng int
		for _, gold := range paras {
			want := map[string]int{}
			for _, s := range gold {
				want[s]++
				ng++
			}
			got, err := sg.split(strings.Join(gold, " "))
			if err != nil {
				t.Fatalf("%s: %v", sg.name, err)
			}
			for _, s := range got {
				np++
				if want[s] > 0 {
					want[s]--
					tp++
				}
			}
		}
		p, r := float64(tp)/float64(np), float64(tp)/float64(ng)
		t.Logf("%s: BASIL sentences P %.3f R %.3f F1 %.3f (%d paragraphs, %d gold, %d found)", sg.name, p, r, 2*p*r/(p+r), len(paras), ng, np)
	}
}
