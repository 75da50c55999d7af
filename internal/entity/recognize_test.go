package entity

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax"
	"parallax/internal/text"
	"parallax/rules"
)

func newTestRecognizer(t testing.TB) (*Recognizer, *text.Engine) {
	t.Helper()
	r, err := New(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	e, err := text.New(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	return r, e
}

// TestRecognizeRoles checks that roles and titles stay out of names and
// are kept as the mention's role, wherever the article puts them.
func TestRecognizeRoles(t *testing.T) {
	r, e := newTestRecognizer(t)
	for _, c := range []struct {
		name, src string
		want      []string // "Text|type|role" of the person mentions
	}{
		{"qualified role before the name", "Germany's Finance Minister Christian Lindner met bankers in Frankfurt on Tuesday.",
			[]string{"Christian Lindner|person|germany's finance minister"}},
		{"demonym and role", "French President Emmanuel Macron arrived in Brussels late on Sunday.",
			[]string{"Emmanuel Macron|person|french president"}},
		{"lower-case role", "White House spokeswoman Karine Jean-Pierre told reporters the talks went well.",
			[]string{"Karine Jean-Pierre|person|white house spokeswoman"}},
		{"apposition after the name", "The plan was drafted by Annalena Baerbock, the German foreign minister, and her staff.",
			[]string{"Annalena Baerbock|person|german foreign minister"}},
		{"long role in apposition", "Valery Gerasimov, Chief of the General Staff, attended the parade in Moscow.",
			[]string{"Valery Gerasimov|person|chief of the general staff"}},
		{"honorific", "Mr. Albanese said the agreement would hold. Dr. Tedros welcomed it.",
			[]string{"Albanese|person|", "Tedros|person|"}},
		{"two people in one run", "Chinese President Xi Jinping told Brazilian President Lula da Silva that trade would grow.",
			[]string{"Xi Jinping|person|chinese president", "Lula da Silva|person|brazilian president"}},
		{"a list is not an apposition", "The letter was signed by Spanish Prime Minister Pedro Sanchez, Dutch Prime Minister Dick Schoof and others.",
			[]string{"Pedro Sanchez|person|spanish prime minister", "Dick Schoof|person|dutch prime minister"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, m := range r.Recognize("a1", c.src, e.Analyze(c.src)) {
				if m.Text != m.Span.In(c.src) || m.Article != "a1" {
					t.Errorf("mention %+v: text or article wrong", m)
				}
				if m.Role != "" && m.RoleSpan.In(c.src) == "" {
					t.Errorf("mention %+v: no role span", m)
				}
				if m.Type == parallax.Person {
					got = append(got, m.Text+"|"+m.Type+"|"+m.Role)
				}
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestRecognizeTypes checks names the gazetteers know, demonyms, dates and
// headings.
func TestRecognizeTypes(t *testing.T) {
	r, e := newTestRecognizer(t)
	src := "Talks In Vienna Stall\n\nIranian and European diplomats met in Vienna on Monday, Reuters reported. The International Atomic Energy Agency said Austria would host the next round in March.\n"
	got := map[string]string{}
	for _, m := range r.Recognize("a1", src, e.Analyze(src)) {
		got[m.Text] = m.Type
	}
	want := map[string]string{"Vienna": parallax.Place, "Reuters": parallax.Organization, "International Atomic Energy Agency": parallax.Organization, "Austria": parallax.Place}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: type %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	for _, k := range []string{"Iranian", "European", "Monday", "March", "Talks", "Stall"} {
		if _, ok := got[k]; ok {
			t.Errorf("%s recognised as an entity: %v", k, got)
		}
	}
}

func TestHarmonize(t *testing.T) {
	text := "Strikes hit Zorvak, Pellam and Quarn. Later Pellam and Ardern spoke."
	at := func(sub string, n int) parallax.Span {
		i := 0
		for k := 0; k <= n; k++ {
			j := strings.Index(text[i:], sub)
			if j < 0 {
				t.Fatalf("%q not in text", sub)
			}
			i += j
			if k < n {
				i++
			}
		}
		return parallax.Span{Start: i, End: i + len(sub)}
	}
	m := func(sub string, n int, typ string, conf float64) parallax.Mention {
		return parallax.Mention{Article: "a1", Span: at(sub, n), Text: sub, Type: typ, Kind: parallax.MentionName, Confidence: conf}
	}
	ms := []parallax.Mention{
		{Article: "a2", Text: "Jacinda Ardern", Type: parallax.Person, Kind: parallax.MentionName, Confidence: 0.9},
		{Article: "a2", Text: "Ardern", Type: parallax.Organization, Kind: parallax.MentionName, Confidence: 0.6},
		{Article: "a2", Text: "Ardern", Type: parallax.Other, Kind: parallax.MentionName, Confidence: 0.9},
		m("Zorvak", 0, parallax.Place, 0.95),
		m("Pellam", 0, parallax.Person, 0.9),
		m("Quarn", 0, parallax.Place, 0.9),
		m("Pellam", 1, parallax.Person, 0.9),
		m("Ardern", 0, parallax.Person, 0.7),
	}
	Harmonize(ms, map[string]string{"a1": text})
	want := []string{parallax.Person, parallax.Person, parallax.Person, parallax.Place, parallax.Place, parallax.Place, parallax.Place, parallax.Person}
	for i := range want {
		if ms[i].Type != want[i] {
			t.Errorf("%d %s: type %s, want %s", i, ms[i].Text, ms[i].Type, want[i])
		}
	}
}

// TestRecognizeSeed checks invariants on the seed story: every mention
// lies in the text, no name holds a role word at its edge, and most
// mentions are confident.
func TestRecognizeSeed(t *testing.T) {
	r, e := newTestRecognizer(t)
	files, err := filepath.Glob("../../testdata/moscow-2025-06-23/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("seed story not found: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		ms := r.Recognize(filepath.Base(f), src, e.Analyze(src))
		if len(ms) < 10 {
			t.Errorf("%s: only %d mentions", f, len(ms))
		}
		people := 0
		for i, m := range ms {
			if m.Span.In(src) != m.Text || m.Text == "" {
				t.Errorf("%s: mention %+v does not match the text", f, m)
			}
			if i > 0 && m.Start < ms[i-1].End {
				t.Errorf("%s: mentions overlap or are out of order: %q, %q", f, ms[i-1].Text, m.Text)
			}
			first := strings.ToLower(strings.Fields(m.Text)[0])
			if r.g.roleAt(strings.Fields(m.Text), 0, len(strings.Fields(m.Text))) > 0 || r.titles[strings.TrimSuffix(first, ".")] {
				t.Errorf("%s: name %q starts with a role or title", f, m.Text)
			}
			if m.Confidence <= 0 || m.Confidence > 1 {
				t.Errorf("%s: confidence %v", f, m.Confidence)
			}
			if m.Type == parallax.Person {
				people++
			}
		}
		if people == 0 {
			t.Errorf("%s: no person found", f)
		}
	}
}

func BenchmarkRecognize(b *testing.B) {
	r, e := newTestRecognizer(b)
	files, _ := filepath.Glob("../../testdata/moscow-2025-06-23/*.txt")
	var srcs []string
	var docs []*text.Doc
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, string(data))
		docs = append(docs, e.Analyze(string(data)))
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, src := range srcs {
			r.Recognize(fmt.Sprint(k), src, docs[k])
		}
	}
}

// FuzzRecognize checks that no text makes the recognizer panic or return
// a mention outside the text.
func FuzzRecognize(f *testing.F) {
	r, e := newTestRecognizer(f)
	for _, s := range []string{
		"Russian President Vladimir Putin told Iran's Foreign Minister Abbas Araghchi in Moscow.",
		"Valery Gerasimov, Chief of the General Staff, attended. Dr. Tedros said so.",
		"Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei and President Masoud Pezeshkian",
		"Mr. . Dr. President, of the", "’s 's ' \"“”", "A B C D E F G H I J K L M N O P",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		ms := r.Recognize("a", src, e.Analyze(src))
		for _, m := range ms {
			if m.Span.In(src) != m.Text || m.Text == "" {
				t.Fatalf("mention %+v is not the text under its span", m)
			}
			if m.Role != "" && m.RoleSpan.In(src) == "" {
				t.Fatalf("mention %+v: role span outside the text", m)
			}
		}
		Harmonize(ms, map[string]string{"a": src})
		doc := e.Analyze(src)
		for _, m := range r.Spread("a", src, doc, nil, NewKnown(ms)) {
			if m.Span.In(src) != m.Text || m.Text == "" {
				t.Fatalf("spread mention %+v is not the text under its span", m)
			}
		}
		for _, t0 := range doc.Tokens {
			if m, ok := r.Speaker("a", src, t0.Span); ok && m.Span.In(src) != m.Text {
				t.Fatalf("speaker mention %+v is not the text under its span", m)
			}
		}
	})
}
