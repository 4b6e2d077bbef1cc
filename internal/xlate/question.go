package xlate

import "strings"

// questionWords are English words that ask rather than say: the sentence
// that answers a question does not repeat them, so a cross-language query
// drops them. "who" is here although the analyzer keeps it (for WHO);
// IsQuestionWord leaves a word written in capitals alone.
var questionWords = map[string]bool{
	"what": true, "which": true, "who": true, "whom": true, "whose": true,
	"when": true, "where": true, "why": true, "how": true,
	"many": true, "much": true, "whatever": true, "whenever": true,
}

// IsQuestionWord reports whether word is an English question word ("What",
// "how", "many") to drop from a cross-language query. A word written
// wholly in capitals ("WHO") is an acronym, not a question word.
func IsQuestionWord(word string) bool {
	if len(word) > 1 && word == strings.ToUpper(word) {
		return false
	}
	return questionWords[strings.ToLower(word)]
}
