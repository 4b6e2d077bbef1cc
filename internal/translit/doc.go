// Package translit moves Hindi words between Latin and Devanagari script.
//
// Candidates turns a romanized word ("jaishankar", "Varanasi") into ranked
// Devanagari spellings. It decodes with a joint n-gram model over aligned
// chunk pairs (a Latin letter chunk with the Devanagari it spells, such as
// "sh"→"श", "aa"→"ा" or "a"→"" for the inherent vowel), smoothed with
// interpolated Kneser-Ney, under a beam search that only builds
// well-formed Devanagari (no vowel sign after a vowel, no virama after a
// sign). Schwa deletion, nasalisation, aspirates, retroflex/dental
// ambiguity and vowel length are all learned from the data as chunk
// choices in context. The final spellings are rescored by a character
// 5-gram model of the Devanagari training words, which knows what a
// Hindi word looks like.
//
// The tables are learned (Train) from the training split of the Dakshina
// Hindi romanization lexicon (common words) and from permissively licensed
// name lists in both scripts (election candidates, cricketers, towns; split
// into word pairs by SplitNamePair), shipped gzip'd under tables/ and
// embedded; they are parsed once, on first use. Rebuild them with
// "go generate ./internal/translit" (see gen/). They are derived in part
// from data under CC BY-SA 4.0, and so are shared under it too: see
// tables/README.md for every source and licence.
//
// CandidatesWith also takes a Vocabulary: known Devanagari words with
// counts (Words gathers them from text, such as the articles an archive
// holds). The vocabulary's words whose Key matches the input's are scored
// by the same model forced to spell them, join the candidates if the beam
// lost them, and get a bonus that grows with their count, so real words
// outrank spellings no text uses. No vocabulary is shipped.
//
// Romanize goes the other way with rules: a plain-ASCII reading of
// Devanagari as Hindi names are spelled in English news. Key folds a word
// of either script into a matching key (its doc comment lists exactly what
// it folds), so that "Jaishankar", "Jayshankar" and "जयशंकर" meet; Keys
// adds the keys of the likeliest Devanagari spellings of a Latin term, for
// queries against an index of keys.
//
// All functions and Words are safe for concurrent use, never panic on any input
// (invalid UTF-8 included) and cut input past a fixed size (MaxInput for
// Candidates, MaxRomanize for Romanize and Key) so time and memory stay
// bounded.
package translit
