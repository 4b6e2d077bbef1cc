package indic

import (
	"unicode"
	"unicode/utf8"
)

// Token is one word or number of the input. Text is s[Start:End] of the
// string given to Tokenize; Start and End are byte offsets.
type Token struct {
	Text       string
	Start, End int
}

// runeClass is what the tokenizer needs to know about one rune.
type runeClass uint8

const (
	classOther  runeClass = iota // separator: space, punctuation, symbol, invalid byte
	classLetter                  // a letter of any script
	classDigit                   // a decimal digit of any script
	classMark                    // a combining mark (matra, virama, nukta, anusvara ...)
	classJoiner                  // ZWJ, ZWNJ, soft hyphen
)

// classify returns the class of r, with fast paths for ASCII and Devanagari.
func classify(r rune) runeClass {
	switch {
	case r < 0x80:
		switch {
		case ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z'):
			return classLetter
		case '0' <= r && r <= '9':
			return classDigit
		}
		return classOther
	case r >= 0x0900 && r <= 0x097f:
		switch {
		case r <= 0x0903, r >= 0x093a && r <= 0x093c, r >= 0x093e && r <= 0x094f,
			r >= 0x0951 && r <= 0x0957, r == 0x0962, r == 0x0963:
			return classMark
		case r == 0x0964, r == 0x0965, r == 0x0970: // danda, double danda, abbreviation sign
			return classOther
		case r >= 0x0966 && r <= 0x096f:
			return classDigit
		}
		return classLetter
	case isJoiner(r):
		return classJoiner
	case r == utf8.RuneError:
		return classOther
	case unicode.IsLetter(r):
		return classLetter
	case unicode.IsMark(r):
		return classMark
	case unicode.IsDigit(r):
		return classDigit
	}
	return classOther
}

// isApostrophe reports whether r joins two Latin letters into one word.
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// isIdeograph reports whether r is written without spaces between words and
// is therefore emitted one character per token (Han, kana).
func isIdeograph(r rune) bool {
	return r >= 0x2e80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// Tokenize splits s into words and numbers by Unicode word rules adapted to
// Indic text. Combining marks (matras, virama, nukta, anusvara, chandrabindu,
// visarga) and ZWJ/ZWNJ never end a word. Danda, double danda, hyphens,
// periods and all other punctuation separate words, so "एस." gives "एस" and
// "भारत-पाक" gives "भारत" and "पाक". An apostrophe between two Latin letters
// stays inside the word ("don't", "O'Brien"). A decimal point or thousands
// comma between two digits stays inside the number ("3.84", "1,00,000").
// Letters and digits join ("G20", "वी1"), but a change between two letter
// scripts (Latin to Devanagari, say) starts a new word. Han and kana
// characters are one token each.
//
// Invalid UTF-8 bytes separate words and are never part of a token, so every
// Token.Text is valid UTF-8, non-empty, and tokens are in order and do not
// overlap. Tokenize never panics.
func Tokenize(s string) []Token {
	out := make([]Token, 0, len(s)/8+1)
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		c := classify(r)
		if c != classLetter && c != classDigit {
			i += w
			continue
		}
		end := scanWord(s, i, r, w, c)
		out = append(out, Token{Text: s[i:end], Start: i, End: end})
		i = end
	}
	return out
}

// scanWord returns the end of the word that starts at byte i with rune r of
// width w and class c.
func scanWord(s string, i int, r rune, w int, c runeClass) int {
	j := i + w
	script := ""
	if c == classLetter {
		script = ScriptOf(r)
	}
	ideograph := c == classLetter && isIdeograph(r)
	last := c // class of the last letter or digit
	for j < len(s) {
		r2, w2 := utf8.DecodeRuneInString(s[j:])
		switch classify(r2) {
		case classMark, classJoiner:
			j += w2
			continue
		case classLetter:
			if ideograph || isIdeograph(r2) {
				return j
			}
			sc := ScriptOf(r2)
			if script != "" && sc != "" && sc != script {
				return j
			}
			if script == "" {
				script = sc
			}
			last = classLetter
			j += w2
			continue
		case classDigit:
			if ideograph {
				return j
			}
			last = classDigit
			j += w2
			continue
		}
		// A separator: keep it only between two letters (apostrophe) or two
		// digits (decimal point, thousands comma).
		if j+w2 >= len(s) {
			return j
		}
		r3, _ := utf8.DecodeRuneInString(s[j+w2:])
		switch {
		case last == classLetter && isApostrophe(r2) && script == ScriptLatin &&
			classify(r3) == classLetter && ScriptOf(r3) == ScriptLatin:
			j += w2
		case last == classDigit && (r2 == '.' || r2 == ',') && classify(r3) == classDigit:
			j += w2
		default:
			return j
		}
	}
	return j
}
