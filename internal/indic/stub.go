package indic

import (
	"strings"
	"unicode"
)

// STUB: replaced by the real implementation (normalize.go, tokenize.go, ...).

// Token is one word of the input, with byte offsets into it.
type Token struct {
	Text       string
	Start, End int
}

// Tokenize splits s into words; combining marks stay inside words.
func Tokenize(s string) []Token {
	var out []Token
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\u200c' || r == '\u200d'
		if in && start < 0 {
			start = i
		} else if !in && start >= 0 {
			out = append(out, Token{s[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, Token{s[start:], start, len(s)})
	}
	return out
}

// Normalize folds s for matching.
func Normalize(s string) string { return strings.ToLower(s) }

// Detection is the result of language detection.
type Detection struct {
	Lang   string // ISO 639-1 code, "" when unknown
	Script string // "Deva", "Latn", ...
	Mixed  bool   // Hindi and English both substantial
}

// DetectLanguage guesses the language of text.
func DetectLanguage(text string) Detection {
	for _, r := range text {
		if r >= 0x0900 && r <= 0x097F {
			return Detection{Lang: "hi", Script: "Deva"}
		}
	}
	return Detection{Lang: "en", Script: "Latn"}
}
