package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// datasetsRoot is the shared data sets root seen from this package.
const datasetsRoot = "../../../shared/datasets"

// TestDatasets loads wikigold and GUM from the shared data sets and logs
// their sizes; it skips when they are absent.
func TestDatasets(t *testing.T) {
	if _, err := os.Stat(filepath.Join(datasetsRoot, "ner-open")); err != nil {
		t.Skipf("NER data sets not available: %v (they live in ../shared/datasets/ner-open)", err)
	}
	t.Run("wikigold", func(t *testing.T) {
		docs, err := LoadWikigold(datasetsRoot)
		if err != nil {
			t.Fatal(err)
		}
		st := countDocs(docs, func(s NERSentence) ([]Entity, []Entity) { return Entities(s.Tags), nil })
		t.Logf("wikigold: %s", st)
		// docs/corpusconfig.cfg gives 1841 sentences and 39152 tokens,
		// counting the 145 "-DOCSTART- O" lines as one-token sentences; its
		// entity counts are PER 934, LOC 1014, ORG 898, MISC 712.
		if st.sentences != 1841-145 || st.tokens != 39152-145 {
			t.Errorf("wikigold: %d sentences, %d tokens; want 1696 and 39007", st.sentences, st.tokens)
		}
		want := map[string]int{"PER": 934, "LOC": 1014, "ORG": 898, "MISC": 712, All: 3558}
		for k, n := range want {
			if st.entities[k] != n {
				t.Errorf("wikigold: %d %s entities, want %d", st.entities[k], k, n)
			}
		}
		if len(docs) != 145 {
			t.Errorf("wikigold: %d documents, want 145", len(docs))
		}
	})
	t.Run("GUM", func(t *testing.T) {
		docs, err := LoadGUM(datasetsRoot)
		if err != nil {
			t.Fatal(err)
		}
		for _, corpus := range GUMCorpora {
			part := slices.DeleteFunc(slices.Clone(docs), func(d Document) bool { return d.Corpus != corpus })
			raw := countDocs(part, func(s NERSentence) ([]Entity, []Entity) { return Entities(s.Tags), nil })
			t.Logf("GUM %s, all mentions: %s", corpus, raw)
			scored := countDocs(part, GUMGold)
			t.Logf("GUM %s, scored (proper names, mapped types): %s", corpus, scored)
			if scored.entities[All] == 0 {
				t.Errorf("GUM %s: no scored gold entity", corpus)
			}
		}
		st := countDocs(docs, func(s NERSentence) ([]Entity, []Entity) { return nil, nil })
		if st.tokens != 13610+17695 {
			t.Errorf("GUM news+interview: %d tokens, want %d", st.tokens, 13610+17695)
		}
	})
}

type datasetStats struct {
	docs, sentences, tokens int
	entities, dropped       map[string]int
}

func (s datasetStats) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d documents, %d sentences, %d tokens; entities", s.docs, s.sentences, s.tokens)
	for _, k := range sortedKeys(s.entities) {
		fmt.Fprintf(&b, " %s %d", k, s.entities[k])
	}
	if len(s.dropped) > 0 {
		b.WriteString("; dropped")
		for _, k := range sortedKeys(s.dropped) {
			fmt.Fprintf(&b, " %s %d", k, s.dropped[k])
		}
	}
	return b.String()
}

func sortedKeys(m map[string]int) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func countDocs(docs []Document, gold func(NERSentence) (kept, dropped []Entity)) datasetStats {
	st := datasetStats{docs: len(docs), entities: map[string]int{}, dropped: map[string]int{}}
	for _, d := range docs {
		for _, s := range d.Sentences {
			st.sentences++
			st.tokens += len(s.Tokens)
			kept, dropped := gold(s)
			for _, e := range kept {
				st.entities[e.Type]++
				st.entities[All]++
			}
			for _, e := range dropped {
				st.dropped[e.Type]++
			}
		}
	}
	return st
}
