package source_test

import (
	"fmt"

	"parallax/internal/source"
	"parallax/internal/text"
	"parallax/rules"
)

func ExampleFinder_Cited() {
	eng, err := text.New(rules.FS)
	if err != nil {
		panic(err)
	}
	f, err := source.New(rules.FS)
	if err != nil {
		panic(err)
	}
	src := "The Russian news agency Tass added that talks would go on. " +
		"The ministry said in a statement that the visit was useful, and officials said a deal was close."
	for _, c := range f.Cited(src, eng.Analyze(src)) {
		fmt.Printf("%s (%s) at %d: %q\n", c.Name, c.Kind, c.Start, c.In(src))
	}
	// Output:
	// TASS (agency) at 24: "Tass"
	// ministry (document) at 63: "ministry"
	// officials (unnamed) at 123: "officials"
}
