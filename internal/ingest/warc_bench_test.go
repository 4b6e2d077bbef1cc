package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/shareddata"

	"github.com/khabar-news/khabar/internal/archive"
	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/pipeline"
	"github.com/khabar-news/khabar/internal/search"
	"github.com/khabar-news/khabar/internal/warc"
)

var warcPages = flag.Int("warcpages", 10000, "pages in the benchmark WARC built from ../shared/data/extraction")

// ingestWARC runs a WARC file through extraction, the store and the index
// the way `khabar ingest` does, into a fresh data directory.
func ingestWARC(tb testing.TB, dataDir, path string) (pipeline.Stats, *archive.Archive) {
	tb.Helper()
	ctx := context.Background()
	ar, err := archive.Open(ctx, dataDir)
	if err != nil {
		tb.Fatal(err)
	}
	opts := extract.Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	var failures []string
	p := &pipeline.Pipeline{
		Store: ar.Store,
		Index: ar.Index,
		Extract: func(ctx context.Context, it ingest.Item) (*news.Article, error) {
			return archive.Extract(ctx, it, opts)
		},
		OnError: func(origin string, err error) {
			if len(failures) < 5 {
				failures = append(failures, origin+": "+err.Error())
			}
		},
	}
	items := make(chan ingest.Item)
	reader := &ingest.Reader{HTMLSniffer: extract.LooksLikeHTML}
	go func() {
		defer close(items)
		reader.ReadFile(ctx, path, func(it ingest.Item) bool {
			items <- it
			return true
		})
	}()
	st, err := p.Run(ctx, items)
	if err != nil {
		ar.Close()
		tb.Fatal(err)
	}
	if len(failures) > 0 {
		tb.Logf("first failures: %q", failures)
	}
	return st, ar
}

func TestIngestWARCEndToEnd(t *testing.T) {
	const bus = `<!doctype html><html lang="hi"><head><title>नगर निगम ने नई बस सेवा शुरू की</title></head><body><article>` +
		`<h1>नगर निगम ने नई बस सेवा शुरू की</h1><p>शहर के पूर्वी हिस्से में सोमवार से बीस नई बसें चलेंगी। ` +
		`निगम के अनुसार हर बस में महिलाओं के लिए आरक्षित सीटें होंगी और किराया पहले जैसा ही रहेगा।</p>` +
		`<p>यात्रियों ने कहा कि इससे दफ्तर पहुंचने में लगने वाला समय घटेगा।</p></article></body></html>`
	dir := t.TempDir()
	path := filepath.Join(dir, "crawl.warc.gz")
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, true)
	w.WriteWarcinfo("khabar test")
	if _, err := w.WriteResponse(&warc.Response{
		TargetURI: "https://nagar.example/city/bus-seva",
		Header:    http.Header{"Content-Type": {"text/html; charset=utf-8"}},
		Body:      []byte(bus),
	}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	st, ar := ingestWARC(t, filepath.Join(dir, "data"), path)
	defer ar.Close()
	if st.Ingested != 1 || st.Failed != 0 {
		t.Fatalf("got %+v, want 1 ingested and no failures", st)
	}
	res, err := ar.Searcher.Search(context.Background(), "बस सेवा", search.Options{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("search found %d hits, want 1", len(res.Hits))
	}
	if got, want := res.Hits[0].URL, "https://nagar.example/city/bus-seva"; got != want {
		t.Errorf("article URL: got %q, want %q (the WARC-Target-URI)", got, want)
	}
}

// sharedData finds ../shared/data next to the repository (or
// $KHABAR_SHARED_DATA) and skips when it is absent.
func sharedData(tb testing.TB) string {
	tb.Helper()
	return shareddata.Dir(tb)
}

// benchWARC builds a .warc.gz of n pages in dir from the HTML pages in
// shared/data/extraction, repeated as needed. Each copy gets its own target
// URI and loses its canonical and og:url links, so every page is a distinct
// article. It returns the path and the uncompressed WARC size.
func benchWARC(tb testing.TB, dir string, n int) (string, int64) {
	tb.Helper()
	root := filepath.Join(sharedData(tb), "extraction")
	var files []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html.gz") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		tb.Skipf("no *.html.gz under %s: skipping", root)
	}
	sort.Strings(files)
	path := filepath.Join(dir, "bench.warc.gz")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	counter := &countingWriter{}
	w := warc.NewWriter(f, true)
	w.WriteWarcinfo("khabar benchmark")
	unhook := strings.NewReplacer(`rel="canonical"`, `rel="x-canonical"`, `property="og:url"`, `property="x-og-url"`)
	date := time.Date(2025, 11, 18, 5, 0, 0, 0, time.UTC)
	for i := range n {
		src := files[i%len(files)]
		page, err := readGz(src)
		if err != nil {
			tb.Fatalf("%s: %v", src, err)
		}
		rel, _ := filepath.Rel(root, src)
		resp := &warc.Response{
			TargetURI: fmt.Sprintf("https://bench.khabar.example/%d/%s", i/len(files), escapePath(rel)),
			Date:      date,
			Header:    http.Header{"Content-Type": {"text/html"}},
			Body:      []byte(unhook.Replace(string(page))),
		}
		if _, err := w.WriteResponse(resp); err != nil {
			tb.Fatal(err)
		}
		// Count the uncompressed size by writing the same record again.
		warc.NewWriter(counter, false).WriteResponse(resp)
	}
	return path, counter.n
}

// escapePath turns a relative file path into a URL path.
func escapePath(rel string) string {
	parts := strings.Split(filepath.ToSlash(rel), "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

func readGz(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(zr, ingest.MaxDocumentBytes))
}

// BenchmarkWARCReader: records/s and MB/s (uncompressed WARC bytes) of
// ingest.ReadWARC alone over a .warc.gz of -warcpages pages.
//
//	go test -run XXX -bench WARCReader -benchtime 3x ./internal/ingest
func BenchmarkWARCReader(b *testing.B) {
	path, size := benchWARC(b, b.TempDir(), *warcPages)
	b.SetBytes(size)
	b.ResetTimer()
	var st ingest.WARCStats
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		st = ingest.ReadWARC(context.Background(), path, f, extract.LooksLikeHTML, nil, func(ingest.Item) bool { return true })
		f.Close()
	}
	b.ReportMetric(float64(st.Records)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(float64(st.Pages), "pages")
	b.ReportMetric(float64(st.Failed), "failed")
	if st.Pages+st.Failed != *warcPages {
		b.Errorf("read %d pages and %d failures, want %d records in all (%+v)", st.Pages, st.Failed, *warcPages, st)
	}
}

// BenchmarkWARCIngest: articles/s through reader, extraction, store and
// index, into a fresh data directory each time.
//
//	go test -run XXX -bench WARCIngest -benchtime 1x -timeout 60m ./internal/ingest
func BenchmarkWARCIngest(b *testing.B) {
	dir := b.TempDir()
	path, size := benchWARC(b, dir, *warcPages)
	b.SetBytes(size)
	b.ResetTimer()
	var st pipeline.Stats
	for i := 0; i < b.N; i++ {
		var ar *archive.Archive
		st, ar = ingestWARC(b, filepath.Join(dir, fmt.Sprint("data", i)), path)
		b.StopTimer()
		ar.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(st.Ingested+st.Unchanged)/st.Elapsed.Seconds(), "articles/s")
	b.ReportMetric(float64(st.Ingested), "ingested")
	b.ReportMetric(float64(st.Unchanged), "unchanged")
	b.ReportMetric(float64(st.Failed), "failed")
}
