package extracteval

import (
	"sort"
	"strings"
)

// PageDiag is one page's score with the text behind it, for finding where
// an extractor loses precision or recall while tuning.
type PageDiag struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	Half string `json:"half"`
	// Loss orders pages from worst: 1 − page F1 on the Zyte set, the
	// number of wrong segments (missed "with" plus found "without") on
	// the trafilatura set.
	Loss      float64 `json:"loss"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	// Missing holds the runs of truth text the output lacks (Zyte) or the
	// "with" segments it misses (trafilatura); Extra the runs of output
	// text not in the truth, or the "without" segments it holds.
	Missing []string `json:"missing,omitempty"`
	Extra   []string `json:"extra,omitempty"`
}

// Diagnose scores one output against p with the dataset's metric and
// returns the missing and extra text. Datasets without a text metric
// (htmldate) give a zero loss.
func Diagnose(dataset string, p Page, out Output) PageDiag {
	d := PageDiag{ID: p.ID, URL: p.URL, Half: p.Half()}
	switch dataset {
	case Zyte:
		s := ZyteScore(p.Body, out.Text)
		d.Precision, d.Recall = s.Precision, s.Recall
		f := 0.0
		if s.Precision+s.Recall > 0 {
			f = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		d.Loss = 1 - f
		d.Missing = shingleRuns(p.Body, out.Text)
		d.Extra = shingleRuns(out.Text, p.Body)
	case Trafilatura:
		text := collapse(out.Text)
		for _, s := range p.With {
			if s = collapse(s); s == "" || !strings.Contains(text, s) {
				d.Missing = append(d.Missing, s)
			}
		}
		for _, s := range p.Without {
			if s = collapse(s); s != "" && strings.Contains(text, s) {
				d.Extra = append(d.Extra, s)
			}
		}
		c := SegmentCounts(out.Text, p.With, p.Without)
		d.Precision, d.Recall = c.Precision(), c.Recall()
		d.Loss = float64(c.FP + c.FN)
	}
	return d
}

// Worst returns the n pages with the highest loss (all when n <= 0),
// worst first, ties by ID.
func Worst(diags []PageDiag, n int) []PageDiag {
	out := append([]PageDiag(nil), diags...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Loss != out[j].Loss {
			return out[i].Loss > out[j].Loss
		}
		return out[i].ID < out[j].ID
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// shingleRuns returns the runs of a's tokens that sit only in 4-token
// shingles b lacks (counted as multisets, as ZyteScore does), joined by
// spaces, in a's order.
func shingleRuns(a, b string) []string {
	toks := zyteTokens(a)
	have := zyteShingles(b)
	const n = 4
	bad := make([]bool, len(toks))
	covered := make([]bool, len(toks))
	for i := 0; i < max(1, len(toks)-n+1) && len(toks) > 0; i++ {
		end := min(i+n, len(toks))
		k := strings.Join(toks[i:end], " ")
		if have[k] > 0 {
			have[k]--
			for j := i; j < end; j++ {
				covered[j] = true
			}
			continue
		}
		for j := i; j < end; j++ {
			bad[j] = true
		}
	}
	var runs []string
	var cur []string
	for i, t := range toks {
		if bad[i] && !covered[i] {
			cur = append(cur, t)
			continue
		}
		if len(cur) > 0 {
			runs = append(runs, strings.Join(cur, " "))
			cur = nil
		}
	}
	if len(cur) > 0 {
		runs = append(runs, strings.Join(cur, " "))
	}
	return runs
}
