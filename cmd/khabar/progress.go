package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/khabar-news/khabar/internal/archive"
)

// progressBar draws one self-overwriting line on a terminal. It draws at
// most ten times a second; Done ends the line. Use it only when the output
// is a terminal: in pipes and logs it would be noise.
type progressBar struct {
	mu    sync.Mutex
	w     io.Writer
	total int
	last  time.Time
	drawn bool
}

func (p *progressBar) Update(done, articles, failed int, elapsed time.Duration, force bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !force && time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	const width = 24
	filled := 0
	if p.total > 0 {
		filled = min(width, done*width/p.total)
	}
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(articles) / s
	}
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d files · %d articles · %d failed · %.0f/s ",
		strings.Repeat("#", filled), strings.Repeat("·", width-filled), done, p.total, articles, failed, rate)
	p.drawn = true
}

func (p *progressBar) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprintln(p.w)
	}
}

// openArchive opens the data directory dir like archive.Open and, when the
// index has to be rebuilt (a new index format, or damaged files), reports
// the rebuild's progress on stderr every few seconds, as plain lines that
// read well in a terminal and in a log.
func (c *cli) openArchive(ctx context.Context, dir string) (*archive.Archive, error) {
	start := time.Now()
	var last time.Time
	return archive.OpenWith(ctx, dir, archive.Options{RebuildProgress: func(done, total int) {
		if done == 0 {
			fmt.Fprintf(c.stderr, "khabar: rebuilding the search index of %s from the store (%s)\n", dir, plural(total, "article", "articles"))
			last = time.Now()
			return
		}
		if time.Since(last) < 3*time.Second && done < total {
			return
		}
		last = time.Now()
		pct := 100.0
		if total > 0 {
			pct = min(100, 100*float64(done)/float64(total))
		}
		fmt.Fprintf(c.stderr, "khabar: index rebuild: %d/%d (%.0f%%) in %s\n", done, total, pct, time.Since(start).Round(time.Second))
	}})
}
