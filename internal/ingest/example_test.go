package ingest_test

import (
	"fmt"
	"strings"

	"parallax"
	"parallax/internal/ingest"
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

func ExampleInferMeta() {
	text := "MENAFN - Kashmir Observer) Moscow - Putin met Araghchi.\n\nvia June 22nd 2025"
	via := strings.Index(text, "via")
	// The furniture the text engine marks.
	a := &parallax.Article{Text: text, Furniture: []parallax.Furniture{
		{Kind: parallax.FurnitureAgency, Span: parallax.Span{Start: 0, End: 26}},
		{Kind: parallax.FurnitureVia, Span: parallax.Span{Start: via, End: len(text)}},
	}}
	ingest.InferMeta(a)
	fmt.Println(a.Outlet, a.Published.Format("2006-01-02"))
	for _, inf := range a.Inferred {
		fmt.Printf("%s by rule %s from %q\n", inf.Field, inf.Rule, inf.Span.In(text))
	}
	// Output:
	// Kashmir Observer 2025-06-22
	// outlet by rule agency-prefix from "MENAFN - Kashmir Observer)"
	// published by rule via from "via June 22nd 2025"
}
