package indic

import (
	"testing"

	"github.com/khabar-news/khabar/internal/shareddata"
)

// sharedData returns the path of rel under the shared data directory
// (KHABAR_SHARED_DATA, or ../shared/data next to the repository root), or
// skips the test when it is absent.
func sharedData(t testing.TB, rel string) string {
	t.Helper()
	return shareddata.Path(t, rel)
}
