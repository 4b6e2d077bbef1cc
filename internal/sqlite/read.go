package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/khabar-news/khabar/internal/news"
)

// Get returns the article with the ID, or an error wrapping news.ErrNotFound
// when there is none (a deleted article is none).
func (s *Store) Get(ctx context.Context, id string) (*news.Article, error) {
	var doc string
	err := s.r.QueryRowContext(ctx, `SELECT doc FROM articles WHERE id = ?`, id).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("get article %q: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("get article %q: %w", id, err)
	}
	return decode(id, doc)
}

// getManyQuery is GetMany's query: the articles whose IDs are in a JSON
// array.
const getManyQuery = `SELECT id, doc FROM articles WHERE id IN (SELECT value FROM json_each(?))`

// GetMany returns the stored articles among ids, keyed by ID. Missing IDs are
// left out without error; repeated IDs are looked up once. The whole lookup
// reads one snapshot of the store.
func (s *Store) GetMany(ctx context.Context, ids []string) (map[string]*news.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("get %d articles: %w", len(ids), err)
	}
	out := make(map[string]*news.Article, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("get %d articles: %w", len(ids), err)
	}
	rows, err := s.getMany.QueryContext(ctx, string(list))
	if err != nil {
		return nil, fmt.Errorf("get %d articles: %w", len(ids), err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, doc string
		if err := rows.Scan(&id, &doc); err != nil {
			return nil, fmt.Errorf("get %d articles: %w", len(ids), err)
		}
		a, err := decode(id, doc)
		if err != nil {
			return nil, err
		}
		out[id] = a
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("get %d articles: %w", len(ids), err)
	}
	return out, nil
}

// Changes returns up to limit changes with sequence numbers above after, in
// ascending order of sequence number. Each ID appears at most once, at its
// latest change; a deleted article appears with a nil Article. A limit below
// 1 is an error.
func (s *Store) Changes(ctx context.Context, after int64, limit int) ([]news.Change, error) {
	if limit < 1 {
		return nil, fmt.Errorf("changes after %d: limit %d is not positive", after, limit)
	}
	rows, err := s.r.QueryContext(ctx, `
		SELECT seq, id, doc FROM articles WHERE seq > ?1
		UNION ALL
		SELECT seq, id, NULL FROM tombstones WHERE seq > ?1
		ORDER BY seq
		LIMIT ?2`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("changes after %d: %w", after, err)
	}
	defer rows.Close()
	var out []news.Change
	for rows.Next() {
		var c news.Change
		var doc sql.NullString
		if err := rows.Scan(&c.Seq, &c.ID, &doc); err != nil {
			return nil, fmt.Errorf("changes after %d: %w", after, err)
		}
		if doc.Valid {
			if c.Article, err = decode(c.ID, doc.String); err != nil {
				return nil, err
			}
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("changes after %d: %w", after, err)
	}
	return out, nil
}

// LastSeq returns the highest sequence number assigned so far, 0 for a new
// store. Deletions take sequence numbers too.
func (s *Store) LastSeq(ctx context.Context) (int64, error) {
	var seq int64
	if err := s.r.QueryRowContext(ctx, `SELECT value FROM counters WHERE name = 'seq'`).Scan(&seq); err != nil {
		return 0, fmt.Errorf("last sequence number: %w", err)
	}
	return seq, nil
}

// Count returns the number of stored articles (deleted ones are not counted).
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// Meta returns the value stored under key by SetMeta, or an error wrapping
// news.ErrNotFound when the key was never set.
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.r.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("meta %q: %w", key, news.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("meta %q: %w", key, err)
	}
	return v, nil
}

// SourceCount is how many stored articles name one source.
type SourceCount struct {
	Source string // "" for articles without a source
	Count  int
}

// Sources returns every distinct source of the stored articles with its
// article count, the largest first (ties by name).
func (s *Store) Sources(ctx context.Context) ([]SourceCount, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT coalesce(source, ''), count(*) AS n FROM articles
		GROUP BY source ORDER BY n DESC, source`)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	defer rows.Close()
	var out []SourceCount
	for rows.Next() {
		var sc SourceCount
		if err := rows.Scan(&sc.Source, &sc.Count); err != nil {
			return nil, fmt.Errorf("list sources: %w", err)
		}
		out = append(out, sc)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	return out, nil
}
