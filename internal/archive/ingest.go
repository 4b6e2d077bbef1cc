package archive

import (
	"context"

	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/pipeline"
)

// IngestOptions configure IngestFiles. The zero value reads every format
// with auto-detection and reports nothing.
type IngestOptions struct {
	// Reader reads the files; nil means auto-detected formats with HTML
	// sniffed by extract.LooksLikeHTML.
	Reader *ingest.Reader
	// Extract is passed to Extract for every item.
	Extract extract.Options
	// OnError, OnProgress: see pipeline.Pipeline.
	OnError    func(origin string, err error)
	OnProgress func(pipeline.Stats)
	// OnFile, when set, is called after each file has been read.
	OnFile func(path string)
}

// IngestFiles reads the files (as listed by ingest.Files, "-" for the
// reader's Stdin), extracts, stores and indexes them in one pipeline run:
// what `khabar ingest` does. Per-item failures go to OnError and are
// counted; the error is only for a run that could not go on.
func (a *Archive) IngestFiles(ctx context.Context, files []string, o IngestOptions) (pipeline.Stats, error) {
	rd := o.Reader
	if rd == nil {
		rd = &ingest.Reader{Format: ingest.Auto, HTMLSniffer: extract.LooksLikeHTML}
	}
	items := make(chan ingest.Item)
	go func() {
		defer close(items)
		for _, path := range files {
			rd.ReadFile(ctx, path, func(it ingest.Item) bool {
				select {
				case items <- it:
					return true
				case <-ctx.Done():
					return false
				}
			})
			if o.OnFile != nil {
				o.OnFile(path)
			}
			if ctx.Err() != nil {
				return
			}
		}
	}()
	p := &pipeline.Pipeline{
		Store: a.Store,
		Index: a.Index,
		Extract: func(ctx context.Context, it ingest.Item) (*news.Article, error) {
			return Extract(ctx, it, o.Extract)
		},
		OnError:    o.OnError,
		OnProgress: o.OnProgress,
	}
	return p.Run(ctx, items)
}
