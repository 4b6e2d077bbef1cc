package analysis

import "testing"

// TestCrossKeyCached checks that the Analyzer's memoized CrossKey gives
// what the package function gives, on first and repeated use.
func TestCrossKeyCached(t *testing.T) {
	a := New()
	for _, w := range []string{"जयशंकर", "Jaishankar", "मोदी", "Modi", "2024", "बाज़ार", ""} {
		wantK, wantSc := CrossKey(w)
		for i := range 2 {
			if k, sc := a.CrossKey(w); k != wantK || sc != wantSc {
				t.Errorf("%q (call %d): got %q, %v; want %q, %v", w, i+1, k, sc, wantK, wantSc)
			}
		}
	}
}
