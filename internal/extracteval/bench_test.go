package extracteval

import (
	"context"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// largestPage returns the largest page (by compressed size) of the three
// datasets.
func largestPage(b *testing.B) (Page, []byte) {
	dir := sharedExtraction(b)
	var best Page
	var bestSize int64
	for _, name := range Datasets {
		ds, err := Load(dir, name)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range ds.Pages {
			if st, err := os.Stat(p.Path); err == nil && st.Size() > bestSize {
				best, bestSize = p, st.Size()
			}
		}
	}
	page, err := ReadPage(best)
	if err != nil {
		b.Fatal(err)
	}
	return best, page
}

// BenchmarkLargestPage extracts the largest benchmark page with khabar and
// go-trafilatura. Besides -benchmem's B/op it reports peak-heap-MB: the
// highest live heap seen (sampled every millisecond) above the heap before
// the run. Run with
//
//	go test ./internal/extracteval -run XXX -bench LargestPage -benchmem -benchtime 5x
func BenchmarkLargestPage(b *testing.B) {
	p, page := largestPage(b)
	b.Logf("largest page: %s (%d KiB)", p.ID, len(page)>>10)
	for _, s := range []System{Khabar(), GoTrafilatura()} {
		b.Run(s.Name(), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(page)))
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			base := ms.HeapAlloc
			var peak atomic.Uint64
			stop := make(chan struct{})
			var wg sync.WaitGroup
			wg.Add(1)
			go func() {
				defer wg.Done()
				tick := time.NewTicker(time.Millisecond)
				defer tick.Stop()
				var m runtime.MemStats
				for {
					select {
					case <-stop:
						return
					case <-tick.C:
						runtime.ReadMemStats(&m)
						if m.HeapAlloc > peak.Load() {
							peak.Store(m.HeapAlloc)
						}
					}
				}
			}()
			b.ResetTimer()
			for b.Loop() {
				if _, err := s.Extract(context.Background(), page, p.URL); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			close(stop)
			wg.Wait()
			if pk := peak.Load(); pk > base {
				b.ReportMetric(float64(pk-base)/(1<<20), "peak-heap-MB")
			}
		})
	}
}
