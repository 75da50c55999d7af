package report

import (
	"fmt"
	"sort"
	"strings"

	"parallax"
)

// claimTextLimit caps a claim's wording in a report line.
const claimTextLimit = 140

// matrixLimit caps the claims of the coverage matrix; the JSON document
// has them all.
const matrixLimit = 30

// comparison indexes what the comparison sections of a report need from a
// story: claims by ID, and the articles' short labels.
type comparison struct {
	s      *parallax.Story
	claims map[string]parallax.Claim
	arts   []*parallax.Article
}

func newComparison(s *parallax.Story, arts []*parallax.Article) *comparison {
	c := &comparison{s: s, claims: map[string]parallax.Claim{}, arts: arts}
	for _, cl := range s.Claims {
		c.claims[cl.ID] = cl
	}
	return c
}

// empty reports whether the story has nothing to compare yet.
func (c *comparison) empty() bool {
	return len(c.s.Claims) == 0 && len(c.s.Contradictions) == 0 && len(c.s.Timeline) == 0 && len(c.s.Summary.Sentences) == 0
}

// byStatus returns the claims of one status, in the story's order.
func (c *comparison) byStatus(status string) []parallax.Claim {
	var out []parallax.Claim
	for _, cl := range c.s.Claims {
		if cl.Status == status {
			out = append(out, cl)
		}
	}
	return out
}

// supports reports which articles state a claim.
func supports(cl parallax.Claim) map[string]bool {
	in := map[string]bool{}
	for _, sp := range cl.Support {
		in[sp.Article] = true
	}
	return in
}

// matrixRow returns one claim's row of the coverage matrix: "●" for an
// article that states it, "·" for one that does not.
func (c *comparison) matrixRow(cl parallax.Claim) []string {
	in := supports(cl)
	row := make([]string, len(c.arts))
	for i, a := range c.arts {
		row[i] = "·"
		if in[a.ID] {
			row[i] = "●"
		}
	}
	return row
}

// omitted returns, for one article, the wording of the claims it leaves
// out, with their IDs.
func (c *comparison) omitted(articleID string) []string {
	ids := append([]string(nil), c.s.Omissions[articleID]...)
	sort.SliceStable(ids, func(i, j int) bool { return c.claims[ids[i]].Coverage > c.claims[ids[j]].Coverage })
	var out []string
	for _, id := range ids {
		cl, ok := c.claims[id]
		if !ok {
			continue
		}
		out = append(out, fmt.Sprintf("%s (%s): %s", clean(id), plural(cl.Coverage, "outlet", "outlets"), shorten(cl.Text, claimTextLimit)))
	}
	return out
}

// statement describes one side of a contradiction.
func statement(st parallax.Statement) string {
	s := clean(st.Article) + " " + spanLabel(st.Span) + ": “" + shorten(st.Text, claimTextLimit) + "”"
	if st.Value != "" {
		s += " → " + clean(st.Value)
	}
	return s
}

// citations renders a brief sentence's citations: "[a1, a3]".
func citations(s parallax.SummarySentence) string {
	ids := make([]string, len(s.Citations))
	for i, id := range s.Citations {
		ids[i] = clean(id)
	}
	return "[" + strings.Join(ids, ", ") + "]"
}
