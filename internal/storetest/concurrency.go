package storetest

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func testConcurrentReaders(t *testing.T, f Factory) {
	s := open(t, f)
	const total, size, readers = 2000, 100, 4
	var acked atomic.Int64 // articles st-0 … st-(acked-1) are committed
	var done atomic.Bool
	var reads atomic.Int64

	var wg sync.WaitGroup
	wg.Go(func() {
		defer done.Store(true)
		for from := 0; from < total; from += size {
			if _, err := s.Put(t.Context(), batch(from, from+size)...); err != nil {
				t.Errorf("Put(st-%d…): %v", from, err)
				return
			}
			acked.Store(int64(from + size))
		}
	})
	for r := range readers {
		wg.Go(func() {
			var lastCount int
			var lastSeq int64
			for i := 0; !done.Load() || i < 3; i++ {
				n := int(acked.Load())
				if n > 0 {
					id := fmt.Sprintf("st-%d", (i*131+r*977)%n)
					if _, err := s.Get(t.Context(), id); err != nil {
						t.Errorf("reader %d: Get(%q) of an acknowledged article: %v", r, id, err)
						return
					}
				}
				count, err := s.Count(t.Context())
				if err != nil {
					t.Errorf("reader %d: Count: %v", r, err)
					return
				}
				if count < lastCount || count < n || count > total {
					t.Errorf("reader %d: Count %d after %d, with %d acknowledged", r, count, lastCount, n)
				}
				lastCount = count
				seq, err := s.LastSeq(t.Context())
				if err != nil {
					t.Errorf("reader %d: LastSeq: %v", r, err)
					return
				}
				if seq < lastSeq {
					t.Errorf("reader %d: LastSeq went back from %d to %d", r, lastSeq, seq)
				}
				lastSeq = seq
				ch, err := s.Changes(t.Context(), int64(i%max(n, 1)), 50)
				if err != nil {
					t.Errorf("reader %d: Changes: %v", r, err)
					return
				}
				for j := 1; j < len(ch); j++ {
					if ch[j].Seq <= ch[j-1].Seq {
						t.Errorf("reader %d: Changes not ascending: %d after %d", r, ch[j].Seq, ch[j-1].Seq)
					}
				}
				reads.Add(1)
			}
		})
	}
	within(t, 2*time.Minute, "concurrent ingest with readers", wg.Wait)
	if got := mustCount(t, s); got != total {
		t.Errorf("Count after ingest: got %d, want %d", got, total)
	}
	if got := len(allChanges(t, s, 0, 500)); got != total {
		t.Errorf("Changes after ingest: got %d, want %d", got, total)
	}
	t.Logf("%d read rounds during the ingest", reads.Load())
}

func testCanceledContext(t *testing.T, f Factory) {
	s := open(t, f)
	mustPut(t, s, Article(1))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	calls := []struct {
		name string
		call func() error
	}{
		{"Put", func() error { _, err := s.Put(ctx, Article(2)); return err }},
		{"Get", func() error { _, err := s.Get(ctx, "st-1"); return err }},
		{"GetMany", func() error { _, err := s.GetMany(ctx, []string{"st-1"}); return err }},
		{"Delete", func() error { return s.Delete(ctx, "st-1") }},
		{"Changes", func() error { _, err := s.Changes(ctx, 0, 10); return err }},
		{"LastSeq", func() error { _, err := s.LastSeq(ctx); return err }},
		{"Count", func() error { _, err := s.Count(ctx); return err }},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			var err error
			within(t, 10*time.Second, c.name+" with a canceled context", func() { err = c.call() })
			if err == nil {
				t.Errorf("%s with a canceled context: got no error", c.name)
			}
		})
	}
	if got := mustCount(t, s); got != 1 {
		t.Errorf("Count: got %d, want 1 (canceled calls must not write)", got)
	}
	if _, err := s.Get(t.Context(), "st-1"); err != nil {
		t.Errorf(`Get("st-1") after canceled Delete: %v`, err)
	}
}

func testCancelDuringPut(t *testing.T, f Factory) {
	s := open(t, f)
	mustPut(t, s, Article(0))
	last := mustLastSeq(t, s)
	big := batch(1, 1001)
waits:
	// Deadlines from zero up to well past the time the put needs, so that
	// some end while the store is in the middle of writing the batch.
	for wait := time.Duration(0); wait < time.Minute; wait = wait*3/2 + time.Millisecond {
		ctx, cancel := context.WithTimeout(t.Context(), wait)
		var err error
		within(t, 30*time.Second, "Put with a context that ends", func() { _, err = s.Put(ctx, big...) })
		cancel()
		n := mustCount(t, s)
		t.Logf("Put of %d with a %s deadline: err=%v, count=%d", len(big), wait, err, n)
		switch {
		case err == nil && n == 1+len(big):
			break waits // finished before the deadline: all of it is stored
		case err == nil:
			t.Fatalf("Put succeeded but Count is %d, want %d", n, 1+len(big))
		case n != 1:
			t.Fatalf("Put failed (%v) but Count is %d, want 1: a failed batch must leave nothing", err, n)
		}
		if got := mustLastSeq(t, s); got != last {
			t.Fatalf("Put failed (%v) but LastSeq moved from %d to %d", err, last, got)
		}
	}
	// The store still works after the interrupted puts.
	res := mustPut(t, s, Article(5000))
	if res[0].Seq <= last {
		t.Errorf("put after interrupted puts: got seq %d, want above %d", res[0].Seq, last)
	}
}
