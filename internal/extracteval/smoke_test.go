package extracteval

import (
	"context"
	"testing"

	"github.com/khabar-news/khabar/internal/shareddata"
)

// sharedExtraction returns the "extraction" folder of the shared data
// (KHABAR_SHARED_DATA, else ../shared/data beside the repository root), or
// skips the test when it is absent.
func sharedExtraction(t testing.TB) string {
	t.Helper()
	return shareddata.Path(t, "extraction")
}

// TestSmoke runs khabar on the first 20 pages of each dataset and checks
// floors well below the full-set scores (see docs/QUALITY.md), so that a
// change which breaks extraction fails CI in seconds. The full measurement
// is "khabar eval extract".
func TestSmoke(t *testing.T) {
	dir := sharedExtraction(t)
	tests := []struct {
		dataset, metric string
		floor           float64
	}{
		{Zyte, "body F1", 0.90},
		{Trafilatura, "segment F1", 0.80},
		{HTMLDate, "date accuracy", 0.75},
	}
	for _, tc := range tests {
		t.Run(tc.dataset, func(t *testing.T) {
			ds, err := Load(dir, tc.dataset)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Run(context.Background(), ds, []System{Khabar()}, RunOptions{Limit: 20})
			if err != nil {
				t.Fatal(err)
			}
			k := res.Systems[0]
			if k.Errors > 0 {
				t.Errorf("khabar failed on %d pages: %q", k.Errors, k.FirstErrors)
			}
			m, ok := k.Split("full").Metric(tc.metric)
			if !ok {
				t.Fatalf("no %q metric in %+v", tc.metric, k.Split("full"))
			}
			t.Logf("%s %s on %d pages: %.3f (%.1f pages/s)", tc.dataset, tc.metric, res.Pages, m.Value, k.PagesPerSecond)
			if m.Value < tc.floor {
				t.Errorf("%s %s: got %.3f, want at least %.2f", tc.dataset, tc.metric, m.Value, tc.floor)
			}
		})
	}
}

// TestIndicDates checks that every Hindi and Gujarati page of the
// htmldate set gets its publication day right.
func TestIndicDates(t *testing.T) {
	dir := sharedExtraction(t)
	ds, err := Load(dir, HTMLDate)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, id := range IndicDatePages {
		want[id] = true
	}
	var pages []Page
	for _, p := range ds.Pages {
		if want[p.ID] {
			pages = append(pages, p)
		}
	}
	if len(pages) != len(IndicDatePages) {
		t.Fatalf("got %d Indic pages in the set, want %d", len(pages), len(IndicDatePages))
	}
	for _, p := range pages {
		t.Run(p.ID, func(t *testing.T) {
			page, err := ReadPage(p)
			if err != nil {
				t.Fatal(err)
			}
			out, err := Khabar().Extract(context.Background(), page, p.URL)
			if err != nil {
				t.Fatal(err)
			}
			if out.Date != p.Date {
				t.Errorf("date: got %q, want %q", out.Date, p.Date)
			}
		})
	}
}
