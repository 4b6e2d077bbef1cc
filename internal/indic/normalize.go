package indic

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize folds s into its matching key. The stored text is never changed:
// use the result only to compare, index and look up. Normalize applies, in
// one pass:
//
//   - Unicode NFC (text that is only ASCII and Devanagari needs none, because
//     the only Devanagari compositions involve the nukta, which is folded);
//   - ZWJ, ZWNJ and soft hyphens removed;
//   - decimal digits of Devanagari and other Indic scripts to ASCII ("१८" →
//     "18");
//   - chandrabindu to anusvara ("अँधेरा" → "अंधेरा");
//   - a nasal consonant (ङ ञ ण न म) with virama before another consonant to
//     anusvara ("हिन्दी" → "हिंदी", "नवम्बर" → "नवंबर", "सम्बन्ध" → "संबंध");
//   - the nukta folded, for the precomposed letters (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ ऩ ऱ ऴ)
//     and the combining sign alike. ड़ and ढ़ fold too: they are distinct
//     sounds, but the nukta is so often left out in typed news text that
//     folding finds far more than it confuses (पेड़/पेड, पढ़ना/पढना);
//   - the visual-variant vowels अा अो अौ अॉ एे to आ ओ औ ऑ ऐ;
//   - letters lowercased (simple case mapping) and the right single quote
//     to an ASCII apostrophe.
//
// Everything else (spaces, punctuation, other scripts) is kept as is.
// Normalize returns s itself, without allocating, when nothing changes.
func Normalize(s string) string {
	return normalize(s, false)
}

// normalize is Normalize; composed says s is known to be in NFC (or to need
// none).
func normalize(s string, composed bool) string {
	var b []byte // nil until the first change
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if 'A' <= c && c <= 'Z' {
				b = grow(b, s, i)
				b = append(b, c+'a'-'A')
			} else if b != nil {
				b = append(b, c)
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !composed && !IsDevanagari(r) && !isJoiner(r) && r != utf8.RuneError {
			// Other scripts may need canonical composition first.
			composed = true
			if !norm.NFC.IsNormalString(s) {
				return normalize(norm.NFC.String(s), true)
			}
		}
		if r < 0x80 {
			if 'A' <= r && r <= 'Z' {
				b = grow(b, s, i)
				b = append(b, byte(r+'a'-'A'))
			} else if b != nil {
				b = append(b, byte(r))
			}
			i += w
			continue
		}
		out, consumed, changed := foldRune(s, i, r, w)
		if changed {
			b = grow(b, s, i)
			if out >= 0 {
				b = utf8.AppendRune(b, out)
			}
		} else if b != nil {
			b = append(b, s[i:i+consumed]...)
		}
		i += consumed
	}
	if b == nil {
		return s
	}
	return string(b)
}

// grow starts the output buffer with the unchanged prefix s[:i] when it does
// not exist yet.
func grow(b []byte, s string, i int) []byte {
	if b != nil {
		return b
	}
	b = make([]byte, 0, len(s))
	return append(b, s[:i]...)
}

// foldRune folds the non-ASCII rune r of width w at s[i:]. It returns the
// replacement (-1 to drop it), how many bytes of s it consumed and whether
// anything changed.
func foldRune(s string, i int, r rune, w int) (out rune, consumed int, changed bool) {
	switch {
	case r == utf8.RuneError && w == 1:
		return r, w, false
	case isJoiner(r), r == nukta:
		return -1, w, true
	case r == candrabindu:
		return anusvara, w, true
	case r >= 0x0958 && r <= 0x095f:
		return nuktaBase[r-0x0958], w, true
	case r == 0x0929:
		return 'न', w, true
	case r == 0x0931:
		return 'र', w, true
	case r == 0x0934:
		return 'ळ', w, true
	case r == 'ङ' || r == 'ञ' || r == 'ण' || r == 'न' || r == 'म':
		if n := nasalCluster(s, i+w); n > 0 {
			return anusvara, w + n, true
		}
		return r, w, false
	case r == 'अ' || r == 'ए':
		if i+w < len(s) {
			next, w2 := utf8.DecodeRuneInString(s[i+w:])
			if v, ok := vowelVariant(r, next); ok {
				return v, w + w2, true
			}
		}
		return r, w, false
	case r == '\u2019':
		return '\'', w, true
	case r >= 0x0966 && r <= 0x096f:
		return '0' + (r - 0x0966), w, true
	case r >= 0x0900 && r <= 0x097f:
		return r, w, false // other Devanagari is already folded
	}
	if d, ok := digitValue(r); ok {
		return rune('0' + d), w, true
	}
	if l := unicode.ToLower(r); l != r {
		return l, w, true
	}
	return r, w, false
}

// nuktaBase maps the precomposed nukta letters U+0958..U+095F to their base
// consonants.
var nuktaBase = [8]rune{'क', 'ख', 'ग', 'ज', 'ड', 'ढ', 'फ', 'य'}

// nasalCluster reports how many bytes after a nasal consonant at s[:j] belong
// to a nasal+virama cluster that folds to anusvara: an optional nukta and a
// virama, which must be followed (joiners aside) by a consonant. It returns 0
// when there is no such cluster.
func nasalCluster(s string, j int) int {
	k := j
	if k+3 <= len(s) && s[k:k+3] == "\u093c" {
		k += 3
	}
	if k+3 > len(s) || s[k:k+3] != "\u094d" {
		return 0
	}
	k += 3
	for m := k; m < len(s); {
		r, w := utf8.DecodeRuneInString(s[m:])
		if isJoiner(r) {
			m += w
			continue
		}
		if isDevanagariConsonant(r) {
			return k - j
		}
		return 0
	}
	return 0
}

// vowelVariant returns the independent vowel that the two-code-point
// spelling first+sign is commonly typed for.
func vowelVariant(first, sign rune) (rune, bool) {
	switch {
	case first == 'अ' && sign == '\u093e':
		return 'आ', true
	case first == 'अ' && sign == '\u094b':
		return 'ओ', true
	case first == 'अ' && sign == '\u094c':
		return 'औ', true
	case first == 'अ' && sign == '\u0949':
		return 'ऑ', true
	case first == 'ए' && sign == '\u0947':
		return 'ऐ', true
	}
	return 0, false
}
