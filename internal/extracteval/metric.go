package extracteval

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The Zyte article-extraction benchmark metric (scrapinghub/
// article-extraction-benchmark, evaluate.py, re-implemented from its
// description in PROVENANCE.md): the text is split into \w+ tokens,
// 4-token shingles are counted on both sides, and tp/fp/fn are the
// multiset overlap and the two excesses. Precision and recall are per page
// (both 1 when fp = fn = 0, both 0 when tp = 0), averaged over pages; F1
// is the harmonic mean of the two averages; accuracy is the share of pages
// extracted exactly (fp = fn = 0).

// zyteTokens returns the \w+ runs of s as Python's re with re.UNICODE
// finds them: letters, numbers and underscore; combining marks split.
func zyteTokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
}

// zyteShingles counts the 4-token shingles of s; a text of fewer than four
// tokens is one shingle of all of them, an empty text has none.
func zyteShingles(s string) map[string]int {
	toks := zyteTokens(s)
	out := map[string]int{}
	const n = 4
	for i := 0; i < max(1, len(toks)-n+1); i++ {
		sh := toks[i:min(i+n, len(toks))]
		if len(sh) == 0 {
			continue
		}
		out[strings.Join(sh, " ")]++
	}
	return out
}

// ZytePage is one page's score under the Zyte metric.
type ZytePage struct {
	Precision, Recall float64
	Exact             bool // no shingle missing or extra
}

// ZyteScore scores the predicted body pred against the annotated truth.
func ZyteScore(truth, pred string) ZytePage {
	ts, ps := zyteShingles(truth), zyteShingles(pred)
	var tp, fp, fn float64
	for k, tc := range ts {
		pc := ps[k]
		tp += float64(min(tc, pc))
		fn += float64(max(0, tc-pc))
	}
	for k, pc := range ps {
		fp += float64(max(0, pc-ts[k]))
	}
	s := ZytePage{Exact: fp == 0 && fn == 0}
	switch {
	case fp == 0 && fn == 0:
		s.Precision, s.Recall = 1, 1
	case tp == 0:
	default:
		s.Precision, s.Recall = tp/(tp+fp), tp/(tp+fn)
	}
	return s
}

// ZyteSummary is the benchmark's figure over a set of pages.
type ZyteSummary struct {
	Precision, Recall, F1, Accuracy float64
	Pages                           int
}

// ZyteSummarize averages page scores as the benchmark does. No pages give
// the zero summary.
func ZyteSummarize(pages []ZytePage) ZyteSummary {
	var s ZyteSummary
	for _, p := range pages {
		s.Precision += p.Precision
		s.Recall += p.Recall
		if p.Exact {
			s.Accuracy++
		}
	}
	s.Pages = len(pages)
	if s.Pages == 0 {
		return s
	}
	n := float64(s.Pages)
	s.Precision /= n
	s.Recall /= n
	s.Accuracy /= n
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Counts are confusion counts, summed over pages (micro average).
type Counts struct {
	TP, FP, FN, TN int
}

// Add returns the sum of c and d.
func (c Counts) Add(d Counts) Counts {
	return Counts{c.TP + d.TP, c.FP + d.FP, c.FN + d.FN, c.TN + d.TN}
}

// Precision is TP/(TP+FP), 0 when undefined.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 0 when undefined.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// Accuracy is (TP+TN)/all, 0 when there is nothing.
func (c Counts) Accuracy() float64 { return ratio(c.TP+c.TN, c.TP+c.TN+c.FP+c.FN) }

// F1 is 2TP/(2TP+FP+FN), 0 when undefined.
func (c Counts) F1() float64 { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// SegmentCounts scores an extracted text with trafilatura's metric
// (tests/eval_common.py, re-implemented from PROVENANCE.md): after white
// space is collapsed on both sides, each "with" segment found in the text
// is a TP and each one missing a FN; each "without" segment found is a FP
// and each one missing a TN. An empty text (also a failed extraction)
// thus counts every "with" as FN and every "without" as TN.
func SegmentCounts(text string, with, without []string) Counts {
	text = collapse(text)
	var c Counts
	for _, s := range with {
		if s = collapse(s); s != "" && strings.Contains(text, s) {
			c.TP++
		} else {
			c.FN++
		}
	}
	for _, s := range without {
		if s = collapse(s); s != "" && strings.Contains(text, s) {
			c.FP++
		} else {
			c.TN++
		}
	}
	return c
}

// DateCounts scores one extracted publication day (YYYY-MM-DD, "" for
// none) against the label as htmldate's evaluation does: the right day is
// a TP, a wrong one a FP, none where a day is labelled a FN, none where
// none is labelled a TN.
func DateCounts(want, got string) Counts {
	switch {
	case want == "" && got == "":
		return Counts{TN: 1}
	case got == "":
		return Counts{FN: 1}
	case got == want:
		return Counts{TP: 1}
	}
	return Counts{FP: 1}
}

// TitleMatch reports whether two titles are equal after NFC, white-space
// collapsing and lowercasing.
func TitleMatch(want, got string) bool {
	return foldText(want) == foldText(got)
}

// AuthorMatch reports whether two author strings name the same people:
// each is split into names at ";", ",", "&", " and ", " und ", " और ",
// and the folded (see TitleMatch) sets of names must be equal.
func AuthorMatch(want, got string) bool {
	a, b := authorSet(want), authorSet(got)
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func authorSet(s string) []string {
	s = " " + foldText(s) + " "
	s = strings.NewReplacer(" and ", ";", " und ", ";", " और ", ";", "&", ";", ",", ";", "|", ";").Replace(s)
	var out []string
	seen := map[string]bool{}
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

func foldText(s string) string {
	return strings.ToLower(collapse(norm.NFC.String(s)))
}

// collapse trims s, drops soft hyphens (U+00AD, invisible unless a line
// breaks there: a page's "Werk\u00adzeug" and an extractor's "Werkzeug" are
// the same text) and collapses its runs of white space to one space.
func collapse(s string) string {
	if strings.ContainsRune(s, '\u00ad') {
		s = strings.ReplaceAll(s, "\u00ad", "")
	}
	return strings.Join(strings.Fields(s), " ")
}
