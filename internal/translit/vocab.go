package translit

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Vocabulary is a set of known Devanagari words with how often each was
// seen, such as the words of the articles an archive holds.
// CandidatesWith uses one to prefer, and add, spellings that are real
// words. Implementations must be safe for concurrent Lookup.
type Vocabulary interface {
	// Lookup returns the words whose Key is key with their counts, most
	// frequent first. The caller must not modify the result.
	Lookup(key string) []WordCount
}

// WordCount is one vocabulary word and how often it was seen.
type WordCount struct {
	Word  string
	Count int
}

// MaxVocabulary is the most distinct words a Words holds; words past it
// are ignored, so memory stays bounded whatever text is added (about 130
// bytes a word measured, so some 150–200 MB when full).
const MaxVocabulary = 1 << 20

// maxVocabWord is the longest vocabulary word, in bytes (32 Devanagari
// code points); longer runs are not words a query spells.
const maxVocabWord = 96

// Words is the in-memory Vocabulary: words and counts gathered with Add
// and AddText, looked up by Key. The zero value is not usable; call
// NewWords. It is safe for concurrent use.
type Words struct {
	mu     sync.RWMutex
	counts map[string]int
	byKey  map[string][]WordCount // sorted, except the keys in dirty
	dirty  map[string]bool        // keys changed since the last Lookup
}

var _ Vocabulary = (*Words)(nil)

// NewWords returns an empty vocabulary.
func NewWords() *Words {
	return &Words{counts: map[string]int{}, byKey: map[string][]WordCount{}, dirty: map[string]bool{}}
}

// Len returns the number of distinct words.
func (ws *Words) Len() int {
	ws.mu.RLock()
	defer ws.mu.RUnlock()
	return len(ws.counts)
}

// Add counts word count times (a count below 1 counts once). The word is
// cleaned (NFC, no joiners); it is ignored unless it is Devanagari
// letters and signs only, starts with a letter, does not end in a virama
// and is at most 96 bytes long, or when the vocabulary is full. It reports
// whether the word was counted.
func (ws *Words) Add(word string, count int) bool {
	word = cleanDeva(word)
	if !vocabWord(word) {
		return false
	}
	count = max(count, 1)
	k := Key(word)
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if _, ok := ws.counts[word]; !ok {
		if len(ws.counts) >= MaxVocabulary {
			return false
		}
		ws.byKey[k] = append(ws.byKey[k], WordCount{Word: word})
	}
	ws.counts[word] += count
	ws.dirty[k] = true
	return true
}

// AddText counts every Devanagari word of text once per occurrence: a
// word is a run of Devanagari letters and signs (joiners included);
// dandas, digits and everything else separate words.
func (ws *Words) AddText(text string) {
	start := -1
	for i := 0; i <= len(text); {
		r, size := utf8.RuneError, 1
		if i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		in := i < len(text) && (isWordRune(r) || (start >= 0 && (r == zwj || r == zwnj)))
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			ws.Add(text[start:i], 1)
			start = -1
		}
		i += size
	}
}

// isWordRune reports whether r belongs inside a Devanagari word: letters,
// vowel signs, nasal signs, virama and nukta, not dandas or digits.
func isWordRune(r rune) bool {
	return (r >= 0x0900 && r <= 0x0963) || (r >= 0x0971 && r <= 0x097F)
}

// vocabWord reports whether a cleaned word may enter a vocabulary.
func vocabWord(w string) bool {
	if w == "" || len(w) > maxVocabWord || strings.HasSuffix(w, string(virama)) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(w)
	if !isDevaConsonant(first) && !isDevaIndependentVowel(first) {
		return false
	}
	for _, r := range w {
		if !isWordRune(r) {
			return false
		}
	}
	return true
}

// Lookup returns the words whose Key is key, most frequent first.
func (ws *Words) Lookup(key string) []WordCount {
	ws.mu.RLock()
	if len(ws.dirty) == 0 {
		defer ws.mu.RUnlock()
		return ws.byKey[key]
	}
	ws.mu.RUnlock()
	ws.mu.Lock()
	defer ws.mu.Unlock()
	ws.sortDirty()
	return ws.byKey[key]
}

// sortDirty fills in the counts and orders the words of every key changed
// since it last ran, under the write lock.
func (ws *Words) sortDirty() {
	for k := range ws.dirty {
		// A copy: earlier Lookups may still be reading the old slice.
		list := slices.Clone(ws.byKey[k])
		for i := range list {
			list[i].Count = ws.counts[list[i].Word]
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].Count != list[j].Count {
				return list[i].Count > list[j].Count
			}
			return list[i].Word < list[j].Word
		})
		ws.byKey[k] = list
	}
	clear(ws.dirty)
}

// Vocabulary settings, tuned on the Dakshina dev split with the words of
// the shared Hindi news corpora (28,246 words; top-1 43.6% → 50.4%, top-5
// 76.2% → 79.0%): how many vocabulary words of the input's key are scored,
// and the log-bonus of a vocabulary word, vocabBonus + vocabCountWeight ×
// ln(count). Also looking up the keys of the five best spellings found
// more words but scored worse (top-1 1.4 points lower, top-5 0.2 higher),
// and bonuses from 4 to 15 moved top-5 by under half a point.
const (
	vocabPerKey      = 12
	vocabBonus       = 6.0
	vocabCountWeight = 0.3
)

// applyVocabulary adds to byText (the spellings of the letter run w with
// their log-scores) the vocabPerKey most frequent words of v whose Key is
// that of w, scored by the model forced to spell them (a word it cannot
// spell is left out), and gives each its bonus.
func (m *Model) applyVocabulary(w string, byText map[string]float64, v Vocabulary) {
	k := Key(w)
	if k == "" {
		return
	}
	words := v.Lookup(k)
	for _, wc := range words[:min(len(words), m.vocabPerKey)] {
		lp, ok := byText[wc.Word]
		if !ok {
			lp, ok = m.search(w, wc.Word, true)[wc.Word]
			if !ok {
				continue
			}
		}
		byText[wc.Word] = lp + m.vocabBonus + m.vocabCountWeight*math.Log(float64(max(wc.Count, 1)))
	}
}
