package source

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"parallax/rules"
)

// TestCited checks every form of citation on invented sentences. Each want
// line is name|kind|named|the text the span covers.
func TestCited(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		// agencies and outlets
		{"according to", "The talks failed, according to Reuters.", []string{"Reuters|agency|named|Reuters"}},
		{"descriptor before name", "The Russian news agency Tass added that talks would go on.", []string{"TASS|agency|named|Tass"}},
		{"descriptor after name", "The IRNA news agency said talks would resume.", []string{"IRNA|agency|named|IRNA"}},
		{"unknown name after descriptor", "The talks went well, according to the Iranian outlet Foo Daily Star.", []string{"Foo Daily Star|outlet|named|Foo Daily Star"}},
		{"unknown name before descriptor", "The Zorbian Zed news agency said talks would resume.", []string{"Zorbian Zed|agency|named|Zorbian Zed"}},
		{"confirmed", "IRNA confirmed the meeting.", []string{"IRNA|agency|named|IRNA"}},
		{"reported after comma", "The meeting was confirmed, Reuters reported.", []string{"Reuters|agency|named|Reuters"}},
		{"reported after quote", "“It is over,” Reuters reported.", []string{"Reuters|agency|named|Reuters"}},
		{"told", "The minister told CNN that he was ready.", []string{"CNN|outlet|named|CNN"}},
		{"told possessive", "The minister told CNN's Jane Roe that he was ready.", []string{"CNN|outlet|named|CNN"}},
		{"interview", "In an interview with the BBC, the minister said he was ready.", []string{"BBC|outlet|named|BBC"}},
		{"state media", "State media reported that the strikes hit three sites.", []string{"State media|outlet|unnamed|State media"}},
		{"demonym media", "Iranian state media said the strikes hit three sites.", []string{"Iranian state media|outlet|unnamed|Iranian state media"}},
		{"outlet with adjectives", "The talks went well, according to the Iranian state propaganda outlet PressTV.", []string{"PressTV|outlet|named|PressTV"}},
		{"citing", "Citing Interfax, the paper said ten people died.", []string{"Interfax|agency|named|Interfax"}},
		{"quoted as saying", "PressTV quoted the minister as saying the talks were useful.", []string{"PressTV|outlet|named|PressTV"}},
		{"quoted by", "The minister was quoted by Tasnim as saying the talks were useful.", []string{"Tasnim|agency|named|Tasnim"}},
		{"full name alias", "The Islamic Republic News Agency said the talks were useful.", []string{"IRNA|agency|named|Islamic Republic News Agency"}},
		{"case variant", "TASS reported the talks; later Tass said they were over.", []string{"TASS|agency|named|TASS", "TASS|agency|named|Tass"}},
		{"cited twice", "Reuters said so. Reuters said it again.", []string{"Reuters|agency|named|Reuters", "Reuters|agency|named|Reuters"}},
		{"inverted", "The sites were hit, said the Pentagon.", []string{"Pentagon|official|named|Pentagon"}},
		{"two sources", "Two U.S. officials told Reuters the strike was planned.", []string{"Two U.S. officials|unnamed|unnamed|Two U.S. officials", "Reuters|agency|named|Reuters"}},

		// documents
		{"in a statement", "The ministry said in a statement that the talks were useful.", []string{"ministry|document|named|ministry"}},
		{"statement opens", "In a statement, the Pentagon said two bases were hit.", []string{"Pentagon|document|named|Pentagon"}},
		{"statement from", "According to a statement from the ministry, the talks are over.", []string{"ministry|document|named|ministry"}},
		{"readout", "A Kremlin readout said the two leaders spoke by phone.", []string{"Kremlin|document|named|Kremlin"}},
		{"transcript published by", "A transcript published by the Kremlin showed the exchange.", []string{"Kremlin|document|named|Kremlin"}},
		{"possessive statement", "The ministry's statement gave no figures.", []string{"ministry|document|named|ministry"}},
		{"report by agency", "A report by Reuters gave no figures.", []string{"Reuters|agency|named|Reuters"}},
		{"statement without issuer", "He said in a statement that the talks were useful.", []string{"statement|document|unnamed|statement"}},

		// officials and bodies
		{"kremlin", "The Kremlin said the talks were useful.", []string{"Kremlin|official|named|Kremlin"}},
		{"pentagon also", "The Pentagon also said two bases were hit.", []string{"Pentagon|official|named|Pentagon"}},
		{"foreign ministry", "Iran’s foreign ministry said the strikes were illegal.", []string{"Iran’s foreign ministry|official|named|Iran’s foreign ministry"}},
		{"capitalised ministry", "The Russian Foreign Ministry on Monday said talks would continue.", []string{"Russian Foreign Ministry|official|named|Russian Foreign Ministry"}},
		{"ministry of", "The Ministry of Foreign Affairs said talks would continue.", []string{"Ministry of Foreign Affairs|official|named|Ministry of Foreign Affairs"}},
		{"capital for government", "Moscow had warned that strikes would follow.", []string{"Moscow|official|named|Moscow"}},
		{"acronym", "The IAEA said radiation levels were normal.", []string{"IAEA|official|named|IAEA"}},
		{"organisation", "NATO said the drills would go on.", []string{"NATO|official|named|NATO"}},
		{"organisation not in capitals", "Who said the drills would go on?", nil},
		{"outlet named like a document", "The Washington Post reported the talks failed.", []string{"The Washington Post|outlet|named|The Washington Post"}},

		// social
		{"wrote on", "The president wrote on Truth Social that the sites were destroyed.", []string{"Truth Social|social|named|Truth Social"}},
		{"post on X", "In a post on X, the minister said talks would resume.", []string{"X|social|named|X"}},
		{"telegram channel", "He wrote on his Telegram channel that he would travel.", []string{"Telegram|social|named|Telegram"}},
		{"statement on network", "The army said in a statement on Telegram that it was ready.", []string{"army|official|named|army", "Telegram|social|named|Telegram"}},
		{"social media", "She said on social media that she would travel.", []string{"social media|social|unnamed|social media"}},

		// unnamed
		{"officials said", "Officials said the plan was ready.", []string{"Officials|unnamed|unnamed|Officials"}},
		{"senior official", "A senior official said the plan was ready.", []string{"senior official|unnamed|unnamed|senior official"}},
		{"familiar with", "Sources familiar with the matter said the deal was close.", []string{"Sources|unnamed|unnamed|Sources"}},
		{"diplomats", "Diplomats said the vote was delayed.", []string{"Diplomats|unnamed|unnamed|Diplomats"}},
		{"reportedly", "The minister reportedly left early.", []string{"reportedly|unnamed|unnamed|reportedly"}},
		{"it was reported", "It was reported that the minister left early.", []string{"It was reported|unnamed|unnamed|It was reported"}},
		{"according to reports", "According to reports, the minister left early.", []string{"reports|unnamed|unnamed|reports"}},
		{"people close to", "People close to the president said he was angry.", []string{"People|unnamed|unnamed|People"}},
		{"according to people familiar", "According to people familiar with the talks, a deal is near.", []string{"people|unnamed|unnamed|people"}},
		{"anonymity after comma", "A government official, speaking on condition of anonymity, said it was ready.", []string{"government official|unnamed|unnamed|government official"}},
		{"is said to", "The minister is said to have left early.", []string{"is said to|unnamed|unnamed|is said to"}},

		// negatives
		{"quoted person", "Putin said the talks were useful.", nil},
		{"person with role", "Kremlin spokesman Dmitry Peskov said the talks were useful.", nil},
		{"according to a person", "According to Putin, the talks were useful.", nil},
		{"person told reporters", "Putin told reporters the talks were useful.", nil},
		{"sources of energy", "Renewable sources of energy are cheaper.", nil},
		{"according to plan", "Everything went according to plan.", nil},
		{"the report", "The report said prices rose.", nil},
		{"according to the report", "According to the report, prices rose.", nil},
		{"inside a quotation", "“According to Reuters, it is over,” he said.", nil},
		{"citing reasons", "He left, citing cooperation on nuclear energy.", nil},
		{"close to a number", "Close to 100 people said it was fine.", nil},
		{"said on a day", "Trump said on Monday that talks would go on.", nil},
		{"negated", "The IAEA has not reported any rise in radiation.", nil},
		{"outlet not cited", "Putin appeared on Russian television alongside the minister.", nil},
		{"headline", "Reuters Says Talks Failed\n\nThe minister left. He said nothing.", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := show(tt.src, cited(t, tt.src))
			want := ""
			if len(tt.want) > 0 {
				want = strings.Join(tt.want, "\n") + "\n"
			}
			if got != want {
				t.Errorf("Cited(%q):\n%s\nwant:\n%s", tt.src, got, want)
			}
		})
	}
}

// TestFurniture checks the sources page furniture names.
func TestFurniture(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"source tag", "The minister spoke on Monday. He said nothing new.\n\n(Reuters, Kremlin, XYZ)\n",
			[]string{"Reuters|agency|named|Reuters", "Kremlin|official|named|Kremlin", "XYZ|outlet|named|XYZ"}},
		{"tass dateline", "MOSCOW, June 23. /TASS/. The minister spoke on Monday.", []string{"TASS|agency|named|TASS"}},
		{"wire dateline", "LONDON (Reuters) - The minister spoke on Monday.", []string{"Reuters|agency|named|Reuters"}},
		{"aggregator prefix", "MENAFN - Zorbia Herald) Moscow - The minister spoke on Monday.", []string{"Zorbia Herald|outlet|named|Zorbia Herald"}},
		{"photo credit", "Firefighters battle the blaze, Jan. 8, 2025. (AP Photo/Ethan Swope)", []string{"AP|agency|named|AP"}},
		{"credit without agency", "The minister spoke.\n\nA crowd outside the ministry\nPhoto: Jane Roe\n\nHe left.", nil},
		{"tweet signature", "The minister spoke.\n\nTalks are on. pic.twitter.com/abc123 — Jane Roe (@janeroe) June 23, 2025\n\nHe left.",
			[]string{"Jane Roe (@janeroe)|social|named|Jane Roe (@janeroe)"}},
		{"tweet link", "The minister spoke.\n\nTalks are on https://twitter.com/someone/status/12345\n\nHe left.",
			[]string{"@someone|social|named|someone"}},
		{"via outlet", "The minister spoke on Monday.\n\nHe said nothing new.\n\nvia Reuters\n", []string{"Reuters|agency|named|Reuters"}},
		{"via date", "via June 22nd 2025The minister spoke on Monday.", nil},
	}
	e, f := setup(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := e.Analyze(tt.src)
			got := show(tt.src, f.Cited(tt.src, doc))
			want := ""
			if len(tt.want) > 0 {
				want = strings.Join(tt.want, "\n") + "\n"
			}
			if got != want {
				t.Errorf("Cited(%q):\n%s\nwant:\n%s\nfurniture: %+v", tt.src, got, want, doc.Furniture)
			}
		})
	}
}

// TestNewReportsDataErrors checks that a broken rule file is reported as
// file:line.
func TestNewReportsDataErrors(t *testing.T) {
	bad := fstest.MapFS{
		"sources/cues.txt":        {Data: []byte("# provenance: test\naccording to\tsideways\n")},
		"sources/descriptors.txt": {Data: []byte("# provenance: test\noutlet\n")},
	}
	_, err := New(rules.Overlay(bad))
	if err == nil {
		t.Fatal("New accepted broken rules")
	}
	for _, want := range []string{"sources/cues.txt:2:", "sources/descriptors.txt:2:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
}

// TestCitedConcurrent runs one Finder from several goroutines (run with
// -race).
func TestCitedConcurrent(t *testing.T) {
	e, f := setup(t)
	arts := seedArticles(t)
	want := map[string]string{}
	for name, src := range arts {
		want[name] = show(src, f.Cited(src, e.Analyze(src)))
	}
	var wg sync.WaitGroup
	for range 4 {
		for name, src := range arts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if got := show(src, f.Cited(src, e.Analyze(src))); got != want[name] {
					t.Errorf("%s: concurrent result differs", name)
				}
			}()
		}
	}
	wg.Wait()
}
