package timex_test

import (
	"fmt"
	"time"

	"parallax/internal/text"
	"parallax/internal/timex"
	"parallax/rules"
)

func Example() {
	eng, err := text.New(rules.FS)
	if err != nil {
		panic(err)
	}
	r, err := timex.New(rules.FS)
	if err != nil {
		panic(err)
	}
	src := "Putin met Araghchi in Moscow on Monday. The meeting came a day after the strikes."
	published := time.Date(2025, 6, 23, 0, 0, 0, 0, time.UTC)
	for _, e := range r.Resolve(src, eng.Analyze(src), published) {
		fmt.Printf("%s %q = %s\n", e.Kind, e.Text, e.Value)
		if o := e.Offset; o != nil {
			fmt.Printf("  %q (%s) %s %s %q (%s)\n", o.Event, o.EventValue, o.Duration, o.Direction, o.Anchor, o.AnchorValue)
		}
	}
	// Output:
	// date "Monday" = 2025-06-23
	// offset "a day after" = P1D
	//   "The meeting" (2025-06-23) P1D after "the strikes" (2025-06-22)
}

func ExampleResolver_Overlap() {
	eng, _ := text.New(rules.FS)
	r, _ := timex.New(rules.FS)
	published := time.Date(2025, 6, 23, 0, 0, 0, 0, time.UTC)
	first := func(src string) timex.Expr { return r.Resolve(src, eng.Analyze(src), published)[0] }
	us := first("Trump spoke on Saturday night in Washington.")
	iran := first("The bombs fell on Sunday morning Tehran time.")
	ok, _ := r.Overlap(us, iran)
	fmt.Println(us.Value, us.PartOfDay, us.Place, "|", iran.Value, iran.PartOfDay, iran.Zone, "|", ok)
	// Output:
	// 2025-06-21 night Washington | 2025-06-22 morning Tehran | true
}
