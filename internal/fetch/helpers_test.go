package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"sort"
	"sync"
	"testing"
	"time"
)

// hit is one request as the server saw it.
type hit struct {
	path string
	at   time.Time
	ua   string
}

// recorder is a loopback test server that records every request it gets,
// server side, and serves robots.txt from a string (404 when empty).
type recorder struct {
	*httptest.Server

	mu       sync.Mutex
	hits     []hit
	inFlight int
	maxIn    int
}

func newRecorder(t *testing.T, robots string, h http.HandlerFunc) *recorder {
	t.Helper()
	return newRecorderRobots(t, func(w http.ResponseWriter) {
		if robots == "" {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		w.Write([]byte(robots))
	}, h)
}

// newRecorderRobots is newRecorder with robots.txt served by a function.
func newRecorderRobots(t *testing.T, robots func(http.ResponseWriter), h http.HandlerFunc) *recorder {
	t.Helper()
	rec := &recorder{}
	rec.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.mu.Lock()
		rec.hits = append(rec.hits, hit{path: r.URL.RequestURI(), at: time.Now(), ua: r.UserAgent()})
		rec.inFlight++
		rec.maxIn = max(rec.maxIn, rec.inFlight)
		rec.mu.Unlock()
		defer func() {
			rec.mu.Lock()
			rec.inFlight--
			rec.mu.Unlock()
		}()
		if r.URL.Path == "/robots.txt" {
			robots(w)
			return
		}
		h(w, r)
	}))
	t.Cleanup(rec.Close)
	return rec
}

// pageHits returns the recorded requests other than robots.txt, by time.
func (r *recorder) pageHits() []hit {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []hit
	for _, h := range r.hits {
		if h.path != "/robots.txt" {
			out = append(out, h)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].at.Before(out[j].at) })
	return out
}

func (r *recorder) count(path string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, h := range r.hits {
		if h.path == path {
			n++
		}
	}
	return n
}

// loopbackOnly allows the httptest servers (127.0.0.1) and nothing else
// that the guard would refuse.
var loopbackOnly = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}

// testConfig is a fast configuration for loopback tests.
func testConfig() Config {
	return Config{
		Interval:      5 * time.Millisecond,
		AllowNetworks: loopbackOnly,
		BackoffBase:   time.Millisecond,
		BackoffMax:    5 * time.Millisecond,
		Timeout:       5 * time.Second,
		HeaderTimeout: 5 * time.Second,
	}
}

// fakeClock is virtual time: Sleep advances it at once and records how
// long was asked for. It is safe for concurrent use.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Now()} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d > 0 {
		c.sleeps = append(c.sleeps, d)
		c.now = c.now.Add(d)
	}
	return ctx.Err()
}

func (c *fakeClock) total() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	var sum time.Duration
	for _, d := range c.sleeps {
		sum += d
	}
	return sum
}

func (c *fakeClock) longest() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	var m time.Duration
	for _, d := range c.sleeps {
		m = max(m, d)
	}
	return m
}

// mapResolver resolves names from a map.
type mapResolver map[string][]netip.Addr

func (m mapResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	if a, ok := m[host]; ok {
		return a, nil
	}
	return nil, &netErr{host}
}

type netErr struct{ host string }

func (e *netErr) Error() string { return "no such host " + e.host }
