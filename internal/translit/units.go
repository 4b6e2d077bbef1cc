package translit

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Devanagari code points the package reasons about.
const (
	nukta    = '\u093C'
	virama   = '\u094D'
	zwnj     = '\u200C'
	zwj      = '\u200D'
	anusvara = '\u0902'
)

func isDevaConsonant(r rune) bool {
	return (r >= 0x0915 && r <= 0x0939) || (r >= 0x0958 && r <= 0x095F) || (r >= 0x0978 && r <= 0x097F)
}

func isDevaMatra(r rune) bool {
	return (r >= 0x093E && r <= 0x094C) || r == 0x094E || r == 0x094F || (r >= 0x0955 && r <= 0x0957) || r == 0x0962 || r == 0x0963
}

func isDevaIndependentVowel(r rune) bool {
	return (r >= 0x0904 && r <= 0x0914) || r == 0x0960 || r == 0x0961 || (r >= 0x0972 && r <= 0x0977)
}

// isDevanagari reports whether r is in the Devanagari block.
func isDevanagari(r rune) bool { return r >= 0x0900 && r <= 0x097F }

// cleanDeva returns s in NFC with the zero-width joiners removed, the form
// every Devanagari string is compared in.
func cleanDeva(s string) string {
	s = norm.NFC.String(s)
	if strings.ContainsRune(s, zwj) || strings.ContainsRune(s, zwnj) {
		s = strings.Map(func(r rune) rune {
			if r == zwj || r == zwnj {
				return -1
			}
			return r
		}, s)
	}
	return s
}

// devaUnits splits a cleaned Devanagari word into the units alignment works
// on: a consonant with its nukta and virama, an independent vowel, a vowel
// sign, a nasal sign or visarga, or any other single rune.
func devaUnits(s string) []string {
	var units []string
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		j := i + w
		if isDevaConsonant(r) || isDevaIndependentVowel(r) {
			if r2, w2 := utf8.DecodeRuneInString(s[j:]); r2 == nukta {
				j += w2
			}
			if isDevaConsonant(r) {
				if r2, w2 := utf8.DecodeRuneInString(s[j:]); r2 == virama {
					j += w2
				}
			}
		}
		units = append(units, s[i:j])
		i = j
	}
	return units
}

// latinLetters lowercases s and keeps only the ASCII letters; ok is false
// when s holds anything else besides spaces, hyphens, dots and apostrophes.
func latinLetters(s string) (letters string, ok bool) {
	var b strings.Builder
	ok = true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
			b.WriteByte(c)
		case 'A' <= c && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c == ' ' || c == '-' || c == '.' || c == '\'':
		default:
			ok = false
		}
	}
	return b.String(), ok
}
