package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/news"
)

// memStore is a minimal news.Store for pipeline tests; it refuses articles
// whose headline is "REFUSE" to simulate a store-level failure.
type memStore struct {
	mu   sync.Mutex
	docs map[string]string
	seq  int64
}

func (m *memStore) Put(ctx context.Context, as ...*news.Article) ([]news.PutResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, a := range as {
		if a.Headline == "REFUSE" {
			return nil, fmt.Errorf("article %s: refused", a.ID)
		}
	}
	var out []news.PutResult
	for _, a := range as {
		h := a.ContentHash()
		st := news.Created
		if old, ok := m.docs[a.ID]; ok {
			st = news.Updated
			if old == h {
				st = news.Unchanged
			}
		}
		if st != news.Unchanged {
			m.seq++
			m.docs[a.ID] = h
		}
		out = append(out, news.PutResult{ID: a.ID, Seq: m.seq, Status: st})
	}
	return out, nil
}
func (m *memStore) Get(context.Context, string) (*news.Article, error) { return nil, news.ErrNotFound }
func (m *memStore) GetMany(context.Context, []string) (map[string]*news.Article, error) {
	return nil, nil
}
func (m *memStore) Delete(context.Context, string) error { return nil }
func (m *memStore) Changes(context.Context, int64, int) ([]news.Change, error) {
	return nil, nil
}
func (m *memStore) LastSeq(context.Context) (int64, error) { return m.seq, nil }
func (m *memStore) Count(context.Context) (int, error)     { return len(m.docs), nil }
func (m *memStore) Close() error                           { return nil }

type countingIndex struct{ calls int }

func (c *countingIndex) CatchUp(context.Context, news.Store) (int, error) {
	c.calls++
	return 1, nil
}

func feed(items []ingest.Item) <-chan ingest.Item {
	ch := make(chan ingest.Item)
	go func() {
		defer close(ch)
		for _, it := range items {
			ch <- it
		}
	}()
	return ch
}

func headlineExtractor(_ context.Context, it ingest.Item) (*news.Article, error) {
	text := string(it.Data)
	if text == "PANIC" {
		panic("extractor bug")
	}
	if strings.HasPrefix(text, "BAD") {
		return nil, errors.New("no article found")
	}
	return &news.Article{Headline: text}, nil
}

func TestRunReportsEachFailureAndGoesOn(t *testing.T) {
	st := &memStore{docs: map[string]string{}}
	idx := &countingIndex{}
	var failed []string
	var mu sync.Mutex
	p := &Pipeline{
		Store: st, Index: idx, Extract: headlineExtractor, BatchSize: 3, Workers: 2,
		OnError: func(origin string, err error) {
			mu.Lock()
			failed = append(failed, origin+": "+err.Error())
			mu.Unlock()
		},
	}
	items := []ingest.Item{
		{Origin: "a.txt", Data: []byte("रूस पहुंचे जयशंकर")},
		{Origin: "b.txt", Data: []byte("BAD page")},
		{Origin: "c.txt", Err: errors.New("invalid UTF-8 at byte 3")},
		{Origin: "d.txt", Data: []byte("PANIC")},
		{Origin: "e.txt", Data: []byte("REFUSE")},
		{Origin: "f.txt", Data: []byte("मानसून की बारिश")},
		{Origin: "g.txt", Data: []byte("क्रिकेट का फ़ाइनल")},
	}
	stats, err := p.Run(context.Background(), feed(items))
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if stats.Read != 7 || stats.Ingested != 3 || stats.Failed != 4 || stats.Unchanged != 0 {
		t.Errorf("got stats %+v, want read 7, ingested 3, failed 4", stats)
	}
	sort.Strings(failed)
	wantPrefixes := []string{"b.txt: no article", "c.txt: invalid UTF-8", "d.txt: internal error", "e.txt: store:"}
	if len(failed) != len(wantPrefixes) {
		t.Fatalf("got failures %q, want %d", failed, len(wantPrefixes))
	}
	for i, w := range wantPrefixes {
		if !strings.HasPrefix(failed[i], w) {
			t.Errorf("failure %d: got %q, want prefix %q", i, failed[i], w)
		}
	}
	if idx.calls == 0 {
		t.Error("index never caught up")
	}
	// The same content again is unchanged, not re-ingested.
	stats, err = p.Run(context.Background(), feed(items[:1]))
	if err != nil || stats.Unchanged != 1 || stats.Ingested != 0 {
		t.Errorf("re-ingest: got %+v, %v, want 1 unchanged", stats, err)
	}
}

func TestRunCancelledDoesNotBlockProducer(t *testing.T) {
	st := &memStore{docs: map[string]string{}}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	items := make([]ingest.Item, 100)
	for i := range items {
		items[i] = ingest.Item{Origin: fmt.Sprint(i), Data: []byte(fmt.Sprint("खबर ", i))}
	}
	p := &Pipeline{Store: st, Extract: headlineExtractor}
	_, err := p.Run(ctx, feed(items))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}
