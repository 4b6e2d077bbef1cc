package feed

import (
	"fmt"
	"strings"
	"testing"
)

// benchFeed builds an RSS feed of n items with Hindi titles and
// content:encoded, about 2 KB an item.
func benchFeed(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>बेंच</title><link>https://bench.example/</link>`)
	para := strings.Repeat("नगर निगम ने शहर की सड़कों की मरम्मत का काम शुरू किया है। ", 4)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<item><title>खबर संख्या %d: बिजली बसें सड़कों पर</title><link>https://bench.example/news/%d.html?utm_source=rss</link><guid>b-%d</guid><pubDate>Tue, 18 Nov 2025 10:30:00 +0530</pubDate><category>शहर</category><content:encoded><![CDATA[<p>%s</p><p>%s</p><p>%s</p>]]></content:encoded></item>`, i, i, i, para, para, para)
	}
	b.WriteString("</channel></rss>")
	return []byte(b.String())
}

func BenchmarkParse100(b *testing.B) {
	body := benchFeed(100)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := Parse(body, "https://bench.example/rss"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseSitemap10k(b *testing.B) {
	var s strings.Builder
	s.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`)
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&s, "<url><loc>https://bench.example/news/%d.html</loc><news:news><news:publication><news:name>बेंच</news:name><news:language>hi</news:language></news:publication><news:publication_date>2025-11-18T10:30:00+05:30</news:publication_date><news:title>खबर %d</news:title></news:news></url>", i, i)
	}
	s.WriteString("</urlset>")
	body := []byte(s.String())
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := ParseSitemap(body, "https://bench.example/sitemap.xml"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNormalizeURL(b *testing.B) {
	for b.Loop() {
		NormalizeURL("https://navbharattimes.indiatimes.com/state/uttar-pradesh/lucknow/amp_articleshow/125012345.cms?utm_source=whatsapp&from=mdr")
	}
}

func BenchmarkHasFullText(b *testing.B) {
	f, err := Parse(benchFeed(1), "https://bench.example/rss")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		HasFullText(f.Items[0])
	}
}
