package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/storetest"
)

func factory() storetest.Factory {
	return storetest.Factory{
		Fresh: func(t *testing.T) string { return t.TempDir() },
		Open: func(ctx context.Context, dir string) (news.Store, error) {
			return Open(ctx, dir)
		},
	}
}

func TestContract(t *testing.T) {
	storetest.Run(t, factory())
}

func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestOpenRejectsBadFiles(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		say   string // the error must contain this besides the path
	}{
		{"garbage bytes", func(t *testing.T, dir string) {
			junk := []byte(strings.Repeat("यह SQLite फ़ाइल नहीं है। ", 400))
			if err := os.WriteFile(filepath.Join(dir, FileName), junk, 0o644); err != nil {
				t.Fatal(err)
			}
		}, "not an SQLite database"},
		{"directory in its place", func(t *testing.T, dir string) {
			if err := os.Mkdir(filepath.Join(dir, FileName), 0o755); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			tc.setup(t, dir)
			s, err := Open(t.Context(), dir)
			if err == nil {
				s.Close()
				t.Fatal("Open: got no error, want one")
			}
			path := filepath.Join(dir, FileName)
			if !strings.Contains(err.Error(), path) {
				t.Errorf("Open error %q does not name the file %q", err, path)
			}
			if !strings.Contains(err.Error(), tc.say) {
				t.Errorf("Open error %q does not say %q", err, tc.say)
			}
		})
	}
}

func TestOpenRejectsFileAsDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "data")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"", file} {
		if s, err := Open(t.Context(), dir); err == nil {
			s.Close()
			t.Errorf("Open(%q): got no error, want one", dir)
		}
	}
}

func TestOpenCreatesDirAndWAL(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "नया डेटा ?#%", "data")
	s, err := Open(t.Context(), dir)
	if err != nil {
		t.Fatalf("Open(%q): %v", dir, err)
	}
	defer s.Close()
	if s.Path() != filepath.Join(dir, FileName) {
		t.Errorf("Path: got %q, want %q", s.Path(), filepath.Join(dir, FileName))
	}
	if _, err := os.Stat(filepath.Join(dir, FileName)); err != nil {
		t.Errorf("database file not where it should be: %v", err)
	}
	var mode string
	if err := s.w.QueryRowContext(t.Context(), `PRAGMA journal_mode`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" {
		t.Errorf("journal_mode: got %q, want %q", mode, "wal")
	}
	v, err := s.SchemaVersion(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if v != len(migrations) {
		t.Errorf("SchemaVersion: got %d, want %d", v, len(migrations))
	}
}

func TestCloseTwice(t *testing.T) {
	s := openTest(t)
	if err := s.Close(); err != nil {
		t.Fatalf("first Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: got %v, want nil", err)
	}
	if _, err := s.Get(t.Context(), "st-1"); err == nil || errors.Is(err, news.ErrNotFound) {
		t.Errorf("Get after Close: got %v, want an error that is not ErrNotFound", err)
	}
}

func TestPutRejectsUnencodable(t *testing.T) {
	s := openTest(t)
	badUTF8 := storetest.Article(1)
	badUTF8.Body[1].Text = "टूटा \xe0\xa4 पाठ"
	badTime := storetest.Article(2)
	badTime.Published = time.Date(10000, time.January, 1, 0, 0, 0, 0, time.UTC)
	badAuthor := storetest.Article(3)
	badAuthor.Authors = []string{"ठीक", "\xff"}
	tests := []struct {
		name string
		a    *news.Article
		say  string
	}{
		{"invalid UTF-8 in body", badUTF8, `"st-1": body[1] is not valid UTF-8`},
		{"invalid UTF-8 in authors", badAuthor, `"st-3": authors[1] is not valid UTF-8`},
		{"year 10000", badTime, `"st-2": encode`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Put(t.Context(), storetest.Article(9), tc.a)
			if err == nil {
				t.Fatal("Put: got no error, want one")
			}
			if !strings.Contains(err.Error(), tc.say) {
				t.Errorf("Put error: got %q, want it to contain %q", err, tc.say)
			}
		})
	}
	if n, _ := s.Count(t.Context()); n != 0 {
		t.Errorf("Count: got %d, want 0", n)
	}
}

func TestMeta(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	if _, err := s.Meta(ctx, "index.seq"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Meta of unset key: got %v, want ErrNotFound", err)
	}
	steps := []struct{ key, value string }{
		{"index.seq", "42"},
		{"index.seq", "43"},
		{"क्रॉलर.कर्सर", "पृष्ठ-७"},
		{"empty", ""},
	}
	for _, st := range steps {
		if err := s.SetMeta(ctx, st.key, st.value); err != nil {
			t.Fatalf("SetMeta(%q, %q): %v", st.key, st.value, err)
		}
		got, err := s.Meta(ctx, st.key)
		if err != nil || got != st.value {
			t.Errorf("Meta(%q): got %q, %v; want %q", st.key, got, err, st.value)
		}
	}
	if err := s.SetMeta(ctx, "", "x"); err == nil {
		t.Error("SetMeta with empty key: got no error")
	}
	// Meta is not part of the article sequence.
	if seq, _ := s.LastSeq(ctx); seq != 0 {
		t.Errorf("LastSeq after SetMeta: got %d, want 0", seq)
	}
}

func TestSources(t *testing.T) {
	s := openTest(t)
	var batch []*news.Article
	for i := range 10 {
		batch = append(batch, storetest.Article(i)) // sources cycle over three names
	}
	noSource := storetest.Article(10)
	noSource.Source = ""
	batch = append(batch, noSource)
	if _, err := s.Put(t.Context(), batch...); err != nil {
		t.Fatal(err)
	}
	got, err := s.Sources(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := []SourceCount{{"dainik-udaharan", 4}, {"khabar-test", 3}, {"samachar-seva", 3}, {"", 1}}
	if len(got) != len(want) {
		t.Fatalf("Sources: got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Sources[%d]: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestQueryableColumns(t *testing.T) {
	s := openTest(t)
	a := storetest.Article(4) // published 2024-03-01 09:30 IST + 4h
	if _, err := s.Put(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	var url, source, lang, published string
	err := s.r.QueryRowContext(t.Context(),
		`SELECT url, source, language, published FROM articles WHERE id = ?`, a.ID).
		Scan(&url, &source, &lang, &published)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{url, source, lang, published}
	want := []string{a.URL, a.Source, "hi", "2024-03-01T08:00:00Z"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("column %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

func TestMigrations(t *testing.T) {
	t.Run("failing step keeps the earlier version", func(t *testing.T) {
		s := openTest(t)
		steps := append(append([]string(nil), migrations...),
			`CREATE TABLE extra (x INTEGER) STRICT`,
			`CREATE TABLE broken (`)
		err := migrate(t.Context(), s.w, steps)
		broken := fmt.Sprintf("version %d", len(steps))
		if err == nil || !strings.Contains(err.Error(), broken) {
			t.Fatalf("migrate with a broken step: got %v, want an error naming %s", err, broken)
		}
		v, err := schemaVersion(t.Context(), s.w)
		if err != nil || v != len(steps)-1 {
			t.Errorf("schema version: got %d, %v; want %d", v, err, len(steps)-1)
		}
	})
	t.Run("newer database is refused", func(t *testing.T) {
		dir := t.TempDir()
		s, err := Open(t.Context(), dir)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.w.ExecContext(t.Context(), `UPDATE schema_version SET version = 99`); err != nil {
			t.Fatal(err)
		}
		s.Close()
		s, err = Open(t.Context(), dir)
		if err == nil {
			s.Close()
			t.Fatal("Open of a newer database: got no error")
		}
		if !strings.Contains(err.Error(), "99") || !strings.Contains(err.Error(), FileName) {
			t.Errorf("Open error %q should name the version 99 and the file", err)
		}
	})
	t.Run("reopen runs nothing twice", func(t *testing.T) {
		dir := t.TempDir()
		for range 3 {
			s, err := Open(t.Context(), dir)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// TestReadWhileWriteTxOpen checks WAL: a reader is not blocked by a write
// transaction that holds the write lock.
func TestReadWhileWriteTxOpen(t *testing.T) {
	s := openTest(t)
	if _, err := s.Put(t.Context(), storetest.Article(1)); err != nil {
		t.Fatal(err)
	}
	tx, err := s.w.BeginTx(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(t.Context(), `DELETE FROM articles`); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
	defer cancel()
	if _, err := s.Get(ctx, "st-1"); err != nil {
		t.Errorf("Get during an open write transaction: %v", err)
	}
	if n, err := s.Count(ctx); err != nil || n != 1 {
		t.Errorf("Count during an open write transaction: got %d, %v; want 1", n, err)
	}
}

// TestPutRollsBackOnSQLError makes the database itself refuse one article in
// the middle of a batch (a trigger), so the earlier rows of the batch have
// already been written inside the transaction when it fails.
func TestPutRollsBackOnSQLError(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	if _, err := s.Put(ctx, storetest.Article(0)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.ExecContext(ctx, `CREATE TRIGGER refuse BEFORE INSERT ON articles
		WHEN NEW.id = 'st-3' BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`); err != nil {
		t.Fatal(err)
	}
	edit := storetest.Article(0)
	edit.Kicker = "कभी नहीं सहेजा गया"
	_, err := s.Put(ctx, storetest.Article(1), edit, storetest.Article(2), storetest.Article(3), storetest.Article(4))
	if err == nil || !strings.Contains(err.Error(), `"st-3"`) || !strings.Contains(err.Error(), "refused by test trigger") {
		t.Fatalf("Put: got error %v, want one naming st-3 and the trigger's message", err)
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("Count after failed batch: got %d, want 1", n)
	}
	if seq, _ := s.LastSeq(ctx); seq != 1 {
		t.Errorf("LastSeq after failed batch: got %d, want 1", seq)
	}
	got, err := s.Get(ctx, "st-0")
	if err != nil || got.Kicker != "" {
		t.Errorf("st-0 after failed batch: got kicker %q, %v; want the original", got.Kicker, err)
	}
	// The next put takes the next free number: nothing was reserved.
	res, err := s.Put(ctx, storetest.Article(5))
	if err != nil || res[0].Seq != 2 {
		t.Errorf("Put after failed batch: got %+v, %v; want seq 2", res, err)
	}
}

// TestTwoStoresOneDir opens the same directory twice, as two processes
// would, and writes through both at once: the busy timeout and IMMEDIATE
// transactions must serialize them without errors or reused numbers.
func TestTwoStoresOneDir(t *testing.T) {
	dir := t.TempDir()
	var stores [2]*Store
	for i := range stores {
		s, err := Open(t.Context(), dir)
		if err != nil {
			t.Fatalf("Open #%d: %v", i+1, err)
		}
		t.Cleanup(func() { _ = s.Close() })
		stores[i] = s
	}
	const per = 300
	errs := make(chan error, len(stores))
	for i, s := range stores {
		go func() {
			for from := i * per; from < (i+1)*per; from += 25 {
				var b []*news.Article
				for n := from; n < from+25; n++ {
					b = append(b, storetest.Article(n))
				}
				if _, err := s.Put(t.Context(), b...); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range stores {
		if err := <-errs; err != nil {
			t.Fatalf("Put through one of two stores: %v", err)
		}
	}
	for i, s := range stores {
		if n, err := s.Count(t.Context()); err != nil || n != 2*per {
			t.Errorf("store #%d Count: got %d, %v; want %d", i+1, n, err, 2*per)
		}
		if seq, err := s.LastSeq(t.Context()); err != nil || seq != 2*per {
			t.Errorf("store #%d LastSeq: got %d, %v; want %d", i+1, seq, err, 2*per)
		}
	}
}
