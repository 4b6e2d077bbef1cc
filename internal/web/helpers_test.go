package web

import (
	"context"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	repo "github.com/khabar-news/khabar"
	"github.com/khabar-news/khabar/internal/archive"
	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/news"
)

const testToken = "s3cret-टोकन"

// evil is an article whose every field tries to run a script.
func evil() *news.Article {
	return &news.Article{
		ID: "evil-1", URL: "javascript:alert('url')", Source: `<b>Bad</b> "Source"`, Language: "hi",
		Kicker:     "<script>alert('kicker')</script>",
		Headline:   "ज़हरीला <script>alert('headline')</script> शीर्षक",
		Standfirst: `<img src=x onerror="alert('standfirst')">`,
		Published:  time.Date(2025, 11, 18, 10, 30, 0, 0, ist),
		Body: []news.Block{
			{Kind: news.Paragraph, Text: "यह ज़हरीला लेख है <script>alert('body')</script> और इसमें कोई खबर नहीं।"},
			{Kind: news.Heading, Text: "<h1>नकली शीर्षक</h1>"},
		},
		Tags:     []string{`"><script>alert('tag')</script>`},
		Related:  []news.Link{{Title: "<i>link</i>", URL: "javascript:alert('related')"}},
		Removed:  []string{"<iframe src=//evil.example></iframe>"},
		Warnings: []string{"<script>alert('warning')</script>"},
	}
}

// testArchive opens an archive in a temporary directory holding the
// shipped samples and the evil article.
func testArchive(t testing.TB) *archive.Archive {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	ar, err := archive.Open(ctx, filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ar.Close() })
	src := filepath.Join(dir, "samples")
	if err := os.CopyFS(src, repo.Samples()); err != nil {
		t.Fatal(err)
	}
	if n, err := loadFiles(ctx, ar, src); err != nil || n < 30 {
		t.Fatalf("load samples: %d ingested, %v; want 30", n, err)
	}
	if _, err := ar.Store.Put(ctx, evil()); err != nil {
		t.Fatal(err)
	}
	if _, err := ar.Index.CatchUp(ctx, ar.Store); err != nil {
		t.Fatal(err)
	}
	return ar
}

// loadFiles ingests the files under dir as khabar ingest does.
func loadFiles(ctx context.Context, ar *archive.Archive, dir string) (int, error) {
	files, errs := ingest.Files([]string{dir})
	if len(errs) > 0 {
		return 0, errs[0]
	}
	var firstErr error
	st, err := ar.IngestFiles(ctx, files, archive.IngestOptions{
		Extract: extract.Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, ist)},
		OnError: func(origin string, err error) {
			if firstErr == nil {
				firstErr = err
			}
		},
	})
	if err == nil {
		err = firstErr
	}
	return st.Ingested, err
}

// newTestServer returns a server over a sample archive.
func newTestServer(t testing.TB, cfg Config) (*Server, *archive.Archive) {
	t.Helper()
	ar := testArchive(t)
	if cfg.DataDir == "" {
		cfg.DataDir = ar.Dir
	}
	s, err := New(cfg, ar.Store, ar.Searcher, ar.Index)
	if err != nil {
		t.Fatal(err)
	}
	return s, ar
}

// do serves one request and returns the response and its body.
func do(t testing.TB, h http.Handler, method, target, body string, header ...string) (*http.Response, string) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, rd)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func base64Std(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
