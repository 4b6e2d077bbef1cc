//go:build peers

package eval

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/lang/hi"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/khabar-news/khabar/internal/analysis"
)

// BenchmarkAnalyzer measures khabar's analyzer beside Bleve's "hi"
// analyzer on the XQuAD-R Hindi sentences (bytes per second of text).
// Run: go test -tags peers -run XXX -bench Analyzer -benchtime 20x ./internal/eval
func BenchmarkAnalyzer(b *testing.B) {
	docs, _, _ := xquad(b, "hi")
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	b.Run("khabar", func(b *testing.B) {
		an := analysis.New()
		b.SetBytes(size)
		for b.Loop() {
			for _, d := range docs {
				_ = an.Analyze(d.Text, "hi")
			}
		}
	})
	b.Run("bleve-hi", func(b *testing.B) {
		an, err := registry.NewCache().AnalyzerNamed(hi.AnalyzerName)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(size)
		for b.Loop() {
			for _, d := range docs {
				_ = an.Analyze([]byte(d.Text))
			}
		}
	})
}

// BenchmarkQuery measures one pass over the XQuAD-R Hindi questions (all
// 1,190, any-word mode, 10 hits) for khabar stopping at the index (ids and
// scores, as the peers return) beside Bleve's "hi" analyzer with BM25.
// ns/op is per pass; divide by the query count for a mean per query.
// Run: go test -tags peers -run XXX -bench Query -benchtime 5x ./internal/eval
func BenchmarkQuery(b *testing.B) {
	docs, topics, _ := xquad(b, "hi")
	ctx := context.Background()
	k, err := NewKhabar(ctx, b.TempDir(), docs)
	if err != nil {
		b.Fatal(err)
	}
	defer k.Close()
	peer, err := NewPeer(ctx, "bleve-hi", filepath.Join(b.TempDir(), "bleve"), docs)
	if err != nil {
		b.Fatal(err)
	}
	defer peer.Close()
	for _, e := range []struct {
		name string
		r    Retriever
	}{{"khabar-ids", k.IDsOnly()}, {"bleve-hi", peer}} {
		b.Run(e.name, func(b *testing.B) {
			// One pass first: loading the transliteration tables and
			// warming caches is a cost per process, not per query.
			for _, t := range topics {
				if _, err := e.r.Search(ctx, t.Text, 10); err != nil {
					b.Fatal(err)
				}
			}
			for b.Loop() {
				for _, t := range topics {
					if _, err := e.r.Search(ctx, t.Text, 10); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(topics))/1000, "µs/query")
		})
	}
}
