package timex

import (
	"strings"
	"testing"
	"testing/fstest"

	"parallax/rules"
)

// TestNewReportsDataErrors checks that data errors in several files are
// reported together, each as file:line.
func TestNewReportsDataErrors(t *testing.T) {
	dir := fstest.MapFS{
		"timex/relative.txt":     {Data: []byte("# provenance: test\nyesterday\tday\tminus one\nlast year\tfortnight\t-1\n")},
		"timex/parts-of-day.txt": {Data: []byte("# provenance: test\nmorning\t12\t5\tafter\n")},
		"timex/zone-offsets.txt": {Data: []byte("# provenance: test\nEDT\t-4\n")},
	}
	_, err := New(rules.Overlay(dir))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"timex/relative.txt:2: shift", "timex/relative.txt:3: unknown unit",
		"timex/parts-of-day.txt:2: hours", "timex/zone-offsets.txt:2:", `no offset for "EST"`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}
