package indic

import (
	"strings"
	"unicode/utf8"
)

// devanagariScore collects evidence for Hindi, Marathi and Nepali from the
// normalized Devanagari words of a text.
type devanagariScore struct {
	hi, mr, ne int
}

// add scores one normalized Devanagari word.
func (s *devanagariScore) add(w string) {
	if _, ok := hindiMarkers[w]; ok {
		s.hi += 2
	}
	if _, ok := marathiMarkers[w]; ok {
		s.mr += 2
	}
	if _, ok := nepaliMarkers[w]; ok {
		s.ne += 2
	}
	for _, suf := range marathiSuffixes {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			s.mr++
			break
		}
	}
	for _, suf := range nepaliSuffixes {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			s.ne++
			break
		}
	}
	if strings.Contains(w, "ळ") || strings.Contains(w, "ऱ") {
		s.mr++ // the retroflex lateral and eyelash ra are Marathi spellings
	}
	if marathiGenitive(w) || marathiNeuter(w) {
		s.mr++
	}
}

// lang returns the best-scoring language, Hindi on a tie.
func (s *devanagariScore) lang() string {
	switch {
	case s.mr > s.hi && s.mr >= s.ne:
		return "mr"
	case s.ne > s.hi && s.ne > s.mr:
		return "ne"
	}
	return "hi"
}

// hindiMarkers are frequent Hindi words that Marathi and Nepali do not use
// as words.
var hindiMarkers = normalizedSetOf(
	"है", "हैं", "और", "के", "की", "में", "नहीं", "से", "ने", "यह", "वह", "था", "थी", "थे",
	"गया", "गई", "गए", "लिए", "भी", "कहा", "रहा", "रही", "रहे", "करने", "किया", "किए", "होगा",
	"हुआ", "हुई", "हुए", "साथ", "बाद", "अपने", "जाता", "जाती", "सकता", "सकते", "वाले", "इस",
	"उन्होंने", "करते", "करता", "लेकिन", "क्या", "कोई", "कुछ", "बहुत", "अब", "जब", "तक", "पहले",
)

// marathiMarkers are frequent Marathi words.
var marathiMarkers = normalizedSetOf(
	"आहे", "आहेत", "आणि", "नाही", "होते", "होता", "होती", "केले", "केली", "केला", "झाले", "झाला",
	"झाली", "या", "हे", "त्या", "त्यांनी", "यांनी", "त्यांच्या", "मात्र", "पण", "तसेच", "म्हणून",
	"येथे", "आता", "असे", "असून", "आली", "आला", "आले", "करण्यात", "साठी", "मध्ये", "सध्या",
	"काय", "होणार", "जाणार", "येणार", "नवी", "घेतला", "दिली", "दिले", "म्हणाले", "आपल्या",
	"करून", "त्यामुळे", "पुन्हा", "अनेक", "सर्व", "एका", "तर", "की", "अन्", "नवीन", "जाणून",
	"घ्या", "फक्त", "नव्हे", "सादर", "किती", "असेल", "होईल", "केलेली", "सर्वात", "पेक्षा",
)

// nepaliMarkers are frequent Nepali words.
var nepaliMarkers = normalizedSetOf(
	"छ", "छन्", "छैन", "हो", "होइन", "र", "पनि", "गरेको", "भएको", "गरे", "भने", "गर्न", "थियो",
	"थिए", "हुन्छ", "हुने", "गरेका", "भएका", "लागि", "अनि", "यो", "त्यो", "उनी", "उनले", "गर्ने",
	"गरी", "भन्ने", "रहेको", "रहेका", "सक्ने", "गरिएको", "नेपाल", "नेपालको", "हामी", "तपाईं",
	"मात्रै", "अहिले", "गर्दै", "भएपछि", "बताए", "जानकारी", "दिए", "सरकारले",
)

// marathiSuffixes end many Marathi words and few Hindi ones.
var marathiSuffixes = []string{
	"च्या", "ाचा", "ाची", "ाचे", "ांचा", "ांची", "ांचे", "ण्यात", "ण्याचा", "ण्याची", "ण्यासाठी",
	"णार", "मध्ये", "ल्याने", "ल्या", "तील", "कडून", "पासून", "साठी", "पेक्षा", "ण्यास", "ईल",
	"ताहेत", "तात",
}

// marathiGenitive reports whether w ends in the Marathi genitive -ची, -चा
// or -चे after a vowel sign or a plain consonant ("हिरोची", "पेट्रोलची").
// Hindi words ending so mostly have a cluster or nasal before the च
// ("बच्चे", "चर्चा", "पहुंचे", "रांची"), which do not count.
func marathiGenitive(w string) bool {
	var prev rune
	switch {
	case strings.HasSuffix(w, "ची"), strings.HasSuffix(w, "चा"), strings.HasSuffix(w, "चे"):
		prev, _ = utf8.DecodeLastRuneInString(w[:len(w)-len("ची")])
	default:
		return false
	}
	if prev == utf8.RuneError || prev == virama || prev == anusvara || prev == 'ी' || prev == 'ू' {
		return false
	}
	return utf8.RuneCountInString(w) > 4
}

// marathiNeuter reports whether w ends in a consonant with anusvara
// ("मोठं", "उचललं"), the Marathi neuter ending that Hindi does not write.
func marathiNeuter(w string) bool {
	last, n := utf8.DecodeLastRuneInString(w)
	if last != anusvara || n >= len(w) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(w[:len(w)-n])
	return isDevanagariConsonant(prev) && utf8.RuneCountInString(w) > 2
}

// nepaliSuffixes end many Nepali words and few Hindi ones.
var nepaliSuffixes = []string{"हरू", "हरु", "लाई", "एको", "एका", "्छ", "्छन्", "नुहोस्", "ेर"}

// isRomanHindi reports whether a lowercase Latin word is a common word of
// romanized Hindi that is not also an English word, or has a Hindi verb
// ending (-enge, -ega, -iye ...). Name-like endings (-kar, -wala) are not
// evidence: "Jaishankar" and "Ujjwala" appear in English text too.
func isRomanHindi(w string) bool {
	if _, ok := romanHindiWords[w]; ok {
		return true
	}
	if len(w) < 5 {
		return false
	}
	for _, suf := range [...]string{"enge", "ega", "egi", "iye", "oge", "unga", "ungi"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// romanHindiWords are frequent romanized Hindi words, in the spellings seen
// in social media and headlines, that are not English words.
var romanHindiWords = setOf(
	"hai", "hain", "ho", "hota", "hoti", "hote", "tha", "thi", "ka", "ki", "ke", "ko", "se",
	"mein", "mai", "mei", "ne", "bhi", "nahi", "nahin", "nhi", "kya", "kyu", "kyun", "kyon",
	"aur", "ye", "yeh", "wo", "woh", "vo", "ek", "koi", "kuch", "sab", "sabhi", "bahut", "bohot",
	"bhot", "bht", "accha", "acha", "achha", "thik", "theek", "kar", "karo", "karna", "karne",
	"karta", "karti", "karte", "kiya", "kiye", "kr", "kro", "raha", "rahi", "rahe", "rha", "rhi",
	"rhe", "gaya", "gayi", "gaye", "diya", "liya", "dekh", "dekho", "dekha", "jao", "jana", "jaa",
	"ja", "aa", "aaj", "kal", "abhi", "phir", "fir", "toh", "tum", "tu", "tera", "teri", "tere",
	"mera", "meri", "mere", "hum", "ham", "hamara", "humara", "hamare", "apna", "apni", "apne",
	"unka", "uska", "uski", "uske", "iska", "iski", "iske", "inka", "usko", "isko", "jab", "tab",
	"kab", "kahan", "yaha", "yahan", "waha", "wahan", "kaise", "kaisa", "kyunki", "lekin",
	"magar", "par", "pe", "wala", "wali", "wale", "log", "logo", "logon", "baat", "din", "raat",
	"saal", "ji", "bhai", "bhaiya", "didi", "yaar", "yar", "pyar", "pyaar", "dil", "zindagi",
	"jindagi", "desh", "sirf", "bas", "sahi", "galat", "chahiye", "chahte", "chahta", "sakta",
	"sakti", "sakte", "hoga", "hogi", "honge", "liye", "wajah", "matlab", "samajh", "pata",
	"bata", "batao", "bolo", "bola", "bole", "kaha", "kehna", "kehte", "sach", "naam", "kaam",
	"paisa", "paise", "ghar", "duniya", "sarkar", "ab", "bilkul", "sabse", "zyada", "jyada",
	"kam", "thoda", "thodi", "bada", "badi", "bade", "chota", "choti", "naya", "nayi", "aap",
	"aapka", "aapki", "aapke", "unke", "unki", "hue", "hua", "hui", "huye", "kisi", "sath",
	"saath", "baad", "pehle", "pahle", "tak", "jaise", "vaise", "aise", "waise", "itna", "itni",
	"kitna", "kitni", "mat", "na", "hoon", "hu", "hun", "mujhe", "tujhe", "unhe", "inhe",
	"humne", "maine", "usne", "sabko", "bina", "jaldi", "shayad", "zaroor", "jarur", "khud",
	"hamesha", "wapas", "aaya", "aayi", "aaye", "gya", "gyi", "rahega", "karenge", "dena",
	"lena", "de", "le", "do", "dono", "kyonki", "agar", "varna", "tabhi", "sabka", "kaun", "kon",
	"jo", "jis", "jise", "unko", "inko", "wahi", "yahi", "abb", "bhii", "hii", "jee", "lagta",
	"lagti", "lagte", "laga", "lagi", "mil", "mila", "mili", "mile", "chal", "chalo", "suno",
	"sun", "dekhte", "samjha", "yrr", "ni", "bhe", "hy", "h",
)

// englishMarkers are frequent English function words; they are evidence
// for English in Latin-script text.
var englishMarkers = setOf(
	"the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from",
	"with", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
	"can", "could", "should", "not", "no", "this", "that", "these", "those", "it", "its", "he",
	"she", "they", "we", "you", "your", "my", "our", "their", "his", "her", "i", "me", "what",
	"which", "who", "when", "where", "why", "how", "all", "just", "so", "if", "than", "then",
	"there", "here", "about", "after", "before", "over", "into", "out", "up", "new", "more",
	"says", "said", "good", "love", "like", "very", "only", "also", "now", "get", "got",
)

// isEnglish reports whether a lowercase Latin word is an English function
// word or has a spelling romanized Hindi rarely uses (-ing, -tion, -ck, wh-).
func isEnglish(w string) bool {
	if _, ok := englishMarkers[w]; ok {
		return true
	}
	if len(w) < 4 {
		return false
	}
	for _, suf := range [...]string{"ing", "tion", "sion", "ment", "ness", "ful", "less", "ous", "ity",
		"ive", "able", "ible", "ism", "ist", "ly", "ed", "ght", "ck", "tch", "ture", "ce", "se", "ty", "ry"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	for _, sub := range [...]string{"wh", "ph", "qu", "x", "ea", "ou", "ck", "tch", "ght", "th"} {
		if strings.Contains(w, sub) {
			return true
		}
	}
	return false
}

// isLanguageNeutral reports whether a lowercase Latin token says nothing
// about the language of the text around it: tokens with digits ("2023",
// "g20", "2023february"), month and weekday names and am/pm, which Indian
// sites print in English whatever the language of the article.
func isLanguageNeutral(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	w = strings.TrimPrefix(strings.TrimPrefix(w, "am"), "pm")
	_, ok := dateWords[w]
	return ok || w == ""
}

// dateWords are English month and weekday names and their abbreviations.
var dateWords = setOf(
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "ist",
)
