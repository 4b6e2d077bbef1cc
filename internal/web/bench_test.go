package web

import (
	"net/http/httptest"
	"net/url"
	"testing"
)

// BenchmarkHandlers measures whole requests through the handler (routing,
// search with facets, hydration, template or JSON) on the sample archive.
func BenchmarkHandlers(b *testing.B) {
	s, _ := newTestServer(b, Config{})
	for _, bm := range []struct{ name, target string }{
		{"search-page", "/?q=" + url.QueryEscape("मानसून बारिश")},
		{"api-search", "/api/v1/search?q=" + url.QueryEscape("मानसून बारिश")},
		{"article-page", "/articles/sample-007"},
	} {
		target := bm.target
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
				if rec.Code != 200 {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}
