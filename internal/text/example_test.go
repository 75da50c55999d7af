package text_test

import (
	"bufio"
	"fmt"
	"strings"

	"parallax/internal/text"
	"parallax/rules"
)

func ExampleEngine_Analyze() {
	e, err := text.New(rules.FS)
	if err != nil {
		panic(err)
	}
	src := "Featured\n\nMOSCOW, June 23. /TASS/. Putin met Araghchi at 5 p.m. on Monday. “It is clear,” he said.\n\nJANE DOE/AFP via Getty Images"
	doc := e.Analyze(src)
	for _, f := range doc.Furniture {
		fmt.Printf("%s: %q\n", f.Kind, src[f.Start:f.End])
	}
	for _, s := range doc.Sentences {
		fmt.Printf("[%d-%d] quoted=%v %q\n", s.Start, s.End, s.Quoted, src[s.Start:s.End])
	}
	// Output:
	// label: "Featured"
	// dateline: "MOSCOW, June 23. /TASS/."
	// credit: "JANE DOE/AFP via Getty Images"
	// [35-74] quoted=false "Putin met Araghchi at 5 p.m. on Monday."
	// [75-102] quoted=true "“It is clear,” he said."
}

func ExampleSegmenter_Split() {
	e, err := text.New(rules.FS)
	if err != nil {
		panic(err)
	}
	sc := bufio.NewScanner(strings.NewReader("I live in the U.S. How about you? Mr. Smith went to Washington."))
	sc.Split(e.Segmenter().Split)
	for sc.Scan() {
		fmt.Println(sc.Text())
	}
	// Output:
	// I live in the U.S.
	// How about you?
	// Mr. Smith went to Washington.
}

func ExampleTokenizer_Tokens() {
	e, err := text.New(rules.FS)
	if err != nil {
		panic(err)
	}
	for _, t := range e.Tokenizer().Tokens("It came 48 hours after strikes on June 21, 2025 cost $5 million.") {
		if t.Kind.String() != "word" && t.Kind.String() != "punct" {
			fmt.Printf("%s %q value=%v unit=%q date=%q\n", t.Kind, t.Norm, t.Value, t.Unit, t.Date)
		}
	}
	// Output:
	// quantity "48 hours" value=48 unit="hour" date=""
	// date "june 21, 2025" value=0 unit="" date="2025-06-21"
	// money "$5 million" value=5e+06 unit="USD" date=""
}
