package align_test

import (
	"fmt"

	"parallax"
	"parallax/internal/align"
	"parallax/internal/text"
	"parallax/rules"
)

// Two outlets report one fact in different words: "an airstrike" and
// "attacked" align as synonyms. Entity mentions and quotes, which the
// earlier stages give in a full run, are left out here.
func ExampleAligner_Claims() {
	eng, err := text.New(rules.FS)
	if err != nil {
		panic(err)
	}
	al, err := align.New(rules.FS)
	if err != nil {
		panic(err)
	}
	arts := []*parallax.Article{
		{ID: "a1", Outlet: "Daily Post", Text: "Warplanes carried out an airstrike on the fuel depot near the harbour on Friday."},
		{ID: "a2", Outlet: "Evening Star", Text: "Warplanes attacked the fuel depot near the harbour on Friday."},
	}
	for _, a := range arts {
		doc := eng.Analyze(a.Text)
		a.Sentences, a.Tokens = doc.Sentences, doc.Tokens
	}
	for _, c := range al.Claims(arts, nil, nil) {
		fmt.Printf("%s %s (%d outlets): %s\n", c.ID, c.Status, c.Coverage, c.Text)
		for _, s := range c.Support[1:] {
			fmt.Println("  ", s.Article, s.Matched)
		}
	}
	fmt.Println(align.Omissions(nil, arts))
	// Output:
	// c1 consensus (2 outlets): Warplanes attacked the fuel depot near the harbour on Friday
	//    a1 [stems: warplan, fuel, depot, near, harbour synonym: attack~airstrik time: friday]
	// map[a1:[] a2:[]]
}
