package extract

import (
	"context"
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
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := head + tc.meta + `</head>` + body
			a, err := FromHTML(context.Background(), []byte(page), Options{URL: tc.url})
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if !a.Published.IsZero() {
				got = a.Published.Format(time.DateOnly)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
