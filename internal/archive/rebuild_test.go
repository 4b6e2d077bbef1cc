package archive

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/search"
)

// TestOpenRebuildsForeignOrDamagedIndex leaves an index of the old Bleve
// format, or a damaged segment, in the data directory and checks that
// OpenWith rebuilds it from the store, reports progress up to the number
// of articles, and finds what was stored.
func TestOpenRebuildsForeignOrDamagedIndex(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, idx string)
	}{
		{"bleve index", func(t *testing.T, idx string) {
			if err := os.RemoveAll(idx); err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(idx, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(idx, "index_meta.json"), []byte(`{"storage":"scorch","index_type":"scorch"}`), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"damaged segment", func(t *testing.T, idx string) {
			segs, err := filepath.Glob(filepath.Join(idx, "seg-*.kx"))
			if err != nil || len(segs) == 0 {
				t.Fatalf("no segment files in %s (%v)", idx, err)
			}
			if err := os.WriteFile(segs[0], []byte("not a segment"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			dir := t.TempDir()
			ar, err := Open(ctx, dir)
			if err != nil {
				t.Fatal(err)
			}
			arts := []*news.Article{
				{ID: "a1", Headline: "रूस पहुंचे विदेश मंत्री जयशंकर", Body: []news.Block{{Kind: news.Paragraph, Text: "राष्ट्रपति पुतिन से मुलाकात हुई।"}}},
				{ID: "a2", Headline: "मानसून की पहली बारिश", Body: []news.Block{{Kind: news.Paragraph, Text: "किसानों के चेहरे खिले।"}}},
			}
			if _, err := ar.Store.Put(ctx, arts...); err != nil {
				t.Fatal(err)
			}
			if _, err := ar.Index.CatchUp(ctx, ar.Store); err != nil {
				t.Fatal(err)
			}
			if err := ar.Close(); err != nil {
				t.Fatal(err)
			}
			tt.damage(t, filepath.Join(dir, "index"))
			var calls [][2]int
			ar, err = OpenWith(ctx, dir, Options{RebuildProgress: func(done, total int) { calls = append(calls, [2]int{done, total}) }})
			if err != nil {
				t.Fatalf("OpenWith: %v", err)
			}
			defer ar.Close()
			if !ar.IndexRebuilt {
				t.Error("IndexRebuilt is false, want true")
			}
			if len(calls) < 2 || calls[0] != [2]int{0, 2} || calls[len(calls)-1] != [2]int{2, 2} {
				t.Errorf("got progress %v, want it to start at 0/2 and end at 2/2", calls)
			}
			res, err := ar.Searcher.Search(ctx, "जयशंकर पुतिन", search.Options{Limit: 5})
			if err != nil || res.Total != 1 || res.Hits[0].ID != "a1" {
				t.Fatalf("got %+v, %v, want the stored article found after the rebuild", res, err)
			}
		})
	}
}
