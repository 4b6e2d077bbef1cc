package extract

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// htmlDecode returns page as UTF-8 and any warnings about its encoding. The
// encoding comes from a byte-order mark, then a <meta charset> or
// http-equiv Content-Type in the first 1024 bytes, then a guess. A page
// labelled with a legacy single-byte charset (windows-1252, ISO-8859-1, …)
// that is nevertheless valid UTF-8 holding non-ASCII text is read as UTF-8:
// Indian CMSs often keep a stale label on UTF-8 Devanagari. Invalid UTF-8
// sequences in a UTF-8 page become U+FFFD with a warning.
func htmlDecode(page []byte) ([]byte, []string, error) {
	switch {
	case bytes.HasPrefix(page, []byte{0xEF, 0xBB, 0xBF}):
		page = page[3:]
		return htmlRepairUTF8(page)
	case bytes.HasPrefix(page, []byte{0xFF, 0xFE}), bytes.HasPrefix(page, []byte{0xFE, 0xFF}):
		enc := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
		if page[0] == 0xFF {
			enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
		}
		out, err := htmlTranscode(enc, page)
		if err != nil {
			return nil, nil, fmt.Errorf("decode utf-16: %w", err)
		}
		return htmlRepairUTF8(out)
	}

	enc, name, certain := charset.DetermineEncoding(page, "")
	label := htmlDeclaredCharset(page)
	if label != "" {
		// The prescan above reads only the first 1024 bytes; a declaration
		// further down the <head> still counts.
		if e, n := charset.Lookup(label); e != nil {
			enc, name = e, n
		}
	}
	if name == "utf-8" || (!certain && label == "" && utf8.Valid(page)) {
		return htmlRepairUTF8(page)
	}
	if label == "" && bytes.Contains(page, []byte{0xE0, 0xA4}) {
		// Unlabelled, mostly UTF-8 Devanagari with a few broken bytes.
		return htmlRepairUTF8(page)
	}
	if utf8.Valid(page) && htmlHasNonASCII(page) {
		var warns []string
		if label != "" {
			warns = append(warns, fmt.Sprintf("charset label %q ignored: the page is valid UTF-8", label))
		}
		return page, warns, nil
	}
	out, err := htmlTranscode(enc, page)
	if err != nil {
		return nil, nil, fmt.Errorf("decode %s: %w", name, err)
	}
	var warns []string
	if label == "" {
		warns = append(warns, fmt.Sprintf("no charset declared and not UTF-8: read as %s", name))
	}
	return out, warns, nil
}

// htmlRepairUTF8 returns b unchanged when it is valid UTF-8, otherwise a
// copy with each invalid byte replaced by U+FFFD and a warning.
func htmlRepairUTF8(b []byte) ([]byte, []string, error) {
	if utf8.Valid(b) {
		return b, nil, nil
	}
	n := 0
	out := make([]byte, 0, len(b)+16)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			n++
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, b[:size]...)
		}
		b = b[size:]
	}
	return out, []string{fmt.Sprintf("invalid UTF-8: %d bytes replaced", n)}, nil
}

func htmlTranscode(enc encoding.Encoding, b []byte) ([]byte, error) {
	out, _, err := transform.Bytes(enc.NewDecoder(), b)
	return out, err
}

func htmlHasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// htmlDeclaredCharset returns the charset label the page declares in a
// <meta> element near its start, lowercased, or "" when it declares none.
func htmlDeclaredCharset(page []byte) string {
	head := page
	if len(head) > 4096 {
		head = head[:4096]
	}
	s := strings.ToLower(string(head))
	i := strings.Index(s, "charset=")
	if i < 0 {
		return ""
	}
	v := strings.TrimLeft(s[i+len("charset="):], `"' `)
	end := strings.IndexAny(v, `"'; >/`)
	if end < 0 {
		end = len(v)
	}
	return strings.TrimSpace(v[:end])
}
