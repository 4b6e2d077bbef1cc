package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// FieldBoost is the weight of one text field in scoring.
type FieldBoost struct {
	Field string
	Boost float64
}

// TextFields returns the text fields a clause is matched against, with
// their boosts: a match in the headline counts more than one in the
// standfirst, which counts more than one in the body.
func TextFields() []FieldBoost {
	return []FieldBoost{
		{FieldHeadline, 3},
		{FieldStandfirst, 2},
		{FieldTags, 1.5},
		{FieldBody, 1},
	}
}

// Clause is one unit of a query, matched in any text field. Terms holds one
// entry per position and, in each, the terms any of which may stand there:
// one position is a term match, several are a phrase (consecutive
// positions). Terms are analyzed terms, as analysis.Analyzer emits them.
//
// Boost multiplies the clause's score; 0 means 1.
//
// Keys, when set on a clause of one position, are cross-script key terms
// (analysis.KeyTerm) that also match, in FieldXKey, at KeyBoost times the
// weight of a body match (0 means DefaultKeyBoost): the clause matches a
// document with any of its terms in a text field or any of its keys in
// FieldXKey, and one with both scores highest. Keys on a phrase are
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

// Search runs q and returns one page of hits. It fails on an invalid limit,
// offset, date range, or an empty clause, and with ErrEmptyQuery when q has
// no clause and no filter.
func (ix *Index) Search(ctx context.Context, q Query) (Result, error) {
	bq, err := build(q)
	if err != nil {
		return Result{}, fmt.Errorf("search: %w", err)
	}
	limit := q.Limit
	if limit == 0 {
		limit = 10
	}
	if limit < 0 || limit > MaxLimit {
		return Result{}, fmt.Errorf("search: limit %d out of range 0..%d", q.Limit, MaxLimit)
	}
	if q.Offset < 0 || q.Offset+limit > MaxWindow {
		return Result{}, fmt.Errorf("search: offset %d with limit %d goes beyond %d hits", q.Offset, limit, MaxWindow)
	}
	if q.Sort != SortRelevance && q.Sort != SortNewest {
		return Result{}, fmt.Errorf("search: unknown sort order %d", q.Sort)
	}
	if q.FacetSize < 0 || q.FacetSize > MaxFacetSize {
		return Result{}, fmt.Errorf("search: facet size %d out of range 0..%d", q.FacetSize, MaxFacetSize)
	}
	req := bleve.NewSearchRequestOptions(bq, limit, q.Offset, false)
	req.SortBy(sortFields(q))
	addFacets(req, q)
	sctx, err := ix.withBM25Stats(ctx)
	if err != nil {
		return Result{}, fmt.Errorf("search: %w", err)
	}
	res, err := ix.bi.SearchInContext(sctx, req)
	if err != nil {
		return Result{}, fmt.Errorf("search: %w", err)
	}
	out := Result{Total: int(res.Total), Hits: make([]Hit, 0, len(res.Hits)), Facets: facetsOf(res.Facets, q)}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, Hit{ID: h.ID, Score: h.Score})
	}
	return out, nil
}

// build turns q into a Bleve query.
func build(q Query) (query.Query, error) {
	filters, err := buildFilters(q)
	if err != nil {
		return nil, err
	}
	if len(q.Must) == 0 && len(q.Should) == 0 && len(q.MustNot) == 0 && len(filters) == 0 {
		return nil, ErrEmptyQuery
	}
	clauses := func(cs []Clause) ([]query.Query, error) {
		out := make([]query.Query, 0, len(cs))
		for _, c := range cs {
			cq, err := clauseQuery(c)
			if err != nil {
				return nil, err
			}
			out = append(out, cq)
		}
		return out, nil
	}
	must, err := clauses(q.Must)
	if err != nil {
		return nil, err
	}
	should, err := clauses(q.Should)
	if err != nil {
		return nil, err
	}
	mustNot, err := clauses(q.MustNot)
	if err != nil {
		return nil, err
	}
	b := bleve.NewBooleanQuery()
	if len(must) > 0 {
		b.AddMust(must...)
	}
	if len(should) > 0 {
		b.AddShould(should...)
		if len(must) == 0 {
			b.SetMinShould(1)
		}
	}
	if len(mustNot) > 0 {
		b.AddMustNot(mustNot...)
	}
	switch len(filters) {
	case 0:
	case 1:
		b.AddFilter(filters[0])
	default:
		b.AddFilter(bleve.NewConjunctionQuery(filters...))
	}
	return b, nil
}

// clauseQuery matches c in any text field, weighted by field.
func clauseQuery(c Clause) (query.Query, error) {
	if len(c.Terms) == 0 {
		return nil, errors.New("empty clause")
	}
	if c.Boost < 0 || math.IsNaN(c.Boost) || math.IsInf(c.Boost, 0) {
		return nil, fmt.Errorf("clause boost %v, want a finite number >= 0", c.Boost)
	}
	for i, alts := range c.Terms {
		if len(alts) == 0 {
			return nil, fmt.Errorf("clause position %d has no term", i)
		}
		for _, t := range alts {
			if t == "" {
				return nil, fmt.Errorf("clause position %d has an empty term", i)
			}
		}
	}
	if c.KeyBoost < 0 || math.IsNaN(c.KeyBoost) || math.IsInf(c.KeyBoost, 0) {
		return nil, fmt.Errorf("clause key boost %v, want a finite number >= 0", c.KeyBoost)
	}
	for _, k := range c.Keys {
		if k == "" {
			return nil, errors.New("clause has an empty key")
		}
	}
	keyed := len(c.Keys) > 0 && len(c.Terms) == 1
	scale := 1.0
	if c.Boost != 0 {
		scale = c.Boost
	}
	if keyed {
		// Bleve multiplies a disjunction's sum by the share of its parts
		// that match (coord), and ignores a disjunction's own boost. The
		// exact and key parts are scaled up on their terms so that a
		// document with only exact terms scores as it would without keys
		// and one key of several counts fully.
		scale *= 2
	}
	per := make([]query.Query, 0, len(TextFields()))
	for _, f := range TextFields() {
		boost := f.Boost * scale
		var fq query.Query
		if len(c.Terms) == 1 {
			fq = termsQuery(c.Terms[0], f.Field, boost)
		} else {
			pq := query.NewMultiPhraseQuery(c.Terms, f.Field)
			pq.SetBoost(boost)
			fq = pq
		}
		per = append(per, fq)
	}
	exact := bleve.NewDisjunctionQuery(per...)
	if !keyed {
		return exact, nil
	}
	kb := c.KeyBoost
	if kb == 0 {
		kb = DefaultKeyBoost
	}
	return bleve.NewDisjunctionQuery(exact, termsQuery(c.Keys, FieldXKey, kb*scale)), nil
}

// termsQuery matches any of terms in field, each at boost, scaled up by
// the number of terms to undo Bleve's coord: a document with one of them
// scores as if it were the only one asked for.
func termsQuery(terms []string, field string, boost float64) query.Query {
	if len(terms) == 1 {
		tq := bleve.NewTermQuery(terms[0])
		tq.SetField(field)
		tq.SetBoost(boost)
		return tq
	}
	alts := make([]query.Query, 0, len(terms))
	for _, t := range terms {
		tq := bleve.NewTermQuery(t)
		tq.SetField(field)
		tq.SetBoost(boost * float64(len(terms)))
		alts = append(alts, tq)
	}
	return bleve.NewDisjunctionQuery(alts...)
}

// buildFilters returns the unscored filters of q.
func buildFilters(q Query) ([]query.Query, error) {
	var out []query.Query
	keyword := func(field string, values []string) error {
		if len(values) == 0 {
			return nil
		}
		alts := make([]query.Query, 0, len(values))
		for _, v := range values {
			kv := KeywordValue(v)
			if kv == "" {
				return fmt.Errorf("empty %s filter value", field)
			}
			tq := bleve.NewTermQuery(kv)
			tq.SetField(field)
			alts = append(alts, tq)
		}
		if len(alts) == 1 {
			out = append(out, alts[0])
		} else {
			out = append(out, bleve.NewDisjunctionQuery(alts...))
		}
		return nil
	}
	if err := keyword(FieldSource, q.Sources); err != nil {
		return nil, err
	}
	if err := keyword(FieldLang, q.Langs); err != nil {
		return nil, err
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		if !q.From.IsZero() && !q.To.IsZero() && !q.From.Before(q.To) {
			return nil, fmt.Errorf("date range: from %s is not before to %s", q.From.Format(time.RFC3339), q.To.Format(time.RFC3339))
		}
		incl, excl := true, false
		// Bleve treats a zero time as an open end.
		dq := bleve.NewDateRangeInclusiveQuery(q.From.UTC(), q.To.UTC(), &incl, &excl)
		dq.SetField(FieldPublished)
		out = append(out, dq)
	}
	return out, nil
}
