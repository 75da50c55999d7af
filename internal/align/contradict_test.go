package align

import (
	"strings"
	"testing"

	"parallax"
	"parallax/internal/text"
	"parallax/rules"
)

func TestContradictions(t *testing.T) {
	a, err := New(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := text.New(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		texts  [2]string
		quotes [2]string // speaker entity of a quote over the whole text, or ""
		want   string    // "kind: value | value", or "" for none
	}{
		{"a negated verb against the plain verb", [2]string{"The treaty did not include a mutual defence clause.", "The treaty includes a mutual defence clause."}, [2]string{},
			"negation: not include | includes"},
		{"a contracted negation", [2]string{"The ministry hasn't confirmed the deal.", "The ministry confirmed the deal."}, [2]string{},
			"negation: not confirmed | confirmed"},
		{"a negated verb with another object", [2]string{"The treaty did not include a mutual defence clause.", "The treaty includes broad economic cooperation."}, [2]string{}, ""},
		{"a noun that shares the verb's stem", [2]string{"Washington did not inform Moscow of the strikes.", "Washington shared no information with Moscow about the strikes."}, [2]string{}, ""},
		{"spans that share too little are not compared", [2]string{"Talks did not resume.", "The ministers resumed their long-planned visit to the border region after a pause."}, [2]string{}, ""},
		{"both negated agree", [2]string{"The treaty did not include a defence clause.", "The treaty does not include any defence clause."}, [2]string{}, ""},
		{"a noun negated by no is not a negated predicate", [2]string{"The strikes have no basis.", "The strikes have a basis in law."}, [2]string{}, ""},
		{"counts of the same thing", [2]string{"The floods killed 20 people in the north.", "The floods killed 25 people in the north."}, [2]string{},
			"count: 20 | 25"},
		{"the same count", [2]string{"The floods killed 20 people.", "Twenty people were killed by the floods."}, [2]string{}, ""},
		{"a count against a list agrees", [2]string{"Jets struck three sites.", "Jets struck Fordow, Natanz and Isfahan."}, [2]string{}, ""},
		{"durations are left to the dates", [2]string{"The raid came 48 hours after the vote.", "The raid came two days after the vote."}, [2]string{}, ""},
		{"two speakers for one quote", [2]string{"“We will rebuild,” the mayor said.", "“We will rebuild,” the governor said."}, [2]string{"e1", "e2"},
			"attribution: Ann Mayor | Bo Governor"},
		{"one speaker", [2]string{"“We will rebuild,” the mayor said.", "“We will rebuild,” Ann Mayor said."}, [2]string{"e1", "e1"}, ""},
		{"two speakers sharing a few words say different things", [2]string{"“Russia is a friendly country,” the mayor said.", "“As a friendly country with long ties, Russia holds a special position in the region,” the governor said."}, [2]string{"e1", "e2"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var arts []*parallax.Article
			var quotes []parallax.Quote
			cl := parallax.Claim{ID: "c1", Text: "the claim"}
			for i, src := range c.texts {
				doc := eng.Analyze(src)
				id := "a" + string(rune('1'+i))
				arts = append(arts, &parallax.Article{ID: id, Text: src, Tokens: doc.Tokens, Sentences: doc.Sentences})
				cl.Support = append(cl.Support, parallax.Support{Article: id, Span: parallax.Span{Start: 0, End: len(src)}})
				if c.quotes[i] != "" {
					// the quoted words: between the first pair of quotation marks
					qs, qe := strings.Index(src, "“")+len("“"), strings.Index(src, ",”")
					quotes = append(quotes, parallax.Quote{Article: id, Speaker: c.quotes[i], Kind: parallax.Direct, Span: parallax.Span{Start: qs, End: qe}})
				}
			}
			got := a.Contradictions([]parallax.Claim{cl}, arts, quotes, map[string]string{"e1": "Ann Mayor", "e2": "Bo Governor"})
			var s []string
			for _, x := range got {
				var vals []string
				for _, st := range x.Statements {
					vals = append(vals, st.Value)
					if st.Span.In(arts[st.Article[1]-'1'].Text) != st.Text {
						t.Errorf("statement %+v: text is not its span's", st)
					}
				}
				s = append(s, x.Kind+": "+strings.Join(vals, " | "))
			}
			if strings.Join(s, "; ") != c.want {
				t.Errorf("got %q, want %q", strings.Join(s, "; "), c.want)
			}
		})
	}
}
