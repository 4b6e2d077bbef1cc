package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/khabar-news/khabar/internal/news"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// FileName is the name of the database file inside the data directory.
const FileName = "khabar.db"

// busyTimeout is how long a connection waits for a lock held by another
// connection or process before it reports the database as busy.
const busyTimeout = 10 * time.Second

var _ news.Store = (*Store)(nil)

// Store is a news.Store kept in one SQLite database. It is safe for
// concurrent use; see the package documentation for how reads and writes
// share the file. The zero value is not usable: call Open.
type Store struct {
	path string
	w    *sql.DB // exactly one connection: every write is serialized
	r    *sql.DB // read-only connections

	getMany *sql.Stmt // GetMany's query on r, prepared once per connection

	now func() time.Time

	closeMu sync.Mutex
	closed  bool
}

// Open opens the store in the directory dir, creating dir and the database
// file dir/khabar.db when they do not exist, and applies pending schema
// migrations. It fails with an error naming the file when the file is not an
// SQLite database or was written by a newer khabar.
func Open(ctx context.Context, dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("open store: empty data directory")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open store: create data directory: %w", err)
	}
	path := filepath.Join(dir, FileName)
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("open store %s: not a regular file", path)
	}
	s, err := open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

func open(ctx context.Context, path string) (*Store, error) {
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	if err := w.PingContext(ctx); err != nil {
		_ = w.Close()
		return nil, explain(err)
	}
	if err := migrate(ctx, w, migrations); err != nil {
		_ = w.Close()
		return nil, explain(err)
	}

	r, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		_ = w.Close()
		return nil, err
	}
	readers := max(4, 2*runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(readers)
	if err := r.PingContext(ctx); err != nil {
		_ = r.Close()
		_ = w.Close()
		return nil, explain(err)
	}
	getMany, err := r.PrepareContext(ctx, getManyQuery)
	if err != nil {
		_ = r.Close()
		_ = w.Close()
		return nil, explain(err)
	}
	return &Store{path: path, w: w, r: r, getMany: getMany, now: time.Now}, nil
}

// dsn returns the driver's connection string for the database at path. The
// writer begins its transactions IMMEDIATE so that a write transaction takes
// the write lock at its start (and waits for it under busy_timeout) instead
// of failing midway when another process holds it.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(busyTimeout.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "cache_size(-16000)") // 16 MB page cache per connection
	if readOnly {
		q.Set("_query_only", "1")
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", "NORMAL")
		q.Set("_txlock", "immediate")
	}
	// A "file:" name is handed to SQLite as a URI, so the path is escaped
	// ("?" and "#" in a directory name stay part of the path).
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// explain adds a hint to the driver's terse errors for the failures a person
// meets when pointing khabar at the wrong file.
func explain(err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "file is not a database"), strings.Contains(msg, "SQLITE_NOTADB"):
		return fmt.Errorf("not an SQLite database (wrong file or corrupted): %w", err)
	case strings.Contains(msg, "unable to open database file"), strings.Contains(msg, "SQLITE_CANTOPEN"):
		return fmt.Errorf("cannot open database file (check the path and permissions): %w", err)
	}
	return err
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the store's connections and checkpoints the write-ahead log.
// Calls after the first return nil. Operations on a closed store return an
// error.
func (s *Store) Close() error {
	s.closeMu.Lock()
	defer s.closeMu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	serr := s.getMany.Close()
	rerr := s.r.Close()
	werr := s.w.Close()
	if err := errors.Join(serr, rerr, werr); err != nil {
		return fmt.Errorf("close store %s: %w", s.path, err)
	}
	return nil
}

// SchemaVersion returns the schema version recorded in the database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	return schemaVersion(ctx, s.r)
}
