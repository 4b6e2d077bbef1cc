package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/khabar-news/khabar/internal/news"
)

// sourceCheckEvery is how often pages look again whether any source
// exists, to decide whether the header links to /sources.
const sourceCheckEvery = 10 * time.Second

// maxErrorRunes is how much of a source's last error the page shows.
const maxErrorRunes = 140

// sourceFlag remembers whether the store has a source, so pages do not
// ask the store on every request.
type sourceFlag struct {
	mu      sync.Mutex
	has     bool
	checked time.Time
}

// showSources reports whether the header links to the sources page: the
// store keeps sources and has at least one. It asks the store at most
// every sourceCheckEvery; API writes update it at once.
func (s *Server) showSources() bool {
	if s.sources == nil {
		return false
	}
	f := &s.srcFlag
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.has || time.Since(f.checked) < sourceCheckEvery {
		return f.has
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	list, err := s.sources.ListSources(ctx)
	f.checked = time.Now()
	if err != nil {
		s.log.Error("list sources for the header", "err", err)
		return false
	}
	f.has = len(list) > 0
	return f.has
}

// sourcesChanged makes the next page ask the store again.
func (s *Server) sourcesChanged(has bool) {
	s.srcFlag.mu.Lock()
	s.srcFlag.has, s.srcFlag.checked = has, time.Time{}
	s.srcFlag.mu.Unlock()
}

// noSources answers when the store keeps no sources.
func (s *Server) noSources(w http.ResponseWriter) bool {
	if s.sources != nil {
		return false
	}
	writeJSON(w, http.StatusNotImplemented, errorBody{"this server's store keeps no sources"})
	return true
}

// sourceList is the JSON of GET /api/v1/sources.
type sourceList struct {
	Sources []news.Source `json:"sources"`
}

func (s *Server) apiListSources(w http.ResponseWriter, r *http.Request) {
	if s.noSources(w) {
		return
	}
	list, err := s.sources.ListSources(r.Context())
	if err != nil {
		s.log.Error("api list sources", "err", err)
		writeJSON(w, http.StatusInternalServerError, errorBody{"could not list the sources; please try again"})
		return
	}
	if list == nil {
		list = []news.Source{}
	}
	writeJSON(w, http.StatusOK, sourceList{list})
}

func (s *Server) apiSource(w http.ResponseWriter, r *http.Request) {
	if s.noSources(w) {
		return
	}
	id, ok := sourceID(w, r)
	if !ok {
		return
	}
	src, err := s.sources.Source(r.Context(), id)
	if errors.Is(err, news.ErrNotFound) {
		writeJSON(w, http.StatusNotFound, errorBody{fmt.Sprintf("no source has the id %d", id)})
		return
	}
	if err != nil {
		s.log.Error("api source", "id", id, "err", err)
		writeJSON(w, http.StatusInternalServerError, errorBody{"could not load the source; please try again"})
		return
	}
	writeJSON(w, http.StatusOK, src)
}

// sourceID reads the {id} of a source route, answering 400 when it is not
// a positive whole number.
func sourceID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	raw := r.PathValue("id")
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id < 1 {
		writeJSON(w, http.StatusBadRequest, errorBody{fmt.Sprintf("source id %s: want a positive whole number", quote(raw))})
		return 0, false
	}
	return id, true
}

// newSource is the body of POST /api/v1/sources.
type newSource struct {
	URL          string `json:"url"`
	Name         string `json:"name"`
	Language     string `json:"language"`
	Kind         string `json:"kind"`
	AllowPrivate bool   `json:"allow_private"`
	Interval     string `json:"interval"` // a Go duration such as "15m"
}

// source checks the request and turns it into a source to store; the
// error is a message for the client.
func (n *newSource) source() (*news.Source, error) {
	u, err := news.CanonicalSourceURL(n.URL)
	if err != nil {
		return nil, err
	}
	src := &news.Source{URL: u, Name: strings.TrimSpace(n.Name), Kind: news.SourceKind(strings.ToLower(strings.TrimSpace(n.Kind))),
		Language: strings.ToLower(strings.TrimSpace(n.Language)), AllowPrivate: n.AllowPrivate}
	if src.Kind == "" {
		src.Kind = news.SourceAuto
	}
	if l := src.Language; l != "" && !isLangCode(l) {
		return nil, fmt.Errorf("language %s: want an ISO 639 code such as \"hi\"", quote(n.Language))
	}
	if n.Interval != "" {
		d, err := time.ParseDuration(n.Interval)
		if err != nil || d < time.Minute || d > 7*24*time.Hour {
			return nil, fmt.Errorf("interval %s: want a duration from 1m to 168h, such as \"15m\"", quote(n.Interval))
		}
		src.Interval = d
	}
	if err := src.Validate(); err != nil {
		return nil, err
	}
	return src, nil
}

// isLangCode reports whether l looks like an ISO 639-1 or -3 code.
func isLangCode(l string) bool {
	if len(l) < 2 || len(l) > 3 {
		return false
	}
	for _, c := range l {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func (s *Server) apiAddSource(w http.ResponseWriter, r *http.Request) {
	if s.noSources(w) {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, min(s.cfg.MaxBodyBytes, 64<<10)))
	if err != nil {
		writeJSON(w, http.StatusRequestEntityTooLarge, errorBody{"the body is too large for one source"})
		return
	}
	var in newSource
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{"the body is not a source object: " + err.Error() +
			`; send {"url": "https://…", "name": "…", "language": "hi", "kind": "auto|feed|sitemap|site", "interval": "15m"}`})
		return
	}
	src, err := in.source()
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{err.Error()})
		return
	}
	if src.AllowPrivate && !s.cfg.AllowPrivate {
		writeJSON(w, http.StatusForbidden, errorBody{"allow_private is refused: this server was not started with --allow-private, " +
			"so sources may not reach private or loopback addresses; the operator can restart it with that flag"})
		return
	}
	got, err := s.sources.AddSource(r.Context(), src)
	if errors.Is(err, news.ErrExists) {
		writeJSON(w, http.StatusConflict, errorBody{fmt.Sprintf("a source with the URL %s already exists", src.URL)})
		return
	}
	if err != nil {
		s.log.Error("api add source", "url", src.URL, "err", err)
		writeJSON(w, http.StatusInternalServerError, errorBody{"could not store the source; please try again"})
		return
	}
	s.sourcesChanged(true)
	w.Header().Set("Location", "/api/v1/sources/"+strconv.FormatInt(got.ID, 10))
	writeJSON(w, http.StatusCreated, got)
}

// apiRemoveSources is DELETE /api/v1/sources?url=URL: the source with
// that URL (in any spelling CanonicalSourceURL accepts).
func (s *Server) apiRemoveSources(w http.ResponseWriter, r *http.Request) {
	if s.noSources(w) {
		return
	}
	raw := r.URL.Query().Get("url")
	if raw == "" {
		writeJSON(w, http.StatusBadRequest, errorBody{"say which source to delete: DELETE /api/v1/sources?url=URL or DELETE /api/v1/sources/{id}"})
		return
	}
	u, err := news.CanonicalSourceURL(raw)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{err.Error()})
		return
	}
	list, err := s.sources.ListSources(r.Context())
	if err != nil {
		s.log.Error("api delete source", "url", u, "err", err)
		writeJSON(w, http.StatusInternalServerError, errorBody{"could not list the sources; please try again"})
		return
	}
	for _, src := range list {
		if src.URL == u {
			s.removeSource(w, r, src.ID)
			return
		}
	}
	writeJSON(w, http.StatusNotFound, errorBody{fmt.Sprintf("no source has the URL %s", u)})
}

func (s *Server) apiRemoveSource(w http.ResponseWriter, r *http.Request) {
	if s.noSources(w) {
		return
	}
	if id, ok := sourceID(w, r); ok {
		s.removeSource(w, r, id)
	}
}

// removedSource is the JSON of a successful delete.
type removedSource struct {
	Deleted int64 `json:"deleted"`
}

func (s *Server) removeSource(w http.ResponseWriter, r *http.Request, id int64) {
	err := s.sources.RemoveSource(r.Context(), id)
	if errors.Is(err, news.ErrNotFound) {
		writeJSON(w, http.StatusNotFound, errorBody{fmt.Sprintf("no source has the id %d", id)})
		return
	}
	if err != nil {
		s.log.Error("api delete source", "id", id, "err", err)
		writeJSON(w, http.StatusInternalServerError, errorBody{"could not delete the source; please try again"})
		return
	}
	s.sourcesChanged(false)
	writeJSON(w, http.StatusOK, removedSource{id})
}

// sourcesView is the data of the sources page.
type sourcesView struct {
	Title   string
	Missing bool // the store keeps no sources at all
	Error   string
	Sources []sourceView
}

// sourceView is one source as the page shows it; every field is plain
// text that the template escapes.
type sourceView struct {
	ID                          int64
	Name, URL, Href, Kind, Lang string
	LastFetch, LastSuccess      string
	LastError, LastErrorFull    string
	PerDay                      string
	NextPoll                    string
	Disabled                    bool
	DisabledReason              string
	Failing                     bool
}

func (s *Server) sourcesPage(w http.ResponseWriter, r *http.Request) {
	v := &sourcesView{Title: "स्रोत — खबर"}
	if s.sources == nil {
		v.Missing = true
		s.render(w, r, http.StatusOK, "sources", v)
		return
	}
	list, err := s.sources.ListSources(r.Context())
	if err != nil {
		s.log.Error("sources page", "err", err)
		v.Error = "could not list the sources; please try again"
		s.render(w, r, http.StatusInternalServerError, "sources", v)
		return
	}
	now := time.Now()
	for _, src := range list {
		v.Sources = append(v.Sources, viewSource(src, now))
	}
	s.render(w, r, http.StatusOK, "sources", v)
}

// viewSource formats a source for the page.
func viewSource(src news.Source, now time.Time) sourceView {
	h := src.Health
	lang := orDefault(src.Language, "hi")
	sv := sourceView{
		ID: src.ID, Name: orDefault(src.Name, src.URL), URL: src.URL, Href: safeURL(src.URL),
		Kind: string(orDefault(string(src.Kind), string(news.SourceAuto))), Lang: langName(src.Language),
		LastFetch: orDefault(formatDate(h.LastFetch, lang), "कभी नहीं"), LastSuccess: orDefault(formatDate(h.LastSuccess, lang), "कभी नहीं"),
		LastErrorFull: h.LastError, LastError: clip(h.LastError, maxErrorRunes),
		Disabled: src.Disabled, DisabledReason: src.DisabledReason,
		Failing: h.LastError != "" && h.LastErrorAt.After(h.LastSuccess),
	}
	if src.Language == "" {
		sv.Lang = "स्वतः (auto)"
	}
	if h.ItemsPerDay > 0 {
		sv.PerDay = strconv.FormatFloat(h.ItemsPerDay, 'f', 1, 64)
	}
	switch {
	case src.Disabled:
		sv.NextPoll = "—"
	case h.NextPoll.IsZero() || !h.NextPoll.After(now):
		sv.NextPoll = "अभी (due now)"
	default:
		sv.NextPoll = formatDate(h.NextPoll, lang)
	}
	return sv
}

// clip shortens s to at most n runes, marking the cut with "…".
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
