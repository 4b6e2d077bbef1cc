package eval

import (
	"slices"
	"testing"
)

func TestGroup(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a0p0s0", "a0"}, {"a12p3s1", "a12"}, {"a47p10s22", "a47"},
		{"a", "a"}, {"ap1s1", "ap1s1"}, {"a12", "a12"}, {"a12x3", "a12x3"}, {"doc-7", "doc-7"}, {"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Group(tt.in); got != tt.want {
				t.Errorf("Group(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSplitOf(t *testing.T) {
	q := Qrels{
		"q1": {"a0p1s2": 1},               // even article
		"q2": {"a3p0s0": 1},               // odd article
		"q3": {"a3p0s1": 1, "a0p0s0": 0},  // the unjudged a0 does not count
		"q4": {"a10p0s0": 1, "a7p0s0": 1}, // first id by order: a10
		"q5": {"a2p0s0": 0},               // nothing relevant
		"q6": {"sports-1": 1},             // hashed
	}
	tests := []struct {
		qid  string
		want Split
	}{{"q1", Dev}, {"q2", Test}, {"q3", Test}, {"q4", Dev}, {"q5", Test}, {"missing", Test}}
	for _, tt := range tests {
		t.Run(tt.qid, func(t *testing.T) {
			if got := q.SplitOf(tt.qid); got != tt.want {
				t.Errorf("SplitOf(%q): got %q, want %q", tt.qid, got, tt.want)
			}
		})
	}
	// The hashed rule is stable: it must not change between runs or versions.
	if got, again := q.SplitOf("q6"), q.SplitOf("q6"); got != again || (got != Dev && got != Test) {
		t.Errorf("SplitOf(q6): got %q then %q", got, again)
	}
}

func TestSelect(t *testing.T) {
	q := Qrels{"q1": {"a0p0s0": 1}, "q2": {"a1p0s0": 1}, "q3": {"a2p0s0": 1}, "q4": {"a2p0s0": 0}}
	topics := []Topic{{"q1", "क"}, {"q2", "ख"}, {"q3", "ग"}, {"q4", "घ"}, {"q5", "ङ"}}
	ids := func(ts []Topic) []string {
		var out []string
		for _, t := range ts {
			out = append(out, t.ID)
		}
		return out
	}
	for _, tt := range []struct {
		split Split
		want  []string
	}{{Dev, []string{"q1", "q3"}}, {Test, []string{"q2"}}, {All, []string{"q1", "q2", "q3"}}} {
		if got := ids(Select(topics, q, tt.split)); !slices.Equal(got, tt.want) {
			t.Errorf("Select(%s): got %q, want %q", tt.split, got, tt.want)
		}
	}
}

func TestParseSplit(t *testing.T) {
	for _, s := range []string{"dev", "TEST", " all "} {
		if _, err := ParseSplit(s); err != nil {
			t.Errorf("ParseSplit(%q): %v", s, err)
		}
	}
	if _, err := ParseSplit("train"); err == nil {
		t.Error(`ParseSplit("train"): got nil error`)
	}
}
