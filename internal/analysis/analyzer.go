package analysis

import (
	"strings"

	"github.com/khabar-news/khabar/internal/indic"
)

// Token is one index term. Term is stemmed and normalized; Start and End are
// byte offsets of the source word in the analyzed text, so text[Start:End]
// is the whole word as written (for highlighting); Pos is the term's
// position among the emitted terms (stop words removed leave no gap).
type Token struct {
	Term       string
	Pos        int
	Start, End int
}

// Analyzer turns text into terms. Create one with New; its only state is a
// bounded cache of cross-script keys, and it is safe for concurrent use by
// any number of goroutines.
type Analyzer struct {
	keys *keyCache // memoizes WordKeys; nil in the zero value (no cache)
}

// New returns an Analyzer.
func New() *Analyzer { return &Analyzer{keys: newKeyCache(maxCachedKeys)} }

// Analyze returns the index terms of text in order. lang is an ISO 639-1
// hint: "" and "hi" (and any language not named below) analyze Devanagari
// words as Hindi — Hindi stop words dropped, Hindi suffixes stripped;
// "mr", "ne", "sa" and other Devanagari languages only normalize Devanagari
// words, because Hindi suffixes and stop words would be wrong for them.
// Latin words are always lowercased, English stop words dropped and
// lightly stemmed (indic.StemEnglish), whatever lang says. Numbers are
// normalized to ASCII digits with grouping commas removed ("१,२००" →
// "1200"). Words of other scripts are normalized only.
//
// Each word is stemmed as written and then normalized (indic.Normalize),
// so suffixes spelled with long vowels and either nasal sign are all
// recognized. Analyze never fails; text without words gives nil.
func (a *Analyzer) Analyze(text, lang string) []Token {
	toks := indic.Tokenize(text)
	if len(toks) == 0 {
		return nil
	}
	hindi := isHindiLike(lang)
	out := make([]Token, 0, len(toks))
	for _, t := range toks {
		term, ok := analyzeWord(t.Text, hindi)
		if !ok {
			continue
		}
		out = append(out, Token{Term: term, Pos: len(out), Start: t.Start, End: t.End})
	}
	return out
}

// Terms returns only the Term of each token of Analyze(text, lang).
func (a *Analyzer) Terms(text, lang string) []string {
	toks := a.Analyze(text, lang)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Term
	}
	return out
}

// isHindiLike reports whether Devanagari words of a text in lang get the
// Hindi stop list and stemmer.
func isHindiLike(lang string) bool {
	switch strings.ToLower(lang) {
	case "mr", "ne", "sa", "kok", "mai", "bho", "new", "sd", "doi", "brx":
		return false
	}
	return true
}

// wordKind is how a token is analyzed.
type wordKind uint8

const (
	kindDevanagari wordKind = iota // Devanagari letters (digits allowed)
	kindLatin                      // Latin letters only, apostrophes allowed
	kindNumber                     // digits, decimal points and grouping commas only
	kindOther                      // other scripts, letter-digit mixes
)

// analyzeWord returns the term for one token, or false when it is a stop
// word.
func analyzeWord(word string, hindi bool) (string, bool) {
	switch classifyWord(word) {
	case kindDevanagari:
		norm := indic.Normalize(word)
		if !hindi {
			return norm, true
		}
		if indic.IsNormalizedStopword(norm) {
			return "", false
		}
		stem := indic.StemHindi(word)
		if len(stem) == len(word) {
			return norm, true
		}
		return indic.Normalize(stem), true
	case kindLatin:
		lower := indic.Normalize(word)
		if indic.IsNormalizedStopword(lower) {
			return "", false
		}
		return indic.StemEnglish(lower), true
	case kindNumber:
		n := indic.Normalize(word)
		if strings.IndexByte(n, ',') >= 0 {
			n = strings.ReplaceAll(n, ",", "")
		}
		return n, true
	}
	return indic.Normalize(word), true
}

// classifyWord decides how a token is analyzed from its characters.
func classifyWord(word string) wordKind {
	var deva, latin, digit, other bool
	for _, r := range word {
		switch {
		case r >= '0' && r <= '9', r >= 0x0966 && r <= 0x096f:
			digit = true
		case r == '.' || r == ',':
		case r < 0x80, r == '\u2019':
			latin = true
		case indic.IsDevanagari(r):
			deva = true
		case r == '\u200c' || r == '\u200d' || r == '\u00ad':
		default:
			if indic.ScriptOf(r) == indic.ScriptLatin {
				latin = true
			} else {
				other = true
			}
		}
	}
	switch {
	case other:
		return kindOther
	case deva && !latin:
		return kindDevanagari
	case latin && !deva && !digit:
		return kindLatin
	case digit && !deva && !latin:
		return kindNumber
	}
	return kindOther
}
