package crawl

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/khabar-news/khabar/internal/archive"
	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/fetch"
	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/pipeline"
	"github.com/khabar-news/khabar/internal/warc"
)

// Store is what the crawler keeps its sources and articles in.
type Store interface {
	news.Store
	news.SourceStore
}

// Fetcher fetches pages politely; *fetch.Fetcher is one.
type Fetcher interface {
	Get(ctx context.Context, url string, cond fetch.Conditional) (*fetch.Response, error)
	Robots(ctx context.Context, url string) ([]string, error)
}

// ArchiveWriter keeps fetched pages; *warc.Writer is one. The crawler
// serialises its calls.
type ArchiveWriter interface {
	WriteResponse(r *warc.Response) (string, error)
}

// Clock tells the crawler the time.
type Clock interface{ Now() time.Time }

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

var (
	_ Fetcher       = (*fetch.Fetcher)(nil)
	_ ArchiveWriter = (*warc.Writer)(nil)
)

// Defaults for the zero fields of Config.
const (
	DefaultMaxSources        = 1000
	DefaultMaxItemsPerSource = 200
	DefaultWorkers           = 4
	DefaultFetchWorkers      = 2
	DefaultMinInterval       = 5 * time.Minute
	DefaultMaxInterval       = 6 * time.Hour
	DefaultMaxSitemapDepth   = 2
	DefaultMaxSitemaps       = 10
	maxFeedCandidates        = 3
)

// Config tunes a Crawler; every zero field means its default.
type Config struct {
	// MaxSources bounds the sources polled in one pass (1000).
	MaxSources int
	// All polls every enabled source, due or not (khabar crawl).
	All bool
	// MaxItems bounds the new items claimed in one pass over all sources;
	// zero means no bound. Items past it stay unseen for the next pass.
	MaxItems int
	// MaxItemsPerSource bounds the new items claimed from one source in
	// one pass (200).
	MaxItemsPerSource int
	// Workers is how many sources are polled at once (4); FetchWorkers how
	// many article pages of one source are fetched at once (2). The
	// fetcher's per-host politeness holds regardless.
	Workers      int
	FetchWorkers int
	// MinInterval and MaxInterval bound the adaptive polling interval of
	// sources that set none (5 min, 6 h).
	MinInterval time.Duration
	MaxInterval time.Duration
	// MaxHardFailures disables a source after this many hard failures in
	// a row (feed.DefaultMaxHardFailures).
	MaxHardFailures int
	// MaxSitemapDepth bounds how deep sitemap indexes are followed (2);
	// MaxSitemaps how many child sitemaps one source reads per pass (10).
	MaxSitemapDepth int
	MaxSitemaps     int
}

// Crawler polls sources and stores their articles. Store and Fetcher are
// required; the other fields may be left zero.
type Crawler struct {
	Store   Store
	Fetcher Fetcher
	// PrivateFetcher, when set, fetches for sources with AllowPrivate (it
	// should allow private addresses); otherwise those use Fetcher.
	PrivateFetcher Fetcher
	// Archive, when set, receives every fetched feed, sitemap and article
	// page as a WARC response record.
	Archive ArchiveWriter
	// Index follows the store after each pass's writes (nil: store only).
	Index pipeline.Follower
	// Extract turns an item into an article; nil means archive.Extract
	// (which normalizes the article URL and so its ID).
	Extract pipeline.Extractor
	Clock   Clock
	Logger  *slog.Logger
	Config  Config
	// OnSource, when set, is called once per polled source, from the
	// goroutine that polled it.
	OnSource func(SourceReport)

	archiveMu sync.Mutex
}

// Stats counts what a pass did.
type Stats struct {
	Sources     int           `json:"sources"`      // sources polled
	Resolved    int           `json:"resolved"`     // auto sources resolved to a feed or sitemap
	NotModified int           `json:"not_modified"` // polls answered 304
	Failed      int           `json:"sources_failed"`
	Disabled    int           `json:"disabled"` // sources disabled by this pass
	ItemsNew    int           `json:"items_new"`
	ItemsSeen   int           `json:"items_seen"`
	FullText    int           `json:"full_text"` // new items taken whole from the feed
	Pages       int           `json:"pages"`     // article pages fetched
	Stored      int           `json:"stored"`    // articles created or updated
	Unchanged   int           `json:"unchanged"`
	Rejected    int           `json:"rejected"`     // items extraction or the store refused
	FetchErrors int           `json:"fetch_errors"` // article pages and child sitemaps that failed
	Elapsed     time.Duration `json:"elapsed_ns"`
}

// SourceReport is what one source's poll did.
type SourceReport struct {
	Source      news.Source // as written back
	New, Seen   int
	FullText    int
	Pages       int
	FetchErrors int
	NotModified bool
	Resolved    bool
	Err         error // the poll's failure, nil on success
	Hard        bool  // Err is a hard failure
	Disabled    bool  // this poll disabled the source
}

func (c *Crawler) cfg() Config {
	cfg := c.Config
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&cfg.MaxSources, DefaultMaxSources)
	def(&cfg.MaxItemsPerSource, DefaultMaxItemsPerSource)
	def(&cfg.Workers, DefaultWorkers)
	def(&cfg.FetchWorkers, DefaultFetchWorkers)
	def(&cfg.MaxSitemapDepth, DefaultMaxSitemapDepth)
	def(&cfg.MaxSitemaps, DefaultMaxSitemaps)
	if cfg.MinInterval <= 0 {
		cfg.MinInterval = DefaultMinInterval
	}
	if cfg.MaxInterval <= 0 {
		cfg.MaxInterval = DefaultMaxInterval
	}
	return cfg
}

func (c *Crawler) now() time.Time {
	if c.Clock == nil {
		return time.Now()
	}
	return c.Clock.Now()
}

func (c *Crawler) log() *slog.Logger {
	if c.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return c.Logger
}

// pass is the state of one RunOnce.
type pass struct {
	c    *Crawler
	cfg  Config
	out  chan<- ingest.Item
	mu   sync.Mutex
	st   Stats
	seen map[string]bool // normalized article URLs fetched or queued this pass
	left int             // items budget; -1 is unbounded
}

// RunOnce polls every due source once, stores the new articles, brings
// the index up to date and returns the counts. It returns an error only
// when the pass as a whole could not run (listing sources, the store or
// the index failed, ctx ended); a source's failure is recorded in its
// health and counted.
func (c *Crawler) RunOnce(ctx context.Context) (Stats, error) {
	start := time.Now()
	cfg := c.cfg()
	dueAt := c.now()
	if cfg.All {
		dueAt = dueAt.AddDate(100, 0, 0)
	}
	due, err := c.Store.DueSources(ctx, dueAt, cfg.MaxSources)
	if err != nil {
		return Stats{}, fmt.Errorf("crawl: due sources: %w", err)
	}
	items := make(chan ingest.Item, 64)
	p := &pass{c: c, cfg: cfg, out: items, seen: map[string]bool{}, left: -1}
	if cfg.MaxItems > 0 {
		p.left = cfg.MaxItems
	}
	ex := c.Extract
	if ex == nil {
		opts := extract.Options{Now: c.now()}
		ex = func(ctx context.Context, it ingest.Item) (*news.Article, error) {
			return archive.Extract(ctx, it, opts)
		}
	}
	pl := &pipeline.Pipeline{
		Store: c.Store, Index: c.Index, Extract: ex,
		OnError: func(origin string, err error) { c.log().Debug("crawl: article", "origin", origin, "err", err) },
	}
	var pst pipeline.Stats
	var perr error
	pdone := make(chan struct{})
	go func() {
		defer close(pdone)
		pst, perr = pl.Run(ctx, items)
	}()

	srcs := make(chan news.Source)
	var wg sync.WaitGroup
	for range min(cfg.Workers, max(len(due), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range srcs {
				rep := p.poll(ctx, s)
				if c.OnSource != nil && ctx.Err() == nil {
					c.OnSource(rep)
				}
			}
		}()
	}
	for _, s := range due {
		if ctx.Err() != nil {
			break
		}
		srcs <- s
	}
	close(srcs)
	wg.Wait()
	close(items)
	<-pdone
	st := p.st
	st.Stored, st.Unchanged, st.Rejected = pst.Ingested, pst.Unchanged, pst.Failed
	st.Elapsed = time.Since(start)
	if perr != nil {
		return st, fmt.Errorf("crawl: store: %w", perr)
	}
	return st, ctx.Err()
}

// Run calls RunOnce, then again every interval, until ctx is done; it
// then returns nil once the pass in flight has stopped (its finished
// store writes are committed; unfinished fetches are abandoned). A pass
// that fails is logged and the schedule goes on. onPass, when set, is told
// each pass's outcome.
func (c *Crawler) Run(ctx context.Context, every time.Duration, onPass func(Stats, error)) error {
	if every <= 0 {
		every = time.Minute
	}
	t := time.NewTimer(0)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		st, err := c.RunOnce(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			c.log().Error("crawl pass", "err", err)
		}
		if onPass != nil {
			onPass(st, err)
		}
		t.Reset(every)
	}
}

// send hands an item to the pipeline unless ctx is done.
func (p *pass) send(ctx context.Context, it ingest.Item) bool {
	select {
	case p.out <- it:
		return true
	case <-ctx.Done():
		return false
	}
}

// archive writes a fetched response to the WARC writer, if any.
func (c *Crawler) archive(r *fetch.Response) {
	if c.Archive == nil || r == nil || r.NotModified || len(r.Body) == 0 {
		return
	}
	proto := r.Proto
	if proto == "" || proto == "HTTP/2.0" {
		proto = "HTTP/1.1"
	}
	hdr := r.Header
	if hdr == nil {
		hdr = http.Header{}
	}
	c.archiveMu.Lock()
	defer c.archiveMu.Unlock()
	if _, err := c.Archive.WriteResponse(&warc.Response{
		TargetURI: r.URL, Date: r.FetchedAt, Proto: proto, StatusCode: r.StatusCode,
		Header: hdr, Body: r.Body,
	}); err != nil {
		c.log().Warn("crawl: archive", "url", r.URL, "err", err)
	}
}
