package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeOutlet serves a small Hindi news site on loopback: a robots.txt, an
// RSS feed with one full-text item and one teaser, and the teaser's page.
func fakeOutlet(t *testing.T) *httptest.Server {
	t.Helper()
	para := func(topic string, n int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, "<p>%s के बारे में यह %d वाँ अनुच्छेद है। नगर निगम के ठेकेदारों ने बताया कि सड़कों की मरम्मत का काम बरसात से पहले पूरा कर लिया जाएगा और हर वार्ड में निगरानी समिति बनाई जाएगी। स्थानीय लोगों ने काम की गुणवत्ता पर सवाल उठाए हैं।</p>", topic, i)
		}
		return b.String()
	}
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
	})
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>नगर समाचार</title><link>%[1]s/</link>
<item><title>इंदौर में सड़कों की मरम्मत तेज़, ठेकेदारों को समय सीमा</title><link>%[1]s/news/road-repair?utm_source=rss</link><guid>%[1]s/news/road-repair</guid>
<pubDate>Tue, 18 Nov 2025 10:30:00 +0530</pubDate><content:encoded><![CDATA[%[2]s]]></content:encoded></item>
<item><title>भोपाल में नई बस सेवा शुरू</title><link>%[1]s/news/bus-service</link><guid>%[1]s/news/bus-service</guid>
<pubDate>Tue, 18 Nov 2025 12:00:00 +0530</pubDate><description>भोपाल में आज से नई बस सेवा… और पढ़ें</description></item>
</channel></rss>`, srv.URL, para("सड़क मरम्मत", 6))
	})
	mux.HandleFunc("GET /news/bus-service", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="hi"><head><meta charset="utf-8"><title>भोपाल में नई बस सेवा शुरू - नगर समाचार</title>
<link rel="canonical" href="%s/news/bus-service"><meta property="article:published_time" content="2025-11-18T12:00:00+05:30"></head>
<body><article><h1>भोपाल में नई बस सेवा शुरू</h1>%s</article></body></html>`, srv.URL, para("बस सेवा", 5))
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestCrawlCommand runs the CLI end to end against a loopback outlet:
// sources add, crawl with a WARC archive, search, a second crawl that
// stores nothing new, and ingest of the WARC into a fresh data directory.
func TestCrawlCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls a loopback server politely (a few seconds)")
	}
	srv := fakeOutlet(t)
	data := t.TempDir()
	if _, stderr, err := khabar(t, data, "", "sources", "add", srv.URL+"/feed.xml", "--name", "नगर समाचार", "--lang", "hi"); err != nil {
		t.Fatalf("sources add: %v\n%s", err, stderr)
	}
	// Without --allow-private the loopback outlet is refused.
	out, _, _ := khabar(t, data, "", "crawl")
	if !strings.Contains(out, "articles 0 stored") {
		t.Errorf("crawl without --allow-private: got %q, want nothing stored", out)
	}
	warcDir := t.TempDir()
	// The refused pass counted a failure; crawl every source again.
	if _, _, err := khabar(t, data, "", "sources", "rm", "1"); err != nil {
		t.Fatalf("sources rm: %v", err)
	}
	if _, _, err := khabar(t, data, "", "sources", "add", srv.URL+"/feed.xml", "--allow-private"); err != nil {
		t.Fatalf("sources add --allow-private: %v", err)
	}
	out, stderr, err := khabar(t, data, "", "crawl", "--allow-private", "--archive", warcDir)
	if err != nil {
		t.Fatalf("crawl: %v\n%s\n%s", err, out, stderr)
	}
	if !strings.Contains(out, "articles 2 stored") {
		t.Errorf("crawl: got %q, want 2 articles stored", out)
	}
	out, _, err = khabar(t, data, "", "search", "ठेकेदारों")
	if err != nil || !strings.Contains(out, "इंदौर में सड़कों की मरम्मत") || !strings.Contains(out, "भोपाल में नई बस सेवा") {
		t.Errorf("search after crawl: got %q, %v", out, err)
	}
	out, _, err = khabar(t, data, "", "crawl", "--allow-private")
	if err != nil || !strings.Contains(out, "articles 0 stored") {
		t.Errorf("second crawl: got %q, %v, want nothing new", out, err)
	}
	files, _ := filepath.Glob(filepath.Join(warcDir, "*.warc.gz"))
	if len(files) != 1 {
		t.Fatalf("got WARC files %q, want one", files)
	}
	if info, err := os.Stat(files[0]); err != nil || info.Size() == 0 {
		t.Fatalf("WARC file: %v", err)
	}
	// The fetched article page can be re-extracted from the archive alone.
	out, stderr, err = khabar(t, t.TempDir(), "", "ingest", files[0])
	if err != nil || !strings.HasPrefix(out, "ingested 1,") {
		t.Errorf("ingest WARC: got %q, %v\n%s", out, err, stderr)
	}
}
