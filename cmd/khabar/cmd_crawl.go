package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/khabar-news/khabar/internal/archive"
	"github.com/khabar-news/khabar/internal/crawl"
	"github.com/khabar-news/khabar/internal/fetch"
	"github.com/khabar-news/khabar/internal/warc"
)

func runCrawl(ctx context.Context, c *cli, args []string) error {
	fs := c.newFlags("crawl")
	allowPrivate := fs.Bool("allow-private", false, "let the fetcher reach private and loopback addresses (every source)")
	archiveDir := fs.String("archive", "", "write every fetched feed, sitemap and article page as WARC into this folder")
	maxItems := fs.Int("max-items", 0, "claim at most this many new items in the pass (0: no bound)")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return exitError{code: 2, msg: "crawl: takes no arguments"}
	}
	if *maxItems < 0 {
		return exitError{code: 2, msg: "crawl: --max-items must not be negative"}
	}
	ar, err := c.openArchive(ctx, c.data)
	if err != nil {
		return err
	}
	defer ar.Close()
	cr, closeFetchers, err := newCrawler(ctx, ar, *allowPrivate)
	if err != nil {
		return err
	}
	defer closeFetchers()
	cr.Config.All = true
	cr.Config.MaxItems = *maxItems
	if *archiveDir != "" {
		w, done, err := openWARC(*archiveDir, time.Now())
		if err != nil {
			return err
		}
		cr.Archive = w
		defer func() {
			if cerr := done(); cerr != nil {
				fmt.Fprintf(c.stderr, "khabar: crawl: %v\n", cerr)
			}
		}()
	}
	var mu sync.Mutex
	cr.OnSource = func(r crawl.SourceReport) {
		if *asJSON {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		printSourceReport(c.stdout, r)
	}
	st, err := cr.RunOnce(ctx)
	if *asJSON {
		if jerr := writeJSON(c.stdout, st); jerr != nil {
			return jerr
		}
	} else {
		fmt.Fprintf(c.stdout, "crawl: %d sources polled (%d not modified, %d failed, %d disabled), items %d new / %d seen, pages %d, articles %d stored / %d unchanged / %d failed, fetch errors %d, %s\n",
			st.Sources, st.NotModified, st.Failed, st.Disabled, st.ItemsNew, st.ItemsSeen, st.Pages,
			st.Stored, st.Unchanged, st.Rejected, st.FetchErrors, st.Elapsed.Round(time.Millisecond))
	}
	return err
}

func printSourceReport(w io.Writer, r crawl.SourceReport) {
	s := r.Source
	switch {
	case r.Err != nil:
		kind := "soft"
		if r.Hard {
			kind = "hard"
		}
		fmt.Fprintf(w, "  %d %s: %s failure: %s", s.ID, s.URL, kind, oneLine(r.Err.Error()))
		if r.Disabled {
			fmt.Fprintf(w, " (disabled)")
		}
		fmt.Fprintln(w)
	case r.NotModified:
		fmt.Fprintf(w, "  %d %s: not modified\n", s.ID, s.URL)
	default:
		fmt.Fprintf(w, "  %d %s (%s): %d new, %d seen, %d from the feed, %d pages, %d fetch errors\n",
			s.ID, s.URL, s.Kind, r.New, r.Seen, r.FullText, r.Pages, r.FetchErrors)
	}
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// newCrawler builds the crawler of a data directory: a fetcher with the
// sources' politeness settings, and a second one allowing private
// addresses for the sources that ask for it.
func newCrawler(ctx context.Context, ar *archive.Archive, allowPrivate bool) (*crawl.Crawler, func(), error) {
	srcs, err := ar.Store.ListSources(ctx)
	if err != nil {
		return nil, nil, err
	}
	hosts := map[string]fetch.HostPolicy{}
	for _, s := range srcs {
		if s.Politeness.MinGap == 0 && s.Politeness.MaxInFlight == 0 {
			continue
		}
		if h := hostOf(s.URL); h != "" {
			hosts[h] = fetch.HostPolicy{Interval: s.Politeness.MinGap, MaxInFlight: s.Politeness.MaxInFlight}
		}
	}
	f := fetch.New(fetch.Config{AllowPrivate: allowPrivate, Hosts: hosts})
	pf := fetch.New(fetch.Config{AllowPrivate: true, Hosts: hosts})
	cr := &crawl.Crawler{Store: ar.Store, Fetcher: f, PrivateFetcher: pf, Index: ar.Index}
	return cr, func() { f.Close(); pf.Close() }, nil
}

func hostOf(raw string) string {
	rest, ok := strings.CutPrefix(raw, "https://")
	if !ok {
		rest, _ = strings.CutPrefix(raw, "http://")
	}
	h, _, _ := strings.Cut(rest, "/")
	return strings.ToLower(h)
}

// openWARC creates DIR/khabar-YYYYMMDD-HHMMSS.warc.gz and returns a writer
// to it and the function that closes it.
func openWARC(dir string, now time.Time) (*warc.Writer, func() error, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("archive folder %s: %w", dir, err)
	}
	name := filepath.Join(dir, "khabar-"+now.Format("20060102-150405")+".warc.gz")
	f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, nil, fmt.Errorf("archive: %w", err)
	}
	w := warc.NewWriter(f, true)
	if _, err := w.WriteWarcinfo("khabar crawl"); err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("archive %s: %w", name, err)
	}
	return w, func() error {
		if err := f.Sync(); err != nil {
			f.Close()
			return fmt.Errorf("archive %s: %w", name, err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("archive %s: %w", name, err)
		}
		return nil
	}, nil
}

// crawlCheckEvery is how often khabar serve looks for due sources.
const crawlCheckEvery = time.Minute

// startCrawler runs the crawler of ar in the background, polling due
// sources every crawlCheckEvery, until the returned stop is called; stop
// cancels the pass in flight and waits for it to end.
func startCrawler(ctx context.Context, c *cli, ar *archive.Archive, allowPrivate bool) (stop func(), err error) {
	cr, closeFetchers, err := newCrawler(ctx, ar, allowPrivate)
	if err != nil {
		return nil, err
	}
	cr.Logger = slog.New(slog.NewTextHandler(c.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer closeFetchers()
		_ = cr.Run(ctx, crawlCheckEvery, func(st crawl.Stats, err error) {
			if st.Sources > 0 {
				cr.Logger.Info("crawl pass", "sources", st.Sources, "new", st.ItemsNew, "stored", st.Stored, "fetch_errors", st.FetchErrors)
			}
		})
	}()
	return func() { cancel(); <-done }, nil
}
