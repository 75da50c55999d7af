package synth_test

import (
	"fmt"

	"parallax"
	"parallax/internal/synth"
	"parallax/rules"
)

func ExampleWriter_Brief() {
	w, err := synth.New(rules.FS)
	if err != nil {
		fmt.Println(err)
		return
	}
	arts := []*parallax.Article{
		{ID: "a1", Text: "The council approved a massive budget on Tuesday."},
		{ID: "a2", Text: "On Tuesday the council approved its budget."},
	}
	s := &parallax.Story{ID: "s1", Articles: []string{"a1", "a2"}, Claims: []parallax.Claim{{
		ID: "c1",
		Support: []parallax.Support{
			{Article: "a1", Span: parallax.Span{Start: 0, End: 48}},
			{Article: "a2", Span: parallax.Span{Start: 0, End: 42}, Score: 0.7, Matched: []string{"stems: council, approv, budget"}},
		},
	}}}
	// the plainer wording wins; both articles are cited
	for _, sn := range w.Brief(s, arts, synth.Options{}).Sentences {
		fmt.Println(sn.Text, sn.Citations, sn.Claims)
	}
	// Output:
	// On Tuesday the council approved its budget. [a1 a2] [c1]
}
