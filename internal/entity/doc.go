// Package entity finds the people, organisations and places of an article.
//
// A [Recognizer] tags each article in two stages with averaged-perceptron
// models (package tagger) shipped as rules/entity/ner-stage1.txt.gz and
// rules/entity/ner-model.txt.gz, trained on wikigold and GUM with the token
// features and gazetteers of this package (TestShipModel retrains them with
// -update): the second stage also sees the types the first gave the same
// word elsewhere in the document. Around the models, rules cut the names
// out of the runs they return, keep roles and titles out of names as the
// mention's role ("Kremlin spokesman Dmitry Peskov", "Valery Gerasimov,
// Chief of the General Staff"), find names after honorifics and
// capitalised roles that the models missed, give names the gazetteers know
// their type, and drop demonyms, dates and place compounds ("Iran-Russia").
// Over a whole story, [Harmonize] settles each name's type and
// [Recognizer.Spread] finds the names the story knows where the models
// missed them. The evaluation (TestNERCrossValidated) cross-validates the
// same tagging path on wikigold and GUM.
package entity
