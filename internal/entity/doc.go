// Package entity finds the people, organisations and places of an article.
//
// A [Recognizer] tags each sentence with an averaged-perceptron model
// (package tagger) shipped as rules/entity/ner-model.txt.gz, trained on
// wikigold and GUM with the token features and gazetteers of this package
// (TestShipModel retrains it with -update). Around the model, rules cut
// the names out of the runs it returns, keep roles and titles out of names
// as the mention's role ("Kremlin spokesman Dmitry Peskov", "Valery
// Gerasimov, Chief of the General Staff"), give names the gazetteers know
// their type, and drop demonyms and dates. [Harmonize] then settles each
// name's type over a whole story. The evaluation (TestNERCrossValidated)
// cross-validates the same path on wikigold and GUM.
package entity
