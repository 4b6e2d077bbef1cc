package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const hindiPage = `<!doctype html><html lang="hi"><head><title>मानसून की पहली बारिश</title></head>` +
	`<body><p>शहर में आज सुबह से रुक-रुक कर बारिश हो रही है।</p></body></html>`

func TestGetPageAndUserAgent(t *testing.T) {
	srv := newRecorder(t, "", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", `"v1"`)
		w.Write([]byte(hindiPage))
	})
	cfg := testConfig()
	cfg.Contact = "https://khabar.example/contact"
	f := New(cfg)
	defer f.Close()
	resp, err := f.Get(context.Background(), srv.URL+"/story/1#top", Conditional{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(resp.Body), hindiPage; got != want {
		t.Errorf("body: got %q, want %q", got, want)
	}
	if got, want := resp.ETag, `"v1"`; got != want {
		t.Errorf("ETag: got %q, want %q", got, want)
	}
	if got, want := resp.URL, srv.URL+"/story/1"; got != want {
		t.Errorf("URL: got %q, want %q", got, want)
	}
	hits := srv.pageHits()
	if len(hits) != 1 {
		t.Fatalf("got %d page requests, want 1", len(hits))
	}
	if got, want := hits[0].ua, "khabar/0.1 (+https://khabar.example/contact)"; got != want {
		t.Errorf("User-Agent: got %q, want %q", got, want)
	}
}

func TestConditionalGet(t *testing.T) {
	const etag, lastMod = `"abc"`, "Tue, 18 Nov 2025 05:00:00 GMT"
	srv := newRecorder(t, "", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		w.Write([]byte(hindiPage))
	})
	f := New(testConfig())
	tests := []struct {
		name    string
		cond    Conditional
		notMod  bool
		wantLen int
	}{
		{"no validators", Conditional{}, false, len(hindiPage)},
		{"etag", Conditional{ETag: etag}, true, 0},
		{"last-modified", Conditional{LastModified: lastMod}, true, 0},
		{"stale etag", Conditional{ETag: `"old"`}, false, len(hindiPage)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := f.Get(context.Background(), srv.URL+"/a", tc.cond)
			if err != nil {
				t.Fatal(err)
			}
			if resp.NotModified != tc.notMod || len(resp.Body) != tc.wantLen {
				t.Errorf("got NotModified=%v len=%d, want %v len=%d", resp.NotModified, len(resp.Body), tc.notMod, tc.wantLen)
			}
		})
	}
}

func TestRobots(t *testing.T) {
	const rules = "User-agent: *\nDisallow: /\n\nUser-agent: khabar\nDisallow: /private/\nAllow: /\n"
	tests := []struct {
		name    string
		robots  func(w http.ResponseWriter)
		path    string
		allowed bool
		errText string
	}{
		{"allowed for khabar", func(w http.ResponseWriter) { w.Write([]byte(rules)) }, "/news/1", true, ""},
		{"disallowed path", func(w http.ResponseWriter) { w.Write([]byte(rules)) }, "/private/x", false, "/private/x is disallowed"},
		{"404 allows all", func(w http.ResponseWriter) { w.WriteHeader(404) }, "/private/x", true, ""},
		{"403 allows all", func(w http.ResponseWriter) { w.WriteHeader(403) }, "/news/1", true, ""},
		{"503 disallows", func(w http.ResponseWriter) { w.WriteHeader(503) }, "/news/1", false, "robots.txt answered HTTP 503"},
		{"429 disallows", func(w http.ResponseWriter) { w.WriteHeader(429) }, "/news/1", false, "robots.txt answered HTTP 429"},
		{"garbage allows", func(w http.ResponseWriter) { w.Write([]byte("Crawl-delay: soon\n\x00\x01")) }, "/news/1", true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var robotsHits, pageHits atomic.Int32
			srv := newRecorderRobots(t, func(w http.ResponseWriter) {
				robotsHits.Add(1)
				tc.robots(w)
			}, func(w http.ResponseWriter, r *http.Request) {
				pageHits.Add(1)
				w.Write([]byte(hindiPage))
			})
			f := New(testConfig())
			for range 2 {
				_, err := f.Get(context.Background(), srv.URL+tc.path, Conditional{})
				if tc.allowed && err != nil {
					t.Fatalf("got error %v, want the page", err)
				}
				if !tc.allowed {
					if !errors.Is(err, ErrDisallowed) || !strings.Contains(err.Error(), tc.errText) || !strings.Contains(err.Error(), srv.URL) {
						t.Fatalf("got error %v, want ErrDisallowed mentioning %q and the URL", err, tc.errText)
					}
				}
			}
			if got := robotsHits.Load(); got != 1 {
				t.Errorf("robots.txt fetched %d times, want 1 (cached)", got)
			}
			want := int32(0)
			if tc.allowed {
				want = 2
			}
			if got := pageHits.Load(); got != want {
				t.Errorf("page fetched %d times, want %d", got, want)
			}
		})
	}
}

func TestRobotsTTLAndRetry(t *testing.T) {
	var status atomic.Int32
	status.Store(503)
	var robotsHits atomic.Int32
	srv := newRecorderRobots(t, func(w http.ResponseWriter) {
		robotsHits.Add(1)
		w.WriteHeader(int(status.Load()))
	}, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(hindiPage)) })
	clock := newFakeClock()
	cfg := testConfig()
	cfg.Clock = clock
	cfg.RobotsRetry = time.Minute
	cfg.RobotsTTL = time.Hour
	f := New(cfg)
	ctx := context.Background()
	if _, err := f.Get(ctx, srv.URL+"/a", Conditional{}); !errors.Is(err, ErrDisallowed) {
		t.Fatalf("got %v, want ErrDisallowed while robots.txt answers 503", err)
	}
	status.Store(404)
	if _, err := f.Get(ctx, srv.URL+"/a", Conditional{}); !errors.Is(err, ErrDisallowed) {
		t.Fatalf("got %v, want ErrDisallowed until RobotsRetry has passed", err)
	}
	clock.Sleep(ctx, 2*time.Minute)
	if _, err := f.Get(ctx, srv.URL+"/a", Conditional{}); err != nil {
		t.Fatalf("got %v after RobotsRetry, want the page", err)
	}
	if got := robotsHits.Load(); got != 2 {
		t.Errorf("robots.txt fetched %d times, want 2", got)
	}
}

func TestRetries(t *testing.T) {
	tests := []struct {
		name        string
		fail        []int    // statuses before success; 0 = success
		retryAfter  []string // Retry-After per failure
		attempts    int      // MaxAttempts
		wantErr     string
		wantTries   int
		wantLongest time.Duration // longest single wait, at least
		wantAtMost  time.Duration // and at most
	}{
		{name: "503 then success", fail: []int{503}, attempts: 4, wantTries: 2, wantLongest: 50 * time.Millisecond, wantAtMost: 100 * time.Millisecond},
		{name: "two 500s then success", fail: []int{500, 502}, attempts: 4, wantTries: 3, wantLongest: 100 * time.Millisecond, wantAtMost: 200 * time.Millisecond},
		{name: "408 then success", fail: []int{408}, attempts: 4, wantTries: 2},
		{name: "429 retry-after seconds", fail: []int{429}, retryAfter: []string{"3"}, attempts: 4, wantTries: 2, wantLongest: 3 * time.Second, wantAtMost: 3 * time.Second},
		{name: "429 retry-after capped", fail: []int{429}, retryAfter: []string{"86400"}, attempts: 4, wantTries: 2, wantLongest: 10 * time.Second, wantAtMost: 10 * time.Second},
		{name: "503 retry-after date", fail: []int{503}, retryAfter: []string{"DATE+5"}, attempts: 4, wantTries: 2, wantLongest: 3 * time.Second, wantAtMost: 6 * time.Second},
		{name: "gives up", fail: []int{503, 503, 503}, attempts: 2, wantErr: "after 2 attempts: HTTP 503"},
		{name: "404 is final", fail: []int{404}, attempts: 4, wantErr: "HTTP 404 Not Found"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var n atomic.Int32
			srv := newRecorder(t, "", func(w http.ResponseWriter, r *http.Request) {
				i := int(n.Add(1)) - 1
				if i < len(tc.fail) {
					if i < len(tc.retryAfter) {
						v := tc.retryAfter[i]
						if v == "DATE+5" {
							v = time.Now().Add(5 * time.Second).UTC().Format(http.TimeFormat)
						}
						w.Header().Set("Retry-After", v)
					}
					w.WriteHeader(tc.fail[i])
					return
				}
				w.Write([]byte(hindiPage))
			})
			clock := newFakeClock()
			cfg := testConfig()
			cfg.Clock = clock
			cfg.Interval = time.Millisecond
			cfg.BackoffBase = 100 * time.Millisecond
			cfg.BackoffMax = time.Second
			cfg.RetryAfterMax = 10 * time.Second
			cfg.MaxAttempts = tc.attempts
			cfg.Jitter = func() float64 { return 0 } // backoff = half of base·2^(n-1)
			f := New(cfg)
			resp, err := f.Get(context.Background(), srv.URL+"/x", Conditional{})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("got error %v, want one containing %q", err, tc.wantErr)
				}
				var se *StatusError
				if !errors.As(err, &se) {
					t.Errorf("got %T, want a *StatusError inside", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.Attempts != tc.wantTries {
				t.Errorf("attempts: got %d, want %d", resp.Attempts, tc.wantTries)
			}
			if got := clock.longest(); tc.wantLongest > 0 && (got < tc.wantLongest || got > tc.wantAtMost) {
				t.Errorf("longest wait: got %v, want between %v and %v", got, tc.wantLongest, tc.wantAtMost)
			}
		})
	}
}

func TestBackoffGrowsWithJitter(t *testing.T) {
	f := New(Config{BackoffBase: 100 * time.Millisecond, BackoffMax: time.Second, Jitter: func() float64 { return 0.999 }})
	prev := time.Duration(0)
	for n := 1; n <= 6; n++ {
		d := f.backoff(n)
		if d > time.Second || d < prev {
			t.Errorf("backoff(%d): got %v, want ≤ 1s and ≥ backoff(%d)=%v", n, d, n-1, prev)
		}
		prev = d
	}
	lo := New(Config{BackoffBase: 100 * time.Millisecond, Jitter: func() float64 { return 0 }}).backoff(1)
	if lo != 50*time.Millisecond {
		t.Errorf("backoff(1) with no jitter: got %v, want 50ms", lo)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 11, 18, 5, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"7", 7 * time.Second},
		{"-3", 0},
		{"99999999999999999", time.Minute},
		{"Tue, 18 Nov 2025 05:00:30 GMT", 30 * time.Second},
		{"Tue, 18 Nov 2025 04:00:00 GMT", 0},
		{"Tue, 18 Nov 2025 09:00:00 GMT", time.Minute},
		{"soon", 0},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := parseRetryAfter(tc.in, now, time.Minute); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestTimeouts(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		cfg     func(*Config)
		wantErr string
	}{
		{
			name: "slow headers",
			handler: func(w http.ResponseWriter, r *http.Request) {
				select {
				case <-r.Context().Done():
				case <-time.After(3 * time.Second):
				}
			},
			cfg:     func(c *Config) { c.HeaderTimeout = 100 * time.Millisecond },
			wantErr: "timeout awaiting response headers",
		},
		{
			name: "stalled body",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Write([]byte(hindiPage[:40]))
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
				case <-time.After(3 * time.Second):
				}
			},
			cfg:     func(c *Config) { c.Timeout = 150 * time.Millisecond },
			wantErr: "no complete response within 150ms",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newRecorder(t, "", tc.handler)
			cfg := testConfig()
			cfg.MaxAttempts = 2
			tc.cfg(&cfg)
			start := time.Now()
			_, err := New(cfg).Get(context.Background(), srv.URL+"/slow", Conditional{})
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), srv.URL+"/slow") {
				t.Fatalf("got error %v, want one naming the URL and %q", err, tc.wantErr)
			}
			if !strings.Contains(err.Error(), "after 2 attempts") {
				t.Errorf("got %v, want the timeout retried", err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v, want the timeout to cut it short", d)
			}
		})
	}
}

func TestRedirects(t *testing.T) {
	srv := newRecorder(t, "", func(w http.ResponseWriter, r *http.Request) {
		switch p := r.URL.Path; {
		case p == "/a":
			http.Redirect(w, r, "/b", http.StatusFound)
		case p == "/b":
			http.Redirect(w, r, "/a", http.StatusMovedPermanently)
		case strings.HasPrefix(p, "/hop/"):
			var n int
			fmt.Sscanf(p, "/hop/%d", &n)
			if n == 0 {
				w.Write([]byte(hindiPage))
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusTemporaryRedirect)
		case p == "/ftp":
			http.Redirect(w, r, "ftp://example.in/file", http.StatusFound)
		case p == "/empty":
			w.WriteHeader(http.StatusFound)
		}
	})
	f := New(testConfig())
	tests := []struct {
		path      string
		wantErr   error
		redirects int
	}{
		{"/hop/3", nil, 3},
		{"/hop/5", nil, 5},
		{"/hop/6", ErrTooManyRedirects, 0},
		{"/a", ErrRedirectLoop, 0},
		{"/ftp", ErrScheme, 0},
		{"/empty", ErrBadRedirect, 0},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			resp, err := f.Get(context.Background(), srv.URL+tc.path, Conditional{})
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) || !strings.Contains(err.Error(), srv.URL) {
					t.Fatalf("got error %v, want %v naming the URL", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(resp.Redirects) != tc.redirects || resp.URL != srv.URL+"/hop/0" {
				t.Errorf("got %d redirects ending at %q, want %d ending at /hop/0", len(resp.Redirects), resp.URL, tc.redirects)
			}
		})
	}
}

func TestBodyCap(t *testing.T) {
	big := strings.Repeat("बारिश ", 200_000) // 3.4 MB of Devanagari
	srv := newRecorder(t, "", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/streamed" {
			w.Write([]byte(big[:len(big)/2]))
			w.(http.Flusher).Flush() // no Content-Length: chunked
			w.Write([]byte(big[len(big)/2:]))
			return
		}
		w.Header().Set("Content-Length", fmt.Sprint(len(big)))
		w.Write([]byte(big))
	})
	cfg := testConfig()
	cfg.MaxBytes = 1 << 20
	f := New(cfg)
	for _, path := range []string{"/streamed", "/declared"} {
		t.Run(path, func(t *testing.T) {
			_, err := f.Get(context.Background(), srv.URL+path, Conditional{})
			if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), srv.URL+path) {
				t.Fatalf("got %v, want ErrTooLarge naming the URL", err)
			}
		})
	}
	if got := srv.count("/streamed"); got != 1 {
		t.Errorf("too-large body fetched %d times, want 1 (not retried)", got)
	}
}

func TestBadURLs(t *testing.T) {
	f := New(testConfig())
	tests := []struct {
		url  string
		want error
	}{
		{"file:///etc/passwd", ErrScheme},
		{"gopher://example.in/", ErrScheme},
		{"/relative/path", ErrBadURL},
		{"http://", ErrBadURL},
		{"http://[::1", ErrBadURL},
	}
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			_, err := f.Get(context.Background(), tc.url, Conditional{})
			if !errors.Is(err, tc.want) {
				t.Errorf("got %v, want %v", err, tc.want)
			}
		})
	}
}

func TestRobotsSitemaps(t *testing.T) {
	srv := newRecorder(t, "User-agent: *\nDisallow: /search\nSitemap: https://nagar.example/sitemap-news.xml\n", func(w http.ResponseWriter, r *http.Request) {})
	f := New(testConfig())
	maps, err := f.Robots(context.Background(), srv.URL+"/rashtriya/1")
	if err != nil {
		t.Fatal(err)
	}
	if len(maps) != 1 || maps[0] != "https://nagar.example/sitemap-news.xml" {
		t.Errorf("sitemaps: got %q, want the one listed", maps)
	}
	if _, err := f.Robots(context.Background(), srv.URL+"/search?q=बजट"); !errors.Is(err, ErrDisallowed) {
		t.Errorf("got %v, want ErrDisallowed for /search", err)
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"", "0", "120", "-1", "Tue, 18 Nov 2025 05:00:30 GMT", "Monday, 17-Nov-25 05:00:00 GMT", "1e9"} {
		f.Add(s)
	}
	now := time.Date(2025, 11, 18, 5, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		if d := parseRetryAfter(s, now, time.Minute); d < 0 || d > time.Minute {
			t.Errorf("parseRetryAfter(%q) = %v, want within [0, 1m]", s, d)
		}
	})
}
