package crawl

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/khabar-news/khabar/internal/feed"
	"github.com/khabar-news/khabar/internal/fetch"
	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/news"
)

// ErrNoFeed means an auto source's page links to no feed and its
// robots.txt names no sitemap.
var ErrNoFeed = errors.New("no feed or sitemap found")

// entry is one thing a feed or sitemap lists.
type entry struct {
	key  string
	url  string
	item *feed.Item // set for feed items
}

// poll polls one source and writes its health back.
func (p *pass) poll(ctx context.Context, src news.Source) SourceReport {
	c := p.c
	rep := SourceReport{}
	started := c.now()
	f := c.Fetcher
	if src.AllowPrivate && c.PrivateFetcher != nil {
		f = c.PrivateFetcher
	}
	var first *fetch.Response
	var err error
	kind := src.Kind
	if kind == "" || kind == news.SourceAuto || kind == news.SourceSite {
		var u string
		kind, u, first, err = p.resolve(ctx, f, src.URL)
		if err == nil {
			rep.Resolved = true
			if u != src.URL {
				src.Health.ETag, src.Health.LastModified = "", ""
			}
			src.URL, src.Kind = u, kind
		}
	}
	var entries []entry
	var resp *fetch.Response
	if err == nil {
		switch kind {
		case news.SourceFeed:
			entries, resp, err = p.feedEntries(ctx, f, src, first)
		case news.SourceSitemap:
			entries, resp, err = p.sitemapEntries(ctx, f, src, first, &rep)
		default:
			err = fmt.Errorf("source %s: kind %q cannot be polled", src.URL, kind)
		}
	}
	if err == nil && resp != nil && resp.NotModified {
		rep.NotModified = true
	}
	var newEntries []entry
	if err == nil {
		newEntries, rep.Seen, err = p.claim(ctx, src.ID, entries)
		rep.New = len(newEntries)
	}
	if err == nil {
		p.process(ctx, f, newEntries, &rep)
	}
	if ctx.Err() != nil {
		// Stopping: leave the source as it was, to be polled again.
		rep.Err = ctx.Err()
		return rep
	}
	p.account(ctx, &src, started, resp, err, &rep)
	return rep
}

// resolve finds out what an auto source is: it returns the kind and URL
// to poll and, when the URL itself is the feed or sitemap, its response.
func (p *pass) resolve(ctx context.Context, f Fetcher, pageURL string) (news.SourceKind, string, *fetch.Response, error) {
	resp, err := f.Get(ctx, pageURL, fetch.Conditional{})
	if err != nil {
		return "", "", nil, err
	}
	canon := func(u string) string {
		if cu, err := news.CanonicalSourceURL(u); err == nil {
			return cu
		}
		return u
	}
	switch feed.Sniff(resp.Body, resp.Header.Get("Content-Type")) {
	case feed.KindFeed:
		return news.SourceFeed, canon(resp.URL), resp, nil
	case feed.KindSitemap, feed.KindSitemapIndex:
		return news.SourceSitemap, canon(resp.URL), resp, nil
	case feed.KindHTML:
	default:
		return "", "", nil, fmt.Errorf("source %s: %w (neither a page, a feed nor a sitemap)", pageURL, feed.ErrNotFeed)
	}
	for i, cand := range feed.Discover(resp.Body, resp.URL) {
		if i == maxFeedCandidates || ctx.Err() != nil {
			break
		}
		r, err := f.Get(ctx, cand.URL, fetch.Conditional{})
		if err != nil {
			continue
		}
		if feed.Sniff(r.Body, r.Header.Get("Content-Type")) == feed.KindFeed {
			return news.SourceFeed, canon(r.URL), r, nil
		}
	}
	sitemaps, err := f.Robots(ctx, resp.URL)
	if err == nil && len(sitemaps) > 0 {
		best := sitemaps[0]
		for _, s := range sitemaps {
			if strings.Contains(strings.ToLower(s), "news") {
				best = s
				break
			}
		}
		return news.SourceSitemap, canon(best), nil, nil
	}
	return "", "", nil, fmt.Errorf("source %s: %w", pageURL, ErrNoFeed)
}

func conditional(src news.Source) fetch.Conditional {
	return fetch.Conditional{ETag: src.Health.ETag, LastModified: src.Health.LastModified}
}

// feedEntries fetches (unless first is the feed already) and parses a feed.
func (p *pass) feedEntries(ctx context.Context, f Fetcher, src news.Source, first *fetch.Response) ([]entry, *fetch.Response, error) {
	resp := first
	if resp == nil {
		var err error
		if resp, err = f.Get(ctx, src.URL, conditional(src)); err != nil {
			return nil, nil, err
		}
	}
	if resp.NotModified {
		return nil, resp, nil
	}
	p.c.archive(resp)
	fd, err := feed.Parse(resp.Body, resp.URL)
	if err != nil {
		return nil, resp, err
	}
	out := make([]entry, 0, len(fd.Items))
	for i := range fd.Items {
		it := &fd.Items[i]
		key := feed.NormalizeURL(it.URL)
		if it.URL == "" {
			if it.GUID == "" {
				continue
			}
			key = "guid:" + it.GUID
		}
		out = append(out, entry{key: key, url: it.URL, item: it})
	}
	return out, resp, nil
}

// sitemapEntries reads a sitemap, following indexes, Google News
// sitemaps and their newest entries first.
func (p *pass) sitemapEntries(ctx context.Context, f Fetcher, src news.Source, first *fetch.Response, rep *SourceReport) ([]entry, *fetch.Response, error) {
	top := first
	if top == nil {
		var err error
		if top, err = f.Get(ctx, src.URL, conditional(src)); err != nil {
			return nil, nil, err
		}
	}
	if top.NotModified {
		return nil, top, nil
	}
	var urls []feed.SitemapURL
	budget := p.cfg.MaxSitemaps
	var walk func(r *fetch.Response, depth int) error
	walk = func(r *fetch.Response, depth int) error {
		p.c.archive(r)
		sm, err := feed.ParseSitemap(r.Body, r.URL)
		if err != nil {
			return err
		}
		urls = append(urls, sm.URLs...)
		if sm.Kind != feed.KindSitemapIndex || depth >= p.cfg.MaxSitemapDepth {
			return nil
		}
		kids := slices.Clone(sm.Sitemaps)
		slices.SortStableFunc(kids, func(a, b feed.SitemapRef) int {
			an, bn := strings.Contains(strings.ToLower(a.URL), "news"), strings.Contains(strings.ToLower(b.URL), "news")
			if an != bn {
				if an {
					return -1
				}
				return 1
			}
			return b.LastMod.Compare(a.LastMod)
		})
		for _, k := range kids {
			if budget == 0 || ctx.Err() != nil {
				break
			}
			budget--
			kr, err := f.Get(ctx, k.URL, fetch.Conditional{})
			if err == nil {
				err = walk(kr, depth+1)
			}
			if err != nil {
				rep.FetchErrors++
				p.add(func(st *Stats) { st.FetchErrors++ })
				p.c.log().Info("crawl: child sitemap", "url", k.URL, "err", err)
			}
		}
		return nil
	}
	if err := walk(top, 0); err != nil {
		return nil, top, err
	}
	// Google News entries first, then the newest.
	slices.SortStableFunc(urls, func(a, b feed.SitemapURL) int {
		if (a.News != nil) != (b.News != nil) {
			if a.News != nil {
				return -1
			}
			return 1
		}
		return newest(b).Compare(newest(a))
	})
	out := make([]entry, 0, len(urls))
	dup := map[string]bool{}
	for _, u := range urls {
		key := feed.NormalizeURL(u.URL)
		if dup[key] {
			continue
		}
		dup[key] = true
		out = append(out, entry{key: key, url: u.URL})
	}
	return out, top, nil
}

func newest(u feed.SitemapURL) time.Time {
	if u.News != nil && !u.News.Published.IsZero() {
		return u.News.Published
	}
	return u.LastMod
}

func (p *pass) add(fn func(*Stats)) {
	p.mu.Lock()
	fn(&p.st)
	p.mu.Unlock()
}

// take reserves up to n items of the pass budget; give returns unused ones.
func (p *pass) take(n int) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.left < 0 {
		return n
	}
	n = min(n, p.left)
	p.left -= n
	return n
}

func (p *pass) give(n int) {
	p.mu.Lock()
	if p.left >= 0 {
		p.left += n
	}
	p.mu.Unlock()
}

// claim marks entries seen, in order, until the per-source and pass
// budgets are spent, and returns the new ones and how many were seen
// before. Entries past the budget are left unmarked for the next pass.
func (p *pass) claim(ctx context.Context, srcID int64, entries []entry) ([]entry, int, error) {
	var fresh []entry
	seen, pos := 0, 0
	for pos < len(entries) && len(fresh) < p.cfg.MaxItemsPerSource {
		n := p.take(min(p.cfg.MaxItemsPerSource-len(fresh), len(entries)-pos))
		if n == 0 {
			break
		}
		chunk := entries[pos : pos+n]
		keys := make([]string, len(chunk))
		for i, e := range chunk {
			keys[i] = e.key
		}
		got, err := p.c.Store.MarkSeen(ctx, srcID, keys)
		if err != nil {
			p.give(n)
			return nil, 0, fmt.Errorf("mark seen: %w", err)
		}
		isNew := make(map[string]bool, len(got))
		for _, k := range got {
			isNew[k] = true
		}
		for _, e := range chunk {
			if isNew[e.key] {
				fresh = append(fresh, e)
				delete(isNew, e.key)
			} else {
				seen++
			}
		}
		p.give(n - len(got))
		pos += n
	}
	p.add(func(st *Stats) { st.ItemsNew += len(fresh); st.ItemsSeen += seen })
	return fresh, seen, nil
}

// process stores the new entries: full-text feed items straight from the
// feed, the rest by fetching their pages.
func (p *pass) process(ctx context.Context, f Fetcher, entries []entry, rep *SourceReport) {
	var pages []string
	for _, e := range entries {
		if e.item != nil && feed.HasFullText(*e.item) {
			rep.FullText++
			p.add(func(st *Stats) { st.FullText++ })
			origin := e.url
			if origin == "" {
				origin = e.key
			}
			if !p.send(ctx, ingest.Item{Origin: origin, URL: e.url, Format: ingest.HTML, Data: feed.ItemToHTML(*e.item)}) {
				return
			}
			continue
		}
		if e.url == "" {
			continue
		}
		p.mu.Lock()
		dup := p.seen[e.key]
		p.seen[e.key] = true
		p.mu.Unlock()
		if !dup {
			pages = append(pages, e.url)
		}
	}
	jobs := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range min(p.cfg.FetchWorkers, max(len(pages), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range jobs {
				r, err := f.Get(ctx, u, fetch.Conditional{})
				if err != nil {
					if ctx.Err() == nil {
						mu.Lock()
						rep.FetchErrors++
						mu.Unlock()
						p.add(func(st *Stats) { st.FetchErrors++ })
						p.c.log().Info("crawl: article page", "url", u, "err", err)
					}
					continue
				}
				p.c.archive(r)
				mu.Lock()
				rep.Pages++
				mu.Unlock()
				p.add(func(st *Stats) { st.Pages++ })
				p.send(ctx, ingest.Item{Origin: r.URL, URL: r.URL, Format: ingest.HTML, Data: r.Body})
			}
		}()
	}
	for _, u := range pages {
		if ctx.Err() != nil {
			break
		}
		jobs <- u
	}
	close(jobs)
	wg.Wait()
}

// isHard reports whether a poll failure will not mend by itself.
func isHard(err error) bool {
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return se.Code == 404 || se.Code == 410
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return dns.IsNotFound
	}
	for _, s := range []error{
		feed.ErrNotFeed, feed.ErrMalformed, feed.ErrEmpty, feed.ErrTooLarge, ErrNoFeed,
		fetch.ErrDisallowed, fetch.ErrTooLarge, fetch.ErrForbiddenAddress, fetch.ErrScheme,
		fetch.ErrBadURL, fetch.ErrRedirectLoop, fetch.ErrTooManyRedirects, fetch.ErrBadRedirect,
	} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// account writes the poll's outcome into the source's health and
// schedule, disabling it after too many hard failures.
func (p *pass) account(ctx context.Context, src *news.Source, at time.Time, resp *fetch.Response, err error, rep *SourceReport) {
	hs := &src.Health
	h := feed.Health{
		ConsecutiveHard: hs.HardFailures, ConsecutiveSoft: hs.SoftFailures,
		LastSuccess: hs.LastSuccess, LastError: hs.LastError, LastErrorAt: hs.LastErrorAt,
		ItemsPerDay: hs.ItemsPerDay, MaxHardFailures: p.cfg.MaxHardFailures,
	}
	poll := feed.Poll{At: at, New: rep.New, Seen: rep.Seen}
	switch {
	case err != nil:
		poll.Failed = true
		rep.Err, rep.Hard = err, isHard(err)
		if rep.Hard {
			h.HardFailure(at, err)
		} else {
			h.SoftFailure(at, err)
		}
	default:
		if rep.NotModified {
			poll.Seen = max(poll.Seen, 1) // nothing new
		}
		h.Success(at, rep.New)
		if resp != nil && !resp.NotModified {
			hs.ETag, hs.LastModified = resp.ETag, resp.LastModified
		}
		hs.ItemsSeen += rep.New
	}
	prev := src.Interval
	if !hs.LastFetch.IsZero() && hs.NextPoll.After(hs.LastFetch) {
		prev = hs.NextPoll.Sub(hs.LastFetch)
	}
	lo, hi := cmp.Or(src.MinInterval, p.cfg.MinInterval), cmp.Or(src.MaxInterval, p.cfg.MaxInterval)
	hi = max(hi, lo)
	hs.NextPoll = feed.NextPoll(feed.History{Polls: []feed.Poll{poll}, Interval: prev}, at, lo, hi)
	hs.LastFetch = at
	hs.HardFailures, hs.SoftFailures = h.ConsecutiveHard, h.ConsecutiveSoft
	hs.LastSuccess, hs.LastErrorAt, hs.ItemsPerDay = h.LastSuccess, h.LastErrorAt, h.ItemsPerDay
	hs.LastError = clip(h.LastError, news.MaxSourceField)
	if h.Disabled() && !src.Disabled {
		src.Disabled = true
		src.DisabledReason = clip(fmt.Sprintf("%d hard failures in a row; last: %s", h.ConsecutiveHard, h.LastError), news.MaxSourceField)
		rep.Disabled = true
	}
	uerr := p.c.Store.UpdateSource(ctx, src)
	if errors.Is(uerr, news.ErrExists) && rep.Resolved {
		// The resolved feed is another source already: keep this one
		// out of the way rather than poll the same feed twice.
		src.Disabled, src.DisabledReason = true, "resolves to "+src.URL+", which is already a source"
		rep.Disabled = true
		if old, gerr := p.c.Store.Source(ctx, src.ID); gerr == nil {
			src.URL = old.URL
		}
		uerr = p.c.Store.UpdateSource(ctx, src)
	}
	if uerr != nil {
		p.c.log().Error("crawl: update source", "source", src.URL, "err", uerr)
	}
	rep.Source = *src
	p.add(func(st *Stats) {
		st.Sources++
		if rep.Resolved {
			st.Resolved++
		}
		if rep.NotModified {
			st.NotModified++
		}
		if err != nil {
			st.Failed++
		}
		if rep.Disabled {
			st.Disabled++
		}
	})
}

// clip cuts s to at most n bytes on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
