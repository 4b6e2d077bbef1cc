package crawl

import (
	"context"
	"testing"

	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/search"
)

func TestOutletCrawl(t *testing.T) {
	ctx := context.Background()
	o := newOutlet(t)
	ar := openArchive(t)
	home := addSource(t, ar, o.url("/"), news.SourceAuto)
	addSource(t, ar, o.url("/sitemap-news.xml"), news.SourceSitemap)
	cr := newCrawler(ar, testFetcher())
	st, err := cr.RunOnce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("pass 1: %+v", st)
	got, err := ar.Store.Source(ctx, home.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Kind != news.SourceFeed || got.URL != o.url("/rss.xml") {
		t.Errorf("resolved source: got %q %q, want feed %q", got.Kind, got.URL, o.url("/rss.xml"))
	}
	if got.Health.ETag != `"v1"` {
		t.Errorf("etag: got %q, want %q", got.Health.ETag, `"v1"`)
	}
	// Articles 1 (from the feed), 2 (tracking link and sitemap), 3 (AMP)
	// and 5 (sitemap); 4 is disallowed by robots.txt.
	n, err := ar.Store.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 {
		t.Errorf("articles: got %d, want 4", n)
	}
	if st.FullText != 1 {
		t.Errorf("full-text items: got %d, want 1", st.FullText)
	}
	if r := o.requests("/private/"); len(r) != 0 {
		t.Errorf("disallowed path fetched %d times", len(r))
	}
	if st.FetchErrors != 1 {
		t.Errorf("fetch errors: got %d, want 1 (the disallowed page)", st.FetchErrors)
	}
	if r := o.requests("/news/2"); len(r) != 1 {
		t.Errorf("/news/2 fetched %d times in one pass, want 1", len(r))
	}
	for _, id := range []int{2, 3} {
		a := &news.Article{URL: o.url("/news/") + itoa(id)}
		if _, err := ar.Store.Get(ctx, a.DeriveID()); err != nil {
			t.Errorf("article %d under its canonical URL's ID: %v", id, err)
		}
	}
	res, err := ar.Searcher.Search(ctx, "ठेकेदारों", search.Options{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 {
		t.Errorf("search ठेकेदारों: got no hits, want the crawled articles")
	}

	// Second pass: the feed answers 304 to the conditional request.
	st, err = cr.RunOnce(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.NotModified != 1 {
		t.Errorf("second pass not modified: got %d, want 1 (%+v)", st.NotModified, st)
	}
	feeds := o.requests("/rss.xml")
	if last := feeds[len(feeds)-1]; last.ifNoneMatch != `"v1"` {
		t.Errorf("second feed request If-None-Match: got %q, want %q", last.ifNoneMatch, `"v1"`)
	}
	if st.ItemsNew != 0 || st.Stored != 0 {
		t.Errorf("second pass: got %d new items and %d stored, want 0 and 0", st.ItemsNew, st.Stored)
	}
}

func itoa(n int) string { return string(rune('0' + n)) }
