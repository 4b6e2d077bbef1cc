package index

import (
	"sort"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
)

// Sort orders the hits of a search. The zero value is SortRelevance.
type Sort int

// The orders of hits.
const (
	// SortRelevance puts the best-scoring hits first (ties newest first);
	// a query with no word or phrase lists the newest first.
	SortRelevance Sort = iota
	// SortNewest puts the most recently published hits first (ties by
	// score); hits without a publication time come last.
	SortNewest
)

// MaxFacetSize is the largest Query.FacetSize.
const MaxFacetSize = 100

// FacetCount is one value of a keyword field and the number of matching
// documents that have it. Value is the KeywordValue form (lower-case).
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Facets counts the sources and languages of all documents matching a
// query (not only the page of hits), most frequent first, ties by value.
type Facets struct {
	Sources []FacetCount `json:"sources"`
	Langs   []FacetCount `json:"langs"`
}

// sortFields returns the Bleve sort order of q.
func sortFields(q Query) []string {
	switch {
	case q.Sort == SortNewest:
		return []string{"-" + FieldPublished, "-_score", "_id"}
	case len(q.Must) == 0 && len(q.Should) == 0:
		return []string{"-" + FieldPublished, "_id"}
	}
	// Relevance alone: a tie-breaker on another field makes Bleve load that
	// field's doc values for every matching document, which doubled the
	// cost of a common word at 65,000 articles. Equal scores keep Bleve's
	// stable internal order.
	return []string{"-_score"}
}

// addFacets asks req for the facets of q, if q wants them.
func addFacets(req *bleve.SearchRequest, q Query) {
	if q.FacetSize <= 0 {
		return
	}
	req.AddFacet(FieldSource, bleve.NewFacetRequest(FieldSource, q.FacetSize))
	req.AddFacet(FieldLang, bleve.NewFacetRequest(FieldLang, q.FacetSize))
}

// facetsOf reads the facets addFacets asked for; nil when none were.
func facetsOf(fr bsearch.FacetResults, q Query) *Facets {
	if q.FacetSize <= 0 {
		return nil
	}
	return &Facets{Sources: facetCounts(fr[FieldSource]), Langs: facetCounts(fr[FieldLang])}
}

func facetCounts(r *bsearch.FacetResult) []FacetCount {
	out := []FacetCount{}
	if r == nil || r.Terms == nil {
		return out
	}
	for _, t := range r.Terms.Terms() {
		if t == nil || t.Count <= 0 {
			continue
		}
		out = append(out, FacetCount{Value: t.Term, Count: t.Count})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}
