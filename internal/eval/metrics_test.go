package eval

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestMetrics(t *testing.T) {
	one := map[string]int{"d2": 1}
	graded := map[string]int{"d1": 2, "d3": 1, "d9": 0}
	tests := []struct {
		name             string
		ranked           []string
		rels             map[string]int
		ndcg, rr, recall float64
	}{
		{"hit at 1", []string{"d2", "d1"}, one, 1, 1, 1},
		// DCG = 1/log2(3); IDCG = 1.
		{"hit at 2", []string{"d1", "d2"}, one, 1 / math.Log2(3), 0.5, 1},
		{"hit at 10", []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "d2"}, one, 1 / math.Log2(11), 0.1, 1},
		{"hit at 11 is past the cut of nDCG and MRR", []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "d2"}, one, 0, 0, 1},
		{"no hit", []string{"a", "b"}, one, 0, 0, 0},
		{"empty ranking", nil, one, 0, 0, 0},
		{"nothing relevant", []string{"d2"}, map[string]int{"d2": 0}, 0, 0, 0},
		// Graded: DCG = 1/log2(2) + 2/log2(4) = 2; IDCG = 2/1 + 1/log2(3).
		{"graded, best second", []string{"d3", "x", "d1"}, graded, 2 / (2 + 1/math.Log2(3)), 1, 1},
		{"graded, ideal", []string{"d1", "d3"}, graded, 1, 1, 1},
		{"graded, half found", []string{"d9", "d1"}, graded, (2 / math.Log2(3)) / (2 + 1/math.Log2(3)), 0.5, 0.5},
		{"a repeated id gains nothing", []string{"x", "d1", "d1", "d3"}, graded,
			(2/math.Log2(3) + 1/math.Log2(5)) / (2 + 1/math.Log2(3)), 0.5, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NDCG(tt.ranked, tt.rels, 10); !near(got, tt.ndcg) {
				t.Errorf("NDCG: got %.6f, want %.6f", got, tt.ndcg)
			}
			if got := ReciprocalRank(tt.ranked, tt.rels, 10); !near(got, tt.rr) {
				t.Errorf("ReciprocalRank: got %.6f, want %.6f", got, tt.rr)
			}
			if got := Recall(tt.ranked, tt.rels, 100); !near(got, tt.recall) {
				t.Errorf("Recall: got %.6f, want %.6f", got, tt.recall)
			}
		})
	}
}

func TestRecallCut(t *testing.T) {
	rels := map[string]int{"a": 1, "b": 1, "c": 1, "d": 1}
	if got := Recall([]string{"a", "x", "b", "c"}, rels, 3); !near(got, 0.5) {
		t.Errorf("Recall@3: got %.4f, want 0.5", got)
	}
}
