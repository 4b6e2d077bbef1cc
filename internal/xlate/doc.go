// Package xlate translates English query words into Hindi search terms, so
// that an English question can find Hindi articles whose words are not
// transliterations of its own ("government" → सरकार, "century" → सदी).
// Names and loanwords are left to the cross-script keys of package
// analysis; xlate covers the ordinary vocabulary.
//
// A Dictionary maps an English word, looked up by its light stem
// (indic.StemEnglish, as the analyzer stems Latin words), to weighted Hindi
// renderings written as words (the caller analyzes them as Hindi). Default
// is two embedded tables, the second filling in words the first lacks:
//
//   - glossary.tsv, common English news and general vocabulary written by
//     the khabar authors from general knowledge (weight 1);
//   - learned.tsv, a word-translation table learned with IBM Model 1 from
//     the dev half of the XQuAD-R parallel English/Hindi questions
//     (weights are translation probabilities; CC BY-SA 4.0, see
//     LEARNED.md). It is rebuilt by "go test ./internal/xlate -run
//     TestLearnedTable -update" from the shared data.
//
// IsQuestionWord names the English question words ("what", "how") that a
// cross-language query drops: the answer does not repeat them.
//
// Dictionaries are immutable once built and safe for concurrent use.
package xlate
