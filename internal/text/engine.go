package text

import (
	"io/fs"

	"parallax"
)

// Engine analyses article bodies. It is safe for concurrent use.
type Engine struct{}

// Doc is the analysis of one body.
type Doc struct {
	Sentences []parallax.Sentence
	Furniture []parallax.Furniture
	Tokens    []parallax.Token
	// Words counts the word tokens that lie inside non-heading sentences.
	Words int
}

// New loads the engine's lexicons from fsys (rules.FS, or a directory).
func New(fsys fs.FS) (*Engine, error) { return &Engine{}, nil }

// Analyze annotates src. TODO(stub): being written.
func (e *Engine) Analyze(src string) *Doc { return &Doc{} }
