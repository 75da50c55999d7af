// Package tagger is an averaged-perceptron sequence tagger: it learns to
// give each token of a sentence one tag (BIO entity tags, say) from sparse
// string features, and decodes greedily left to right with the tags already
// given as extra features. It is the learning half of entity recognition;
// the features and the tag set belong to the caller.
//
// The method is Collins (2002), with weight averaging, as popularised for
// tagging by Honnibal's "A good part-of-speech tagger in about 200 lines".
package tagger

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
)

// Example is one training sentence: the features of each token and its
// gold tag.
type Example struct {
	Features [][]string
	Tags     []string
}

// Model is a trained tagger. It is safe for concurrent use once trained.
type Model struct {
	// Tags are the tags the model can give, in index order.
	Tags    []string
	index   map[string]int
	weights map[string][]float64 // feature → weight per tag
}

// History is how many earlier tags decoding adds as features.
const History = 2

// historyFeatures returns the features of the tags already given.
func historyFeatures(prev []int, tags []string, i int) []string {
	p1, p2 := "<s>", "<s>"
	if i > 0 {
		p1 = tags[prev[i-1]]
	}
	if i > 1 {
		p2 = tags[prev[i-2]]
	}
	return []string{"t-1=" + p1, "t-2,t-1=" + p2 + "," + p1}
}

// Predict tags a sentence given the features of its tokens.
func (m *Model) Predict(features [][]string) []string {
	tags, _ := m.PredictMargins(features)
	return tags
}

// PredictMargins tags a sentence like [Model.Predict] and also returns, for
// each token, the margin of the chosen tag: its score minus the runner-up's.
// A small margin means the model hesitated.
func (m *Model) PredictMargins(features [][]string) ([]string, []float64) {
	idx := make([]int, len(features))
	out := make([]string, len(features))
	margins := make([]float64, len(features))
	scores := make([]float64, len(m.Tags))
	for i, fs := range features {
		idx[i] = m.best(scores, fs, historyFeatures(idx, m.Tags, i))
		out[i] = m.Tags[idx[i]]
		margins[i] = math.Inf(1)
		for k, s := range scores {
			if k != idx[i] && scores[idx[i]]-s < margins[i] {
				margins[i] = scores[idx[i]] - s
			}
		}
		if len(scores) == 1 {
			margins[i] = 0
		}
	}
	return out, margins
}

// best returns the index of the tag with the highest score for the
// features (ties go to the lower index, so results are deterministic).
func (m *Model) best(scores []float64, groups ...[]string) int {
	for k := range scores {
		scores[k] = 0
	}
	for _, fs := range groups {
		for _, f := range fs {
			if w, ok := m.weights[f]; ok {
				for k, v := range w {
					scores[k] += v
				}
			}
		}
	}
	b := 0
	for k, s := range scores {
		if s > scores[b] {
			b = k
		}
	}
	return b
}

// TrainOptions configure Train.
type TrainOptions struct {
	Epochs int    // passes over the data; 0 means 8
	Seed   uint64 // seed of the shuffle between epochs
	// MinCount drops features seen fewer times in the training data; 0
	// keeps all.
	MinCount int
}

// Train learns a model from the examples. The tag set is every tag seen.
func Train(examples []Example, opt TrainOptions) (*Model, error) {
	if opt.Epochs == 0 {
		opt.Epochs = 8
	}
	m := &Model{index: map[string]int{}, weights: map[string][]float64{}}
	counts := map[string]int{}
	for n, ex := range examples {
		if len(ex.Features) != len(ex.Tags) {
			return nil, fmt.Errorf("tagger: example %d has %d feature rows for %d tags", n, len(ex.Features), len(ex.Tags))
		}
		for i, t := range ex.Tags {
			if _, ok := m.index[t]; !ok {
				m.index[t] = len(m.Tags)
				m.Tags = append(m.Tags, t)
			}
			for _, f := range ex.Features[i] {
				counts[f]++
			}
		}
	}
	if len(m.Tags) == 0 {
		return nil, errors.New("tagger: no training data")
	}
	nt := len(m.Tags)
	// Averaging: totals[f][k] accumulates weight × time it held it.
	totals := map[string][]float64{}
	stamps := map[string][]int{}
	now := 0
	update := func(f string, k int, delta float64) {
		w, ok := m.weights[f]
		if !ok {
			w = make([]float64, nt)
			m.weights[f] = w
			totals[f] = make([]float64, nt)
			stamps[f] = make([]int, nt)
		}
		totals[f][k] += float64(now-stamps[f][k]) * w[k]
		stamps[f][k] = now
		w[k] += delta
	}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15))
	scores := make([]float64, nt)
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, n := range order {
			ex := examples[n]
			idx := make([]int, len(ex.Tags))
			for i, fs := range ex.Features {
				if opt.MinCount > 1 {
					fs = keepFrequent(fs, counts, opt.MinCount)
				}
				hist := historyFeatures(idx, m.Tags, i)
				guess := m.best(scores, fs, hist)
				gold := m.index[ex.Tags[i]]
				now++
				if guess != gold {
					for _, f := range fs {
						update(f, gold, 1)
						update(f, guess, -1)
					}
					for _, f := range hist {
						update(f, gold, 1)
						update(f, guess, -1)
					}
				}
				// Decode the rest of the sentence on the gold history, as
				// in training by imitation of the reference.
				idx[i] = gold
			}
		}
	}
	// Average.
	for f, w := range m.weights {
		for k := range w {
			tot := totals[f][k] + float64(now-stamps[f][k])*w[k]
			w[k] = tot / float64(now)
		}
	}
	return m, nil
}

func keepFrequent(fs []string, counts map[string]int, min int) []string {
	out := fs[:0:0]
	for _, f := range fs {
		if counts[f] >= min {
			out = append(out, f)
		}
	}
	return out
}

// Save writes the model as text: a header line with the tags, then one
// feature a line with its non-zero weights ("feature\tk:w k:w"), features
// whose weights all round to zero at the given precision left out.
func (m *Model) Save(w io.Writer, precision int) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "tags\t%s\n", strings.Join(m.Tags, "\t"))
	feats := make([]string, 0, len(m.weights))
	for f := range m.weights {
		feats = append(feats, f)
	}
	sort.Strings(feats)
	scale := math.Pow(10, float64(precision))
	for _, f := range feats {
		if strings.ContainsAny(f, "\t\n") {
			return fmt.Errorf("tagger: feature %q holds a tab or newline", f)
		}
		var parts []string
		for k, v := range m.weights[f] {
			r := math.Round(v*scale) / scale
			if r != 0 {
				parts = append(parts, strconv.Itoa(k)+":"+strconv.FormatFloat(r, 'f', -1, 64))
			}
		}
		if len(parts) > 0 {
			fmt.Fprintf(bw, "%s\t%s\n", f, strings.Join(parts, " "))
		}
	}
	return bw.Flush()
}

// Load reads a model written by Save. Lines starting with "#" before the
// header are comments (a provenance line, say). Errors name the line.
func Load(r io.Reader) (*Model, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	m := &Model{index: map[string]int{}, weights: map[string][]float64{}}
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if len(m.Tags) == 0 && strings.HasPrefix(text, "#") {
			continue
		}
		if len(m.Tags) == 0 {
			tags, ok := strings.CutPrefix(text, "tags\t")
			if !ok || tags == "" {
				return nil, fmt.Errorf("tagger: line %d: want a tags header", line)
			}
			m.Tags = strings.Split(tags, "\t")
			for k, t := range m.Tags {
				m.index[t] = k
			}
			continue
		}
		f, rest, ok := strings.Cut(text, "\t")
		if !ok {
			return nil, fmt.Errorf("tagger: line %d: want feature<TAB>weights", line)
		}
		w := make([]float64, len(m.Tags))
		for _, p := range strings.Fields(rest) {
			ks, vs, ok := strings.Cut(p, ":")
			k, err1 := strconv.Atoi(ks)
			v, err2 := strconv.ParseFloat(vs, 64)
			if !ok || err1 != nil || err2 != nil || k < 0 || k >= len(w) || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("tagger: line %d: bad weight %q", line, p)
			}
			w[k] = v
		}
		m.weights[f] = w
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("tagger: line %d: %w", line+1, err)
	}
	if len(m.Tags) == 0 {
		return nil, errors.New("tagger: empty model")
	}
	return m, nil
}

// Features returns how many features the model weighs.
func (m *Model) Features() int { return len(m.weights) }
