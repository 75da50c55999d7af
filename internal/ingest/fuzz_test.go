package ingest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"
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

// fuzzFurniture decodes spans from b, five bytes a span: a kind, then the
// start and end as signed 16-bit numbers, so that spans may lie outside the
// text or be reversed.
func fuzzFurniture(b []byte) []parallax.Furniture {
	var out []parallax.Furniture
	for ; len(b) >= 5; b = b[5:] {
		out = append(out, parallax.Furniture{
			Kind: furnitureKinds[int(b[0])%len(furnitureKinds)],
			Span: parallax.Span{
				Start: int(int16(binary.LittleEndian.Uint16(b[1:3]))),
				End:   int(int16(binary.LittleEndian.Uint16(b[3:5]))),
			},
		})
	}
	return out
}

func FuzzInferMeta(f *testing.F) {
	f.Add("By Palestine Chronicle Staff\nTalks.", []byte{0, 0, 0, 28, 0}, false)
	f.Add("MENAFN - Kashmir Observer) Moscow - Talks.", []byte{2, 0, 0, 26, 0, 1, 27, 0, 36, 0}, true)
	f.Add("Talks.\nFollow Frances Martel on X @fm\nvia June 22nd 2025", []byte{3, 7, 0, 37, 0, 4, 38, 0, 56, 0}, false)
	f.Add("date 2025-06-23\nPutin Meets Araghchi\nText.", []byte{1, 0, 0, 15, 0, 1, 0xff, 0xff, 0xff, 0x7f}, false)
	f.Add("By Jane — Doe", []byte{0, 9, 0, 10, 0}, false)
	f.Fuzz(func(t *testing.T, text string, spans []byte, given bool) {
		a := &parallax.Article{Text: text, Furniture: fuzzFurniture(spans)}
		if given {
			a.Outlet, a.Author, a.Title = "Given Outlet", "Given Author", "Given Title"
		}
		InferMeta(a)
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
		n := len(a.Inferred)
		InferMeta(a)
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
