package voice_test

import (
	"fmt"
	"log"

	"parallax"
	"parallax/internal/voice"
	"parallax/rules"
)

func ExampleDiff() {
	for _, op := range voice.Diff("I am very glad that you are in Moscow today.", "I am very pleased you are here today in Moscow,") {
		fmt.Printf("%s %s\n", op.Op, op.Text)
	}
	// Output:
	// = I am very
	// - glad that
	// + pleased
	// = you are
	// + here today
	// = in Moscow,
	// - today.
}

func ExampleGrouper_Group() {
	g, err := voice.New(rules.FS)
	if err != nil {
		log.Fatal(err)
	}
	quotes := []parallax.Quote{
		{ID: "q1", Article: "a1", Speaker: "e1", Kind: parallax.Direct, Text: "The blockade must end now, and the ships must be allowed to sail."},
		{ID: "q2", Article: "a2", Speaker: "e1", Kind: parallax.Partial, Text: "the blockade must end"},
		{ID: "q3", Article: "a2", Speaker: "e1", Kind: parallax.Direct, Text: "Our navy will stay in the strait."},
		{ID: "q4", Article: "a3", Speaker: "", Kind: parallax.Indirect, Text: "the blockade had to end now and the ships had to be allowed to sail"},
	}
	for _, gr := range g.Group(quotes) {
		fmt.Println(gr.ID, gr.Speaker, gr.Quotes, gr.Articles)
		fmt.Println(gr.Canonical)
	}
	for _, q := range quotes {
		fmt.Printf("%s:%q ", q.ID, q.Group)
	}
	fmt.Println()
	// Output:
	// g1 e1 [q1 q2 q4] [a1 a2 a3]
	// The blockade must end now, and the ships must be allowed to sail.
	// q1:"g1" q2:"g1" q3:"" q4:"g1"
}

func ExampleShare() {
	quotes := []parallax.Quote{
		{Article: "a1", Speaker: "e1", Text: "We want peace in the region."},
		{Article: "a1", Speaker: "e2", Text: "It all depends on what they need."},
		{Article: "a1", Speaker: "", Text: "No comment."},
	}
	shares, voices := voice.Share(quotes, map[string]string{"e1": "Ann Lee", "e2": "Bo Chan"})
	fmt.Printf("e1 %.2f, e2 %.2f\n", shares["a1"]["e1"], shares["a1"]["e2"])
	for _, v := range voices["a1"] {
		fmt.Printf("%q %q %d words %.2f\n", v.Speaker, v.SpeakerName, v.Words, v.Share)
	}
	// Output:
	// e1 0.40, e2 0.47
	// "e2" "Bo Chan" 7 words 0.47
	// "e1" "Ann Lee" 6 words 0.40
	// "" "" 2 words 0.13
}
