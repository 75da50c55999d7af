package entity

import (
	"strings"
	"testing"

	"parallax"
)

func TestSpread(t *testing.T) {
	r, e := newTestRecognizer(t)
	known := NewKnown([]parallax.Mention{
		{Text: "Jacinda Ardern", Type: parallax.Person, Kind: parallax.MentionName, Confidence: 0.95},
		{Text: "Wellington", Type: parallax.Place, Kind: parallax.MentionName, Confidence: 0.9},
		{Text: "Will Brand", Type: parallax.Person, Kind: parallax.MentionName, Confidence: 0.9},
		{Text: "Zorvak", Type: parallax.Place, Kind: parallax.MentionName, Confidence: 0.5}, // too unsure to spread
	})
	for _, c := range []struct {
		name, src string
		want      []string // "text|type|role"
	}{
		{"surname and place", "Ardern flew back to Wellington on Tuesday.", []string{"Ardern|person|", "Wellington|place|"}},
		{"after a role the role is kept", "Later, Prime Minister Ardern spoke.", []string{"Ardern|person|prime minister"}},
		{"inside a longer name", "The Ardern Foundation gave money. Wellington Harbour froze.", nil},
		{"a word the article writes in lower case", "Brand said it will rain. The brand is old.", nil},
		{"an unsure name is not spread", "Zorvak was quiet.", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, m := range r.Spread("a1", c.src, e.Analyze(c.src), nil, known) {
				if m.Span.In(c.src) != m.Text || m.Article != "a1" {
					t.Errorf("mention %+v is not its text", m)
				}
				got = append(got, m.Text+"|"+m.Type+"|"+m.Role)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
	src := "Ardern met Ardern."
	have := []parallax.Mention{{Span: parallax.Span{Start: 0, End: 6}, Text: "Ardern"}}
	if got := r.Spread("a1", src, e.Analyze(src), have, known); len(got) != 1 || got[0].Start != 11 {
		t.Errorf("a mention already found is found again: %+v", got)
	}
}

func TestSpeaker(t *testing.T) {
	r, _ := newTestRecognizer(t)
	for _, c := range []struct {
		src, speaker, want string // want "text|type", or "" for no mention
	}{
		{"Halvorsen said the talks went well.", "Halvorsen", "Halvorsen|person"},
		{"Lula da Silva said so.", "Lula da Silva", "Lula da Silva|person"},
		{"Reuters reported it, Reuters said.", "Reuters", "Reuters|organization"},
		{"Austria said it would host the talks.", "Austria", "Austria|place"},
		{"He said he would go.", "He", ""},
		{"The minister said so.", "The minister", ""},
		{"Officials in Washington said so.", "Officials in Washington", ""},
		{"Spokesman Lee said so.", "Spokesman Lee", ""},
		{"Russian officials said so.", "Russian", ""},
	} {
		i := strings.Index(c.src, c.speaker)
		m, ok := r.Speaker("a1", c.src, parallax.Span{Start: i, End: i + len(c.speaker)})
		got := ""
		if ok {
			got = m.Text + "|" + m.Type
		}
		if got != c.want {
			t.Errorf("%q, speaker %q: got %q, want %q", c.src, c.speaker, got, c.want)
		}
	}
}
