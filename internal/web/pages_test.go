package web

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSearchPage(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	tests := []struct {
		name, target string
		code         int
		want         []string // substrings of the page
		not          []string
	}{
		{"home", "/", 200, []string{`<form class="search"`, "खोज के नियम", `source:"Nagar Times"`}, []string{`class="hit"`}},
		{"Hindi word", "/?q=" + url.QueryEscape("मानसून"), 200,
			[]string{`class="hit"`, "<mark>मानसून</mark>", `href="/articles/`, `data-facet="source"`, `data-facet="lang"`, `<time datetime="`}, nil},
		{"Latin script finds Devanagari", "/?q=Jaishankar", 200, []string{"जयशंकर"}, nil},
		{"fallback note", "/?q=" + url.QueryEscape("मानसून क्रिकेट"), 200, []string{`class="note"`}, nil},
		{"no results", "/?q=" + url.QueryEscape("अंतरिक्षयानखोज"), 200, []string{"कोई परिणाम नहीं"}, []string{`class="hit"`}},
		{"bad date", "/?q=x&from=18-11-2025", 400, []string{`class="error"`, "YYYY-MM-DD"}, nil},
		{"bad sort", "/?q=x&sort=oldest", 400, []string{"relevance or newest"}, nil},
		{"bad page", "/?q=x&page=0", 400, []string{"page="}, nil},
		{"bad filter in q", "/?q=" + url.QueryEscape("from:kal"), 400, []string{`class="error"`, "from:"}, nil},
		{"unknown path", "/nowhere", 404, []string{"पेज नहीं मिला"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := do(t, s, "GET", tt.target, "")
			if res.StatusCode != tt.code {
				t.Fatalf("GET %s: got status %d, want %d\n%s", tt.target, res.StatusCode, tt.code, body)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("GET %s: got Content-Type %q, want text/html", tt.target, ct)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s: page lacks %q", tt.target, w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(body, w) {
					t.Errorf("GET %s: page has %q, want it absent", tt.target, w)
				}
			}
		})
	}
}

var markRE = regexp.MustCompile(`<mark>(.*?)</mark>(.?.?.?.?)`)

// TestHighlightWholeWords checks that every marked piece is a whole word:
// no letter or vowel sign right after </mark> or right before <mark>.
func TestHighlightWholeWords(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	for _, q := range []string{"मानसून", "बारिश", "जयशंकर सिंगापुर", "डेंगू", "monsoon"} {
		t.Run(q, func(t *testing.T) {
			_, body := do(t, s, "GET", "/?q="+url.QueryEscape(q), "")
			marks := markRE.FindAllStringSubmatchIndex(body, -1)
			if len(marks) == 0 {
				t.Fatalf("no <mark> for %q", q)
			}
			for _, m := range marks {
				word := body[m[2]:m[3]]
				if r, _ := utf8.DecodeRuneInString(body[m[3]+len("</mark>"):]); isWordRune(r) {
					t.Errorf("mark %q is followed by %q: half a word", word, r)
				}
				if r, _ := utf8.DecodeLastRuneInString(body[:m[0]]); isWordRune(r) {
					t.Errorf("mark %q is preceded by %q: half a word", word, r)
				}
			}
		})
	}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// TestNoScriptRuns checks that script payloads in stored articles and in
// the query are shown as text.
func TestNoScriptRuns(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	payload := `<script>alert('q')</script>`
	for _, target := range []string{
		"/?q=" + url.QueryEscape("ज़हरीला"),
		"/?q=" + url.QueryEscape(payload),
		"/?q=" + url.QueryEscape("ज़हरीला "+payload),
		"/?q=x&source=" + url.QueryEscape(`<script>alert(1)</script>`),
		"/articles/evil-1",
		"/articles/" + url.PathEscape(payload),
	} {
		t.Run(target, func(t *testing.T) {
			_, body := do(t, s, "GET", target, "")
			low := strings.ToLower(body)
			if n := strings.Count(low, "<script"); n != 1 { // the page's own app.js
				t.Errorf("page has %d <script tags, want only the page's own", n)
			}
			for _, bad := range []string{"<img", "<iframe", "<b>bad", "<i>link", "javascript:", "<h1>नकली"} {
				if strings.Contains(low, bad) {
					t.Errorf("page has %q unescaped", bad)
				}
			}
		})
	}
	_, body := do(t, s, "GET", "/?q="+url.QueryEscape("ज़हरीला"), "")
	if !strings.Contains(body, "&lt;script&gt;alert(&#39;headline&#39;)&lt;/script&gt;") {
		t.Errorf("search page does not show the headline's script as text:\n%s", body)
	}
	_, body = do(t, s, "GET", "/articles/evil-1", "")
	for _, want := range []string{"&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;", "&lt;iframe", "&lt;h1&gt;नकली शीर्षक&lt;/h1&gt;"} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q (the payload as text)", want)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	res, _ := do(t, s, "GET", "/", "")
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("got CSP %q, want script-src 'self'", csp)
	}
	if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("got X-Content-Type-Options %q, want nosniff", got)
	}
}

var hrefRE = regexp.MustCompile(`href="([^"]*)"`)

func links(body, marker string) []string {
	var out []string
	for _, m := range hrefRE.FindAllStringSubmatch(body, -1) {
		h := html.UnescapeString(m[1])
		if strings.Contains(h, marker) {
			out = append(out, h)
		}
	}
	return out
}

func TestFacetLinksKeepState(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	q := "मानसून"
	res, body := do(t, s, "GET", "/?sort=newest&q="+url.QueryEscape(q), "")
	if res.StatusCode != 200 {
		t.Fatalf("got status %d", res.StatusCode)
	}
	// The source facet lists sources by their own spelling.
	facet := regexp.MustCompile(`<a href="([^"]*)" data-value="ganga sandesh"\s*><span class="label">Ganga Sandesh</span> <span class="count">(\d+)</span>`).FindStringSubmatch(body)
	if facet == nil {
		t.Fatalf("no facet link for Ganga Sandesh in\n%s", body)
	}
	u, err := url.Parse(html.UnescapeString(facet[1]))
	if err != nil {
		t.Fatal(err)
	}
	v := u.Query()
	if v.Get("q") != q || v.Get("sort") != "newest" || v.Get("source") != "Ganga Sandesh" {
		t.Errorf("facet link %q: got q=%q sort=%q source=%q, want %q, newest, Ganga Sandesh", u, v.Get("q"), v.Get("sort"), v.Get("source"), q)
	}
	// Following it filters, and the chosen facet links back without it.
	_, body = do(t, s, "GET", u.String(), "")
	if strings.Count(body, `class="hit"`) != mustAtoi(t, facet[2]) {
		t.Errorf("after the facet: got %d hits, want %s", strings.Count(body, `class="hit"`), facet[2])
	}
	sel := regexp.MustCompile(`<a href="([^"]*)" data-value="[^"]*" class="selected"`).FindStringSubmatch(body)
	if sel == nil {
		t.Fatalf("no selected facet after choosing one")
	}
	back, _ := url.Parse(html.UnescapeString(sel[1]))
	if back.Query().Has("source") || back.Query().Get("q") != q {
		t.Errorf("selected facet link %q: want it to drop source and keep q", back)
	}
}

func mustAtoi(t *testing.T, s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func TestPaginationKeepsState(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	// Many scraped samples carry no date, so no date filter here: the
	// 22 Hindi samples (and the evil article) make three pages.
	target := "/?lang=hi&sort=newest&q=" + url.QueryEscape("-अंतरिक्षयान")
	res, body := do(t, s, "GET", target, "")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", target, res.StatusCode)
	}
	next := links(body, "page=2")
	if len(next) == 0 {
		t.Fatalf("GET %s: no link to page 2 in\n%s", target, body)
	}
	for _, l := range next {
		u, _ := url.Parse(l)
		v := u.Query()
		if v.Get("lang") != "hi" || v.Get("sort") != "newest" || v.Get("q") != "-अंतरिक्षयान" {
			t.Errorf("page link %q lost the state (lang=hi sort=newest q=-अंतरिक्षयान)", l)
		}
	}
	_, p2 := do(t, s, "GET", next[0], "")
	first := func(body string) string {
		m := regexp.MustCompile(`href="/articles/([^"]+)"`).FindStringSubmatch(body)
		if m == nil {
			return ""
		}
		return m[1]
	}
	if first(p2) == "" || first(p2) == first(body) {
		t.Errorf("page 2 starts with %q, page 1 with %q; want different articles", first(p2), first(body))
	}
	if !strings.Contains(p2, `rel="prev"`) {
		t.Error("page 2 has no link to the previous page")
	}
}

func TestArticlePage(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	// Find a scraped Jaishankar page (its ID is derived, not sample-NNN).
	_, body := do(t, s, "GET", "/?q="+url.QueryEscape("जयशंकर सिंगापुर"), "")
	m := regexp.MustCompile(`href="(/articles/[0-9a-f]{16})"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no scraped article link in\n%s", body)
	}
	res, page := do(t, s, "GET", m[1], "")
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: status %d", m[1], res.StatusCode)
	}
	for _, want := range []string{`<article class="article" lang="hi">`, "<h1>", `class="byline"`, "जयशंकर",
		`<details class="removed">`, "सिंगापुर", "JSON</a>"} {
		if !strings.Contains(page, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	// A JSONL sample with a URL links to it, without passing on trust.
	_, page = do(t, s, "GET", "/articles/sample-001", "")
	if !strings.Contains(page, `rel="noopener nofollow">https://www.nagar-times.example/`) {
		t.Errorf("sample-001: no original link with rel=\"noopener nofollow\"")
	}
	if !strings.Contains(page, `<article class="article" lang="en">`) || !strings.Contains(page, "14 July 2025, 20:10 IST") {
		t.Errorf("sample-001: want lang=en and an English date")
	}
	res, page = do(t, s, "GET", "/articles/no-such-id", "")
	if res.StatusCode != 404 || !strings.Contains(page, "no-such-id") {
		t.Errorf("missing article: got %d, want 404 naming the ID", res.StatusCode)
	}
}

func TestStatic(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	for _, p := range []string{"/static/style.css", "/static/app.js"} {
		res, body := do(t, s, "GET", p, "")
		if res.StatusCode != 200 || len(body) < 100 {
			t.Errorf("GET %s: status %d, %d bytes", p, res.StatusCode, len(body))
		}
	}
	if res, _ := do(t, s, "GET", "/static/nothing.css", ""); res.StatusCode != 404 {
		t.Errorf("missing static file: got %d, want 404", res.StatusCode)
	}
}
