package indic

// IsStopword reports whether word is a Hindi or English function word that
// the analyzer drops. word is compared after Normalize, so "हैँ", "हैं" and
// "The" are all found. The list is deliberately small: postpositions,
// copulas, conjunctions, pronouns and particles. Content words that larger
// lists drop are kept — "घर", "एक", "दो", "कर", "गया", "कहा" — and so is
// "एस", the "S." of "एस. जयशंकर". In English, "it", "us", "who" and "may"
// are kept because in news they are usually IT, US, WHO and May.
func IsStopword(word string) bool {
	return IsNormalizedStopword(Normalize(word))
}

// IsNormalizedStopword is IsStopword for a word that is already the result
// of Normalize; it does not allocate.
func IsNormalizedStopword(norm string) bool {
	_, ok := stopwords[norm]
	return ok
}

// stopwords holds the normalized stop words of both languages.
var stopwords = normalizedSetOf(
	// Hindi postpositions and case markers.
	"का", "के", "की", "को", "में", "से", "ने", "पर", "तक", "लिए", "द्वारा",
	// copulas and auxiliaries of "to be".
	"है", "हैं", "था", "थे", "थी", "थीं", "हो", "हूं", "होता", "होती", "होते",
	// "to do" and "to become" as auxiliaries.
	"हुआ", "हुई", "हुए", "हुईं", "किया", "किए", "किये", "रहा", "रही", "रहे",
	// conjunctions and particles.
	"और", "एवं", "तथा", "व", "या", "कि", "तो", "भी", "ही", "नहीं", "न", "अगर", "लेकिन", "परंतु", "किंतु",
	// pronouns and determiners.
	"यह", "वह", "ये", "वे", "इस", "उस", "इन", "उन", "इसे", "उसे", "इन्हें", "उन्हें",
	"इसका", "इसके", "इसकी", "उसका", "उसके", "उसकी", "इनका", "इनके", "इनकी", "उनका", "उनके", "उनकी",
	"इसमें", "उसमें", "इनमें", "उनमें", "इसने", "उसने", "इन्होंने", "उन्होंने",
	"अपना", "अपने", "अपनी", "जो", "जिस", "जिसे", "जिन", "जिसके", "जिसकी", "जिसका",
	"जिन्होंने", "जिसने", "जिनके", "जिनकी", "जिनका", "जिसमें", "जिनमें", "जिससे", "जिनसे",
	// question words: they ask, the answer does not repeat them.
	"क्या", "कौन", "कौनसा", "कौनसी", "कौनसे", "किस", "किसे", "किसने", "किसको", "किसका",
	"किसकी", "किसके", "किसमें", "किससे", "किन", "किन्हें", "किनके", "किनकी", "किनका", "किसी", "कोई",
	"कितना", "कितने", "कितनी", "कब", "कहां", "कैसे", "कैसा", "कैसी", "क्यों",
	// English.
	"a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from",
	"with", "as", "into", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have",
	"had", "do", "does", "did", "not", "no", "that", "this", "these", "those", "its", "he",
	"she", "they", "we", "his", "her", "their", "our", "i", "you", "your", "my", "which",
	"there", "than", "then", "so", "if", "will", "would", "should", "can", "could",
)

// normalizedSetOf builds a lookup set of the normalized forms of words.
func normalizedSetOf(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[Normalize(w)] = struct{}{}
	}
	return m
}
