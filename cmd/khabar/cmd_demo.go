package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"time"

	repo "github.com/khabar-news/khabar"
	"github.com/khabar-news/khabar/internal/archive"
	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/web"
)

// demoSearches are printed by khabar demo: a Hindi search, a Latin-script
// one that finds Devanagari, and one with a filter.
var demoSearches = []string{"मानसून बारिश", "Jaishankar Singapore", `बारिश lang:hi from:2025-07-01`}

func runDemo(ctx context.Context, c *cli, args []string) error {
	fs := flag.NewFlagSet("khabar demo", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	data := fs.String("data", "", "data directory to fill (default: a temporary one, removed at exit)")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return exitError{code: 2, msg: "demo: takes no arguments"}
	}
	tmp, err := os.MkdirTemp("", "khabar-demo-")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer os.RemoveAll(tmp)
	dir := *data
	if dir == "" {
		dir = filepath.Join(tmp, "data")
	}
	ar, err := c.openArchive(ctx, dir)
	if err != nil {
		return err
	}
	defer ar.Close()
	n, err := loadSamples(ctx, ar, filepath.Join(tmp, "samples"))
	if err != nil {
		return fmt.Errorf("demo: load samples: %w", err)
	}
	return serve(ctx, c, ar, *addr, web.Config{DataDir: dir}, func(base string) {
		fmt.Fprintf(c.stdout, "khabar demo: %d sample articles in %s\n\n  open %s\n\ntry:\n", n, dir, base)
		for _, q := range demoSearches {
			fmt.Fprintf(c.stdout, "  %-32s %s?q=%s\n", q, base, url.QueryEscape(q))
		}
		fmt.Fprintf(c.stdout, "\nJSON: %sapi/v1/search?q=%s · API description: %sapi/v1/openapi.json\nStop with Ctrl-C.\n",
			base, url.QueryEscape(demoSearches[0]), base)
	})
}

// loadSamples copies the embedded samples to dir and ingests them as
// khabar ingest would; it returns the number of articles stored.
func loadSamples(ctx context.Context, ar *archive.Archive, dir string) (int, error) {
	if err := os.CopyFS(dir, repo.Samples()); err != nil {
		return 0, err
	}
	files, errs := ingest.Files([]string{dir})
	if len(errs) > 0 {
		return 0, errs[0]
	}
	var failed []string
	st, err := ar.IngestFiles(ctx, files, archive.IngestOptions{
		Extract: extract.Options{Now: time.Now()},
		OnError: func(origin string, err error) { failed = append(failed, fmt.Sprintf("%s: %v", origin, err)) },
	})
	if err != nil {
		return 0, err
	}
	if len(failed) > 0 {
		return 0, fmt.Errorf("%d samples failed, first %s", len(failed), failed[0])
	}
	return st.Ingested + st.Unchanged, nil
}
