package peers

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// basilPath is BASIL (Fan et al., EMNLP 2019): news articles split into
// sentences and paragraphs by its authors. Research use only: read from the
// shared data sets, never committed.
const basilPath = "../../../shared/datasets/basil/basil_triplets.jsonl"

// basilParagraphs returns every paragraph of BASIL as its gold sentences.
func basilParagraphs(t *testing.T) [][]string {
	t.Helper()
	f, err := os.Open(basilPath)
	if err != nil {
		t.Skipf("BASIL data set not available (%v)", err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var tr struct {
			Articles []struct {
				Sentences []string `json:"sentences"`
				Paragraph []int    `json:"paragraph_of_sentence"`
			} `json:"articles"`
		}
		if err := json.Unmarshal(sc.Bytes(), &tr); err != nil {
			t.Fatal(err)
		}
		for _, a := range tr.Articles {
			if len(a.Paragraph) != len(a.Sentences) {
				continue
			}
			for i, s := range a.Sentences {
				if i == 0 || a.Paragraph[i] != a.Paragraph[i-1] {
					out = append(out, nil)
				}
				out[len(out)-1] = append(out[len(out)-1], strings.TrimSpace(s))
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
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
