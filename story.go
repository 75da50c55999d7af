package parallax

// Story is one news event and the articles that report it. Later stages add
// the comparison fields of the output contract (entities, quotes, claims, ...).
type Story struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Articles []string `json:"articles"`
	Outlets  []string `json:"outlets"`
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
