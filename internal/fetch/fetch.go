package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Fetcher fetches pages politely. Create it with New; it is safe for
// concurrent use and its politeness rules hold across all callers.
type Fetcher struct {
	cfg    Config
	ua     string
	client *http.Client
	guard  *guard

	mu    sync.Mutex
	hosts map[string]*host
}

// Conditional carries the validators of a copy the caller already has.
// Empty fields are not sent.
type Conditional struct {
	ETag         string // sent as If-None-Match
	LastModified string // sent as If-Modified-Since (an HTTP date, as received)
}

// Response is a fetched page. Body holds at most Config.MaxBytes,
// decompressed; it is empty when NotModified.
type Response struct {
	// URL is the final URL, after redirects; RequestURL the one asked for.
	URL        string
	RequestURL string
	// Redirects lists the URLs redirected from, in order.
	Redirects []string

	StatusCode  int
	Proto       string
	Header      http.Header
	Body        []byte
	NotModified bool // the server answered 304: the caller's copy is current

	// ETag and LastModified are the validators to send next time.
	ETag         string
	LastModified string

	// FetchedAt is when the final response arrived; Attempts counts the
	// tries of the final hop.
	FetchedAt time.Time
	Attempts  int
}

// New returns a Fetcher for cfg (zero fields take their defaults).
func New(cfg Config) *Fetcher {
	cfg = cfg.withDefaults()
	g := &guard{allowPrivate: cfg.AllowPrivate, allow: cfg.AllowNetworks, resolver: cfg.Resolver}
	dialer := &net.Dialer{Timeout: cfg.ConnectTimeout, KeepAlive: 30 * time.Second}
	tr := &http.Transport{
		Proxy:                  nil, // a proxy would dial for us, past the guard
		DialContext:            g.dialContext(dialer),
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    cfg.ConnectTimeout,
		ResponseHeaderTimeout:  cfg.HeaderTimeout,
		ExpectContinueTimeout:  time.Second,
		MaxIdleConns:           100,
		MaxIdleConnsPerHost:    cfg.MaxInFlight,
		IdleConnTimeout:        90 * time.Second,
		MaxResponseHeaderBytes: 1 << 20,
	}
	return &Fetcher{
		cfg: cfg,
		ua:  cfg.UserAgent(),
		client: &http.Client{
			Transport: tr,
			CheckRedirect: func(*http.Request, []*http.Request) error {
				return http.ErrUseLastResponse // Get follows redirects itself
			},
		},
		guard: g,
		hosts: make(map[string]*host),
	}
}

// UserAgent is the User-Agent header the Fetcher sends.
func (f *Fetcher) UserAgent() string { return f.ua }

// Close releases idle connections.
func (f *Fetcher) Close() { f.client.CloseIdleConnections() }

// Get fetches rawURL, following at most Config.MaxRedirects redirects
// (each hop checked against robots.txt, the address guard and the host's
// politeness schedule). It returns the final 2xx response, or a 304 as a
// Response with NotModified set. Every other outcome is an *Error naming
// the URL: a final non-2xx status wraps a *StatusError, robots.txt refusal
// wraps ErrDisallowed, a body over Config.MaxBytes wraps ErrTooLarge, a
// refused address ErrForbiddenAddress.
func (f *Fetcher) Get(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	u, err := parseURL(rawURL)
	if err != nil {
		return nil, &Error{URL: rawURL, Err: err}
	}
	visited := map[string]bool{}
	var redirects []string
	for hop := 0; ; hop++ {
		here := u.String()
		if visited[here] {
			return nil, &Error{URL: rawURL, Err: fmt.Errorf("%w: back to %s after %d redirects", ErrRedirectLoop, here, hop)}
		}
		visited[here] = true
		if !f.cfg.IgnoreRobots {
			if err := f.allowed(ctx, u); err != nil {
				return nil, &Error{URL: here, Err: err}
			}
		}
		resp, err := f.withRetries(ctx, u, cond)
		if err != nil {
			return nil, &Error{URL: here, Err: err}
		}
		if !isRedirect(resp.StatusCode) {
			resp.RequestURL = rawURL
			resp.Redirects = redirects
			return resp, nil
		}
		if hop >= f.cfg.MaxRedirects {
			return nil, &Error{URL: rawURL, Err: fmt.Errorf("%w: more than %d", ErrTooManyRedirects, f.cfg.MaxRedirects)}
		}
		next, err := redirectTarget(u, resp.Header.Get("Location"))
		if err != nil {
			return nil, &Error{URL: here, Err: err}
		}
		redirects = append(redirects, here)
		u = next
	}
}

// parseURL accepts absolute http and https URLs with a host.
func parseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadURL, err)
	}
	if err := checkURL(u); err != nil {
		return nil, err
	}
	return u, nil
}

func checkURL(u *url.URL) error {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		return fmt.Errorf("%w: not an absolute URL", ErrBadURL)
	default:
		return fmt.Errorf("%w %q (only http and https)", ErrScheme, u.Scheme)
	}
	if u.Hostname() == "" {
		return fmt.Errorf("%w: no host", ErrBadURL)
	}
	u.Fragment, u.RawFragment = "", ""
	return nil
}

func redirectTarget(from *url.URL, loc string) (*url.URL, error) {
	if strings.TrimSpace(loc) == "" {
		return nil, ErrBadRedirect
	}
	next, err := from.Parse(strings.TrimSpace(loc))
	if err != nil {
		return nil, fmt.Errorf("%w: %q: %v", ErrBadRedirect, loc, err)
	}
	if err := checkURL(next); err != nil {
		return nil, fmt.Errorf("redirect to %s: %w", next, err)
	}
	return next, nil
}

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

func retryableStatus(code int) bool {
	return code == http.StatusRequestTimeout || code == http.StatusTooManyRequests ||
		(code >= 500 && code <= 599 && code != http.StatusNotImplemented && code != http.StatusHTTPVersionNotSupported)
}

// hostKey is the politeness key of a URL: host[:port], lower case.
func hostKey(u *url.URL) string { return strings.ToLower(u.Host) }

// withRetries makes up to MaxAttempts attempts at one URL, each through
// the host's schedule, and returns the first final answer: success, 304,
// a redirect, or a non-retryable status (as an error).
func (f *Fetcher) withRetries(ctx context.Context, u *url.URL, cond Conditional) (*Response, error) {
	h := f.hostFor(hostKey(u), strings.ToLower(u.Hostname()))
	for attempt := 1; ; attempt++ {
		if err := h.acquire(ctx, f.cfg.Clock); err != nil {
			return nil, err
		}
		resp, retryAfter, err := f.attempt(ctx, u, cond, f.cfg.MaxBytes, false)
		retry := false
		switch {
		case err != nil:
			retry = retryableError(ctx, err)
		case retryableStatus(resp.StatusCode):
			retry = true
			err = &StatusError{Code: resp.StatusCode}
		case resp.StatusCode == http.StatusNotModified, isRedirect(resp.StatusCode),
			resp.StatusCode >= 200 && resp.StatusCode <= 299:
			h.release()
			resp.Attempts = attempt
			return resp, nil
		default:
			h.release()
			return nil, &StatusError{Code: resp.StatusCode}
		}
		if retry {
			// Hold the whole host back before letting the next caller in;
			// a Retry-After holds even when this caller gives up.
			wait := retryAfter
			if attempt < f.cfg.MaxAttempts {
				wait = max(f.backoff(attempt), retryAfter)
			}
			h.pushBack(f.cfg.Clock.Now().Add(wait))
		}
		h.release()
		if !retry || attempt >= f.cfg.MaxAttempts {
			if attempt > 1 {
				return nil, fmt.Errorf("after %d attempts: %w", attempt, err)
			}
			return nil, err
		}
	}
}

// backoff is the wait after the n-th failed attempt: BackoffBase·2^(n-1),
// at most BackoffMax, scaled by a random factor in [0.5, 1).
func (f *Fetcher) backoff(n int) time.Duration {
	d := f.cfg.BackoffBase
	for i := 1; i < n && d < f.cfg.BackoffMax; i++ {
		d *= 2
	}
	d = min(d, f.cfg.BackoffMax)
	return d/2 + time.Duration(f.cfg.Jitter()*float64(d/2))
}

// retryableError reports whether a failed attempt is worth repeating:
// network trouble and timeouts are, policy refusals and the caller's
// cancellation are not.
func retryableError(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	for _, e := range []error{ErrForbiddenAddress, ErrTooLarge, ErrScheme, ErrBadURL} {
		if errors.Is(err, e) {
			return false
		}
	}
	return true
}

// attempt makes one request and reads its body (at most limit bytes; with
// truncate, a longer body is cut instead of failing). retryAfter is the
// server's Retry-After, capped, when it sent one.
func (f *Fetcher) attempt(ctx context.Context, u *url.URL, cond Conditional, limit int64, truncate bool) (resp *Response, retryAfter time.Duration, err error) {
	ctx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %v", ErrBadURL, err)
	}
	req.Header.Set("User-Agent", f.ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Language", "hi,en;q=0.8")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	hr, err := f.client.Do(req)
	if err != nil {
		return nil, 0, f.transportError(ctx, err)
	}
	defer hr.Body.Close()
	resp = &Response{
		URL:          u.String(),
		StatusCode:   hr.StatusCode,
		Proto:        hr.Proto,
		Header:       hr.Header,
		ETag:         hr.Header.Get("ETag"),
		LastModified: hr.Header.Get("Last-Modified"),
		NotModified:  hr.StatusCode == http.StatusNotModified,
	}
	if retryableStatus(hr.StatusCode) {
		retryAfter = parseRetryAfter(hr.Header.Get("Retry-After"), f.cfg.Clock.Now(), f.cfg.RetryAfterMax)
	}
	if hr.StatusCode < 200 || hr.StatusCode > 299 {
		// Nobody reads error pages and redirect bodies; drain a little so
		// the connection can be reused.
		_, _ = io.Copy(io.Discard, io.LimitReader(hr.Body, 64<<10))
		resp.FetchedAt = f.cfg.Clock.Now()
		return resp, retryAfter, nil
	}
	if hr.ContentLength > limit && !truncate {
		return nil, 0, fmt.Errorf("%w: Content-Length %d is over the %d-byte limit", ErrTooLarge, hr.ContentLength, limit)
	}
	body, err := io.ReadAll(io.LimitReader(hr.Body, limit+1))
	if err != nil {
		return nil, 0, fmt.Errorf("read body: %w", f.transportError(ctx, err))
	}
	if int64(len(body)) > limit {
		if !truncate {
			return nil, 0, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
		}
		body = body[:limit]
	}
	resp.Body = body
	resp.FetchedAt = f.cfg.Clock.Now()
	return resp, 0, nil
}

// transportError strips net/http's "Get URL:" prefix (Error adds the URL
// once) and says which timeout fired.
func (f *Fetcher) transportError(ctx context.Context, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil {
		return fmt.Errorf("no complete response within %s: %w", f.cfg.Timeout, err)
	}
	return err
}

// parseRetryAfter reads Retry-After as seconds or an HTTP date, clamped to
// [0, limit]; zero when absent or unreadable.
func parseRetryAfter(v string, now time.Time, limit time.Duration) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var d time.Duration
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0
		}
		if secs > int64(limit/time.Second) {
			return limit
		}
		d = time.Duration(secs) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	} else {
		return 0
	}
	return min(max(d, 0), limit)
}
