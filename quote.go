package parallax

import "encoding/json"

// Quote kinds.
const (
	Direct   = "direct"   // a whole sentence or more in quotation marks
	Partial  = "partial"  // a quoted phrase inside a sentence of narration
	Indirect = "indirect" // reported speech without quotation marks: "X said that ..."
)

// Quote is one thing an article reports someone said, with its speaker.
// Span covers the quoted words (without the quotation marks).
type Quote struct {
	ID      string `json:"id"`
	Article string `json:"article"`
	// Speaker is the ID of the story entity who said it; empty (null in
	// JSON) when the speaker is unknown or the attribution is unsure.
	Speaker string `json:"speaker"`
	// SpeakerText is how the article names the speaker at the attribution
	// ("Putin", "the Kremlin spokesman", "he"); empty when none.
	SpeakerText string `json:"speaker_text"`
	// SpeakerSpan is where SpeakerText stands; zero when empty.
	SpeakerSpan Span `json:"speaker_span"`
	// Text is the quoted words.
	Text string `json:"text"`
	// Kind is [Direct], [Partial] or [Indirect].
	Kind string `json:"kind"`
	Span
	// Cue is the verb or phrase that introduces the quote ("said",
	// "according to"), and Stance the stance rules/text/speech-verbs.txt
	// gives it ("neutral", "doubt", ...).
	Cue    string `json:"cue,omitempty"`
	Stance string `json:"stance,omitempty"`
	// Via names the source the article got the quote from when it reports
	// it second-hand ("PressTV", "TASS"); empty (null in JSON) otherwise.
	Via string `json:"via"`
	// Group is the ID of the [QuoteGroup] of the same utterance across the
	// story's articles; empty (null in JSON) when the quote is in none.
	Group string `json:"group"`
	// Confidence is how sure the analysis is that SpeakerText said the
	// quote, from 0 to 1; a quote with no speaker text has at most 0.5.
	// Speaker can still be empty at high confidence when no entity of the
	// story matches SpeakerText ("a senior official").
	Confidence float64 `json:"confidence"`
}

// MarshalJSON writes Speaker, Via and Group as null when they are empty, as
// the output contract says.
func (q Quote) MarshalJSON() ([]byte, error) {
	type plain Quote
	return json.Marshal(struct {
		plain
		Speaker *string `json:"speaker"`
		Via     *string `json:"via"`
		Group   *string `json:"group"`
	}{plain(q), nullable(q.Speaker), nullable(q.Via), nullable(q.Group)})
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// QuoteGroup is one utterance as the story's articles render it: verbatim,
// translated differently, paraphrased or cut.
type QuoteGroup struct {
	ID string `json:"id"`
	// Speaker is the entity ID of who said it; empty (null) when unknown.
	Speaker string `json:"speaker"`
	// Quotes are the IDs of the quotes in the group, in article order.
	Quotes []string `json:"quotes"`
	// Articles are the IDs of the articles that carry it.
	Articles []string `json:"articles"`
	// Canonical is the reference wording: the most common one, else the
	// longest verbatim one.
	Canonical string `json:"canonical"`
	// Variants show each quote's wording against Canonical.
	Variants []QuoteVariant `json:"variants"`
}

// MarshalJSON writes an empty Speaker as null.
func (g QuoteGroup) MarshalJSON() ([]byte, error) {
	type plain QuoteGroup
	return json.Marshal(struct {
		plain
		Speaker *string `json:"speaker"`
	}{plain(g), nullable(g.Speaker)})
}

// QuoteVariant is one quote of a group, as a word-level diff against the
// group's canonical wording.
type QuoteVariant struct {
	Quote   string `json:"quote"`
	Article string `json:"article"`
	// Diff turns the canonical wording into this quote's wording.
	Diff []DiffOp `json:"diff"`
}

// Diff operations.
const (
	DiffEqual  = "="
	DiffInsert = "+" // words this quote has and the canonical wording lacks
	DiffDelete = "-" // words of the canonical wording this quote lacks
)

// DiffOp is one run of words of a [QuoteVariant] diff.
type DiffOp struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Voice is one speaker's part of the quoted words of one article.
type Voice struct {
	// Speaker is the entity ID; empty (null) for quotes with no known
	// speaker.
	Speaker     string `json:"speaker"`
	SpeakerName string `json:"speaker_name"`
	Quotes      int    `json:"quotes"`
	Words       int    `json:"words"`
	// Share is Words over all quoted words of the article.
	Share float64 `json:"share"`
}

// MarshalJSON writes an empty Speaker as null.
func (v Voice) MarshalJSON() ([]byte, error) {
	type plain Voice
	return json.Marshal(struct {
		plain
		Speaker *string `json:"speaker"`
	}{plain(v), nullable(v.Speaker)})
}

// Cited-source kinds.
const (
	SourceAgency   = "agency"   // a news agency: Reuters, TASS, IRNA
	SourceOutlet   = "outlet"   // another news outlet: PressTV, Al Jazeera
	SourceOfficial = "official" // a named official body or person cited as a source
	SourceDocument = "document" // a statement, report, decree, transcript
	SourceSocial   = "social"   // a post on a social network
	SourceUnnamed  = "unnamed"  // "officials said", "reportedly"
)

// CitedSource is one source an article says it got information from.
type CitedSource struct {
	// Name is the source's name ("Reuters", "Kremlin"), or for an unnamed
	// source the words that stand for it ("officials", "reportedly").
	Name string `json:"name"`
	Span
	// Kind is one of the Source* kinds.
	Kind string `json:"kind"`
	// Named is false for unnamed sources.
	Named bool `json:"named"`
}
