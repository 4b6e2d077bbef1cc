package extract

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestHTMLURLDate(t *testing.T) {
	tests := []struct {
		path, want string
	}{
		{"/2020/04/16/varanasi-news.html", "2020-04-16"},
		{"/home/2017/7/12/unter-uns", "2017-07-12"},
		{"/news/2020-11-28-prayagraj", "2020-11-28"},
		{"/story/20200214/budget", "2020-02-14"},
		{"/2020/02/31/no-such-day", ""},
		{"/2020/04-16/mixed", ""},
		{"/2020/08/23646/", ""},
		{"/article-166607.html", ""},
		{"/2020112/", ""},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			got := ""
			if d, ok := htmlURLDate(tc.path); ok {
				got = d.Format(time.DateOnly)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func FuzzHTMLURLDate(f *testing.F) {
	for _, s := range []string{"/2020/04/16/x", "/2020/4/1/", "20201231", "/1999-12-31-", "/२०२०/०४/१६/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, path string) {
		if d, ok := htmlURLDate(path); ok && (d.Year() < 1900 || d.Year() > 2099) {
			t.Errorf("htmlURLDate(%q) = %v, outside the years the pattern allows", path, d)
		}
	})
}

// TestFromHTMLDateSources shows which date FromHTML keeps when the page's
// metadata, its URL and its text disagree.
func TestFromHTMLDateSources(t *testing.T) {
	const head = `<!doctype html><html lang="hi"><head><meta charset="utf-8"><title>बारिश से सड़कें डूबीं</title>`
	const body = `<body><article><h1>बारिश से सड़कें डूबीं</h1><p>शहर में रात भर हुई तेज़ बारिश के बाद कई मोहल्लों की सड़कें पानी में डूब गईं और लोगों को दफ्तर पहुंचने में घंटों लगे।</p><p>नगर निगम ने पंप लगाकर पानी निकालने का काम सुबह से शुरू कर दिया है।</p></article></body></html>`
	tests := []struct {
		name, meta, url, want string
	}{
		{"metadata alone", `<meta property="article:published_time" content="2025-07-14T08:30:00+05:30">`, "https://news.example/city/rain", "2025-07-14"},
		{"URL alone", ``, "https://news.example/2025/07/14/rain", "2025-07-14"},
		{"URL beats a far metadata date", `<meta property="article:published_time" content="2019-01-01T08:30:00+05:30">`, "https://news.example/2025/07/14/rain", "2025-07-14"},
		{"metadata kept within a day of the URL", `<meta property="article:published_time" content="2025-07-15T01:30:00+05:30">`, "https://news.example/2025/07/14/rain", "2025-07-15"},
		{"UTC time on another day yields to the URL", `<meta property="article:published_time" content="2025-07-15T02:00:00Z">`, "https://news.example/2025/07/14/rain", "2025-07-14"},
		{"UTC evening is the next day in India", `<meta property="article:published_time" content="2025-07-14T20:15:00Z">`, "https://news.example/city/rain", "2025-07-15"},
		{"UTC midnight is a bare date and stays", `<meta property="article:published_time" content="2025-07-14T00:00:00Z">`, "https://news.example/city/rain", "2025-07-14"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := head + tc.meta + `</head>` + body
			got := publishedDay(t, page, tc.url)
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestHTMLSiteZone(t *testing.T) {
	tests := []struct {
		host, lang, want string
	}{
		{"www.amarujala.com", "hi", "IST"},
		{"www.bhaskar.com", "hi-IN", "IST"},
		{"www.divyabhaskar.co.in", "", "IST"},
		{"indianexpress.com", "en_IN", "IST"},
		{"www.example.com", "en-US", ""},
		{"www.example.de", "de", ""},
		{"", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.host+"/"+tc.lang, func(t *testing.T) {
			got := ""
			if loc := htmlSiteZone(tc.host, tc.lang); loc != nil {
				got = loc.String()
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFromHTMLDropsLinkListFurniture checks that a long box of links to
// other stories, named as such by class, is pruned even though it holds
// more text than a share bar, while a long article wrapper with the same
// kind of name but little link text stays.
func TestFromHTMLDropsLinkListFurniture(t *testing.T) {
	var links strings.Builder
	for i := range 12 {
		fmt.Fprintf(&links, `<li><a href="/story/%d">जिले के गांवों में नई सड़क बनाने का काम फिर शुरू हुआ, खबर %d</a></li>`, i, i)
	}
	page := `<!doctype html><html lang="hi"><head><meta charset="utf-8"><title>नहर का पानी खेतों तक पहुंचा</title></head><body><article>` +
		`<h1>नहर का पानी खेतों तक पहुंचा</h1>` +
		`<p>तीन साल के इंतजार के बाद इस बार नहर का पानी गांव के आखिरी छोर के खेतों तक पहुंच गया और किसानों ने गेहूं की बुवाई समय पर शुरू कर दी।</p>` +
		`<p>सिंचाई विभाग के अधिकारियों ने बताया कि नहर की सफाई का काम पिछले महीने पूरा हुआ था, जिसके बाद पानी का बहाव बढ़ गया।</p>` +
		`<p>किसानों का कहना है कि अगर पानी इसी तरह मिलता रहा तो इस बार पैदावार पिछले साल से अच्छी रहेगी।</p>` +
		`<div class="latest-news-box"><h3>ताज़ा खबरें</h3><ul>` + links.String() + `</ul></div></article></body></html>`
	a, err := FromHTML(context.Background(), []byte(page), Options{URL: "https://news.example/village/canal"})
	if err != nil {
		t.Fatal(err)
	}
	body := a.BodyText()
	if !strings.Contains(body, "नहर का पानी गांव के आखिरी छोर") {
		t.Errorf("got body %q, want the article's first paragraph", body)
	}
	if strings.Contains(body, "नई सड़क बनाने का काम") {
		t.Errorf("got body %q, want the latest-news links left out", body)
	}
}

// publishedDay extracts page (at url) and returns its publication day as
// YYYY-MM-DD, or "" when it has none.
func publishedDay(t *testing.T, page, url string) string {
	t.Helper()
	a, err := FromHTML(context.Background(), []byte(page), Options{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.Format(time.DateOnly)
}
