package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/news"
)

// Extractor turns one ingested item into an article. It is called from
// several goroutines at once.
type Extractor func(ctx context.Context, it ingest.Item) (*news.Article, error)

// Follower is the derived index: after each stored batch the pipeline asks
// it to catch up with the store's change feed.
type Follower interface {
	CatchUp(ctx context.Context, st news.Store) (int, error)
}

// Stats counts what a run did. Ingested counts created and updated
// articles; Unchanged counts identical re-ingests.
type Stats struct {
	Read      int // items read (documents and JSONL records)
	Ingested  int
	Unchanged int
	Failed    int
	Indexed   int
	Elapsed   time.Duration
}

// Pipeline wires the stages. Store and Extract are required; Index may be
// nil (store only). The zero values of the other fields pick sensible
// defaults.
type Pipeline struct {
	Store   news.Store
	Index   Follower
	Extract Extractor
	// BatchSize is how many articles go into one store transaction (256).
	BatchSize int
	// IndexEvery is how many articles are stored between two requests to
	// the indexing goroutine to catch up (2048); the index is always caught
	// up before Run returns. Larger index batches make fewer, larger index
	// segments, which costs less to write and to merge.
	IndexEvery int
	// Workers is the number of extraction goroutines (GOMAXPROCS).
	Workers int
	// OnError is called once per failed item, from the writer goroutine.
	OnError func(origin string, err error)
	// OnProgress is called after each stored batch and at the end.
	OnProgress func(Stats)
}

type result struct {
	origin  string
	article *news.Article
	err     error
}

// Run reads items from the channel until it is closed, and returns the
// counts. It returns an error only when the run as a whole cannot go on
// (the store or the index failed, or ctx was cancelled); per-item failures
// are counted and reported through OnError.
func (p *Pipeline) Run(ctx context.Context, items <-chan ingest.Item) (Stats, error) {
	start := time.Now()
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	batchSize := p.BatchSize
	if batchSize <= 0 {
		batchSize = 256
	}
	indexEvery := p.IndexEvery
	if indexEvery <= 0 {
		indexEvery = 2048
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	results := make(chan result, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Workers drain items even after a fatal error, so the
			// producer never blocks on a run that has stopped.
			for it := range items {
				if ctx.Err() != nil {
					continue
				}
				r := p.extract(ctx, it)
				select {
				case results <- r:
				case <-ctx.Done():
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	var st Stats
	var fatal error
	// The index follows the store in its own goroutine, so that extraction
	// and store writes go on while the index takes in the previous batches. A
	// kick asks it to catch up; a pending kick covers every write before
	// it, because CatchUp reads the store's change feed up to the store's
	// last sequence number when it starts.
	ix := newFollower(ctx, p.Index, p.Store, cancel)
	batch := make([]*news.Article, 0, batchSize)
	origins := make([]string, 0, batchSize)
	unindexed := 0
	flush := func() {
		if fatal != nil || len(batch) == 0 {
			return
		}
		if err := p.store(ctx, batch, origins, &st); err != nil {
			fatal = err
			cancel()
			return
		}
		unindexed += len(batch)
		batch, origins = batch[:0], origins[:0]
		if unindexed >= indexEvery {
			unindexed = 0
			ix.kick()
		}
		st.Elapsed = time.Since(start)
		st.Indexed = ix.indexed()
		if p.OnProgress != nil {
			p.OnProgress(st)
		}
	}
	for r := range results {
		st.Read++
		if r.err != nil {
			st.Failed++
			p.fail(r.origin, r.err)
			continue
		}
		batch = append(batch, r.article)
		origins = append(origins, r.origin)
		if len(batch) >= batchSize {
			flush()
		}
	}
	flush()
	// Every stored article is indexed before Run returns.
	if err := ix.finish(fatal == nil && ctx.Err() == nil); err != nil && fatal == nil {
		fatal = fmt.Errorf("index: %w", err)
	}
	st.Indexed = ix.indexed()
	st.Elapsed = time.Since(start)
	if fatal == nil && ctx.Err() != nil {
		fatal = ctx.Err()
	}
	if p.OnProgress != nil {
		p.OnProgress(st)
	}
	return st, fatal
}

func (p *Pipeline) fail(origin string, err error) {
	if p.OnError != nil {
		p.OnError(origin, err)
	}
}

func (p *Pipeline) extract(ctx context.Context, it ingest.Item) (r result) {
	r.origin = it.Origin
	defer func() {
		// An extractor bug must cost one item, not the whole run.
		if v := recover(); v != nil {
			r = result{origin: it.Origin, err: fmt.Errorf("internal error while extracting: %v", v)}
		}
	}()
	if it.Err != nil {
		return result{origin: it.Origin, err: it.Err}
	}
	a, err := p.Extract(ctx, it)
	if err != nil {
		return result{origin: it.Origin, err: err}
	}
	if a.ID == "" {
		a.ID = a.DeriveID()
	}
	if err := a.Validate(); err != nil {
		return result{origin: it.Origin, err: err}
	}
	return result{origin: it.Origin, article: a}
}

// store puts a batch in one transaction. When the batch fails as a whole,
// each article is retried alone, so one bad article is reported by its
// origin and the rest are kept. Only a failure of every single put in a
// row of retries (the store itself is broken) is fatal.
func (p *Pipeline) store(ctx context.Context, batch []*news.Article, origins []string, st *Stats) error {
	res, err := p.Store.Put(ctx, batch...)
	if err == nil {
		count(res, st)
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var lastErr error
	okCount := 0
	for i, a := range batch {
		res, err := p.Store.Put(ctx, a)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			st.Failed++
			p.fail(origins[i], fmt.Errorf("store: %w", err))
			lastErr = err
			continue
		}
		okCount++
		count(res, st)
	}
	if okCount == 0 && len(batch) > 1 {
		return fmt.Errorf("store: every article of a batch failed: %w", lastErr)
	}
	return nil
}

func count(res []news.PutResult, st *Stats) {
	for _, r := range res {
		if r.Status == news.Unchanged {
			st.Unchanged++
		} else {
			st.Ingested++
		}
	}
}

// follower runs Follower.CatchUp in one goroutine of its own, owned by a
// pipeline run. A nil Follower makes every method a no-op.
type follower struct {
	f      Follower
	st     news.Store
	ctx    context.Context
	cancel context.CancelFunc
	kicks  chan struct{}
	done   chan struct{}
	n      atomic.Int64
	err    error // set by the goroutine before done is closed
}

func newFollower(ctx context.Context, f Follower, st news.Store, cancel context.CancelFunc) *follower {
	fl := &follower{f: f, st: st, ctx: ctx, cancel: cancel, kicks: make(chan struct{}, 1), done: make(chan struct{})}
	if f == nil {
		close(fl.done)
		return fl
	}
	go func() {
		defer close(fl.done)
		for range fl.kicks {
			if fl.err != nil {
				continue // drain
			}
			n, err := fl.f.CatchUp(fl.ctx, fl.st)
			fl.n.Add(int64(n))
			if err != nil {
				fl.err = err
				fl.cancel()
			}
		}
	}()
	return fl
}

// kick asks the goroutine to catch up; it never blocks.
func (fl *follower) kick() {
	if fl.f == nil {
		return
	}
	select {
	case fl.kicks <- struct{}{}:
	default: // a catch-up is already pending
	}
}

func (fl *follower) indexed() int { return int(fl.n.Load()) }

// finish stops the goroutine and, when last is set, catches up one final
// time so that everything stored is indexed. It returns the first error.
func (fl *follower) finish(last bool) error {
	if fl.f == nil {
		return nil
	}
	close(fl.kicks)
	<-fl.done
	if fl.err != nil {
		return fl.err
	}
	if !last {
		return nil
	}
	n, err := fl.f.CatchUp(fl.ctx, fl.st)
	fl.n.Add(int64(n))
	return err
}
