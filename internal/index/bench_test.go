package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/news"
)

// benchIndex is a synthetic index shared by the search benchmarks: 50,000
// articles of about 150 words drawn from a Zipf-distributed vocabulary of
// 20,000 made-up Devanagari words (consonant + vowel sign syllables), so
// that term frequencies look like a language's. Built once per process.
var benchIndex = sync.OnceValues(func() (*Index, error) {
	const docs, vocab = 50_000, 20_000
	rng := rand.New(rand.NewPCG(7, 8))
	cons := []rune("कखगचजटडतदनपबमयरलवसह")
	vows := []string{"", "ा", "ि", "ी", "ु", "ू", "े", "ो"}
	words := make([]string, vocab)
	seen := map[string]bool{}
	for i := range words {
		for {
			var b strings.Builder
			for range 2 + rng.IntN(3) {
				b.WriteRune(cons[rng.IntN(len(cons))])
				b.WriteString(vows[rng.IntN(len(vows))])
			}
			if w := b.String(); !seen[w] {
				seen[w], words[i] = true, w
				break
			}
		}
	}
	zipf := rand.NewZipf(rng, 1.1, 2, vocab-1)
	text := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[zipf.Uint64()]
		}
		return strings.Join(ws, " ")
	}
	dir, err := benchDir()
	if err != nil {
		return nil, err
	}
	ix, err := Open(context.Background(), dir, analysis.New())
	if err != nil {
		return nil, err
	}
	var changes []news.Change
	for i := range docs {
		a := &news.Article{ID: fmt.Sprintf("b%06d", i), Language: "hi", Source: fmt.Sprintf("src%d", i%7),
			Headline:  text(8),
			Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute),
			Body:      []news.Block{{Kind: news.Paragraph, Text: text(80)}, {Kind: news.Paragraph, Text: text(60)}}}
		changes = append(changes, news.Change{Seq: int64(i + 1), ID: a.ID, Article: a})
		if len(changes) == DefaultPageSize || i == docs-1 {
			if err := ix.Apply(context.Background(), changes); err != nil {
				return nil, err
			}
			changes = changes[:0]
		}
	}
	benchWords = words
	return ix, nil
})

var benchWords []string

// benchDir is a directory that lives as long as the test binary; TestMain
// removes it.
var benchDir = sync.OnceValues(func() (string, error) {
	return os.MkdirTemp("", "khabar-index-bench-")
})

func TestMain(m *testing.M) {
	code := m.Run()
	if dir, err := benchDir(); err == nil {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// BenchmarkSearch runs one query of each class on the synthetic index,
// with facets, as the search page asks: a common word (the 3rd most
// frequent), a mid-frequency word (rank 300), two common words (AND), three
// words in any-word mode (OR), and a two-word phrase. matches/op is the
// number of matching documents, ns/match the cost per match. Each query
// runs on the dense path (dense.go) as searches do, and as "walk/…" with
// the dense path off, over every posting: the peer of the same run.
func BenchmarkSearch(b *testing.B) {
	ix, err := benchIndex()
	if err != nil {
		b.Fatal(err)
	}
	an := analysis.New()
	term := func(w string) Clause { return Term(an.Analyze(w, "hi")[0].Term) }
	w := benchWords
	queries := []struct {
		name string
		q    Query
	}{
		{"common", Query{Must: []Clause{term(w[2])}}},
		{"mid", Query{Must: []Clause{term(w[300])}}},
		{"and", Query{Must: []Clause{term(w[2]), term(w[5])}}},
		{"or", Query{Should: []Clause{term(w[2]), term(w[40]), term(w[300])}}},
		{"phrase", Query{Must: []Clause{{Terms: [][]string{{term(w[2]).Terms[0][0]}, {term(w[3]).Terms[0][0]}}}}}},
		{"newest", Query{Must: []Clause{term(w[2])}, Sort: SortNewest}},
	}
	dense := ix.dense
	defer func() { ix.dense = dense }()
	for _, path := range []string{"", "walk/"} {
		for _, tt := range queries {
			ix.dense = dense
			if path != "" {
				ix.dense = nil
			}
			benchQuery(b, ix, path+tt.name, tt.q)
		}
	}
}

func benchQuery(b *testing.B, ix *Index, name string, q Query) {
	b.Run(name, func(b *testing.B) {
		q.FacetSize = 10
		var total int
		for b.Loop() {
			r, err := ix.Search(context.Background(), q)
			if err != nil {
				b.Fatal(err)
			}
			total = r.Total
		}
		b.ReportMetric(float64(total), "matches/op")
		if total > 0 {
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(total), "ns/match")
		}
	})
}
