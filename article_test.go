package parallax

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestArticleJSON(t *testing.T) {
	tests := []struct {
		name string
		a    Article
		want []string // substrings of the JSON
	}{
		{"unknown date is null", Article{ID: "a1"}, []string{`"published":null`, `"syndicated_from":""`}},
		{"known date", Article{ID: "a1", Published: time.Date(2025, 6, 23, 0, 0, 0, 0, time.UTC)}, []string{`"published":"2025-06-23T00:00:00Z"`}},
		{"text that looks like the field", Article{ID: "a1", Text: `"published":"0001-01-01T00:00:00Z" & <b>`},
			[]string{`"published":null`, `"text":"\"published\":\"0001-01-01T00:00:00Z\" & <b>"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf strings.Builder
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false) // as the report writes it
			if err := enc.Encode(&tt.a); err != nil {
				t.Fatal(err)
			}
			b := []byte(buf.String())
			for _, w := range tt.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("%s\nlacks %s", b, w)
				}
			}
			var back Article
			if err := json.Unmarshal(b, &back); err != nil || !back.Published.Equal(tt.a.Published) || back.Text != tt.a.Text {
				t.Errorf("round trip: %+v, %v", back, err)
			}
		})
	}
}
