package parallax

import "embed"

// SeedStory holds the bundled seed story, the first end-to-end fixture and
// what `parallax demo` analyses: five reports of one meeting (Putin receives
// Iran's foreign minister, Moscow, 23 June 2025) as plain-text files under
// testdata/moscow-2025-06-23/. It is embedded so that the demo runs from any
// directory.
//
//go:embed testdata/moscow-2025-06-23/*.txt
var SeedStory embed.FS
