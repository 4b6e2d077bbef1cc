package feed

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// checkGolden compares v, as indented JSON, with testdata/golden/name.
func checkGolden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update to accept):\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

// goldenResult is what the golden files hold for one parse.
type goldenResult struct {
	Error  string `json:",omitempty"`
	Result any    `json:",omitempty"`
}

func TestParseGolden(t *testing.T) {
	goldenDir(t, "feeds", "https://feeds.example.in/",
		func(name string) string { return strings.TrimSuffix(name, filepath.Ext(name)) + ".json" },
		func(body []byte, url string) (any, error) { return Parse(body, url) })
}

func TestParseSitemapGolden(t *testing.T) {
	goldenDir(t, "sitemaps", "https://www.example.in/",
		func(name string) string { return strings.ReplaceAll(name, ".", "_") + ".json" },
		func(body []byte, url string) (any, error) { return ParseSitemap(body, url) })
}

// goldenDir parses every fixture in testdata/dir (its URL is base plus the
// file name) and compares the result, or the error, with the golden file
// dir/golden(name).
func goldenDir(t *testing.T, dir, base string, golden func(name string) string, parse func(body []byte, url string) (any, error)) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
	if len(files) == 0 {
		t.Fatalf("no fixtures in testdata/%s", dir)
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var g goldenResult
			if res, err := parse(body, base+name); err != nil {
				g.Error = err.Error()
			} else {
				g.Result = res
			}
			checkGolden(t, filepath.Join(dir, golden(name)), g)
		})
	}
}
