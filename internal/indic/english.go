package indic

import "strings"

// StemEnglish returns a light stem of one lowercase English word: it drops a
// possessive ("india's" → "india"), a plural ("policies" → "policy",
// "matches" → "match", "votes" → "vote"), -ing or -ed ("voting", "voted" →
// "vote"; "stopped" → "stop"), restoring the e or undoubling the consonant
// the way English spelling does, and a silent final e after more than one
// syllable ("announce", "announced" → "announc"; "agreed" → "agre"). It does
// nothing more (no -ation, -ity, -al ...), so names are not over-stemmed:
// words ending in -ss, -us, -is, -ous, stems without a vowel ("king",
// "string") and a short list of names and function words ("news",
// "beijing", "ahmed") are kept. Words shorter than four letters and words
// with characters other than ASCII letters and apostrophes are returned
// with only the possessive removed.
func StemEnglish(w string) string {
	w = stripPossessive(w)
	if len(w) < 4 || !asciiWord(w) {
		return w
	}
	if _, ok := protectedEnglish[w]; ok {
		return w
	}
	w = stripPlural(w)
	w = stripIngEd(w)
	return stripSilentE(w)
}

// stripSilentE removes a final silent e so that "announce" and "announced"
// ("announc") or "create" and "creating" ("creat") meet; it stays after a
// single short syllable ending consonant-vowel-consonant ("vote", "price").
func stripSilentE(w string) string {
	n := len(w)
	if n < 4 || w[n-1] != 'e' {
		return w
	}
	stem := w[:n-1]
	if m := measure(stem); m > 1 || (m == 1 && !endsCVC(stem)) {
		return stem
	}
	return w
}

// stripPossessive removes a trailing "'s" or "'".
func stripPossessive(w string) string {
	for _, suf := range [...]string{"'s", "\u2019s", "'", "\u2019"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// asciiWord reports whether w has only lowercase ASCII letters.
func asciiWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// stripPlural removes a plural -s or -es.
func stripPlural(w string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ies") && n > 4 && w[n-4] != 'e' && w[n-4] != 'a':
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"):
		return w[:n-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case w[n-1] == 's':
		return w[:n-1]
	}
	return w
}

// stripIngEd removes -ing or -ed when a stem with a vowel remains.
func stripIngEd(w string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "eed"):
		if measure(w[:n-3]) > 0 {
			return w[:n-1]
		}
		return w
	case strings.HasSuffix(w, "ied") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "ing") && n-3 >= 3 && hasVowel(w[:n-3]):
		return restoreStem(w[:n-3])
	case strings.HasSuffix(w, "ed") && n-2 >= 3 && hasVowel(w[:n-2]):
		return restoreStem(w[:n-2])
	}
	return w
}

// restoreStem repairs a stem after -ing or -ed: "stopp" → "stop",
// "creat" → "create", "vot" → "vote".
func restoreStem(s string) string {
	n := len(s)
	switch {
	case n >= 2 && s[n-1] == s[n-2] && isConsonant(s, n-1) && !strings.ContainsRune("lsz", rune(s[n-1])):
		return s[:n-1]
	case strings.HasSuffix(s, "at"), strings.HasSuffix(s, "bl"), strings.HasSuffix(s, "iz"):
		return s + "e"
	case measure(s) == 1 && endsCVC(s):
		return s + "e"
	}
	return s
}

// isConsonant reports whether s[i] is a consonant; y is a consonant at the
// start of a word and after a vowel.
func isConsonant(s string, i int) bool {
	switch s[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !isConsonant(s, i-1)
	}
	return true
}

// hasVowel reports whether s has a vowel.
func hasVowel(s string) bool {
	for i := range len(s) {
		if !isConsonant(s, i) {
			return true
		}
	}
	return false
}

// measure counts the vowel-consonant sequences in s.
func measure(s string) int {
	m := 0
	prevVowel := false
	for i := range len(s) {
		v := !isConsonant(s, i)
		if !v && prevVowel {
			m++
		}
		prevVowel = v
	}
	return m
}

// endsCVC reports whether s ends consonant-vowel-consonant with the last
// consonant not w, x or y ("hop", "vot"), the shape that lost an e.
func endsCVC(s string) bool {
	n := len(s)
	if n < 3 || !isConsonant(s, n-1) || isConsonant(s, n-2) || !isConsonant(s, n-3) {
		return false
	}
	c := s[n-1]
	return c != 'w' && c != 'x' && c != 'y'
}

// protectedEnglish lists words StemEnglish keeps whole: words that only look
// inflected and frequent names in Indian news that end in -s, -ing or -ed.
var protectedEnglish = setOf(
	"news", "series", "species", "always", "perhaps", "this", "his", "hers", "ours", "yours",
	"theirs", "thus", "plus", "bus", "gas", "yes", "lens", "bias", "atlas", "texas", "kansas",
	"christmas", "during", "nothing", "something", "anything", "everything", "morning", "evening",
	"beijing", "jinping", "nanjing", "sterling", "darjeeling", "ahmed", "mohammed", "javed",
	"naved", "saeed", "fareed", "rasheed", "waheed", "hameed", "majeed", "zaheed", "united",
)
