package text

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"parallax"
)

const seedDir = "../../testdata/moscow-2025-06-23"

func readSeed(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(seedDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkSpans asserts the invariants every Doc keeps: spans inside the text,
// on rune boundaries, in order, not overlapping, and sentences clear of
// furniture.
func checkSpans(t testing.TB, src string, d *Doc) {
	t.Helper()
	valid := func(what string, s parallax.Span) {
		if s.Start < 0 || s.End > len(src) || s.Start > s.End {
			t.Fatalf("%s span %v out of range (len %d)", what, s, len(src))
		}
		if splitsRune(src, s.Start) || splitsRune(src, s.End) {
			t.Fatalf("%s span %v splits a rune", what, s)
		}
	}
	prev := -1
	for _, s := range d.Sentences {
		valid("sentence", s.Span)
		if s.Start < prev || s.Len() == 0 {
			t.Fatalf("sentence %v empty or overlaps the one before (ends %d)", s.Span, prev)
		}
		prev = s.End
		for _, f := range d.Furniture {
			if f.Overlaps(s.Span) {
				t.Fatalf("sentence %q overlaps %s furniture %q", s.In(src), f.Kind, f.In(src))
			}
		}
	}
	prev = -1
	for _, f := range d.Furniture {
		valid("furniture", f.Span)
		if f.Start < prev {
			t.Fatalf("furniture %v overlaps the one before", f.Span)
		}
		prev = f.End
	}
	prev = -1
	for _, tk := range d.Tokens {
		valid("token", tk.Span)
		if tk.Start < prev || tk.Len() == 0 {
			t.Fatalf("token %v empty or overlaps the one before", tk.Span)
		}
		prev = tk.End
		if tk.Sentence == -1 {
			in := false
			for _, f := range d.Furniture {
				in = in || f.Start <= tk.Start && tk.End <= f.End
			}
			if !in {
				t.Fatalf("token %q lies in no sentence and no furniture", tk.In(src))
			}
			continue
		}
		if tk.Sentence < 0 || tk.Sentence >= len(d.Sentences) || !(d.Sentences[tk.Sentence].Start <= tk.Start && tk.End <= d.Sentences[tk.Sentence].End) {
			t.Fatalf("token %q lies outside its sentence %d", tk.In(src), tk.Sentence)
		}
	}
}

// splitsRune reports whether offset i falls inside a valid multi-byte
// rune of s. (Offsets may fall between the bytes of invalid UTF-8.)
func splitsRune(s string, i int) bool {
	if i <= 0 || i >= len(s) || utf8.RuneStart(s[i]) {
		return false
	}
	j := i - 1
	for j > 0 && i-j < utf8.UTFMax && !utf8.RuneStart(s[j]) {
		j--
	}
	r, size := utf8.DecodeRuneInString(s[j:])
	return !(r == utf8.RuneError && size <= 1) && j+size > i
}

// TestSeedStory asserts the sentence and heading counts of the five seed
// articles, counted by hand, and the furniture each one carries.
func TestSeedStory(t *testing.T) {
	e := newTestEngine(t)
	tests := []struct {
		file      string
		sentences int // non-heading sentences, counted by hand
		headings  []string
		furniture map[parallax.FurnitureKind]int
	}{
		{"000.txt", 21, nil, map[parallax.FurnitureKind]int{}},
		{"001.txt", 28, []string{"‘Serious, Important’ Discussions"}, map[parallax.FurnitureKind]int{"dateline": 1, "byline": 1, "tweet": 2, "source_tag": 1}},
		{"002.txt", 39, []string{"Iran’s Top Diplomat Holds ‘Crucial Meeting’ with Putin in Moscow"}, map[parallax.FurnitureKind]int{"label": 1, "caption": 1, "credit": 1, "signoff": 1, "via": 1}},
		{"003.txt", 20, nil, map[parallax.FurnitureKind]int{}},
		{"004.txt", 23, []string{"Diplomacy, But No Defense Pact", "Regional Fallout and Global Stakes"}, map[parallax.FurnitureKind]int{"agency": 1, "dateline": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src := readSeed(t, tt.file)
			d := e.Analyze(src)
			checkSpans(t, src, d)
			var heads []string
			n := 0
			for _, s := range d.Sentences {
				if s.Heading {
					heads = append(heads, s.In(src))
				} else {
					n++
				}
			}
			if n != tt.sentences {
				for i, s := range d.Sentences {
					t.Logf("%d %q", i, s.In(src))
				}
				t.Errorf("sentences = %d, want %d", n, tt.sentences)
			}
			if strings.Join(heads, "|") != strings.Join(tt.headings, "|") {
				t.Errorf("headings = %q, want %q", heads, tt.headings)
			}
			got := map[parallax.FurnitureKind]int{}
			for _, f := range d.Furniture {
				got[f.Kind]++
			}
			if len(got) != len(tt.furniture) {
				t.Errorf("furniture kinds = %v, want %v", got, tt.furniture)
			}
			for k, v := range tt.furniture {
				if got[k] != v {
					t.Errorf("furniture %s = %d, want %d (all: %v)", k, got[k], v, got)
				}
			}
			if d.Words == 0 {
				t.Error("no words counted")
			}
		})
	}
}

// TestQuotedAcrossParagraphs checks a quotation that opens in one paragraph
// and goes on, paragraph after paragraph, each opening with a quote mark.
func TestQuotedAcrossParagraphs(t *testing.T) {
	e := newTestEngine(t)
	src := "Putin spoke on Monday.\n“The aggression has no basis.\n“For our part, we help. I am glad you are here.\n“This will allow us to talk,” Putin said.\nPeskov also spoke.\n“There was no information.\nHe said more."
	want := []bool{false, true, true, true, true, false, true, false}
	d := e.Analyze(src)
	if len(d.Sentences) != len(want) {
		t.Fatalf("got %d sentences, want %d", len(d.Sentences), len(want))
	}
	for i, s := range d.Sentences {
		if s.Quoted != want[i] {
			t.Errorf("sentence %d %q: quoted = %v, want %v", i, s.In(src), s.Quoted, want[i])
		}
	}
}

func TestFurniture(t *testing.T) {
	e := newTestEngine(t)
	tests := []struct {
		name, src string
		kind      parallax.FurnitureKind
		text      string // the furniture's text
		source    string
	}{
		{"label", "Advertisement\n\nThe talks ended on Monday.", "label", "Advertisement", ""},
		{"label prefix", "READ MORE: Talks collapse in Geneva\n\nThe talks ended on Monday.", "label", "READ MORE: Talks collapse in Geneva", ""},
		{"credit slash", "The talks ended.\n\nJOHN SMITH/REUTERS\n\nThey will resume.", "credit", "JOHN SMITH/REUTERS", "REUTERS"},
		{"credit marker", "The talks ended.\n\nPhoto: Jane Doe/AP\n\nThey will resume.", "credit", "Photo: Jane Doe/AP", "Jane Doe/AP"},
		{"caption above credit", "The talks ended.\n\nDelegates leave the hall in Geneva\nJane Doe/AFP via Getty Images\n\nThey will resume.", "caption", "Delegates leave the hall in Geneva", ""},
		{"tweet one line", "Talks ended.\n\nBig news today pic.twitter.com/abc123 — Jane Doe (@jdoe) May 2, 2024\n\nThey resume.", "tweet", "Big news today pic.twitter.com/abc123 — Jane Doe (@jdoe) May 2, 2024", "Jane Doe (@jdoe)"},
		{"tweet signature line", "Talks ended.\n\nBig news today, friends\n— Jane Doe (@jdoe) May 2, 2024\n\nThey resume.", "tweet", "Big news today, friends", ""},
		{"source tag", "The talks ended.\n\n(AP, Reuters, AFP)", "source_tag", "(AP, Reuters, AFP)", "AP, Reuters, AFP"},
		{"byline", "By Jane Doe and John Roe\n\nThe talks ended on Monday.", "byline", "By Jane Doe and John Roe", ""},
		{"dated byline", "Published: March 3, 2024 By Jane Doe\n\nThe talks ended.", "dateline", "Published: March 3, 2024", ""},
		{"tass dateline", "MOSCOW, June 23. /TASS/. Russia said the talks ended.", "dateline", "MOSCOW, June 23. /TASS/.", "TASS"},
		{"dated byline: byline", "By Jane Doe June 23, 2025\n\nThe talks ended.", "byline", "By Jane Doe", ""},
		{"dated byline: date", "By Jane Doe June 23, 2025\n\nThe talks ended.", "dateline", "June 23, 2025", ""},
		{"wire dateline with year", "LONDON, June 23, 2025 (Reuters) - Britain said the talks ended.", "dateline", "LONDON, June 23, 2025 (Reuters) -", "Reuters"},
		{"wire dateline", "LONDON (Reuters) - Britain said the talks ended.", "dateline", "LONDON (Reuters) -", "Reuters"},
		{"caps city dash", "WASHINGTON — The talks ended on Monday.", "dateline", "WASHINGTON —", ""},
		{"aggregator", "MENAFN - Gulf Times) Doha - The talks ended.", "agency", "MENAFN - Gulf Times)", "Gulf Times"},
		{"follow signoff", "The talks ended.\n\nFollow Jane Doe on Twitter and Instagram.", "signoff", "Follow Jane Doe on Twitter and Instagram.", "Jane Doe"},
		{"reporting by", "The talks ended.\n\nReporting by Jane Doe; Editing by John Roe", "signoff", "Reporting by Jane Doe; Editing by John Roe", ""},
		{"contributor line", "The talks ended.\n\nAssociated Press writer Maria Lee contributed to this report.", "signoff", "Associated Press writer Maria Lee contributed to this report.", ""},
		{"via", "The talks ended.\n\nvia March 3rd 2024", "via", "via March 3rd 2024", "March 3rd 2024"},
		{"inline caption credit", "Firefighters battle the blaze in Los Angeles, Jan. 8, 2025. (AP Photo/Ethan Swope)\n\nThe fire spread.", "credit", "(AP Photo/Ethan Swope)", "AP Photo"},
		{"inline caption", "Firefighters battle the blaze in Los Angeles, Jan. 8, 2025. (AP Photo/Ethan Swope)\n\nThe fire spread.", "caption", "Firefighters battle the blaze in Los Angeles, Jan. 8, 2025.", ""},
		{"time before date", "Updated 3:45 PM EDT, June 5, 2024\n\nThe fire spread.", "dateline", "Updated 3:45 PM EDT, June 5, 2024", ""},
		{"tweet ending with its link", "Talks ended.\n\nWe are ready. pic.twitter.com/abc123\n\nThey resume.", "tweet", "We are ready. pic.twitter.com/abc123", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := e.Analyze(tt.src)
			checkSpans(t, tt.src, d)
			for _, f := range d.Furniture {
				if f.Kind == tt.kind && f.In(tt.src) == tt.text {
					if tt.source != "" && f.Source != tt.source {
						t.Errorf("source = %q, want %q", f.Source, tt.source)
					}
					return
				}
			}
			var got []string
			for _, f := range d.Furniture {
				got = append(got, string(f.Kind)+":"+f.In(tt.src))
			}
			t.Errorf("no %s furniture %q; got %q", tt.kind, tt.text, got)
		})
	}
}

// TestNotFurniture guards against furniture rules eating real sentences.
func TestNotFurniture(t *testing.T) {
	e := newTestEngine(t)
	for _, src := range []string{
		"By Monday, the talks had collapsed and the delegates went home.",
		"Follow the money, the investigators said on Tuesday.",
		"The photo, taken by AFP, shows the delegates leaving.",
		"Share prices fell sharply in Tokyo on Monday.",
		"The ministry said it had contributed to the fund in May.",
		"Washington - not Moscow - will decide, he said.",
		"Related charges were filed against three other men on Tuesday.",
		"Copyright lawyers said the ruling could reshape the industry.",
		"Source: The ministry said five people were killed.",
		"Courtesy of the ministry, reporters toured the site on Monday.",
		"The post, at x.com/potus/status/123456, said tariffs would rise by 10%.",
	} {
		d := e.Analyze(src)
		if len(d.Furniture) != 0 || len(d.Sentences) != 1 || d.Sentences[0].Heading {
			t.Errorf("%q: furniture %v, sentences %v", src, d.Furniture, d.Sentences)
		}
	}
}

func TestHeadings(t *testing.T) {
	e := newTestEngine(t)
	src := "Talks Collapse in Geneva\n\nThe delegates left on Monday.\n\nWhat Comes Next\n\nNobody knows what comes next.\n\nNegotiations continue\n\nThe talks were short and ended without an agreement on the wording\n\nThey lasted an hour.\n\nFirefighters In Action, Jan. 8, 2025. More Photos Follow"
	d := e.Analyze(src)
	var heads []string
	for _, s := range d.Sentences {
		if s.Heading {
			heads = append(heads, s.In(src))
		}
	}
	want := "Talks Collapse in Geneva|What Comes Next|Negotiations continue"
	if strings.Join(heads, "|") != want {
		t.Errorf("headings = %q, want %q", heads, want)
	}
}

// TestCaptionNeedsItsOwnBlock checks that a paragraph above a credit line
// is not taken for a caption when paragraphs are one a line.
func TestCaptionNeedsItsOwnBlock(t *testing.T) {
	e := newTestEngine(t)
	src := "The protest drew thousands of people to the capital on Sunday, police said.\nREUTERS/Jane Doe\nThe crowd left by night."
	d := e.Analyze(src)
	if len(d.Sentences) != 2 || len(d.Furniture) != 1 || d.Furniture[0].Kind != parallax.FurnitureCredit {
		t.Errorf("sentences %v, furniture %v", d.Sentences, d.Furniture)
	}
}

// TestDecadeApostrophe checks that "‘90s" opens no quotation.
func TestDecadeApostrophe(t *testing.T) {
	e := newTestEngine(t)
	src := "Crime fell sharply in the ‘90s in New York. Officials credited policing. The mayor agreed."
	for _, s := range e.Analyze(src).Sentences {
		if s.Quoted {
			t.Errorf("%q marked quoted", s.In(src))
		}
	}
}

func TestHardWrapped(t *testing.T) {
	e := newTestEngine(t)
	src := "The talks in Geneva ended on Monday after the delegates\nfailed to agree on the wording of the final statement, and\nthe chair closed the session early. A new round is planned\nfor the spring, officials said.\n\nThe next round will take place in Vienna."
	d := e.Analyze(src)
	if len(d.Sentences) != 3 {
		for _, s := range d.Sentences {
			t.Logf("%q", s.In(src))
		}
		t.Fatalf("got %d sentences, want 3", len(d.Sentences))
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"ascii", "plain text", "plain text"},
		{"nbsp", "on\u00a0Facebook", "on Facebook"},
		{"zero width", "Ara\u200bghchi", "Araghchi"},
		{"crlf", "a\r\nb\rc", "a\nb\nc"},
		{"nfc", "Pezeshkian cafe\u0301", "Pezeshkian café"},
		{"glued opening", "as“unjustified”", "as “unjustified”"},
		{"glued after comma", "said,“Russia", "said, “Russia"},
		{"glued after period", "statement.“For", "statement. “For"},
		{"glued closing", "”Then", "” Then"},
		{"apostrophe kept", "Iran’s", "Iran’s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := Normalize(tt.src)
			if n.Text != tt.want {
				t.Fatalf("Text = %q, want %q", n.Text, tt.want)
			}
			checkOrig(t, tt.src, n)
		})
	}
}

// checkOrig asserts that Orig is monotonic, in range, and maps the end to
// the end.
func checkOrig(t testing.TB, src string, n *Normalized) {
	t.Helper()
	prev := 0
	for i := 0; i <= len(n.Text); i++ {
		o := n.Orig(i)
		if o < prev || o > len(src) {
			t.Fatalf("Orig(%d) = %d after %d (len %d)", i, o, prev, len(src))
		}
		prev = o
	}
	if n.Orig(len(n.Text)) != len(src) {
		t.Fatalf("Orig(end) = %d, want %d", n.Orig(len(n.Text)), len(src))
	}
}

// TestOffsetsIntoOriginal checks that tokens found in normalised text point
// at the right bytes of the original.
func TestOffsetsIntoOriginal(t *testing.T) {
	e := newTestEngine(t)
	src := "Putin condemned the strikes as“unjustified,” he said.\u00a0Ara\u200bghchi said,“Russia is right.”"
	d := e.Analyze(src)
	checkSpans(t, src, d)
	var got []string
	for _, tk := range d.Tokens {
		got = append(got, tk.In(src))
	}
	want := "Putin|condemned|the|strikes|as|“|unjustified|,|”|he|said|.|Ara\u200bghchi|said|,|“|Russia|is|right|.|”"
	if strings.Join(got, "|") != want {
		t.Errorf("tokens\n got %q\nwant %q", strings.Join(got, "|"), want)
	}
	if len(d.Sentences) != 2 || d.Sentences[1].In(src) != "Ara\u200bghchi said,“Russia is right.”" {
		t.Errorf("sentences = %v", d.Sentences)
	}
}

func TestTokens(t *testing.T) {
	e := newTestEngine(t)
	tests := []struct {
		src  string
		kind parallax.TokenKind
		text string
		val  float64
		unit string
		date string
	}{
		{"She has $100.00 in her bag.", parallax.TokenMoney, "$100.00", 100, "USD", ""},
		{"It cost €5 million.", parallax.TokenMoney, "€5 million", 5e6, "EUR", ""},
		{"It cost US$2bn.", parallax.TokenMoney, "US$2bn", 2e9, "USD", ""},
		{"It cost 20 dollars.", parallax.TokenMoney, "20 dollars", 20, "USD", ""},
		{"It cost USD 20.", parallax.TokenMoney, "USD 20", 20, "USD", ""},
		{"Prices rose 5%.", parallax.TokenPercent, "5%", 5, "%", ""},
		{"Prices rose 5 per cent.", parallax.TokenPercent, "5 per cent", 5, "%", ""},
		{"Prices rose 3.5 percent.", parallax.TokenPercent, "3.5 percent", 3.5, "%", ""},
		{"It came 48 hours after.", parallax.TokenQuantity, "48 hours", 48, "hour", ""},
		{"It came two days after.", parallax.TokenQuantity, "two days", 2, "day", ""},
		{"It ran 5km.", parallax.TokenQuantity, "5km", 5, "kilometre", ""},
		{"It has 2,500 staff.", parallax.TokenNumber, "2,500", 2500, "", ""},
		{"Forty-eight died.", parallax.TokenNumber, "Forty-eight", 48, "", ""},
		{"The third round.", parallax.TokenOrdinal, "third", 3, "", ""},
		{"On the 22nd floor.", parallax.TokenOrdinal, "22nd", 22, "", ""},
		{"On June 23, 2025, they met.", parallax.TokenDate, "June 23, 2025", 0, "", "2025-06-23"},
		{"On 23 June 2025 they met.", parallax.TokenDate, "23 June 2025", 0, "", "2025-06-23"},
		{"via June 22nd 2025", parallax.TokenDate, "June 22nd 2025", 0, "", "2025-06-22"},
		{"It began on June 13 with strikes.", parallax.TokenDate, "June 13", 0, "", "XXXX-06-13"},
		{"It was signed in January.", parallax.TokenDate, "January", 0, "", "XXXX-01"},
		{"Dated 2025-06-23.", parallax.TokenDate, "2025-06-23", 0, "", "2025-06-23"},
		{"Dated 2025/06/23.", parallax.TokenDate, "2025/06/23", 0, "", "2025-06-23"},
		{"Sales in March 2024 fell.", parallax.TokenDate, "March 2024", 0, "", "2024-03"},
		{"The U.S. military acted.", parallax.TokenWord, "U.S.", 0, "", ""},
		{"Mail Jane.Doe@example.com today.", parallax.TokenWord, "Jane.Doe@example.com", 0, "", ""},
		{"See https://example.com/a.html.", parallax.TokenWord, "https://example.com/a.html", 0, "", ""},
		{"In the 1990s it grew.", parallax.TokenWord, "1990s", 0, "", ""},
		{"He said... nothing.", parallax.TokenPunct, "...", 0, "", ""},
		{"Flags 🇷🇺🇮🇷 flew.", parallax.TokenSymbol, "🇷🇺", 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var found *parallax.Token
			toks := e.Tokenizer().Tokens(tt.src)
			for i := range toks {
				if toks[i].In(tt.src) == tt.text {
					found = &toks[i]
				}
			}
			if found == nil {
				var got []string
				for _, tk := range toks {
					got = append(got, tk.Kind.String()+":"+tk.In(tt.src))
				}
				t.Fatalf("no token %q in %q", tt.text, got)
			}
			if found.Kind != tt.kind || found.Value != tt.val || found.Unit != tt.unit || found.Date != tt.date {
				t.Errorf("got %s value %v unit %q date %q; want %s %v %q %q", found.Kind, found.Value, found.Unit, found.Date, tt.kind, tt.val, tt.unit, tt.date)
			}
		})
	}
}

func TestTokenNormAndStem(t *testing.T) {
	e := newTestEngine(t)
	src := "Iran’s strikes Condemned"
	toks := e.Tokenizer().Tokens(src)
	var got []string
	for _, tk := range toks {
		got = append(got, tk.Norm+"/"+tk.Stem)
	}
	if want := "iran's/iran|strikes/strike|condemned/condemn"; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestSplitFunc checks that the bufio.SplitFunc and Sentences agree.
func TestSplitFunc(t *testing.T) {
	e := newTestEngine(t)
	src := readSeed(t, "003.txt") + "\n" + readSeed(t, "000.txt")
	var want []string
	for _, p := range strings.Split(src, "\n") {
		for _, s := range e.Segmenter().Sentences(p) {
			want = append(want, p[s[0]:s[1]])
		}
	}
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(make([]byte, 16), 1<<20)
	sc.Split(e.Segmenter().Split)
	var got []string
	for sc.Scan() {
		got = append(got, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Split gave %d sentences, Sentences %d", len(got), len(want))
	}
	if len(got) != 41 {
		t.Errorf("got %d sentences, want 41", len(got))
	}
}

func TestEmptyAndOdd(t *testing.T) {
	e := newTestEngine(t)
	for _, src := range []string{"", " ", "\n\n\n", ".", "...", "“", "\xff\xfe", "a\u0301\u0301\u0301", strings.Repeat("(", 100), "1.", "• • •"} {
		d := e.Analyze(src)
		checkSpans(t, src, d)
	}
}

// TestNewsSentences covers sentence boundaries that news copy needs beyond
// the Golden Rules. Each case lists the sentences expected.
func TestNewsSentences(t *testing.T) {
	e := newTestEngine(t)
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"state before a capital", "She works in Concord, Calif. Dukes works in Pittsburg, Calif.", []string{"She works in Concord, Calif.", "Dukes works in Pittsburg, Calif."}},
		{"state before a comma", "Rep. Darrell Issa, R-Calif., said no.", []string{"Rep. Darrell Issa, R-Calif., said no."}},
		{"state dateline", "HARTFORD, Conn. — Blumenthal spoke on Monday. He left.", []string{"Blumenthal spoke on Monday.", "He left."}},
		{"hyphenated abbreviation", "It was the post-Sept. 11 law. It passed.", []string{"It was the post-Sept. 11 law.", "It passed."}},
		{"hyphenated title", "It followed the shooting of then-Rep. Gabrielle Giffords.", []string{"It followed the shooting of then-Rep. Gabrielle Giffords."}},
		{"question then speaker", "“Well, which is it?” Justice Breyer asked. Nobody knew.", []string{"“Well, which is it?” Justice Breyer asked.", "Nobody knew."}},
		{"exclamation then titled speaker", "“Stop lying!” Mr. Fox wrote.", []string{"“Stop lying!” Mr. Fox wrote."}},
		{"question then new sentence", "“Is it over?” The crowd fell silent.", []string{"“Is it over?”", "The crowd fell silent."}},
		{"spaced closing quote", "They cited ‘secret law.’ ” Then they left.", []string{"They cited ‘secret law.’ ”", "Then they left."}},
		{"time zone", "The briefing is at 2:30 p.m. ET. Reporters will attend.", []string{"The briefing is at 2:30 p.m. ET.", "Reporters will attend."}},
		{"ellipsis opening a sentence", "He paused. ... And then he left.", []string{"He paused.", "... And then he left."}},
		{"no. before a number", "He lives at No. 10 Downing Street.", []string{"He lives at No. 10 Downing Street."}},
		{"decimal and percent", "Growth was 2.5 percent. It slowed.", []string{"Growth was 2.5 percent.", "It slowed."}},
		{"en dash is no bullet", "– The strikes hit three sites – Natanz, Isfahan and Fordow – in a breach of law.", []string{"– The strikes hit three sites – Natanz, Isfahan and Fordow – in a breach of law."}},
		{"street", "The fire started near Main St. It spread quickly. St. Louis was spared.", []string{"The fire started near Main St.", "It spread quickly.", "St. Louis was spared."}},
		{"time before a weekday", "The fire was 40% contained by 5 p.m. Tuesday. More crews came.", []string{"The fire was 40% contained by 5 p.m. Tuesday.", "More crews came."}},
		{"months", "It began on Jan. 6 and ended in Feb. The vote followed.", []string{"It began on Jan. 6 and ended in Feb.", "The vote followed."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := e.Analyze(tt.src)
			var got []string
			for _, s := range d.Sentences {
				got = append(got, s.In(tt.src))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestFurnitureTokens checks that furniture is tokenised too, outside any
// sentence, so that later stages can read a dateline's date.
func TestFurnitureTokens(t *testing.T) {
	e := newTestEngine(t)
	src := "date 2025-06-23 By Jane Doe\n\nThe talks ended.\n\nvia June 22nd 2025"
	d := e.Analyze(src)
	var dates []string
	for _, tk := range d.Tokens {
		if tk.Kind == parallax.TokenDate {
			if tk.Sentence != -1 {
				t.Errorf("date %q in sentence %d", tk.In(src), tk.Sentence)
			}
			dates = append(dates, tk.Date)
		}
	}
	if strings.Join(dates, ",") != "2025-06-23,2025-06-22" {
		t.Errorf("dates = %v", dates)
	}
	if d.Words != 3 {
		t.Errorf("words = %d, want 3 (furniture is not counted)", d.Words)
	}
}

// TestConcurrentAnalyze checks that one Engine serves several goroutines
// (the word cache is shared) and gives each the answer it gives alone.
func TestConcurrentAnalyze(t *testing.T) {
	e := newTestEngine(t)
	var srcs []string
	for _, f := range []string{"000.txt", "001.txt", "002.txt", "003.txt", "004.txt"} {
		srcs = append(srcs, readSeed(t, f))
	}
	want := make([]*Doc, len(srcs))
	for i, s := range srcs {
		want[i] = newTestEngine(t).Analyze(s)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 40)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range srcs {
				i := (g + k) % len(srcs)
				if got := e.Analyze(srcs[i]); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("goroutine %d, article %d differs", g, i)
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for msg := range errs {
		t.Error(msg)
	}
}
