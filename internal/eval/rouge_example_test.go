package eval_test

import (
	"fmt"

	"parallax/internal/eval"
)

func ExampleScoreROUGE() {
	// The example of Lin (2004), section 3.1, without stemming.
	r := eval.ScoreROUGE("police kill the gunman", "police killed the gunman", false)
	fmt.Println(r)
	// Output: R-1 F 0.750 (P 0.750 R 0.750)  R-2 F 0.333 (P 0.333 R 0.333)  R-L F 0.750 (P 0.750 R 0.750)
}

func ExampleCitationValid() {
	source := `Putin condemned the U.S. strikes on three nuclear sites as "unprovoked aggression".`
	for _, s := range []string{
		"Putin condemned the strike on the nuclear sites.",
		"Putin condemned the strikes on four nuclear sites.",
		`Putin condemned the strikes as "illegal aggression".`,
	} {
		share, missing := eval.Support(s, []string{source})
		fmt.Printf("%v %.2f %q\n", eval.CitationValid(s, []string{source}), share, missing)
	}
	// Output:
	// true 1.00 []
	// false 0.83 ["four"]
	// false 0.80 ["illeg"]
}
