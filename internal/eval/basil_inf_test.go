package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadBASILInf(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "basil"), 0o755); err != nil {
		t.Fatal(err)
	}
	rec := `{"triplet_uuid": "t1", "articles": [{"source": "fox", "sentences": ["A b.", "C d."], "phrase_level_annotations": [` +
		`{"bias": "inf", "sentence_index": 1, "txt": "C d"}, {"bias": "lex", "sentence_index": 0, "txt": "A"}, {"bias": "inf", "txt": "nowhere"}]}]}`
	write := func(s string) {
		if err := os.WriteFile(filepath.Join(dir, BASILFile), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(rec + "\n")
	got, err := LoadBASILInf(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != (BASILInf{Triplet: "t1", Source: "fox", Sentence: 1, Text: "C d"}) {
		t.Errorf("got %+v", got)
	}
	write(strings.Replace(rec, `"sentence_index": 1`, `"sentence_index": 5`, 1) + "\n")
	if _, err := LoadBASILInf(dir); err == nil || !strings.Contains(err.Error(), "sentence 5 of 2") {
		t.Errorf("out-of-range sentence: err = %v", err)
	}
	if _, err := LoadBASILInf(t.TempDir()); err == nil {
		t.Error("missing file: no error")
	}
}
