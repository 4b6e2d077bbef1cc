// Package indic handles Unicode text in Devanagari, other Indic scripts and
// Latin: word tokenization that never splits inside an akshara (matras,
// virama, nukta, anusvara, chandrabindu, visarga, ZWJ and ZWNJ stay inside
// words), normalization for matching, a small careful Hindi and English stop
// list, light suffix-stripping stemmers, and script and language detection.
//
// Nothing here changes stored text: Normalize and the stemmers produce keys
// for matching only. Every function is pure, allocation-conscious and safe
// for concurrent use; none of them panics on invalid UTF-8.
package indic
