package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
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
