package eval

import (
	"math"
	"slices"
)

// The cut-offs of the reported figures.
const (
	CutNDCG   = 10
	CutMRR    = 10
	CutRecall = 100
)

// NDCG returns nDCG@k of ranked (document ids, best first) for the graded
// judgments rels: DCG = Σ gain(i)/log2(i+1) over ranks i = 1..k, where
// gain is the grade (linear gain, as trec_eval computes ndcg_cut), divided
// by the DCG of the ideal ranking (all judged documents by grade, best
// first). It is 0 when no document is relevant. A document id that repeats
// an earlier one gains nothing.
func NDCG(ranked []string, rels map[string]int, k int) float64 {
	var ideal []int
	for _, g := range rels {
		if g > 0 {
			ideal = append(ideal, g)
		}
	}
	if len(ideal) == 0 || k <= 0 {
		return 0
	}
	slices.Sort(ideal)
	slices.Reverse(ideal)
	idcg := 0.0
	for i := 0; i < len(ideal) && i < k; i++ {
		idcg += float64(ideal[i]) / math.Log2(float64(i+2))
	}
	dcg := 0.0
	seen := map[string]bool{}
	for i := 0; i < len(ranked) && i < k; i++ {
		id := ranked[i]
		if seen[id] {
			continue
		}
		seen[id] = true
		if g := rels[id]; g > 0 {
			dcg += float64(g) / math.Log2(float64(i+2))
		}
	}
	return dcg / idcg
}

// ReciprocalRank returns 1/r for the rank r (1-based) of the first
// relevant document (grade > 0) within the first k of ranked, or 0 when
// there is none. Its mean over queries is MRR@k.
func ReciprocalRank(ranked []string, rels map[string]int, k int) float64 {
	for i := 0; i < len(ranked) && i < k; i++ {
		if rels[ranked[i]] > 0 {
			return 1 / float64(i+1)
		}
	}
	return 0
}

// Recall returns the share of the relevant documents (grade > 0) found in
// the first k of ranked, or 0 when no document is relevant. Repeated ids
// count once.
func Recall(ranked []string, rels map[string]int, k int) float64 {
	total := 0
	for _, g := range rels {
		if g > 0 {
			total++
		}
	}
	if total == 0 {
		return 0
	}
	found := 0
	seen := map[string]bool{}
	for i := 0; i < len(ranked) && i < k; i++ {
		id := ranked[i]
		if !seen[id] && rels[id] > 0 {
			found++
		}
		seen[id] = true
	}
	return float64(found) / float64(total)
}
