package crawl

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/news"
)

var longCrawl = flag.Int("crawl.pages", 0, "TestLongCrawlMemory: article pages to crawl (0 skips)")

// bulkOutlet serves a sitemap of n article pages.
func bulkOutlet(t testing.TB, n int) *httptest.Server {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case r.URL.Path == "/sitemap.xml":
			var b bytes.Buffer
			b.WriteString(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
			for i := range n {
				fmt.Fprintf(&b, "<url><loc>%s/news/%d</loc></url>", srv.URL, i+1)
			}
			b.WriteString("</urlset>")
			w.Header().Set("Content-Type", "application/xml")
			w.Write(b.Bytes())
		case strings.HasPrefix(r.URL.Path, "/news/"):
			var i int
			fmt.Sscanf(r.URL.Path, "/news/%d", &i)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, articlePage(srv.URL, i, false))
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func crawlBulk(t testing.TB, n int) Stats {
	srv := bulkOutlet(t, n)
	ar := openArchive(t)
	addSource(t, ar, srv.URL+"/sitemap.xml", news.SourceSitemap)
	cr := newCrawler(ar, testFetcher())
	cr.Config.MaxItemsPerSource = n
	st, err := cr.RunOnce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Stored != n {
		t.Fatalf("stored: got %d, want %d (%+v)", st.Stored, n, st)
	}
	return st
}

// BenchmarkCrawl measures articles per second from a loopback outlet with
// politeness at 1 µs: go test -run '^$' -bench Crawl -benchtime 1x ./internal/crawl
func BenchmarkCrawl(b *testing.B) {
	const n = 500
	for b.Loop() {
		st := crawlBulk(b, n)
		b.ReportMetric(float64(st.Stored)/st.Elapsed.Seconds(), "articles/s")
	}
}

// TestLongCrawlMemory reports the heap before and after a long crawl:
// go test -run LongCrawlMemory -v -args -crawl.pages=5000 ./internal/crawl
func TestLongCrawlMemory(t *testing.T) {
	if *longCrawl == 0 {
		t.Skip("set -crawl.pages=N (after -args) to run a long crawl")
	}
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	st := crawlBulk(t, *longCrawl)
	after := heap()
	t.Logf("pages %d, stored %d in %s (%.0f articles/s); heap before %.1f MiB, after %.1f MiB",
		st.Pages, st.Stored, st.Elapsed, float64(st.Stored)/st.Elapsed.Seconds(), float64(before)/(1<<20), float64(after)/(1<<20))
}
