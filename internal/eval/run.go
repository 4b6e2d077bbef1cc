package eval

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// Retriever ranks documents for a query. Search returns at most k document
// ids, best first.
type Retriever interface {
	Search(ctx context.Context, query string, k int) ([]string, error)
}

// Depth is how many documents Run asks a Retriever for: enough for
// Recall@100.
const Depth = CutRecall

// QueryResult is the outcome of one topic.
type QueryResult struct {
	ID      string        `json:"qid"`
	Query   string        `json:"query"`
	NDCG    float64       `json:"ndcg@10"`
	RR      float64       `json:"rr@10"`
	Recall  float64       `json:"recall@100"`
	Top     []string      `json:"top"` // the first ten ids returned
	Latency time.Duration `json:"latency_ns"`
}

// Scores are the figures of one retriever on one set of topics: the means
// of nDCG@10, reciprocal rank @10 (MRR@10) and Recall@100 over Queries
// topics, the wall time of the whole run, and the 50th and 99th
// percentiles of the per-query latency (nearest rank).
type Scores struct {
	Queries int           `json:"queries"`
	NDCG10  float64       `json:"ndcg@10"`
	MRR10   float64       `json:"mrr@10"`
	R100    float64       `json:"recall@100"`
	Took    time.Duration `json:"took_ns"`
	P50     time.Duration `json:"p50_ns"`
	P99     time.Duration `json:"p99_ns"`
}

// Run sends the text of every topic to r, asking for Depth documents, and
// scores the rankings against q. Topics without a relevant document should
// be removed first (Select does); they score 0. A failed search stops the
// run with an error naming the topic.
func Run(ctx context.Context, r Retriever, topics []Topic, q Qrels) (Scores, []QueryResult, error) {
	if r == nil {
		return Scores{}, nil, errors.New("eval: nil retriever")
	}
	results := make([]QueryResult, 0, len(topics))
	start := time.Now()
	for _, t := range topics {
		if err := ctx.Err(); err != nil {
			return Scores{}, nil, fmt.Errorf("eval: %w", err)
		}
		t0 := time.Now()
		ranked, err := r.Search(ctx, t.Text, Depth)
		d := time.Since(t0)
		if err != nil {
			return Scores{}, nil, fmt.Errorf("eval: query %s %q: %w", t.ID, t.Text, err)
		}
		rels := q[t.ID]
		res := QueryResult{
			ID: t.ID, Query: t.Text, Latency: d,
			NDCG:   NDCG(ranked, rels, CutNDCG),
			RR:     ReciprocalRank(ranked, rels, CutMRR),
			Recall: Recall(ranked, rels, CutRecall),
			Top:    slices.Clone(ranked[:min(len(ranked), 10)]),
		}
		results = append(results, res)
	}
	s := Summarize(results)
	s.Took = time.Since(start)
	return s, results, nil
}

// Summarize returns the mean figures and latency percentiles of results
// (Took is left zero).
func Summarize(results []QueryResult) Scores {
	s := Scores{Queries: len(results)}
	if len(results) == 0 {
		return s
	}
	lat := make([]time.Duration, len(results))
	for i, r := range results {
		s.NDCG10 += r.NDCG
		s.MRR10 += r.RR
		s.R100 += r.Recall
		lat[i] = r.Latency
	}
	n := float64(len(results))
	s.NDCG10 /= n
	s.MRR10 /= n
	s.R100 /= n
	slices.Sort(lat)
	s.P50 = Percentile(lat, 50)
	s.P99 = Percentile(lat, 99)
	return s
}

// Percentile returns the p-th percentile (0 < p ≤ 100) of sorted by the
// nearest-rank method: the smallest value with at least p% of the values
// at or below it. It returns 0 for no values.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}

// Latency sends the text of every topic to r asking for k documents (a
// page, say, where Run asks for Depth) and returns the 50th and 99th
// percentile of the time each search took.
func Latency(ctx context.Context, r Retriever, topics []Topic, k int) (p50, p99 time.Duration, err error) {
	if r == nil {
		return 0, 0, errors.New("eval: nil retriever")
	}
	lat := make([]time.Duration, 0, len(topics))
	for _, t := range topics {
		t0 := time.Now()
		if _, err := r.Search(ctx, t.Text, k); err != nil {
			return 0, 0, fmt.Errorf("eval: query %s %q: %w", t.ID, t.Text, err)
		}
		lat = append(lat, time.Since(t0))
	}
	slices.Sort(lat)
	return Percentile(lat, 50), Percentile(lat, 99), nil
}
