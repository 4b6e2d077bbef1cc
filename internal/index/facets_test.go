package index

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/index/indextest"
	"github.com/khabar-news/khabar/internal/news"
)

func TestFacets(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	if _, err := ix.CatchUp(ctx, fill(t, indextest.Articles())); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name           string
		q              Query
		sources, langs string
	}{
		{"every article", Query{Langs: []string{"hi", "mr", "en"}, FacetSize: 10},
			"[amar-ujala:5 bbc-hindi:3 dainik-jagran:3 loksatta:1 the-hindu:1]", "[hi:11 en:1 mr:1]"},
		{"counts all matches, not the page", Query{Langs: []string{"hi"}, Limit: 1, FacetSize: 10},
			"[amar-ujala:5 bbc-hindi:3 dainik-jagran:3]", "[hi:11]"},
		{"a word", Query{Must: []Clause{Term(terms(t, "भूकंप")[0])}, FacetSize: 10},
			"[amar-ujala:2]", "[hi:2]"},
		{"size cuts the tail", Query{Langs: []string{"hi"}, FacetSize: 1},
			"[amar-ujala:5]", "[hi:11]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := search(t, ix, tt.q)
			if r.Facets == nil {
				t.Fatal("got nil Facets, want counts")
			}
			if got := fmt.Sprint(counts(r.Facets.Sources)); got != tt.sources {
				t.Errorf("sources: got %q, want %q", got, tt.sources)
			}
			if got := fmt.Sprint(counts(r.Facets.Langs)); got != tt.langs {
				t.Errorf("langs: got %q, want %q", got, tt.langs)
			}
		})
	}
	t.Run("not asked for", func(t *testing.T) {
		if r := search(t, ix, Query{Langs: []string{"hi"}}); r.Facets != nil {
			t.Errorf("got Facets %+v without FacetSize, want nil", r.Facets)
		}
	})
	t.Run("size out of range", func(t *testing.T) {
		for _, n := range []int{-1, MaxFacetSize + 1} {
			if _, err := ix.Search(ctx, Query{Langs: []string{"hi"}, FacetSize: n}); err == nil {
				t.Errorf("FacetSize %d: got nil error", n)
			}
		}
	})
}

func counts(fs []FacetCount) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf("%s:%d", f.Value, f.Count)
	}
	return out
}

func TestSortNewest(t *testing.T) {
	ctx := context.Background()
	day := func(d int) time.Time { return time.Date(2025, 7, d, 10, 0, 0, 0, indextest.IST) }
	arts := []*news.Article{
		{ID: "old", Language: "hi", Headline: "वाराणसी में मानसून", Published: day(1),
			Body: []news.Block{{Kind: news.Paragraph, Text: "गंगा का जलस्तर बढ़ा।"}}},
		{ID: "new", Language: "hi", Headline: "शहर की सड़कों पर पानी", Published: day(20),
			Body: []news.Block{{Kind: news.Paragraph, Text: "नगर निगम की टीमें नालियाँ साफ़ कर रही हैं और लोग घरों में रहे। इस बार मानसून देर से आया।"}}},
		{ID: "middle", Language: "hi", Headline: "मानसून की पहली बारिश", Published: day(10)},
		{ID: "undated", Language: "hi", Headline: "मानसून और किसान"},
	}
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	if _, err := ix.CatchUp(ctx, fill(t, arts)); err != nil {
		t.Fatal(err)
	}
	q := Query{Must: []Clause{Term(terms(t, "मानसून")[0])}, Limit: 10}
	want := []string{"new", "middle", "old", "undated"}
	if rel := ids(search(t, ix, q)); slices.Equal(rel, want) {
		t.Fatalf("relevance order %q is already newest first; the test needs fixtures where they differ", rel)
	}
	q.Sort = SortNewest
	if got := ids(search(t, ix, q)); !slices.Equal(got, want) {
		t.Errorf("newest first: got %q, want %q", got, want)
	}
	q.Sort = Sort(7)
	if _, err := ix.Search(ctx, q); err == nil {
		t.Error("unknown sort: got nil error")
	}
}
