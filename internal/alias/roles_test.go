package alias

import (
	"fmt"
	"strings"
	"testing"

	"parallax"
	"parallax/internal/text"
	"parallax/rules"
)

func newEngine(t testing.TB) *text.Engine {
	t.Helper()
	e, err := text.New(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// nameAt makes a name mention of the first occurrence of name in src, with
// the role right before it when role is not empty.
func nameAt(src, name, role string) parallax.Mention {
	i := strings.Index(src, name)
	m := parallax.Mention{Article: "a", Span: parallax.Span{Start: i, End: i + len(name)}, Text: name, Type: parallax.Person, Kind: parallax.MentionName, Confidence: 1}
	if role != "" {
		j := strings.Index(src, role)
		m.Role, m.RoleSpan = strings.ToLower(role), parallax.Span{Start: j, End: j + len(role)}
	}
	return m
}

func TestRoleReferences(t *testing.T) {
	r := newResolver(t)
	e := newEngine(t)
	tests := []struct {
		name  string
		src   string
		names func(src string) []parallax.Mention
		want  []string // "text=role"
	}{
		{"demonym with the", "The Russian leader said the talks went well.", nil,
			[]string{"The Russian leader=russian leader"}},
		{"possessive country", "Iran's top diplomat arrived on Monday.", nil,
			[]string{"Iran's top diplomat=iran's top diplomat"}},
		{"possessive capital", "Talks with Tehran’s foreign minister ended late.", nil,
			[]string{"Tehran’s foreign minister=tehran's foreign minister"}},
		{"capital as qualifier", "Officials said the Washington envoy would stay.", nil,
			[]string{"the Washington envoy=washington envoy"}},
		{"organisation qualifier", "The Kremlin spokesman declined to comment.", nil,
			[]string{"The Kremlin spokesman=kremlin spokesman"}},
		{"plain role with the", "The foreign minister's visit was short. Later the prime minister spoke.", nil,
			[]string{"The foreign minister's=foreign minister's", "the prime minister=prime minister"}},
		{"without the, qualified", "The talks with Russian president ended.", nil,
			[]string{"Russian president=russian president"}},
		{"time words", "The former president and the ex-president met the then-president and the president-elect.", nil,
			[]string{"The former president=former president", "the ex-president=ex-president", "the then-president=then-president", "the president-elect=president-elect"}},
		{"postposed country", "The president of France spoke to the leader of the United States.", nil,
			[]string{"The president of France=president of france", "the leader of the United States=leader of the united states"}},
		{"generic possessive and descriptors", "The country's president and the Kremlin's top spokesman spoke.", nil,
			[]string{"The country's president=country's president", "the Kremlin's top spokesman=kremlin's top spokesman"}},
		{"weekday after the role", "The Iranian president Monday said the offer stood.", nil,
			[]string{"The Iranian president=iranian president"}},
		{"heading in title case", "Iran's Top Diplomat Holds Talks in Moscow\n\nThe talks began on Monday in the city.", nil,
			[]string{"Iran's Top Diplomat=iran's top diplomat"}},
		{"indefinite and pronoun determiners", "A Russian official said his foreign minister met an American diplomat.", nil, nil},
		{"plural roles", "Russian leaders met the foreign ministers.", nil, nil},
		{"someone else's role", "The president of Gazprom resigned.", nil, nil},
		{"unqualified role without the", "He became president in 2024.", nil, nil},
		{"role in a name's role span", "Kremlin spokesman Dmitry Peskov said no.",
			func(src string) []parallax.Mention {
				return []parallax.Mention{nameAt(src, "Dmitry Peskov", "Kremlin spokesman")}
			}, nil},
		{"role right before a name", "The Kremlin spokesman Dmitry Peskov said no.",
			func(src string) []parallax.Mention { return []parallax.Mention{nameAt(src, "Dmitry Peskov", "")} }, nil},
		{"appositive role after a name", "Dmitry Peskov, the Kremlin spokesman, said no.",
			func(src string) []parallax.Mention { return []parallax.Mention{nameAt(src, "Dmitry Peskov", "")} }, nil},
		{"capitalised word after the role", "The foreign minister Lavrov said no.", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var names []parallax.Mention
			if tt.names != nil {
				names = tt.names(tt.src)
			}
			refs := r.RoleReferences("a", tt.src, e.Analyze(tt.src), names)
			var got []string
			for _, m := range refs {
				if m.Kind != parallax.MentionRole || m.Type != parallax.Person || m.Article != "a" || m.Text != m.Span.In(tt.src) {
					t.Errorf("bad mention %+v", m)
				}
				got = append(got, m.Text+"="+m.Role)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestRoleReferencesMerge runs the two halves together: role references
// found in text resolve to the people the story names.
func TestRoleReferencesMerge(t *testing.T) {
	r := newResolver(t)
	e := newEngine(t)
	a := "Brazilian President Lula da Silva met Kenyan Foreign Minister Musalia Mudavadi. The Brazilian leader praised Nairobi's top diplomat."
	names := []parallax.Mention{nameAt(a, "Lula da Silva", "Brazilian President"), nameAt(a, "Musalia Mudavadi", "Kenyan Foreign Minister")}
	refs := r.RoleReferences("a", a, e.Analyze(a), names)
	ents, _, ms := r.Merge(append(names, refs...), nil)
	if len(refs) != 2 || len(ents) != 2 {
		t.Fatalf("refs %+v, entities %+v", refs, ents)
	}
	for _, m := range ms {
		want := "Lula da Silva"
		if strings.Contains(m.Text, "Mudavadi") || strings.Contains(m.Text, "diplomat") {
			want = "Musalia Mudavadi"
		}
		if m.Entity == "" || ents[entityIndex(ents, m.Entity)].Name != want {
			t.Errorf("%q → %q, want %s", m.Text, m.Entity, want)
		}
	}
}

func entityIndex(ents []parallax.Entity, id string) int {
	for i, e := range ents {
		if e.ID == id {
			return i
		}
	}
	return -1
}
