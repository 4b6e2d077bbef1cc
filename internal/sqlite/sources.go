package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/khabar-news/khabar/internal/news"
)

var _ news.SourceStore = (*Store)(nil)

// sourceTimeLayout is how source times are stored: UTC to the nanosecond,
// fixed width, so that text order is time order and times round-trip.
const sourceTimeLayout = "2006-01-02T15:04:05.000000000Z"

// maxSeenKey is the longest seen key stored as given, in bytes; longer keys
// are stored as their SHA-256, which keeps the table and its index bounded.
const maxSeenKey = 1024

// sourceColumns lists the sources table's columns in the order scanSource
// reads them and sourceArgs writes them (after id).
const sourceColumns = `url, kind, name, language, allow_private,
	interval_ns, min_interval_ns, max_interval_ns, min_gap_ns, max_in_flight,
	disabled, disabled_reason, last_fetch, last_success, last_error, last_error_at,
	hard_failures, soft_failures, etag, last_modified, next_poll,
	items_seen, items_per_day, created`

func sourceTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(sourceTimeLayout)
}

// sourceArgs returns the values of sourceColumns for s.
func sourceArgs(s *news.Source) []any {
	h := &s.Health
	return []any{
		s.URL, string(s.Kind), s.Name, s.Language, s.AllowPrivate,
		int64(s.Interval), int64(s.MinInterval), int64(s.MaxInterval),
		int64(s.Politeness.MinGap), s.Politeness.MaxInFlight,
		s.Disabled, s.DisabledReason, sourceTime(h.LastFetch), sourceTime(h.LastSuccess),
		h.LastError, sourceTime(h.LastErrorAt), h.HardFailures, h.SoftFailures,
		h.ETag, h.LastModified, sourceTime(h.NextPoll), h.ItemsSeen, h.ItemsPerDay,
		sourceTime(s.Created),
	}
}

type rowScanner interface{ Scan(dest ...any) error }

// scanSource reads one row of "id, " + sourceColumns.
func scanSource(r rowScanner) (*news.Source, error) {
	var s news.Source
	var kind string
	var iv, minIv, maxIv, gap int64
	var lastFetch, lastSuccess, lastErrAt, nextPoll sql.NullString
	var created string
	h := &s.Health
	if err := r.Scan(&s.ID, &s.URL, &kind, &s.Name, &s.Language, &s.AllowPrivate,
		&iv, &minIv, &maxIv, &gap, &s.Politeness.MaxInFlight,
		&s.Disabled, &s.DisabledReason, &lastFetch, &lastSuccess, &h.LastError, &lastErrAt,
		&h.HardFailures, &h.SoftFailures, &h.ETag, &h.LastModified, &nextPoll,
		&h.ItemsSeen, &h.ItemsPerDay, &created); err != nil {
		return nil, err
	}
	s.Kind = news.SourceKind(kind)
	s.Interval, s.MinInterval, s.MaxInterval = time.Duration(iv), time.Duration(minIv), time.Duration(maxIv)
	s.Politeness.MinGap = time.Duration(gap)
	for _, f := range []struct {
		v   sql.NullString
		dst *time.Time
	}{
		{lastFetch, &h.LastFetch}, {lastSuccess, &h.LastSuccess}, {lastErrAt, &h.LastErrorAt},
		{nextPoll, &h.NextPoll}, {sql.NullString{String: created, Valid: true}, &s.Created},
	} {
		if !f.v.Valid {
			continue
		}
		t, err := time.Parse(sourceTimeLayout, f.v.String)
		if err != nil {
			return nil, fmt.Errorf("source %d: stored time %q: %w", s.ID, f.v.String, err)
		}
		*f.dst = t
	}
	return &s, nil
}

// AddSource stores a new source; see news.SourceStore. The URL is compared
// byte for byte with the stored ones.
func (s *Store) AddSource(ctx context.Context, src *news.Source) (*news.Source, error) {
	if src == nil {
		return nil, errors.New("add source: nil source")
	}
	c := *src
	if c.Created.IsZero() {
		c.Created = s.now()
	}
	c.Created = c.Created.UTC()
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("add source: %w", err)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM sources WHERE url = ?`, c.URL).Scan(&id)
		if err == nil {
			return fmt.Errorf("%w as source %d", news.ErrExists, id)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO sources(`+sourceColumns+`)
			VALUES (?,?,?,?,?, ?,?,?,?,?, ?,?,?,?,?,?, ?,?,?,?,?, ?,?,?)`, sourceArgs(&c)...)
		if err != nil {
			return err
		}
		c.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("add source %s: %w", c.URL, err)
	}
	return roundTimes(&c), nil
}

// roundTimes returns s with its times as the store hands them back: UTC,
// without a monotonic clock reading.
func roundTimes(s *news.Source) *news.Source {
	for _, t := range []*time.Time{&s.Created, &s.Health.LastFetch, &s.Health.LastSuccess,
		&s.Health.LastErrorAt, &s.Health.NextPoll} {
		if !t.IsZero() {
			*t = t.Round(0).UTC()
		}
	}
	return s
}

// ListSources returns every source in ascending ID order.
func (s *Store) ListSources(ctx context.Context) ([]news.Source, error) {
	return s.querySources(ctx, "list sources",
		`SELECT id, `+sourceColumns+` FROM sources ORDER BY id`)
}

// DueSources returns up to limit enabled sources due at now; see
// news.SourceStore.
func (s *Store) DueSources(ctx context.Context, now time.Time, limit int) ([]news.Source, error) {
	if limit < 1 {
		return nil, fmt.Errorf("due sources: limit %d is not positive", limit)
	}
	return s.querySources(ctx, "due sources",
		`SELECT id, `+sourceColumns+` FROM sources
		WHERE disabled = 0 AND (next_poll IS NULL OR next_poll <= ?)
		ORDER BY next_poll ASC NULLS FIRST, id LIMIT ?`,
		now.UTC().Format(sourceTimeLayout), limit)
}

func (s *Store) querySources(ctx context.Context, what, query string, args ...any) ([]news.Source, error) {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	out := []news.Source{}
	for rows.Next() {
		src, err := scanSource(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, *src)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// Source returns the source with the ID, or an error wrapping
// news.ErrNotFound.
func (s *Store) Source(ctx context.Context, id int64) (*news.Source, error) {
	src, err := scanSource(s.r.QueryRowContext(ctx,
		`SELECT id, `+sourceColumns+` FROM sources WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("source %d: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("source %d: %w", id, err)
	}
	return src, nil
}

// UpdateSource replaces the stored source with ID src.ID, keeping its
// Created time; see news.SourceStore.
func (s *Store) UpdateSource(ctx context.Context, src *news.Source) error {
	if src == nil {
		return errors.New("update source: nil source")
	}
	if err := src.Validate(); err != nil {
		return fmt.Errorf("update source %d: %w", src.ID, err)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM sources WHERE id = ?`, src.ID).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return news.ErrNotFound
		}
		if err != nil {
			return err
		}
		var other int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM sources WHERE url = ? AND id <> ?`,
			src.URL, src.ID).Scan(&other)
		if err == nil {
			return fmt.Errorf("url %s: %w as source %d", src.URL, news.ErrExists, other)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		args := sourceArgs(src)
		args = append(args[:len(args)-1], src.ID) // created is never updated
		res, err := tx.ExecContext(ctx, `UPDATE sources SET
			url = ?, kind = ?, name = ?, language = ?, allow_private = ?,
			interval_ns = ?, min_interval_ns = ?, max_interval_ns = ?, min_gap_ns = ?, max_in_flight = ?,
			disabled = ?, disabled_reason = ?, last_fetch = ?, last_success = ?, last_error = ?, last_error_at = ?,
			hard_failures = ?, soft_failures = ?, etag = ?, last_modified = ?, next_poll = ?,
			items_seen = ?, items_per_day = ?
			WHERE id = ?`, args...)
		if err != nil {
			return err
		}
		return mustAffect(res)
	})
	if err != nil {
		return fmt.Errorf("update source %d: %w", src.ID, err)
	}
	return nil
}

// mustAffect turns an update or delete that touched no row into
// news.ErrNotFound.
func mustAffect(res sql.Result) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return news.ErrNotFound
	}
	return nil
}

// RemoveSource deletes the source with the ID and its seen keys.
func (s *Store) RemoveSource(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		// The foreign key would cascade; deleting explicitly does not rely
		// on the pragma being on.
		if _, err := tx.ExecContext(ctx, `DELETE FROM source_seen WHERE source_id = ?`, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id)
		if err != nil {
			return err
		}
		return mustAffect(res)
	})
	if err != nil {
		return fmt.Errorf("remove source %d: %w", id, err)
	}
	return nil
}

// seenKey is how a key is stored: as given up to maxSeenKey bytes, else as
// its SHA-256.
func seenKey(k string) string {
	if len(k) <= maxSeenKey {
		return k
	}
	sum := sha256.Sum256([]byte(k))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// MarkSeen records keys as seen for the source and returns those not seen
// before; see news.SourceStore. The whole call is one transaction.
func (s *Store) MarkSeen(ctx context.Context, sourceID int64, keys []string) ([]string, error) {
	for i, k := range keys {
		if k == "" {
			return nil, fmt.Errorf("mark seen for source %d: key %d is empty", sourceID, i)
		}
	}
	newKeys := []string{}
	if len(keys) == 0 {
		if _, err := s.Source(ctx, sourceID); err != nil {
			return nil, fmt.Errorf("mark seen: %w", err)
		}
		return newKeys, nil
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		newKeys = newKeys[:0]
		var touched int64
		err := tx.QueryRowContext(ctx, `SELECT coalesce(
			(SELECT max(touched) FROM source_seen WHERE source_id = ?1), 0)
			FROM sources WHERE id = ?1`, sourceID).Scan(&touched)
		if errors.Is(err, sql.ErrNoRows) {
			return news.ErrNotFound
		}
		if err != nil {
			return err
		}
		insert, err := tx.PrepareContext(ctx, `INSERT INTO source_seen(source_id, key, touched)
			VALUES (?, ?, ?) ON CONFLICT(source_id, key) DO NOTHING`)
		if err != nil {
			return err
		}
		defer insert.Close()
		refresh, err := tx.PrepareContext(ctx,
			`UPDATE source_seen SET touched = ? WHERE source_id = ? AND key = ?`)
		if err != nil {
			return err
		}
		defer refresh.Close()
		for _, k := range keys {
			touched++
			sk := seenKey(k)
			res, err := insert.ExecContext(ctx, sourceID, sk, touched)
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			if n == 1 {
				newKeys = append(newKeys, k)
				continue
			}
			if _, err := refresh.ExecContext(ctx, touched, sourceID, sk); err != nil {
				return err
			}
		}
		if len(newKeys) == 0 {
			return nil // the set did not grow: nothing to prune
		}
		// Keep the MaxSeenPerSource most recently touched keys.
		_, err = tx.ExecContext(ctx, `DELETE FROM source_seen WHERE source_id = ?1 AND touched <= (
			SELECT touched FROM source_seen WHERE source_id = ?1
			ORDER BY touched DESC LIMIT 1 OFFSET ?2)`, sourceID, news.MaxSeenPerSource)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("mark seen for source %d: %w", sourceID, err)
	}
	return newKeys, nil
}
