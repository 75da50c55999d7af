package voice

import (
	"slices"
	"strings"
	"testing"

	"parallax"
)

func TestDiff(t *testing.T) {
	for _, tc := range []struct {
		name, canonical, variant string
		want                     []parallax.DiffOp
	}{
		{"both empty", "", "", nil},
		{"same", "We want peace.", "We want peace.", ops("=", "We want peace.")},
		{"case and punctuation ignored, variant words kept", "We want peace, now.", "we want peace now",
			ops("=", "we want peace now")},
		{"curly and straight apostrophes", "today’s situation", "today's situation",
			ops("=", "today's situation")},
		{"insertion", "We want peace.", "We really want peace.",
			ops("=", "We", "+", "really", "=", "want peace.")},
		{"deletion at the ends", "I am very glad that you are here today.", "glad that you are here",
			ops("-", "I am very", "=", "glad that you are here", "-", "today.")},
		{"replacement: deletion first", "I am very glad that you are in Moscow today",
			"I am very pleased you are here today in Moscow",
			ops("=", "I am very", "-", "glad that", "+", "pleased", "=", "you are", "+", "here today", "=", "in Moscow", "-", "today")},
		{"all different", "no basis", "without grounds",
			ops("-", "no basis", "+", "without grounds")},
		{"from empty", "", "new words", ops("+", "new words")},
		{"to empty", "old words", "", ops("-", "old words")},
		{"white space collapsed", "a  b\n c", "a b c", ops("=", "a b c")},
		{"punctuation words", "war – and peace", "war - and peace",
			ops("=", "war", "-", "–", "+", "-", "=", "and peace")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Diff(tc.canonical, tc.variant)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Diff(%q, %q)\n got %v\nwant %v", tc.canonical, tc.variant, got, tc.want)
			}
			checkDiff(t, tc.canonical, tc.variant, got)
		})
	}
}

// ops builds a diff from op, text pairs.
func ops(pairs ...string) []parallax.DiffOp {
	var out []parallax.DiffOp
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, parallax.DiffOp{Op: pairs[i], Text: pairs[i+1]})
	}
	return out
}

// TestDiffLarge checks that a diff too large to align still turns the
// canonical text into the variant.
func TestDiffLarge(t *testing.T) {
	a := strings.Repeat("alpha beta ", 2500)
	b := "start " + strings.Repeat("beta gamma ", 2500) + "end"
	checkDiff(t, a, b, Diff(a, b))
}

// checkDiff checks the invariants of a diff: the equal and deleted words
// are the canonical words (matched ignoring case and punctuation), the
// equal and inserted words are the variant's words exactly, no run is
// empty and no two neighbouring runs are of one kind.
func checkDiff(t *testing.T, canonical, variant string, ops []parallax.DiffOp) {
	t.Helper()
	var from, to []string
	for i, op := range ops {
		if op.Text == "" || strings.Join(strings.Fields(op.Text), " ") != op.Text {
			t.Fatalf("op %d: bad text %q", i, op.Text)
		}
		if i > 0 && ops[i-1].Op == op.Op {
			t.Fatalf("ops %d and %d both %q", i-1, i, op.Op)
		}
		words := strings.Fields(op.Text)
		switch op.Op {
		case parallax.DiffEqual:
			from = append(from, words...)
			to = append(to, words...)
		case parallax.DiffDelete:
			from = append(from, words...)
		case parallax.DiffInsert:
			to = append(to, words...)
		default:
			t.Fatalf("op %d: unknown op %q", i, op.Op)
		}
	}
	if !slices.Equal(to, strings.Fields(variant)) {
		t.Fatalf("diff does not give the variant:\n got %q\nwant %q", to, strings.Fields(variant))
	}
	if !slices.Equal(wordKeys(from), wordKeys(strings.Fields(canonical))) {
		t.Fatalf("diff does not start from the canonical text:\n got %q\nwant %q", from, strings.Fields(canonical))
	}
}
