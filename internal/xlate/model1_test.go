package xlate

import (
	"math"
	"strings"
	"testing"
)

// TestModel1 learns from three tiny sentence pairs that "house" is घर and
// "blue" is नीला: each appears with its translation and with other words.
func TestModel1(t *testing.T) {
	pairs := [][2][]string{
		{{"blue", "house"}, {"नीला", "घर"}},
		{{"house"}, {"घर"}},
		{{"blue", "sky"}, {"नीला", "आकाश"}},
	}
	m := Model1(pairs, 20)
	for _, tt := range []struct{ en, hi string }{{"house", "घर"}, {"blue", "नीला"}, {"sky", "आकाश"}} {
		best, p := "", 0.0
		for h, q := range m[tt.en] {
			if q > p {
				best, p = h, q
			}
		}
		if best != tt.hi {
			t.Errorf("t(·|%s): got %q first (%.2f), want %q", tt.en, best, p, tt.hi)
		}
		var sum float64
		for _, q := range m[tt.en] {
			sum += q
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Errorf("t(·|%s) sums to %v, want 1", tt.en, sum)
		}
	}
}

func TestLearn(t *testing.T) {
	var pairs []Parallel
	w := func(s string) []Word {
		var out []Word
		for _, f := range strings.Fields(s) {
			out = append(out, Word{Term: f, Surface: f})
		}
		return out
	}
	for _, p := range [][2]string{
		{"river flood", "नदी बाढ़"}, {"river", "नदी"}, {"flood", "बाढ़"},
		{"river bank", "नदी किनारा"}, {"flood warning", "बाढ़ चेतावनी"}, {"rare", "दुर्लभ"},
	} {
		pairs = append(pairs, Parallel{English: w(p[0]), Hindi: w(p[1])})
	}
	d := Learn(pairs, LearnOptions{MinCount: 2, MinProb: 0.3, MinReverse: 0.3, MaxPer: 2})
	if got := d.Lookup("river"); len(got) == 0 || got[0].Hindi != "नदी" {
		t.Errorf("river: got %v, want नदी first", got)
	}
	if got := d.Lookup("flood"); len(got) == 0 || got[0].Hindi != "बाढ़" {
		t.Errorf("flood: got %v, want बाढ़ first", got)
	}
	if got := d.Lookup("rare"); got != nil {
		t.Errorf("rare (seen once): got %v, want nothing", got)
	}
}
