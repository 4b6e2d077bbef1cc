package fetch

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"
)

// slack absorbs the scheduling noise between the client starting a request
// and the server seeing it on loopback, which reached 11 ms on a loaded
// 2-core machine. The intervals under test are 2.5 to 50 times larger,
// and without politeness the gaps would be about zero.
const slack = 20 * time.Millisecond

// checkGaps fails when two consecutive server-side request starts are
// closer than want.
func checkGaps(t *testing.T, name string, hits []hit, want time.Duration) {
	t.Helper()
	for i := 1; i < len(hits); i++ {
		if gap := hits[i].at.Sub(hits[i-1].at); gap < want-slack {
			t.Errorf("%s: requests %d and %d started %v apart, want ≥ %v", name, i-1, i, gap, want)
		}
	}
}

// getAll runs one Get per path from its own goroutine and fails on errors.
func getAll(t *testing.T, f *Fetcher, urls []string) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, len(urls))
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := f.Get(context.Background(), u, Conditional{}); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestPolitenessOneHost(t *testing.T) {
	const interval = 50 * time.Millisecond
	srv := newRecorder(t, "", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(120 * time.Millisecond) // slower than the interval: in-flight cap matters
		w.Write([]byte(hindiPage))
	})
	cfg := testConfig()
	cfg.Interval = interval
	cfg.MaxInFlight = 2
	f := New(cfg)
	var urls []string
	for i := range 6 {
		urls = append(urls, fmt.Sprintf("%s/story/%d", srv.URL, i))
	}
	getAll(t, f, urls)
	hits := srv.pageHits()
	if len(hits) != 6 {
		t.Fatalf("server saw %d page requests, want 6", len(hits))
	}
	checkGaps(t, "one host", hits, interval)
	srv.mu.Lock()
	maxIn := srv.maxIn
	srv.mu.Unlock()
	if maxIn != 2 {
		t.Errorf("at most %d requests were in flight, want exactly 2 (the cap, reached)", maxIn)
	}
}

func TestPolitenessPerHostPolicy(t *testing.T) {
	srv := newRecorder(t, "", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(hindiPage)) })
	cfg := testConfig()
	cfg.Interval = 5 * time.Millisecond
	host := srv.Listener.Addr().String()
	cfg.Hosts = map[string]HostPolicy{host: {Interval: 80 * time.Millisecond, MaxInFlight: 1}}
	f := New(cfg)
	getAll(t, f, []string{srv.URL + "/1", srv.URL + "/2", srv.URL + "/3"})
	checkGaps(t, "per-host policy", srv.pageHits(), 80*time.Millisecond)
}

func TestPolitenessAcrossHosts(t *testing.T) {
	const interval = 100 * time.Millisecond
	handler := func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(hindiPage)) }
	a := newRecorder(t, "", handler)
	b := newRecorder(t, "", handler)
	cfg := testConfig()
	cfg.Interval = interval
	f := New(cfg)
	var urls []string
	for i := range 3 {
		urls = append(urls, fmt.Sprintf("%s/a/%d", a.URL, i), fmt.Sprintf("%s/b/%d", b.URL, i))
	}
	start := time.Now()
	getAll(t, f, urls)
	elapsed := time.Since(start)
	ha, hb := a.pageHits(), b.pageHits()
	if len(ha) != 3 || len(hb) != 3 {
		t.Fatalf("servers saw %d and %d requests, want 3 each", len(ha), len(hb))
	}
	checkGaps(t, "host a", ha, interval)
	checkGaps(t, "host b", hb, interval)
	// The hosts are scheduled independently: each host's first request
	// comes before the other's second.
	if !hb[0].at.Before(ha[1].at) || !ha[0].at.Before(hb[1].at) {
		t.Errorf("hosts were served one after the other (a: %v, b: %v), want them in parallel", ha[0].at, hb[0].at)
	}
	// Robots.txt plus three pages per host is 3 intervals in parallel; one
	// host after the other would take at least 6.
	if elapsed >= 6*interval {
		t.Errorf("took %v, want < %v with hosts in parallel", elapsed, 6*interval)
	}
}

func TestCrawlDelay(t *testing.T) {
	srv := newRecorder(t, "User-agent: *\nCrawl-delay: 0.15\n", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(hindiPage))
	})
	cfg := testConfig()
	cfg.Interval = 5 * time.Millisecond
	f := New(cfg)
	getAll(t, f, []string{srv.URL + "/1", srv.URL + "/2", srv.URL + "/3"})
	hits := srv.pageHits()
	if len(hits) != 3 {
		t.Fatalf("server saw %d page requests, want 3", len(hits))
	}
	checkGaps(t, "crawl-delay", hits, 150*time.Millisecond)
}

func TestCrawlDelayCapped(t *testing.T) {
	srv := newRecorder(t, "User-agent: khabar\nCrawl-delay: 3600\n", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(hindiPage))
	})
	clock := newFakeClock()
	cfg := testConfig()
	cfg.Clock = clock
	cfg.MaxCrawlDelay = 30 * time.Second
	f := New(cfg)
	for _, p := range []string{"/1", "/2"} {
		if _, err := f.Get(context.Background(), srv.URL+p, Conditional{}); err != nil {
			t.Fatal(err)
		}
	}
	if got := clock.longest(); got != 30*time.Second {
		t.Errorf("wait between requests: got %v, want the 30s cap", got)
	}
}

func TestRetryAfterHoldsTheWholeHost(t *testing.T) {
	var mu sync.Mutex
	served := 0
	srv := newRecorder(t, "", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		served++
		first := served == 1
		mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Write([]byte(hindiPage))
	})
	cfg := testConfig()
	cfg.Interval = 5 * time.Millisecond
	cfg.MaxInFlight = 1
	f := New(cfg)
	getAll(t, f, []string{srv.URL + "/1", srv.URL + "/2", srv.URL + "/3"})
	hits := srv.pageHits()
	if len(hits) != 4 {
		t.Fatalf("server saw %d page requests, want 4 (one 429 retried)", len(hits))
	}
	// Every request after the 429 waits out the Retry-After, not just the
	// one that got it.
	if gap := hits[1].at.Sub(hits[0].at); gap < time.Second-slack {
		t.Errorf("next request %v after the 429, want ≥ 1s (Retry-After)", gap)
	}
}
