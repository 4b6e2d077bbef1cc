// Package analysis turns text into index terms. It is the one place where
// index-time and query-time analysis are defined, so both always agree:
// tokenize by Unicode word rules (package indic), decide per word between
// Devanagari and Latin by script, stem lightly on the word as written, then
// normalize for matching and drop stop words.
//
// An Analyzer holds no mutable state and is safe for concurrent use.
package analysis
