package extracteval

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// IndicDatePages are the htmldate-eval pages in Hindi and Gujarati (file
// names, see INDEX.md of the data): every one must get its date right.
var IndicDatePages = []string{
	"1579139187.html", // Hindi, Amar Ujala
	"1782160236.html", // Hindi, Dainik Jagran
	"1521292139.html", // Hindi, Business Standard Hindi
	"1725202846.html", // Hindi, Business Standard Hindi
	"1565998355.html", // Gujarati, Divya Bhaskar
	"1561643340.html", // Gujarati, Divya Bhaskar
}

// Metric is one figure over a set of pages; N is the number of pages (or
// segments, for segment counts) it is computed on.
type Metric struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	N     int     `json:"n"`
}

// SplitScore holds a system's metrics on the full set or one half.
type SplitScore struct {
	Split   string   `json:"split"` // "full", "dev" or "held-out"
	Pages   int      `json:"pages"`
	Metrics []Metric `json:"metrics"`
}

// Metric returns the named metric's value, or 0 and false.
func (s SplitScore) Metric(name string) (Metric, bool) {
	for _, m := range s.Metrics {
		if m.Name == name {
			return m, true
		}
	}
	return Metric{}, false
}

// SystemResult is one system's run over a dataset.
type SystemResult struct {
	System         string       `json:"system"`
	Seconds        float64      `json:"seconds"` // time inside Extract only
	PagesPerSecond float64      `json:"pages_per_second"`
	Errors         int          `json:"errors"`
	FirstErrors    []string     `json:"first_errors,omitempty"`
	Splits         []SplitScore `json:"splits"`
	IndicDates     []IndicDate  `json:"indic_dates,omitempty"`
}

// IndicDate is one Hindi or Gujarati page's date result.
type IndicDate struct {
	ID   string `json:"id"`
	Want string `json:"want"`
	Got  string `json:"got"`
}

// Split returns the named split's scores.
func (r SystemResult) Split(name string) SplitScore {
	for _, s := range r.Splits {
		if s.Split == name {
			return s
		}
	}
	return SplitScore{Split: name}
}

// Result is one dataset's run.
type Result struct {
	Dataset string         `json:"dataset"`
	Pages   int            `json:"pages"`
	Systems []SystemResult `json:"systems"`
}

// RunOptions adjust Run. The zero value runs every page.
type RunOptions struct {
	// Limit, when positive, runs only the first Limit pages (by ID).
	Limit int
	// Only, when not empty, names the half to run ("dev" or "held-out").
	Only string
	// Detail, when set, is called with every page's output (for
	// inspection while tuning); it must not keep page.
	Detail func(system string, p Page, out Output, err error)
	// Progress, when set, is called after each page.
	Progress func(done, total int)
}

// pageScore is what Run keeps of one system's output on one page.
type pageScore struct {
	half          string
	zyte          ZytePage
	seg           Counts
	segStand      Counts // seg with the standfirst scored as text
	date          Counts
	dated         bool
	title, author int // 0 not labelled, 1 wrong, 2 right
}

// Run extracts every page of ds with each system in turn (the same page
// bytes for all), scores it with the dataset's metric and returns the
// scores on the full set and on each half. Pages are read one at a time.
// A page that fails to read is an error; a system failing on a page is
// counted in Errors and scored as an empty output.
func Run(ctx context.Context, ds *Dataset, systems []System, opts RunOptions) (*Result, error) {
	pages := ds.Pages
	if opts.Only != "" {
		var keep []Page
		for _, p := range pages {
			if p.Half() == opts.Only {
				keep = append(keep, p)
			}
		}
		pages = keep
	}
	if opts.Limit > 0 && len(pages) > opts.Limit {
		pages = pages[:opts.Limit]
	}
	indic := map[string]bool{}
	for _, id := range IndicDatePages {
		indic[id] = true
	}
	res := &Result{Dataset: ds.Name, Pages: len(pages)}
	scores := make([][]pageScore, len(systems))
	elapsed := make([]time.Duration, len(systems))
	for i, s := range systems {
		res.Systems = append(res.Systems, SystemResult{System: s.Name()})
		scores[i] = make([]pageScore, 0, len(pages))
	}
	for n, p := range pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		page, err := ReadPage(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ds.Name, err)
		}
		for i, s := range systems {
			start := time.Now()
			out, err := s.Extract(ctx, page, p.URL)
			elapsed[i] += time.Since(start)
			if err != nil {
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				sr := &res.Systems[i]
				sr.Errors++
				if len(sr.FirstErrors) < 5 {
					sr.FirstErrors = append(sr.FirstErrors, fmt.Sprintf("%s: %v", p.ID, err))
				}
				out = Output{}
			}
			if opts.Detail != nil {
				opts.Detail(s.Name(), p, out, err)
			}
			scores[i] = append(scores[i], scorePage(ds.Name, p, out))
			if ds.Name == HTMLDate && indic[p.ID] {
				res.Systems[i].IndicDates = append(res.Systems[i].IndicDates, IndicDate{ID: p.ID, Want: p.Date, Got: out.Date})
			}
		}
		if opts.Progress != nil {
			opts.Progress(n+1, len(pages))
		}
	}
	for i := range systems {
		sr := &res.Systems[i]
		sr.Seconds = elapsed[i].Seconds()
		if sr.Seconds > 0 {
			sr.PagesPerSecond = float64(len(pages)) / sr.Seconds
		}
		for _, split := range []string{"full", "dev", "held-out"} {
			var sel []pageScore
			for _, ps := range scores[i] {
				if split == "full" || ps.half == split {
					sel = append(sel, ps)
				}
			}
			m := summarize(ds.Name, sel)
			if ds.Name == HTMLDate && split == "full" && len(sr.IndicDates) > 0 {
				right := 0
				for _, d := range sr.IndicDates {
					if d.Got == d.Want {
						right++
					}
				}
				m = append(m, Metric{Name: "Hindi+Gujarati dates right", Value: float64(right), N: len(sr.IndicDates)})
			}
			sr.Splits = append(sr.Splits, SplitScore{Split: split, Pages: len(sel), Metrics: m})
		}
	}
	return res, nil
}

// scorePage scores one output with the dataset's metric.
func scorePage(dataset string, p Page, out Output) pageScore {
	ps := pageScore{half: p.Half()}
	switch dataset {
	case Zyte:
		ps.zyte = ZyteScore(p.Body, out.Text)
	case Trafilatura:
		ps.seg = SegmentCounts(out.Text, p.With, p.Without)
		ps.segStand = ps.seg
		if out.Standfirst != "" {
			ps.segStand = SegmentCounts(out.Standfirst+"\n\n"+out.Text, p.With, p.Without)
		}
		if p.Title != "" {
			ps.title = 1
			if TitleMatch(p.Title, out.Title) {
				ps.title = 2
			}
		}
		if p.Author != "" {
			ps.author = 1
			if AuthorMatch(p.Author, strings.Join(out.Authors, "; ")) {
				ps.author = 2
			}
		}
	}
	if p.Date != "" || dataset == HTMLDate {
		// htmldate's set scores every page, the undated ones too (a date
		// found there is a false positive); trafilatura's only dated ones.
		ps.dated = true
		ps.date = DateCounts(p.Date, out.Date)
	}
	return ps
}

// summarize computes a dataset's metrics over page scores.
func summarize(dataset string, pages []pageScore) []Metric {
	n := len(pages)
	var seg, segStand, date Counts
	var zp []ZytePage
	var titleN, titleOK, authorN, authorOK, datedN int
	for _, p := range pages {
		zp = append(zp, p.zyte)
		seg = seg.Add(p.seg)
		segStand = segStand.Add(p.segStand)
		if p.dated {
			date = date.Add(p.date)
			datedN++
		}
		if p.title > 0 {
			titleN++
			if p.title == 2 {
				titleOK++
			}
		}
		if p.author > 0 {
			authorN++
			if p.author == 2 {
				authorOK++
			}
		}
	}
	switch dataset {
	case Zyte:
		z := ZyteSummarize(zp)
		return []Metric{
			{"body F1", z.F1, n}, {"body precision", z.Precision, n},
			{"body recall", z.Recall, n}, {"body exact", z.Accuracy, n},
		}
	case Trafilatura:
		segs := seg.TP + seg.FP + seg.FN + seg.TN
		return []Metric{
			{"segment F1", seg.F1(), segs}, {"segment precision", seg.Precision(), segs},
			{"segment recall", seg.Recall(), segs}, {"segment accuracy", seg.Accuracy(), segs},
			{"segment F1+standfirst", segStand.F1(), segs},
			{"title exact", ratio(titleOK, titleN), titleN},
			{"author exact", ratio(authorOK, authorN), authorN},
			{"date accuracy", date.Accuracy(), datedN},
		}
	case HTMLDate:
		return []Metric{
			{"date accuracy", date.Accuracy(), datedN}, {"date precision", date.Precision(), datedN},
			{"date recall", date.Recall(), datedN}, {"date F1", date.F1(), datedN},
		}
	}
	return nil
}
