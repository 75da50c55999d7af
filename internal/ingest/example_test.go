package ingest_test

import (
	"fmt"
	"strings"

	"parallax"
	"parallax/internal/ingest"
	"parallax/internal/text"
	"parallax/rules"
)

func ExampleRead() {
	stdin := strings.NewReader("---\noutlet: TASS\npublished: 2025-06-23\n---\n\nPutin met Araghchi in Moscow.\n")
	res := ingest.Read([]string{"-", "missing.txt"}, ingest.Options{Stdin: stdin})
	for _, a := range res.Articles {
		fmt.Printf("%s %s %s %s %q\n", a.ID, a.Source, a.Outlet, a.Published.Format("2006-01-02"), a.Text)
	}
	for _, w := range res.Warnings {
		fmt.Printf("warning: %s: %s\n", w.Input, w.Message)
	}
	// Output:
	// a1 - TASS 2025-06-23 "Putin met Araghchi in Moscow.\n"
	// warning: missing.txt: no such file or directory
}

func ExampleParseFrontMatter() {
	fm, body, err := ingest.ParseFrontMatter([]byte("---\ntitle: Talks in Moscow\npublished: June 23, 2025\n---\n\nBody.\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s | %s | %q\n", fm.Title, fm.Published.Format("2006-01-02"), body)
	// Output:
	// Talks in Moscow | 2025-06-23 | "Body.\n"
}

func ExampleLists_InferMeta() {
	lists, err := ingest.LoadLists(rules.FS)
	if err != nil {
		fmt.Println(err)
		return
	}
	engine, err := text.New(rules.FS)
	if err != nil {
		fmt.Println(err)
		return
	}
	a := &parallax.Article{Text: "MENAFN - Kashmir Observer) Moscow - Putin met Araghchi.\n\nvia June 22nd 2025"}
	// The text engine marks the furniture and the date tokens.
	doc := engine.Analyze(a.Text)
	a.Sentences, a.Furniture, a.Tokens, a.Words = doc.Sentences, doc.Furniture, doc.Tokens, doc.Words
	lists.InferMeta(a)
	fmt.Println(a.Outlet, a.Published.Format("2006-01-02"))
	for _, inf := range a.Inferred {
		fmt.Printf("%s by rule %s from %q\n", inf.Field, inf.Rule, inf.Span.In(a.Text))
	}
	// Output:
	// Kashmir Observer 2025-06-22
	// outlet by rule agency-prefix from "MENAFN - Kashmir Observer)"
	// published by rule via from "via June 22nd 2025"
}
