package web

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/news"
)

func TestAPISources(t *testing.T) {
	s, _ := newTestServer(t, Config{Token: testToken})
	auth := []string{"Authorization", "Bearer " + testToken, "Content-Type", "application/json"}

	res, body := do(t, s, "GET", "/api/v1/sources", "")
	if res.StatusCode != 200 || strings.TrimSpace(body) != "{\n  \"sources\": []\n}" {
		t.Fatalf("empty list: got %d %s, want 200 with an empty array", res.StatusCode, body)
	}
	add := `{"url": "HTTPS://Khabar.EXAMPLE:443/feed.xml#top", "name": "अमर उजाला", "language": "hi", "kind": "feed", "interval": "15m"}`
	tests := []struct {
		name, body string
		header     []string
		code       int
		want       string // in the body
	}{
		{"no token", add, nil, 401, "API token"},
		{"wrong token", add, []string{"Authorization", "Bearer nope"}, 403, "wrong"},
		{"added", add, auth, 201, `"url": "https://khabar.example/feed.xml"`},
		{"same URL spelled otherwise", `{"url": "https://khabar.example/feed.xml"}`, auth, 409, "https://khabar.example/feed.xml"},
		{"private refused", `{"url": "http://127.0.0.1:9000/", "allow_private": true}`, auth, 403, "--allow-private"},
		{"not JSON", `{"url": `, auth, 400, "not a source object"},
		{"unknown field", `{"url": "https://a.example/", "colour": "red"}`, auth, 400, "colour"},
		{"bad URL", `{"url": "ftp://a.example/"}`, auth, 400, "ftp"},
		{"bad kind", `{"url": "https://a.example/", "kind": "podcast"}`, auth, 400, "podcast"},
		{"bad interval", `{"url": "https://a.example/", "interval": "2s"}`, auth, 400, "interval"},
		{"bad language", `{"url": "https://a.example/", "language": "हिंदी"}`, auth, 400, "language"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := do(t, s, "POST", "/api/v1/sources", tt.body, tt.header...)
			if res.StatusCode != tt.code || !strings.Contains(body, tt.want) {
				t.Errorf("got %d %q, want %d containing %q", res.StatusCode, body, tt.code, tt.want)
			}
		})
	}

	var list sourceList
	_, body = do(t, s, "GET", "/api/v1/sources", "")
	decode(t, body, &list)
	if len(list.Sources) != 1 {
		t.Fatalf("got %d sources, want 1: %s", len(list.Sources), body)
	}
	got := list.Sources[0]
	if got.Name != "अमर उजाला" || got.Kind != news.SourceFeed || got.Language != "hi" || got.Interval != 15*time.Minute || got.ID < 1 {
		t.Errorf("got %+v, want the feed as added", got)
	}
	one := "/api/v1/sources/" + jsonInt(got.ID)
	if res, body := do(t, s, "GET", one, ""); res.StatusCode != 200 || !strings.Contains(body, "अमर उजाला") {
		t.Errorf("GET %s: got %d %s", one, res.StatusCode, body)
	}
	for _, bad := range []struct{ method, path string }{{"GET", "/api/v1/sources/abc"}, {"GET", "/api/v1/sources/0"}, {"DELETE", "/api/v1/sources/-3"}} {
		if res, _ := do(t, s, bad.method, bad.path, "", auth...); res.StatusCode != 400 {
			t.Errorf("%s %s: got %d, want 400", bad.method, bad.path, res.StatusCode)
		}
	}
	if res, _ := do(t, s, "DELETE", one, ""); res.StatusCode != 401 {
		t.Errorf("DELETE without token: got %d, want 401", res.StatusCode)
	}
	if res, body := do(t, s, "DELETE", one, "", auth...); res.StatusCode != 200 || !strings.Contains(body, `"deleted"`) {
		t.Errorf("DELETE: got %d %s, want 200", res.StatusCode, body)
	}
	if res, _ := do(t, s, "DELETE", one, "", auth...); res.StatusCode != 404 {
		t.Errorf("DELETE again: got %d, want 404", res.StatusCode)
	}
	if res, _ := do(t, s, "GET", one, ""); res.StatusCode != 404 {
		t.Errorf("GET deleted: got %d, want 404", res.StatusCode)
	}

	// Delete by URL, in another spelling.
	do(t, s, "POST", "/api/v1/sources", `{"url": "https://b.example/sitemap.xml"}`, auth...)
	if res, body := do(t, s, "DELETE", "/api/v1/sources?url="+url.QueryEscape("HTTPS://B.example/sitemap.xml"), "", auth...); res.StatusCode != 200 {
		t.Errorf("DELETE by URL: got %d %s, want 200", res.StatusCode, body)
	}
	if res, body := do(t, s, "DELETE", "/api/v1/sources?url="+url.QueryEscape("https://b.example/sitemap.xml"), "", auth...); res.StatusCode != 404 || !strings.Contains(body, "b.example") {
		t.Errorf("DELETE by URL again: got %d %s, want 404 naming the URL", res.StatusCode, body)
	}
	if res, _ := do(t, s, "DELETE", "/api/v1/sources", "", auth...); res.StatusCode != 400 {
		t.Errorf("DELETE without url=: got %d, want 400", res.StatusCode)
	}
}

func jsonInt(n int64) string { b, _ := json.Marshal(n); return string(b) }

func TestAPISourcesAllowPrivate(t *testing.T) {
	s, _ := newTestServer(t, Config{Token: testToken, AllowPrivate: true})
	res, body := do(t, s, "POST", "/api/v1/sources", `{"url": "http://127.0.0.1:9000/feed", "allow_private": true}`, "Authorization", "Bearer "+testToken)
	if res.StatusCode != 201 || !strings.Contains(body, `"allow_private": true`) {
		t.Errorf("got %d %s, want 201 with allow_private", res.StatusCode, body)
	}
	if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/api/v1/sources/") {
		t.Errorf("got Location %q, want /api/v1/sources/ID", loc)
	}
}

func TestSourcesPage(t *testing.T) {
	s, ar := newTestServer(t, Config{Token: testToken})
	ctx := context.Background()

	_, home := do(t, s, "GET", "/", "")
	if strings.Contains(home, `href="/sources"`) {
		t.Errorf("header links to /sources before any source exists")
	}
	res, body := do(t, s, "GET", "/sources", "")
	if res.StatusCode != 200 || !strings.Contains(body, "अभी कोई स्रोत नहीं") {
		t.Errorf("empty sources page: got %d, want 200 saying there are none", res.StatusCode)
	}

	res, body = do(t, s, "POST", "/api/v1/sources", `{"url": "https://evil.example/rss", "name": "<script>alert('name')</script> दैनिक जागरण"}`, "Authorization", "Bearer "+testToken)
	if res.StatusCode != 201 {
		t.Fatalf("add: got %d %s", res.StatusCode, body)
	}
	var src news.Source
	decode(t, body, &src)
	src.Health = news.SourceHealth{
		LastFetch: time.Date(2026, 3, 14, 8, 5, 0, 0, ist), LastSuccess: time.Date(2026, 3, 13, 9, 0, 0, 0, ist),
		LastError: `<img src=x onerror="alert('err')"> ` + strings.Repeat("बहुत लंबी त्रुटि ", 40), LastErrorAt: time.Date(2026, 3, 14, 8, 5, 1, 0, ist),
		ItemsPerDay: 42.5, NextPoll: time.Now().Add(time.Hour),
	}
	src.Disabled, src.DisabledReason = true, "<b>gone</b> 410"
	if err := ar.Store.UpdateSource(ctx, &src); err != nil {
		t.Fatal(err)
	}
	if _, err := ar.Store.AddSource(ctx, &news.Source{URL: "https://www.bhaskar.example/", Name: "दैनिक भास्कर", Language: "hi"}); err != nil {
		t.Fatal(err)
	}

	res, body = do(t, s, "GET", "/sources", "")
	if res.StatusCode != 200 {
		t.Fatalf("got %d", res.StatusCode)
	}
	for _, bad := range []string{"<script>alert", "<img src=x", "<b>gone</b>"} {
		if strings.Contains(body, bad) {
			t.Errorf("page contains unescaped %q", bad)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; दैनिक जागरण", "दैनिक भास्कर",
		"https://evil.example/rss", "14 मार्च 2026, 08:05 IST", "13 मार्च 2026, 09:00 IST", "42.5",
		"&lt;b&gt;gone&lt;/b&gt; 410", "&lt;img src=x", "…", "कभी नहीं", "अभी (due now)", "हिन्दी", `class="source disabled failing"`,
		`href="/sources"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(body, strings.Repeat("बहुत लंबी त्रुटि ", 40)+"<") {
		t.Errorf("the long error is not shortened in the card")
	}
	_, home = do(t, s, "GET", "/", "")
	if !strings.Contains(home, `href="/sources"`) {
		t.Errorf("header lacks the /sources link once a source exists")
	}
}

func TestNewSourceInput(t *testing.T) {
	tests := []struct {
		name string
		in   newSource
		url  string
		err  string
	}{
		{"canonical", newSource{URL: " HTTP://Example.COM:80 "}, "http://example.com/", ""},
		{"kind case", newSource{URL: "https://a.example/x", Kind: "Sitemap"}, "https://a.example/x", ""},
		{"empty", newSource{}, "", "empty"},
		{"relative", newSource{URL: "/feed"}, "", "not absolute"},
		{"user info", newSource{URL: "https://u:p@a.example/"}, "", "user information"},
		{"long interval", newSource{URL: "https://a.example/", Interval: "200h"}, "", "interval"},
		{"bad interval", newSource{URL: "https://a.example/", Interval: "soon"}, "", "interval"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := tt.in.source()
			switch {
			case tt.err != "":
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("got error %v, want one containing %q", err, tt.err)
				}
			case err != nil:
				t.Errorf("got error %v", err)
			case src.URL != tt.url:
				t.Errorf("got URL %q, want %q", src.URL, tt.url)
			}
		})
	}
}
