package analysis

import "github.com/khabar-news/khabar/internal/indic"

// STUB: replaced by the real implementation.

// Token is one index term. Term is normalized and stemmed; Start and End are
// byte offsets of the source word in the analyzed text; Pos is the term's
// position among the emitted terms (stop words removed leave no gap).
type Token struct {
	Term       string
	Pos        int
	Start, End int
}

// Analyzer turns text into terms. The zero value is not usable; use New.
// It is safe for concurrent use.
type Analyzer struct{}

// New returns an Analyzer.
func New() *Analyzer { return &Analyzer{} }

// Analyze returns the index terms of text. lang is an ISO 639-1 hint ("hi",
// "en", ...); "" means decide per word from its script.
func (a *Analyzer) Analyze(text, lang string) []Token {
	var out []Token
	for _, t := range indic.Tokenize(text) {
		out = append(out, Token{Term: indic.Normalize(t.Text), Pos: len(out), Start: t.Start, End: t.End})
	}
	return out
}
