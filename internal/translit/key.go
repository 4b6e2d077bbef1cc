package translit

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Key returns a script-independent matching key for one word, so that a
// romanized spelling and the Devanagari spelling of the same word meet:
// Key("Jaishankar") == Key("Jayshankar") == Key("जयशंकर") == "JISNKR".
//
// A Devanagari word is first romanized (Romanize); Latin letters are then
// folded, left to right, into one upper-case symbol per sound class:
//
//   - aspiration and doubling are dropped: k kh q ck → K, g gh → G,
//     ch chh → C, j jh z → J, t th → T, d dh → D, p ph f → P, b bh → B,
//     r rh → R, s sh → S, l → L, h → H, m → M, n → N; retroflex and dental
//     are one class (the romanization never told them apart);
//   - c is S before e, i or y and K elsewhere; x is KS; v and w are V;
//   - m or n before p, b, f, v or w is N ("sambhav", "sanbhav" and "संभव"
//     all give SNBV);
//   - vowels: a and aa are dropped; i, ee, ii, y and an i after a vowel
//     are I ("ai", "ay" and "य" meet); u, oo, uu → U, and so is an o
//     before a final "r" or "re" (English "-ore" is Hindi "-ur":
//     "Singapore" and "सिंगापुर" meet); o, au, ou and a final ow → O;
//     e → E, but a final e is dropped after a consonant (English
//     "climate", "jute") and after a vowel ("dengue" and "डेंगू" meet); a
//     single u before two consonant letters (not an aspirate's h) is
//     dropped, as English spells Hindi a so ("Lucknow" and "लखनऊ",
//     "Punjab" and "पंजाब");
//   - a final "nv" (गांव romanizes "ganv") is ON, as in "gaon";
//   - a word that starts with a vowel starts with a lowercase "a", whatever
//     the vowel ("Alex" and "एलेक्स" meet, "Amit" → "aMIT" and "Mit" → "MIT"
//     do not);
//   - a run of the same symbol is one symbol.
//
// Everything but ASCII letters (after the Devanagari is romanized) is
// ignored; Latin letters with diacritics are read without them (ā → a,
// ś ṣ → sh, ṭ → t, ṇ ṃ ñ ṅ → n). Key returns "" when the word has no
// letters. Input past MaxRomanize bytes is ignored.
func Key(word string) string {
	if hasDevanagari(word) {
		word = Romanize(word)
	} else {
		word = cutAt(word, MaxRomanize)
	}
	return foldLatin(asciiLetters(word))
}

// asciiLetters lowercases s, reads Latin letters with diacritics without
// them and drops everything that is not a letter.
func asciiLetters(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z':
			b.WriteRune(r)
		case 'A' <= r && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r >= 0x80:
			b.WriteString(plainLatin(r))
		}
	}
	return b.String()
}

// plainLatin reads an accented Latin letter of the usual Indic
// romanizations as plain ASCII; other runes give "".
func plainLatin(r rune) string {
	switch r {
	case 'ā', 'Ā', 'á', 'à', 'â', 'ä':
		return "a"
	case 'ī', 'Ī', 'í', 'ì', 'î', 'ï':
		return "i"
	case 'ū', 'Ū', 'ú', 'ù', 'û', 'ü':
		return "u"
	case 'ē', 'é', 'è', 'ê', 'ë', 'Ē', 'É':
		return "e"
	case 'ō', 'ó', 'ò', 'ô', 'ö', 'Ō':
		return "o"
	case 'ś', 'Ś', 'ṣ', 'Ṣ', 'š', 'Š':
		return "sh"
	case 'ṭ', 'Ṭ':
		return "t"
	case 'ḍ', 'Ḍ':
		return "d"
	case 'ṇ', 'Ṇ', 'ṃ', 'Ṃ', 'ñ', 'Ñ', 'ṅ', 'Ṅ', 'ṁ':
		return "n"
	case 'ṛ', 'Ṛ', 'ṝ', 'ṟ':
		return "r"
	case 'ḥ', 'Ḥ':
		return "h"
	case 'ç':
		return "s"
	}
	return ""
}

func isVowelLetter(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// foldLatin folds lowercase ASCII letters into a key (see Key).
func foldLatin(s string) string {
	var out []byte
	emit := func(c byte) {
		if n := len(out); n > 0 && out[n-1] == c {
			return
		}
		out = append(out, c)
	}
	at := func(i int) byte {
		if i < len(s) {
			return s[i]
		}
		return 0
	}
	for i := 0; i < len(s); {
		c := s[i]
		if isVowelLetter(c) {
			cls, w := vowelClass(s, i)
			switch {
			case i == 0:
				out = append(out, 'a')
			case cls == 'E' && i+w == len(s) && (i >= 2 && !isVowelLetter(s[i-1]) || isVowelLetter(s[i-1])):
				// A silent English final e ("jute"), or one after a
				// vowel ("dengue", "Bombae").
			case c == 'o' && w == 1 && finalR(s, i+1):
				// English "-ore", "-or" at the end is Hindi "-ur"
				// ("Singapore" and "सिंगापुर" meet).
				emit('U')
			case c == 'u' && w == 1 && beforeCluster(s, i+1):
				// An English u before two consonants is Hindi a
				// ("Lucknow", "Punjab", "Trump").
			case cls != 0:
				emit(cls)
			}
			i += w
			continue
		}
		if c == 'n' && i+2 == len(s) && s[i+1] == 'v' {
			// A final nasalised v (गांव "ganv") is spelled "on" ("gaon").
			emit('O')
			emit('N')
			i += 2
			continue
		}
		sym, w := consonantClass(s, i)
		if sym == 'M' || sym == 'N' {
			switch at(i + w) {
			case 'p', 'b', 'f', 'v', 'w':
				sym = 'N'
			}
		}
		switch sym {
		case 0:
		case 'X':
			emit('K')
			emit('S')
		default:
			emit(sym)
		}
		i += w
	}
	return string(out)
}

// vowelClass returns the class of the vowel letters at s[i:] (0 for a/aa)
// and how many bytes they take.
func vowelClass(s string, i int) (byte, int) {
	two := ""
	if i+2 <= len(s) {
		two = s[i : i+2]
	}
	switch two {
	case "aa":
		return 0, 2
	case "ee", "ii", "ie":
		return 'I', 2
	case "oo", "uu":
		return 'U', 2
	case "au", "ou":
		return 'O', 2
	case "ow":
		if i+2 == len(s) || !isVowelLetter(s[i+2]) {
			return 'O', 2
		}
	}
	switch s[i] {
	case 'a':
		return 0, 1
	case 'i':
		return 'I', 1
	case 'u':
		return 'U', 1
	case 'e':
		return 'E', 1
	case 'o':
		return 'O', 1
	}
	return 0, 1
}

// finalR reports whether s[i:] is "r" or "re".
func finalR(s string, i int) bool {
	return s[i:] == "r" || s[i:] == "re"
}

// beforeCluster reports whether s[i:] starts with two consonant letters
// that are not one aspirate or sh (so "ckn", "nj", "mp", "ss", but not
// "kh" or "sh" alone).
func beforeCluster(s string, i int) bool {
	if i+2 > len(s) {
		return false
	}
	a, b := s[i], s[i+1]
	cons := func(c byte) bool { return !isVowelLetter(c) && c != 'y' && c != 'w' }
	return cons(a) && cons(b) && b != 'h'
}

// aspirable maps the consonant letters that are one class with or without
// a following "h" (k/kh, g/gh, j/jh, z, t/th, d/dh, p/ph, b/bh, r/rh,
// s/sh) to that class.
var aspirable = [256]byte{'k': 'K', 'g': 'G', 'j': 'J', 'z': 'J', 't': 'T', 'd': 'D', 'p': 'P', 'b': 'B', 'r': 'R', 's': 'S'}

// consonantClass returns the class symbol of the consonant letters at
// s[i:] and how many bytes they take ('X' stands for KS; 0 for nothing).
func consonantClass(s string, i int) (byte, int) {
	c := s[i]
	var n byte
	if i+1 < len(s) {
		n = s[i+1]
	}
	if cl := aspirable[c]; cl != 0 {
		if n == 'h' {
			return cl, 2
		}
		return cl, 1
	}
	switch c {
	case 'q':
		return 'K', 1
	case 'c':
		switch {
		case strings.HasPrefix(s[i:], "chh"):
			return 'C', 3
		case n == 'h':
			return 'C', 2
		case n == 'k':
			return 'K', 2
		case n == 'e' || n == 'i' || n == 'y':
			return 'S', 1
		}
		return 'K', 1
	case 'f':
		return 'P', 1
	case 'x':
		return 'X', 1
	case 'v', 'w':
		return 'V', 1
	case 'l':
		return 'L', 1
	case 'm':
		return 'M', 1
	case 'n':
		return 'N', 1
	case 'h':
		return 'H', 1
	case 'y':
		return 'I', 1
	}
	return 0, 1
}

// Keys returns the keys under which a term should be indexed or looked up
// in a cross-script field, best first and without repeats. For a
// Devanagari term that is its Key. For a Latin term it is its Key followed
// by the keys of its two most likely Devanagari spellings (Candidates),
// which catch English spellings the letter folding alone misses
// ("Chris" → क्रिस). Indexing needs only Key; Keys is for queries. It
// returns nil for a term without letters.
func Keys(term string) []string {
	if hasDevanagari(term) || !utf8.ValidString(term) {
		if k := Key(term); k != "" {
			return []string{k}
		}
		return nil
	}
	return keysWith(term, keyModel().Candidates(term, keyCandidates))
}

// keyCandidates is how many Devanagari spellings of a Latin term Keys adds.
const keyCandidates = 2

// keyBeam is the beam Keys decodes with: it needs two candidates, not
// five. On 1,500 Dakshina dev words the keys of the top two hold the
// reference's key for 89.40% at beams 32 and 16, 89.13% at 8 and 88.73%
// at 4, at 15.4, 7.1, 3.5 and 0.9 ms a word.
const keyBeam = 8

// keyModel is the default model decoding with keyBeam.
var keyModel = sync.OnceValue(func() *Model {
	m := *defaultModel()
	m.beam = keyBeam
	return &m
})

// keysWith returns Key(latin) and the keys of the first keyCandidates of
// cands, without repeats.
func keysWith(latin string, cands []Candidate) []string {
	k := Key(latin)
	if k == "" {
		return nil
	}
	keys := []string{k}
	for _, c := range cands[:min(len(cands), keyCandidates)] {
		if ck := Key(c.Text); ck != "" && !contains(keys, ck) {
			keys = append(keys, ck)
		}
	}
	return keys
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
