package parallax

// Span is a half-open byte range [Start, End) into an article's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether the byte offset i lies inside the span.
func (s Span) Contains(i int) bool { return i >= s.Start && i < s.End }

// Overlaps reports whether the two spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// In returns the text the span covers in src, or "" when the span does not
// fit inside src.
func (s Span) In(src string) string {
	if s.Start < 0 || s.End > len(src) || s.Start > s.End {
		return ""
	}
	return src[s.Start:s.End]
}
