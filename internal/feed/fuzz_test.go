package feed

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// addFixtures seeds f with every file under testdata/dir.
func addFixtures(f *testing.F, dir string) {
	files, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

func wrapsSentinel(err error) bool {
	return errors.Is(err, ErrEmpty) || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrNotFeed) || errors.Is(err, ErrMalformed)
}

func FuzzParse(f *testing.F) {
	addFixtures(f, "feeds")
	f.Add([]byte(`<rss><channel><item><title>&amp;&lt;क</title><link>/a</link></item><item>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":1}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		fd, err := Parse(body, "https://fuzz.example/feed")
		if err != nil {
			if !wrapsSentinel(err) || !strings.Contains(err.Error(), "https://fuzz.example/feed") {
				t.Fatalf("error %q does not wrap a sentinel or name the feed", err)
			}
			return
		}
		if len(fd.Items) > MaxItems {
			t.Fatalf("got %d items, limit %d", len(fd.Items), MaxItems)
		}
		for _, it := range fd.Items {
			if it.URL != "" && !looksLikeURL(it.URL) {
				t.Fatalf("item URL %q is not http(s)", it.URL)
			}
			if len(it.Title) > MaxTitleBytes || !utf8.ValidString(it.Title) || len(it.Summary) > MaxSummaryBytes {
				t.Fatalf("unbounded or invalid field in %+v", it)
			}
			_ = HasFullText(it)
			_ = ItemToHTML(it)
		}
	})
}

func FuzzParseSitemap(f *testing.F) {
	addFixtures(f, "sitemaps")
	f.Add([]byte(`<sitemapindex><sitemap><loc>/a</loc></sitemap></sitemapindex>`))
	f.Add([]byte(`<urlset><url><loc>https://x.example/</loc><news:news><news:title>क`))
	f.Fuzz(func(t *testing.T, body []byte) {
		sm, err := ParseSitemap(body, "https://fuzz.example/sitemap.xml")
		if err != nil {
			if !wrapsSentinel(err) {
				t.Fatalf("error %q does not wrap a sentinel", err)
			}
			return
		}
		if len(sm.URLs)+len(sm.Sitemaps) > MaxSitemapURLs {
			t.Fatalf("got %d entries, limit %d", len(sm.URLs)+len(sm.Sitemaps), MaxSitemapURLs)
		}
		for _, u := range sm.URLs {
			if !looksLikeURL(u.URL) {
				t.Fatalf("URL %q is not http(s)", u.URL)
			}
		}
		_ = Sniff(body, "")
	})
}

func FuzzDiscover(f *testing.F) {
	addFixtures(f, "pages")
	f.Fuzz(func(t *testing.T, page []byte) {
		for _, c := range Discover(page, "https://fuzz.example/") {
			if !looksLikeURL(c.URL) {
				t.Fatalf("candidate %q is not http(s)", c.URL)
			}
		}
		for _, s := range RobotsSitemaps(page) {
			if !looksLikeURL(s) {
				t.Fatalf("sitemap %q is not http(s)", s)
			}
		}
		_ = Sniff(page, "text/html")
	})
}
