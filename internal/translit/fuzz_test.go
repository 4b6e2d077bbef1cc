package translit

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzCandidates(f *testing.F) {
	for _, s := range []string{"modi", "Jaishankar Putin", "G20 summit", "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "x-y'z", "मोदी modi", "\xff\xfe"} {
		f.Add(s, 5)
	}
	Default() // load the tables outside the timed calls
	f.Fuzz(func(t *testing.T, s string, n int) {
		start := time.Now()
		got := Candidates(s, n)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("Candidates(%d bytes) took %v", len(s), d)
		}
		if len(got) > max(n, 0) || len(got) > maxCandidates {
			t.Errorf("got %d candidates for n=%d", len(got), n)
		}
		for _, c := range got {
			if !utf8.ValidString(c.Text) {
				t.Errorf("Candidates(%q) gave invalid UTF-8 %q", s, c.Text)
			}
		}
	})
}

func FuzzRomanize(f *testing.F) {
	for _, s := range []string{"जयशंकर", "क़ि़", "ं", "्", "।।", "अँ", "भारत २०२५", "\xe0\xa4", strings.Repeat("क्", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := Romanize(s)
		k := Key(s)
		if utf8.ValidString(s) && !utf8.ValidString(r) {
			t.Errorf("Romanize(%q) = %q, invalid UTF-8", s, r)
		}
		for i := 0; i < len(k); i++ {
			if c := k[i]; !('A' <= c && c <= 'Z') && c != 'a' {
				t.Errorf("Key(%q) = %q, want only A-Z and a leading a", s, k)
				break
			}
		}
		if len(r) > 4*MaxRomanize {
			t.Errorf("Romanize(%d bytes) gave %d bytes", len(s), len(r))
		}
	})
}
