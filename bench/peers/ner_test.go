package peers

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"parallax/internal/eval"
)

// datasetsRoot is the shared data sets root seen from this module.
const datasetsRoot = "../../../shared/datasets"

// proseNER runs prose v2's named-entity recogniser on sentences given as
// tokens. The model is loaded once: prose reloads it for every document
// unless one is handed in.
type proseNER struct {
	model     *prose.Model
	unaligned int // prose entities whose text was not found in the sentence
}

func newProseNER(tb testing.TB) *proseNER {
	tb.Helper()
	doc, err := prose.NewDocument("Paris", prose.WithSegmentation(false))
	if err != nil {
		tb.Fatalf("prose.NewDocument: %v", err)
	}
	return &proseNER{model: doc.Model}
}

// proseType maps prose's labels to CoNLL's: PERSON to PER, GPE, LOCATION and
// GSP to LOC, ORGANIZATION (or ORG) to ORG, anything else (FACILITY) to MISC.
func proseType(label string) string {
	switch label {
	case "PERSON":
		return "PER"
	case "GPE", "LOC", "LOCATION", "GSP":
		return "LOC"
	case "ORG", "ORGANIZATION":
		return "ORG"
	}
	return "MISC"
}

// entities returns prose's entities in a sentence as token spans. The tokens
// are joined by spaces and given to prose as one unsegmented document with
// tagging and extraction on. prose reports an entity as its own tokens
// joined by spaces, without offsets, so each is found in the joined text
// with spaces ignored, searching on from the end of the previous one, and
// its character range is widened to the tokens it touches.
func (p *proseNER) entities(tokens []string) ([]eval.Entity, error) {
	text := strings.Join(tokens, " ")
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.UsingModel(p.model))
	if err != nil {
		return nil, err
	}
	// compact is text without spaces; at[i] is the token of compact[i].
	var compact strings.Builder
	var at []int
	for i, t := range tokens {
		for j := 0; j < len(t); j++ {
			if t[j] != ' ' {
				compact.WriteByte(t[j])
				at = append(at, i)
			}
		}
	}
	hay := compact.String()
	var out []eval.Entity
	from := 0
	for _, e := range doc.Entities() {
		needle := strings.ReplaceAll(e.Text, " ", "")
		if needle == "" {
			continue
		}
		k := strings.Index(hay[from:], needle)
		if k >= 0 {
			k += from
		} else if k = strings.Index(hay, needle); k < 0 {
			p.unaligned++
			continue
		}
		from = k + len(needle)
		out = append(out, eval.Entity{Start: at[k], End: at[from-1] + 1, Type: proseType(e.Label)})
	}
	return out, nil
}

func logScores(t *testing.T, name string, s eval.Scores) {
	t.Helper()
	t.Logf("%s\n%s", name, s)
}

// TestNERProse scores prose v2's NER on wikigold and on GUM's news and
// interview documents, entity by entity (exact span and type), with
// parallax/internal/eval's scorer. GUM is scored on its proper-name gold
// mentions only, its types mapped to PER/ORG/LOC/MISC (eval.GUMGold), and a
// prediction overlapping a dropped mention is not counted
// (eval.ScoreEntitiesExcept). It asserts nothing about prose: it is the
// baseline that Parallax's recogniser must beat.
func TestNERProse(t *testing.T) {
	if _, err := os.Stat(filepath.Join(datasetsRoot, "ner-open")); err != nil {
		t.Skipf("NER data sets not available: %v (they live in ../shared/datasets/ner-open)", err)
	}
	ner := newProseNER(t)

	t.Run("wikigold", func(t *testing.T) {
		docs, err := eval.LoadWikigold(datasetsRoot)
		if err != nil {
			t.Fatal(err)
		}
		total := eval.Scores{}
		for _, d := range docs {
			for _, s := range d.Sentences {
				pred, err := ner.entities(s.Tokens)
				if err != nil {
					t.Fatal(err)
				}
				total.Add(eval.ScoreEntities(eval.Entities(s.Tags), pred))
			}
		}
		logScores(t, "prose v2 on wikigold (IO tags, exact span and type):", total)
	})

	t.Run("GUM", func(t *testing.T) {
		docs, err := eval.LoadGUM(datasetsRoot)
		if err != nil {
			t.Fatal(err)
		}
		byCorpus := map[string]eval.Scores{}
		total := eval.Scores{}
		for _, d := range docs {
			if byCorpus[d.Corpus] == nil {
				byCorpus[d.Corpus] = eval.Scores{}
			}
			for _, s := range d.Sentences {
				pred, err := ner.entities(s.Tokens)
				if err != nil {
					t.Fatal(err)
				}
				gold, dropped := eval.GUMGold(s)
				sc := eval.ScoreEntitiesExcept(gold, dropped, pred)
				byCorpus[d.Corpus].Add(sc)
				total.Add(sc)
			}
		}
		for _, c := range slices.Sorted(maps.Keys(byCorpus)) {
			logScores(t, "prose v2 on GUM "+c+" (proper-name gold mentions only):", byCorpus[c])
		}
		logScores(t, "prose v2 on GUM news+interview (proper-name gold mentions only):", total)
	})
	if ner.unaligned > 0 {
		t.Logf("%d prose entities could not be aligned to the tokens and were left out", ner.unaligned)
	}
}
