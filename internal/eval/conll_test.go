package eval

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadCoNLL(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []NERSentence
	}{
		{
			name: "io with spaces",
			in:   "010 I-MISC\nis O\nThe I-ORG\nMad I-ORG\n. O\n\nHe O\nleft O\n",
			want: []NERSentence{
				{Tokens: []string{"010", "is", "The", "Mad", "."}, Tags: []string{"I-MISC", "O", "I-ORG", "I-ORG", "O"}},
				{Tokens: []string{"He", "left"}, Tags: []string{"O", "O"}},
			},
		},
		{
			name: "bio with tabs and docstart",
			in:   "-DOCSTART- O\n\nJohn\tB-PER\nSmith\tI-PER\nran\tO\n\n\n-DOCSTART- O\nParis\tB-LOC\n",
			want: []NERSentence{
				{Tokens: []string{"John", "Smith", "ran"}, Tags: []string{"B-PER", "I-PER", "O"}},
				{Tokens: []string{"Paris"}, Tags: []string{"B-LOC"}},
			},
		},
		{
			name: "gum bare types, leading blank line, extra column, CRLF",
			in:   "\r\nOver\tX\tperson\r\nseekers\tNNS\tperson\r\nrescued\tVBN\tO\r\n",
			want: []NERSentence{
				{Tokens: []string{"Over", "seekers", "rescued"}, Tags: []string{"person", "person", "O"}},
			},
		},
		{name: "empty", in: "", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCoNLL(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ReadCoNLL mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		lines []int
		want  string // part of the message
	}{
		{"lone token", "a O\nb\nc O\n", []int{2}, `line 2: want a token and a tag, got "b"`},
		{"bioes prefix", "a O\n\nb E-PER\n", []int{3}, `line 3: tag "E-PER"`},
		{"empty type", "a B-\nb I-\n", []int{1, 2}, `line 1: tag "B-": no entity type`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCoNLL(strings.NewReader(tt.in))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			var lines []int
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				var pe *ParseError
				if !errors.As(e, &pe) {
					t.Fatalf("%v is not a *ParseError", e)
				}
				lines = append(lines, pe.Line)
			}
			if diff := cmp.Diff(tt.lines, lines); diff != "" {
				t.Errorf("error lines (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadCoNLLDocuments(t *testing.T) {
	in := "a O\n\n-DOCSTART- O\n\nb I-PER\n\nc O\n-DOCSTART- O\nd O\n-DOCSTART- O\n"
	docs, err := ReadCoNLLDocuments(strings.NewReader(in), "x.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, d := range docs {
		var toks []string
		for _, s := range d.Sentences {
			toks = append(toks, strings.Join(s.Tokens, " "))
		}
		got = append(got, append([]string{d.Name}, toks...))
	}
	want := [][]string{{"x.txt#1", "a"}, {"x.txt#2", "b", "c"}, {"x.txt#3", "d"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	_, err = ReadCoNLLDocuments(strings.NewReader("a O\nb\n"), "x.txt")
	if err == nil || !strings.Contains(err.Error(), "eval: x.txt:2: ") {
		t.Errorf("error %v does not name x.txt:2", err)
	}
}

func TestEntities(t *testing.T) {
	tests := []struct {
		name string
		tags string
		want []Entity
	}{
		{"none", "O O", nil},
		{"io run", "I-PER I-PER O I-LOC", []Entity{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"io type change starts a new entity", "I-ORG I-ORG I-LOC", []Entity{{0, 2, "ORG"}, {2, 3, "LOC"}}},
		{"io same type merges", "I-PER I-PER", []Entity{{0, 2, "PER"}}},
		{"bio b starts a new entity", "B-PER I-PER B-PER O", []Entity{{0, 2, "PER"}, {2, 3, "PER"}}},
		{"bio i after o starts one", "O I-MISC I-MISC", []Entity{{1, 3, "MISC"}}},
		{"bio i of another type starts one", "B-PER I-LOC", []Entity{{0, 1, "PER"}, {1, 2, "LOC"}}},
		{"bare gum types", "person person O place time time", []Entity{{0, 2, "person"}, {3, 4, "place"}, {4, 6, "time"}}},
		{"at the end", "O B-LOC", []Entity{{1, 2, "LOC"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Entities(strings.Fields(tt.tags))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Entities(%s) (-want +got):\n%s", tt.tags, diff)
			}
		})
	}
}
