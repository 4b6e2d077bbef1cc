package shareddata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "main")
	deep := filepath.Join(repo, "internal", "x")
	data := filepath.Join(root, "shared", "data")
	for _, d := range []string{deep, data} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(repo, "go.mod"), []byte("module m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Find("", deep)
	if err != nil || filepath.Clean(got) != data {
		t.Errorf("Find from %s: got %q, %v, want %q", deep, got, err, data)
	}
	if got, err := Find(data, "/"); err != nil || got != data {
		t.Errorf("Find with override: got %q, %v", got, err)
	}
	if _, err := Find(filepath.Join(root, "nowhere"), deep); err == nil {
		t.Error("Find with a missing override: got no error")
	}
	if err := os.RemoveAll(data); err != nil {
		t.Fatal(err)
	}
	if _, err := Find("", deep); err == nil || !strings.Contains(err.Error(), EnvVar) {
		t.Errorf("Find without the folder: got %v, want an error naming %s", err, EnvVar)
	}
}
