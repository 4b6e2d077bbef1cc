// Package shareddata locates khabar's public evaluation data: the read-only
// ../shared/data folder beside the repository (corpora, extraction pages,
// XQuAD-R, transliteration lexicons, …). Nothing of it is shipped in the
// repository; tests and benchmarks that need it skip with a message when it
// is absent, and `khabar eval` reports where it looked.
package shareddata

import (
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// EnvVar is the environment variable that names the shared data folder. It
// is read only at the edges: by main, and by Dir for tests and benchmarks.
const EnvVar = "KHABAR_SHARED_DATA"

// Find returns the shared data folder: override when it is not empty,
// otherwise ../shared/data beside the nearest folder at or above start that
// holds a go.mod (the repository root). It returns an error naming the
// folder it expected when that folder does not exist.
func Find(override, start string) (string, error) {
	if override != "" {
		if _, err := os.Stat(override); err != nil {
			return "", fmt.Errorf("shared data %s: %w", override, err)
		}
		return override, nil
	}
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", fmt.Errorf("shared data: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(dir, "..", "shared", "data")
			if _, err := os.Stat(d); err != nil {
				return "", fmt.Errorf("shared data not found at %s (set %s)", d, EnvVar)
			}
			return d, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("shared data: no repository root (go.mod) above " + start + "; set " + EnvVar)
		}
		dir = parent
	}
}

// Dir returns the shared data folder for a test or benchmark ($EnvVar, or
// found from the working directory), and skips tb when there is none.
func Dir(tb testing.TB) string {
	tb.Helper()
	d, err := Find(os.Getenv(EnvVar), ".")
	if err != nil {
		tb.Skipf("%v: skipping", err)
	}
	return d
}

// Path returns Dir joined with the path elements, and skips tb when that
// file or folder is absent.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{Dir(tb)}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data %s absent: skipping", p)
	}
	return p
}

// BBCHindi reads the BBC Hindi sample (corpora/bbc-hindi-sample, a CSV of
// category and body text under a "0,1" header) and returns one (category,
// text) pair per article. It skips tb when the file is absent and fails it
// when the file is malformed.
func BBCHindi(tb testing.TB) [][2]string {
	tb.Helper()
	path := Path(tb, "corpora", "bbc-hindi-sample", "hindi-cleaned-test.csv")
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = 2
	recs, err := r.ReadAll()
	if err != nil {
		tb.Fatalf("read %s: %v", path, err)
	}
	if len(recs) < 2 {
		tb.Fatalf("%s holds no articles", path)
	}
	out := make([][2]string, 0, len(recs)-1)
	for _, rec := range recs[1:] { // the header "0,1"
		out = append(out, [2]string{rec[0], rec[1]})
	}
	return out
}
