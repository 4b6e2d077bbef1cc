package sqlite

import (
	"fmt"
	"testing"

	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/storetest"
)

func TestSourcesContract(t *testing.T) {
	storetest.RunSources(t, factory())
}

// BenchmarkMarkSeen measures one feed poll's dedup against a full seen set
// (news.MaxSeenPerSource keys): 50 keys, of which 10 are new, so every call
// also prunes 10 old keys.
func BenchmarkMarkSeen(b *testing.B) {
	s, err := Open(b.Context(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	src, err := s.AddSource(b.Context(), &news.Source{URL: "https://nagar-samachar.example/rss", Kind: news.SourceFeed})
	if err != nil {
		b.Fatal(err)
	}
	next := 0
	key := func() string { next++; return fmt.Sprintf("https://nagar-samachar.example/desh/%d-खबर", next) }
	fill := make([]string, 0, news.MaxSeenPerSource)
	for range news.MaxSeenPerSource {
		fill = append(fill, key())
	}
	if _, err := s.MarkSeen(b.Context(), src.ID, fill); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		keys := make([]string, 0, 50)
		for range 10 {
			keys = append(keys, key())
		}
		for i := range 40 {
			keys = append(keys, fmt.Sprintf("https://nagar-samachar.example/desh/%d-खबर", next-10-i))
		}
		got, err := s.MarkSeen(b.Context(), src.ID, keys)
		if err != nil {
			b.Fatal(err)
		}
		if len(got) != 10 {
			b.Fatalf("got %d new keys, want 10", len(got))
		}
	}
}
