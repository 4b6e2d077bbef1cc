package sqlite

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// unquote returns the value of the JSON string whose text between the
// quotes is s, as json.Unmarshal gives it: the escapes of RFC 8259 decoded,
// a \u escape of a lone surrogate and each byte of invalid UTF-8 replaced
// by U+FFFD. It reports false for what JSON does not allow in a string: an
// unknown or cut escape, a quote or a control character.
func unquote(s string) (string, bool) {
	b := make([]byte, 0, len(s))
	for r := 0; r < len(s); {
		if s[r] != '\\' {
			// A run up to the next escape: copied whole when it needs no
			// repair (no quote or control character, valid UTF-8).
			k := strings.IndexByte(s[r:], '\\')
			if k < 0 {
				k = len(s) - r
			}
			if run := s[r : r+k]; strings.IndexByte(run, '"') < 0 && isPlain(run) {
				b = append(b, run...)
				r += k
				continue
			}
		}
		switch c := s[r]; {
		case c == '\\':
			r++
			if r >= len(s) {
				return "", false
			}
			if v, ok := shortEscape(s[r]); ok {
				b = append(b, v)
				r++
				continue
			}
			switch s[r] {
			case 'u':
				rr := hex4(s[r+1:])
				if rr < 0 {
					return "", false
				}
				r += 5
				if utf16.IsSurrogate(rr) {
					// A pair only when a valid low surrogate escape follows;
					// otherwise the next escape stands on its own.
					if len(s) >= r+6 && s[r] == '\\' && s[r+1] == 'u' {
						if dec := utf16.DecodeRune(rr, hex4(s[r+2:])); dec != unicode.ReplacementChar {
							b = utf8.AppendRune(b, dec)
							r += 6
							break
						}
					}
					rr = unicode.ReplacementChar
				}
				b = utf8.AppendRune(b, rr)
			default:
				return "", false
			}
		case c == '"', c < ' ':
			return "", false
		case c < utf8.RuneSelf:
			b = append(b, c)
			r++
		default:
			rr, size := utf8.DecodeRuneInString(s[r:])
			r += size
			b = utf8.AppendRune(b, rr)
		}
	}
	return string(b), true
}

// shortEscape returns the byte the one-letter escape \c stands for.
func shortEscape(c byte) (byte, bool) {
	switch c {
	case '"', '\\', '/':
		return c, true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	}
	return 0, false
}

// hex4 returns the value of the four hex digits s starts with, or -1.
func hex4(s string) rune {
	if len(s) < 4 {
		return -1
	}
	var r rune
	for _, c := range []byte(s[:4]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}
