package alias

import (
	"fmt"
	"strings"
	"testing"

	"parallax"
)

// benchStory returns about 400 mentions over 20 articles: people named in
// full, by surname and by transliteration variants, places, organisations
// and role references.
func benchStory() []parallax.Mention {
	people := [][]string{
		{"Abbas Araghchi", "Araghchi", "Araqchi", "iran's foreign minister"},
		{"Vladimir Putin", "Putin", "Mr. Putin", "russian president"},
		{"Ali Khamenei", "Khamenei", "Khamenei", "supreme leader"},
		{"Mojtaba Khamenei", "Khamenei", "Mojtaba Khamenei", "cleric"},
		{"Dmitry Peskov", "Peskov", "Peskov", "kremlin spokesman"},
		{"Maria Lopez", "Lopez", "Lopes", "mayor"},
		{"Kwame Mensah", "Mensah", "Mensa", "ghanaian finance minister"},
		{"Li Wei", "Li", "Li Wei", "chinese premier"},
	}
	places := []string{"Moscow", "Tehran", "Teheran", "Isfahan", "Esfahan", "Fordow", "Fordo", "Accra", "US", "United States"}
	refs := []string{"the Russian leader", "Iran's top diplomat", "the Kremlin spokesman", "the mayor", "the Iranian leader"}
	var lines []string
	for a := 0; a < 20; a++ {
		art := fmt.Sprintf("a%02d", a)
		for k := 0; k < 4; k++ {
			p := people[(a+k)%len(people)]
			lines = append(lines, art+"|"+p[0]+"|person|"+p[3], art+"|"+p[1]+"|person", art+"|"+p[2+a%2]+"|person")
		}
		for k := 0; k < 5; k++ {
			lines = append(lines, art+"|"+places[(a*3+k)%len(places)]+"|place")
		}
		for k := 0; k < 2; k++ {
			ref := refs[(a+k)%len(refs)]
			lines = append(lines, art+"|"+ref+"|role|"+ref)
		}
	}
	ms := story(lines...)
	for i := range ms {
		if ms[i].Kind == parallax.MentionRole {
			ms[i].Role = strings.TrimPrefix(strings.ToLower(ms[i].Role), "the ")
		}
	}
	return ms
}

func BenchmarkMerge(b *testing.B) {
	r := newResolver(b)
	ms := benchStory()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.Merge(ms, nil)
	}
	b.ReportMetric(float64(len(ms)), "mentions")
}

func BenchmarkRoleReferences(b *testing.B) {
	r := newResolver(b)
	e := newEngine(b)
	src := ""
	for range 50 {
		src += "The Russian leader met Iran's top diplomat on Monday. Kremlin spokesman Dmitry Peskov said the talks with the former president went well. "
	}
	doc := e.Analyze(src)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for b.Loop() {
		r.RoleReferences("a", src, doc, nil)
	}
}
