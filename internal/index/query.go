package index

import (
	"errors"
	"time"
)

// Clause is one unit of a query, matched in any text field. Terms holds one
// entry per position and, in each, the terms any of which may stand there:
// one position is a term match, several are a phrase (consecutive
// positions). Terms are analyzed terms, as analysis.Analyzer emits them.
//
// Boost multiplies the clause's score; 0 means 1.
//
// Keys, when set on a clause of one position, are cross-script key terms
// (analysis.KeyTerm) that also match, in the key field, at KeyBoost times the
// weight of a body match (0 means DefaultKeyBoost): the clause matches a
// document with any of its terms in a text field or any of its keys in
// the key field, and one with both scores highest. Keys on a phrase are
// ignored: phrases match exactly.
type Clause struct {
	Terms    [][]string
	Boost    float64
	Keys     []string
	KeyBoost float64
}

// DefaultKeyBoost is the weight of a cross-script key match relative to a
// body match of the exact term (see Clause.Keys): low enough that a
// document matching in the query's own script ranks above one matching
// only across scripts. 0.1 scored best of 0.02–2 for English questions
// over Hindi text (XQuAD-R dev split, khabar eval search --lang en).
const DefaultKeyBoost = 0.1

// Term returns the clause matching one term.
func Term(t string) Clause { return Clause{Terms: [][]string{{t}}} }

// Phrase returns the clause matching the terms at consecutive positions.
func Phrase(terms ...string) Clause {
	c := Clause{Terms: make([][]string, len(terms))}
	for i, t := range terms {
		c.Terms[i] = []string{t}
	}
	return c
}

// Query is a search over the index. A document matches when it matches
// every Must clause, at least one Should clause if Must is empty, no
// MustNot clause, and every filter. Should clauses add to the score when
// Must is not empty. A query with no Must or Should clause matches every
// document that passes MustNot and the filters, newest first.
type Query struct {
	Must    []Clause
	Should  []Clause
	MustNot []Clause

	// Sources and Langs keep documents whose source (language) is any of
	// them; compared after KeywordValue. Empty means any.
	Sources []string
	Langs   []string
	// From and To keep documents published at or after From and before
	// To; a zero time leaves that side open. Documents without a
	// publication time never pass a date filter.
	From, To time.Time

	// Limit is the number of hits to return (default 10, at most
	// MaxLimit); Offset skips that many first hits.
	Limit, Offset int

	// Sort orders the hits (by relevance when zero).
	Sort Sort
	// FacetSize, when above zero, asks for Result.Facets with up to
	// that many values per field (at most MaxFacetSize).
	FacetSize int
}

// MaxLimit is the largest Query.Limit; Offset+Limit may be at most
// MaxWindow.
const (
	MaxLimit  = 1000
	MaxWindow = 10000
)

// Hit is one matching document.
type Hit struct {
	ID    string
	Score float64
}

// Result is the outcome of a search: Total matching documents, and the
// hits of the requested page, best first (ties newest first).
type Result struct {
	Total int
	Hits  []Hit
	// Facets is set when Query.FacetSize asked for it.
	Facets *Facets
}

// ErrEmptyQuery is returned by Search for a query with no clause and no
// filter at all.
var ErrEmptyQuery = errors.New("empty query")
