package indic

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedData returns the path of rel under the shared data directory
// (KHABAR_SHARED_DATA, or ../shared/data next to the repository root), or
// skips the test when it is absent.
func sharedData(t testing.TB, rel string) string {
	t.Helper()
	root := os.Getenv("KHABAR_SHARED_DATA")
	if root == "" {
		dir, err := os.Getwd()
		if err != nil {
			t.Skipf("shared data: %v", err)
		}
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				root = filepath.Join(dir, "..", "shared", "data")
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				t.Skip("shared data: repository root (go.mod) not found; set KHABAR_SHARED_DATA")
			}
			dir = parent
		}
	}
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data %s absent (set KHABAR_SHARED_DATA): %v", p, err)
	}
	return p
}
