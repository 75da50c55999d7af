// Package entity finds the people, organisations and places of an article.
// So far it holds the measured half: token features and the gazetteers of
// rules/entity/ for an averaged-perceptron tagger (package tagger), and a
// cross-validated evaluation on wikigold and GUM. Tagging articles with a
// shipped model, aliases and roles come next (issue 3).
package entity
