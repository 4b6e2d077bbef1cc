package web

import (
	_ "embed"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/khabar-news/khabar/internal/index"
	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/search"
)

//go:embed openapi.json
var openAPI []byte

// MaxAPILimit is the largest limit= of GET /api/v1/search.
const MaxAPILimit = 100

// searchResponse is the JSON of GET /api/v1/search: the CLI's
// {"total","hits"} plus the facets and the note.
type searchResponse struct {
	Total  int            `json:"total"`
	Hits   []search.Hit   `json:"hits"`
	Facets *index.Facets  `json:"facets"`
	Note   string         `json:"note,omitempty"`
	Query  string         `json:"query"`
	Next   *nextPageQuery `json:"next,omitempty"`
}

// nextPageQuery tells a client how to ask for the next page.
type nextPageQuery struct {
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	st, err := parseState(v)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{err.Error()})
		return
	}
	limit, err := intParam(v, "limit", 10, 1, MaxAPILimit)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{err.Error()})
		return
	}
	offset, err := intParam(v, "offset", 0, 0, index.MaxWindow-limit)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{err.Error()})
		return
	}
	mode := search.AllWords
	switch m := v.Get("mode"); m {
	case "", "all":
	case "any":
		mode = search.AnyWord
	default:
		writeJSON(w, http.StatusBadRequest, errorBody{fmt.Sprintf("mode=%s: want all or any", quote(m))})
		return
	}
	query := st.Query()
	if _, err := search.Parse(query); err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{"q: " + err.Error()})
		return
	}
	res, err := s.searcher.Search(r.Context(), query, search.Options{Limit: limit, Offset: offset, Mode: mode, Newest: st.Newest, FacetSize: facetSize})
	if err != nil {
		s.log.Error("api search", "query", query, "err", err)
		writeJSON(w, http.StatusInternalServerError, errorBody{"the search failed; please try again"})
		return
	}
	out := searchResponse{Total: res.Total, Hits: res.Hits, Facets: res.Facets, Note: res.Note, Query: query}
	if out.Facets == nil {
		out.Facets = &index.Facets{Sources: []index.FacetCount{}, Langs: []index.FacetCount{}}
	}
	if next := offset + len(res.Hits); next < res.Total && next+limit <= index.MaxWindow && len(res.Hits) > 0 {
		out.Next = &nextPageQuery{Offset: next, Limit: limit}
	}
	writeJSON(w, http.StatusOK, out)
}

// intParam reads an integer parameter in [lo, hi], def when absent.
func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%s=%q: want a whole number from %d to %d", name, s, lo, hi)
	}
	return n, nil
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	a, err := s.store.Get(r.Context(), id)
	if errors.Is(err, news.ErrNotFound) {
		writeJSON(w, http.StatusNotFound, errorBody{fmt.Sprintf("no article has the id %s", quote(id))})
		return
	}
	if err != nil {
		s.log.Error("api article", "id", id, "err", err)
		writeJSON(w, http.StatusInternalServerError, errorBody{"could not load the article; please try again"})
		return
	}
	writeJSON(w, http.StatusOK, a)
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(openAPI)
}

func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusNotFound, errorBody{fmt.Sprintf("no API route %s %s; see /api/v1/openapi.json", r.Method, quote(r.URL.Path))})
}

// health is the JSON of /healthz.
type health struct {
	Status string      `json:"status"`
	Store  storeHealth `json:"store"`
	Index  indexHealth `json:"index"`
	Time   time.Time   `json:"time"`
}

type storeHealth struct {
	Articles int    `json:"articles"`
	LastSeq  int64  `json:"last_seq"`
	Error    string `json:"error,omitempty"`
}

type indexHealth struct {
	Documents int    `json:"documents"`
	LastSeq   int64  `json:"last_seq"`
	Lag       int64  `json:"lag"`
	Error     string `json:"error,omitempty"`
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	h := health{Status: "ok", Time: time.Now().UTC().Truncate(time.Second)}
	var err error
	if h.Store.Articles, err = s.store.Count(r.Context()); err == nil {
		h.Store.LastSeq, err = s.store.LastSeq(r.Context())
	}
	if err != nil {
		h.Status, h.Store.Error = "error", err.Error()
	}
	if h.Index.Documents, err = s.index.DocCount(); err == nil {
		h.Index.LastSeq, err = s.index.LastSeq()
	}
	if err != nil {
		h.Status, h.Index.Error = "error", err.Error()
	}
	if h.Status == "ok" {
		h.Index.Lag = max(0, h.Store.LastSeq-h.Index.LastSeq)
	}
	code := http.StatusOK
	if h.Status != "ok" {
		s.log.Error("health check failed", "store", h.Store.Error, "index", h.Index.Error)
		code = http.StatusServiceUnavailable
	}
	writeJSON(w, code, h)
}
