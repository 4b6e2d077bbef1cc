package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/khabar-news/khabar/internal/eval"
)

// peerList is the repeatable --peer flag.
type peerList []string

func (p *peerList) String() string { return strings.Join(*p, ",") }

func (p *peerList) Set(v string) error {
	if !slices.Contains(eval.PeerNames(), v) {
		return fmt.Errorf("unknown peer %q (known: %s)", v, strings.Join(eval.PeerNames(), ", "))
	}
	if !slices.Contains(*p, v) {
		*p = append(*p, v)
	}
	return nil
}

// searchEngineScore is one engine's line of "khabar eval search".
type searchEngineScore struct {
	Engine string `json:"engine"`
	eval.Scores
	Build time.Duration `json:"build_ns"`
	// PageP50 and PageP99 are the latency percentiles of a second pass
	// asking for 10 hits (--latency), as a person's first page does.
	PageP50 time.Duration `json:"page_p50_ns,omitempty"`
	PageP99 time.Duration `json:"page_p99_ns,omitempty"`
	// IDsP50 and IDsP99 (khabar only, --latency) time the same two passes
	// stopping at the index — ids and scores, no articles or snippets —
	// which is what the peers return.
	IDsP50     time.Duration `json:"ids_p50_ns,omitempty"`
	IDsP99     time.Duration `json:"ids_p99_ns,omitempty"`
	IDsPageP50 time.Duration `json:"ids_page_p50_ns,omitempty"`
	IDsPageP99 time.Duration `json:"ids_page_p99_ns,omitempty"`
}

// searchEvalReport is the --json form of "khabar eval search".
type searchEvalReport struct {
	Subject   string              `json:"subject"`
	Corpus    string              `json:"corpus"`
	Queries   string              `json:"queries"`
	Qrels     string              `json:"qrels"`
	Split     eval.Split          `json:"split"`
	Documents int                 `json:"documents"`
	Results   []searchEngineScore `json:"results"`
}

// runEvalSearch scores khabar's search (and, in a build with the peers
// tag, Bleve "hi" and SQLite FTS5) on a retrieval collection, by default
// XQuAD-R with Hindi questions.
func runEvalSearch(ctx context.Context, c *cli, args []string) error {
	fs := c.newFlags("eval search")
	corpus := fs.String("corpus", "", "corpus JSONL (default: XQuAD-R Hindi sentences in the shared data)")
	queries := fs.String("queries", "", "topics TSV, qid<TAB>text (default: XQuAD-R questions in --lang)")
	qrels := fs.String("qrels", "", "TREC qrels (default: XQuAD-R qrels)")
	lang := fs.String("lang", "hi", "language of the default XQuAD-R questions: hi or en")
	splitName := fs.String("split", "test", "dev, test or all (questions split by XQuAD article; see internal/eval)")
	shared := fs.String("shared", "", "shared data directory (default $KHABAR_SHARED_DATA or ../shared/data)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	latency := fs.Bool("latency", false, "also time a second pass asking for 10 hits (a first page) per query")
	var peers peerList
	fs.Var(&peers, "peer", "also measure a peer: "+strings.Join(eval.PeerNames(), " or ")+" (repeatable; needs a build with -tags peers)")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return exitError{code: 2, msg: "eval search: takes no arguments"}
	}
	split, err := eval.ParseSplit(*splitName)
	if err != nil {
		return exitError{code: 2, msg: "eval search: " + err.Error()}
	}
	if *lang != "hi" && *lang != "en" {
		return exitError{code: 2, msg: fmt.Sprintf("eval search: --lang %q: want hi or en", *lang)}
	}
	if len(peers) > 0 && !eval.HasPeers {
		return exitError{code: 2, msg: fmt.Sprintf("eval search: --peer %s: %v", peers.String(), eval.ErrNoPeers)}
	}
	if *corpus == "" || *queries == "" || *qrels == "" {
		root, err := c.sharedDataDir(*shared)
		if err != nil {
			return err
		}
		d := filepath.Join(root, "search", "xquad-r-hi", "derived")
		for _, f := range []struct {
			p    *string
			name string
		}{{corpus, "corpus.hi.jsonl"}, {queries, "topics." + *lang + ".tsv"}, {qrels, "qrels.hi.txt"}} {
			if *f.p == "" {
				*f.p = filepath.Join(d, f.name)
			}
		}
	}
	docs, topics, q, err := eval.LoadFiles(*corpus, *queries, *qrels)
	if err != nil {
		return fmt.Errorf("eval search: %w", err)
	}
	selected := eval.Select(topics, q, split)
	if len(selected) == 0 {
		return fmt.Errorf("eval search: no query of split %s has a relevant document in %s", split, *qrels)
	}
	tmp, err := os.MkdirTemp("", "khabar-eval-search-")
	if err != nil {
		return fmt.Errorf("eval search: %w", err)
	}
	defer os.RemoveAll(tmp)

	rep := searchEvalReport{Subject: "search", Corpus: *corpus, Queries: *queries, Qrels: *qrels, Split: split, Documents: len(docs)}
	engines := append([]string{"khabar"}, peers...)
	for _, name := range engines {
		dir := filepath.Join(tmp, name)
		start := time.Now()
		var e eval.Engine
		if name == "khabar" {
			e, err = eval.NewKhabar(ctx, dir, docs)
		} else {
			e, err = eval.NewPeer(ctx, name, dir, docs)
		}
		if err != nil {
			return fmt.Errorf("eval search: %w", err)
		}
		build := time.Since(start)
		res := searchEngineScore{Engine: name, Build: build}
		res.Scores, _, err = eval.Run(ctx, e, selected, q)
		if err == nil && *latency {
			res.PageP50, res.PageP99, err = eval.Latency(ctx, e, selected, 10)
			if k, ok := e.(*eval.Khabar); ok && err == nil {
				res.IDsP50, res.IDsP99, err = eval.Latency(ctx, k.IDsOnly(), selected, eval.Depth)
				if err == nil {
					res.IDsPageP50, res.IDsPageP99, err = eval.Latency(ctx, k.IDsOnly(), selected, 10)
				}
			}
		}
		cerr := e.Close()
		if err != nil {
			return fmt.Errorf("eval search: %s: %w", name, err)
		}
		if cerr != nil {
			return fmt.Errorf("eval search: close %s: %w", name, cerr)
		}
		rep.Results = append(rep.Results, res)
	}
	if *asJSON {
		return writeJSON(c.stdout, rep)
	}
	w := c.stdout
	fmt.Fprintf(w, "search quality: %d documents, %d queries (split %s)\n", len(docs), len(selected), split)
	fmt.Fprintf(w, "  corpus  %s\n  queries %s\n  qrels   %s\n\n", *corpus, *queries, *qrels)
	fmt.Fprintf(w, "%-9s %8s %7s %7s %7s %9s %9s %8s %8s\n", "engine", "nDCG@10", "MRR@10", "R@100", "queries", "p50", "p99", "queries", "index")
	fmt.Fprintf(w, "%-9s %8s %7s %7s %7s %9s %9s %8s %8s\n", "", "", "", "", "", "latency", "latency", "took", "took")
	for _, r := range rep.Results {
		fmt.Fprintf(w, "%-9s %8.4f %7.4f %7.4f %7d %9s %9s %8s %8s\n", r.Engine, r.NDCG10, r.MRR10, r.R100, r.Queries,
			roundDur(r.P50), roundDur(r.P99), roundDur(r.Took), roundDur(r.Build))
	}
	fmt.Fprintf(w, "\nlatency: per query asking for %d hits; khabar's includes loading the hits from the store and cutting snippets\n", eval.Depth)
	if *latency {
		fmt.Fprintf(w, "\nfirst page (10 hits):\n%-9s %9s %9s\n", "engine", "p50", "p99")
		for _, r := range rep.Results {
			fmt.Fprintf(w, "%-9s %9s %9s\n", r.Engine, roundDur(r.PageP50), roundDur(r.PageP99))
		}
		for _, r := range rep.Results {
			if r.IDsP50 > 0 {
				fmt.Fprintf(w, "\nkhabar stopping at the index (ids and scores only, as the peers):\n%-9s %9s %9s\n", "hits", "p50", "p99")
				fmt.Fprintf(w, "%-9d %9s %9s\n", eval.Depth, roundDur(r.IDsP50), roundDur(r.IDsP99))
				fmt.Fprintf(w, "%-9d %9s %9s\n", 10, roundDur(r.IDsPageP50), roundDur(r.IDsPageP99))
			}
		}
	}
	return nil
}

// roundDur rounds d to three significant figures for a table.
func roundDur(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return d.Round(100 * time.Millisecond).String()
	case d >= time.Second:
		return d.Round(10 * time.Millisecond).String()
	case d >= 10*time.Millisecond:
		return d.Round(100 * time.Microsecond).String()
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond).String()
	}
	return d.Round(time.Microsecond).String()
}
