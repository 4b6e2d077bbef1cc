package feed

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

func TestDiscover(t *testing.T) {
	got := Discover(readFixture(t, "pages", "home.html"), "https://www.nagarsamachar.example/")
	want := []Candidate{
		{URL: "https://www.nagarsamachar.example/rss/latest.xml", Title: "ताज़ा ख़बरें", Type: "application/rss+xml"},
		{URL: "https://www.nagarsamachar.example/feeds/atom", Title: "Atom", Type: "application/atom+xml"},
		{URL: "https://www.nagarsamachar.example/feed.json", Type: "application/feed+json"},
		{URL: "https://www.nagarsamachar.example/rss/rajasthan.xml", Title: "राजस्थान की खबरें", FromAnchor: true},
		{URL: "https://feeds.nagarsamachar.example/khel", Title: "खेल", FromAnchor: true},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d candidates %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("candidate %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestDiscoverBase(t *testing.T) {
	page := `<html><head><base href="https://cdn.example.in/hi/"><link rel="alternate feed" type="application/rss+xml" href="rss"></head></html>`
	got := Discover([]byte(page), "https://www.example.in/")
	if len(got) != 1 || got[0].URL != "https://cdn.example.in/hi/rss" {
		t.Errorf("got %+v, want the link resolved against <base>", got)
	}
	if got := Discover([]byte("<<<>>>\x00\xff"), "not a url"); len(got) != 0 {
		t.Errorf("junk page: got %+v, want none", got)
	}
}

func TestRobotsSitemaps(t *testing.T) {
	got := RobotsSitemaps(readFixture(t, "pages", "robots.txt"))
	want := []string{
		"https://www.nagarsamachar.example/sitemap-news.xml",
		"https://www.nagarsamachar.example/sitemap-index.xml",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSniff(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(readFixture(t, "sitemaps", "sitemap_index.xml"))
	zw.Close()
	tests := []struct {
		name        string
		body        string
		contentType string
		want        Kind
	}{
		{"rss", string(readFixture(t, "feeds", "rss_hindi.xml")), "text/xml", KindFeed},
		{"atom", string(readFixture(t, "feeds", "atom_english.xml")), "", KindFeed},
		{"rdf", string(readFixture(t, "feeds", "rdf.xml")), "", KindFeed},
		{"json feed", string(readFixture(t, "feeds", "json_feed.json")), "application/json", KindFeed},
		{"other json", `{"a":1}`, "application/json", KindUnknown},
		{"news sitemap", string(readFixture(t, "sitemaps", "news_sitemap.xml")), "application/xml", KindSitemap},
		{"sitemap index", string(readFixture(t, "sitemaps", "sitemap_index.xml")), "", KindSitemapIndex},
		{"gzip'd sitemap index", gz.String(), "application/octet-stream", KindSitemapIndex},
		{"html", string(readFixture(t, "pages", "home.html")), "", KindHTML},
		{"html without doctype", "\ufeff  <html><body>नमस्ते</body></html>", "", KindHTML},
		{"html fragment by type", "<div>नमस्ते</div>", "text/html; charset=utf-8", KindHTML},
		{"text sitemap", "https://x.example/a\nhttps://x.example/b\n", "text/plain", KindSitemap},
		{"prose", "नमस्ते दुनिया", "text/plain", KindUnknown},
		{"empty", "", "", KindUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff([]byte(tt.body), tt.contentType); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
