package index

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/news"
)

// TestDateFilterFallsBackToUpdated: a page that prints only an update time
// ("अपडेटेड: …") is still found by a date range on that time, and one with
// neither date is not.
func TestDateFilterFallsBackToUpdated(t *testing.T) {
	ist := time.FixedZone("IST", 5*3600+1800)
	arts := []*news.Article{
		{ID: "pub", Headline: "गंगा का जलस्तर बढ़ा", Published: time.Date(2025, 7, 14, 10, 0, 0, 0, ist)},
		{ID: "upd", Headline: "गंगा घाट पर आरती", Updated: time.Date(2025, 7, 14, 19, 20, 0, 0, ist)},
		{ID: "none", Headline: "गंगा सफ़ाई अभियान"},
		{ID: "old", Headline: "गंगा दशहरा", Published: time.Date(2024, 6, 16, 9, 0, 0, 0, ist)},
	}
	st := fill(t, arts)
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	if _, err := ix.CatchUp(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	q := all(t, "गंगा")
	q.From = time.Date(2025, 7, 14, 0, 0, 0, 0, ist)
	q.To = time.Date(2025, 7, 15, 0, 0, 0, 0, ist)
	got := sortedIDs(search(t, ix, q))
	if want := []string{"pub", "upd"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
