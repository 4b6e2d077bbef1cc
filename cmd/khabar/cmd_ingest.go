package main

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/khabar-news/khabar/internal/archive"
	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/pipeline"
)

func runIngest(ctx context.Context, c *cli, args []string) error {
	fs := c.newFlags("ingest")
	format := fs.String("format", "auto", "input format: auto, text, html, jsonl or warc")
	source := fs.String("source", "", "outlet name for documents that do not say")
	paths, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return exitError{code: 2, msg: "ingest: want at least one PATH (file, folder or - for stdin)"}
	}
	f, err := ingest.ParseFormat(*format)
	if err != nil {
		return exitError{code: 2, msg: "ingest: " + err.Error()}
	}
	files, pathErrs := ingest.Files(paths)
	for _, e := range pathErrs {
		fmt.Fprintln(c.stderr, "khabar: ingest:", e)
	}

	ar, err := c.openArchive(ctx, c.data)
	if err != nil {
		return err
	}
	defer ar.Close()

	var bar *progressBar
	if c.env.Term && len(files) > 1 {
		bar = &progressBar{w: c.stderr, total: len(files)}
	}
	var filesDone atomic.Int64
	var skipped atomic.Int64
	stats, runErr := ar.IngestFiles(ctx, files, archive.IngestOptions{
		Reader: &ingest.Reader{
			Format: f, Stdin: c.env.Stdin, HTMLSniffer: extract.LooksLikeHTML,
			// WARC requests, images, robots.txt and error pages are not articles.
			OnSkip: func(string, string) { skipped.Add(1) },
		},
		Extract: extract.Options{Source: *source, Now: time.Now()},
		OnError: func(origin string, err error) {
			if bar != nil {
				bar.Done()
			}
			fmt.Fprintf(c.stderr, "khabar: ingest: %s: %v\n", origin, err)
		},
		OnProgress: func(s pipeline.Stats) {
			if bar != nil {
				bar.Update(int(filesDone.Load()), s.Ingested+s.Unchanged, s.Failed, s.Elapsed, false)
			}
		},
		OnFile: func(string) { filesDone.Add(1) },
	})
	if bar != nil {
		bar.Update(int(filesDone.Load()), stats.Ingested+stats.Unchanged, stats.Failed, stats.Elapsed, true)
		bar.Done()
	}
	failed := stats.Failed + len(pathErrs)
	skip := ""
	if n := skipped.Load(); n > 0 {
		skip = fmt.Sprintf(", %d non-article records skipped", n)
	}
	fmt.Fprintf(c.stdout, "ingested %d, unchanged %d, failed %d (%s read in %s%s)\n",
		stats.Ingested, stats.Unchanged, failed, plural(stats.Read, "item", "items"), stats.Elapsed.Round(time.Millisecond), skip)
	if runErr != nil {
		return fmt.Errorf("ingest stopped: %w", runErr)
	}
	if failed > 0 {
		return exitError{code: 1}
	}
	return nil
}
