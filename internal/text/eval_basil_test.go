package text

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// basilPath is BASIL (Fan et al., EMNLP 2019): 300 news articles from Fox
// News, the New York Times and HuffPost, split into sentences and
// paragraphs by its authors. Research use only: read from the shared data
// sets, never committed.
const basilPath = "../../../shared/datasets/basil/basil_triplets.jsonl"

type basilArticle struct {
	Source    string   `json:"source"`
	Sentences []string `json:"sentences"`
	Paragraph []int    `json:"paragraph_of_sentence"`
}

// basilBody rebuilds an article body from its sentences: the sentences of
// a paragraph joined by spaces, paragraphs by blank lines.
func basilBody(a basilArticle) string {
	var b strings.Builder
	for i, s := range a.Sentences {
		if i > 0 {
			if i < len(a.Paragraph) && a.Paragraph[i] != a.Paragraph[i-1] {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(strings.TrimSpace(s))
	}
	return b.String()
}

func loadBASIL(t testing.TB) []basilArticle {
	t.Helper()
	f, err := os.Open(basilPath)
	if err != nil {
		t.Skipf("BASIL data set not available (%v): see ../shared/datasets/README.md", err)
	}
	defer f.Close()
	var out []basilArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var tr struct {
			Articles []basilArticle `json:"articles"`
		}
		if err := json.Unmarshal(sc.Bytes(), &tr); err != nil {
			t.Fatal(err)
		}
		out = append(out, tr.Articles...)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBASILSentences measures sentence segmentation on real news: exact
// match of each sentence (after trimming) against BASIL's sentences,
// micro-averaged precision, recall and F1 over all articles.
func TestBASILSentences(t *testing.T) {
	arts := loadBASIL(t)
	e := newTestEngine(t)
	var tp, np, ng int
	for _, a := range arts {
		if len(a.Paragraph) != len(a.Sentences) {
			continue
		}
		src := basilBody(a)
		gold := map[string]int{}
		for _, s := range a.Sentences {
			gold[strings.TrimSpace(s)]++
			ng++
		}
		d := e.Analyze(src)
		for _, s := range d.Sentences {
			got := strings.TrimSpace(s.In(src))
			np++
			if gold[got] > 0 {
				gold[got]--
				tp++
			} else if testing.Verbose() {
				t.Logf("%s: %q", a.Source, got)
			}
		}
	}
	p, r := float64(tp)/float64(np), float64(tp)/float64(ng)
	f1 := 2 * p * r / (p + r)
	t.Logf("BASIL sentences: %d articles, P %.4f R %.4f F1 %.4f (%d gold, %d found, %d exact)", len(arts), p, r, f1, ng, np, tp)
	if f1 < basilSentenceF1Floor {
		t.Errorf("F1 %.4f below the floor %.4f", f1, basilSentenceF1Floor)
	}
}

// basilSentenceF1Floor is a little below the figure measured (docs/quality.md).
// BASIL's own splits keep some multi-sentence quotations and some sentences
// after "F.B.I." or "O.K." together, so 1.0 is out of reach by design.
const basilSentenceF1Floor = 0.93
