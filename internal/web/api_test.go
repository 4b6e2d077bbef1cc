package web

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func decode(t *testing.T, body string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, body)
	}
}

func TestAPISearch(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	res, body := do(t, s, "GET", "/api/v1/search?limit=2&q="+url.QueryEscape("मानसून"), "")
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("got %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	var raw map[string]json.RawMessage
	decode(t, body, &raw)
	for _, k := range []string{"total", "hits", "facets", "query"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("response lacks %q: %s", k, body)
		}
	}
	var out struct {
		Total  int `json:"total"`
		Hits   []map[string]any
		Facets struct {
			Sources, Langs []struct {
				Value string
				Count int
			}
		}
		Next *struct{ Offset, Limit int }
	}
	decode(t, body, &out)
	if len(out.Hits) != 2 || out.Total <= 2 || out.Next == nil || out.Next.Offset != 2 {
		t.Fatalf("got %d hits of %d, next %+v; want 2 of more, next offset 2", len(out.Hits), out.Total, out.Next)
	}
	for _, k := range []string{"id", "score", "headline", "url", "source", "snippet"} {
		if _, ok := out.Hits[0][k]; !ok {
			t.Errorf("hit lacks %q: %v", k, out.Hits[0])
		}
	}
	sum := 0
	for _, f := range out.Facets.Langs {
		sum += f.Count
	}
	if sum != out.Total {
		t.Errorf("language facet counts add up to %d, want total %d", sum, out.Total)
	}

	// The fallback note, and newest-first sort.
	_, body = do(t, s, "GET", "/api/v1/search?sort=newest&q="+url.QueryEscape("मानसून क्रिकेट"), "")
	var fb struct {
		Note string
		Hits []struct{ Published string }
	}
	decode(t, body, &fb)
	if fb.Note == "" {
		t.Errorf("fallback search: got no note")
	}
	var dates []string
	for _, h := range fb.Hits {
		if h.Published != "" {
			dates = append(dates, h.Published)
		}
	}
	if !slices.IsSortedFunc(dates, func(a, b string) int { return strings.Compare(b, a) }) {
		t.Errorf("sort=newest: dates %v are not newest first", dates)
	}

	for _, bad := range []string{"q=x&limit=0", "q=x&limit=101", "q=x&limit=x", "q=x&offset=-1", "q=x&sort=best",
		"q=" + url.QueryEscape("to:kal"), "q=x&from=2025-13-01", "q=x&offset=9999"} {
		res, body := do(t, s, "GET", "/api/v1/search?"+bad, "")
		var e errorBody
		decode(t, body, &e)
		if res.StatusCode != 400 || e.Error == "" {
			t.Errorf("?%s: got %d %q, want 400 with an error", bad, res.StatusCode, body)
		}
	}
}

func TestAPIArticle(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	res, body := do(t, s, "GET", "/api/v1/articles/sample-007", "")
	if res.StatusCode != 200 {
		t.Fatalf("got %d", res.StatusCode)
	}
	var a struct {
		ID, Headline, Language, Published string
		Body                              []struct{ Kind, Text string }
	}
	decode(t, body, &a)
	if a.ID != "sample-007" || a.Language != "hi" || !strings.Contains(a.Headline, "मानसून") || len(a.Body) == 0 || a.Body[0].Kind != "paragraph" {
		t.Errorf("got %+v", a)
	}
	res, body = do(t, s, "GET", "/api/v1/articles/nope", "")
	if res.StatusCode != 404 || !strings.Contains(body, `"error"`) {
		t.Errorf("missing: got %d %s, want 404 with an error", res.StatusCode, body)
	}
	res, body = do(t, s, "GET", "/api/v1/nothing", "")
	if res.StatusCode != 404 || !strings.Contains(body, `"error"`) {
		t.Errorf("unknown API route: got %d %s, want 404 JSON", res.StatusCode, body)
	}
}

const (
	rec1 = `{"id":"api-1","title":"लखनऊ में पुस्तक मेला शुरू","text":"लखनऊ के चारबाग में शनिवार से दस दिन का पुस्तक मेला शुरू हुआ।\n\nमेले में दो सौ प्रकाशक आए हैं।","published":"2026-02-07","source":"Test Wire"}`
	rec2 = `{"title":"Book fair opens in Lucknow","text":"A ten-day book fair opened at Charbagh on Saturday.","url":"https://test-wire.example/book-fair","language":"en"}`
)

func TestAPIPost(t *testing.T) {
	s, _ := newTestServer(t, Config{Token: testToken, MaxBodyBytes: 4096})
	auth := []string{"Authorization", "Bearer " + testToken}
	post := func(body string, h ...string) (*http.Response, postResponse, string) {
		t.Helper()
		res, raw := do(t, s, "POST", "/api/v1/articles", body, h...)
		var out postResponse
		_ = json.Unmarshal([]byte(raw), &out)
		return res, out, raw
	}
	tests := []struct {
		name, body string
		code       int
		summary    string // created/updated/unchanged/failed
	}{
		{"one object", rec1, 200, "1/0/0/0"},
		{"same again is unchanged", rec1, 200, "0/0/1/0"},
		{"array with a bad record", "[" + rec2 + `, {"title":""}, 7]`, 200, "1/0/0/2"},
		{"JSONL with a bad line", strings.ReplaceAll(rec1, "पुस्तक मेला शुरू", "मेला बदला") + "\n\n{oops\n" + rec2 + "\n", 200, "0/1/1/1"},
		{"every record bad", `[{"text":"  "}]`, 422, "0/0/0/1"},
		{"a record with a bad date", `{"title":"x","published":"kal"}`, 422, "0/0/0/1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, out, raw := post(tt.body, auth...)
			if res.StatusCode != tt.code {
				t.Fatalf("got %d, want %d: %s", res.StatusCode, tt.code, raw)
			}
			got := fmt.Sprintf("%d/%d/%d/%d", out.Created, out.Updated, out.Unchanged, out.Failed)
			if got != tt.summary {
				t.Errorf("got %s, want %s: %s", got, tt.summary, raw)
			}
			for _, r := range out.Results {
				if r.Status == "failed" && r.Error == "" {
					t.Errorf("failed item without an error: %+v", r)
				}
			}
		})
	}
	// The posted articles are searchable at once.
	_, body := do(t, s, "GET", "/api/v1/search?q="+url.QueryEscape("पुस्तक मेला"), "")
	if !strings.Contains(body, `"api-1"`) {
		t.Errorf("posted article api-1 not found by search: %s", body)
	}
	_, body = do(t, s, "GET", "/api/v1/search?q=charbagh", "")
	if !strings.Contains(body, "test-wire.example") {
		t.Errorf("posted English article not found: %s", body)
	}

	errs := []struct {
		name, body string
		header     []string
		code       int
		want       string
	}{
		{"no token", rec1, nil, 401, "Authorization: Bearer"},
		{"wrong token", rec1, []string{"Authorization", "Bearer nope"}, 403, "wrong"},
		{"basic auth with the token", rec1, []string{"Authorization", "Basic " + basic("x", testToken)}, 200, ""},
		{"too large", `{"title":"` + strings.Repeat("क", 2000) + `"}`, auth, 413, "larger than"},
		{"malformed object", `{"title": "x"`, auth, 400, "malformed JSON on line 1"},
		{"malformed array", `[{"title": "x"},`, auth, 400, "malformed JSON array"},
		{"not JSON", "शीर्षक", auth, 400, "starts with"},
		{"empty", "  ", auth, 400, "empty body"},
		{"empty array", "[]", auth, 400, "no records"},
		{"invalid UTF-8", "{\"title\":\"\xff\"}", auth, 400, "UTF-8"},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			res, _, raw := post(tt.body, tt.header...)
			if res.StatusCode != tt.code {
				t.Fatalf("got %d, want %d: %s", res.StatusCode, tt.code, raw)
			}
			if tt.code >= 400 {
				var e errorBody
				decode(t, raw, &e)
				if !strings.Contains(e.Error, tt.want) {
					t.Errorf("got error %q, want it to mention %q", e.Error, tt.want)
				}
			}
		})
	}
}

func basic(user, pass string) string {
	return base64Std(user + ":" + pass)
}

func TestAPIWritesNeedConfiguredToken(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	res, body := do(t, s, "POST", "/api/v1/articles", rec1, "Authorization", "Bearer anything")
	if res.StatusCode != 403 || !strings.Contains(body, "KHABAR_API_TOKEN") {
		t.Errorf("write without a configured token: got %d %s, want 403 naming KHABAR_API_TOKEN", res.StatusCode, body)
	}
}

func TestPrivate(t *testing.T) {
	if _, err := New(Config{Private: true}, nil, nil, nil); err == nil {
		t.Error("New with nil dependencies: got nil error")
	}
	ar := testArchive(t)
	if _, err := New(Config{Private: true}, ar.Store, ar.Searcher, ar.Index); err == nil {
		t.Error("private without a token: got nil error")
	}
	s, err := New(Config{Private: true, Token: testToken}, ar.Store, ar.Searcher, ar.Index)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/?q=x", "/articles/sample-001", "/api/v1/search?q=x", "/api/v1/articles/sample-001", "/metrics"} {
		if res, _ := do(t, s, "GET", p, ""); res.StatusCode != 401 {
			t.Errorf("private GET %s without token: got %d, want 401", p, res.StatusCode)
		}
		if res, _ := do(t, s, "GET", p, "", "Authorization", "Bearer "+testToken); res.StatusCode != 200 {
			t.Errorf("private GET %s with token: got %d, want 200", p, res.StatusCode)
		}
	}
	res, _ := do(t, s, "GET", "/", "")
	if !strings.HasPrefix(res.Header.Get("WWW-Authenticate"), "Basic") {
		t.Errorf("private page: got WWW-Authenticate %q, want Basic (browsers prompt)", res.Header.Get("WWW-Authenticate"))
	}
	for _, p := range []string{"/healthz", "/static/style.css"} {
		if res, _ := do(t, s, "GET", p, ""); res.StatusCode != 200 {
			t.Errorf("private GET %s: got %d, want 200 (always open)", p, res.StatusCode)
		}
	}
}

func TestOpenAPI(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	res, body := do(t, s, "GET", "/api/v1/openapi.json", "")
	if res.StatusCode != 200 {
		t.Fatalf("got %d", res.StatusCode)
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	decode(t, body, &doc)
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("got openapi %q, want 3.1.0", doc.OpenAPI)
	}
	for _, r := range s.routes() {
		method, path, ok := strings.Cut(r.pattern, " ")
		if !ok || !strings.HasPrefix(path, "/api/") {
			continue
		}
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("route %s is not in openapi.json", r.pattern)
		}
	}
	// Every $ref points at something.
	for _, m := range regexp.MustCompile(`"\$ref": "#/components/(\w+)/(\w+)"`).FindAllStringSubmatch(body, -1) {
		if !strings.Contains(body, `"`+m[2]+`": {`) {
			t.Errorf("dangling $ref %s/%s", m[1], m[2])
		}
	}
}

func TestHealthz(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	res, body := do(t, s, "GET", "/healthz", "")
	var h health
	decode(t, body, &h)
	if res.StatusCode != 200 || h.Status != "ok" || h.Store.Articles != 31 || h.Index.Documents != 31 || h.Index.Lag != 0 {
		t.Errorf("got %d %+v, want 200 ok with 31 articles and documents, lag 0", res.StatusCode, h)
	}
}

var (
	metricLine = regexp.MustCompile(`^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*)?\})? (\S+)$`)
	metaLine   = regexp.MustCompile(`^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$`)
)

func TestMetrics(t *testing.T) {
	s, _ := newTestServer(t, Config{Token: testToken})
	do(t, s, "GET", "/?q=x", "")
	do(t, s, "GET", "/articles/nope", "")
	do(t, s, "POST", "/api/v1/articles", rec1, "Authorization", "Bearer "+testToken)
	res, body := do(t, s, "GET", "/metrics", "")
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("got %d %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	values := map[string]float64{}
	typed := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(body))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if m := metaLine.FindStringSubmatch(line); m != nil {
			if m[1] == "TYPE" {
				typed[m[2]] = m[3]
			}
			continue
		}
		m := metricLine.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("line %d is not in the exposition format: %q", n, line)
			continue
		}
		v, err := strconv.ParseFloat(m[4], 64)
		if err != nil {
			t.Errorf("line %d: bad value %q", n, m[4])
		}
		base := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(m[1], "_bucket"), "_sum"), "_count")
		if typed[m[1]] == "" && typed[base] == "" {
			t.Errorf("line %d: %s has no # TYPE before it", n, m[1])
		}
		values[m[1]+m[2]] = v
	}
	want := map[string]float64{
		`khabar_http_requests_total{route="GET /{$}",code="200"}`:                 1,
		`khabar_http_requests_total{route="GET /articles/{id}",code="404"}`:       1,
		`khabar_http_requests_total{route="POST /api/v1/articles",code="200"}`:    1,
		`khabar_http_request_duration_seconds_count{route="GET /{$}"}`:            1,
		`khabar_http_request_duration_seconds_bucket{route="GET /{$}",le="+Inf"}`: 1,
		`khabar_ingested_articles_total`:                                          1,
		`khabar_store_articles`:                                                   32,
	}
	for k, v := range want {
		if got, ok := values[k]; !ok || got != v {
			t.Errorf("%s: got %v (present %v), want %v", k, got, ok, v)
		}
	}
	if values["khabar_data_dir_bytes"] <= 0 {
		t.Errorf("khabar_data_dir_bytes: got %v, want > 0", values["khabar_data_dir_bytes"])
	}
}

func TestAPISearchMode(t *testing.T) {
	s, _ := newTestServer(t, Config{})
	q := url.QueryEscape("मानसून क्रिकेट")
	var all, anyw struct {
		Total int
		Note  string
	}
	_, body := do(t, s, "GET", "/api/v1/search?q="+q, "")
	decode(t, body, &all)
	_, body = do(t, s, "GET", "/api/v1/search?mode=any&q="+q, "")
	decode(t, body, &anyw)
	if anyw.Total == 0 || anyw.Note != "" {
		t.Errorf("mode=any: got %d hits, note %q; want hits and no fallback note", anyw.Total, anyw.Note)
	}
	if anyw.Total != all.Total || all.Note == "" {
		t.Errorf("all-words fallback: got %d hits (note %q), want the any-word %d with a note", all.Total, all.Note, anyw.Total)
	}
	if res, body := do(t, s, "GET", "/api/v1/search?mode=some&q="+q, ""); res.StatusCode != 400 || !strings.Contains(body, "mode") {
		t.Errorf("bad mode: got %d %s, want 400 naming mode", res.StatusCode, body)
	}
}
