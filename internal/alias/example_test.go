package alias_test

import (
	"fmt"
	"strings"

	"parallax"
	"parallax/internal/alias"
	"parallax/internal/text"
	"parallax/rules"
)

func ExampleResolver_Merge() {
	r, err := alias.New(rules.FS)
	if err != nil {
		panic(err)
	}
	e, err := text.New(rules.FS)
	if err != nil {
		panic(err)
	}
	a := "Chilean President Ana Rojas met Peru's foreign minister. The Chilean leader said Rojas would return."
	b := "Ana Rojas landed in Lima. Rojas spoke briefly."
	name := func(art, src, txt, role string, from int) parallax.Mention {
		i := from + strings.Index(src[from:], txt)
		return parallax.Mention{Article: art, Span: parallax.Span{Start: i, End: i + len(txt)}, Text: txt,
			Type: parallax.Person, Kind: parallax.MentionName, Role: role, Confidence: 0.9}
	}
	names := []parallax.Mention{name("a", a, "Ana Rojas", "chilean president", 0), name("a", a, "Rojas", "", 60)}
	mentions := append(names, r.RoleReferences("a", a, e.Analyze(a), names)...)
	mentions = append(mentions, name("b", b, "Ana Rojas", "", 0), name("b", b, "Rojas", "", 20))
	entities, naming, merged := r.Merge(mentions, nil)
	for _, ent := range entities {
		fmt.Println(ent.ID, ent.Name, ent.Type, ent.Aliases, ent.Roles, ent.Mentions)
	}
	fmt.Println(naming[0].ByArticle["a"])
	for _, m := range merged {
		if m.Entity == "" {
			fmt.Printf("unresolved: %q\n", m.Text)
		}
	}
	// Output:
	// e1 Ana Rojas person [Rojas the Chilean leader] [chilean leader chilean president] map[a:3 b:2]
	// [Ana Rojas Rojas the Chilean leader]
	// unresolved: "Peru's foreign minister"
}
