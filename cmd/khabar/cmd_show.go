package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/khabar-news/khabar/internal/news"
)

func runShow(ctx context.Context, c *cli, args []string) error {
	fs := c.newFlags("show")
	asJSON := fs.Bool("json", false, "print the article as JSON")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return exitError{code: 2, msg: "show: want exactly one article ID"}
	}
	ar, err := c.openArchive(ctx, c.data)
	if err != nil {
		return err
	}
	defer ar.Close()
	a, err := ar.Store.Get(ctx, pos[0])
	if errors.Is(err, news.ErrNotFound) {
		return fmt.Errorf("show: no article with ID %q in %s", pos[0], c.data)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.stdout, a)
	}
	printArticle(c.stdout, a)
	return nil
}

func runReindex(ctx context.Context, c *cli, args []string) error {
	fs := c.newFlags("reindex")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return exitError{code: 2, msg: "reindex: takes no arguments"}
	}
	ar, err := c.openArchive(ctx, c.data)
	if err != nil {
		return err
	}
	defer ar.Close()
	if ar.IndexRebuilt {
		// Opening already rebuilt an index of an older format.
		n, err := ar.Index.DocCount()
		if err != nil {
			return fmt.Errorf("reindex: %w", err)
		}
		fmt.Fprintf(c.stdout, "reindexed %s\n", plural(n, "article", "articles"))
		return nil
	}
	n, err := ar.Reindex(ctx)
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	fmt.Fprintf(c.stdout, "reindexed %s\n", plural(n, "article", "articles"))
	return nil
}
