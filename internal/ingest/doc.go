// Package ingest reads article inputs and infers their metadata.
//
// [Read] turns files, directories and standard input into
// [parallax.Article] values: it caps the size of each input, refuses empty
// and binary files, decodes text that is not UTF-8, and takes the metadata
// of YAML front matter ([ParseFrontMatter]). Every input that fails, or is
// only partly usable, gives a [parallax.Warning] naming it; the run goes on.
// An article's Text is its body exactly as read, so that every offset the
// later stages compute points into it.
//
// Most articles come with no metadata at all. Once the text engine has
// marked an article's furniture (bylines, datelines, agency prefixes,
// sign-offs, "via" dates), its sentences (the headline among them) and its
// tokens (dates among them), [Lists.InferMeta] fills the fields that are
// still empty from them, and records in Article.Inferred which rule and
// which span each value came from. The word lists it uses (staff suffixes,
// news aggregators, news agencies) are data files, rules/ingest/staff.txt,
// rules/sources/aggregators.txt and rules/sources/news-agencies.txt, loaded
// with [LoadLists] from the embedded rules or a directory.
//
// The typical sequence, as cmd/parallax wires it:
//
//	lists, err := ingest.LoadLists(rules.FS)
//	...
//	res := ingest.Read(paths, ingest.Options{Stdin: os.Stdin})
//	for _, a := range res.Articles {
//		doc := engine.Analyze(a.Text)
//		a.Sentences, a.Furniture, a.Tokens, a.Words = doc.Sentences, doc.Furniture, doc.Tokens, doc.Words
//		lists.InferMeta(a)
//	}
package ingest
