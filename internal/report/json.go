package report

import (
	"encoding/json"
	"fmt"
	"io"

	"parallax"
)

// JSON writes a as the JSON document of the output contract, indented by two
// spaces, fields in the order of the Go types. Lists that the contract
// defines (articles, stories, warnings, sentences, furniture, a story's
// articles and outlets) are written as [] when empty, never as null. HTML
// characters are not escaped: the document is meant for programs and
// terminals, not for embedding in a page.
func JSON(w io.Writer, a *parallax.Analysis) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(normalize(a)); err != nil {
		return fmt.Errorf("report: writing json: %w", err)
	}
	return nil
}

// normalize returns a shallow copy of a in which every list of the contract
// is non-nil, so that it encodes as []. a itself is not changed.
func normalize(a *parallax.Analysis) *parallax.Analysis {
	out := &parallax.Analysis{
		Articles: []*parallax.Article{},
		Stories:  []*parallax.Story{},
		Warnings: []parallax.Warning{},
	}
	if a == nil {
		return out
	}
	for _, art := range a.Articles {
		if art == nil {
			continue
		}
		c := *art
		if c.Sentences == nil {
			c.Sentences = []parallax.Sentence{}
		}
		if c.Furniture == nil {
			c.Furniture = []parallax.Furniture{}
		}
		out.Articles = append(out.Articles, &c)
	}
	for _, s := range a.Stories {
		if s == nil {
			continue
		}
		c := *s
		if c.Articles == nil {
			c.Articles = []string{}
		}
		if c.Outlets == nil {
			c.Outlets = []string{}
		}
		out.Stories = append(out.Stories, &c)
	}
	out.Warnings = append(out.Warnings, a.Warnings...)
	return out
}
