package ingest

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// sniffLen is how much of an input the binary test looks at.
const sniffLen = 8 << 10

// maxControlShare is the share of control bytes in the first sniffLen bytes
// above which an input is taken for binary data.
const maxControlShare = 0.10

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText turns the raw bytes of an input into UTF-8 text. It strips a
// byte order mark, decodes UTF-16 that starts with one, and decodes invalid
// UTF-8 as Windows-1252 when that reads sensibly, else replaces the invalid
// bytes with U+FFFD. note says what was done to text that was not clean
// UTF-8 ("" when nothing was); lossy is true when bytes were lost (replaced).
// err is set, and text empty, when data is not text at all: empty, blank or
// binary.
func decodeText(data []byte) (text []byte, note string, lossy bool, err error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, decErr := dec.Bytes(data)
		if decErr != nil {
			return nil, "", false, fmt.Errorf("cannot decode UTF-16: %w", decErr)
		}
		data, note = out, "decoded from UTF-16"
	}
	if len(data) == 0 {
		return nil, "", false, errEmpty
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, "", false, errBlank
	}
	if reason := binaryReason(data); reason != "" {
		return nil, "", false, fmt.Errorf("binary file (%s)", reason)
	}
	if utf8.Valid(data) {
		return data, note, false, nil
	}
	if looksWindows1252(data) {
		out, decErr := charmap.Windows1252.NewDecoder().Bytes(data)
		if decErr == nil {
			return out, "not valid UTF-8; decoded as windows-1252", false, nil
		}
	}
	out, bad := replaceInvalidUTF8(data)
	return out, fmt.Sprintf("not valid UTF-8; replaced %d invalid %s with U+FFFD", bad, plural(bad, "byte", "bytes")), true, nil
}

// binaryReason says why data looks binary, or returns "" when it looks like
// text: a NUL byte or too many control bytes in the first sniffLen bytes.
func binaryReason(data []byte) string {
	head := data[:min(len(data), sniffLen)]
	if bytes.IndexByte(head, 0) >= 0 {
		return "NUL bytes in the first 8 KiB"
	}
	control := 0
	for _, b := range head {
		if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v') || b == 0x7F {
			control++
		}
	}
	if float64(control) > maxControlShare*float64(len(head)) {
		return fmt.Sprintf("%d control characters in the first %d bytes", control, len(head))
	}
	return ""
}

// looksWindows1252 reports whether invalid UTF-8 data reads sensibly as
// Windows-1252: it has none of the five bytes that code page leaves
// undefined, and its invalid bytes outnumber its valid multi-byte UTF-8
// sequences. Text that is mostly valid UTF-8 with a few broken bytes is
// UTF-8 with errors, not Windows-1252: decoding it as Windows-1252 would
// garble every correct non-ASCII character.
func looksWindows1252(data []byte) bool {
	invalid, multi := 0, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			switch data[i] {
			case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
				return false
			}
			invalid++
		case size > 1:
			multi++
		}
		i += size
	}
	return invalid > multi
}

// replaceInvalidUTF8 replaces every byte of data that is not part of a valid
// UTF-8 sequence with U+FFFD, and says how many there were.
func replaceInvalidUTF8(data []byte) ([]byte, int) {
	out := make([]byte, 0, len(data)+len(data)/4)
	n := 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
			n++
		} else {
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	return out, n
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
