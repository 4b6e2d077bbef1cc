package web

import "net/http"

// access says who may use a route.
type access int

const (
	open  access = iota // everyone, even on a private server
	read                // everyone, or token holders on a private server
	write               // token holders only
)

// route is one entry of the routing table.
type route struct {
	pattern string // a net/http ServeMux pattern with its method
	access  access
	api     bool // errors as JSON rather than pages
	handler http.HandlerFunc
}

// routes is every route the server has.
func (s *Server) routes() []route {
	return []route{
		{"GET /{$}", read, false, s.searchPage},
		{"GET /articles/{id}", read, false, s.articlePage},
		{"GET /sources", read, false, s.sourcesPage},
		{"GET /static/", open, false, s.staticFile},

		{"GET /api/v1/search", read, true, s.apiSearch},
		{"GET /api/v1/articles/{id}", read, true, s.apiArticle},
		{"POST /api/v1/articles", write, true, s.apiPostArticles},
		{"GET /api/v1/sources", read, true, s.apiListSources},
		{"POST /api/v1/sources", write, true, s.apiAddSource},
		{"DELETE /api/v1/sources", write, true, s.apiRemoveSources},
		{"GET /api/v1/sources/{id}", read, true, s.apiSource},
		{"DELETE /api/v1/sources/{id}", write, true, s.apiRemoveSource},
		{"GET /api/v1/openapi.json", read, true, s.apiOpenAPI},
		{"/api/", read, true, s.apiNotFound},

		{"GET /healthz", open, true, s.healthz},
		{"GET /metrics", read, false, s.metricsPage},
		{"/", read, false, s.notFound},
	}
}
