package feed

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestParseSitemapNews(t *testing.T) {
	sm, err := ParseSitemap(readFixture(t, "sitemaps", "news_sitemap.xml"), "https://www.nagarsamachar.example/sitemap-news.xml")
	if err != nil {
		t.Fatal(err)
	}
	if sm.Kind != KindSitemap || len(sm.URLs) != 2 {
		t.Fatalf("got kind %v with %d URLs, want sitemap with 2", sm.Kind, len(sm.URLs))
	}
	u := sm.URLs[0]
	if u.News == nil {
		t.Fatal("first URL: no news:news")
	}
	ist := time.FixedZone("IST", 19800)
	tests := []struct{ name, got, want string }{
		{"loc, not image:loc", u.URL, "https://www.nagarsamachar.example/rajasthan/jaipur/electric-bus-1234.html"},
		{"publication", u.News.PublicationName, "नगर समाचार"},
		{"language", u.News.Language, "hi"},
		{"title", u.News.Title, "जयपुर में पहली बार बिजली से चलने वाली बसें सड़कों पर उतरीं"},
		{"keywords deduplicated", strings.Join(u.News.Keywords, "|"), "जयपुर|बिजली बस|परिवहन"},
		{"publication date", u.News.Published.Format(time.RFC3339), time.Date(2025, 11, 18, 10, 30, 0, 0, ist).Format(time.RFC3339)},
		{"lastmod", u.LastMod.Format(time.RFC3339), time.Date(2025, 11, 18, 10, 45, 0, 0, ist).Format(time.RFC3339)},
		{"upper-case language", sm.URLs[1].News.Language, "hi"},
		{"entity in title", sm.URLs[1].News.Title, "दिल्ली में घना कोहरा & उड़ानें देर से"},
		{"date-only publication is midnight IST", sm.URLs[1].News.Published.Format(time.RFC3339), "2025-11-19T00:00:00+05:30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestParseSitemapIndexAndGzip(t *testing.T) {
	idx, err := ParseSitemap(readFixture(t, "sitemaps", "sitemap_index.xml"), "https://valleyledger.example/sitemap.xml")
	if err != nil {
		t.Fatal(err)
	}
	if idx.Kind != KindSitemapIndex || len(idx.Sitemaps) != 2 || len(idx.URLs) != 0 {
		t.Fatalf("got %+v, want an index of 2 sitemaps", idx)
	}
	if got, want := idx.Sitemaps[1].URL, "https://valleyledger.example/sitemaps/2025-11.xml.gz"; got != want {
		t.Errorf("relative child: got %q, want %q", got, want)
	}
	plain, err := ParseSitemap(readFixture(t, "sitemaps", "urlset.xml"), "https://pradeshdarpan.example/sitemap.xml")
	if err != nil {
		t.Fatal(err)
	}
	gz, err := ParseSitemap(readFixture(t, "sitemaps", "urlset.xml.gz"), "https://pradeshdarpan.example/sitemap.xml.gz")
	if err != nil {
		t.Fatalf("gzip'd sitemap: %v", err)
	}
	if fmt.Sprint(plain.URLs) != fmt.Sprint(gz.URLs) || len(gz.URLs) != 3 {
		t.Errorf("gzip'd sitemap: got %v, want %v", gz.URLs, plain.URLs)
	}
}

func TestParseSitemapErrors(t *testing.T) {
	var bomb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < MaxSitemapBytes>>20+1; i++ {
		zw.Write(chunk)
	}
	zw.Close()
	tests := []struct {
		name string
		body []byte
		want error
	}{
		{"empty", []byte("  "), ErrEmpty},
		{"feed, not sitemap", readFixture(t, "feeds", "rss_hindi.xml"), ErrNotFeed},
		{"html", []byte("<html><body>x</body></html>"), ErrNotFeed},
		{"prose", []byte("यह साइटमैप नहीं है"), ErrNotFeed},
		{"bad gzip", []byte{0x1f, 0x8b, 1, 2, 3}, ErrMalformed},
		{"gzip bomb", bomb.Bytes(), ErrTooLarge},
		{"broken at once", []byte(`<urlset><url><loc>https://x.example/a</loc></url`), ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sm, err := ParseSitemap(tt.body, "https://bad.example/sitemap.xml")
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %+v, %v; want error %v", sm, err, tt.want)
			}
			if !strings.Contains(err.Error(), "https://bad.example/sitemap.xml") {
				t.Errorf("got %q, want the sitemap URL in it", err)
			}
		})
	}
}

func TestParseSitemapBroken(t *testing.T) {
	sm, err := ParseSitemap(readFixture(t, "sitemaps", "broken.xml"), "https://tuta.example/sitemap.xml")
	if err != nil {
		t.Fatalf("got %v, want the entries before the break", err)
	}
	if len(sm.URLs) != 2 || len(sm.Warnings) != 1 || !strings.Contains(sm.Warnings[0], "broken after 2 entries") {
		t.Errorf("got %d URLs, warnings %q; want 2 and one warning", len(sm.URLs), sm.Warnings)
	}
}

func TestParseSitemapLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for i := 0; i < MaxSitemapURLs+10; i++ {
		fmt.Fprintf(&b, "<url><loc>https://x.example/%d</loc></url>", i)
	}
	b.WriteString("</urlset>")
	sm, err := ParseSitemap([]byte(b.String()), "https://x.example/sitemap.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(sm.URLs) != MaxSitemapURLs {
		t.Errorf("got %d URLs, want %d", len(sm.URLs), MaxSitemapURLs)
	}
	if len(sm.Warnings) != 1 || !strings.Contains(sm.Warnings[0], "more than 50000") {
		t.Errorf("got warnings %q, want one about the limit", sm.Warnings)
	}
}
