package report_test

import (
	"os"

	"parallax"
	"parallax/internal/report"
)

// small is a one-article analysis for the examples.
func small() *parallax.Analysis {
	text := "Putin met Araghchi.\n“We are ready to help,” he said.\n"
	return &parallax.Analysis{
		Articles: []*parallax.Article{{
			ID: "a1", Outlet: "Example News", Source: "news/one.txt", Words: 9, Text: text, Story: "s1",
			Sentences: []parallax.Sentence{
				{Span: parallax.Span{Start: 0, End: 19}},
				{Span: parallax.Span{Start: 20, End: 56}, Quoted: true},
			},
		}},
		Stories: []*parallax.Story{{ID: "s1", Title: "Putin met Araghchi", Articles: []string{"a1"}, Outlets: []string{"Example News"}}},
	}
}

func ExampleText() {
	if err := report.Text(os.Stdout, small(), report.TextOptions{Width: 60}); err != nil {
		panic(err)
	}
	// Output:
	// STORY s1: Putin met Araghchi
	//   outlets    Example News
	//   articles   1
	//
	// ── a1 · Example News ───────────────────────────────────────
	//   title      —
	//   author     —
	//   published  —
	//   url        —
	//   source     news/one.txt
	//   words      9
	//   spans      2 sentences, 0 headings, 0 furniture
	//   inferred   nothing
	//
	//   sentences
	//   1 [0–19]    Putin met Araghchi.
	//   2 [20–56] ❝ “We are ready to help,” he said.
}

func ExampleMarkdown() {
	if err := report.Markdown(os.Stdout, small()); err != nil {
		panic(err)
	}
	// Output:
	// # Parallax analysis
	//
	// 1 article in 1 story, 0 warnings.
	//
	// ## Story s1: Putin met Araghchi
	//
	// **Outlets:** Example News · **Articles:** 1
	//
	// ### a1 · Example News
	//
	// | Field | Value |
	// | --- | --- |
	// | Title | — |
	// | Author | — |
	// | Published | — |
	// | URL | — |
	// | Source | news/one.txt |
	// | Words | 9 |
	// | Spans | 2 sentences, 0 headings, 0 furniture |
	// | Inferred | nothing |
	//
	// #### Sentences
	//
	// 1. `[0–19]` Putin met Araghchi.
	// 2. `[20–56]` ❝ “We are ready to help,” he said.
}

func ExampleJSON() {
	a := &parallax.Analysis{
		Stories: []*parallax.Story{{ID: "s1", Title: "An empty story"}},
	}
	if err := report.JSON(os.Stdout, a); err != nil {
		panic(err)
	}
	// Output:
	// {
	//   "articles": [],
	//   "stories": [
	//     {
	//       "id": "s1",
	//       "title": "An empty story",
	//       "articles": [],
	//       "outlets": [],
	//       "entities": [],
	//       "mentions": [],
	//       "naming": [],
	//       "quotes": [],
	//       "quote_groups": [],
	//       "voice_share": {},
	//       "voices": {},
	//       "cited_sources": {},
	//       "claims": [],
	//       "omissions": {},
	//       "contradictions": [],
	//       "timeline": [],
	//       "summary": {
	//         "sentences": []
	//       }
	//     }
	//   ],
	//   "warnings": []
	// }
}
