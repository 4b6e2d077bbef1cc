package main

import (
	"context"
	"fmt"

	"github.com/khabar-news/khabar/internal/archive"
	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/news"
)

func runExtract(ctx context.Context, c *cli, args []string) error {
	fs := c.newFlags("extract")
	asJSON := fs.Bool("json", false, "print the article as JSON")
	format := fs.String("format", "auto", "input format: auto, text or html")
	url := fs.String("url", "", "the page's URL, when known")
	source := fs.String("source", "", "the outlet's name, when known")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return exitError{code: 2, msg: "extract: want exactly one FILE (or - for stdin)"}
	}
	f, err := ingest.ParseFormat(*format)
	if err != nil {
		return exitError{code: 2, msg: "extract: " + err.Error()}
	}
	if f == ingest.JSONL {
		return exitError{code: 2, msg: "extract: JSONL records are already articles; use ingest"}
	}
	r := &ingest.Reader{Format: f, Stdin: c.env.Stdin, HTMLSniffer: extract.LooksLikeHTML}
	var art *news.Article
	var failure error
	r.ReadFile(ctx, pos[0], func(it ingest.Item) bool {
		if it.Format == ingest.JSONL {
			failure = fmt.Errorf("%s: JSONL records are already articles; use ingest", it.Origin)
			return false
		}
		a, err := archive.Extract(ctx, it, extract.Options{URL: *url, Source: *source})
		if err != nil {
			failure = fmt.Errorf("%s: %w", it.Origin, err)
			return false
		}
		if a.ID == "" {
			a.ID = a.DeriveID()
		}
		art = a
		return false
	})
	if failure != nil {
		return failure
	}
	if *asJSON {
		return writeJSON(c.stdout, art)
	}
	printArticle(c.stdout, art)
	return nil
}
