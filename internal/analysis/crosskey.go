package analysis

import (
	"sync"

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

// WordKeys returns the cross-script key terms (KeyTerm) an indexed word
// is found under: the key of the word as written and, when it differs,
// the key of its term (the stem), so that an inflected form such as
// "मंगोलों" is found by "Mongol" too. A term in another script than the
// word gives no key. It returns nil for a word without a key.
func WordKeys(word, term string) []string {
	k, sc := CrossKey(word)
	var out []string
	if k != "" {
		out = append(out, KeyTerm(sc, k))
	}
	if term != "" && term != word {
		if tk, tsc := CrossKey(term); tk != "" && tk != k && (sc == NoKeyScript || tsc == sc) {
			out = append(out, KeyTerm(tsc, tk))
		}
	}
	return out
}

// CrossKeys returns the cross-script key terms (WordKeys) of the words of
// Analyze(text, lang), each with the Pos, Start and End of its word's
// token (a word with two keys gives two tokens at one position). Stop
// words have no key, as they have no term. It never fails; text without
// keyed words gives nil.
func (a *Analyzer) CrossKeys(text, lang string) []Token {
	var out []Token
	for _, t := range a.Analyze(text, lang) {
		for _, k := range a.WordKeys(text[t.Start:t.End], t.Term) {
			out = append(out, Token{Term: k, Pos: t.Pos, Start: t.Start, End: t.End})
		}
	}
	return out
}

// maxCachedKeys bounds the WordKeys cache of an Analyzer. News vocabulary
// is Zipfian: a few tens of thousands of (word, term) pairs cover almost
// every token, so the cache is cleared and refilled when it grows past this.
const maxCachedKeys = 1 << 17

// keyCache memoizes WordKeys. Transliteration keys cost microseconds per
// word; a map lookup costs nanoseconds. Safe for concurrent use.
type keyCache struct {
	mu    sync.Mutex
	max   int
	m     map[string][]string
	cross map[string]crossKey // CrossKey results
}

type crossKey struct {
	key string
	sc  KeyScript
}

func newKeyCache(max int) *keyCache {
	return &keyCache{max: max, m: make(map[string][]string, 1024), cross: make(map[string]crossKey, 256)}
}

// CrossKey is the package function CrossKey, memoized by the Analyzer:
// search asks it for every query word.
func (a *Analyzer) CrossKey(word string) (string, KeyScript) {
	c := a.keys
	if c == nil {
		return CrossKey(word)
	}
	c.mu.Lock()
	ck, ok := c.cross[word]
	c.mu.Unlock()
	if ok {
		return ck.key, ck.sc
	}
	k, sc := CrossKey(word)
	c.mu.Lock()
	if len(c.cross) >= c.max {
		clear(c.cross)
	}
	c.cross[word] = crossKey{k, sc}
	c.mu.Unlock()
	return k, sc
}

// WordKeys is the package function WordKeys, memoized by the Analyzer.
// The returned slice is shared: callers must not modify it.
func (a *Analyzer) WordKeys(word, term string) []string {
	c := a.keys
	if c == nil {
		return WordKeys(word, term)
	}
	id := word + "\x00" + term
	c.mu.Lock()
	keys, ok := c.m[id]
	c.mu.Unlock()
	if ok {
		return keys
	}
	keys = WordKeys(word, term)
	c.mu.Lock()
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[id] = keys
	c.mu.Unlock()
	return keys
}
