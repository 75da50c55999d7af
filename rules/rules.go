// Package rules embeds Parallax's data files: lexicons (*.txt, one entry a
// line, # comments, a provenance line at the top) and, later, framing rules
// (*.yml). Every stage loads its data from an fs.FS, so a user can override
// the embedded files with a directory (--rules-dir).
package rules

import "embed"

// FS holds the embedded rule and lexicon files.
//
//go:embed */*.txt */*.gz
var FS embed.FS
