package index

import "sort"

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

// facetCounter counts the sources and languages of the matches in one
// segment by ordinal, and adds them up by name across segments.
type facetCounter struct {
	src, lang []int
	bySrc     map[string]int
	byLang    map[string]int
}

func newFacetCounter() *facetCounter {
	return &facetCounter{bySrc: map[string]int{}, byLang: map[string]int{}}
}

// start prepares the counts of seg.
func (fc *facetCounter) start(seg *segment) {
	fc.src = resize(fc.src, len(seg.srcNames))
	fc.lang = resize(fc.lang, len(seg.langNames))
}

// finish adds the counts of seg to the totals by name.
func (fc *facetCounter) finish(seg *segment) {
	for o, c := range fc.src {
		if o > 0 && c > 0 {
			fc.bySrc[seg.srcNames[o]] += c
		}
	}
	for o, c := range fc.lang {
		if o > 0 && c > 0 {
			fc.byLang[seg.langNames[o]] += c
		}
	}
}

func resize(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// facets returns the counts, most frequent first (ties by value), at most
// size of each.
func (fc *facetCounter) facets(size int) *Facets {
	return &Facets{Sources: topCounts(fc.bySrc, size), Langs: topCounts(fc.byLang, size)}
}

func topCounts(m map[string]int, size int) []FacetCount {
	out := make([]FacetCount, 0, len(m))
	for v, c := range m {
		out = append(out, FacetCount{Value: v, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	if len(out) > size {
		out = out[:size]
	}
	return out
}
