package crawl

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"sync/atomic"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/archive"
	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/fetch"
	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/pipeline"
	"github.com/khabar-news/khabar/internal/warc"
)

func TestHealthAccounting(t *testing.T) {
	var hits429 atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/gone.xml":
			http.Error(w, "नहीं मिला", http.StatusNotFound)
		case "/down.xml":
			http.Error(w, "सर्वर व्यस्त", http.StatusServiceUnavailable)
		case "/broken.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss><channel><title>टूटा`)
		case "/busy.xml":
			if hits429.Add(1) == 1 {
				w.Header().Set("Retry-After", "0")
				http.Error(w, "बहुत अनुरोध", http.StatusTooManyRequests)
				return
			}
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>ठीक</title><item><title>एक खबर</title><link>/a/1</link></item></channel></rss>`)
		case "/a/1":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, articlePage("", 1, false))
		}
	}))
	defer srv.Close()
	ctx := context.Background()
	ar := openArchive(t)
	cases := []struct {
		path             string
		hard, soft, fail int
		disabled         bool
	}{
		{"/gone.xml", 2, 0, 1, true},
		{"/down.xml", 0, 2, 1, false},
		{"/broken.xml", 2, 0, 1, true},
		{"/busy.xml", 0, 0, 0, false},
	}
	ids := map[string]int64{}
	for _, c := range cases {
		ids[c.path] = addSource(t, ar, srv.URL+c.path, news.SourceFeed).ID
	}
	cr := newCrawler(ar, testFetcher())
	cr.Config.MaxHardFailures = 2
	for range 2 {
		if _, err := cr.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			s, err := ar.Store.Source(ctx, ids[c.path])
			if err != nil {
				t.Fatal(err)
			}
			if s.Health.HardFailures != c.hard || s.Health.SoftFailures != c.soft {
				t.Errorf("failures: got hard %d soft %d, want %d %d (%q)", s.Health.HardFailures, s.Health.SoftFailures, c.hard, c.soft, s.Health.LastError)
			}
			if s.Disabled != c.disabled {
				t.Errorf("disabled: got %v, want %v (%q)", s.Disabled, c.disabled, s.DisabledReason)
			}
			if c.disabled && s.DisabledReason == "" {
				t.Errorf("disabled without a reason")
			}
		})
	}
}

func TestAdaptiveNextPoll(t *testing.T) {
	ctx := context.Background()
	var pass atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		n := 1
		if r.URL.Path == "/busy.xml" {
			n = int(pass.Load())
		}
		var items bytes.Buffer
		for i := range 3 {
			fmt.Fprintf(&items, `<item><title>खबर %d-%d</title><guid>%s-%d-%d</guid><description>छोटा</description></item>`, n, i, r.URL.Path, n, i)
		}
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>चैनल</title>%s</channel></rss>`, items.String())
	}))
	defer srv.Close()
	ar := openArchive(t)
	busy := addSource(t, ar, srv.URL+"/busy.xml", news.SourceFeed)
	quiet := addSource(t, ar, srv.URL+"/quiet.xml", news.SourceFeed)
	cr := newCrawler(ar, fetch.New(fetch.Config{AllowPrivate: true, IgnoreRobots: true, Interval: time.Microsecond}))
	for i := range 2 {
		pass.Store(int32(i + 1))
		if _, err := cr.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	interval := func(id int64) time.Duration {
		s, err := ar.Store.Source(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return s.Health.NextPoll.Sub(s.Health.LastFetch)
	}
	b, q := interval(busy.ID), interval(quiet.ID)
	if b >= q {
		t.Errorf("interval: got busy %s, quiet %s; want busy shorter", b, q)
	}
}

func TestPrivateRedirectRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, "http://10.1.2.3/feed.xml", http.StatusFound)
	}))
	defer srv.Close()
	ar := openArchive(t)
	src := addSource(t, ar, srv.URL+"/feed.xml", news.SourceFeed)
	// The test server itself is allowed; the private target is not.
	f := fetch.New(fetch.Config{AllowNetworks: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}, Interval: time.Microsecond, MaxAttempts: 1})
	cr := newCrawler(ar, f)
	var rep SourceReport
	cr.OnSource = func(r SourceReport) { rep = r }
	if _, err := cr.RunOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !errors.Is(rep.Err, fetch.ErrForbiddenAddress) || !rep.Hard {
		t.Errorf("poll error: got %v (hard %v), want a hard ErrForbiddenAddress", rep.Err, rep.Hard)
	}
	_ = src
}

func TestWARCRoundTrip(t *testing.T) {
	ctx := context.Background()
	o := newOutlet(t)
	ar := openArchive(t)
	addSource(t, ar, o.url("/rss.xml"), news.SourceFeed)
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, true)
	cr := newCrawler(ar, testFetcher())
	cr.Archive = w
	st, err := cr.RunOnce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Pages == 0 {
		t.Fatalf("no pages fetched: %+v", st)
	}
	items := make(chan ingest.Item)
	go func() {
		defer close(items)
		ingest.ReadWARC(ctx, "crawl.warc.gz", &buf, nil, nil, func(it ingest.Item) bool { items <- it; return true })
	}()
	pl := &pipeline.Pipeline{Store: ar.Store, Index: ar.Index, Extract: func(ctx context.Context, it ingest.Item) (*news.Article, error) {
		return archive.Extract(ctx, it, extract.Options{})
	}}
	pst, err := pl.Run(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	if pst.Unchanged != st.Pages || pst.Ingested != 0 || pst.Failed != 0 {
		t.Errorf("re-ingest: got %d unchanged, %d ingested, %d failed; want %d unchanged", pst.Unchanged, pst.Ingested, pst.Failed, st.Pages)
	}
}
