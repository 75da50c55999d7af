package ingest

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"parallax/rules"
)

func TestLoadListsEmbedded(t *testing.T) {
	l, err := LoadLists(rules.FS)
	if err != nil {
		t.Fatalf("LoadLists(rules.FS): %v", err)
	}
	for _, c := range []struct {
		name string
		list []string
		want string
	}{
		{"staff suffix", l.StaffSuffixes, "Staff"},
		{"aggregator", l.Aggregators, "MENAFN"},
		{"agency", l.Agencies, "TASS"},
		{"agency", l.Agencies, "Reuters"},
	} {
		if !slices.Contains(c.list, c.want) {
			t.Errorf("%s %q missing from the embedded lists", c.name, c.want)
		}
	}
	for i := 1; i < len(l.StaffSuffixes); i++ {
		if len(l.StaffSuffixes[i]) > len(l.StaffSuffixes[i-1]) {
			t.Errorf("staff suffixes not longest first: %q before %q", l.StaffSuffixes[i-1], l.StaffSuffixes[i])
		}
	}
}

func TestLoadListsErrors(t *testing.T) {
	good := func(entries ...string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("# provenance: test\n" + strings.Join(entries, "\n") + "\n")}
	}
	complete := func() fstest.MapFS {
		return fstest.MapFS{
			staffFile:      good("Staff", "News Desk"),
			aggregatorFile: good("MENAFN"),
			agencyFile:     good("Reuters"),
		}
	}
	tests := []struct {
		name   string
		modify func(fstest.MapFS)
		want   []string // substrings of the error, "" for none
	}{
		{"complete", func(fstest.MapFS) {}, nil},
		{
			name:   "missing file",
			modify: func(m fstest.MapFS) { delete(m, agencyFile) },
			want:   []string{"sources/news-agencies.txt"},
		},
		{
			name: "no provenance",
			modify: func(m fstest.MapFS) {
				m[staffFile] = &fstest.MapFile{Data: []byte("Staff\n")}
			},
			want: []string{"ingest/staff.txt: no \"# provenance:\" line"},
		},
		{
			name: "every error of every file together",
			modify: func(m fstest.MapFS) {
				m[staffFile] = &fstest.MapFile{Data: []byte("# provenance: test\nStaff\nDesk\nStaff\n")}
				m[agencyFile] = &fstest.MapFile{Data: []byte("# provenance: test\n Reuters\nAP\nAP\n")}
			},
			want: []string{"ingest/staff.txt:4: duplicate of line 2", "sources/news-agencies.txt:2:", "sources/news-agencies.txt:4: duplicate of line 3"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := complete()
			tt.modify(fsys)
			l, err := LoadLists(fsys)
			if len(tt.want) == 0 {
				if err != nil || l == nil {
					t.Fatalf("LoadLists: %v", err)
				}
				if l.StaffSuffixes[0] != "News Desk" {
					t.Errorf("StaffSuffixes = %q; want the longest first", l.StaffSuffixes)
				}
				return
			}
			if err == nil {
				t.Fatalf("LoadLists: no error; want one containing %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}
