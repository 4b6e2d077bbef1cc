package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/temoto/robotstxt"
)

// maxRobotsRedirects is how many redirects a robots.txt fetch follows
// (RFC 9309 asks for at least five).
const maxRobotsRedirects = 5

// Robots reports what robots.txt of rawURL's host says about rawURL: nil
// when khabar may fetch it, an error wrapping ErrDisallowed when not, or
// the error that kept robots.txt from being read when that is not the
// site's fault (a refused address, a cancelled ctx). It also returns the
// sitemaps robots.txt lists.
func (f *Fetcher) Robots(ctx context.Context, rawURL string) (sitemaps []string, err error) {
	u, err := parseURL(rawURL)
	if err != nil {
		return nil, &Error{URL: rawURL, Err: err}
	}
	e, err := f.robotsFor(ctx, u)
	if err != nil {
		return nil, &Error{URL: rawURL, Err: err}
	}
	if e.data != nil {
		sitemaps = e.data.Sitemaps
	}
	if err := e.verdict(u); err != nil {
		return sitemaps, &Error{URL: rawURL, Err: err}
	}
	return sitemaps, nil
}

// allowed checks u against its host's robots.txt.
func (f *Fetcher) allowed(ctx context.Context, u *url.URL) error {
	e, err := f.robotsFor(ctx, u)
	if err != nil {
		return err
	}
	return e.verdict(u)
}

func (e *robotsEntry) verdict(u *url.URL) error {
	if e.data == nil {
		return fmt.Errorf("%w: %s", ErrDisallowed, e.reason)
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !e.group.Test(path) {
		return fmt.Errorf("%w: %s is disallowed for %s", ErrDisallowed, path, Agent)
	}
	return nil
}

// robotsFor returns the cached verdict for u's scheme and host, fetching
// robots.txt when there is none or it expired. One caller per host fetches;
// the others wait for it.
func (f *Fetcher) robotsFor(ctx context.Context, u *url.URL) (*robotsEntry, error) {
	h := f.hostFor(hostKey(u), strings.ToLower(u.Hostname()))
	h.robotsMu.Lock()
	defer h.robotsMu.Unlock()
	now := f.cfg.Clock.Now()
	if h.robots != nil && now.Before(h.robots.expires) {
		return h.robots, nil
	}
	robotsURL := &url.URL{Scheme: strings.ToLower(u.Scheme), Host: u.Host, Path: "/robots.txt"}
	status, body, err := f.fetchRobots(ctx, robotsURL)
	switch {
	case err != nil && (ctx.Err() != nil || errors.Is(err, ErrForbiddenAddress)):
		return nil, err // not the site's fault: do not cache
	case err != nil:
		h.robots = f.robotsUnavailable(h.robots, fmt.Sprintf("robots.txt unreachable (%v)", err))
	case status == http.StatusTooManyRequests || status >= 500:
		h.robots = f.robotsUnavailable(h.robots, fmt.Sprintf("robots.txt answered HTTP %d", status))
	case status >= 200 && status <= 299:
		data, perr := robotstxt.FromBytes(body)
		if perr != nil {
			// Parsers must be lenient (RFC 9309 §2.2): an unreadable file
			// restricts nothing.
			data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
		}
		h.robots = f.robotsLoaded(data)
	default: // 4xx, or redirects beyond the limit: "unavailable", allow all
		data, _ := robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
		h.robots = f.robotsLoaded(data)
	}
	crawlDelay := min(h.robots.crawlDelay(), f.cfg.MaxCrawlDelay)
	h.setCrawlDelay(crawlDelay)
	return h.robots, nil
}

func (f *Fetcher) robotsLoaded(data *robotstxt.RobotsData) *robotsEntry {
	return &robotsEntry{
		data:    data,
		group:   data.FindGroup(Agent),
		expires: f.cfg.Clock.Now().Add(f.cfg.RobotsTTL),
	}
}

// robotsUnavailable is the verdict after a 5xx or unreachable robots.txt:
// keep a copy fetched earlier if there is one, otherwise disallow the host;
// either way ask again after RobotsRetry.
func (f *Fetcher) robotsUnavailable(prev *robotsEntry, reason string) *robotsEntry {
	e := &robotsEntry{reason: reason, expires: f.cfg.Clock.Now().Add(f.cfg.RobotsRetry)}
	if prev != nil && prev.data != nil {
		e.data, e.group = prev.data, prev.group
	}
	return e
}

func (e *robotsEntry) crawlDelay() time.Duration {
	if e.group == nil {
		return 0
	}
	return e.group.CrawlDelay
}

// fetchRobots fetches robots.txt through the host schedules (it is a
// request like any other), following up to five redirects, and returns
// the final status and at most maxRobotsBytes of the body.
func (f *Fetcher) fetchRobots(ctx context.Context, u *url.URL) (int, []byte, error) {
	for hop := 0; ; hop++ {
		h := f.hostFor(hostKey(u), strings.ToLower(u.Hostname()))
		if err := h.acquire(ctx, f.cfg.Clock); err != nil {
			return 0, nil, err
		}
		resp, _, err := f.attempt(ctx, u, Conditional{}, maxRobotsBytes, true)
		h.release()
		if err != nil {
			return 0, nil, err
		}
		if !isRedirect(resp.StatusCode) {
			return resp.StatusCode, resp.Body, nil
		}
		if hop >= maxRobotsRedirects {
			return http.StatusNotFound, nil, nil
		}
		next, err := redirectTarget(u, resp.Header.Get("Location"))
		if err != nil {
			return http.StatusNotFound, nil, nil
		}
		u = next
	}
}
