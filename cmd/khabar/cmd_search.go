package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/khabar-news/khabar/internal/search"
)

func runSearch(ctx context.Context, c *cli, args []string) error {
	fs := c.newFlags("search")
	asJSON := fs.Bool("json", false, `print {"total":N,"hits":[...]} as JSON`)
	limit := fs.Int("limit", 10, "hits to show")
	offset := fs.Int("offset", 0, "hits to skip (for paging)")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(pos, " "))
	if query == "" {
		return exitError{code: 2, msg: "search: want a QUERY"}
	}
	ar, err := c.openArchive(ctx, c.data)
	if err != nil {
		return err
	}
	defer ar.Close()
	res, err := ar.Searcher.Search(ctx, query, search.Options{Limit: *limit, Offset: *offset})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.stdout, res)
	}
	printResults(c, query, res, *offset)
	return nil
}

func printResults(c *cli, query string, res *search.Results, offset int) {
	w := c.stdout
	if res.Note != "" {
		fmt.Fprintf(w, "(%s)\n", res.Note)
	}
	if res.Total == 0 {
		fmt.Fprintf(w, "no results for %q\n", query)
		return
	}
	fmt.Fprintf(w, "%s for %q", plural(res.Total, "result", "results"), query)
	if len(res.Hits) < res.Total {
		fmt.Fprintf(w, ", showing %d–%d", offset+1, offset+len(res.Hits))
	}
	fmt.Fprintln(w)
	for i, h := range res.Hits {
		fmt.Fprintf(w, "\n%2d. %s\n", offset+i+1, h.Headline)
		meta := []string{}
		for _, s := range []string{h.Source, formatTime(h.Published), h.ID} {
			if s != "" {
				meta = append(meta, s)
			}
		}
		fmt.Fprintf(w, "    %s · score %.2f\n", strings.Join(meta, " · "), h.Score)
		if h.Snippet != "" {
			fmt.Fprintf(w, "    %s\n", h.Marked("«", "»", nil))
		}
	}
}
