package analysis

import (
	"github.com/khabar-news/khabar/internal/indic"
	"github.com/khabar-news/khabar/internal/translit"
)

// KeyScript is the script a cross-script key was taken from.
type KeyScript uint8

const (
	// NoKeyScript marks a word that has no cross-script key.
	NoKeyScript KeyScript = iota
	// KeyDevanagari marks the key of a word written in Devanagari.
	KeyDevanagari
	// KeyLatin marks the key of a word written in Latin letters.
	KeyLatin
)

// Other returns the script a key of s is looked up in to cross scripts:
// Latin for Devanagari and Devanagari for Latin.
func (s KeyScript) Other() KeyScript {
	switch s {
	case KeyDevanagari:
		return KeyLatin
	case KeyLatin:
		return KeyDevanagari
	}
	return NoKeyScript
}

// MinKeyLen is the shortest cross-script key (in key symbols, see
// translit.Key) CrossKey returns. Shorter keys ("KR" is कर, car and cur)
// join too many unrelated words to be worth a lookup.
const MinKeyLen = 2

// CrossKey returns the cross-script matching key of one word as written
// (translit.Key of its normalized form, so nukta, nasal and digit variants
// give one key) and the script it was written in. Words that are not
// wholly Devanagari or wholly Latin letters, and words whose key is
// shorter than MinKeyLen, have no key: CrossKey returns "" and
// NoKeyScript. It never fails.
func CrossKey(word string) (string, KeyScript) {
	var sc KeyScript
	switch classifyWord(word) {
	case kindDevanagari:
		sc = KeyDevanagari
	case kindLatin:
		sc = KeyLatin
	default:
		return "", NoKeyScript
	}
	k := translit.Key(indic.Normalize(word))
	if len(k) < MinKeyLen {
		return "", NoKeyScript
	}
	return k, sc
}

// KeyTerm returns the index term of a cross-script key taken from a word
// in script sc: the key behind a one-letter script mark ("d:JISNKR" for
// जयशंकर, "l:JISNKR" for Jaishankar), so that a lookup can ask for the
// words of the other script only. It returns "" for an empty key or
// NoKeyScript.
func KeyTerm(sc KeyScript, key string) string {
	if key == "" {
		return ""
	}
	switch sc {
	case KeyDevanagari:
		return "d:" + key
	case KeyLatin:
		return "l:" + key
	}
	return ""
}

// CrossKeys returns the cross-script key terms (KeyTerm) of the words of
// Analyze(text, lang) that have one (CrossKey), each with the Pos, Start
// and End of its word's token. Stop words have no key, as they have no
// term. It never fails; text without keyed words gives nil.
func (a *Analyzer) CrossKeys(text, lang string) []Token {
	var out []Token
	for _, t := range a.Analyze(text, lang) {
		if k, sc := CrossKey(text[t.Start:t.End]); k != "" {
			out = append(out, Token{Term: KeyTerm(sc, k), Pos: t.Pos, Start: t.Start, End: t.End})
		}
	}
	return out
}
