package web

import (
	"context"
	"errors"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/khabar-news/khabar/internal/index"
	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/search"
)

// facetSize is the number of sources and languages listed beside results.
const facetSize = 12

type searchView struct {
	Title   string
	State   searchState
	Error   string
	Note    string
	Total   int
	First   int // 1-based number of the first hit shown
	Last    int
	Hits    []hitView
	Sources []facetView
	Langs   []facetView
	Sorts   []linkView
	Pages   []linkView
	Prev    string
	Next    string
	Dates   string // URL without the date range, when one is set
}

type hitView struct {
	ID, Headline, Source, Lang string
	Href                       string
	Published                  string
	ISO                        string
	Snippet                    template.HTML
}

type facetView struct {
	Value    string // the keyword form, for scripts and tests
	Label    string
	Count    int
	Href     string
	Selected bool
}

type linkView struct {
	Label   string
	Href    string
	Current bool
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	st, err := parseState(r.URL.Query())
	v := &searchView{Title: "खबर — खोज", State: st}
	if err != nil {
		v.Error = err.Error()
		s.render(w, r, http.StatusBadRequest, "search", v)
		return
	}
	if st.Empty() {
		s.render(w, r, http.StatusOK, "search", v)
		return
	}
	v.Title = st.Q + " — खबर"
	if _, err := search.Parse(st.Query()); err != nil {
		v.Error = err.Error()
		s.render(w, r, http.StatusBadRequest, "search", v)
		return
	}
	res, err := s.searcher.Search(r.Context(), st.Query(), st.Options(facetSize))
	if err != nil {
		s.log.Error("search page", "query", st.Query(), "err", err)
		v.Error = "the search failed; please try again"
		s.render(w, r, http.StatusInternalServerError, "search", v)
		return
	}
	s.fillSearchView(r.Context(), v, res)
	s.render(w, r, http.StatusOK, "search", v)
}

func (s *Server) fillSearchView(ctx context.Context, v *searchView, res *search.Results) {
	st := v.State
	v.Note, v.Total = res.Note, res.Total
	offset := (st.Page - 1) * PageSize
	if len(res.Hits) > 0 {
		v.First, v.Last = offset+1, offset+len(res.Hits)
	}
	for i := range res.Hits {
		h := &res.Hits[i]
		lang := ""
		if h.Article != nil {
			lang = h.Article.Language
		}
		s.rememberSource(h.Source)
		v.Hits = append(v.Hits, hitView{
			ID: h.ID, Headline: orDefault(h.Headline, "(बिना शीर्षक)"), Source: h.Source, Lang: lang,
			Href:      "/articles/" + url.PathEscape(h.ID),
			Published: formatDate(h.Published, lang), ISO: isoDate(h.Published),
			Snippet: template.HTML(h.Marked("<mark>", "</mark>", html.EscapeString)),
		})
	}
	if f := res.Facets; f != nil {
		for _, c := range f.Sources {
			name := s.sourceName(ctx, c.Value)
			v.Sources = append(v.Sources, facetView{c.Value, name, c.Count, st.ToggleSource(name).URL(), st.hasSource(name)})
		}
		for _, c := range f.Langs {
			v.Langs = append(v.Langs, facetView{c.Value, langName(c.Value), c.Count, st.ToggleLang(c.Value).URL(), st.hasLang(c.Value)})
		}
	}
	// Chosen filters with no hit left still get a link to remove them.
	for _, src := range st.Sources {
		if !containsLabel(v.Sources, src) {
			v.Sources = append(v.Sources, facetView{index.KeywordValue(src), src, 0, st.ToggleSource(src).URL(), true})
		}
	}
	for _, l := range st.Langs {
		if !containsLabel(v.Langs, langName(l)) {
			v.Langs = append(v.Langs, facetView{index.KeywordValue(l), langName(l), 0, st.ToggleLang(l).URL(), true})
		}
	}
	v.Sorts = []linkView{
		{"प्रासंगिकता", st.WithNewest(false).URL(), !st.Newest},
		{"नवीनतम", st.WithNewest(true).URL(), st.Newest},
	}
	if st.From != "" || st.To != "" {
		v.Dates = st.WithoutDates().URL()
	}
	v.Pages, v.Prev, v.Next = pagination(st, res.Total)
}

func containsLabel(fs []facetView, label string) bool {
	for _, f := range fs {
		if index.KeywordValue(f.Label) == index.KeywordValue(label) {
			return true
		}
	}
	return false
}

// pagination returns links to the pages around the current one, and to the
// previous and next pages ("" when there is none).
func pagination(st searchState, total int) (pages []linkView, prev, next string) {
	last := (total + PageSize - 1) / PageSize
	if last > maxPage {
		last = maxPage
	}
	if last <= 1 {
		return nil, "", ""
	}
	lo, hi := max(1, st.Page-3), min(last, st.Page+3)
	for p := lo; p <= hi; p++ {
		pages = append(pages, linkView{strconv.Itoa(p), st.WithPage(p).URL(), p == st.Page})
	}
	if st.Page > 1 {
		prev = st.WithPage(st.Page - 1).URL()
	}
	if st.Page < last {
		next = st.WithPage(st.Page + 1).URL()
	}
	return pages, prev, next
}

// rememberSource records the display name of a source seen in a hit.
func (s *Server) rememberSource(name string) {
	k := index.KeywordValue(name)
	if k == "" {
		return
	}
	s.namesMu.Lock()
	defer s.namesMu.Unlock()
	if _, ok := s.names[k]; !ok && len(s.names) < maxSourceNames {
		s.names[k] = name
	}
}

// maxSourceNames bounds the cache of source display names.
const maxSourceNames = 10000

// sourceName returns the display name of a source whose facet value is kw
// (the lower-cased keyword form): as an article spells it, looked up once
// and remembered, or kw itself.
func (s *Server) sourceName(ctx context.Context, kw string) string {
	s.namesMu.Lock()
	name, ok := s.names[kw]
	s.namesMu.Unlock()
	if ok {
		return name
	}
	if !strings.ContainsRune(kw, '"') {
		res, err := s.searcher.Search(ctx, `source:"`+kw+`"`, search.Options{Limit: 1})
		if err == nil && len(res.Hits) == 1 && index.KeywordValue(res.Hits[0].Source) == kw {
			s.rememberSource(res.Hits[0].Source)
			return res.Hits[0].Source
		}
	}
	return kw
}

type articleView struct {
	Title   string
	Article *news.Article
	Lang    string
	Date    string
	ISO     string
	Updated string
	Authors string
	URL     string // the original URL when it is http(s)
	Body    []blockView
	Related []linkView
}

type blockView struct {
	Kind, Text, Lang string
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	a, err := s.store.Get(r.Context(), id)
	if errors.Is(err, news.ErrNotFound) {
		s.render(w, r, http.StatusNotFound, "error", errorPage{Status: 404, Title: "लेख नहीं मिला",
			Message: "No article has the ID " + quote(id) + ". It may have been removed; try a search."})
		return
	}
	if err != nil {
		s.log.Error("article page", "id", id, "err", err)
		s.render(w, r, http.StatusInternalServerError, "error", errorPage{Status: 500, Title: "Error", Message: "could not load the article; please try again"})
		return
	}
	lang := orDefault(a.Language, "hi")
	v := &articleView{
		Title: orDefault(a.Headline, id) + " — खबर", Article: a, Lang: lang,
		Date: formatDate(a.Published, lang), ISO: isoDate(a.Published),
		Authors: strings.Join(a.Authors, ", "), URL: safeURL(a.URL),
	}
	if !a.Updated.IsZero() && !a.Updated.Equal(a.Published) {
		v.Updated = formatDate(a.Updated, lang)
	}
	for _, b := range a.Body {
		bl := b.Language
		if bl == lang {
			bl = ""
		}
		v.Body = append(v.Body, blockView{Kind: string(b.Kind), Text: b.Text, Lang: bl})
	}
	for _, l := range a.Related {
		v.Related = append(v.Related, linkView{Label: orDefault(l.Title, l.URL), Href: safeURL(l.URL)})
	}
	s.render(w, r, http.StatusOK, "article", v)
}

// safeURL returns u when it is an absolute http or https URL, else "".
func safeURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

type errorPage struct {
	Status  int
	Title   string
	Message string
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusNotFound, "error", errorPage{Status: 404, Title: "पेज नहीं मिला",
		Message: "There is no page at " + quote(r.URL.Path) + "."})
}

func (s *Server) staticFile(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.StripPrefix("/static/", http.FileServerFS(s.static)).ServeHTTP(w, r)
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// quote shortens and quotes user input for messages.
func quote(s string) string {
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	return "\"" + s + "\""
}
