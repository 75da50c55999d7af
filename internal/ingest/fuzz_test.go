package ingest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
	"unicode/utf8"

	"parallax"
)

func FuzzParseFrontMatter(f *testing.F) {
	for _, seed := range []string{
		"",
		"Body only.\n",
		"---\ntitle: T\noutlet: O\nurl: u\npublished: 2025-06-23\nauthor: A\nlanguage: en\n---\n\nBody.\n",
		"---\ntitle: [unclosed\n---\nBody.",
		"---\npublished: June 22nd 2025\n...\n",
		"---\r\ntitle: T\r\n---\r\n\r\nBody.\r\n",
		"---\n- a\n---\n",
		"---\na: &x {b: *x}\ntitle: *x\n---\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fm, body, err := ParseFrontMatter(data)
		if !bytes.HasSuffix(data, body) {
			t.Fatalf("body %q is not the end of the input", body)
		}
		if err == nil {
			if len(body) == len(data) && fm != (FrontMatter{}) {
				t.Fatalf("front matter %+v without front matter", fm)
			}
			return
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		errs := []error{err}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			errs = j.Unwrap()
		}
		for _, e := range errs {
			var fe *FrontMatterError
			if !errors.As(e, &fe) {
				t.Fatalf("error %v (%T) is not a *FrontMatterError", e, e)
			}
			if fe.Line < 1 || fe.Line > lines {
				t.Fatalf("error %v: line %d outside the input's %d lines", fe, fe.Line, lines)
			}
		}
	})
}

// furnitureKinds are the kinds FuzzInferMeta picks from.
var furnitureKinds = []parallax.FurnitureKind{
	parallax.FurnitureByline, parallax.FurnitureDateline, parallax.FurnitureAgency,
	parallax.FurnitureSignoff, parallax.FurnitureVia, parallax.FurnitureLabel,
}

// fuzzDates are the Date values FuzzInferMeta gives its tokens: full dates,
// partial ones, impossible ones and junk.
var fuzzDates = []string{"2025-06-23", "XXXX-06-13", "2025-06", "2024-02-29", "2025-02-30", "", "2025-6-3", "junk"}

// The records FuzzInferMeta decodes its annotations from are five bytes: a
// tag, then a span's start and end as signed 16-bit numbers, so that spans
// may lie outside the text, overlap or be reversed.
const fuzzRecord = 5

// fuzzSpan decodes the span of a record.
func fuzzSpan(b []byte) parallax.Span {
	return parallax.Span{
		Start: int(int16(binary.LittleEndian.Uint16(b[1:3]))),
		End:   int(int16(binary.LittleEndian.Uint16(b[3:5]))),
	}
}

// fuzzRecords calls f with the tag and span of each record of b.
func fuzzRecords(b []byte, f func(tag byte, sp parallax.Span)) {
	for ; len(b) >= fuzzRecord; b = b[fuzzRecord:] {
		f(b[0], fuzzSpan(b))
	}
}

// fuzzArticle decodes an article of text with the furniture, sentences and
// tokens of fuzzFurniture, sentences and tokens. A furniture record's tag
// picks its kind; a sentence is a heading when its tag is odd; a token's
// tag picks its Date in fuzzDates, and its kind: a date, or a number when
// the top bit is set.
func fuzzArticle(text string, furniture, sentences, tokens []byte) *parallax.Article {
	a := &parallax.Article{Text: text}
	fuzzRecords(furniture, func(tag byte, sp parallax.Span) {
		a.Furniture = append(a.Furniture, parallax.Furniture{Kind: furnitureKinds[int(tag)%len(furnitureKinds)], Span: sp})
	})
	fuzzRecords(sentences, func(tag byte, sp parallax.Span) {
		a.Sentences = append(a.Sentences, parallax.Sentence{Span: sp, Heading: tag%2 == 1})
	})
	fuzzRecords(tokens, func(tag byte, sp parallax.Span) {
		kind := parallax.TokenDate
		if tag&0x80 != 0 {
			kind = parallax.TokenNumber
		}
		a.Tokens = append(a.Tokens, parallax.Token{Span: sp, Kind: kind, Date: fuzzDates[int(tag&0x7f)%len(fuzzDates)], Sentence: -1})
	})
	return a
}

// fuzzEncode encodes a's annotations in the records of fuzzArticle, for
// seeds. Offsets past the 16-bit range are cut to it; Dates not in
// fuzzDates become junk.
func fuzzEncode(a *parallax.Article) (furniture, sentences, tokens []byte) {
	record := func(tag byte, sp parallax.Span) []byte {
		clamp := func(i int) uint16 { return uint16(int16(max(math.MinInt16, min(i, math.MaxInt16)))) }
		b := []byte{tag, 0, 0, 0, 0}
		binary.LittleEndian.PutUint16(b[1:3], clamp(sp.Start))
		binary.LittleEndian.PutUint16(b[3:5], clamp(sp.End))
		return b
	}
	for _, f := range a.Furniture {
		if k := slices.Index(furnitureKinds, f.Kind); k >= 0 {
			furniture = append(furniture, record(byte(k), f.Span)...)
		}
	}
	for _, s := range a.Sentences {
		tag := byte(0)
		if s.Heading {
			tag = 1
		}
		sentences = append(sentences, record(tag, s.Span)...)
	}
	for _, tok := range a.Tokens {
		if tok.Kind != parallax.TokenDate {
			continue
		}
		d := slices.Index(fuzzDates, tok.Date)
		if d < 0 {
			d = len(fuzzDates) - 1
		}
		tokens = append(tokens, record(byte(d), tok.Span)...)
	}
	return furniture, sentences, tokens
}

func FuzzInferMeta(f *testing.F) {
	// Seeds annotated by the text engine.
	for _, text := range []string{
		"By Palestine Chronicle Staff\nTalks.",
		"MENAFN - Kashmir Observer) Moscow - Talks.",
		"Talks.\nFollow Frances Martel on X @fm\nvia June 22nd 2025",
		" date 2025-06-23 By Palestine Chronicle Staff\n\nPutin Backs Iran\n\nText.",
		"Featured\n\nIran’s Top Diplomat Holds ‘Crucial Meeting’ with Putin in Moscow\n\nAraghchi met Putin.",
		"MOSCOW, June 23. /TASS/. Talks.",
		"By Jane — Doe",
	} {
		fu, se, to := fuzzEncode(analyzed(f, text))
		f.Add(text, fu, se, to, false)
	}
	for _, file := range []string{"001.txt", "002.txt", "004.txt"} {
		data, err := os.ReadFile(filepath.Join(seedDir, file))
		if err != nil {
			f.Fatal(err)
		}
		fu, se, to := fuzzEncode(analyzed(f, string(data)))
		f.Add(string(data), fu, se, to, false)
	}
	// Spans out of range, reversed and inside a character.
	f.Add("By Jane Doe — “quoted”\nvia June 22nd 2025",
		[]byte{0, 0xfb, 0xff, 3, 0, 0, 14, 0, 16, 0, 4, 0, 0x7f, 0xff, 0x7f},
		[]byte{1, 14, 0, 16, 0, 1, 5, 0, 1, 0},
		[]byte{0, 44, 0, 30, 0, 0, 30, 0, 44, 0, 1, 0xff, 0xff, 2, 0}, true)
	lists := testLists(f)
	f.Fuzz(func(t *testing.T, text string, furniture, sentences, tokens []byte, given bool) {
		a := fuzzArticle(text, furniture, sentences, tokens)
		if given {
			a.Outlet, a.Author, a.Title = "Given Outlet", "Given Author", "Given Title"
		}
		lists.InferMeta(a)
		if given && (a.Outlet != "Given Outlet" || a.Author != "Given Author" || a.Title != "Given Title") {
			t.Fatalf("given fields overwritten: %q, %q, %q", a.Outlet, a.Author, a.Title)
		}
		for _, inf := range a.Inferred {
			if inf.Span.In(text) == "" {
				t.Fatalf("inference %+v points outside the text", inf)
			}
		}
		for _, v := range []string{a.Outlet, a.Author, a.Title} {
			if !utf8.ValidString(v) {
				t.Fatalf("inferred value %q is not valid UTF-8", v)
			}
		}
		if !a.Published.IsZero() && (a.Published.Location() != time.UTC || a.Published.Truncate(24*time.Hour) != a.Published) {
			t.Fatalf("published %v is not UTC midnight", a.Published)
		}
		n := len(a.Inferred)
		lists.InferMeta(a)
		if len(a.Inferred) != n {
			t.Fatalf("second InferMeta added inferences: %+v", a.Inferred[n:])
		}
	})
}

func FuzzRead(f *testing.F) {
	for _, seed := range []string{
		"Putin met Araghchi.\n",
		"\xEF\xBB\xBF---\ntitle: T\n---\nBody.",
		"\xFF\xFEB\x00o\x00d\x00y\x00",
		"caf\xE9 \x93quoted\x94",
		"broken \xFF“utf-8”",
		"\x00binary",
		"",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res := Read([]string{"-"}, Options{Stdin: bytes.NewReader(data), MaxBytes: 1 << 16})
		if len(res.Articles)+len(res.Warnings) == 0 {
			t.Fatal("no article and no warning")
		}
		for _, a := range res.Articles {
			if !utf8.ValidString(a.Text) {
				t.Fatalf("article text %q is not valid UTF-8", a.Text)
			}
		}
	})
}
