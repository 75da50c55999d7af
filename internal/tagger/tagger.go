// Package tagger is an averaged-perceptron sequence tagger: it learns to
// give each token of a sentence one tag (BIO entity tags, say) from sparse
// features, and decodes greedily left to right with the tags already given
// as extra features. It is the learning half of entity recognition; the
// features and the tag set belong to the caller.
//
// Features are strings ("w=putin", "shape=Xx"), but the model works on
// their hashes ([Feature]): a caller builds them piece by piece with
// [Text] without building the strings, and the model file keeps the
// strings, hashed when it is loaded. Tagging adds the weights as
// fixed-point numbers, three decimals kept, as the model file keeps them.
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
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Feature is a feature as the model sees it: the hash of its text, as
// [Hash] computes it.
type Feature uint64

// Text is the hash of a feature text being built piece by piece:
// Of("w=").Add("putin") hashes like Hash("w=putin"). The zero Text is the
// empty text.
type Text struct {
	h, p uint64 // polynomial hash, and base^length
}

// hashBase is the odd multiplier of the polynomial hash.
const hashBase = 0x100000001b3

// Of returns the hash of s.
func Of(s string) Text { return Text{p: 1}.Add(s) }

// Add returns the hash of t's text followed by s.
func (t Text) Add(s string) Text {
	if t.p == 0 {
		t.p = 1
	}
	for i := 0; i < len(s); i++ {
		t.h = t.h*hashBase + uint64(s[i]) + 1
		t.p *= hashBase
	}
	return t
}

// Join returns the hash of t's text followed by u's.
func (t Text) Join(u Text) Text {
	if t.p == 0 {
		return u
	}
	if u.p == 0 {
		return t
	}
	return Text{h: t.h*u.p + u.h, p: t.p * u.p}
}

// Feature returns the feature of the text.
func (t Text) Feature() Feature { return Feature(t.h) }

// Hash returns the feature of a feature text.
func Hash(s string) Feature { return Of(s).Feature() }

// Example is one training sentence: the features of each token and its
// gold tag.
type Example struct {
	Features [][]Feature
	Tags     []string
}

// Model is a trained tagger. It is safe for concurrent use once trained.
type Model struct {
	// Tags are the tags the model can give, in index order.
	Tags []string
	// rows maps a feature to its row of weights, one per tag, in weights:
	// the model as learnt, saved and averaged.
	rows    map[Feature]int32
	weights []float32
	// fast holds the weights again, made for tagging fast.
	fast fastIndex
	// names are the texts of the features, by row ("" when not known).
	names []string
	// hist1[k] and hist2[j*(nt+1)+k] are the rows of the history
	// features (tag index+1, 0 standing for the sentence start), or -1.
	hist1, hist2 []int32
}

// maxTags is the most tags a model may learn.
const maxTags = 32

// History is how many earlier tags decoding adds as features.
const History = 2

// historyNames returns the texts of the history features for the tags
// before a token, -1 standing for the sentence start.
func historyNames(tags []string, p2, p1 int) (string, string) {
	name := func(k int) string {
		if k < 0 {
			return "<s>"
		}
		return tags[k]
	}
	return "t-1=" + name(p1), "t-2,t-1=" + name(p2) + "," + name(p1)
}

// fastIndex holds a model's weights for tagging: the non-zero weights of
// each feature as fixed-point numbers, found through an open-addressing
// hash table with linear probing, kept small so that it stays in the
// processor's caches: most features have no more than three weights, and
// their slot holds them.
type fastIndex struct {
	slots []slot
	// pairs holds the weights of the features with more than three.
	pairs []pair
	// mul picks a feature's first slot; index chooses it so that no
	// feature of the model is mistaken for another.
	mul uint64
	// scale is what the weights were multiplied by; 1000 keeps three
	// decimals, as the shipped models do.
	scale float64
	// hist1[k] and hist2[j*(nt+1)+k] are the slots of the history
	// features (tag index+1, 0 standing for the sentence start).
	hist1, hist2 []slot
}

// slot holds a feature of the table: the low 32 bits of its hash (the
// slot's place stands for other bits), and its weights.
type slot struct {
	check uint32
	n     uint8 // how many weights; 0 marks an empty slot
	k     [inline]uint8
	// w holds the weights when n ≤ inline, else the offset of the first
	// in pairs, in w[0] (low 16 bits) and w[1].
	w [inline]int16
}

// inline is how many weights a slot holds itself.
const inline = 3

type pair struct {
	w int16 // weight × scale
	k uint8 // tag index
}

// add adds the weights of the slot to the scores.
func (fi *fastIndex) add(scores *[maxTags]int32, s slot) {
	if s.n <= inline {
		for j := range s.k[:s.n] {
			scores[s.k[j]%maxTags] += int32(s.w[j])
		}
		return
	}
	off := uint32(uint16(s.w[0])) | uint32(uint16(s.w[1]))<<16
	for _, p := range fi.pairs[off : off+uint32(s.n)] {
		scores[p.k%maxTags] += int32(p.w)
	}
}

// index builds m.fast from rows and weights.
func (m *Model) index() error {
	nt := len(m.Tags)
	maxW := 0.0
	for _, v := range m.weights {
		maxW = max(maxW, math.Abs(float64(v)))
	}
	fi := fastIndex{scale: 1000}
	if maxW*fi.scale > math.MaxInt16 {
		fi.scale = math.MaxInt16 / maxW
	}
	slots := make(map[Feature]slot, len(m.rows))
	var ps []pair
	for f, r := range m.rows {
		ps = ps[:0]
		for k, v := range m.weights[int(r)*nt : int(r)*nt+nt] {
			if q := math.Round(float64(v) * fi.scale); q != 0 {
				ps = append(ps, pair{int16(q), uint8(k)})
			}
		}
		if len(ps) == 0 {
			continue
		}
		s := slot{check: uint32(f), n: uint8(len(ps))}
		if len(ps) <= inline {
			for j, p := range ps {
				s.k[j], s.w[j] = p.k, p.w
			}
		} else {
			off := len(fi.pairs)
			if off >= 1<<32-maxTags {
				return errors.New("tagger: too many weights")
			}
			s.w[0], s.w[1] = int16(uint16(off)), int16(uint16(off>>16))
			fi.pairs = append(fi.pairs, ps...)
		}
		slots[f] = s
	}
	fi.slots = make([]slot, len(slots)*4/3+1)
	ok := false
	for try := uint64(0); try < 16 && !ok; try++ {
		fi.mul = 0x9e3779b97f4a7c15 + 2*try
		clear(fi.slots)
		for f, s := range slots {
			i := fi.slotOf(f)
			for fi.slots[i].n != 0 {
				if i++; i == len(fi.slots) {
					i = 0
				}
			}
			fi.slots[i] = s
		}
		ok = true
		for f, s := range slots {
			if fi.get(f) != s {
				ok = false // two features alike in the bits kept
				break
			}
		}
	}
	if !ok {
		return errors.New("tagger: features too alike to index")
	}
	fi.hist1 = make([]slot, nt+1)
	fi.hist2 = make([]slot, (nt+1)*(nt+1))
	for j := -1; j < nt; j++ {
		for k := -1; k < nt; k++ {
			h1, h2 := historyNames(m.Tags, j, k)
			fi.hist1[k+1] = slots[Hash(h1)]
			fi.hist2[(j+1)*(nt+1)+k+1] = slots[Hash(h2)]
		}
	}
	m.fast = fi
	return nil
}

func (fi *fastIndex) slotOf(f Feature) int {
	h := uint64(f) * fi.mul
	return int((h >> 32) * uint64(len(fi.slots)) >> 32)
}

// get returns the slot of f, empty when the model does not know it.
func (fi *fastIndex) get(f Feature) slot {
	i := fi.slotOf(f)
	for {
		s := fi.slots[i]
		if s.n == 0 || s.check == uint32(f) {
			return s
		}
		if i++; i == len(fi.slots) {
			i = 0
		}
	}
}

// indexHistory fills hist1 and hist2 from rows, for training.
func (m *Model) indexHistory() {
	nt := len(m.Tags)
	m.hist1 = make([]int32, nt+1)
	m.hist2 = make([]int32, (nt+1)*(nt+1))
	for j := -1; j < nt; j++ {
		for k := -1; k < nt; k++ {
			h1, h2 := historyNames(m.Tags, j, k)
			m.hist1[k+1] = m.row(Hash(h1))
			m.hist2[(j+1)*(nt+1)+k+1] = m.row(Hash(h2))
		}
	}
}

func (m *Model) row(f Feature) int32 {
	if r, ok := m.rows[f]; ok {
		return r
	}
	return -1
}

// historyRows returns the rows of the history features of token i, given
// the tags of the tokens before it.
func (m *Model) historyRows(prev []int, i int) (int32, int32) {
	nt := len(m.Tags)
	p1, p2 := 0, 0 // index+1; 0 is the sentence start
	if i > 0 {
		p1 = prev[i-1] + 1
	}
	if i > 1 {
		p2 = prev[i-2] + 1
	}
	return m.hist1[p1], m.hist2[p2*(nt+1)+p1]
}

// Predict tags a sentence given the features of its tokens.
func (m *Model) Predict(features [][]Feature) []string {
	tags, _ := m.PredictMargins(features)
	return tags
}

// PredictMargins tags a sentence like [Model.Predict] and also returns, for
// each token, the margin of the chosen tag: its score minus the runner-up's.
// A small margin means the model hesitated.
func (m *Model) PredictMargins(features [][]Feature) ([]string, []float64) {
	out := make([]string, len(features))
	margins := make([]float64, len(features))
	fi := &m.fast
	nt := len(m.Tags)
	var scores [maxTags]int32
	p1, p2 := 0, 0 // the tags before, index+1; 0 is the sentence start
	for i, fs := range features {
		clear(scores[:nt])
		for _, f := range fs {
			fi.add(&scores, fi.get(f))
		}
		fi.add(&scores, fi.hist1[p1])
		fi.add(&scores, fi.hist2[p2*(nt+1)+p1])
		b := 0
		for k, s := range scores[:nt] {
			if s > scores[b] {
				b = k
			}
		}
		out[i] = m.Tags[b]
		margin := int32(math.MaxInt32)
		for k, s := range scores[:nt] {
			if k != b && scores[b]-s < margin {
				margin = scores[b] - s
			}
		}
		margins[i] = float64(margin) / fi.scale
		if nt == 1 {
			margins[i] = 0
		}
		p2, p1 = p1, b+1
	}
	return out, margins
}

// TrainOptions configure Train.
type TrainOptions struct {
	Epochs int    // passes over the data; 0 means 8
	Seed   uint64 // seed of the shuffle between epochs
	// Names holds the texts of the features, which [Model.Save] writes; a
	// model trained without them tags but cannot be saved.
	Names map[Feature]string
}

// Train learns a model from the examples. The tag set is every tag seen.
func Train(examples []Example, opt TrainOptions) (*Model, error) {
	if opt.Epochs == 0 {
		opt.Epochs = 8
	}
	m := &Model{rows: map[Feature]int32{}}
	index := map[string]int{}
	gold := make([][]int, len(examples))
	for n, ex := range examples {
		if len(ex.Features) != len(ex.Tags) {
			return nil, fmt.Errorf("tagger: example %d has %d feature rows for %d tags", n, len(ex.Features), len(ex.Tags))
		}
		gold[n] = make([]int, len(ex.Tags))
		for i, t := range ex.Tags {
			k, ok := index[t]
			if !ok {
				k = len(m.Tags)
				index[t] = k
				m.Tags = append(m.Tags, t)
			}
			gold[n][i] = k
		}
	}
	if len(m.Tags) == 0 {
		return nil, errors.New("tagger: no training data")
	}
	if len(m.Tags) > maxTags {
		return nil, fmt.Errorf("tagger: %d tags, more than %d", len(m.Tags), maxTags)
	}
	nt := len(m.Tags)
	// The history features get the first rows, so that decoding finds
	// them by index.
	var names []string
	addRow := func(f Feature, name string) int32 {
		if r, ok := m.rows[f]; ok {
			return r
		}
		r := int32(len(names))
		m.rows[f] = r
		names = append(names, name)
		return r
	}
	for j := -1; j < nt; j++ {
		for k := -1; k < nt; k++ {
			h1, h2 := historyNames(m.Tags, j, k)
			addRow(Hash(h1), h1)
			addRow(Hash(h2), h2)
		}
	}
	m.indexHistory()
	// The rows of each token's features, found once.
	type sentence struct {
		rows []int32 // the rows of all tokens' features, one token after another
		ends []int   // where each token's rows end
	}
	sents := make([]sentence, len(examples))
	for n, ex := range examples {
		s := &sents[n]
		for _, fs := range ex.Features {
			for _, f := range fs {
				s.rows = append(s.rows, addRow(f, opt.Names[f]))
			}
			s.ends = append(s.ends, len(s.rows))
		}
	}
	// Weights in float64 while learning; averaging: totals accumulates
	// weight × time it held it.
	w := make([]float64, len(names)*nt)
	totals := make([]float64, len(w))
	stamps := make([]int, len(w))
	now := 0
	update := func(r int32, k int, delta float64) {
		i := int(r)*nt + k
		totals[i] += float64(now-stamps[i]) * w[i]
		stamps[i] = now
		w[i] += delta
	}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15))
	scores := make([]float64, nt)
	var rowBuf []int32
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, n := range order {
			s := sents[n]
			start := 0
			for i, end := range s.ends {
				// Decode on the gold history, as in training by imitation
				// of the reference.
				h1, h2 := m.historyRows(gold[n], i)
				rowBuf = append(append(rowBuf[:0], s.rows[start:end]...), h1, h2)
				start = end
				var sum, row [maxTags]float64
				for _, r := range rowBuf {
					// one copy, then sums on the stack: fast under -race
					copy(row[:nt], w[int(r)*nt:int(r)*nt+nt])
					for k := range row[:nt] {
						sum[k] += row[k]
					}
				}
				copy(scores, sum[:nt])
				guess := 0
				for k, s := range scores {
					if s > scores[guess] {
						guess = k
					}
				}
				g := gold[n][i]
				now++
				if guess != g {
					for _, r := range rowBuf {
						update(r, g, 1)
						update(r, guess, -1)
					}
				}
			}
		}
	}
	// Average.
	m.names = names
	m.weights = make([]float32, len(w))
	for i := range w {
		tot := totals[i] + float64(now-stamps[i])*w[i]
		m.weights[i] = float32(tot / float64(now))
	}
	if err := m.index(); err != nil {
		return nil, err
	}
	return m, nil
}

// Save writes the model as text: a header line with the tags, then one
// feature a line with its non-zero weights ("feature\tk:w k:w"), features
// whose weights all round to zero at the given precision left out.
func (m *Model) Save(w io.Writer, precision int) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "tags\t%s\n", strings.Join(m.Tags, "\t"))
	nt := len(m.Tags)
	type line struct {
		name string
		row  int
	}
	lines := make([]line, 0, len(m.names))
	for r, name := range m.names {
		lines = append(lines, line{name, r})
	}
	sort.Slice(lines, func(a, b int) bool { return lines[a].name < lines[b].name })
	scale := math.Pow(10, float64(precision))
	var parts []string
	for _, l := range lines {
		parts = parts[:0]
		for k, v := range m.weights[l.row*nt : l.row*nt+nt] {
			r := math.Round(float64(v)*scale) / scale
			if r != 0 {
				parts = append(parts, strconv.Itoa(k)+":"+strconv.FormatFloat(r, 'f', -1, 64))
			}
		}
		if len(parts) == 0 {
			continue
		}
		switch {
		case l.name == "":
			return errors.New("tagger: saving a feature whose text is not known (train with TrainOptions.Names)")
		case strings.ContainsAny(l.name, "\t\n"):
			return fmt.Errorf("tagger: feature %q holds a tab or newline", l.name)
		}
		fmt.Fprintf(bw, "%s\t%s\n", l.name, strings.Join(parts, " "))
	}
	return bw.Flush()
}

// Load reads a model written by Save. Lines starting with "#" before the
// header are comments (a provenance line, say). Errors name the line.
func Load(r io.Reader) (*Model, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	m := &Model{rows: map[Feature]int32{}}
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
			continue
		}
		f, rest, ok := strings.Cut(text, "\t")
		if !ok {
			return nil, fmt.Errorf("tagger: line %d: want feature<TAB>weights", line)
		}
		nt := len(m.Tags)
		h := Hash(f)
		if r, dup := m.rows[h]; dup {
			if m.names[r] == f {
				return nil, fmt.Errorf("tagger: line %d: feature %q given twice", line, f)
			}
			return nil, fmt.Errorf("tagger: line %d: features %q and %q share a hash", line, m.names[r], f)
		}
		row := len(m.names)
		m.rows[h] = int32(row)
		m.names = append(m.names, f)
		m.weights = append(m.weights, make([]float32, nt)...)
		for rest != "" {
			var p string
			p, rest, _ = strings.Cut(rest, " ")
			if p == "" {
				continue
			}
			ks, vs, ok := strings.Cut(p, ":")
			k, err1 := strconv.Atoi(ks)
			v, err2 := parseWeight(vs)
			if !ok || err1 != nil || err2 != nil || k < 0 || k >= nt || math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > math.MaxFloat32 {
				return nil, fmt.Errorf("tagger: line %d: bad weight %q", line, p)
			}
			m.weights[row*nt+k] = float32(v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("tagger: line %d: %w", line+1, err)
	}
	if len(m.Tags) == 0 {
		return nil, errors.New("tagger: empty model")
	}
	if len(m.Tags) > maxTags {
		return nil, fmt.Errorf("tagger: %d tags, more than %d", len(m.Tags), maxTags)
	}
	m.indexHistory()
	if err := m.index(); err != nil {
		return nil, err
	}
	return m, nil
}

// Features returns how many features the model weighs.
func (m *Model) Features() int { return len(m.rows) }

// Mean returns the model whose weights are the mean of the models'
// weights, a feature missing from a model weighing 0 there: an ensemble
// of models trained on different parts of the data, as one model. The
// models must give the same tags, in any order.
func Mean(models ...*Model) (*Model, error) {
	if len(models) == 0 {
		return nil, errors.New("tagger: no models to average")
	}
	first := models[0]
	nt := len(first.Tags)
	out := &Model{Tags: slices.Clone(first.Tags), rows: map[Feature]int32{}}
	index := map[string]int{}
	for k, t := range out.Tags {
		index[t] = k
	}
	for _, m := range models {
		if len(m.Tags) != nt {
			return nil, fmt.Errorf("tagger: averaging models with %d and %d tags", nt, len(m.Tags))
		}
		perm := make([]int, nt)
		for k, t := range m.Tags {
			j, ok := index[t]
			if !ok {
				return nil, fmt.Errorf("tagger: averaging models with different tags (%q)", t)
			}
			perm[k] = j
		}
		for f, r := range m.rows {
			row, ok := out.rows[f]
			if !ok {
				row = int32(len(out.names))
				out.rows[f] = row
				out.names = append(out.names, m.names[r])
				out.weights = append(out.weights, make([]float32, nt)...)
			}
			if out.names[row] == "" {
				out.names[row] = m.names[r]
			}
			for k, v := range m.weights[int(r)*nt : int(r)*nt+nt] {
				out.weights[int(row)*nt+perm[k]] += v / float32(len(models))
			}
		}
	}
	out.indexHistory()
	if err := out.index(); err != nil {
		return nil, err
	}
	return out, nil
}

// parseWeight parses a weight as strconv.ParseFloat does. The weights Save
// writes have a few decimals ("-0.125"): those are read as an integer over
// a power of ten, which rounds to the same float64 as ParseFloat (both are
// the correctly rounded value of the same number) and is several times
// faster; anything else goes to ParseFloat.
func parseWeight(s string) (float64, error) {
	i, neg := 0, false
	if i < len(s) && s[i] == '-' {
		neg, i = true, 1
	}
	var n int64
	digits, decimals, dot := 0, 0, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int64(c-'0')
			digits++
			if dot {
				decimals++
			}
		case c == '.' && !dot:
			dot = true
		default:
			return strconv.ParseFloat(s, 64)
		}
		if digits > 15 {
			return strconv.ParseFloat(s, 64)
		}
	}
	if digits == 0 || (dot && decimals == 0) {
		return strconv.ParseFloat(s, 64)
	}
	v := float64(n) / pow10[decimals]
	if neg {
		v = -v
	}
	return v, nil
}

// pow10 holds the powers of ten parseWeight divides by.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}
