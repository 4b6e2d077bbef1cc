package web

import (
	"context"
	"crypto/subtle"
	"embed"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/search"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// DefaultMaxBodyBytes bounds a request body when Config.MaxBodyBytes is 0.
const DefaultMaxBodyBytes = 8 << 20

// Config is how the server behaves. The zero value serves open reads and
// refuses writes.
type Config struct {
	// Token is the bearer token write endpoints need (and every endpoint
	// but /healthz and /static when Private is set). Empty refuses writes.
	Token string
	// Private requires Token for reads too; New fails when Private is set
	// without a Token.
	Private bool
	// MaxBodyBytes bounds a request body (DefaultMaxBodyBytes when 0).
	MaxBodyBytes int64
	// DataDir is the data directory whose size /metrics reports; empty
	// leaves the gauge out.
	DataDir string
	// AllowPrivate lets API clients add sources with allow_private set
	// (sources whose fetches may reach private and loopback addresses);
	// without it such requests are refused with 403. Only an operator
	// should turn it on (khabar serve --allow-private).
	AllowPrivate bool
	// Logger receives one line per request and the errors of handlers;
	// nil discards them.
	Logger *slog.Logger
}

// Searcher runs a search; *search.Searcher is one.
type Searcher interface {
	Search(ctx context.Context, query string, opts search.Options) (*search.Results, error)
}

// Index is the derived index that follows the store; *index.Index is one.
type Index interface {
	CatchUp(ctx context.Context, st news.Store) (int, error)
	LastSeq() (int64, error)
	DocCount() (int, error)
}

// Server serves the pages and the API. Create it with New; it is safe for
// concurrent use.
type Server struct {
	cfg      Config
	store    news.Store
	searcher Searcher
	index    Index
	log      *slog.Logger
	pages    map[string]*template.Template
	static   fs.FS
	metrics  *metrics
	mux      *http.ServeMux

	sources news.SourceStore // nil when the store keeps no sources
	srcFlag sourceFlag

	namesMu sync.Mutex
	names   map[string]string // keyword form of a source → its display name
}

// New returns a Server over the store st, searched by se, whose index ix
// follows st. When st is also a news.SourceStore the server serves
// the sources page and API; otherwise those answer that there are none. It parses the embedded templates and fails when one is
// broken, and fails on a Private config without a Token.
func New(cfg Config, st news.Store, se Searcher, ix Index) (*Server, error) {
	if st == nil || se == nil || ix == nil {
		return nil, errors.New("web: store, searcher and index are required")
	}
	if cfg.Private && cfg.Token == "" {
		return nil, errors.New("web: private mode needs an API token")
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	s := &Server{cfg: cfg, store: st, searcher: se, index: ix, log: cfg.Logger, names: map[string]string{}}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.sources, _ = st.(news.SourceStore)
	funcs := templateFuncs()
	funcs["showSources"] = s.showSources
	var err error
	if s.pages, err = parseTemplates(funcs); err != nil {
		return nil, err
	}
	if s.static, err = fs.Sub(staticFS, "static"); err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	s.metrics = newMetrics()
	s.mux = http.NewServeMux()
	for _, r := range s.routes() {
		s.mux.Handle(r.pattern, s.wrap(r))
	}
	return s, nil
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// parseTemplates parses each page template together with the layout.
func parseTemplates(funcs template.FuncMap) (map[string]*template.Template, error) {
	pages := map[string]*template.Template{}
	for _, name := range []string{"search", "article", "error", "sources"} {
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: parse template %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// statusWriter records the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// wrap adds what every route shares: security headers, the access check,
// a recovered panic, metrics and one log line.
func (s *Server) wrap(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h := sw.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("panic in handler", "route", rt.pattern, "panic", fmt.Sprint(v))
				if sw.status == 0 {
					s.fail(sw, r, rt, http.StatusInternalServerError, "internal error; the server log has the details")
				}
			}
			d := time.Since(start)
			status := sw.status
			if status == 0 {
				status = http.StatusOK
			}
			s.metrics.observe(rt.pattern, status, d)
			s.log.Info("request", "method", r.Method, "route", rt.pattern, "path", r.URL.Path,
				"status", status, "bytes", sw.bytes, "duration_ms", float64(d.Microseconds())/1000)
		}()
		if need := rt.access == write || (rt.access == read && s.cfg.Private); need {
			if code, msg := s.authorize(r, rt.access); code != 0 {
				if rt.api || code == http.StatusForbidden {
					sw.Header().Set("WWW-Authenticate", `Bearer realm="khabar"`)
				} else {
					sw.Header().Set("WWW-Authenticate", `Basic realm="khabar", charset="UTF-8"`)
				}
				s.fail(sw, r, rt, code, msg)
				return
			}
		}
		rt.handler(sw, r)
	})
}

// authorize checks the request's token: 0 when it may go on, else the
// status and a message saying what to do. Browsers may send the token as
// the password of HTTP Basic authentication (any user name).
func (s *Server) authorize(r *http.Request, a access) (int, string) {
	if s.cfg.Token == "" {
		return http.StatusForbidden, "this server has no API token, so writes are disabled; start it with KHABAR_API_TOKEN set"
	}
	got, ok := tokenOf(r.Header.Get("Authorization"))
	if !ok {
		what := "writing"
		if a == read {
			what = "this private server"
		}
		return http.StatusUnauthorized, fmt.Sprintf("%s needs the API token: send the header \"Authorization: Bearer TOKEN\"", what)
	}
	if subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) != 1 {
		return http.StatusForbidden, "the API token is wrong"
	}
	return 0, ""
}

// tokenOf reads the token of a Bearer or Basic Authorization header.
func tokenOf(h string) (string, bool) {
	scheme, rest, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	switch strings.ToLower(scheme) {
	case "bearer":
		return rest, rest != ""
	case "basic":
		raw, err := base64.StdEncoding.DecodeString(rest)
		if err != nil {
			return "", false
		}
		_, pass, ok := strings.Cut(string(raw), ":")
		return pass, ok && pass != ""
	}
	return "", false
}

// fail reports an error: JSON for the API, a page for people.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, rt route, code int, msg string) {
	if rt.api {
		writeJSON(w, code, errorBody{Error: msg})
		return
	}
	s.render(w, r, code, "error", errorPage{Status: code, Title: http.StatusText(code), Message: msg})
}

type errorBody struct {
	Error string `json:"error"`
}

// render executes a page template into a buffer first, so a failing
// template gives a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, code int, name string, data any) {
	var b strings.Builder
	if err := s.pages[name].ExecuteTemplate(&b, "layout", data); err != nil {
		s.log.Error("render page", "page", name, "path", r.URL.Path, "err", err)
		http.Error(w, "internal error while rendering the page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write([]byte(b.String()))
}
