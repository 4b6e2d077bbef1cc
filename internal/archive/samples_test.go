package archive

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/search"
)

// openSamples builds an archive from the shipped samples/ and returns it
// with a map from a sample's short name (the scraped file's number, "01",
// or the JSONL id, "sample-007") to its stored ID.
func openSamples(t *testing.T) (*Archive, map[string]string) {
	t.Helper()
	ctx := context.Background()
	ar, err := Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ar.Close() })
	files, errs := ingest.Files([]string{"../../samples"})
	if len(errs) > 0 || len(files) < 2 {
		t.Fatalf("samples: %v (%d files)", errs, len(files))
	}
	ids := map[string]string{}
	r := &ingest.Reader{HTMLSniffer: extract.LooksLikeHTML}
	for _, f := range files {
		r.ReadFile(ctx, f, func(it ingest.Item) bool {
			a, err := Extract(ctx, it, extract.Options{})
			if err != nil {
				t.Fatalf("%s: %v", it.Origin, err)
			}
			if a.ID == "" {
				a.ID = a.DeriveID()
			}
			if _, err := ar.Store.Put(ctx, a); err != nil {
				t.Fatalf("%s: %v", it.Origin, err)
			}
			name := a.ID
			if it.Format == ingest.Text {
				name = filepath.Base(f)[:2]
			}
			ids[name] = a.ID
			return true
		})
	}
	if _, err := ar.Index.CatchUp(ctx, ar.Store); err != nil {
		t.Fatal(err)
	}
	return ar, ids
}

// TestSampleQueries runs the searches samples/QUERIES.md promises (the
// README's demo searches and the spelling checks) end to end.
func TestSampleQueries(t *testing.T) {
	if _, err := os.Stat("../../samples/articles.jsonl"); err != nil {
		t.Fatalf("samples/ missing: %v", err)
	}
	ar, ids := openSamples(t)
	tests := []struct {
		query       string
		mustFind    []string
		mustNotFind []string
		// below are found through cross-script keys only: each must be
		// found and rank below every article of mustFind.
		below []string
	}{
		{query: "मानसून बारिश", mustFind: []string{"01", "02", "sample-007"}, mustNotFind: []string{"10", "18"}},
		{query: "जयशंकर", mustFind: []string{"03", "04", "sample-011"}, mustNotFind: []string{"01", "05", "08", "sample-001"}},
		{query: "क्रिकेट lang:hi", mustFind: []string{"05", "06", "sample-003"}, mustNotFind: []string{"sample-004"}},
		{query: "monsoon", mustFind: []string{"sample-001"}},
		{query: `"घना कोहरा"`, mustFind: []string{"08"}, mustNotFind: []string{"04"}},
		{query: `"orange alert"`, mustFind: []string{"sample-001"}, mustNotFind: []string{"15"}},
		{query: `"ऑरेंज अलर्ट"`, mustFind: []string{"01", "02"}},
		// Spelling that the analyzer must fold.
		{query: "हिंदी", mustFind: []string{"17"}},
		{query: "हिन्दी", mustFind: []string{"12", "16"}},
		{query: "नवंबर", mustFind: []string{"04"}},
		{query: "प्याज़", mustFind: []string{"07"}},
		{query: "बुख़ार", mustFind: []string{"10", "11"}},
		{query: "ज़्यादा", mustFind: []string{"13"}},
		{query: "640", mustFind: []string{"09", "sample-008"}},
		{query: "१२ मार्च", mustFind: []string{"09", "12"}},
		// Cross-script names and places (samples/QUERIES.md).
		{query: "Jaishankar", mustFind: []string{"sample-002", "03"}, below: []string{"04", "sample-011"}},
		{query: "Aarav Tripathi", mustFind: []string{"sample-004"}, below: []string{"05", "06"}},
		{query: "आरव त्रिपाठी", mustFind: []string{"05", "06"}, below: []string{"sample-004"}},
		{query: "Varanasi", mustFind: []string{"sample-001", "sample-010"}, below: []string{"01", "02", "18"}},
		{query: "वाराणसी", mustFind: []string{"01", "02", "18"}, below: []string{"sample-001", "sample-010"}},
		// 09 says श्रीहरिकोटा three times, headline included; sample-008
		// says Sriharikota once in a long body. Cross-script hits weigh
		// less, not infinitely less: 09 is found, and ranks first.
		{query: "Sriharikota", mustFind: []string{"sample-008", "09"}},
		// A Devanagari query reaches Latin words by their key alone; the
		// key folds final -nv/-on, final e and u before a cluster, so
		// लासलगांव meets Lasalgaon, डेंगू dengue and लखनऊ Lucknow.
		{query: "लासलगांव", mustFind: []string{"07", "sample-006"}},
		{query: "डेंगू लखनऊ", mustFind: []string{"10", "11", "sample-012"}},
		{query: "Lucknow dengue", mustFind: []string{"sample-012", "10", "11"}},
		// Mixed scripts: each word may match in either script
		// (सिंगापुर and Singapore share the key SINGPUR).
		{query: "Jaishankar सिंगापुर", mustFind: []string{"03", "04", "sample-002"}},
		// Exclusions and phrases stay exact: 02 writes only वाराणसी, so
		// -Varanasi must not drop it; 06 writes only आरव त्रिपाठी.
		{query: "वाराणसी -Varanasi", mustFind: []string{"02"}, mustNotFind: []string{"sample-001", "sample-010"}},
		{query: `"Aarav Tripathi"`, mustFind: []string{"sample-004"}, mustNotFind: []string{"06"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := ar.Searcher.Search(context.Background(), tt.query, search.Options{Limit: 50})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			name := func(id string) string {
				for k, v := range ids {
					if v == id {
						return k
					}
				}
				return id
			}
			for _, want := range tt.mustFind {
				if !slices.Contains(got, ids[want]) {
					t.Errorf("%s not found; got %s", want, names(got, name))
				}
			}
			for _, bad := range tt.mustNotFind {
				if slices.Contains(got, ids[bad]) {
					t.Errorf("%s found, want it left out; got %s", bad, names(got, name))
				}
			}
			lastExact := -1
			for _, want := range tt.mustFind {
				lastExact = max(lastExact, slices.Index(got, ids[want]))
			}
			for _, low := range tt.below {
				switch i := slices.Index(got, ids[low]); {
				case i < 0:
					t.Errorf("cross-script hit %s not found; got %s", low, names(got, name))
				case i < lastExact:
					t.Errorf("cross-script hit %s ranks %d, above an exact-script hit at %d; got %s", low, i+1, lastExact+1, names(got, name))
				}
			}
		})
	}
}

func names(ids []string, name func(string) string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = name(id)
	}
	return "[" + strings.Join(out, " ") + "]"
}
