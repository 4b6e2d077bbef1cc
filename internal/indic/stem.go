package indic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinStemLetters is the fewest letters (consonants and independent vowels;
// matras and other signs do not count) a Hindi stem may keep. It is what
// keeps short words such as "सेना", "नेता", "दो" and "के" whole.
const MinStemLetters = 2

// Stem returns the stem of one word, choosing the stemmer by the script of
// its first letter: StemHindi for Devanagari, StemEnglish for Latin. Other
// words, and words containing digits, are returned unchanged.
func Stem(word string) string {
	for _, r := range word {
		switch {
		case IsDevanagari(r) && unicode.IsLetter(r):
			return StemHindi(word)
		case r < 0x80 && unicode.IsLetter(r), unicode.Is(unicode.Latin, r):
			return StemEnglish(strings.ToLower(word))
		case unicode.IsLetter(r):
			return word
		}
	}
	return word
}

// StemHindi strips one inflectional suffix from a Hindi word, working on the
// word as written (before Normalize, so suffixes spelled with long vowels and
// anusvara or chandrabindu are all recognised: "करेगा", "करेगी", "करेंगे",
// "करेंगी" and "करेँगे" all give "कर"). The longest suffix that leaves a
// valid stem wins; a stem is valid when it keeps at least MinStemLetters
// letters, does not end in anusvara, chandrabindu, visarga, virama or a
// joiner, and, for a suffix that starts with a consonant (ना, ती, नाओं ...),
// does not end in a vowel sign ("कहानी" stays with "कहानियों", not with
// "कहा").
//
// Names are protected: the conjunctive "कर" is never stripped (so "जयशंकर",
// "शंकर", "भास्कर" stay whole), words with digits are kept, and a short list
// of frequent names and places that merely end in a suffix-like string
// ("मोदी", "पटना", ...) is never stemmed. StemHindi returns a prefix of word.
func StemHindi(word string) string {
	if _, ok := protectedHindi[word]; ok {
		return word
	}
	if hasDigit(word) {
		return word
	}
	// Every suffix is Devanagari, three bytes a rune: look up the word's
	// endings from the longest suffix length down.
	for n := min(maxSuffixBytes, len(word)-devaRuneBytes); n >= devaRuneBytes; n -= devaRuneBytes {
		consonantInitial, ok := hindiSuffixes[word[len(word)-n:]]
		if !ok {
			continue
		}
		stem := word[:len(word)-n]
		if validHindiStem(stem, consonantInitial) {
			return stem
		}
	}
	return word
}

// devaRuneBytes is the UTF-8 length of every Devanagari code point.
const devaRuneBytes = 3

// validHindiStem reports whether stem may be left after stripping a suffix.
func validHindiStem(stem string, consonantInitial bool) bool {
	last, _ := utf8.DecodeLastRuneInString(stem)
	switch {
	case last == anusvara, last == candrabindu, last == visarga, last == virama, isJoiner(last):
		return false
	case consonantInitial && classify(last) == classMark && last != nukta:
		return false
	}
	letters := 0
	for _, r := range stem {
		if classify(r) == classLetter {
			letters++
		}
	}
	return letters >= MinStemLetters
}

// hindiSuffixes maps each suffix to whether it starts with a consonant
// letter (rather than a vowel sign). It covers noun plurals
// and oblique forms (-ें, -ों, -ियाँ, -ियों, -ाओं), adjective agreement
// (-ा, -ी, -े), infinitives and participles (-ना, -ने, -ता, -ती, -ते) and
// the future (-ेगा, -ेगी, -ेंगे, -ेंगी, -ूंगा ...). Every suffix with an
// anusvara is also listed with a chandrabindu.
var hindiSuffixes = buildHindiSuffixes(
	// five letters
	"ाएंगी", "ाएंगे", "ाऊंगी", "ाऊंगा", "ाइयां", "ाइयों",
	// four
	"ाएगी", "ाएगा", "ाओगी", "ाओगे", "एंगी", "ेंगी", "एंगे", "ेंगे", "ूंगी", "ूंगा",
	"ातीं", "नाओं", "नाएं", "ताओं", "ताएं", "ियां", "ियों",
	// three
	"ाइए", "ाईं", "ाया", "ेगी", "ेगा", "ोगी", "ोगे", "ाने", "ाना", "ाते", "ाती", "ाता",
	"तीं", "ाओं", "ाएं", "ुओं", "ुएं", "ुआं",
	// two
	"ाओ", "िए", "ाई", "ाए", "ने", "नी", "ना", "ते", "ीं", "ती", "ता", "ां", "ों", "ें",
	// one
	"ो", "े", "ू", "ु", "ी", "ि", "ा",
)

// buildHindiSuffixes returns the suffix set with the chandrabindu
// spellings added.
func buildHindiSuffixes(list ...string) map[string]bool {
	out := make(map[string]bool, 2*len(list))
	for _, s := range list {
		first, _ := utf8.DecodeRuneInString(s)
		out[s] = isDevanagariConsonant(first)
		out[strings.ReplaceAll(s, string(anusvara), string(candrabindu))] = isDevanagariConsonant(first)
	}
	return out
}

// maxSuffixBytes is the length of the longest Hindi suffix.
const maxSuffixBytes = 5 * devaRuneBytes

// protectedHindi lists frequent names and places that end in a suffix-like
// string and must not be stemmed into another word ("मोदी" is not "मोद",
// "पटना" is not "पट").
var protectedHindi = setOf(
	"मोदी", "गांधी", "गाँधी", "योगी", "ममता", "प्रियंका", "सोनिया", "लालू", "अखिलेश",
	"नीतीश", "अमेरिका", "अफ्रीका", "कनाडा", "पटना", "कोलकाता", "दिल्ली", "रांची", "राँची",
	"गोवा", "आगरा", "मथुरा", "अयोध्या", "त्रिपुरा", "उड़ीसा", "ओडिशा", "हरियाणा",
	"सीता", "गीता", "राधा", "दुर्गा", "लक्ष्मी", "शिवसेना", "भाजपा", "ओबामा",
	"हिंदी", "हिन्दी", "कोरोना", "जनता",
)

// setOf builds a lookup set.
func setOf(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

// hasDigit reports whether word has an ASCII or Devanagari digit, by bytes.
func hasDigit(word string) bool {
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= '0' && c <= '9' {
			return true
		}
		// Devanagari digits are E0 A5 A6 .. E0 A5 AF.
		if c == 0xe0 && i+2 < len(word) && word[i+1] == 0xa5 && word[i+2] >= 0xa6 && word[i+2] <= 0xaf {
			return true
		}
	}
	return false
}
