package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/archive"
	"github.com/khabar-news/khabar/internal/web"
)

// The query classes of khabar bench serve, in report order.
var benchClasses = []string{"rare", "common", "and", "or", "phrase"}

// defaultQueriesPerClass is how many queries each class draws unless
// --queries says otherwise.
const defaultQueriesPerClass = 200

// maxSamples bounds the latencies kept per class.
const maxSamples = 5_000_000

// benchQuery is one request of the load: its class and its query string
// (the URL parameters after ?).
type benchQuery struct {
	class  string
	params string
}

// benchQueries draws the query mix from the corpus vocabulary, by document
// frequency over the n synthetic articles: rare words (df 2–10), common
// words (the top 1% by df), two words of one paragraph (AND), two words of
// different paragraphs in any-word mode (OR), and two adjacent words as a
// phrase.
func benchQueries(corp *benchCorpus, n, queriesPerClass int) map[string][]benchQuery {
	an := analysis.New()
	ids := map[string]int32{}
	var surface []string
	type unit struct {
		terms []int32     // distinct terms
		pairs [][2]string // adjacent Devanagari words, for phrases
		words []string    // surface words with a usable term
	}
	analyze := func(text string) unit {
		var u unit
		toks := an.Analyze(text, "hi")
		seen := map[int32]bool{}
		for k, t := range toks {
			w := text[t.Start:t.End]
			if devanagariShare(w) < 1 || len([]rune(w)) < 2 {
				continue
			}
			id, ok := ids[t.Term]
			if !ok {
				id = int32(len(surface))
				ids[t.Term] = id
				surface = append(surface, w)
			}
			if !seen[id] {
				seen[id] = true
				u.terms = append(u.terms, id)
				u.words = append(u.words, surface[id])
			}
			if k > 0 && toks[k-1].Pos == t.Pos-1 && strings.TrimSpace(text[toks[k-1].End:t.Start]) == "" {
				prev := text[toks[k-1].Start:toks[k-1].End]
				if devanagariShare(prev) == 1 && len([]rune(prev)) >= 2 {
					u.pairs = append(u.pairs, [2]string{prev, w})
				}
			}
		}
		return u
	}
	paras := make([]unit, len(corp.paras))
	for i, p := range corp.paras {
		paras[i] = analyze(p)
	}
	heads := make([]unit, len(corp.headlines))
	for i, h := range corp.headlines {
		heads[i] = analyze(h)
	}
	df := make([]int32, len(surface))
	stamp := make([]int32, len(surface))
	count := func(doc int32, u *unit) {
		for _, t := range u.terms {
			if stamp[t] != doc {
				stamp[t] = doc
				df[t]++
			}
		}
	}
	benchDocs(corp, n, func(i int, d benchDoc) bool {
		count(int32(i+1), &heads[d.head])
		for _, p := range d.paras {
			count(int32(i+1), &paras[p])
		}
		return true
	})

	var rare, all []int32
	for t := range surface {
		if df[t] >= 2 && df[t] <= 10 {
			rare = append(rare, int32(t))
		}
		if df[t] > 0 {
			all = append(all, int32(t))
		}
	}
	sort.Slice(all, func(i, j int) bool { return df[all[i]] > df[all[j]] || df[all[i]] == df[all[j]] && all[i] < all[j] })
	common := all[:max(1, len(all)/100)]
	if len(rare) == 0 { // a tiny store: the rarest words there are
		rare = all[len(all)-min(len(all), queriesPerClass):]
	}

	rng := rand.New(rand.NewPCG(benchSeed, 7))
	out := map[string][]benchQuery{}
	add := func(class, q string, extra url.Values) {
		v := url.Values{"q": {q}}
		for k, vs := range extra {
			v[k] = vs
		}
		out[class] = append(out[class], benchQuery{class, v.Encode()})
	}
	for range queriesPerClass {
		add("rare", surface[rare[rng.IntN(len(rare))]], nil)
		add("common", surface[common[rng.IntN(len(common))]], nil)
	}
	for tries := 0; len(out["and"]) < queriesPerClass && tries < 100*queriesPerClass; tries++ {
		u := paras[rng.IntN(len(paras))]
		if len(u.words) < 2 {
			continue
		}
		a, b := rng.IntN(len(u.words)), rng.IntN(len(u.words))
		if a != b {
			add("and", u.words[a]+" "+u.words[b], nil)
		}
	}
	for tries := 0; len(out["or"]) < queriesPerClass && tries < 100*queriesPerClass; tries++ {
		u, w := paras[rng.IntN(len(paras))], paras[rng.IntN(len(paras))]
		if len(u.words) == 0 || len(w.words) == 0 {
			continue
		}
		add("or", u.words[rng.IntN(len(u.words))]+" "+w.words[rng.IntN(len(w.words))], url.Values{"mode": {"any"}})
	}
	for tries := 0; len(out["phrase"]) < queriesPerClass && tries < 100*queriesPerClass; tries++ {
		u := paras[rng.IntN(len(paras))]
		if len(u.pairs) == 0 {
			continue
		}
		p := u.pairs[rng.IntN(len(u.pairs))]
		add("phrase", `"`+p[0]+" "+p[1]+`"`, nil)
	}
	return out
}

// classStats are the measured numbers of one query class (or of all).
type classStats struct {
	Class     string  `json:"class"`
	Requests  int     `json:"requests"`
	Errors    int     `json:"errors"`
	ReqPerSec float64 `json:"req_per_sec"`
	P50ms     float64 `json:"p50_ms"`
	P90ms     float64 `json:"p90_ms"`
	P99ms     float64 `json:"p99_ms"`
	Maxms     float64 `json:"max_ms"`
	MeanHits  float64 `json:"mean_total_hits"`
	Example   string  `json:"example_query,omitempty"`
}

// benchReport is the result of khabar bench serve.
type benchReport struct {
	Articles    int          `json:"articles"`
	Clients     int          `json:"clients"`
	Seconds     float64      `json:"seconds"`
	WarmupSecs  float64      `json:"warmup_seconds"`
	Build       buildInfo    `json:"build"`
	Classes     []classStats `json:"classes"`
	Overall     classStats   `json:"overall"`
	FirstError  string       `json:"first_error,omitempty"`
	GOMAXPROCS  int          `json:"gomaxprocs"`
	IndexedDocs int          `json:"indexed_documents"`
}

// runLoad serves the archive on a loopback port and runs the clients
// against GET /api/v1/search until the duration is over.
func runLoad(ctx context.Context, ar *archive.Archive, queries map[string][]benchQuery, o benchOptions) (*benchReport, error) {
	h, err := web.New(web.Config{DataDir: ar.Dir, Logger: slog.New(slog.DiscardHandler)}, ar.Store, ar.Searcher, ar.Index)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("bench: listen: %w", err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_ = srv.Shutdown(sctx)
		cancel()
		<-errc
	}()
	base := "http://" + ln.Addr().String() + "/api/v1/search?limit=10&"
	client := &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: o.Clients, MaxConnsPerHost: o.Clients, DisableCompression: true},
	}
	defer client.CloseIdleConnections()

	warm := min(3*time.Second, o.Duration/5)
	if _, err := load(ctx, client, base, queries, o.Clients, warm); err != nil {
		return nil, err
	}
	res, err := load(ctx, client, base, queries, o.Clients, o.Duration)
	if err != nil {
		return nil, err
	}
	rep := &benchReport{Articles: o.Articles, Clients: o.Clients, Seconds: res.elapsed.Seconds(), WarmupSecs: warm.Seconds(),
		FirstError: res.firstErr, GOMAXPROCS: runtimeProcs()}
	rep.IndexedDocs, _ = ar.Index.DocCount()
	var allLat []time.Duration
	var allHits, allOK int
	for _, cl := range benchClasses {
		r := res.classes[cl]
		cs := summarize(cl, r.lat, r.errors, res.elapsed)
		if len(r.lat) > 0 {
			cs.MeanHits = float64(r.hits) / float64(len(r.lat))
		}
		if qs := queries[cl]; len(qs) > 0 {
			v, _ := url.ParseQuery(qs[0].params)
			cs.Example = v.Get("q")
			if v.Get("mode") != "" {
				cs.Example += " (mode=" + v.Get("mode") + ")"
			}
		}
		rep.Classes = append(rep.Classes, cs)
		allLat = append(allLat, r.lat...)
		allHits += r.hits
		allOK += len(r.lat)
		rep.Overall.Errors += r.errors
	}
	rep.Overall = summarize("all", allLat, rep.Overall.Errors, res.elapsed)
	if allOK > 0 {
		rep.Overall.MeanHits = float64(allHits) / float64(allOK)
	}
	return rep, nil
}

// classResult collects one class's measurements.
type classResult struct {
	lat    []time.Duration // successful requests only
	errors int
	hits   int
}

type loadResult struct {
	classes  map[string]*classResult
	elapsed  time.Duration
	firstErr string
}

// load runs clients goroutines for d. Each sends one request at a time,
// cycling through the classes so every class gets the same share, and
// stops sending at the deadline; requests still in flight then finish
// (bounded by the client's timeout).
func load(ctx context.Context, client *http.Client, base string, queries map[string][]benchQuery, clients int, d time.Duration) (*loadResult, error) {
	for _, cl := range benchClasses {
		if len(queries[cl]) == 0 {
			return nil, fmt.Errorf("bench: no %s queries could be drawn from the corpus", cl)
		}
	}
	out := &loadResult{classes: map[string]*classResult{}}
	for _, cl := range benchClasses {
		out.classes[cl] = &classResult{}
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(d)
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(benchSeed, uint64(c)))
			local := map[string]*classResult{}
			for _, cl := range benchClasses {
				local[cl] = &classResult{}
			}
			var firstErr string
			for k := c; ctx.Err() == nil && time.Now().Before(deadline); k++ {
				cl := benchClasses[k%len(benchClasses)]
				q := queries[cl][rng.IntN(len(queries[cl]))]
				t0 := time.Now()
				hits, err := get(ctx, client, base+q.params)
				lat := time.Since(t0)
				r := local[cl]
				if err != nil {
					r.errors++
					if firstErr == "" {
						firstErr = fmt.Sprintf("%s query %s: %v", cl, q.params, err)
					}
					continue
				}
				if len(r.lat) < maxSamples {
					r.lat = append(r.lat, lat)
				}
				r.hits += hits
			}
			mu.Lock()
			defer mu.Unlock()
			for cl, r := range local {
				g := out.classes[cl]
				g.lat = append(g.lat, r.lat...)
				g.errors += r.errors
				g.hits += r.hits
			}
			if out.firstErr == "" {
				out.firstErr = firstErr
			}
		}()
	}
	wg.Wait()
	out.elapsed = time.Since(start)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// get sends one search and returns its total; a status other than 200 or
// a body that is not the search JSON is an error.
func get(ctx context.Context, client *http.Client, u string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("status %d: %.200s", resp.StatusCode, body)
	}
	var r struct {
		Total *int `json:"total"`
	}
	if err := json.Unmarshal(body, &r); err != nil || r.Total == nil {
		return 0, errors.New("response is not search JSON")
	}
	return *r.Total, nil
}

// summarize computes the percentiles of lat (nearest rank).
func summarize(class string, lat []time.Duration, errs int, elapsed time.Duration) classStats {
	cs := classStats{Class: class, Requests: len(lat) + errs, Errors: errs}
	if s := elapsed.Seconds(); s > 0 {
		cs.ReqPerSec = float64(cs.Requests) / s
	}
	if len(lat) == 0 {
		return cs
	}
	slices.Sort(lat)
	pct := func(p float64) float64 {
		i := int(float64(len(lat))*p+0.999999) - 1
		return ms(lat[min(max(i, 0), len(lat)-1)])
	}
	cs.P50ms, cs.P90ms, cs.P99ms, cs.Maxms = pct(0.50), pct(0.90), pct(0.99), ms(lat[len(lat)-1])
	return cs
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// print writes the report as a table.
func (r *benchReport) print(w io.Writer) {
	b := r.Build
	how := fmt.Sprintf("built %d in %.0fs (%.0f articles/s)", b.Added, b.Seconds, b.PerSec)
	if b.Reused || b.Added == 0 {
		how = "reused"
	}
	fmt.Fprintf(w, "khabar bench serve: %d articles (%s), %d indexed; %d clients for %.1fs after %.1fs warm-up; GOMAXPROCS %d\n\n",
		r.Articles, how, r.IndexedDocs, r.Clients, r.Seconds, r.WarmupSecs, r.GOMAXPROCS)
	fmt.Fprintf(w, "%-7s %9s %6s %8s %8s %8s %8s %8s %10s  %s\n", "class", "requests", "errors", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "mean hits", "example")
	row := func(c classStats) {
		fmt.Fprintf(w, "%-7s %9d %6d %8.1f %8.1f %8.1f %8.1f %8.1f %10.0f  %s\n",
			c.Class, c.Requests, c.Errors, c.ReqPerSec, c.P50ms, c.P90ms, c.P99ms, c.Maxms, c.MeanHits, c.Example)
	}
	for _, c := range r.Classes {
		row(c)
	}
	row(r.Overall)
	if r.FirstError != "" {
		fmt.Fprintf(w, "\nfirst error: %s\n", r.FirstError)
	}
}

func runtimeProcs() int { return runtime.GOMAXPROCS(0) }
