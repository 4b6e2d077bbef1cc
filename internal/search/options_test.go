package search

import (
	"context"
	"fmt"
	"slices"
	"testing"
)

func TestSearchFacets(t *testing.T) {
	s, _ := newSearcher(t)
	tests := []struct {
		name, query    string
		sources, langs string
	}{
		{"a word", "भूकंप", "[amar-ujala:2]", "[hi:2]"},
		{"fallback counts the any-word hits", "बाढ़ मतदान", "[amar-ujala:1 bbc-hindi:1 dainik-jagran:1]", "[hi:3]"},
		{"filter only", "source:bbc-hindi", "[bbc-hindi:3]", "[hi:3]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := s.Search(context.Background(), tt.query, Options{Limit: 1, FacetSize: 10})
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.query, err)
			}
			if r.Facets == nil {
				t.Fatalf("Search(%q): got nil Facets", tt.query)
			}
			var src, lang []string
			for _, f := range r.Facets.Sources {
				src = append(src, fmt.Sprintf("%s:%d", f.Value, f.Count))
			}
			for _, f := range r.Facets.Langs {
				lang = append(lang, fmt.Sprintf("%s:%d", f.Value, f.Count))
			}
			if got := fmt.Sprint(src); got != tt.sources {
				t.Errorf("Search(%q) sources: got %q, want %q", tt.query, got, tt.sources)
			}
			if got := fmt.Sprint(lang); got != tt.langs {
				t.Errorf("Search(%q) langs: got %q, want %q", tt.query, got, tt.langs)
			}
		})
	}
	r, err := s.Search(context.Background(), "भूकंप", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Facets != nil {
		t.Errorf("Facets without FacetSize: got %+v, want nil", r.Facets)
	}
}

func TestSearchNewest(t *testing.T) {
	s, _ := newSearcher(t)
	// a10 and a11 are 45 minutes apart; a11 is the newer.
	r, err := s.Search(context.Background(), "भूकंप", Options{Newest: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := hitIDs(r), []string{"a11", "a10"}; !slices.Equal(got, want) {
		t.Errorf("newest first: got %q, want %q", got, want)
	}
	// A fallback query sorted by date: a06 (July), a07 (June), a09 (March).
	r, err = s.Search(context.Background(), "बाढ़ मतदान", Options{Newest: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := hitIDs(r), []string{"a06", "a07", "a09"}; !slices.Equal(got, want) {
		t.Errorf("fallback newest first: got %q, want %q", got, want)
	}
}
