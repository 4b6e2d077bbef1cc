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
	files, _ := filepath.Glob(filepath.Join("testdata", "feeds", "*"))
	if len(files) == 0 {
		t.Fatal("no feed fixtures")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var g goldenResult
			fd, err := Parse(body, "https://feeds.example.in/"+name)
			if err != nil {
				g.Error = err.Error()
			} else {
				g.Result = fd
			}
			checkGolden(t, filepath.Join("feeds", strings.TrimSuffix(name, filepath.Ext(name))+".json"), g)
		})
	}
}

func TestParseSitemapGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "sitemaps", "*"))
	if len(files) == 0 {
		t.Fatal("no sitemap fixtures")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var g goldenResult
			sm, err := ParseSitemap(body, "https://www.example.in/"+name)
			if err != nil {
				g.Error = err.Error()
			} else {
				g.Result = sm
			}
			checkGolden(t, filepath.Join("sitemaps", strings.ReplaceAll(name, ".", "_")+".json"), g)
		})
	}
}
