package translit

import (
	"strings"
	"unicode/utf8"
)

// devaLetter is the reading-form Latin of one Devanagari letter.
type devaLetter struct {
	latin string
	kind  byte // 'c' consonant, 'v' independent vowel, 'm' vowel sign
}

// devaLetters maps Devanagari letters to the reading form Romanize writes:
// plain ASCII, long and short vowels alike ("ā" → "a"), retroflex and
// dental alike ("ṭ" → "t"), ś and ṣ as "sh", the nukta letters as their
// Perso-Arabic sounds (क़ q, ख़ kh, ग़ g, ज़ z, फ़ f) but the flaps ड़ and ढ़ as
// d and dh, as Hindi is usually typed in Latin ("बड़ा" → "bada"; the index
// folds the nukta away too).
var devaLetters = map[rune]devaLetter{
	'क': {"k", 'c'}, 'ख': {"kh", 'c'}, 'ग': {"g", 'c'}, 'घ': {"gh", 'c'}, 'ङ': {"n", 'c'},
	'च': {"ch", 'c'}, 'छ': {"chh", 'c'}, 'ज': {"j", 'c'}, 'झ': {"jh", 'c'}, 'ञ': {"n", 'c'},
	'ट': {"t", 'c'}, 'ठ': {"th", 'c'}, 'ड': {"d", 'c'}, 'ढ': {"dh", 'c'}, 'ण': {"n", 'c'},
	'त': {"t", 'c'}, 'थ': {"th", 'c'}, 'द': {"d", 'c'}, 'ध': {"dh", 'c'}, 'न': {"n", 'c'}, '\u0929': {"n", 'c'},
	'प': {"p", 'c'}, 'फ': {"ph", 'c'}, 'ब': {"b", 'c'}, 'भ': {"bh", 'c'}, 'म': {"m", 'c'},
	'य': {"y", 'c'}, 'र': {"r", 'c'}, '\u0931': {"r", 'c'}, 'ल': {"l", 'c'}, 'ळ': {"l", 'c'}, '\u0934': {"l", 'c'},
	'व': {"v", 'c'}, 'श': {"sh", 'c'}, 'ष': {"sh", 'c'}, 'स': {"s", 'c'}, 'ह': {"h", 'c'},
	'\u0958': {"q", 'c'}, '\u0959': {"kh", 'c'}, '\u095A': {"g", 'c'}, '\u095B': {"z", 'c'}, '\u095C': {"d", 'c'},
	'\u095D': {"dh", 'c'}, '\u095E': {"f", 'c'}, '\u095F': {"y", 'c'},
	'अ': {"a", 'v'}, 'आ': {"a", 'v'}, 'इ': {"i", 'v'}, 'ई': {"i", 'v'}, 'उ': {"u", 'v'}, 'ऊ': {"u", 'v'},
	'ऋ': {"ri", 'v'}, 'ॠ': {"ri", 'v'}, 'ऌ': {"li", 'v'}, 'ए': {"e", 'v'}, 'ऐ': {"ai", 'v'},
	'ओ': {"o", 'v'}, 'औ': {"au", 'v'}, 'ऑ': {"o", 'v'}, 'ऍ': {"e", 'v'}, 'ऎ': {"e", 'v'}, 'ऒ': {"o", 'v'},
	'ा': {"a", 'm'}, 'ि': {"i", 'm'}, 'ी': {"i", 'm'}, 'ु': {"u", 'm'}, 'ू': {"u", 'm'},
	'ृ': {"ri", 'm'}, 'ॄ': {"ri", 'm'}, 'े': {"e", 'm'}, 'ै': {"ai", 'm'}, 'ो': {"o", 'm'},
	'ौ': {"au", 'm'}, 'ॉ': {"o", 'm'}, 'ॅ': {"e", 'm'}, 'ॆ': {"e", 'm'}, 'ॊ': {"o", 'm'},
}

// nuktaForm maps a consonant followed by a combining nukta to its nukta letter.
var nuktaForm = map[rune]rune{
	'क': '\u0958', 'ख': '\u0959', 'ग': '\u095A', 'ज': '\u095B', 'ड': '\u095C', 'ढ': '\u095D', 'फ': '\u095E', 'य': '\u095F',
	'न': '\u0929', 'र': '\u0931', 'ळ': '\u0934',
}

// syl is one sound unit of a Devanagari word as Romanize sees it.
type syl struct {
	cons     string // consonant reading, "" for a bare vowel or sign
	vowel    string // explicit vowel reading
	inherent bool   // the consonant carries the inherent a (no sign, no virama)
	nasal    bool   // an anusvara or chandrabindu follows
	visarga  bool
	other    string // a non-letter rune kept as is (digits, marks)
}

// Romanize returns a plain-ASCII reading of Devanagari text, the way Hindi
// names are usually spelled in English news: "जयशंकर" → "jayshankar",
// "मोदी" → "modi", "पुतिन" → "putin", "वाराणसी" → "varanasi". Vowel length,
// retroflexion and ś/ṣ are not marked (see devaLetters); the inherent
// vowel is dropped at the end of a word of more than one letter (but kept
// after a consonant cluster ending in r: "नरेंद्र" → "narendra") and in the
// middle where Hindi drops it (a vowel, a consonant, then a consonant with
// a vowel: "जयशंकर" is "jay-shankar"); anusvara and chandrabindu are "m"
// before p, ph, b, bh and m and "n" elsewhere, and "ंह" at the end of a word
// is "ngh" ("सिंह" → "singh"). Devanagari digits become ASCII digits, the
// danda a full stop; Latin and other text is kept as is. Input past
// MaxRomanize bytes is ignored. Romanize never fails.
func Romanize(deva string) string {
	deva = cutAt(deva, MaxRomanize)
	deva = cleanDeva(deva)
	var b strings.Builder
	var word []syl
	flush := func() {
		writeWord(&b, word)
		word = word[:0]
	}
	for i := 0; i < len(deva); {
		r, w := utf8.DecodeRuneInString(deva[i:])
		i += w
		if r2, w2 := utf8.DecodeRuneInString(deva[i:]); r2 == nukta {
			if nf, ok := nuktaForm[r]; ok {
				r = nf
				i += w2
			}
		}
		if l, ok := devaLetters[r]; ok {
			switch l.kind {
			case 'c':
				word = append(word, syl{cons: l.latin, inherent: true})
			case 'v':
				word = append(word, syl{vowel: l.latin})
			case 'm':
				if n := len(word); n > 0 && word[n-1].cons != "" && word[n-1].inherent {
					word[n-1].inherent = false
					word[n-1].vowel = l.latin
				} else {
					word = append(word, syl{vowel: l.latin})
				}
			}
			continue
		}
		n := len(word)
		switch {
		case r == virama:
			if n > 0 {
				word[n-1].inherent = false
			}
		case r == nukta:
		case r == anusvara || r == '\u0901':
			if n > 0 && word[n-1].other == "" {
				word[n-1].nasal = true
			} else {
				word = append(word, syl{vowel: "", nasal: true})
			}
		case r == '\u0903':
			if n > 0 {
				word[n-1].visarga = true
			}
		case r >= '०' && r <= '९':
			word = append(word, syl{other: string('0' + (r - '०'))})
		case r == '।' || r == '॥':
			flush()
			b.WriteByte('.')
		case isDevanagari(r):
			// Other signs (avagraha, abbreviation sign, vedic marks): dropped.
		default:
			flush()
			b.WriteRune(r)
		}
	}
	flush()
	return b.String()
}

// cutAt returns s cut to at most n bytes, at a rune boundary.
func cutAt(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// MaxRomanize is the most bytes of input Romanize reads.
const MaxRomanize = 4096

// writeWord drops the inherent vowels Hindi does not pronounce, then writes
// the word.
func writeWord(b *strings.Builder, word []syl) {
	if len(word) == 0 {
		return
	}
	letters := 0
	for _, s := range word {
		if s.other == "" {
			letters++
		}
	}
	// voiced reports whether syllable k has a vowel; open, whether it also
	// ends in it (no nasal or visarga closes it).
	voiced := func(k int) bool {
		s := word[k]
		return s.other == "" && (s.inherent || s.vowel != "")
	}
	open := func(k int) bool { return voiced(k) && !word[k].nasal && !word[k].visarga }
	last := len(word) - 1
	// A final r after a virama keeps its a: "narendra", "kshetra", "mantra".
	conjunctR := last > 0 && word[last].cons == "r" && word[last-1].cons != "" && !word[last-1].inherent && word[last-1].vowel == ""
	if word[last].cons != "" && word[last].inherent && letters > 1 && !word[last].visarga && !conjunctR {
		word[last].inherent = false
	}
	for k := last - 1; k >= 1; k-- {
		s := &word[k]
		if s.cons == "" || !s.inherent || s.nasal || s.visarga {
			continue
		}
		// V C a C V: the previous syllable ends in a vowel and the next is a
		// consonant that has one; a consonant cluster before keeps the a.
		if open(k-1) && word[k+1].cons != "" && voiced(k+1) {
			s.inherent = false
		}
	}
	for k, s := range word {
		if s.other != "" {
			b.WriteString(s.other)
			continue
		}
		b.WriteString(s.cons)
		switch {
		case s.inherent:
			b.WriteByte('a')
		default:
			b.WriteString(s.vowel)
		}
		if s.nasal {
			switch {
			case k == last-1 && word[last].cons == "h":
				b.WriteString("ng")
			case k < last && isLabial(word[k+1].cons):
				b.WriteByte('m')
			default:
				b.WriteByte('n')
			}
		}
		if s.visarga {
			b.WriteByte('h')
		}
	}
}

func isLabial(cons string) bool {
	return cons == "p" || cons == "ph" || cons == "b" || cons == "bh" || cons == "m"
}
