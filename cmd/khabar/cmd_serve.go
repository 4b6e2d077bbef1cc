package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/khabar-news/khabar/internal/archive"
	"github.com/khabar-news/khabar/internal/web"
)

// shutdownTimeout is how long a stopping server waits for requests in
// flight.
const shutdownTimeout = 10 * time.Second

// followInterval is how often the index looks for store changes made
// outside the server.
const followInterval = 2 * time.Second

func runServe(ctx context.Context, c *cli, args []string) error {
	fs := c.newFlags("serve")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	private := fs.Bool("private", false, "require the API token (KHABAR_API_TOKEN) for reads too")
	crawlOn := fs.Bool("crawl", true, "poll due sources in the background (see khabar sources)")
	allowPrivate := fs.Bool("allow-private", false, "let the crawler, and sources added through the API, reach private and loopback addresses")
	cacheMB := fs.Int("index-cache", 512, "MiB the index may keep for searches that match many articles (0: none)")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return exitError{code: 2, msg: "serve: takes no arguments"}
	}
	if *cacheMB < 0 || *cacheMB > 1<<20 {
		return exitError{code: 2, msg: fmt.Sprintf("serve: --index-cache %d: want 0 to 1048576 MiB", *cacheMB)}
	}
	// The edge of the program: the token comes from the environment.
	cfg := web.Config{Token: c.env.APIToken, Private: *private, AllowPrivate: *allowPrivate, DataDir: c.data}
	if cfg.Private && cfg.Token == "" {
		return exitError{code: 2, msg: "serve: --private needs KHABAR_API_TOKEN set"}
	}
	ar, err := c.openArchive(ctx, c.data)
	if err != nil {
		return err
	}
	defer ar.Close()
	ar.Index.SetCacheSize(*cacheMB << 20)
	if *crawlOn {
		stop, err := startCrawler(ctx, c, ar, *allowPrivate)
		if err != nil {
			return err
		}
		defer stop()
	}
	return serve(ctx, c, ar, *addr, cfg, func(url string) {
		fmt.Fprintf(c.stdout, "khabar: serving %s on %s\n", c.data, url)
		if cfg.Token == "" {
			fmt.Fprintln(c.stdout, "khabar: no KHABAR_API_TOKEN set: POST /api/v1/articles is disabled")
		}
	})
}

// serve serves ar on addr until ctx is done, then shuts down gracefully.
// ready is called with the server's URL once it listens. The index
// follows the store meanwhile, so articles stored by another process
// become searchable.
func serve(ctx context.Context, c *cli, ar *archive.Archive, addr string, cfg web.Config, ready func(url string)) error {
	cfg.Logger = slog.New(slog.NewTextHandler(c.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	h, err := web.New(cfg, ar.Store, ar.Searcher, ar.Index)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(cfg.Logger.Handler(), slog.LevelWarn),
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		_ = ar.Index.Follow(ctx, ar.Store, followInterval, func(err error) {
			cfg.Logger.Error("index follow", "err", err)
		})
	}()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if ready != nil {
		ready("http://" + ln.Addr().String() + "/")
	}
	select {
	case err = <-errc:
	case <-ctx.Done():
		sctx, scancel := context.WithTimeout(context.Background(), shutdownTimeout)
		err = srv.Shutdown(sctx)
		scancel()
		<-errc
	}
	cancel()
	wg.Wait()
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	fmt.Fprintln(c.stdout, "khabar: stopped")
	return nil
}
