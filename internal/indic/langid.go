package indic

import "strings"

// Detection is the result of DetectLanguage.
type Detection struct {
	Lang   string // ISO 639-1 code of the majority language, "" when unknown
	Script string // ISO 15924 code of the majority script ("Deva", "Latn", ...), "" when none
	Mixed  bool   // a second language is substantial too (in practice Hindi and English)
}

// mixedShare is the share of words the second language must reach (with at
// least mixedMinWords words) for a text to count as mixed.
const (
	mixedShare    = 0.2
	mixedMinWords = 2
)

// MaxDetectWords bounds how many words DetectLanguage reads.
const MaxDetectWords = 400

// DetectLanguage guesses the language of text, which may be as short as a
// headline or one paragraph. The script is decided first, by the Unicode
// block of each word's first letter; the majority script by word count wins.
// Within Devanagari, Hindi, Marathi and Nepali are told apart by their
// function words and suffixes (Marathi आहे, आणि, -च्या; Nepali छ, पनि,
// भएको, -हरू; Hindi है, और, में, नहीं), Hindi when nothing decides. Within
// Latin script, romanized Hindi ("kya hua bhai") is told from English by
// common Hindi words. Other scripts map to their main language in India
// (Bengali "bn", Gurmukhi "pa", Gujarati "gu", Oriya "or", Tamil "ta",
// Telugu "te", Kannada "kn", Malayalam "ml", Arabic script "ur").
//
// Mixed is set when the second most frequent language has at least a fifth
// of the words (and two or more): "Budget 2023: बजट में किसानों के लिए क्या है"
// is Hindi, mixed. Text without letters gives the zero Detection. Only the
// first MaxDetectWords words are read: a long article decides well before
// that, and detection stays cheap whatever the input size.
func DetectLanguage(text string) Detection {
	var (
		scriptWords = make(map[string]int, 4)
		langWords   = make(map[string]int, 4)
		deva        devanagariScore
		romanHindi  int
		english     int
		latinWords  int
		weak        bool // the second language has too little evidence to count
	)
	for i, tok := range Tokenize(text) {
		if i == MaxDetectWords {
			break
		}
		sc := tokenScript(tok.Text)
		if sc == "" {
			continue
		}
		scriptWords[sc]++
		switch sc {
		case ScriptDevanagari:
			deva.add(Normalize(tok.Text))
		case ScriptLatin:
			w := strings.ToLower(tok.Text)
			if isLanguageNeutral(w) {
				scriptWords[sc]--
				continue
			}
			latinWords++
			switch {
			case isRomanHindi(w):
				romanHindi++
			case isEnglish(w):
				english++
			}
		default:
			langWords[scriptLang(sc, tok.Text)]++
		}
	}
	for sc, n := range scriptWords {
		if n <= 0 {
			delete(scriptWords, sc)
		}
	}
	script := argmax(scriptWords)
	if script == "" {
		return Detection{}
	}
	if n := scriptWords[ScriptDevanagari]; n > 0 {
		langWords[deva.lang()] += n
	}
	if latinWords > 0 {
		// Unknown Latin words are shared out in proportion to the evidence;
		// with none, Latin script is English.
		unknown := latinWords - romanHindi - english
		hiShare := 0.0
		if romanHindi+english > 0 {
			hiShare = float64(romanHindi) / float64(romanHindi+english)
		}
		hiUnknown := int(float64(unknown)*hiShare + 0.5)
		langWords["hi"] += romanHindi + hiUnknown
		langWords["en"] += english + unknown - hiUnknown
		// Only words with evidence can make a Latin text mixed.
		if len(scriptWords) == 1 {
			weak = min(romanHindi, english) < mixedMinWords
		}
	}
	lang := argmax(langWords)
	d := Detection{Lang: lang, Script: script}
	total, second := 0, 0
	for l, n := range langWords {
		total += n
		if l != lang && n > second {
			second = n
		}
	}
	d.Mixed = d.Lang != "" && !weak && second >= mixedMinWords && float64(second) >= mixedShare*float64(total)
	return d
}

// tokenScript returns the script of the first letter of a token, or "" for
// numbers.
func tokenScript(tok string) string {
	for _, r := range tok {
		if classify(r) == classLetter {
			return ScriptOf(r)
		}
	}
	return ""
}

// scriptLang maps a script other than Devanagari and Latin to a language.
func scriptLang(script, word string) string {
	switch script {
	case ScriptBengali:
		return "bn"
	case ScriptGurmukhi:
		return "pa"
	case ScriptGujarati:
		return "gu"
	case ScriptOriya:
		return "or"
	case ScriptTamil:
		return "ta"
	case ScriptTelugu:
		return "te"
	case ScriptKannada:
		return "kn"
	case ScriptMalayalam:
		return "ml"
	case ScriptSinhala:
		return "si"
	case ScriptArabic:
		return "ur"
	case ScriptCyrillic:
		return "ru"
	case ScriptGreek:
		return "el"
	case ScriptHebrew:
		return "he"
	case ScriptThai:
		return "th"
	case ScriptHan:
		return "zh"
	case ScriptKana:
		return "ja"
	case ScriptHangul:
		return "ko"
	}
	return ""
}

// argmax returns the key with the largest count; ties go to the smaller key
// so the result does not depend on map order.
func argmax(m map[string]int) string {
	best, bestN := "", 0
	for k, n := range m {
		if k == "" {
			continue
		}
		if n > bestN || (n == bestN && k < best) {
			best, bestN = k, n
		}
	}
	return best
}
