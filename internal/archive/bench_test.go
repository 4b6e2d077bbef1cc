package archive

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/shareddata"

	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/pipeline"
)

// sharedData finds ../shared/data from the repository, or
// $KHABAR_SHARED_DATA, and skips the test or benchmark when it is absent.
func sharedData(tb testing.TB) string {
	tb.Helper()
	return shareddata.Dir(tb)
}

// bbcDocuments returns each article of the BBC Hindi sample with at least
// 20 words as a headline made of its first 12 words and its text.
func bbcDocuments(tb testing.TB) [][2]string {
	tb.Helper()
	var docs [][2]string
	for _, rec := range shareddata.BBCHindi(tb) {
		words := strings.Fields(rec[1])
		if len(words) < 20 {
			continue
		}
		docs = append(docs, [2]string{strings.Join(words[:12], " "), rec[1]})
	}
	return docs
}

// BenchmarkIngest measures the whole ingest path — scraped-text extraction,
// language detection, the SQLite store and the index — on BBC-sized
// Hindi articles, into a fresh data directory per iteration. It reports
// articles/s (wall clock, all cores) and the mean article size.
func BenchmarkIngest(b *testing.B) {
	docs := bbcDocuments(b)
	const total = 2000
	var bytes int
	items := make([]ingest.Item, total)
	for i := range items {
		// Each copy gets a distinct headline so that every article is new.
		doc := docs[i%len(docs)]
		d := fmt.Appendf(nil, "%s (%d)\n\n%s", doc[0], i, doc[1])
		items[i] = ingest.Item{Origin: fmt.Sprint("bbc-", i), Format: ingest.Text, Data: d}
		bytes += len(d)
	}
	ctx := context.Background()
	var elapsed time.Duration
	for b.Loop() {
		dir := b.TempDir()
		ar, err := Open(ctx, dir)
		if err != nil {
			b.Fatal(err)
		}
		ch := make(chan ingest.Item)
		go func() {
			defer close(ch)
			for _, it := range items {
				ch <- it
			}
		}()
		p := &pipeline.Pipeline{
			Store: ar.Store, Index: ar.Index,
			Extract: func(ctx context.Context, it ingest.Item) (*news.Article, error) {
				return Extract(ctx, it, extract.Options{})
			},
			OnError: func(origin string, err error) { b.Errorf("%s: %v", origin, err) },
		}
		start := time.Now()
		st, err := p.Run(ctx, ch)
		elapsed += time.Since(start)
		if err != nil || st.Ingested != total {
			b.Fatalf("got %+v, %v, want %d ingested", st, err, total)
		}
		ar.Close()
	}
	b.ReportMetric(float64(total*b.N)/elapsed.Seconds(), "articles/s")
	b.ReportMetric(float64(bytes)/float64(total), "bytes/article")
}
