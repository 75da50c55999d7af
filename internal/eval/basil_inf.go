package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// BASILInf is one BASIL phrase annotation of informational bias (bias
// "inf"): content that one outlet adds to the event, as opposed to lexical
// bias ("lex"), a loaded choice of words. BASIL gives it as a phrase of
// one sentence; Sentence indexes [BASILArticle.Sentences] of the article
// with the same Triplet and Source.
type BASILInf struct {
	Triplet  string
	Source   string // "fox", "nyt" or "hpo"
	Sentence int
	Text     string // the annotated phrase, as BASIL records it
}

type basilInfRecord struct {
	Triplet  string `json:"triplet_uuid"`
	Articles []struct {
		Source    string   `json:"source"`
		Sentences []string `json:"sentences"`
		Phrases   []struct {
			Bias     string `json:"bias"`
			Sentence *int   `json:"sentence_index"`
			Text     string `json:"txt"`
		} `json:"phrase_level_annotations"`
	} `json:"articles"`
}

// LoadBASILInf reads BASIL's informational-bias annotations from root, the
// shared data sets directory, in file order. Annotations without a
// sentence index are skipped; one outside its article is an error.
func LoadBASILInf(root string) ([]BASILInf, error) {
	name := filepath.Join(root, BASILFile)
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	var out []BASILInf
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var r basilInfRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("eval: %s:%d: %w", name, line, err)
		}
		for _, a := range r.Articles {
			for _, p := range a.Phrases {
				if p.Bias != "inf" || p.Sentence == nil {
					continue
				}
				if *p.Sentence < 0 || *p.Sentence >= len(a.Sentences) {
					return nil, fmt.Errorf("eval: %s:%d: %s: sentence %d of %d", name, line, a.Source, *p.Sentence, len(a.Sentences))
				}
				out = append(out, BASILInf{Triplet: r.Triplet, Source: a.Source, Sentence: *p.Sentence, Text: p.Text})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", name, err)
	}
	return out, nil
}
