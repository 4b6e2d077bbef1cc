//go:build peers

package eval

import (
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
