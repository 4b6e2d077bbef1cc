package sqlite

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/shareddata"

	"github.com/khabar-news/khabar/internal/news"
)

// sharedData returns the shared data directory: $KHABAR_SHARED_DATA when
// set, otherwise ../shared/data beside the repository root (the directory
// holding go.mod), found by walking up from the working directory.
func sharedData(t testing.TB) string {
	t.Helper()
	return shareddata.Dir(t)
}

// bbcArticles reads the BBC Hindi sample (category, body text) into articles
// shaped like extraction output: the first sentence as headline, the lines
// as paragraphs. It skips the test when the file is absent.
func bbcArticles(t testing.TB) []*news.Article {
	t.Helper()
	base := time.Date(2013, time.June, 1, 8, 0, 0, 0, time.FixedZone("IST", 19800))
	var out []*news.Article
	for i, rec := range shareddata.BBCHindi(t) {
		a := &news.Article{
			URL:       fmt.Sprintf("https://bbc.example/hindi/%s/%d", rec[0], i),
			Source:    "bbc-hindi",
			Language:  "hi",
			Section:   rec[0],
			Published: base.Add(time.Duration(i) * time.Hour),
		}
		for line := range strings.SplitSeq(rec[1], "\n") {
			if line = strings.TrimSpace(line); line != "" {
				a.Body = append(a.Body, news.Block{Kind: news.Paragraph, Text: line})
			}
		}
		if len(a.Body) == 0 {
			continue
		}
		a.Headline = firstSentence(a.Body[0].Text)
		out = append(out, a)
	}
	if len(out) == 0 {
		t.Fatal("the BBC Hindi sample holds no articles")
	}
	return out
}

// firstSentence returns text up to its first full stop (Latin or danda),
// at most 120 runes.
func firstSentence(text string) string {
	if i := strings.IndexAny(text, ".।?"); i > 0 {
		text = text[:i]
	}
	if r := []rune(text); len(r) > 120 {
		text = string(r[:120])
	}
	return text
}

// BenchmarkPut ingests BBC-sized Hindi articles in batches of 256 into a
// fresh store and reports articles per second. Every article is new.
func BenchmarkPut(b *testing.B) {
	pool := bbcArticles(b)
	const size = 256
	var docBytes int64
	for _, a := range pool {
		data, _ := json.Marshal(a)
		docBytes += int64(len(data))
	}
	b.SetBytes(docBytes * size / int64(len(pool)))
	s, err := Open(b.Context(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	batch := make([]*news.Article, size)
	n := 0
	for b.Loop() {
		for i := range batch {
			c := *pool[n%len(pool)]
			c.ID = fmt.Sprintf("bbc-%d", n)
			c.URL = fmt.Sprintf("%s?n=%d", c.URL, n)
			batch[i] = &c
			n++
		}
		if _, err := s.Put(b.Context(), batch...); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkReput puts the same batch of 256 BBC articles again and again:
// the cost of re-ingesting content the store already has (all Unchanged).
func BenchmarkReput(b *testing.B) {
	pool := bbcArticles(b)
	const size = 256
	batch := make([]*news.Article, size)
	for i := range batch {
		c := *pool[i%len(pool)]
		c.ID = fmt.Sprintf("bbc-%d", i)
		batch[i] = &c
	}
	s, err := Open(b.Context(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Put(b.Context(), batch...); err != nil {
		b.Fatal(err)
	}
	n := 0
	for b.Loop() {
		res, err := s.Put(b.Context(), batch...)
		if err != nil {
			b.Fatal(err)
		}
		if res[0].Status != news.Unchanged {
			b.Fatalf("re-put: got %v, want unchanged", res[0].Status)
		}
		n += size
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// TestBBCRoundTrip stores the whole BBC sample and reads every article back
// unchanged: real text, real lengths.
func TestBBCRoundTrip(t *testing.T) {
	pool := bbcArticles(t)
	s := openTest(t)
	for i, a := range pool {
		a.ID = fmt.Sprintf("bbc-%d", i)
	}
	if _, err := s.Put(t.Context(), pool...); err != nil {
		t.Fatal(err)
	}
	for _, want := range pool {
		got, err := s.Get(t.Context(), want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.ContentHash() != want.ContentHash() {
			t.Errorf("%s: content hash changed in the round trip", want.ID)
		}
	}
}
