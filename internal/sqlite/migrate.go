package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are the schema steps in order. Step i brings the database to
// schema version i+1. The list is append-only: a released step is never
// edited or removed; a change to the schema is a new step at the end.
var migrations = []string{
	// 1: articles, tombstones of deletions, the sequence counter, metadata.
	`CREATE TABLE articles (
		id          TEXT PRIMARY KEY,
		seq         INTEGER NOT NULL UNIQUE,
		hash        TEXT NOT NULL,
		doc         TEXT NOT NULL,
		url         TEXT,
		source      TEXT,
		language    TEXT,
		published   TEXT,
		ingested_at TEXT NOT NULL,
		updated_at  TEXT NOT NULL
	) STRICT;
	CREATE INDEX articles_source ON articles(source);
	CREATE INDEX articles_published ON articles(published);
	CREATE TABLE tombstones (
		id         TEXT PRIMARY KEY,
		seq        INTEGER NOT NULL UNIQUE,
		deleted_at TEXT NOT NULL
	) STRICT;
	CREATE TABLE counters (
		name  TEXT PRIMARY KEY,
		value INTEGER NOT NULL
	) STRICT;
	INSERT INTO counters(name, value) VALUES ('seq', 0);
	CREATE TABLE meta (
		key   TEXT PRIMARY KEY,
		value TEXT NOT NULL
	) STRICT;`,
	// 2: the sources khabar polls, and the item keys seen per source. Times
	// are UTC text of fixed width (sourceTimeLayout), so text order is time
	// order; durations are nanoseconds.
	`CREATE TABLE sources (
		id                INTEGER PRIMARY KEY,
		url               TEXT NOT NULL UNIQUE,
		kind              TEXT NOT NULL,
		name              TEXT NOT NULL,
		language          TEXT NOT NULL,
		allow_private     INTEGER NOT NULL,
		interval_ns       INTEGER NOT NULL,
		min_interval_ns   INTEGER NOT NULL,
		max_interval_ns   INTEGER NOT NULL,
		min_gap_ns        INTEGER NOT NULL,
		max_in_flight     INTEGER NOT NULL,
		disabled          INTEGER NOT NULL,
		disabled_reason   TEXT NOT NULL,
		last_fetch        TEXT,
		last_success      TEXT,
		last_error        TEXT NOT NULL,
		last_error_at     TEXT,
		hard_failures     INTEGER NOT NULL,
		soft_failures     INTEGER NOT NULL,
		etag              TEXT NOT NULL,
		last_modified     TEXT NOT NULL,
		next_poll         TEXT,
		items_seen        INTEGER NOT NULL,
		items_per_day     REAL NOT NULL,
		created           TEXT NOT NULL
	) STRICT;
	CREATE INDEX sources_due ON sources(disabled, next_poll, id);
	CREATE TABLE source_seen (
		id        INTEGER PRIMARY KEY,
		source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
		key       TEXT NOT NULL,
		touched   INTEGER NOT NULL,
		UNIQUE (source_id, key)
	) STRICT;
	CREATE INDEX source_seen_age ON source_seen(source_id, touched);`,
}

// migrate brings the database behind db to the last of steps. Each pending
// step runs in its own transaction together with the version bump, so a
// failing step leaves the database at the version before it. A database
// whose version is above len(steps) was written by a newer khabar and is
// refused.
func migrate(ctx context.Context, db *sql.DB, steps []string) error {
	if _, err := db.ExecContext(ctx,
		`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL) STRICT`); err != nil {
		return fmt.Errorf("create schema_version: %w", err)
	}
	for i, step := range steps {
		if err := migrateStep(ctx, db, i+1, step, len(steps)); err != nil {
			return err
		}
	}
	return nil
}

// migrateStep applies step as schema version want unless the database is
// already there. The version is read inside the write transaction, so two
// processes opening a new database at once apply each step exactly once.
func migrateStep(ctx context.Context, db *sql.DB, want int, step string, known int) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate to version %d: %w", want, err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	var have int
	switch err := tx.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&have); err {
	case nil:
	case sql.ErrNoRows:
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version(version) VALUES (0)`); err != nil {
			return fmt.Errorf("migrate to version %d: %w", want, err)
		}
	default:
		return fmt.Errorf("read schema version: %w", err)
	}
	if have > known {
		return fmt.Errorf("database schema version %d is newer than this khabar knows (%d)", have, known)
	}
	if have >= want {
		return tx.Rollback()
	}
	if _, err := tx.ExecContext(ctx, step); err != nil {
		return fmt.Errorf("migrate to version %d: %w", want, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, want); err != nil {
		return fmt.Errorf("migrate to version %d: %w", want, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate to version %d: %w", want, err)
	}
	return nil
}

// schemaVersion reports the version recorded in the database.
func schemaVersion(ctx context.Context, db *sql.DB) (int, error) {
	var v int
	if err := db.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}
