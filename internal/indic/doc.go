// Package indic handles Unicode and Devanagari text: normalization for
// matching, word tokenization that never splits inside an akshara, stop
// words, light stemming, and script and language detection.
package indic
