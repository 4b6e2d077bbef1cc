package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/khabar-news/khabar/internal/extracteval"
)

// runEvalExtract scores HTML extraction (khabar's FromHTML and a peer,
// in the same run) on the Zyte, trafilatura and htmldate evaluation sets.
func runEvalExtract(ctx context.Context, c *cli, args []string) error {
	fs := c.newFlags("eval extract")
	dataset := fs.String("dataset", "all", "zyte, trafilatura, htmldate or all")
	peer := fs.String("peer", "go-trafilatura", "peer extractor measured in the same run (go-trafilatura, or none)")
	shared := fs.String("shared", "", "shared data directory (default $KHABAR_SHARED_DATA or ../shared/data)")
	limit := fs.Int("limit", 0, "score only the first N pages of each dataset (0: all)")
	half := fs.String("half", "", "run only one half of each dataset: dev or held-out (default both)")
	split := fs.String("split", "", "same as --half, with test for held-out: dev or test (default both)")
	worst := fs.Int("worst", 0, "after the table, list khabar's N worst pages of each dataset with their missing and extra text")
	asJSON := fs.Bool("json", false, "print one JSON object")
	dump := fs.String("dump", "", "write every page's output, one JSON line per system and page, to FILE (for inspection)")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return exitError{code: 2, msg: "eval extract: takes no arguments"}
	}
	if *limit < 0 {
		return exitError{code: 2, msg: "eval extract: --limit must be 0 or more"}
	}
	switch *split {
	case "":
	case "dev", "test", "held-out":
		if *half != "" && *half != strings.Replace(*split, "test", "held-out", 1) {
			return exitError{code: 2, msg: "eval extract: --split and --half disagree"}
		}
		*half = strings.Replace(*split, "test", "held-out", 1)
	default:
		return exitError{code: 2, msg: fmt.Sprintf("eval extract: unknown split %q (dev or test)", *split)}
	}
	if *worst < 0 {
		return exitError{code: 2, msg: "eval extract: --worst must be 0 or more"}
	}
	if *half != "" && *half != "dev" && *half != "held-out" {
		return exitError{code: 2, msg: fmt.Sprintf("eval extract: unknown half %q (dev or held-out)", *half)}
	}
	sets := extracteval.Datasets
	if *dataset != "all" {
		sets = []string{*dataset}
	}
	systems := []extracteval.System{extracteval.Khabar()}
	if *peer != "none" && *peer != "" {
		p, ok := extracteval.SystemByName(*peer)
		if !ok || *peer == "khabar" {
			return exitError{code: 2, msg: fmt.Sprintf("eval extract: unknown peer %q (go-trafilatura or none)", *peer)}
		}
		systems = append(systems, p)
	}
	root, err := c.sharedDataDir(*shared)
	if err != nil {
		return err
	}
	dir := filepath.Join(root, "extraction")
	var dumpEnc *json.Encoder
	if *dump != "" {
		f, err := os.Create(*dump)
		if err != nil {
			return fmt.Errorf("eval extract: %w", err)
		}
		defer f.Close()
		bw := bufio.NewWriter(f)
		defer bw.Flush()
		dumpEnc = json.NewEncoder(bw)
	}
	var results []*extracteval.Result
	var worstLists [][]extracteval.PageDiag
	for _, set := range sets {
		ds, err := extracteval.Load(dir, set)
		if errors.Is(err, extracteval.ErrUnknownDataset) {
			return exitError{code: 2, msg: fmt.Sprintf("eval extract: unknown dataset %q (zyte, trafilatura, htmldate or all)", set)}
		}
		if err != nil {
			return fmt.Errorf("eval extract: %w", err)
		}
		opts := extracteval.RunOptions{Limit: *limit, Only: *half}
		if dumpEnc != nil {
			opts.Detail = func(system string, p extracteval.Page, out extracteval.Output, err error) {
				line := map[string]any{"dataset": set, "system": system, "id": p.ID, "half": p.Half(), "url": p.URL, "output": out}
				if err != nil {
					line["error"] = err.Error()
				}
				_ = dumpEnc.Encode(line) // a failed write shows as a short file; the scores stand
			}
		}
		var diags []extracteval.PageDiag
		if *worst > 0 {
			dump := opts.Detail
			opts.Detail = func(system string, p extracteval.Page, out extracteval.Output, err error) {
				if dump != nil {
					dump(system, p, out, err)
				}
				if system == "khabar" {
					diags = append(diags, extracteval.Diagnose(set, p, out))
				}
			}
		}
		if c.env.Term && !*asJSON {
			opts.Progress = func(done, total int) {
				fmt.Fprintf(c.stderr, "\r%s: %d/%d pages", set, done, total)
				if done == total {
					fmt.Fprintln(c.stderr)
				}
			}
		}
		r, err := extracteval.Run(ctx, ds, systems, opts)
		if err != nil {
			return fmt.Errorf("eval extract: %w", err)
		}
		results = append(results, r)
		worstLists = append(worstLists, extracteval.Worst(diags, *worst))
	}
	if *asJSON {
		return writeJSON(c.stdout, map[string]any{"subject": "extract", "results": results})
	}
	printExtractEval(c, results)
	if *worst > 0 {
		printWorstPages(c, sets, worstLists)
	}
	return nil
}

// printExtractEval prints one table: a row per dataset and metric, with
// khabar's full-set value, the peer's, khabar on each half, and both
// systems' pages per second.
func printExtractEval(c *cli, results []*extracteval.Result) {
	peerName := "peer"
	for _, r := range results {
		if len(r.Systems) > 1 {
			peerName = r.Systems[1].System
		}
	}
	w := c.stdout
	fmt.Fprintf(w, "%-12s %-28s %7s %14s %8s %9s %10s %10s\n", "dataset", "metric", "khabar", peerName, "dev", "held-out", "khabar p/s", "peer p/s")
	for _, r := range results {
		k := r.Systems[0]
		var p *extracteval.SystemResult
		if len(r.Systems) > 1 {
			p = &r.Systems[1]
		}
		for i, m := range k.Split("full").Metrics {
			peerVal, pps := "-", ""
			if p != nil {
				if pm, ok := p.Split("full").Metric(m.Name); ok {
					peerVal = formatMetric(pm)
				}
				if i == 0 {
					pps = fmt.Sprintf("%.1f", p.PagesPerSecond)
				}
			}
			kps := ""
			if i == 0 {
				kps = fmt.Sprintf("%.1f", k.PagesPerSecond)
			}
			dev, held := "", ""
			if dm, ok := k.Split("dev").Metric(m.Name); ok && k.Split("dev").Pages > 0 {
				dev = formatMetric(dm)
			}
			if hm, ok := k.Split("held-out").Metric(m.Name); ok && k.Split("held-out").Pages > 0 {
				held = formatMetric(hm)
			}
			name := fmt.Sprintf("%s (n=%d)", m.Name, m.N)
			fmt.Fprintf(w, "%-12s %-28s %7s %14s %8s %9s %10s %10s\n", r.Dataset, name, formatMetric(m), peerVal, dev, held, kps, pps)
		}
		for _, s := range r.Systems {
			if s.Errors > 0 {
				fmt.Fprintf(w, "  %s failed on %s: %s\n", s.System, plural(s.Errors, "page", "pages"), strings.Join(s.FirstErrors, "; "))
			}
			for _, d := range s.IndicDates {
				if d.Got != d.Want {
					fmt.Fprintf(w, "  %s: %s got date %q, want %q\n", s.System, d.ID, d.Got, d.Want)
				}
			}
		}
	}
	fmt.Fprintln(w, "dev/held-out: khabar on each half of the set (pages split by FNV-1a hash of the file name; rules are tuned on dev only)")
}

// formatMetric prints a rate with three decimals and a count as "k/n".
func formatMetric(m extracteval.Metric) string {
	if strings.HasSuffix(m.Name, "right") {
		return fmt.Sprintf("%d/%d", int(m.Value), m.N)
	}
	return fmt.Sprintf("%.3f", m.Value)
}

// printWorstPages lists each dataset's worst pages for khabar with the
// text it missed and the text it added (each run cut to 160 characters).
func printWorstPages(c *cli, sets []string, lists [][]extracteval.PageDiag) {
	cut := func(s string) string {
		if r := []rune(s); len(r) > 160 {
			return string(r[:160]) + "…"
		}
		return s
	}
	for i, list := range lists {
		if len(list) == 0 {
			continue
		}
		fmt.Fprintf(c.stdout, "\nworst %s pages for khabar:\n", sets[i])
		for _, d := range list {
			fmt.Fprintf(c.stdout, "%s [%s] loss %.3f precision %.3f recall %.3f %s\n", d.ID, d.Half, d.Loss, d.Precision, d.Recall, d.URL)
			for _, m := range d.Missing {
				fmt.Fprintf(c.stdout, "  - %s\n", cut(m))
			}
			for _, e := range d.Extra {
				fmt.Fprintf(c.stdout, "  + %s\n", cut(e))
			}
		}
	}
}
