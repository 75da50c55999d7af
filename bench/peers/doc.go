// Package peers compares Parallax's text engine (parallax/internal/text)
// with two Go sentence segmenters, github.com/jdkato/prose/v2 and
// github.com/neurosnap/sentences, on the English Golden Rules of
// pragmatic_segmenter and on throughput. It is a separate module so that the
// main module never depends on the peers; everything is in _test.go files.
package peers
