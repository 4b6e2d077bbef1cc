package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/archive"
	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/pipeline"
)

// benchSeed fixes the synthetic corpus: the same --articles always gives
// the same articles, so a built store can be reused.
const benchSeed = 20200301

// maxCorpusFile bounds one corpus file read by the benchmark.
const maxCorpusFile = 64 << 20

// benchOutlets are the five outlets of the Covid corpus; each synthetic
// article is attributed to one of them.
var benchOutlets = [...]string{"Amar Ujala", "Dainik Hindustan", "Dainik Jagran", "Navbharat Times", "Prabhat Khabar"}

func runBench(ctx context.Context, c *cli, args []string) error {
	if len(args) == 0 || args[0] != "serve" {
		return exitError{code: 2, msg: "bench: want a subject: serve"}
	}
	fs := flag.NewFlagSet("khabar bench serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	o := benchOptions{}
	fs.IntVar(&o.Articles, "articles", 100_000, "number of synthetic articles in the benchmark store")
	fs.IntVar(&o.Clients, "clients", 8, "concurrent HTTP clients")
	fs.IntVar(&o.Queries, "queries", defaultQueriesPerClass, "queries drawn per class (each sent in turn, over and over)")
	fs.DurationVar(&o.Duration, "duration", 30*time.Second, "how long the clients send requests")
	fs.StringVar(&o.Data, "data", "", "benchmark data directory (default khabar-bench-N for N articles); reused when it holds the articles")
	fs.StringVar(&o.Shared, "shared", "", "shared data directory (default $KHABAR_SHARED_DATA or ../shared/data)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the load phase to this file (go tool pprof)")
	pos, err := c.parse(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return exitError{code: 2, msg: "bench serve: takes no arguments"}
	}
	switch {
	case o.Articles < 1 || o.Articles > 10_000_000:
		return exitError{code: 2, msg: fmt.Sprintf("bench serve: --articles %d: want 1 to 10000000", o.Articles)}
	case o.Queries < 1 || o.Queries > 1_000_000:
		return exitError{code: 2, msg: fmt.Sprintf("bench serve: --queries %d: want 1 to 1000000", o.Queries)}
	case o.Clients < 1 || o.Clients > 256:
		return exitError{code: 2, msg: fmt.Sprintf("bench serve: --clients %d: want 1 to 256", o.Clients)}
	case o.Duration <= 0 || o.Duration > time.Hour:
		return exitError{code: 2, msg: fmt.Sprintf("bench serve: --duration %s: want more than 0 and at most 1h", o.Duration)}
	}
	if o.Data == "" {
		o.Data = fmt.Sprintf("khabar-bench-%d", o.Articles)
	}
	shared, err := c.sharedDataDir(o.Shared)
	if err != nil {
		return err
	}
	corp, err := loadBenchCorpus(filepath.Join(shared, "corpora"))
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stderr, "khabar: bench: corpus: %d headlines, %d paragraphs\n", len(corp.headlines), len(corp.paras))
	ar, err := c.openArchive(ctx, o.Data)
	if err != nil {
		return err
	}
	defer ar.Close()
	build, err := buildBenchStore(ctx, c, ar, corp, o.Articles)
	if err != nil {
		return err
	}
	queries := benchQueries(corp, o.Articles, o.Queries)
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("bench serve: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench serve: cpu profile: %w", err)
		}
	}
	rep, err := runLoad(ctx, ar, queries, o)
	if *cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return err
	}
	rep.Build = build
	if *asJSON {
		return writeJSON(c.stdout, rep)
	}
	rep.print(c.stdout)
	return nil
}

// benchOptions are the flags of khabar bench serve.
type benchOptions struct {
	Articles int           `json:"articles"`
	Clients  int           `json:"clients"`
	Queries  int           `json:"queries_per_class"`
	Duration time.Duration `json:"-"`
	Data     string        `json:"data"`
	Shared   string        `json:"-"`
}

// benchCorpus is the real text synthetic articles are made of.
type benchCorpus struct {
	headlines []string
	paras     []string
}

// loadBenchCorpus reads headlines from l3cube-indicnews/hindi and
// paragraphs from hindi-covid-news-5-outlets and bbc-hindi-sample.
func loadBenchCorpus(dir string) (*benchCorpus, error) {
	corp := &benchCorpus{}
	seen := map[string]bool{}
	addPara := func(p string) {
		p = strings.Join(strings.Fields(p), " ")
		if isBenchParagraph(p) && !seen[p] {
			seen[p] = true
			corp.paras = append(corp.paras, p)
		}
	}
	covid := filepath.Join(dir, "hindi-covid-news-5-outlets")
	err := filepath.WalkDir(covid, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return nil
		}
		b, err := readBounded(path)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			addPara(line)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("bench corpus: %w (the benchmark needs ../shared/data/corpora)", err)
	}
	bbc := filepath.Join(dir, "bbc-hindi-sample", "hindi-cleaned-test.csv")
	if err := readCSVColumn(bbc, 1, func(text string) {
		for _, p := range strings.Split(text, "\n") {
			addPara(p)
		}
	}); err != nil {
		return nil, err
	}
	heads := map[string]bool{}
	for _, name := range []string{"Hindi_SHC_Test.csv", "Hindi_SHC_Valid.csv"} {
		if err := readCSVColumn(filepath.Join(dir, "l3cube-indicnews", "hindi", name), 0, func(text string) {
			h := strings.Join(strings.Fields(text), " ")
			if h != "" && devanagariShare(h) >= 0.5 && utf8.RuneCountInString(h) <= 300 && !heads[h] {
				heads[h] = true
				corp.headlines = append(corp.headlines, h)
			}
		}); err != nil {
			return nil, err
		}
	}
	if len(corp.headlines) < 100 || len(corp.paras) < 1000 {
		return nil, fmt.Errorf("bench corpus %s: only %d headlines and %d paragraphs; want at least 100 and 1000", dir, len(corp.headlines), len(corp.paras))
	}
	return corp, nil
}

// isBenchParagraph keeps lines that read as Hindi prose.
func isBenchParagraph(p string) bool {
	n := utf8.RuneCountInString(p)
	return n >= 60 && n <= 2000 && devanagariShare(p) >= 0.6
}

// devanagariShare is the share of letters and marks in s that are
// Devanagari.
func devanagariShare(s string) float64 {
	var dev, all int
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			all++
			if unicode.Is(unicode.Devanagari, r) {
				dev++
			}
		}
	}
	if all == 0 {
		return 0
	}
	return float64(dev) / float64(all)
}

func readBounded(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxCorpusFile+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(b) > maxCorpusFile {
		return nil, fmt.Errorf("read %s: larger than %d bytes", path, maxCorpusFile)
	}
	return b, nil
}

// readCSVColumn calls fn with column col of every record after the header.
func readCSVColumn(path string, col int, fn func(string)) error {
	b, err := readBounded(path)
	if err != nil {
		return fmt.Errorf("bench corpus: %w", err)
	}
	r := csv.NewReader(strings.NewReader(string(b)))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	for first := true; ; first = false {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("bench corpus %s: %w", path, err)
		}
		if !first && col < len(rec) {
			fn(rec[col])
		}
	}
}

// benchDoc is the recipe of one synthetic article: indexes into the corpus.
type benchDoc struct {
	head   int
	paras  []int
	outlet int
	date   time.Time
}

// benchDocs yields the recipes of articles 0..n-1 in order; the sequence
// depends only on the corpus and the seed.
func benchDocs(corp *benchCorpus, n int, yield func(i int, d benchDoc) bool) {
	rng := rand.New(rand.NewPCG(benchSeed, uint64(len(corp.paras))))
	start := time.Date(2020, 3, 1, 0, 0, 0, 0, time.FixedZone("IST", 5*3600+1800))
	span := int64(92 * 24 * time.Hour) // March, April and May
	for i := range n {
		d := benchDoc{head: rng.IntN(len(corp.headlines)), outlet: rng.IntN(len(benchOutlets))}
		d.paras = make([]int, 3+rng.IntN(6))
		for j := range d.paras {
			d.paras[j] = rng.IntN(len(corp.paras))
		}
		d.date = start.Add(time.Duration(rng.Int64N(span)).Truncate(time.Minute))
		if !yield(i, d) {
			return
		}
	}
}

// benchArticle builds article i from its recipe.
func benchArticle(corp *benchCorpus, i int, d benchDoc) *news.Article {
	a := &news.Article{
		ID:        fmt.Sprintf("bench-%07d", i),
		URL:       fmt.Sprintf("https://bench.invalid/%d", i),
		Source:    benchOutlets[d.outlet],
		Language:  "hi",
		Headline:  corp.headlines[d.head],
		Published: d.date,
	}
	for _, p := range d.paras {
		a.Body = append(a.Body, news.Block{Kind: news.Paragraph, Text: corp.paras[p]})
	}
	return a
}

// buildInfo says how the benchmark store was made.
type buildInfo struct {
	Reused   bool    `json:"reused"`
	Added    int     `json:"added"`
	Seconds  float64 `json:"seconds"`
	PerSec   float64 `json:"articles_per_second,omitempty"`
	Articles int     `json:"articles"`
}

// buildBenchStore stores the articles the archive lacks through the normal
// pipeline (batches of 512) and brings the index up to date.
func buildBenchStore(ctx context.Context, c *cli, ar *archive.Archive, corp *benchCorpus, n int) (buildInfo, error) {
	have, err := ar.Store.Count(ctx)
	if err != nil {
		return buildInfo{}, err
	}
	if have > n {
		return buildInfo{}, fmt.Errorf("bench: %s holds %d articles, more than --articles %d; use another --data", ar.Dir, have, n)
	}
	info := buildInfo{Reused: have == n, Articles: n}
	start := time.Now()
	if have < n {
		fmt.Fprintf(c.stderr, "khabar: bench: building %d articles in %s (%d there); this takes a while on a shared machine\n", n-have, ar.Dir, have)
		items := make(chan ingest.Item, 64)
		go func() {
			defer close(items)
			benchDocs(corp, n, func(i int, d benchDoc) bool {
				if i < have {
					return true
				}
				select {
				case items <- ingest.Item{Origin: fmt.Sprintf("bench:%d", i), Article: benchArticle(corp, i, d)}:
					return true
				case <-ctx.Done():
					return false
				}
			})
		}()
		var last time.Time
		p := &pipeline.Pipeline{
			Store: ar.Store, Index: ar.Index, BatchSize: 512,
			Extract: func(ctx context.Context, it ingest.Item) (*news.Article, error) {
				return archive.Extract(ctx, it, extract.Options{})
			},
			OnError: func(origin string, err error) {
				fmt.Fprintf(c.stderr, "khabar: bench: %s: %v\n", origin, err)
			},
			OnProgress: func(s pipeline.Stats) {
				if time.Since(last) < 5*time.Second {
					return
				}
				last = time.Now()
				rate := float64(s.Ingested+s.Unchanged) / max(s.Elapsed.Seconds(), 1e-9)
				fmt.Fprintf(c.stderr, "khabar: bench: %d/%d stored, %d indexed, %.0f/s, %s\n",
					have+s.Ingested+s.Unchanged, n, s.Indexed, rate, s.Elapsed.Round(time.Second))
			},
		}
		st, err := p.Run(ctx, items)
		if err != nil {
			return info, fmt.Errorf("bench build: %w", err)
		}
		info.Added = st.Ingested
		if st.Failed > 0 {
			return info, fmt.Errorf("bench build: %d articles failed", st.Failed)
		}
	}
	if _, err := ar.Index.CatchUp(ctx, ar.Store); err != nil {
		return info, fmt.Errorf("bench build: index: %w", err)
	}
	info.Seconds = time.Since(start).Seconds()
	if info.Added > 0 {
		info.PerSec = float64(info.Added) / info.Seconds
		fmt.Fprintf(c.stderr, "khabar: bench: built %d articles in %.0fs (%.0f/s)\n", info.Added, info.Seconds, info.PerSec)
	}
	return info, nil
}
