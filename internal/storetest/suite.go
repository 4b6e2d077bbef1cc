package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/news"
)

// Factory makes stores for the suite. Both functions must be set.
type Factory struct {
	// Fresh returns the location of a new, empty store for one test: a
	// directory for SQLite, a connection string naming a fresh schema for
	// PostgreSQL. It registers any cleanup of the location on t.
	Fresh func(t *testing.T) string
	// Open opens the store at loc. The suite calls it more than once for the
	// same loc, always after closing the store it opened before, and expects
	// the reopened store to hold everything the earlier one committed.
	Open func(ctx context.Context, loc string) (news.Store, error)
}

// Run runs the contract suite against the stores f makes, one subtest per
// property. Every subtest gets its own fresh location.
func Run(t *testing.T, f Factory) {
	t.Helper()
	if f.Fresh == nil || f.Open == nil {
		t.Fatal("storetest.Run: Factory.Fresh and Factory.Open must both be set")
	}
	tests := []struct {
		name string
		fn   func(t *testing.T, f Factory)
	}{
		{"Empty", testEmpty},
		{"RoundTrip", testRoundTrip},
		{"ExactBytes", testExactBytes},
		{"Idempotent", testIdempotent},
		{"Update", testUpdate},
		{"SameIDInOneBatch", testSameIDInOneBatch},
		{"GetMissing", testGetMissing},
		{"GetMany", testGetMany},
		{"Count", testCount},
		{"Delete", testDelete},
		{"Changes", testChanges},
		{"ChangesPagination", testChangesPagination},
		{"InvalidArticles", testInvalidArticles},
		{"FailedBatch", testFailedBatch},
		{"Reopen", testReopen},
		{"ConcurrentReaders", testConcurrentReaders},
		{"CanceledContext", testCanceledContext},
		{"CancelDuringPut", testCancelDuringPut},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, f) })
	}
}

// open opens a store at a fresh location and closes it when the test ends.
func open(t *testing.T, f Factory) news.Store {
	t.Helper()
	s, _ := openAt(t, f, f.Fresh(t))
	return s
}

// openAt opens the store at loc and registers its Close; it returns the
// location too, for reopening.
func openAt(t *testing.T, f Factory, loc string) (news.Store, string) {
	t.Helper()
	s, err := f.Open(t.Context(), loc)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	if s == nil {
		t.Fatal("open store: Factory.Open returned a nil store and no error")
	}
	t.Cleanup(func() {
		// The test may have closed it already; a second Close must not panic.
		_ = s.Close()
	})
	return s, loc
}

// mustPut puts articles and fails the test on error or a wrong result count.
func mustPut(t *testing.T, s news.Store, articles ...*news.Article) []news.PutResult {
	t.Helper()
	res, err := s.Put(t.Context(), articles...)
	if err != nil {
		t.Fatalf("Put(%d articles): %v", len(articles), err)
	}
	if len(res) != len(articles) {
		t.Fatalf("Put(%d articles) returned %d results", len(articles), len(res))
	}
	for i, r := range res {
		if r.ID != articles[i].ID {
			t.Fatalf("Put result %d: got ID %q, want %q (results must be in input order)", i, r.ID, articles[i].ID)
		}
	}
	return res
}

func mustGet(t *testing.T, s news.Store, id string) *news.Article {
	t.Helper()
	a, err := s.Get(t.Context(), id)
	if err != nil {
		t.Fatalf("Get(%q): %v", id, err)
	}
	return a
}

func mustLastSeq(t *testing.T, s news.Store) int64 {
	t.Helper()
	seq, err := s.LastSeq(t.Context())
	if err != nil {
		t.Fatalf("LastSeq: %v", err)
	}
	return seq
}

func mustCount(t *testing.T, s news.Store) int {
	t.Helper()
	n, err := s.Count(t.Context())
	if err != nil {
		t.Fatalf("Count: %v", err)
	}
	return n
}

// allChanges reads the whole change feed after after, in pages of limit.
func allChanges(t *testing.T, s news.Store, after int64, limit int) []news.Change {
	t.Helper()
	var out []news.Change
	for range 100_000 {
		page, err := s.Changes(t.Context(), after, limit)
		if err != nil {
			t.Fatalf("Changes(%d, %d): %v", after, limit, err)
		}
		if len(page) > limit {
			t.Fatalf("Changes(%d, %d) returned %d changes, more than the limit", after, limit, len(page))
		}
		if len(page) == 0 {
			return out
		}
		out = append(out, page...)
		after = page[len(page)-1].Seq
	}
	t.Fatal("Changes never returned an empty page")
	return nil
}

// checkSame fails the test when got and want carry different content.
func checkSame(t *testing.T, what string, got, want *news.Article) {
	t.Helper()
	if d := Diff(got, want); d != nil {
		t.Errorf("%s differs:\n  %s", what, strings.Join(d, "\n  "))
	}
}

func checkStatus(t *testing.T, r news.PutResult, want news.PutStatus) {
	t.Helper()
	if r.Status != want {
		t.Errorf("Put %q: got status %v, want %v", r.ID, r.Status, want)
	}
}

// checkNotFound fails the test unless err wraps news.ErrNotFound and names id.
func checkNotFound(t *testing.T, what string, err error, id string) {
	t.Helper()
	if !errors.Is(err, news.ErrNotFound) {
		t.Errorf("%s: got error %v, want one wrapping news.ErrNotFound", what, err)
		return
	}
	if !strings.Contains(err.Error(), id) {
		t.Errorf("%s: error %q does not name the id %q", what, err, id)
	}
}

// within runs fn and fails the test when it takes longer than d: an
// operation must not hang.
func within(t *testing.T, d time.Duration, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s did not return within %s", what, d)
	}
}

// clone returns a deep copy of a, so a test can change it without touching
// what it already handed to the store.
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

// batch returns Article(from) … Article(to-1).
func batch(from, to int) []*news.Article {
	out := make([]*news.Article, 0, to-from)
	for i := from; i < to; i++ {
		out = append(out, Article(i))
	}
	return out
}
