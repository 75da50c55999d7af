package parallax

import (
	"bytes"
	"encoding/json"
	"time"
)

// Article is one report of an event by one outlet, with the annotations that
// the text engine puts on it. Text is the article body exactly as read (after
// decoding to UTF-8 and removing any front matter); every offset in the
// annotations points into it.
type Article struct {
	// ID identifies the article within an analysis ("a1", "a2", ...).
	ID string `json:"id"`
	// Outlet is the publisher's name, when known.
	Outlet string `json:"outlet"`
	// Title is the headline, when known.
	Title string `json:"title"`
	// Author is the byline, when known.
	Author string `json:"author"`
	// Published is when the article was published; zero when unknown,
	// which the JSON document writes as null.
	Published time.Time `json:"published"`
	// URL is the article's canonical address, when known.
	URL string `json:"url"`
	// Language is a BCP 47 tag such as "en", when known.
	Language string `json:"language,omitempty"`
	// Source is the path or URL the article was read from ("-" for stdin).
	Source string `json:"source"`
	// Words counts the words of the body, furniture and headings excluded.
	Words int `json:"words"`
	// Text is the original article body; all offsets point into it.
	Text string `json:"text"`
	// Story is the ID of the story the article belongs to.
	Story string `json:"story"`
	// SyndicatedFrom is the ID of the article this one copies, if any.
	SyndicatedFrom string `json:"syndicated_from"`
	// Notes say how the text was read when that took more than reading
	// UTF-8 ("decoded from UTF-16"). Problems are warnings, not notes.
	Notes []string `json:"notes,omitempty"`
	// Inferred lists the metadata fields that were inferred from the text
	// rather than given (front matter, HTML meta), with the evidence.
	Inferred []Inference `json:"inferred,omitempty"`
	// Sentences are the sentences and headings of the body, in order.
	Sentences []Sentence `json:"sentences"`
	// Furniture are the spans of page furniture kept out of the sentences.
	Furniture []Furniture `json:"furniture"`
	// Tokens are the words, numbers and dates of the body, in order. They are
	// left out of the JSON document because every later stage recomputes
	// them cheaply from Text.
	Tokens []Token `json:"-"`
}

// DisplayName returns the best short name for the article: the outlet, else
// the file name or URL it came from, else its ID.
func (a *Article) DisplayName() string {
	switch {
	case a.Outlet != "":
		return a.Outlet
	case a.Source != "":
		return a.Source
	}
	return a.ID
}

// Inference records that a metadata field was inferred from the text, and
// from which span.
type Inference struct {
	// Field is the metadata field: "outlet", "author", "published", "title".
	Field string `json:"field"`
	// Rule names the pattern that matched ("byline", "dateline", ...).
	Rule string `json:"rule"`
	Span
}

// Sentence is one sentence or heading of an article body.
type Sentence struct {
	Span
	// Quoted is true when most of the sentence lies inside quotation marks,
	// including the paragraphs of a quotation that runs over several
	// paragraphs.
	Quoted bool `json:"quoted"`
	// Heading is true for a section heading inside the body or the headline
	// at its top. Headings are kept in order but are not sentences of the
	// report: later stages skip them.
	Heading bool `json:"heading"`
}

// FurnitureKind names a kind of page furniture.
type FurnitureKind string

// The kinds of page furniture the text engine recognises.
const (
	FurnitureLabel     FurnitureKind = "label"      // "Featured", "Advertisement", "Listen to this article"
	FurnitureCredit    FurnitureKind = "credit"     // "NAME/AFP via Getty Images"
	FurnitureCaption   FurnitureKind = "caption"    // a photo caption standing above its credit
	FurnitureTweet     FurnitureKind = "tweet"      // an embedded post: "... pic.twitter.com/x — Name (@handle) June 23, 2025"
	FurnitureSourceTag FurnitureKind = "source_tag" // "(PC, Kremlin, AJA)"
	FurnitureByline    FurnitureKind = "byline"     // "By Palestine Chronicle Staff"
	FurnitureDateline  FurnitureKind = "dateline"   // "date 2025-06-23", "MOSCOW, June 23. /TASS/."
	FurnitureAgency    FurnitureKind = "agency"     // "MENAFN - Kashmir Observer)"
	FurnitureSignoff   FurnitureKind = "signoff"    // "Follow Frances Martel on Facebook and Twitter."
	FurnitureVia       FurnitureKind = "via"        // "via June 22nd 2025"
)

// Furniture is a span of page furniture: text that belongs to the page, not
// to the article's sentences. It is kept, typed, because later stages use it:
// a tweet or a credit names a cited source, a byline names the author.
type Furniture struct {
	Kind FurnitureKind `json:"kind"`
	Span
	// Source is the source the furniture names, when it names one: the
	// agency of a credit, the author and handle of a tweet, the items of a
	// source tag.
	Source string `json:"source,omitempty"`
}

// MarshalJSON writes the article as the output contract has it, with an
// unknown publication date as null rather than as year 1.
func (a Article) MarshalJSON() ([]byte, error) {
	type plain Article // no methods: no recursion
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // article text is data, not HTML
	if err := enc.Encode(plain(a)); err != nil {
		return nil, err
	}
	b := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	if !a.Published.IsZero() {
		return b, nil
	}
	// The field comes before "text", so the first match is the field
	// itself: a quote inside the text is escaped and cannot match.
	return bytes.Replace(b, []byte(`"published":"0001-01-01T00:00:00Z"`), []byte(`"published":null`), 1), nil
}
