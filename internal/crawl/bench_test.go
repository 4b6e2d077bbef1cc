package crawl

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/khabar-news/khabar/internal/news"
)

var longCrawl = flag.Int("crawl.pages", 0, "TestLongCrawlMemory: article pages to crawl (0 skips)")

// bulkOutlet serves a sitemap of n article pages. onPage, when not nil, is
// called with the number of article pages served so far.
func bulkOutlet(t testing.TB, n int, onPage func(served int64)) *httptest.Server {
	var served atomic.Int64
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
			if c := served.Add(1); onPage != nil {
				onPage(c)
			}
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func crawlBulk(t testing.TB, n int, onPage func(int64)) Stats {
	srv := bulkOutlet(t, n, onPage)
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
		st := crawlBulk(b, n, nil)
		b.ReportMetric(float64(st.Stored)/st.Elapsed.Seconds(), "articles/s")
	}
}

// TestLongCrawlMemory crawls a long sitemap and samples the live heap
// (after a GC) every tenth of the way. Memory must stay flat: what the
// crawl holds is bounded by its batches, not by how many pages it has
// seen. The default is 2,000 pages; -crawl.pages=N runs a longer crawl:
// go test -run LongCrawlMemory -v ./internal/crawl -args -crawl.pages=5000
func TestLongCrawlMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("long crawl")
	}
	n := *longCrawl
	if n == 0 {
		n = 2000
	}
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	var mu sync.Mutex
	var samples []uint64
	step := int64(n / 10)
	st := crawlBulk(t, n, func(served int64) {
		if served%step == 0 {
			h := heap()
			mu.Lock()
			samples = append(samples, h)
			mu.Unlock()
		}
	})
	mib := func(b uint64) float64 { return float64(b) / (1 << 20) }
	var parts []string
	for _, h := range samples {
		parts = append(parts, fmt.Sprintf("%.1f", mib(h)))
	}
	t.Logf("pages %d, stored %d in %s (%.0f articles/s); live heap every %d pages (MiB): %s",
		st.Pages, st.Stored, st.Elapsed, float64(st.Stored)/st.Elapsed.Seconds(), step, strings.Join(parts, " "))
	if len(samples) < 4 {
		t.Fatalf("got %d heap samples, want at least 4", len(samples))
	}
	// Batches in flight make single samples noisy, so compare medians: the
	// second half of the crawl (sample 0 is before the sitemap is held) may
	// not sit higher than the first half by more than one batch's worth.
	mid := 1 + (len(samples)-1)/2
	early, late := median(samples[1:mid]), median(samples[mid:])
	if late > early+48<<20 {
		t.Errorf("median live heap grew from %.1f MiB (first half) to %.1f MiB (second half), want it flat", mib(early), mib(late))
	}
}

func median(xs []uint64) uint64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
