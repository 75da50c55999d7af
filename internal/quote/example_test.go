package quote_test

import (
	"fmt"

	"parallax/internal/quote"
	"parallax/internal/text"
	"parallax/rules"
)

func ExampleExtractor_Extract() {
	e, err := text.New(rules.FS)
	if err != nil {
		panic(err)
	}
	x, err := quote.New(rules.FS)
	if err != nil {
		panic(err)
	}
	src := "Mayor Lin Park met the unions on Monday.\n\n“We have a deal,” she said, “and it is a fair one.”\n\nPark claimed that the strike had cost the city millions."
	for _, a := range x.Extract(src, e.Analyze(src)) {
		q := a.Quote
		fmt.Printf("%s %q speaker=%q name=%q cue=%q stance=%s\n", q.Kind, q.Text, q.SpeakerText, a.Name, q.Cue, q.Stance)
	}
	// Output:
	// direct "We have a deal" speaker="she" name="Lin Park" cue="said" stance=neutral
	// direct "and it is a fair one." speaker="she" name="Lin Park" cue="said" stance=neutral
	// indirect "that the strike had cost the city millions" speaker="Park" name="Park" cue="claimed" stance=doubt
}
