package indic

import "unicode"

// Script codes (ISO 15924) returned by ScriptOf and DetectLanguage.
const (
	ScriptUnknown    = ""
	ScriptDevanagari = "Deva"
	ScriptBengali    = "Beng"
	ScriptGurmukhi   = "Guru"
	ScriptGujarati   = "Gujr"
	ScriptOriya      = "Orya"
	ScriptTamil      = "Taml"
	ScriptTelugu     = "Telu"
	ScriptKannada    = "Knda"
	ScriptMalayalam  = "Mlym"
	ScriptSinhala    = "Sinh"
	ScriptLatin      = "Latn"
	ScriptArabic     = "Arab"
	ScriptCyrillic   = "Cyrl"
	ScriptGreek      = "Grek"
	ScriptHebrew     = "Hebr"
	ScriptThai       = "Thai"
	ScriptHan        = "Hani"
	ScriptKana       = "Kana"
	ScriptHangul     = "Hang"
)

// Zero-width joiners and other format characters that may sit inside words.
const (
	zwnj       = '\u200c'
	zwj        = '\u200d'
	softHyphen = '\u00ad'
)

// Devanagari code points used by the normalizer, stemmer and tokenizer.
const (
	candrabindu = '\u0901'
	anusvara    = '\u0902'
	visarga     = '\u0903'
	nukta       = '\u093c'
	virama      = '\u094d'
)

// ScriptOf returns the ISO 15924 code of the script r belongs to, judged by
// its Unicode block, or "" for characters common to all scripts (digits,
// punctuation, spaces, symbols) and scripts khabar does not distinguish.
// Combining marks report the script of their block.
func ScriptOf(r rune) string {
	switch {
	case r < 0x80:
		if ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
			return ScriptLatin
		}
		return ScriptUnknown
	case r >= 0x0900 && r <= 0x097f, r >= 0xa8e0 && r <= 0xa8ff, r >= 0x1cd0 && r <= 0x1cff:
		if r == 0x0964 || r == 0x0965 { // danda and double danda are shared by many scripts
			return ScriptUnknown
		}
		return ScriptDevanagari
	case r >= 0x0980 && r <= 0x09ff:
		return ScriptBengali
	case r >= 0x0a00 && r <= 0x0a7f:
		return ScriptGurmukhi
	case r >= 0x0a80 && r <= 0x0aff:
		return ScriptGujarati
	case r >= 0x0b00 && r <= 0x0b7f:
		return ScriptOriya
	case r >= 0x0b80 && r <= 0x0bff:
		return ScriptTamil
	case r >= 0x0c00 && r <= 0x0c7f:
		return ScriptTelugu
	case r >= 0x0c80 && r <= 0x0cff:
		return ScriptKannada
	case r >= 0x0d00 && r <= 0x0d7f:
		return ScriptMalayalam
	case r >= 0x0d80 && r <= 0x0dff:
		return ScriptSinhala
	case r >= 0x0600 && r <= 0x06ff, r >= 0x0750 && r <= 0x077f, r >= 0xfb50 && r <= 0xfdff, r >= 0xfe70 && r <= 0xfeff:
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			return ScriptArabic
		}
		return ScriptUnknown
	case r >= 0x0400 && r <= 0x052f:
		return ScriptCyrillic
	case r >= 0x0370 && r <= 0x03ff:
		return ScriptGreek
	case r >= 0x0590 && r <= 0x05ff:
		return ScriptHebrew
	case r >= 0x0e00 && r <= 0x0e7f:
		return ScriptThai
	case r >= 0x3040 && r <= 0x30ff:
		return ScriptKana
	case r >= 0xac00 && r <= 0xd7af, r >= 0x1100 && r <= 0x11ff:
		return ScriptHangul
	case unicode.Is(unicode.Han, r):
		return ScriptHan
	case unicode.Is(unicode.Latin, r):
		return ScriptLatin
	}
	return ScriptUnknown
}

// IsDevanagari reports whether r is in the Devanagari blocks (including the
// danda and double danda, which are Devanagari code points shared by other
// scripts).
func IsDevanagari(r rune) bool {
	return (r >= 0x0900 && r <= 0x097f) || (r >= 0xa8e0 && r <= 0xa8ff)
}

// IsDevanagariWord reports whether the first letter of word is Devanagari.
func IsDevanagariWord(word string) bool {
	for _, r := range word {
		if unicode.IsLetter(r) {
			return IsDevanagari(r)
		}
	}
	return false
}

// isJoiner reports whether r is a format character that stays inside a word
// (ZWJ, ZWNJ, soft hyphen) and is removed by Normalize.
func isJoiner(r rune) bool {
	return r == zwnj || r == zwj || r == softHyphen
}

// isDevanagariConsonant reports whether r is a Devanagari consonant letter,
// including the precomposed nukta forms.
func isDevanagariConsonant(r rune) bool {
	return (r >= 0x0915 && r <= 0x0939) || (r >= 0x0958 && r <= 0x095f) || (r >= 0x0978 && r <= 0x097f)
}

// digitValue returns the decimal value of r if r is a decimal digit of a
// script khabar folds (ASCII, Devanagari and other Indic scripts, Arabic-Indic).
func digitValue(r rune) (int, bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), true
	}
	if r < 0x0660 || r > 0x0d6f {
		return 0, false
	}
	for _, zero := range indicZeros {
		if r >= zero && r <= zero+9 {
			return int(r - zero), true
		}
	}
	return 0, false
}

// indicZeros are the code points of digit zero in the scripts whose digits
// Normalize folds to ASCII.
var indicZeros = [...]rune{0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0660, 0x06f0}
