// Package annotate runs the stages that read each article of a story on
// its own — text, metadata, names, quotes, cited sources, time expressions
// — and then puts together what the story's articles say about people and
// voices: names spread to where the recognizer missed them, role
// references, entities merged across articles, quotes linked to them, the
// same quote across outlets, voice share, and every article's time
// expressions read against a date. The comparison of claims (package
// align) and the brief (package synth) build on its result; cmd/parallax
// wires them, and their tests run the same stages through this package.
package annotate
