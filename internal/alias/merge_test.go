package alias

import (
	"reflect"
	"strings"
	"testing"

	"parallax"
	"parallax/rules"
)

func newResolver(t testing.TB) *Resolver {
	t.Helper()
	r, err := New(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// story builds mentions from lines "article|text|type|role"; type "role"
// makes a role reference (Kind role, Type person). Each mention gets a span
// after the previous one of its article, so that line order is text order.
func story(lines ...string) []parallax.Mention {
	pos := map[string]int{}
	var out []parallax.Mention
	for _, l := range lines {
		f := strings.Split(l, "|")
		for len(f) < 4 {
			f = append(f, "")
		}
		m := parallax.Mention{Article: f[0], Text: f[1], Type: f[2], Kind: parallax.MentionName, Role: f[3], Confidence: 0.9}
		if f[2] == "role" {
			m.Type, m.Kind = parallax.Person, parallax.MentionRole
		}
		m.Start = pos[f[0]] + 10
		m.End = m.Start + len(f[1])
		pos[f[0]] = m.End
		out = append(out, m)
	}
	return out
}

// TestMerge checks which mentions become one entity: same lists mention
// indexes that must share an entity, apart pairs that must not, none the
// mentions that must stay unresolved.
func TestMerge(t *testing.T) {
	r := newResolver(t)
	tests := []struct {
		name  string
		ms    []parallax.Mention
		same  [][]int
		apart [][2]int
		none  []int
	}{
		{
			name: "surname, title and role prefix join the full name across articles",
			ms: story("a|Vladimir Putin|person|russian president", "a|Putin|person", "b|Mr. Putin|person",
				"b|President Putin|person", "c|Putin's|person", "c|Angela Merkel|person", "c|Merkel|person", "d|Dr. Merkel|person"),
			same:  [][]int{{0, 1, 2, 3, 4}, {5, 6, 7}},
			apart: [][2]int{{0, 5}},
		},
		{
			name:  "initial and middle name fit the full name",
			ms:    story("a|Jacinda Kate Laurell Ardern|person", "b|J. Ardern|person", "b|Jacinda Ardern|person", "c|Ardern|person"),
			same:  [][]int{{0, 1, 2, 3}},
			apart: nil,
		},
		{
			name: "transliterations of a surname merge under one first name",
			ms: story("a|Abbas Araghchi|person|foreign minister", "b|Abbas Araqchi|person", "c|Araqchi|person",
				"d|Arakchi|person|iran's foreign minister", "a|Mohammad Bagher Ghalibaf|person", "e|Mohammad Bagher Qalibaf|person",
				"e|Muammar Gaddafi|person", "f|Muammar Qadhafi|person", "g|Kadhafi|person", "h|Yusuf Qaradawi|person", "i|Yousef Karadawi|person"),
			same: [][]int{{0, 1, 2, 3}, {4, 5}, {6, 7, 8}, {9, 10}},
		},
		{
			name:  "skeleton match with a different first name stays apart",
			ms:    story("a|Mohammad Ghalibaf|person", "b|Hassan Qalibaf|person", "c|Farid Qasimov|person", "d|Rashid Kasimov|person"),
			apart: [][2]int{{0, 1}, {2, 3}},
		},
		{
			name:  "exact surname with different first names stays apart",
			ms:    story("a|John Smith|person", "b|Jane Smith|person", "b|Smith|person", "c|Smith|person"),
			apart: [][2]int{{0, 1}, {0, 2}},
			same:  [][]int{{1, 2}},
			none:  []int{3},
		},
		{
			name: "two Khameneis: a bare surname goes to the one its article names before it",
			ms: story("a|Seyyed Ali Khamenei|person|supreme leader", "a|Ali Khamenei|person", "a|Khamenei|person",
				"b|Mojtaba Khamenei|person", "b|Khamenei|person", "c|Khamenei|person",
				"d|Ali Khamenei|person", "d|Mojtaba Khamenei|person", "d|Khamenei|person"),
			same:  [][]int{{0, 1, 2, 6}, {3, 4, 7, 8}},
			apart: [][2]int{{0, 3}},
			none:  []int{5},
		},
		{
			name:  "a bare shared surname takes the only one its article names, even after it",
			ms:    story("a|Ali Khamenei|person", "b|Mojtaba Khamenei|person", "c|Khamenei|person", "c|Mojtaba Khamenei|person"),
			same:  [][]int{{1, 2, 3}},
			apart: [][2]int{{0, 2}},
		},
		{
			name:  "a bare shared surname with an agreeing role",
			ms:    story("a|Ali Khamenei|person|supreme leader", "b|Mojtaba Khamenei|person|cleric", "c|Khamenei|person|supreme leader"),
			same:  [][]int{{0, 2}},
			apart: [][2]int{{1, 2}},
		},
		{
			name: "a single-word variant with two candidates needs an agreeing role",
			ms: story("a|Karim Qasemi|person|interior minister", "b|Reza Kasemi|person|footballer", "c|Ghasemi|person|interior minister",
				"d|Ghasemi|person"),
			same:  [][]int{{0, 2}},
			apart: [][2]int{{0, 1}},
			none:  []int{3},
		},
		{
			name:  "two spellings in one article are two names",
			ms:    story("a|Lina Karimi|person", "a|Lina Qarimi|person", "b|Kerman|place", "b|Karman|place"),
			apart: [][2]int{{0, 1}, {2, 3}},
		},
		{
			name: "place transliterations and country aliases",
			ms: story("a|Fordow|place", "b|Fordo|place", "a|Isfahan|place", "c|Esfahan|place", "a|Tehran|place", "d|Teheran|place",
				"a|US|place", "b|United States|place", "c|the United States|place", "a|Iran|place", "b|Oran|place"),
			same:  [][]int{{0, 1}, {2, 3}, {4, 5}, {6, 7, 8}},
			apart: [][2]int{{9, 10}},
		},
		{
			name:  "organisation acronyms and the full name",
			ms:    story("a|IAEA|organization", "b|International Atomic Energy Agency|organization", "c|the Kremlin|organization", "d|Kremlin|organization"),
			same:  [][]int{{0, 1}, {2, 3}},
			apart: [][2]int{{0, 2}},
		},
		{
			name: "an organisation's short name inside a longer name",
			ms: story("a|UN Security Council|organization", "b|United Nations Security Council|organization", "c|Security Council|organization",
				"d|Foreign Ministry|organization", "e|Russian Foreign Ministry|organization", "f|Iranian Foreign Ministry|organization"),
			same:  [][]int{{0, 1, 2}},
			apart: [][2]int{{3, 4}, {3, 5}, {4, 5}},
		},
		{
			name:  "a place and a person with the same name stay apart",
			ms:    story("a|George Washington|person", "b|Washington|place", "c|Washington|place", "d|Washington|person", "e|Jordan|place", "f|Michael Jordan|person"),
			same:  [][]int{{0, 3}, {1, 2}},
			apart: [][2]int{{0, 1}, {4, 5}},
		},
		{
			name:  "a city named as its government stays one entity",
			ms:    story("a|Moscow|place", "b|Moscow|organization", "c|Moscow|place", "d|Beijing|organization", "e|Beijing|place"),
			same:  [][]int{{0, 1, 2}, {3, 4}},
			apart: [][2]int{{0, 3}},
		},
		{
			name:  "a mention of type other follows the majority of its name",
			ms:    story("a|Vladimir Putin|person", "b|Putin|other", "c|Putin|person", "d|Gazprom|organization", "e|Gazprom|other"),
			same:  [][]int{{0, 1, 2}, {3, 4}},
			apart: [][2]int{{0, 3}},
		},
		{
			name: "role references resolve to the one holder of a compatible role",
			ms: story("a|Vladimir Putin|person|russian president", "a|Abbas Araghchi|person|iran's foreign minister",
				"a|russian leader|role|russian leader", "a|top diplomat|role|iran's top diplomat",
				"b|Dmitry Peskov|person|kremlin spokesman", "c|kremlin spokesman|role|kremlin spokesman",
				"c|iranian foreign minister|role|iranian foreign minister", "c|tehran's top diplomat|role|tehran's top diplomat",
				"d|Putin|person|president", "d|the president|role|president"),
			same: [][]int{{0, 2, 8, 9}, {1, 3, 6, 7}, {4, 5}},
		},
		{
			name: "the article's own holder wins over the story's",
			ms: story("a|Sergei Lavrov|person|foreign minister", "b|Abbas Araghchi|person|iranian foreign minister",
				"b|the foreign minister|role|foreign minister", "c|the foreign minister|role|foreign minister",
				"c|Lavrov|person|russian foreign minister", "d|the foreign minister|role|foreign minister"),
			same: [][]int{{1, 2}, {0, 3, 4}},
			none: []int{5},
		},
		{
			name: "several holders leave a role reference unresolved",
			ms: story("a|Masoud Pezeshkian|person|iranian president", "a|Ali Khamenei|person|iran's supreme leader",
				"a|the Iranian leader|role|iranian leader", "b|the French president|role|french president",
				"b|Emmanuel Macron|person|president of france", "c|the Iranian president|role|iranian president"),
			same: [][]int{{0, 5}, {3, 4}},
			none: []int{2},
		},
		{
			name: "a former office holder is not the holder",
			ms: story("a|Barack Obama|person|former president", "a|Donald Trump|person|president",
				"b|the former president|role|former president", "b|the president|role|president",
				"c|the ex-president|role|ex-president", "c|the president-elect|role|president-elect"),
			same:  [][]int{{0, 2, 4}, {1, 3}},
			apart: [][2]int{{0, 1}},
			none:  []int{5},
		},
		{
			name:  "a role reference never names a place or an organisation",
			ms:    story("a|Foreign Ministry|organization|spokesman", "a|the spokesman|role|spokesman"),
			none:  []int{1},
			apart: nil,
		},
		{
			name:  "name suffixes and hyphens",
			ms:    story("a|Martin Luther King Jr.|person", "b|King|person", "c|Jean-Marie Le Pen|person", "d|Jean Marie Le Pen|person", "d|Le Pen|person"),
			same:  [][]int{{0, 1}, {2, 3, 4}},
			apart: [][2]int{{0, 2}},
		},
		{
			name: "diacritics fold",
			ms:   story("a|Recep Tayyip Erdoğan|person", "b|Erdogan|person", "c|Lech Wałęsa|person", "d|Walesa|person"),
			same: [][]int{{0, 1}, {2, 3}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, got := r.Merge(tt.ms, nil)
			desc := func(i int) string { return got[i].Article + ":" + got[i].Text + "→" + got[i].Entity }
			for _, g := range tt.same {
				for _, i := range g {
					if got[i].Entity == "" || got[i].Entity != got[g[0]].Entity {
						t.Errorf("%s and %s should be one entity", desc(g[0]), desc(i))
					}
				}
			}
			for _, p := range tt.apart {
				if got[p[0]].Entity != "" && got[p[0]].Entity == got[p[1]].Entity {
					t.Errorf("%s and %s should be apart", desc(p[0]), desc(p[1]))
				}
			}
			for _, i := range tt.none {
				if got[i].Entity != "" {
					t.Errorf("%s should stay unresolved", desc(i))
				}
			}
		})
	}
}

// TestMergeEntities checks the entities' fields and the naming table.
func TestMergeEntities(t *testing.T) {
	r := newResolver(t)
	ms := story("a|Vladimir Putin|person|russian president", "a|Putin|person", "a|the Russian leader|role|russian leader",
		"b|VLADIMIR PUTIN|person", "b|Putin|person", "b|Putin|person", "b|Isfahan|place", "c|Esfahan|place",
		"c|Abbas Araghchi|person|foreign minister", "d|Araqchi|person")
	ents, naming, got := r.Merge(ms, nil)
	if len(ents) != 3 {
		t.Fatalf("got %d entities, want 3: %+v", len(ents), ents)
	}
	want := parallax.Entity{
		ID: "e1", Name: "Vladimir Putin", Type: parallax.Person,
		Aliases:  []string{"Putin", "the Russian leader"},
		Roles:    []string{"russian leader", "russian president"},
		Mentions: map[string]int{"a": 3, "b": 3},
	}
	e := ents[0]
	e.Confidence = 0
	if !reflect.DeepEqual(e, want) {
		t.Errorf("e1 = %+v\nwant %+v", e, want)
	}
	// equal counts: first mentioned first
	if ents[1].Name != "Isfahan" || ents[1].Type != parallax.Place || ents[2].Name != "Abbas Araghchi" {
		t.Errorf("e2, e3 = %+v, %+v", ents[1], ents[2])
	}
	if got[0].Entity != "e1" || got[2].Entity != "e1" || got[7].Entity != "e2" {
		t.Errorf("mentions not labelled: %+v", got)
	}
	if ms[0].Entity != "" {
		t.Error("Merge changed its input")
	}
	wantNaming := map[string][]string{"a": {"Vladimir Putin", "Putin", "the Russian leader"}, "b": {"Putin", "VLADIMIR PUTIN"}}
	if naming[0].Entity != "e1" || !reflect.DeepEqual(naming[0].ByArticle, wantNaming) {
		t.Errorf("naming = %+v, want %v", naming[0], wantNaming)
	}
}

// TestMergeConfidence checks that an entity merged by safer rules is more
// certain: exact > surname > skeleton > role reference.
func TestMergeConfidence(t *testing.T) {
	r := newResolver(t)
	ents, _, _ := r.Merge(story(
		"a|Maria Lopez|person", "b|Maria Lopez|person",
		"a|Pedro Alvarez|person", "b|Alvarez|person",
		"a|Omar Qureshi|person", "b|Kureshi|person",
		"a|Ines Duarte|person|mayor", "b|the mayor|role|mayor",
	), nil)
	conf := map[string]float64{}
	for _, e := range ents {
		conf[e.Name] = e.Confidence
	}
	order := []string{"Maria Lopez", "Pedro Alvarez", "Omar Qureshi", "Ines Duarte"}
	for i := 1; i < len(order); i++ {
		if !(conf[order[i-1]] > conf[order[i]]) {
			t.Errorf("confidence %s %v should exceed %s %v", order[i-1], conf[order[i-1]], order[i], conf[order[i]])
		}
	}
	if c := conf["Maria Lopez"]; c != 0.9 {
		t.Errorf("exact merge confidence = %v, want the mentions' 0.9", c)
	}
}

// TestNamingWithText checks that the naming table shows the role written
// beside a name when the article's text is given.
func TestNamingWithText(t *testing.T) {
	r := newResolver(t)
	src := "Russian President Vladimir Putin met Iran's top diplomat. Russian strongman Vladimir Putin said."
	ms := []parallax.Mention{
		{Article: "a", Span: parallax.Span{Start: 18, End: 32}, Text: "Vladimir Putin", Type: parallax.Person, Kind: parallax.MentionName,
			Role: "russian president", RoleSpan: parallax.Span{Start: 0, End: 17}, Confidence: 1},
		{Article: "a", Span: parallax.Span{Start: 76, End: 90}, Text: "Vladimir Putin", Type: parallax.Person, Kind: parallax.MentionName, Confidence: 1},
	}
	_, naming, _ := r.Merge(ms, map[string]string{"a": src})
	want := []string{"Russian President Vladimir Putin", "Vladimir Putin"}
	if !reflect.DeepEqual(naming[0].ByArticle["a"], want) {
		t.Errorf("naming = %q, want %q", naming[0].ByArticle["a"], want)
	}
}

func TestSkeleton(t *testing.T) {
	r := newResolver(t)
	tests := []struct {
		a, b string
		same bool
	}{
		{"araghchi", "araqchi", true},
		{"araghchi", "arakchi", true},
		{"ghalibaf", "qalibaf", true},
		{"fordow", "fordo", true},
		{"isfahan", "esfahan", true},
		{"tehran", "teheran", true},
		{"gaddafi", "qadhafi", true},
		{"hussein", "husain", true},
		{"allah", "alla", true},
		{"putin", "peskov", false},
		{"kaka", "ka", false},
		{"smith", "schmidt", false},
	}
	for _, tt := range tests {
		sa, _ := r.skeleton(tt.a)
		sb, _ := r.skeleton(tt.b)
		if (sa == sb) != tt.same {
			t.Errorf("skeleton(%q) = %q, skeleton(%q) = %q; same = %v, want %v", tt.a, sa, tt.b, sb, sa == sb, tt.same)
		}
	}
}

func TestParseRole(t *testing.T) {
	r := newResolver(t)
	tests := []struct {
		in   string
		want roleInfo
	}{
		{"iran's foreign minister", roleInfo{qual: "country:iran", base: "foreign minister"}},
		{"Iranian Foreign Minister", roleInfo{qual: "country:iran", base: "foreign minister"}},
		{"tehran’s top diplomat", roleInfo{qual: "country:iran", base: "top diplomat"}},
		{"the kremlin's top spokesman", roleInfo{qual: "org:kremlin", base: "spokesman"}},
		{"former president", roleInfo{time: wordPast, base: "president"}},
		{"ex-president", roleInfo{time: wordPast, base: "president"}},
		{"president-elect", roleInfo{time: wordFuture, base: "president"}},
		{"president of the united states", roleInfo{qual: "country:united states", base: "president"}},
		{"u.s. secretary of state", roleInfo{qual: "country:united states", base: "secretary of state"}},
		{"leader of the islamic revolution", roleInfo{base: "leader"}},
		{"deputy chief of the general staff", roleInfo{base: "deputy chief"}},
		{"the country's president", roleInfo{base: "president"}},
	}
	for _, tt := range tests {
		if got := r.parseRole(tt.in); got != tt.want {
			t.Errorf("parseRole(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}
