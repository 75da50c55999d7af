package parallax

import "encoding/json"

// Story is one news event and the articles that report it, with what the
// comparison of the articles finds. A later stage adds framing.
type Story struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Articles []string `json:"articles"`
	Outlets  []string `json:"outlets"`
	// Entities are the people, organisations and places of the story,
	// most mentioned first.
	Entities []Entity `json:"entities"`
	// Mentions are every mention of those entities, by article, in text
	// order; each carries its entity ID.
	Mentions []Mention `json:"mentions"`
	// Naming says how each article names each entity.
	Naming []Naming `json:"naming"`
	// Quotes are the quotes of all articles, by article, in text order.
	Quotes      []Quote      `json:"quotes"`
	QuoteGroups []QuoteGroup `json:"quote_groups"`
	// VoiceShare maps article ID → speaker entity ID → that speaker's
	// share of the article's quoted words. Quotes with no known speaker
	// count in the total but have no key; Voices has them.
	VoiceShare map[string]map[string]float64 `json:"voice_share"`
	// Voices details VoiceShare per article: quotes and words per speaker,
	// the unknown speaker included, largest share first.
	Voices map[string][]Voice `json:"voices"`
	// CitedSources maps article ID → the sources it cites, in text order.
	CitedSources map[string][]CitedSource `json:"cited_sources"`
	// Claims are the statements of fact of the story's articles, aligned
	// across them, widest coverage first.
	Claims []Claim `json:"claims"`
	// Omissions maps article ID → the IDs of the claims most other outlets
	// report and this article does not.
	Omissions map[string][]string `json:"omissions"`
	// Contradictions are the disagreements between articles.
	Contradictions []Contradiction `json:"contradictions"`
	// Timeline lists the story's dated events, in date order.
	Timeline []TimelineEvent `json:"timeline"`
	// Summary is the neutral brief.
	Summary Summary `json:"summary"`
}

// Warning reports an input that could not be read or analysed fully. The run
// goes on without it, or with what could be salvaged.
type Warning struct {
	Input   string `json:"input"`
	Message string `json:"message"`
}

// Analysis is the document `parallax analyze` produces: the output contract
// of DESIGN.md.
type Analysis struct {
	Articles []*Article `json:"articles"`
	Stories  []*Story   `json:"stories"`
	Warnings []Warning  `json:"warnings"`
}

// MarshalJSON writes empty lists and maps as [] and {}, never null, so
// that consumers of the contract need no null checks.
func (s Story) MarshalJSON() ([]byte, error) {
	type plain Story
	p := plain(s)
	p.Articles = orEmpty(p.Articles)
	p.Outlets = orEmpty(p.Outlets)
	p.Entities = orEmpty(p.Entities)
	p.Mentions = orEmpty(p.Mentions)
	p.Naming = orEmpty(p.Naming)
	p.Quotes = orEmpty(p.Quotes)
	p.QuoteGroups = orEmpty(p.QuoteGroups)
	if p.VoiceShare == nil {
		p.VoiceShare = map[string]map[string]float64{}
	}
	if p.Voices == nil {
		p.Voices = map[string][]Voice{}
	}
	if p.CitedSources == nil {
		p.CitedSources = map[string][]CitedSource{}
	}
	p.Claims = orEmpty(p.Claims)
	if p.Omissions == nil {
		p.Omissions = map[string][]string{}
	}
	p.Contradictions = orEmpty(p.Contradictions)
	p.Timeline = orEmpty(p.Timeline)
	p.Summary.Sentences = orEmpty(p.Summary.Sentences)
	return json.Marshal(p)
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
