package translit

import (
	"strings"
	"unicode"
)

// honorifics are title words that name lists put before a name in either
// script ("Late", "स्वर्गीय", "Dr."); they are not part of the name and
// have no counterpart in the other script's spelling.
var honorifics = map[string]bool{
	"late": true, "shri": true, "sri": true, "smt": true, "dr": true, "mr": true, "mrs": true, "ms": true,
	"स्वर्गीय": true, "स्व": true, "प्रयात": true, "श्री": true, "श्रीमती": true, "डॉ": true, "डा": true, "स्वः": true,
}

// SplitNamePair splits a multi-word name written in both scripts ("SWAPAN
// DAS", "स्वपन दास") into one Pair per word, in order, each with weight.
// Honorifics are dropped from both sides first. It returns nil unless both
// sides then have the same number of words, every Latin word is plain
// ASCII letters (two or more: initials have no reliable spelling) and
// every Devanagari word is Devanagari only — a name list is too noisy to
// guess at an alignment of unequal word counts.
func SplitNamePair(latin, deva string, weight int) []Pair {
	lw := nameWords(latin)
	dw := nameWords(deva)
	if len(lw) == 0 || len(lw) != len(dw) || len(lw) > 8 {
		return nil
	}
	out := make([]Pair, 0, len(lw))
	for i := range lw {
		l, ok := latinLetters(lw[i])
		if !ok || len(l) < 2 || len(l) > maxWord {
			return nil
		}
		d := cleanDeva(dw[i])
		if d == "" || !onlyDevanagari(d) {
			return nil
		}
		out = append(out, Pair{Latin: l, Deva: d, Weight: weight})
	}
	return out
}

// nameWords splits s at spaces and punctuation other than the nukta-style
// dot inside a word, and drops honorifics.
func nameWords(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '.' || r == '-' || r == '(' || r == ')' || r == '\'' || r == '\u0964'
	})
	out := f[:0]
	for _, w := range f {
		if !honorifics[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	return out
}

func onlyDevanagari(s string) bool {
	for _, r := range s {
		if !isDevanagari(r) {
			return false
		}
	}
	return true
}
