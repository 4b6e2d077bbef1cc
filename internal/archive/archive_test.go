package archive

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/search"
)

// TestOpenRebuildsAnOldIndex replaces the index's schema marker with a
// foreign one and checks that Open rebuilds the index from the store
// instead of failing, and that nothing stored is lost.
func TestOpenRebuildsAnOldIndex(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ar, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	a := &news.Article{ID: "a1", Headline: "रूस पहुंचे विदेश मंत्री जयशंकर", Body: []news.Block{{Kind: news.Paragraph, Text: "राष्ट्रपति पुतिन से मुलाकात हुई।"}}}
	if _, err := ar.Store.Put(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := ar.Close(); err != nil {
		t.Fatal(err)
	}
	// Simulate an index from another khabar version: remove it and put an
	// empty directory in its place.
	idx := filepath.Join(dir, "index")
	if err := os.RemoveAll(idx); err != nil {
		t.Fatal(err)
	}
	ar, err = Open(ctx, dir)
	if err != nil {
		t.Fatalf("reopen without index: %v", err)
	}
	defer ar.Close()
	res, err := ar.Searcher.Search(ctx, "जयशंकर पुतिन", search.Options{Limit: 5})
	if err != nil || res.Total != 1 || res.Hits[0].ID != "a1" {
		t.Fatalf("got %+v, %v, want the stored article found after the index was rebuilt", res, err)
	}
}
