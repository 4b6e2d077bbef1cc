package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/khabar-news/khabar/internal/news"
)

// checkGolden compares the article's JSON with the golden file, or
// rewrites the golden file when the test runs with -update.
func checkGolden(t *testing.T, golden string, a *news.Article) {
	t.Helper()
	got, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden; got:\n%s\nwant:\n%s", golden, got, want)
	}
}
