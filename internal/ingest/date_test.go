package ingest

import (
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParseDate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want time.Time // zero: not a date
	}{
		{"iso", "2025-06-23", day(2025, 6, 23)},
		{"iso with slashes", "2025/06/23", day(2025, 6, 23)},
		{"iso one-digit month and day", "2025-6-3", day(2025, 6, 3)},
		{"month day comma year", "June 23, 2025", day(2025, 6, 23)},
		{"month day year", "June 23 2025", day(2025, 6, 23)},
		{"ordinal day", "June 22nd 2025", day(2025, 6, 22)},
		{"ordinal day comma", "June 1st, 2025", day(2025, 6, 1)},
		{"abbreviated month with period", "Jun. 23, 2025", day(2025, 6, 23)},
		{"abbreviated month", "Sep 3, 2025", day(2025, 9, 3)},
		{"abbreviated month without comma", "Jun. 23 2025", day(2025, 6, 23)},
		{"upper case", "JUNE 23, 2025", day(2025, 6, 23)},
		{"upper case abbreviated", "JUN 23, 2025", day(2025, 6, 23)},
		{"day month year", "23 June 2025", day(2025, 6, 23)},
		{"ordinal day of month", "23rd of June, 2025", day(2025, 6, 23)},
		{"day abbreviated month", "3 Jan. 2024", day(2024, 1, 3)},
		{"day abbreviated month without period", "3 Jan 2024", day(2024, 1, 3)},
		{"day month comma year", "23 June, 2025", day(2025, 6, 23)},
		{"ordinal day month year", "22nd June 2025", day(2025, 6, 22)},
		{"upper-case ordinal", "June 22ND 2025", day(2025, 6, 22)},
		{"leap day", "February 29, 2024", day(2024, 2, 29)},
		{"no-break spaces", "June\u00a023,\u00a02025", day(2025, 6, 23)},
		{"surrounding spaces", "  2025-06-23 ", day(2025, 6, 23)},
		{"not a leap year", "February 29, 2025", time.Time{}},
		{"day out of range", "June 31, 2025", time.Time{}},
		{"month out of range", "2025-13-01", time.Time{}},
		{"mixed separators", "2025-06/23", time.Time{}},
		{"no year", "June 23", time.Time{}},
		{"no day", "June 2025", time.Time{}},
		// Go's layouts know the three-letter abbreviations only.
		{"sept", "Sept. 30, 2025", time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)},
		{"ordinal without a day", "June nd 2025", time.Time{}},
		{"more digits", "2025-06-234", time.Time{}},
		{"trailing text", "June 23, 2025 in Moscow", time.Time{}},
		{"empty", "", time.Time{}},
		{"numeric day first", "23/06/2025", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseDate(tt.in)
			if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
				t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
			}
		})
	}
}
