package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/khabar-news/khabar/internal/news"
)

// oldGetMany is GetMany as it was before the prepared statement and
// fastDecode: the query prepared on every call, every document through
// json.Unmarshal.
func oldGetMany(ctx context.Context, s *Store, ids []string) (map[string]*news.Article, error) {
	out := make(map[string]*news.Article, len(ids))
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, getManyQuery, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, doc string
		if err := rows.Scan(&id, &doc); err != nil {
			return nil, err
		}
		a, err := jsonDecode(doc)
		if err != nil {
			return nil, err
		}
		out[id] = a
	}
	return out, rows.Err()
}

// TestGetManyMatchesOld checks GetMany against oldGetMany on the BBC
// Hindi sample, ten IDs at a time as a search page asks.
func TestGetManyMatchesOld(t *testing.T) {
	s, ids := bbcStore(t)
	for i := 0; i+10 <= len(ids); i += 37 {
		page := append(ids[i:i+10:i+10], "missing-id")
		got, err := s.GetMany(t.Context(), page)
		if err != nil {
			t.Fatal(err)
		}
		want, err := oldGetMany(t.Context(), s, page)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || len(got) != 10 {
			t.Fatalf("page %d: got %d articles, want %d (and 10)", i, len(got), len(want))
		}
		for id, w := range want {
			sameArticle(t, id, got[id], w)
		}
	}
}

// bbcStore stores the BBC Hindi sample in a new store and returns it with
// the IDs.
func bbcStore(tb testing.TB) (*Store, []string) {
	tb.Helper()
	pool := bbcArticles(tb)
	s, err := Open(tb.Context(), tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	ids := make([]string, len(pool))
	for i, a := range pool {
		a.ID = fmt.Sprintf("bbc-%d", i)
		ids[i] = a.ID
	}
	if _, err := s.Put(tb.Context(), pool...); err != nil {
		tb.Fatal(err)
	}
	return s, ids
}

// BenchmarkGetMany loads pages of ten BBC Hindi articles, as a search
// hydrates its hits, the way before (oldGetMany) and now.
func BenchmarkGetMany(b *testing.B) {
	s, ids := bbcStore(b)
	for _, bm := range []struct {
		name string
		get  func(context.Context, []string) (map[string]*news.Article, error)
	}{
		{"old", func(ctx context.Context, ids []string) (map[string]*news.Article, error) {
			return oldGetMany(ctx, s, ids)
		}},
		{"new", s.GetMany},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				at := (i * 10) % (len(ids) - 10)
				if m, err := bm.get(b.Context(), ids[at:at+10]); err != nil || len(m) != 10 {
					b.Fatalf("got %d articles, %v", len(m), err)
				}
			}
		})
	}
}
