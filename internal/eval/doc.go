// Package eval holds readers and scorers for the labelled data sets in
// ../shared/datasets, shared by the evaluation tests of several packages.
//
// For named-entity recognition it reads the two-column CoNLL-style files of
// wikigold and GUM ([ReadCoNLL], [LoadWikigold], [LoadGUM]), turns IO or BIO
// tags into token spans ([Entities]) and scores predicted spans against gold
// ones by exact span and type ([ScoreEntities], [ScoreEntitiesExcept]).
// GUM marks every mention, pronouns and common nouns included, so its gold
// mentions are narrowed to proper names ([ProperOnly]) and its types mapped
// to PER, ORG, LOC and MISC, leading articles trimmed ([GUMGold]), before
// scoring.
//
// For quotes and speakers it reads PolNeAR ([LoadPolNeAR]) and BASIL
// ([LoadBASIL]) and scores quote spans and speakers ([ScoreQuotes],
// [ScoreSpeakers]). For the neutral brief it reads the AllSides roundups
// ([LoadAllSides]), scores ROUGE-1/2/L ([Rouge]) against the editors'
// roundup next to lead baselines, and checks that a brief sentence's
// citations contain what it says ([CitationValid], [ScoreBriefs]).
//
// The data sets themselves are never embedded: callers pass the root of the
// shared data sets and skip their tests when it is absent.
package eval
