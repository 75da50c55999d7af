package eval

import (
	"fmt"
	"strings"

	"parallax"
)

// SentenceSplitter returns the sentences of a text, in order, as the text
// of each. The harness takes the splitter from its caller because
// internal/text's own tests import this package: the project's splitter is
//
//	eng, _ := text.New(rules.FS)
//	split := func(s string) []string {
//		var out []string
//		for _, sn := range eng.Analyze(s).Sentences {
//			out = append(out, s[sn.Start:sn.End])
//		}
//		return out
//	}
type SentenceSplitter func(text string) []string

// Lead returns the first n sentences of text, by split, joined by spaces.
func Lead(text string, n int, split SentenceSplitter) string {
	sents := split(text)
	if len(sents) > n {
		sents = sents[:n]
	}
	return strings.Join(sents, " ")
}

// BriefFunc generates the brief of one story: its sentences, each with the
// IDs of the articles it cites (the stances "left", "center", "right", as
// [AllSidesStory.ParallaxArticles] sets them).
type BriefFunc func(AllSidesStory) []parallax.SummarySentence

// BriefEval scores briefs and the lead baselines on AllSides stories.
type BriefEval struct {
	// Split is the sentence splitter of the lead baselines; required.
	Split SentenceSplitter
	// Lead is the number of sentences of a lead baseline; 0 means 3.
	Lead int
	// Unstemmed turns stemming off. By default tokens are stemmed, the
	// setting papers report.
	Unstemmed bool
}

// BriefScores are the ROUGE scores of a brief generator and the lead
// baselines against the AllSides roundups, on the same stories, and how
// well the brief's sentences are cited. ROUGE figures are macro averages:
// the mean over stories of each story's P, R and F.
type BriefScores struct {
	Stories int            // stories scored
	Skipped map[string]int // stories left out, by reason
	Stemmed bool
	Lead    int // sentences in a lead baseline

	// CenterLead is the lead of the centre article.
	CenterLead ROUGE
	// BestLead is, for each story, the lead of whichever of the three
	// articles scores best (highest mean of the and R-L F1)
	// against the reference: an oracle upper bound of choosing one outlet.
	// BestSide counts how often each stance was that article.
	BestLead ROUGE
	BestSide map[string]int
	// MeanLead is the mean of the three articles' leads, each story
	// counting once: choosing an outlet at random.
	MeanLead ROUGE

	// Brief is the generated brief, its sentences joined; zero without a
	// generator. A story whose brief is empty scores 0 and is counted in
	// EmptyBriefs.
	Brief       ROUGE
	EmptyBriefs int
	// Sentences counts the brief sentences, Cited those with at least one
	// citation, Valid those whose citations back them ([CitationValid]
	// over the texts of the cited articles; a citation of an article the
	// story does not have counts as invalid).
	Sentences, Cited, Valid int
	// Quoted counts the sentences holding a quotation and Verbatim those
	// whose quotations are all verbatim in a cited article.
	Quoted, Verbatim int
	// Invalid lists the first 20 sentences that fail
	// [CitationValid], for inspection.
	Invalid []InvalidSentence
}

// InvalidSentence is a brief sentence whose citations do not back it.
type InvalidSentence struct {
	Story     int
	Sentence  parallax.SummarySentence
	Support   float64  // see [Support]
	Missing   []string // content stems not in the cited texts
	BadQuotes bool     // a quotation is not verbatim in a cited text
}

const maxInvalid = 20

// CitedShare is the share of brief sentences with at least one citation.
func (s BriefScores) CitedShare() float64 { return ratio(s.Cited, s.Sentences) }

// ValidShare is the share of brief sentences whose citations back them.
func (s BriefScores) ValidShare() float64 { return ratio(s.Valid, s.Sentences) }

// String formats s as a small report: one line per system, then the
// citation shares when a brief was scored.
func (s BriefScores) String() string {
	var b strings.Builder
	stem := "stemmed"
	if !s.Stemmed {
		stem = "unstemmed"
	}
	fmt.Fprintf(&b, "AllSides: %d stories scored, skipped %s; ROUGE %s, lead-%d baselines\n", s.Stories, FormatCounts(s.Skipped), stem, s.Lead)
	fmt.Fprintf(&b, "  centre lead      %v\n", s.CenterLead)
	fmt.Fprintf(&b, "  mean lead        %v\n", s.MeanLead)
	fmt.Fprintf(&b, "  best lead oracle %v (left %d, centre %d, right %d)\n", s.BestLead, s.BestSide[StanceLeft], s.BestSide[StanceCenter], s.BestSide[StanceRight])
	if s.Sentences > 0 || s.EmptyBriefs > 0 {
		fmt.Fprintf(&b, "  brief            %v\n", s.Brief)
		fmt.Fprintf(&b, "  brief sentences %d (%d empty briefs): cited %.1f%%, valid %.1f%%; %d with quotations, %d verbatim\n",
			s.Sentences, s.EmptyBriefs, 100*s.CitedShare(), 100*s.ValidShare(), s.Quoted, s.Verbatim)
	}
	return b.String()
}

// ScoreBriefs scores gen, which may be nil, and the lead-3 baselines on the
// usable stories, with stemming: see [BriefEval.Score].
func ScoreBriefs(stories []AllSidesStory, split SentenceSplitter, gen BriefFunc) BriefScores {
	return BriefEval{Split: split}.Score(stories, gen)
}

// Score scores the lead baselines and, when gen is not nil, the briefs gen
// writes, against each usable story's [AllSidesStory.Reference]. Stories
// with Skip set are left out and counted by reason.
func (e BriefEval) Score(stories []AllSidesStory, gen BriefFunc) BriefScores {
	n := e.Lead
	if n <= 0 {
		n = 3
	}
	stem := !e.Unstemmed
	s := BriefScores{Skipped: map[string]int{}, Stemmed: stem, Lead: n, BestSide: map[string]int{}}
	var center, best, mean, brief []ROUGE
	for _, st := range stories {
		if st.Skip != "" {
			s.Skipped[st.Skip]++
			continue
		}
		s.Stories++
		ref := st.Reference()
		var leads []ROUGE
		bestI := 0
		arts := st.Articles()
		for i, a := range arts {
			r := ScoreROUGE(Lead(a.Text, n, e.Split), ref, stem)
			leads = append(leads, r)
			if a.ID == StanceCenter {
				center = append(center, r)
			}
			if r.MeanF() > leads[bestI].MeanF() {
				bestI = i
			}
		}
		best = append(best, leads[bestI])
		s.BestSide[arts[bestI].ID]++
		mean = append(mean, ROUGEMean(leads))
		if gen == nil {
			continue
		}
		sents := gen(st)
		if len(sents) == 0 {
			s.EmptyBriefs++
		}
		texts := make([]string, len(sents))
		for i, sn := range sents {
			texts[i] = sn.Text
			s.checkCitations(st, sn)
		}
		brief = append(brief, ScoreROUGE(strings.Join(texts, " "), ref, stem))
	}
	s.CenterLead, s.BestLead, s.MeanLead, s.Brief = ROUGEMean(center), ROUGEMean(best), ROUGEMean(mean), ROUGEMean(brief)
	return s
}

// checkCitations counts one brief sentence in the citation shares.
func (s *BriefScores) checkCitations(st AllSidesStory, sn parallax.SummarySentence) {
	s.Sentences++
	if len(sn.Citations) > 0 {
		s.Cited++
	}
	var cited []string
	known := true
	for _, id := range sn.Citations {
		a, ok := st.Article(id)
		if !ok {
			known = false
			continue
		}
		cited = append(cited, a.Text)
	}
	quoted := len(Quotations(sn.Text)) > 0
	verbatim := QuotesVerbatim(sn.Text, cited)
	if quoted {
		s.Quoted++
		if verbatim && len(cited) > 0 {
			s.Verbatim++
		}
	}
	if known && CitationValid(sn.Text, cited) {
		s.Valid++
		return
	}
	if len(s.Invalid) < maxInvalid {
		share, missing := Support(sn.Text, cited)
		s.Invalid = append(s.Invalid, InvalidSentence{Story: st.ID, Sentence: sn, Support: share, Missing: missing, BadQuotes: !verbatim})
	}
}
