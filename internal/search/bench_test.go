package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/shareddata"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/index"
	"github.com/khabar-news/khabar/internal/index/indextest"
	"github.com/khabar-news/khabar/internal/news"
)

// sharedData returns the shared data directory: $KHABAR_SHARED_DATA, or
// ../shared/data beside the repository root found by walking up to go.mod.
// It skips the test when there is none.
func sharedData(tb testing.TB) string {
	tb.Helper()
	return shareddata.Dir(tb)
}

// corpusArticles builds up to n articles of two paragraphs each from the
// Hindi Covid-19 news corpus (internal evaluation material; it stays in
// the shared data directory).
func corpusArticles(tb testing.TB, n int) []*news.Article {
	tb.Helper()
	root := filepath.Join(sharedData(tb), "corpora", "hindi-covid-news-5-outlets")
	var files []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") && filepath.Base(p) != "Readme.txt" {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) == 0 {
		tb.Skipf("corpus %s not readable: %v", root, err)
	}
	sort.Strings(files)
	var out []*news.Article
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatalf("read %s: %v", f, err)
		}
		var paras []string
		for _, p := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n\n") {
			if p = strings.TrimSpace(p); utf8.RuneCountInString(p) > 40 {
				paras = append(paras, p)
			}
		}
		outlet := filepath.Base(filepath.Dir(filepath.Dir(f)))
		for i := 0; i+2 <= len(paras) && len(out) < n; i += 2 {
			head, _, _ := strings.Cut(paras[i], "\n")
			if r := []rune(head); len(r) > 80 {
				head = string(r[:80])
			}
			a := &news.Article{Source: outlet, Language: "hi", Headline: head}
			for _, p := range paras[i : i+2] {
				a.Body = append(a.Body, news.Block{Kind: news.Paragraph, Text: p})
			}
			a.ID = fmt.Sprintf("c%05d", len(out))
			out = append(out, a)
		}
		if len(out) >= n {
			break
		}
	}
	return out
}

// BenchmarkSearch measures one query, snippets and hydration included, on
// a few thousand articles built from the shared corpus.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	arts := corpusArticles(b, 3000)
	st := &indextest.Store{}
	if _, err := st.Put(ctx, arts...); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	ix, err := index.Open(ctx, dir, analysis.New())
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	start := time.Now()
	if _, err := ix.CatchUp(ctx, st); err != nil {
		b.Fatal(err)
	}
	took := time.Since(start)
	var size, text int64
	_ = filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				size += fi.Size()
			}
		}
		return nil
	})
	for _, a := range arts {
		text += int64(len(a.Headline) + len(a.BodyText()))
	}
	b.Logf("%d articles (%d KiB of text) indexed in %v; index %d KiB", len(arts), text>>10, took.Round(time.Millisecond), size>>10)
	s := New(ix, st)
	queries := []struct{ name, q string }{
		{"common word", "कोरोना"},
		{"two words", "लॉकडाउन मजदूर"},
		{"phrase", `"स्वास्थ्य मंत्रालय"`},
		{"fallback", "मजदूर अंतरिक्षयान"},
		{"filtered", "संक्रमित source:\"Amar Ujala\""},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			r, err := s.Search(ctx, q.q, Options{Limit: 10})
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("%s: %d matches, fallback %v", q.q, r.Total, r.Fallback)
			for b.Loop() {
				if _, err := s.Search(ctx, q.q, Options{Limit: 10}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
