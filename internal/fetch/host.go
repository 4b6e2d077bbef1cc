package fetch

import (
	"context"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// host is the politeness state of one host (scheme, name and port).
type host struct {
	sem chan struct{} // one token per request in flight

	mu         sync.Mutex
	interval   time.Duration // configured floor
	crawlDelay time.Duration // from robots.txt, capped
	next       time.Time     // earliest start of the next request

	robotsMu sync.Mutex // held while robots.txt is fetched
	robots   *robotsEntry
}

// robotsEntry is a cached robots.txt verdict.
type robotsEntry struct {
	data    *robotstxt.RobotsData // nil while disallowed for an error
	group   *robotstxt.Group
	expires time.Time
	reason  string // why everything is disallowed, for errors
}

// hostFor returns the state for a host key, creating it on first use.
func (f *Fetcher) hostFor(key, hostname string) *host {
	f.mu.Lock()
	defer f.mu.Unlock()
	h, ok := f.hosts[key]
	if !ok {
		interval, inFlight := f.cfg.policy(key, hostname)
		h = &host{sem: make(chan struct{}, inFlight), interval: interval}
		f.hosts[key] = h
	}
	return h
}

// acquire waits for a free in-flight slot and for the host's next start
// time, and reserves the start after it. The caller must call release
// once the response has been read.
func (h *host) acquire(ctx context.Context, clock Clock) error {
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	h.mu.Lock()
	now := clock.Now()
	start := h.next
	if start.Before(now) {
		start = now
	}
	h.next = start.Add(max(h.interval, h.crawlDelay))
	h.mu.Unlock()
	if err := clock.Sleep(ctx, start.Sub(now)); err != nil {
		h.release()
		return err
	}
	return nil
}

func (h *host) release() { <-h.sem }

// pushBack makes the host's next start no earlier than t (Retry-After and
// backoff apply to the whole host, not just one caller).
func (h *host) pushBack(t time.Time) {
	h.mu.Lock()
	if t.After(h.next) {
		h.next = t
	}
	h.mu.Unlock()
}

func (h *host) setCrawlDelay(d time.Duration) {
	h.mu.Lock()
	h.crawlDelay = d
	h.mu.Unlock()
}
