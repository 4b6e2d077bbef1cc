package crawl

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/archive"
	"github.com/khabar-news/khabar/internal/fetch"
	"github.com/khabar-news/khabar/internal/news"
)

// Original Hindi sentences for the fake outlet's pages.
var hindiLines = []string{
	"नगर निगम ने शहर की सभी सड़कों की मरम्मत का काम अगले महीने तक पूरा करने का भरोसा दिलाया है।",
	"अधिकारियों के अनुसार बारिश से पहले नालों की सफाई के लिए चालीस दल बनाए गए हैं।",
	"व्यापारियों का कहना है कि बाज़ार के रास्ते बंद रहने से उनकी बिक्री आधी रह गई है।",
	"महापौर ने बैठक में कहा कि काम में देरी करने वाले ठेकेदारों पर जुर्माना लगाया जाएगा।",
	"स्थानीय निवासियों ने पानी की नई पाइपलाइन बिछाने की मांग भी दोहराई।",
}

func hindiBody(n int) string { return hindiParas(n, 6) }

func hindiParas(n, paras int) string {
	var b strings.Builder
	for i := range paras {
		fmt.Fprintf(&b, "<p>%s (%d)</p>\n", hindiLines[(i+n)%len(hindiLines)], n)
	}
	return b.String()
}

func headline(n int) string {
	return fmt.Sprintf("सड़क मरम्मत पर नगर निगम का नया फैसला %d", n)
}

// outlet is a fake Hindi news site on loopback that records the requests
// it serves.
type outlet struct {
	srv  *httptest.Server
	mu   sync.Mutex
	reqs []request
	// feedItems is the RSS items, as markup; change it between passes.
	feedItems string
	etag      string
}

type request struct {
	path, ifNoneMatch string
	at                time.Time
}

func (o *outlet) url(p string) string { return o.srv.URL + p }

func (o *outlet) requests(path string) []request {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out []request
	for _, r := range o.reqs {
		if path == "" || r.path == path || strings.HasPrefix(r.path, path) && strings.HasSuffix(path, "/") {
			out = append(out, r)
		}
	}
	return out
}

func articlePage(base string, n int, amp bool) string {
	return fmt.Sprintf(`<!doctype html><html lang="hi"><head><meta charset="utf-8">
<title>%[2]s</title><link rel="canonical" href="%[1]s/news/%[3]d">
<meta property="og:title" content="%[2]s"></head><body><header><nav><a href="/">होम</a></nav></header>
<article><h1>%[2]s</h1>%[4]s</article><footer>सर्वाधिकार सुरक्षित</footer></body></html>`, base, headline(n), n, hindiBody(n))
}

func rssItem(base string, n int, link string, full bool) string {
	content := ""
	if full {
		content = "<content:encoded><![CDATA[" + hindiParas(n, 14) + "]]></content:encoded>"
	}
	return fmt.Sprintf(`<item><title>%s</title><link>%s%s</link><guid>g-%d</guid><description>छोटा सार %d</description>%s</item>`,
		headline(n), base, link, n, n, content)
}

func newOutlet(t testing.TB) *outlet {
	o := &outlet{etag: `"v1"`}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>खबर नगर</title>
<link rel="alternate" type="application/rss+xml" title="ताज़ा खबरें" href="/rss.xml"></head><body><p>मुख पृष्ठ</p></body></html>`)
	})
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nDisallow: /private/\n\nSitemap: %s/sitemap-news.xml\n", o.srv.URL)
	})
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		o.mu.Lock()
		items, etag := o.feedItems, o.etag
		o.mu.Unlock()
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", etag)
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>खबर नगर</title><link>%s/</link>%s</channel></rss>`, o.srv.URL, items)
	})
	mux.HandleFunc("/sitemap-news.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>%[1]s/news/2</loc><news:news><news:publication><news:name>खबर नगर</news:name><news:language>hi</news:language></news:publication><news:publication_date>2025-11-18T10:30:00+05:30</news:publication_date><news:title>%[2]s</news:title></news:news></url>
<url><loc>%[1]s/news/5</loc><news:news><news:publication><news:name>खबर नगर</news:name><news:language>hi</news:language></news:publication><news:publication_date>2025-11-18T11:30:00+05:30</news:publication_date><news:title>%[3]s</news:title></news:news></url>
</urlset>`, o.srv.URL, headline(2), headline(5))
	})
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		amp := strings.HasSuffix(r.URL.Path, "/amp")
		if _, err := fmt.Sscanf(strings.TrimSuffix(r.URL.Path, "/amp"), "/news/%d", &n); err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articlePage(o.srv.URL, n, amp))
	})
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articlePage(o.srv.URL, 99, false))
	})
	o.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		o.mu.Lock()
		o.reqs = append(o.reqs, request{path: r.URL.Path, ifNoneMatch: r.Header.Get("If-None-Match"), at: time.Now()})
		o.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(o.srv.Close)
	base := o.srv.URL
	o.feedItems = rssItem(base, 1, "/news/1", true) +
		rssItem(base, 2, "/news/2?utm_source=rss&utm_medium=feed", false) +
		rssItem(base, 3, "/news/3/amp", false) +
		rssItem(base, 4, "/private/4", false)
	return o
}

// testFetcher is a fast fetcher for loopback test servers.
func testFetcher() *fetch.Fetcher {
	return fetch.New(fetch.Config{
		AllowPrivate: true, Interval: time.Microsecond, MaxInFlight: 4,
		MaxAttempts: 2, BackoffBase: time.Millisecond, BackoffMax: 5 * time.Millisecond,
		RetryAfterMax: 10 * time.Millisecond, Timeout: 5 * time.Second,
	})
}

func openArchive(t testing.TB) *archive.Archive {
	ar, err := archive.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ar.Close() })
	return ar
}

func addSource(t testing.TB, ar *archive.Archive, u string, kind news.SourceKind) *news.Source {
	s, err := ar.Store.AddSource(context.Background(), &news.Source{URL: u, Kind: kind})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newCrawler(ar *archive.Archive, f Fetcher) *Crawler {
	return &Crawler{Store: ar.Store, Fetcher: f, Index: ar.Index, Config: Config{All: true, MinInterval: time.Minute, MaxInterval: time.Hour}}
}
