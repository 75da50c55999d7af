package parallax

// Entity types. An [Entity] and a [Mention] have one of these.
const (
	Person       = "person"
	Organization = "organization"
	Place        = "place"
	Other        = "other"
)

// Mention kinds: how a [Mention] refers to its entity.
const (
	MentionName = "name" // a proper name: "Vladimir Putin", "Putin", "the Kremlin"
	MentionRole = "role" // a role alone: "the Russian leader", "Iran's top diplomat"
)

// Mention is one place where an article names a person, organisation or
// place. The name never includes a role or title that stands beside it:
// those go to Role.
type Mention struct {
	// Article is the ID of the article.
	Article string `json:"article"`
	// Span covers the name (or, for a role reference, the role phrase).
	Span
	// Text is the text under Span.
	Text string `json:"text"`
	// Type is one of [Person], [Organization], [Place] or [Other].
	Type string `json:"type"`
	// Kind is [MentionName] or [MentionRole].
	Kind string `json:"kind"`
	// Role is the role or title the article gives the entity at this
	// mention, lower case, with its qualifier ("kremlin spokesman",
	// "iran's foreign minister"); empty when none is given.
	Role string `json:"role,omitempty"`
	// RoleSpan is where Role stands in the text; zero when Role is empty.
	RoleSpan Span `json:"-"`
	// Entity is the ID of the story entity the mention was merged into.
	Entity string `json:"entity,omitempty"`
	// Confidence is how sure the recognizer is, from 0 to 1.
	Confidence float64 `json:"confidence"`
}

// Entity is one person, organisation or place of a story, with its mentions
// merged across the story's articles.
type Entity struct {
	// ID identifies the entity within a story ("e1", "e2", ...).
	ID string `json:"id"`
	// Name is the fullest name the articles give it; for a place, the
	// most used spelled-out one ("Iran", "United States").
	Name string `json:"name"`
	// Type is one of [Person], [Organization], [Place] or [Other].
	Type string `json:"type"`
	// Aliases are the other names and role references the articles use for
	// it, sorted.
	Aliases []string `json:"aliases"`
	// Roles are the roles the articles give it, lower case, sorted.
	Roles []string `json:"roles,omitempty"`
	// Mentions counts its mentions per article ID.
	Mentions map[string]int `json:"mentions"`
	// Confidence is how sure the analysis is that this is one real entity
	// of the stated type, from 0 to 1.
	Confidence float64 `json:"confidence"`
}

// Naming is how each article of a story names one entity: the distinct
// forms it uses, most frequent first.
type Naming struct {
	// Entity is the entity's ID.
	Entity string `json:"entity"`
	// ByArticle maps an article ID to the forms that article uses, roles
	// as written beside the name included ("Russian President Vladimir
	// Putin", "Putin", "the Russian leader").
	ByArticle map[string][]string `json:"by_article"`
}
