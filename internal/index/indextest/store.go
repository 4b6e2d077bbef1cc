// Package indextest provides an in-memory news.Store for tests of the index
// and of search, so they need no database.
package indextest

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/khabar-news/khabar/internal/news"
)

// Store is an in-memory news.Store. It keeps every article and the latest
// change of each ID with its sequence number. The zero value is ready to
// use; it is safe for concurrent use.
type Store struct {
	mu       sync.Mutex
	seq      int64
	articles map[string]*news.Article
	hashes   map[string]string
	changes  map[string]news.Change // latest change per ID
	closed   bool
}

var _ news.Store = (*Store)(nil)

func (s *Store) init() {
	if s.articles == nil {
		s.articles = map[string]*news.Article{}
		s.hashes = map[string]string{}
		s.changes = map[string]news.Change{}
	}
}

// Put stores copies of the articles, giving each created or updated one the
// next sequence number.
func (s *Store) Put(ctx context.Context, articles ...*news.Article) ([]news.PutResult, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, fmt.Errorf("put: store closed")
	}
	s.init()
	for i, a := range articles {
		if a == nil || a.ID == "" {
			return nil, fmt.Errorf("put: article %d has no id", i)
		}
	}
	out := make([]news.PutResult, 0, len(articles))
	for _, a := range articles {
		h := a.ContentHash()
		old, ok := s.hashes[a.ID]
		if ok && old == h {
			out = append(out, news.PutResult{ID: a.ID, Seq: s.changes[a.ID].Seq, Status: news.Unchanged})
			continue
		}
		s.seq++
		c := clone(a)
		s.articles[a.ID] = c
		s.hashes[a.ID] = h
		s.changes[a.ID] = news.Change{Seq: s.seq, ID: a.ID, Article: c}
		st := news.Created
		if ok {
			st = news.Updated
		}
		out = append(out, news.PutResult{ID: a.ID, Seq: s.seq, Status: st})
	}
	return out, nil
}

// Get returns a copy of the article with the ID.
func (s *Store) Get(ctx context.Context, id string) (*news.Article, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.articles[id]
	if !ok {
		return nil, fmt.Errorf("get %s: %w", id, news.ErrNotFound)
	}
	return clone(a), nil
}

// GetMany returns copies of the articles with the IDs that exist.
func (s *Store) GetMany(ctx context.Context, ids []string) (map[string]*news.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]*news.Article, len(ids))
	for _, id := range ids {
		if a, ok := s.articles[id]; ok {
			out[id] = clone(a)
		}
	}
	return out, nil
}

// Delete removes the article and records the deletion.
func (s *Store) Delete(ctx context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.articles[id]; !ok {
		return fmt.Errorf("delete %s: %w", id, news.ErrNotFound)
	}
	s.seq++
	delete(s.articles, id)
	delete(s.hashes, id)
	s.changes[id] = news.Change{Seq: s.seq, ID: id}
	return nil
}

// Changes returns up to limit latest changes with sequence numbers above
// after, in ascending order.
func (s *Store) Changes(ctx context.Context, after int64, limit int) ([]news.Change, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if limit <= 0 {
		return nil, fmt.Errorf("changes: limit %d, want > 0", limit)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []news.Change
	for _, c := range s.changes {
		if c.Seq > after {
			if c.Article != nil {
				c.Article = clone(c.Article)
			}
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// LastSeq returns the highest sequence number assigned so far.
func (s *Store) LastSeq(ctx context.Context) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.seq, nil
}

// Count returns the number of stored articles.
func (s *Store) Count(ctx context.Context) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.articles), nil
}

// Close marks the store closed; later puts fail.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	return nil
}

func clone(a *news.Article) *news.Article {
	c := *a
	c.Authors = append([]string(nil), a.Authors...)
	c.Tags = append([]string(nil), a.Tags...)
	c.Body = append([]news.Block(nil), a.Body...)
	c.Related = append([]news.Link(nil), a.Related...)
	c.Warnings = append([]string(nil), a.Warnings...)
	c.Removed = append([]string(nil), a.Removed...)
	return &c
}
