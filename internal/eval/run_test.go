package eval

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// fixed answers every query from a table.
type fixed map[string][]string

func (f fixed) Search(_ context.Context, q string, k int) ([]string, error) {
	if q == "टूटा" {
		return nil, errors.New("broken")
	}
	r := f[q]
	return r[:min(k, len(r))], nil
}

func TestRun(t *testing.T) {
	q := Qrels{"q1": {"d1": 1}, "q2": {"d2": 1}, "q3": {"d3": 1}}
	topics := []Topic{{"q1", "पहला"}, {"q2", "दूसरा"}, {"q3", "तीसरा"}}
	r := fixed{"पहला": {"d1"}, "दूसरा": {"x", "d2"}, "तीसरा": {"x"}}
	s, res, err := Run(context.Background(), r, topics, q)
	if err != nil {
		t.Fatal(err)
	}
	if s.Queries != 3 || len(res) != 3 {
		t.Fatalf("got %d queries, %d results; want 3, 3", s.Queries, len(res))
	}
	if want := (1 + 0.5) / 3; !near(s.MRR10, want) {
		t.Errorf("MRR@10: got %.4f, want %.4f", s.MRR10, want)
	}
	if want := 2.0 / 3; !near(s.R100, want) {
		t.Errorf("R@100: got %.4f, want %.4f", s.R100, want)
	}
	if res[1].ID != "q2" || res[1].RR != 0.5 || len(res[1].Top) != 2 {
		t.Errorf("result of q2: got %+v", res[1])
	}
	_, _, err = Run(context.Background(), r, []Topic{{"q9", "टूटा"}}, q)
	if err == nil || !strings.Contains(err.Error(), "q9") {
		t.Errorf("failing search: got %v, want an error naming q9", err)
	}
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i))
	}
	for _, tt := range []struct {
		p    float64
		want time.Duration
	}{{50, 50}, {99, 99}, {100, 100}, {1, 1}, {0.1, 1}} {
		if got := Percentile(d, tt.p); got != tt.want {
			t.Errorf("Percentile(1..100, %v): got %d, want %d", tt.p, got, tt.want)
		}
	}
	if got := Percentile([]time.Duration{7}, 99); got != 7 {
		t.Errorf("Percentile of one value: got %d, want 7", got)
	}
	if got := Percentile(nil, 50); got != 0 {
		t.Errorf("Percentile of none: got %d, want 0", got)
	}
}
