package align

import (
	"strings"
	"testing"
	"testing/fstest"

	"parallax/rules"
)

func TestNewDataErrors(t *testing.T) {
	tests := []struct {
		name, file, data, want string
	}{
		{"word in two groups", "align/synonyms.txt", "# provenance: test\nstrike\tattack\ncondemn\tattacks\n", "align/synonyms.txt:3:"},
		{"no provenance", "align/frames.txt", "according to\n", `no "# provenance:" line`},
		{"irregular without base", "align/irregular.txt", "# provenance: test\nmet\n", "align/irregular.txt:2: want a form"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := rules.Overlay(fstest.MapFS{tt.file: {Data: []byte(tt.data)}})
			_, err := New(fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
	if _, err := New(rules.FS); err != nil {
		t.Errorf("embedded rules: %v", err)
	}
}
