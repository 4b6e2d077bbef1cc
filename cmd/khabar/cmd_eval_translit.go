package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/khabar-news/khabar/internal/translit"
)

// translitEval is one dataset's score in "khabar eval translit".
type translitEval struct {
	Dataset string `json:"dataset"`
	Split   string `json:"split"`
	translit.Score
	Seconds float64 `json:"seconds"`
}

// runEvalTranslit scores Candidates on the Dakshina Hindi lexicon and the
// NEWS 2012 English→Hindi names.
func runEvalTranslit(ctx context.Context, c *cli, args []string) error {
	fs := c.newFlags("eval translit")
	dataset := fs.String("dataset", "all", "dakshina, news2012 or all")
	split := fs.String("split", "test", "test or dev (Dakshina only; NEWS 2012 has only test)")
	shared := fs.String("shared", "", "shared data directory (default $KHABAR_SHARED_DATA or ../shared/data)")
	k := fs.Int("k", 5, "score the first K candidates")
	asJSON := fs.Bool("json", false, "print one JSON object")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return exitError{code: 2, msg: "eval translit: takes no arguments"}
	}
	if *split != "test" && *split != "dev" {
		return exitError{code: 2, msg: fmt.Sprintf("eval translit: unknown split %q (test or dev)", *split)}
	}
	if *k < 1 || *k > 50 {
		return exitError{code: 2, msg: "eval translit: --k must be 1..50"}
	}
	var sets []string
	switch *dataset {
	case "all":
		sets = []string{"dakshina", "news2012"}
		if *split == "dev" {
			sets = sets[:1]
		}
	case "dakshina", "news2012":
		sets = []string{*dataset}
	default:
		return exitError{code: 2, msg: fmt.Sprintf("eval translit: unknown dataset %q (dakshina, news2012 or all)", *dataset)}
	}
	if *dataset == "news2012" && *split == "dev" {
		return exitError{code: 2, msg: "eval translit: NEWS 2012 has no dev split"}
	}
	root, err := c.sharedDataDir(*shared)
	if err != nil {
		return err
	}
	m := translit.Default()
	var results []translitEval
	for _, set := range sets {
		if err := ctx.Err(); err != nil {
			return err
		}
		items, err := translitItems(root, set, *split)
		if err != nil {
			return err
		}
		start := time.Now()
		s := m.Evaluate(items, *k, nil)
		results = append(results, translitEval{Dataset: set, Split: *split, Score: s, Seconds: time.Since(start).Seconds()})
	}
	if *asJSON {
		return writeJSON(c.stdout, map[string]any{"subject": "translit", "results": results})
	}
	fmt.Fprintf(c.stdout, "%-10s %-5s %6s %7s %7s %6s %10s %7s\n", "dataset", "split", "items", "top-1", fmt.Sprintf("top-%d", *k), "MRR", "key recall", "seconds")
	for _, r := range results {
		fmt.Fprintf(c.stdout, "%-10s %-5s %6d %6.2f%% %6.2f%% %6.3f %9.2f%% %7.1f\n", r.Dataset, r.Split, r.Items, 100*r.Acc1, 100*r.AccK, r.MRR, 100*r.KeyRecall, r.Seconds)
	}
	return nil
}

// translitItems reads one dataset's evaluation items.
func translitItems(root, set, split string) ([]translit.EvalItem, error) {
	var path string
	switch set {
	case "dakshina":
		path = filepath.Join(root, "translit", "dakshina-hi-lexicon", "hi.translit.sampled."+split+".tsv")
	default:
		path = filepath.Join(root, "translit", "news2012-enhi", "NEWS2012-Testing-EnHi-1000.xml")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval translit: %w", err)
	}
	defer f.Close()
	if set == "dakshina" {
		pairs, err := translit.ReadDakshina(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return translit.DakshinaItems(pairs), nil
	}
	names, err := translit.ReadNEWS(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return translit.NEWSItems(names), nil
}
