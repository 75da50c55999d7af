package quote

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"parallax"
	"parallax/internal/text"
	"parallax/rules"
)

var (
	setupOnce sync.Once
	engine    *text.Engine
	extractor *Extractor
	setupErr  error
)

func setup(t testing.TB) (*text.Engine, *Extractor) {
	t.Helper()
	setupOnce.Do(func() {
		engine, setupErr = text.New(rules.FS)
		if setupErr == nil {
			extractor, setupErr = New(rules.FS)
		}
	})
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	return engine, extractor
}

func extract(t testing.TB, src string) []Attribution {
	e, x := setup(t)
	return x.Extract(src, e.Analyze(src))
}

// want is an expected quote: its text, kind, speaker phrase, resolved name,
// cue, stance and via. Empty fields other than Speaker and Name are not
// checked; an empty Speaker asserts that no speaker was given.
type want struct {
	text, kind, speaker, name, cue, stance, via string
	// maxConf, when set, is the highest confidence the quote may have: a
	// speaker guessed from narration is less sure than one at a cue.
	maxConf float64
}

func TestExtract(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want []want
	}{
		{
			name: "cue after, name then verb",
			src:  "“The budget is balanced,” Maria Lopez said on Tuesday.",
			want: []want{{text: "The budget is balanced", kind: parallax.Direct, speaker: "Maria Lopez", name: "Maria Lopez", cue: "said", stance: "neutral"}},
		},
		{
			name: "cue after, inverted",
			src:  "“We will not retreat,” said Governor Tom Hale.",
			want: []want{{text: "We will not retreat", kind: parallax.Direct, speaker: "Tom Hale", name: "Tom Hale", cue: "said"}},
		},
		{
			name: "straight quotes and told with hearer",
			src:  `"Prices will fall next year," Hale told reporters.`,
			want: []want{{text: "Prices will fall next year", kind: parallax.Direct, speaker: "Hale", cue: "told"}},
		},
		{
			name: "role before the name",
			src:  "“Talks are over,” Treasury spokesman Ivan Dorn said.",
			want: []want{{text: "Talks are over", speaker: "Ivan Dorn", name: "Ivan Dorn"}},
		},
		{
			name: "appositive role after the name",
			src:  "“Talks are over,” Ivan Dorn, the treasury spokesman, said.",
			want: []want{{text: "Talks are over", speaker: "Ivan Dorn", name: "Ivan Dorn"}},
		},
		{
			name: "role reference kept as written",
			src:  "“Talks are over,” the treasury spokesman said.",
			want: []want{{text: "Talks are over", speaker: "the treasury spokesman", name: ""}},
		},
		{
			name: "organisation",
			src:  "“No decision has been taken,” the Foreign Ministry said in a statement.",
			want: []want{{text: "No decision has been taken", speaker: "Foreign Ministry", cue: "said in a statement"}},
		},
		{
			name: "cue before with colon",
			src:  "Senator Ana Ruiz said: “This bill is a disgrace.”",
			want: []want{{text: "This bill is a disgrace.", kind: parallax.Direct, speaker: "Ana Ruiz", cue: "said"}},
		},
		{
			name: "interrupted quote shares its cue",
			src:  "“We tried,” he said, “but they refused.”\n\nEarlier, Paul Grant met the envoy. “It was hard,” he said.",
			want: []want{
				{text: "We tried", speaker: "he", name: ""},
				{text: "but they refused.", speaker: "he", name: ""},
				{text: "It was hard", speaker: "he", name: "Paul Grant"},
			},
		},
		{
			name: "pronoun with gender",
			src:  "Ms. Clara Voss met Mr. Tom Reed on Monday.\n\n“The deal is done,” she said.",
			want: []want{{text: "The deal is done", speaker: "she", name: "Ms. Clara Voss"}},
		},
		{
			name: "partial quote in narration",
			src:  "Mayor Lin Park called the plan “a reckless gamble” on Friday.",
			want: []want{{text: "a reckless gamble", kind: parallax.Partial, speaker: "Lin Park", cue: "called"}},
		},
		{
			name: "glued quotes",
			src:  "The minister Omar Said Khan described the vote as“a historic step,” adding,“We are proud.”",
			want: []want{
				{text: "a historic step", kind: parallax.Partial, speaker: "Omar Said Khan"},
				{text: "We are proud.", kind: parallax.Direct, speaker: "Omar Said Khan", cue: "adding"},
			},
		},
		{
			name: "quote over several paragraphs",
			src:  "“The first part ends here.\n\n“The second part goes on.\n\n“And this is the end,” Nora Bell said.",
			want: []want{
				{text: "The first part ends here.", speaker: "Nora Bell"},
				{text: "The second part goes on.", speaker: "Nora Bell"},
				{text: "And this is the end", speaker: "Nora Bell"},
			},
		},
		{
			name: "speaker in the sentence before",
			src:  "Defence chief Karl Brandt rejected the report.\n\n“It is simply false.”",
			want: []want{{text: "It is simply false.", speaker: "Karl Brandt", name: "Karl Brandt"}},
		},
		{
			name: "indirect speech with that",
			src:  "Karl Brandt said that the army would withdraw by June.",
			want: []want{{text: "that the army would withdraw by June", kind: parallax.Indirect, speaker: "Karl Brandt", cue: "said"}},
		},
		{
			name: "indirect speech without that, told",
			src:  "Karl Brandt told reporters the army would withdraw.",
			want: []want{{text: "the army would withdraw", kind: parallax.Indirect, speaker: "Karl Brandt", cue: "told"}},
		},
		{
			name: "indirect speech, described as",
			src:  "Karl Brandt described the strikes as a grave mistake.",
			want: []want{{text: "the strikes as a grave mistake", kind: parallax.Indirect, speaker: "Karl Brandt", cue: "described"}},
		},
		{
			name: "according to, clause first",
			src:  "The bridge will reopen in May, according to city engineer Rosa Tam.",
			want: []want{{text: "The bridge will reopen in May", kind: parallax.Indirect, speaker: "Rosa Tam", cue: "according to"}},
		},
		{
			name: "stance of the cue",
			src:  "Karl Brandt claimed that the votes were forged.",
			want: []want{{speaker: "Karl Brandt", cue: "claimed", stance: "doubt"}},
		},
		{
			name: "via an outlet with according to",
			src:  "“We are ready,” Karl Brandt told reporters, according to the German outlet Tagesblatt.",
			want: []want{{text: "We are ready", speaker: "Karl Brandt", via: "Tagesblatt"}},
		},
		{
			name: "via an agency that reports the speaker",
			src:  "Reuters added that Brandt acknowledged a “serious failure of command.”",
			want: []want{
				{text: "serious failure of command.", kind: parallax.Partial, speaker: "Brandt", via: "Reuters", stance: "concession"},
			},
		},
		{
			name: "quoted as saying",
			src:  "The newspaper quoted Brandt as saying “the war is over.”",
			want: []want{{text: "the war is over.", speaker: "Brandt", via: "The newspaper"}},
		},
		{
			name: "no speaker anywhere",
			src:  "The weather was mild.\n\n“Nothing lasts forever.”",
			want: []want{{text: "Nothing lasts forever.", speaker: ""}},
		},
		{
			name: "unbalanced quote has no speaker",
			src:  "Karl Brandt spoke at noon. “We will never give in, he said.\n\nThe crowd left.",
			want: []want{{text: "We will never give in, he said.", speaker: ""}},
		},
		{
			name: "pronoun that names nobody",
			src:  "“It is over,” he said.",
			want: []want{{text: "It is over", speaker: "he", name: ""}},
		},
		{
			name: "speaker noun outside the role list",
			src:  "The former pollster said, “She is behind in the polls.”",
			want: []want{{text: "She is behind in the polls.", speaker: "The former pollster", cue: "said"}},
		},
		{
			name: "a document speaks",
			src:  "The email goes on to say: “Donations are welcome.”",
			want: []want{{text: "Donations are welcome.", speaker: "The email"}},
		},
		{
			name: "inverted verb with an unlisted determiner phrase",
			src:  "“Vote for the slate,” said the printed campaign card.",
			want: []want{{text: "Vote for the slate", speaker: "the printed campaign card", cue: "said"}},
		},
		{
			name: "inverted verb, head noun before a modifier",
			src:  "“It is a way to give without giving,” says a source involved in the talks.",
			want: []want{{text: "It is a way to give without giving", speaker: "a source", cue: "says"}},
		},
		{
			name: "any finite verb of saying inverts after speech",
			src:  "“This is fantastic!” beamed Ann Lee, a delegate from Ohio.",
			want: []want{{text: "This is fantastic!", speaker: "Ann Lee", cue: "beamed"}},
		},
		{
			name: "verb of saying opens the sentence",
			src:  "The school reopened in May. Said Tom Hale, who grew up nearby, “We were all so proud.”",
			want: []want{{text: "We were all so proud.", speaker: "Tom Hale", cue: "said"}},
		},
		{
			name: "possessive qualifier before the name",
			src:  "Iowa State University's Dianne Bystrom agreed. “Time is running out for them.”",
			want: []want{{text: "Time is running out for them.", speaker: "Dianne Bystrom", maxConf: 0.7}},
		},
		{
			name: "narration with a colon introduces the quote",
			src:  "Senator Ana Ruiz then turned to the crowd: “We will win this fight.”",
			want: []want{{text: "We will win this fight.", speaker: "Ana Ruiz", maxConf: 0.7}},
		},
		{
			name: "credit lines after quotes",
			src:  "“Prices will fall soon.” ― Rosa Tam\n“Wages will rise too.” ― Ivan Dorn\n\n“Nobody asked us.”\n\n- Karl Brandt, a farmer.",
			want: []want{
				{text: "Prices will fall soon.", speaker: "Rosa Tam"},
				{text: "Wages will rise too.", speaker: "Ivan Dorn"},
				{text: "Nobody asked us.", speaker: "Karl Brandt"},
			},
		},
		{
			name: "hard-wrapped line inside a quote",
			src:  "The race is close. “We tried,” Hale added, “to reach\nthe voters in time.”",
			want: []want{
				{text: "We tried", speaker: "Hale"},
				{text: "to reach\nthe voters in time.", speaker: "Hale"},
			},
		},
		{
			name: "speaker of the paragraph before, less sure than at a cue",
			src:  "Tom Hale spoke to the crowd on Monday.\n\n“They will not win.”",
			want: []want{{text: "They will not win.", speaker: "Tom Hale", maxConf: 0.7}},
		},
		{
			name: "no carry-over across a paragraph of narration",
			src:  "“Taxes will fall,” Ana Ruiz said.\n\nThe vote is set for May.\n\n“They will not.”",
			want: []want{
				{text: "Taxes will fall", speaker: "Ana Ruiz"},
				{text: "They will not.", speaker: ""},
			},
		},
		{
			name: "no carry-over past a paragraph that names another speaker",
			src:  "“Taxes will fall,” Ana Ruiz said.\n\nTom Hale disagreed.\n\n“They will not.”",
			want: []want{
				{text: "Taxes will fall", speaker: "Ana Ruiz"},
				{text: "They will not.", speaker: "Tom Hale", maxConf: 0.7},
			},
		},
		{
			name: "a medium after a preposition is no speaker",
			src:  "Ana Ruiz wrote on Facebook: “We will win this fight.”\n\nKarl Brandt took to Twitter, writing: “They will lose.”",
			want: []want{
				{text: "We will win this fight.", speaker: "Ana Ruiz"},
				{text: "They will lose.", speaker: "Karl Brandt"},
			},
		},
		{
			name: "a name alone before a colon",
			src:  "Rosa Tam: “The bridge will reopen in May.”",
			want: []want{{text: "The bridge will reopen in May.", speaker: "Rosa Tam"}},
		},
		{
			name: "scare quotes are no quote",
			src:  "The so-called “peace plan” was shelved.",
			want: nil,
		},
		// A name inside a prepositional phrase is no subject.
		{
			name: "speaker noun with a name after for",
			src:  "“We are ready,” a spokesman for President Joe Biden said.",
			want: []want{{text: "We are ready", speaker: "a spokesman for President Joe Biden", cue: "said"}},
		},
		{
			name: "role phrase with a name after for, reported speech",
			src:  "The lawyer for Sam Bankman-Fried told the court that his client was innocent.",
			want: []want{{text: "that his client was innocent", kind: parallax.Indirect, speaker: "The lawyer for Sam Bankman-Fried"}},
		},
		{
			name: "speaker noun with a name after of",
			src:  "The daughter of Mahmoud Abbas said the family was safe.",
			want: []want{{text: "the family was safe", speaker: "The daughter of Mahmoud Abbas"}},
		},
		{
			name: "plural speaker noun with a place after in",
			src:  "Officials in Washington said the plan was dead.\n\nEgyptian officials in Giza said the site was closed.",
			want: []want{
				{text: "the plan was dead", speaker: "Officials in Washington"},
				{text: "the site was closed", speaker: "Egyptian officials in Giza"},
			},
		},
		{
			name: "phrases inside phrases",
			src:  "Some delegates at the convention in Denver said the vote was fair.",
			want: []want{{text: "the vote was fair", speaker: "Some delegates at the convention in Denver"}},
		},
		{
			name: "participle after a coordinated object takes the subject",
			src:  "President Ana Ruiz underscored the bond between Lima and Quito, calling it “strong and lasting.”",
			want: []want{{text: "strong and lasting.", speaker: "Ana Ruiz", cue: "calling"}},
		},
		{
			name: "participle after objects of from takes the subject",
			src:  "Defence chief Karl Brandt said the army regretted the strikes from Lima and Quito, adding concern that they could create a “radiation hazard.”",
			want: []want{
				{text: "radiation hazard.", speaker: "Karl Brandt", cue: "adding"},
				{text: "that they could create a “radiation hazard.”", kind: parallax.Indirect, speaker: "Karl Brandt", cue: "adding"},
			},
		},
		{
			name: "participle after a name that is not the subject",
			src:  "Ana Ruiz met the envoy. The talks with Quito, calling for “calm,” ended.",
			want: nil,
		},
		// Nothing said.
		{
			name: "a verb of saying in another sense with a noun object",
			src:  "Quito has maintained continuous attacks on the border.",
			want: nil,
		},
		{
			name: "an ambiguous verb with a clause is speech",
			src:  "Karl Brandt added the talks were useful.",
			want: []want{{text: "the talks were useful", kind: parallax.Indirect, speaker: "Karl Brandt", cue: "added"}},
		},
		{
			name: "a negated verb of saying reports nothing",
			src:  "The agency has not reported any sign of radiation.\n\nMayor Lin Park did not call the plan “a reckless gamble.”",
			want: nil,
		},
		{
			name: "a quoted name is no quote",
			src:  "The strike, dubbed “Operation Rising Lion,” hit the plant.\n\n“Operation Rising Lion” began at dawn.",
			want: nil,
		},
		{
			name: "a quoted title does not break the utterance",
			src:  "“We will win,” Ana Ruiz said on the show “Face the Nation” on Sunday. “They know it.”",
			want: []want{
				{text: "We will win", speaker: "Ana Ruiz"},
				{text: "They know it.", speaker: "Ana Ruiz"},
			},
		},
		{
			name: "a title in quotation marks that is spoken",
			src:  "“Fake News,” Tom Hale said.",
			want: []want{{text: "Fake News", speaker: "Tom Hale"}},
		},
		{
			name: "a relative clause after a comma is no attribution",
			src:  "The talks follow strikes on the plant, which Quito has denounced as violations of the law.",
			want: nil,
		},
		{
			name: "a report in a subordinate clause ends at its comma",
			src:  "While Ana Ruiz reiterated support for the plan, questions remain over its cost.",
			want: []want{{text: "support for the plan", kind: parallax.Indirect, speaker: "Ana Ruiz"}},
		},
		{
			name: "an agency passes a quote on",
			src:  "“The talks are over,” the Interfax agency reported.",
			want: []want{{text: "The talks are over", speaker: "", via: "Interfax", cue: "reported"}},
		},
		// Quotes once missed.
		{
			name: "glued mark after a verb that had no frame",
			src:  "Kremlin spokesman Ivan Dorn clarified on Monday that aid would depend on“what the army needs,” adding that talks continue.",
			want: []want{
				{text: "what the army needs", kind: parallax.Partial, speaker: "Ivan Dorn", cue: "clarified"},
				{text: "that talks continue", kind: parallax.Indirect, speaker: "Ivan Dorn", cue: "adding"},
			},
		},
		{
			name: "responded by saying",
			src:  "Ivan Dorn responded by saying the strikes were self-defence.",
			want: []want{{text: "the strikes were self-defence", kind: parallax.Indirect, speaker: "Ivan Dorn", cue: "saying"}},
		},
		{
			name: "telling reporters that, after narration",
			src:  "Ivan Dorn met Ana Ruiz.\n\nIvan Dorn arrived on Sunday, telling reporters that the talks would be “crucial” for peace.",
			want: []want{
				{text: "that the talks would be “crucial” for peace", kind: parallax.Indirect, speaker: "Ivan Dorn", cue: "telling"},
				{text: "crucial", kind: parallax.Partial, speaker: "Ivan Dorn"},
			},
		},
		{
			name: "a verb of saying with no frame of its own reports a that-clause",
			src:  "Karl Brandt responded that the army would stay.",
			want: []want{{text: "that the army would stay", kind: parallax.Indirect, speaker: "Karl Brandt", cue: "responded"}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := extract(t, c.src)
			checkSpans(t, c.src, got)
			if len(c.want) == 0 && len(got) > 0 {
				t.Fatalf("got %d quotes, want none: %+v", len(got), got[0].Quote)
			}
			for _, w := range c.want {
				a, ok := find(got, w)
				if !ok {
					t.Errorf("no quote %q; got:", w.text)
					for _, g := range got {
						t.Logf("  %q %s speaker %q name %q cue %q via %q", g.Quote.Text, g.Quote.Kind, g.Quote.SpeakerText, g.Name, g.Quote.Cue, g.Quote.Via)
					}
					continue
				}
				q := a.Quote
				if q.SpeakerText != w.speaker {
					t.Errorf("%q: speaker %q, want %q", w.text, q.SpeakerText, w.speaker)
				}
				if w.name != "" && a.Name != w.name || w.name == "" && w.speaker == "" && a.Name != "" {
					t.Errorf("%q: name %q, want %q", w.text, a.Name, w.name)
				}
				for _, f := range []struct{ field, got, want string }{
					{"kind", q.Kind, w.kind}, {"cue", q.Cue, w.cue}, {"stance", q.Stance, w.stance}, {"via", q.Via, w.via},
				} {
					if f.want != "" && f.got != f.want {
						t.Errorf("%q: %s %q, want %q", w.text, f.field, f.got, f.want)
					}
				}
				if w.maxConf > 0 && q.Confidence > w.maxConf {
					t.Errorf("%q: confidence %.2f, want at most %.2f", w.text, q.Confidence, w.maxConf)
				}
				if w.speaker == "" && q.Confidence > MinConfidence {
					t.Errorf("%q: no speaker but confidence %.2f", w.text, q.Confidence)
				}
			}
		})
	}
}

// find returns the attribution with w's text (or, when w.text is empty,
// w's kind and speaker).
func find(got []Attribution, w want) (Attribution, bool) {
	for _, g := range got {
		if w.text != "" && g.Quote.Text == w.text {
			return g, true
		}
		if w.text == "" && (w.kind == "" || g.Quote.Kind == w.kind) && g.Quote.SpeakerText == w.speaker {
			return g, true
		}
	}
	return Attribution{}, false
}

// checkSpans checks what must hold of every attribution: spans inside the
// text, Text equal to the text under Span, the speaker under SpeakerSpan.
func checkSpans(t *testing.T, src string, got []Attribution) {
	t.Helper()
	for i, a := range got {
		q := a.Quote
		if q.Text == "" || q.Span.In(src) != q.Text {
			t.Errorf("quote %d: text %q, span %v holds %q", i, q.Text, q.Span, q.Span.In(src))
		}
		if q.SpeakerText != "" && q.SpeakerSpan.In(src) != q.SpeakerText {
			t.Errorf("quote %d: speaker %q, span holds %q", i, q.SpeakerText, q.SpeakerSpan.In(src))
		}
		if a.Name != "" && a.Antecedent.In(src) != a.Name {
			t.Errorf("quote %d: name %q, antecedent holds %q", i, a.Name, a.Antecedent.In(src))
		}
		if q.Confidence < 0 || q.Confidence > 1 {
			t.Errorf("quote %d: confidence %v", i, q.Confidence)
		}
		if i > 0 && got[i-1].Quote.Start > q.Start {
			t.Errorf("quote %d out of order", i)
		}
	}
}

// TestSeedStory checks structural facts on the seed story: every direct
// quote has a speaker, texts are not empty, spans hold their texts.
func TestSeedStory(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "moscow-2025-06-23", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("seed story not found: %v", err)
	}
	total := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		got := extract(t, src)
		checkSpans(t, src, got)
		direct := 0
		for _, a := range got {
			q := a.Quote
			if q.Kind != parallax.Direct {
				continue
			}
			direct++
			if q.SpeakerText == "" {
				t.Errorf("%s: direct quote %q has no speaker", filepath.Base(f), q.Text)
			}
			if strings.ContainsAny(q.Text[:1], "“”\"") {
				t.Errorf("%s: quote %q keeps its mark", filepath.Base(f), q.Text)
			}
		}
		if direct == 0 {
			t.Errorf("%s: no direct quote found", filepath.Base(f))
		}
		total += len(got)
	}
	t.Logf("seed story: %d attributions", total)
}

func TestNewReportsDataErrors(t *testing.T) {
	dir := fstest.MapFS{"quote/pronouns.txt": {Data: []byte("# provenance: test\nhe\tm\nshe\tq\n")}}
	_, err := New(rules.Overlay(dir))
	if err == nil || !strings.Contains(err.Error(), "quote/pronouns.txt:3") {
		t.Fatalf("err = %v, want an error at quote/pronouns.txt:3", err)
	}
}

// TestDefaultFrames checks that every verb of saying has frames, the ones
// with no line of their own in quote/verb-frames.txt taking the defaults.
func TestDefaultFrames(t *testing.T) {
	_, x := setup(t)
	for v := range x.lx.stance {
		f, ok := x.lx.frames[v]
		if !ok {
			t.Errorf("%q has no frames", v)
		}
		if strings.HasSuffix(v, "ing") && f&frameParticiple == 0 {
			t.Errorf("%q: frames %b lack participle", v, f)
		}
	}
	if _, ok := x.lx.frames["*"]; ok {
		t.Error("the default line is a verb")
	}
}
