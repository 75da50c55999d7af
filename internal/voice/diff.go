package voice

import (
	"strings"
	"unicode"

	"parallax"
)

// maxDiffCells bounds the alignment table of [Diff] (words of canonical
// times words of variant, after their common ends are set aside). Past it
// the middle is reported as deleted and inserted whole.
const maxDiffCells = 1 << 22

// Diff returns the word-level diff that turns canonical into variant: runs
// of [parallax.DiffEqual], [parallax.DiffDelete] and [parallax.DiffInsert]
// operations, adjacent runs of one kind merged, a deletion before the
// insertion that replaces it. Words are split on white space and matched
// ignoring case and punctuation ("Moscow," matches "moscow"); the text of
// an equal run is the variant's words, of a deletion the canonical's.
// Words within a run are joined by single spaces. Diff of two empty
// strings is empty.
func Diff(canonical, variant string) []parallax.DiffOp {
	a, b := strings.Fields(canonical), strings.Fields(variant)
	ka, kb := wordKeys(a), wordKeys(b)
	var d differ
	// Common ends first: cheap, and they keep the table small.
	pre := 0
	for pre < len(ka) && pre < len(kb) && ka[pre] == kb[pre] {
		pre++
	}
	suf := 0
	for suf < len(ka)-pre && suf < len(kb)-pre && ka[len(ka)-1-suf] == kb[len(kb)-1-suf] {
		suf++
	}
	for _, w := range b[:pre] {
		d.add(parallax.DiffEqual, w)
	}
	ma, mb := ka[pre:len(ka)-suf], kb[pre:len(kb)-suf]
	wa, wb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(ma)*len(mb) > maxDiffCells {
		for _, w := range wa {
			d.add(parallax.DiffDelete, w)
		}
		for _, w := range wb {
			d.add(parallax.DiffInsert, w)
		}
	} else {
		d.align(ma, mb, wa, wb)
	}
	for _, w := range b[len(b)-suf:] {
		d.add(parallax.DiffEqual, w)
	}
	return d.ops()
}

// wordKeys returns the matching form of each word: lower case, letters and
// digits only; a word of punctuation alone keeps its own form.
func wordKeys(words []string) []string {
	keys := make([]string, len(words))
	for i, w := range words {
		k := strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, w)
		if k == "" {
			k = w
		}
		keys[i] = k
	}
	return keys
}

// differ gathers diff runs.
type differ struct {
	runs []parallax.DiffOp
	buf  []string
	op   string
}

func (d *differ) add(op, word string) {
	if op != d.op {
		d.flush()
		d.op = op
	}
	d.buf = append(d.buf, word)
}

func (d *differ) flush() {
	if len(d.buf) > 0 {
		d.runs = append(d.runs, parallax.DiffOp{Op: d.op, Text: strings.Join(d.buf, " ")})
		d.buf = d.buf[:0]
	}
}

func (d *differ) ops() []parallax.DiffOp {
	d.flush()
	return d.runs
}

// align diffs ka against kb (keys) on their longest common subsequence,
// emitting the words wa and wb. Within a stretch of changes, deletions
// come before insertions.
func (d *differ) align(ka, kb, wa, wb []string) {
	w := len(kb) + 1
	dp := make([]int32, (len(ka)+1)*w) // dp[i*w+j]: LCS of ka[i:], kb[j:]
	for i := len(ka) - 1; i >= 0; i-- {
		for j := len(kb) - 1; j >= 0; j-- {
			if ka[i] == kb[j] {
				dp[i*w+j] = dp[(i+1)*w+j+1] + 1
			} else {
				dp[i*w+j] = max(dp[(i+1)*w+j], dp[i*w+j+1])
			}
		}
	}
	var ins []string // insertions held back until the deletions beside them are out
	i, j := 0, 0
	for i < len(ka) || j < len(kb) {
		switch {
		case i < len(ka) && j < len(kb) && ka[i] == kb[j] && dp[i*w+j] == dp[(i+1)*w+j+1]+1:
			for _, x := range ins {
				d.add(parallax.DiffInsert, x)
			}
			ins = ins[:0]
			d.add(parallax.DiffEqual, wb[j])
			i, j = i+1, j+1
		case j == len(kb) || i < len(ka) && dp[(i+1)*w+j] >= dp[i*w+j+1]:
			d.add(parallax.DiffDelete, wa[i])
			i++
		default:
			ins = append(ins, wb[j])
			j++
		}
	}
	for _, x := range ins {
		d.add(parallax.DiffInsert, x)
	}
}
