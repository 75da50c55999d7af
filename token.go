package parallax

// TokenKind classifies a token.
type TokenKind uint8

// The token kinds. Compound kinds (Money, Percent, Quantity, Date) cover
// several words ("$100.00", "5 per cent", "48 hours", "June 23, 2025").
const (
	TokenWord     TokenKind = iota + 1 // a word, including hyphenated and possessive forms
	TokenNumber                        // a bare number, in digits or words: "13", "2,500", "two"
	TokenOrdinal                       // "5th", "22nd", "third"
	TokenPercent                       // "12%", "5 percent", "5 per cent"
	TokenMoney                         // "$100.00", "€5 million", "20 dollars"
	TokenQuantity                      // a number with a unit: "48 hours", "3 km", "five rounds" is not one
	TokenDate                          // a calendar date: "June 23, 2025", "2025-06-23", "23 June"
	TokenPunct                         // punctuation
	TokenSymbol                        // any other symbol: emoji, "&", "©"
)

var tokenKindNames = [...]string{
	TokenWord: "word", TokenNumber: "number", TokenOrdinal: "ordinal",
	TokenPercent: "percent", TokenMoney: "money", TokenQuantity: "quantity",
	TokenDate: "date", TokenPunct: "punct", TokenSymbol: "symbol",
}

// String returns the kind's lower-case name.
func (k TokenKind) String() string {
	if int(k) < len(tokenKindNames) && tokenKindNames[k] != "" {
		return tokenKindNames[k]
	}
	return "unknown"
}

// MarshalText encodes the kind as its name.
func (k TokenKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Token is one word, number, date or mark of an article, with its offsets.
type Token struct {
	Span
	Kind TokenKind `json:"kind"`
	// Norm is the lower-cased, NFC-normalised form, with curly apostrophes
	// made straight: the form to compare words on.
	Norm string `json:"norm"`
	// Stem is the Snowball (Porter2) stem of a word, for matching; for other
	// kinds it equals Norm.
	Stem string `json:"stem"`
	// Value is the numeric value of numbers, ordinals, percentages, money
	// and quantities (5 million is 5e6).
	Value float64 `json:"value,omitempty"`
	// Unit is the currency code of money ("USD"), the singular unit of a
	// quantity ("hour"), or "%" for percentages.
	Unit string `json:"unit,omitempty"`
	// Date is the calendar date of a date token in ISO 8601 form, with X
	// for the parts the text leaves out: "2025-06-23", "XXXX-06-13", "2025-06".
	Date string `json:"date,omitempty"`
	// Sentence is the index of the sentence the token belongs to, or -1 for
	// tokens of page furniture (a dateline's date, a credit's agency).
	Sentence int `json:"sentence"`
}
