package archive

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/index"
	"github.com/khabar-news/khabar/internal/search"
	"github.com/khabar-news/khabar/internal/sqlite"
	"github.com/khabar-news/khabar/internal/translit"
)

// Archive is an open data directory. Its fields are ready to use until
// Close; it is safe for concurrent use as its parts are.
type Archive struct {
	Dir      string
	Store    *sqlite.Store
	Index    *index.Index
	Searcher *search.Searcher
	Analyzer *analysis.Analyzer
	// IndexRebuilt is set when Open found an index of an older schema and
	// rebuilt it from the store.
	IndexRebuilt bool

	warm chan struct{} // closed when the transliteration tables are loaded
	opts Options
}

// rebuildProgress adapts fn to index.Rebuild's progress callback, with the
// store's article count as the total; nil when fn is nil.
func rebuildProgress(ctx context.Context, st *sqlite.Store, fn func(done, total int)) func(int) {
	if fn == nil {
		return nil
	}
	total, err := st.Count(ctx)
	if err != nil {
		total = 0
	}
	fn(0, total)
	return func(done int) { fn(done, total) }
}

// indexDir is where the derived index lives inside the data directory.
func indexDir(dir string) string { return filepath.Join(dir, "index") }

// Options tune OpenWith.
type Options struct {
	// RebuildProgress, when not nil, is called now and then while the
	// index is rebuilt from the store (by OpenWith or Reindex) with the
	// changes applied so far and the number of articles in the store.
	RebuildProgress func(done, total int)
}

// Open opens (creating if needed) the data directory dir, and brings the
// index up to date with the store before returning. An index written with
// an older schema, or damaged, is rebuilt from the store (IndexRebuilt says
// so).
func Open(ctx context.Context, dir string) (*Archive, error) {
	return OpenWith(ctx, dir, Options{})
}

// OpenWith is Open with options.
func OpenWith(ctx context.Context, dir string, o Options) (*Archive, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("data directory %s: %w", dir, err)
	}
	st, err := sqlite.Open(ctx, dir)
	if err != nil {
		return nil, err
	}
	an := analysis.New()
	idx, err := index.Open(ctx, indexDir(dir), an)
	rebuilt := false
	if errors.Is(err, index.ErrSchema) || errors.Is(err, index.ErrCorrupt) {
		// The index was built by another version of khabar, or its files
		// are damaged. It is derived data: rebuild it from the store.
		if _, err = index.Rebuild(ctx, indexDir(dir), an, st, rebuildProgress(ctx, st, o.RebuildProgress)); err == nil {
			idx, err = index.Open(ctx, indexDir(dir), an)
			rebuilt = true
		}
	}
	if err != nil {
		st.Close()
		return nil, err
	}
	a := &Archive{Dir: dir, Store: st, Index: idx, Analyzer: an, IndexRebuilt: rebuilt, warm: make(chan struct{}), opts: o}
	// Searches transliterate Latin query words; loading the tables takes
	// about half a second, paid here in the background (Close waits for
	// it) rather than by the first query.
	go func() {
		defer close(a.warm)
		translit.Default()
	}()
	if _, err := idx.CatchUp(ctx, st); err != nil {
		a.Close()
		return nil, fmt.Errorf("bring index up to date: %w", err)
	}
	a.Searcher = search.New(idx, st)
	return a, nil
}

// Reindex rebuilds the index from the store and returns how many changes
// it applied. The archive's own index is closed while the new one is built
// beside it, then the new one is opened in its place; it must not be used
// concurrently with Reindex.
func (a *Archive) Reindex(ctx context.Context) (int, error) {
	if err := a.Index.Close(); err != nil {
		return 0, fmt.Errorf("reindex: close index: %w", err)
	}
	a.Index, a.Searcher = nil, nil
	n, err := index.Rebuild(ctx, indexDir(a.Dir), a.Analyzer, a.Store, rebuildProgress(ctx, a.Store, a.opts.RebuildProgress))
	if err != nil {
		return n, err
	}
	idx, err := index.Open(ctx, indexDir(a.Dir), a.Analyzer)
	if err != nil {
		return n, err
	}
	a.Index = idx
	a.Searcher = search.New(idx, a.Store)
	return n, nil
}

// Close closes the index and the store, after the background loading of
// the transliteration tables Open started has finished.
func (a *Archive) Close() error {
	if a.warm != nil {
		<-a.warm
	}
	var errs []error
	if a.Index != nil {
		errs = append(errs, a.Index.Close())
	}
	if a.Store != nil {
		errs = append(errs, a.Store.Close())
	}
	return errors.Join(errs...)
}
