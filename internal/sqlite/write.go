package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/news"
)

// timeLayout is how times are written to the queryable columns: UTC, to the
// second, fixed width, so that text order is time order.
const timeLayout = "2006-01-02T15:04:05Z"

// prepared is one article ready to be written: checked, hashed, encoded.
type prepared struct {
	a    *news.Article
	hash string
	doc  string
}

// prepare checks an article and encodes it outside the write transaction, so
// the write lock is held only for the SQL itself. i is the article's position
// in the batch, used to name it in errors.
func prepare(i int, a *news.Article) (prepared, error) {
	if a == nil {
		return prepared{}, fmt.Errorf("article %d is nil", i)
	}
	if a.ID == "" {
		return prepared{}, fmt.Errorf("article %d (headline %q): empty id", i, clip(a.Headline))
	}
	if field := invalidUTF8(a); field != "" {
		return prepared{}, fmt.Errorf("article %q: %s is not valid UTF-8", a.ID, field)
	}
	doc, err := json.Marshal(a)
	if err != nil {
		// Only times can fail: years outside 0–9999, offsets of 24 hours or more.
		return prepared{}, fmt.Errorf("article %q: encode: %w", a.ID, err)
	}
	return prepared{a: a, hash: a.ContentHash(), doc: string(doc)}, nil
}

// clip shortens s to at most 40 runes for an error message.
func clip(s string) string {
	const n = 40
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// invalidUTF8 names the first field of a that is not valid UTF-8, or returns
// "" when all are. JSON encoding would silently replace such bytes, so the
// stored article would differ from the one given.
func invalidUTF8(a *news.Article) string {
	single := []struct {
		name, v string
	}{
		{"id", a.ID}, {"url", a.URL}, {"source", a.Source}, {"language", a.Language},
		{"headline", a.Headline}, {"kicker", a.Kicker}, {"standfirst", a.Standfirst},
		{"section", a.Section},
	}
	for _, f := range single {
		if !utf8.ValidString(f.v) {
			return f.name
		}
	}
	lists := []struct {
		name string
		v    []string
	}{
		{"authors", a.Authors}, {"tags", a.Tags}, {"warnings", a.Warnings}, {"removed", a.Removed},
	}
	for _, f := range lists {
		for j, v := range f.v {
			if !utf8.ValidString(v) {
				return fmt.Sprintf("%s[%d]", f.name, j)
			}
		}
	}
	for j, b := range a.Body {
		if !utf8.ValidString(string(b.Kind)) || !utf8.ValidString(b.Text) || !utf8.ValidString(b.Language) {
			return fmt.Sprintf("body[%d]", j)
		}
	}
	for j, l := range a.Related {
		if !utf8.ValidString(l.Title) || !utf8.ValidString(l.URL) {
			return fmt.Sprintf("related[%d]", j)
		}
	}
	return ""
}

// nullable maps "" to SQL NULL, so unknown values stay unknown in the
// queryable columns.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// nullTime maps the zero time to SQL NULL and any other to timeLayout in UTC.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

// Put stores the articles in one transaction and reports, in input order,
// what happened to each: Created for a new ID, Updated when the ID held other
// content (the article takes a new sequence number), Unchanged when the
// content hash is the same (nothing is written). An ID may appear twice in
// one batch; later entries see earlier ones. A nil article, an empty ID, a
// field that is not valid UTF-8 or a time JSON cannot encode fails the whole
// batch, and nothing of it is stored. Put returns once the transaction has
// committed.
func (s *Store) Put(ctx context.Context, articles ...*news.Article) ([]news.PutResult, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("put articles: %w", err)
	}
	if len(articles) == 0 {
		return []news.PutResult{}, nil
	}
	batch := make([]prepared, len(articles))
	for i, a := range articles {
		p, err := prepare(i, a)
		if err != nil {
			return nil, fmt.Errorf("put articles: %w", err)
		}
		batch[i] = p
	}
	var results []news.PutResult
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		results, err = putTx(ctx, tx, batch, s.now().UTC().Format(timeLayout))
		return err
	})
	if err != nil {
		if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
			// The driver may report an interrupted statement in its own words.
			err = fmt.Errorf("%w (%v)", cerr, err)
		}
		return nil, fmt.Errorf("put articles: %w", err)
	}
	return results, nil
}

// putTx writes batch inside tx, stamping written rows with now.
func putTx(ctx context.Context, tx *sql.Tx, batch []prepared, now string) ([]news.PutResult, error) {
	seq, err := readSeq(ctx, tx)
	if err != nil {
		return nil, err
	}
	lookup, err := tx.PrepareContext(ctx, `SELECT hash, seq FROM articles WHERE id = ?`)
	if err != nil {
		return nil, err
	}
	defer lookup.Close()
	insert, err := tx.PrepareContext(ctx, `INSERT INTO articles
		(id, seq, hash, doc, url, source, language, published, ingested_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	defer insert.Close()
	update, err := tx.PrepareContext(ctx, `UPDATE articles SET
		seq = ?, hash = ?, doc = ?, url = ?, source = ?, language = ?, published = ?, updated_at = ?
		WHERE id = ?`)
	if err != nil {
		return nil, err
	}
	defer update.Close()
	untomb, err := tx.PrepareContext(ctx, `DELETE FROM tombstones WHERE id = ?`)
	if err != nil {
		return nil, err
	}
	defer untomb.Close()

	start := seq
	results := make([]news.PutResult, len(batch))
	for i, p := range batch {
		a := p.a
		var oldHash string
		var oldSeq int64
		err := lookup.QueryRowContext(ctx, a.ID).Scan(&oldHash, &oldSeq)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			seq++
			if _, err := insert.ExecContext(ctx, a.ID, seq, p.hash, p.doc,
				nullable(a.URL), nullable(a.Source), nullable(a.Language), nullTime(a.Published),
				now, now); err != nil {
				return nil, fmt.Errorf("insert %q: %w", a.ID, err)
			}
			if _, err := untomb.ExecContext(ctx, a.ID); err != nil {
				return nil, fmt.Errorf("insert %q: %w", a.ID, err)
			}
			results[i] = news.PutResult{ID: a.ID, Seq: seq, Status: news.Created}
		case err != nil:
			return nil, fmt.Errorf("look up %q: %w", a.ID, err)
		case oldHash == p.hash:
			results[i] = news.PutResult{ID: a.ID, Seq: oldSeq, Status: news.Unchanged}
		default:
			seq++
			if _, err := update.ExecContext(ctx, seq, p.hash, p.doc,
				nullable(a.URL), nullable(a.Source), nullable(a.Language), nullTime(a.Published),
				now, a.ID); err != nil {
				return nil, fmt.Errorf("update %q: %w", a.ID, err)
			}
			results[i] = news.PutResult{ID: a.ID, Seq: seq, Status: news.Updated}
		}
	}
	if seq != start {
		if err := writeSeq(ctx, tx, seq); err != nil {
			return nil, err
		}
	}
	return results, nil
}

// Delete removes the article with the ID and records the deletion as a
// change with the next sequence number. Deleting a missing ID returns an
// error wrapping news.ErrNotFound.
func (s *Store) Delete(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("delete %q: %w", id, err)
	}
	if id == "" {
		return errors.New("delete article: empty id")
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if n == 0 {
			return news.ErrNotFound
		}
		seq, err := readSeq(ctx, tx)
		if err != nil {
			return err
		}
		seq++
		if _, err := tx.ExecContext(ctx, `INSERT INTO tombstones(id, seq, deleted_at) VALUES (?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, deleted_at = excluded.deleted_at`,
			id, seq, s.now().UTC().Format(timeLayout)); err != nil {
			return err
		}
		return writeSeq(ctx, tx, seq)
	})
	if err != nil {
		return fmt.Errorf("delete %q: %w", id, err)
	}
	return nil
}

// SetMeta stores value under key in the store's metadata, replacing any
// earlier value. Other packages use it for small durable settings (an
// index's last applied sequence number, a crawler's cursor). The key must
// not be empty.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	if key == "" {
		return errors.New("set meta: empty key")
	}
	if !utf8.ValidString(key) || !utf8.ValidString(value) {
		return fmt.Errorf("set meta %q: not valid UTF-8", key)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO meta(key, value) VALUES (?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
	if err != nil {
		return fmt.Errorf("set meta %q: %w", key, err)
	}
	return nil
}

// write runs fn in a write transaction on the single writer connection and
// commits it; any error from fn or the commit rolls everything back.
func (s *Store) write(ctx context.Context, fn func(*sql.Tx) error) (err error) {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func readSeq(ctx context.Context, tx *sql.Tx) (int64, error) {
	var seq int64
	if err := tx.QueryRowContext(ctx, `SELECT value FROM counters WHERE name = 'seq'`).Scan(&seq); err != nil {
		return 0, fmt.Errorf("read sequence: %w", err)
	}
	return seq, nil
}

func writeSeq(ctx context.Context, tx *sql.Tx, seq int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE counters SET value = ? WHERE name = 'seq'`, seq); err != nil {
		return fmt.Errorf("write sequence: %w", err)
	}
	return nil
}
