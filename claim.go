package parallax

// Claim statuses: how widely a claim is reported.
const (
	StatusConsensus = "consensus" // all outlets of the story, or all but one
	StatusPartial   = "partial"   // more than one outlet, not nearly all
	StatusUnique    = "unique"    // one outlet only
)

// Claim is one statement of fact that one or more articles of a story make:
// a clause with its predicate, attribution frames stripped ("Araghchi said
// that ..." keeps the speaker on the claim).
type Claim struct {
	ID string `json:"id"`
	// Text is the claim's reference wording: the plainest supporting
	// sentence's clause.
	Text string `json:"text"`
	// Support lists every span that states the claim, by article.
	Support []Support `json:"support"`
	// Coverage counts the distinct outlets that state it.
	Coverage int `json:"coverage"`
	// Status is [StatusConsensus], [StatusPartial] or [StatusUnique].
	Status string `json:"status"`
	// Speaker is the entity ID of whom the articles attribute the claim to,
	// when they do.
	Speaker string `json:"speaker,omitempty"`
}

// Support is one span of one article that states a claim. Matched says
// why the span was aligned with the claim's reference wording: the
// features that matched ("stems: strike, condemn", "entity: e3",
// "number: 3"), empty for the reference span itself.
type Support struct {
	Article string `json:"article"`
	Span
	Score   float64  `json:"score,omitempty"`
	Matched []string `json:"matched,omitempty"`
}

// Contradiction kinds.
const (
	ContradictNumber      = "number"
	ContradictDate        = "date"
	ContradictDuration    = "duration"
	ContradictCount       = "count"
	ContradictNegation    = "negation"
	ContradictAttribution = "attribution"
	ContradictName        = "name"
)

// Contradiction is a disagreement between articles about one aligned
// claim: what each says, with the value compared.
type Contradiction struct {
	ID string `json:"id"`
	// Kind is one of the Contradict* kinds.
	Kind string `json:"kind"`
	// About says what the statements disagree on ("when the strikes took
	// place").
	About      string      `json:"about"`
	Statements []Statement `json:"statements"`
}

// Statement is one article's side of a [Contradiction].
type Statement struct {
	Article string `json:"article"`
	Text    string `json:"text"`
	// Value is the compared value, resolved ("2025-06-22", "3").
	Value string `json:"value"`
	Span
}

// TimelineEvent is one dated event of a story, merged across the articles
// that report it.
type TimelineEvent struct {
	// Date is an ISO 8601 date, as precise as the articles allow
	// ("2025-06-22", "2025-06").
	Date     string    `json:"date"`
	Text     string    `json:"text"`
	Articles []string  `json:"articles"`
	Support  []Support `json:"support,omitempty"`
}

// Summary is the neutral brief of a story.
type Summary struct {
	Sentences []SummarySentence `json:"sentences"`
}

// SummarySentence is one sentence of the brief with its evidence: the
// articles that state what it says, and the claims it rests on.
type SummarySentence struct {
	Text      string   `json:"text"`
	Citations []string `json:"citations"`
	Claims    []string `json:"claims"`
}
