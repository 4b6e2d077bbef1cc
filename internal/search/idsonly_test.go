package search

import (
	"context"
	"slices"
	"testing"
)

// TestIDsOnly checks that IDsOnly ranks exactly as a full search, with the
// same total and facets, but leaves articles and snippets out.
func TestIDsOnly(t *testing.T) {
	s, _ := newSearcher(t)
	ctx := context.Background()
	for _, q := range []string{"भूकंप", "प्रदूषण नियंत्रण", "बाढ़ OR मतदान", "Jaishankar Putin"} {
		t.Run(q, func(t *testing.T) {
			full, err := s.Search(ctx, q, Options{Mode: AnyWord, FacetSize: 5})
			if err != nil {
				t.Fatal(err)
			}
			ids, err := s.Search(ctx, q, Options{Mode: AnyWord, FacetSize: 5, IDsOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			if full.Total == 0 {
				t.Fatalf("no hits for %q: the test needs some", q)
			}
			if got, want := hitIDs(ids), hitIDs(full); !slices.Equal(got, want) || ids.Total != full.Total {
				t.Errorf("got %v (total %d), want %v (total %d)", got, ids.Total, want, full.Total)
			}
			if ids.Facets == nil || len(ids.Facets.Langs) != len(full.Facets.Langs) {
				t.Errorf("got facets %+v, want %+v", ids.Facets, full.Facets)
			}
			for _, h := range ids.Hits {
				if h.Article != nil || h.Snippet != "" || h.Headline != "" {
					t.Errorf("hit %s carries article data: %+v", h.ID, h)
				}
			}
		})
	}
}
