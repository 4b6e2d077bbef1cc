package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// evalSubject is one thing "khabar eval" can score.
type evalSubject struct {
	name    string
	summary string
	run     func(ctx context.Context, c *cli, args []string) error
}

// evalSubjects lists the subjects of "khabar eval"; add one line per subject.
func evalSubjects() []evalSubject {
	return []evalSubject{
		{"translit", "Latin→Devanagari transliteration top-1/top-5 on Dakshina and NEWS 2012", runEvalTranslit},
		{"search", "search nDCG@10, MRR@10, R@100 and latency on XQuAD-R (khabar; peers with -tags peers)", runEvalSearch},
		{"extract", "HTML extraction body F1, segments, dates, titles, authors on Zyte, trafilatura and htmldate sets (khabar beside go-trafilatura)", runEvalExtract},
	}
}

// runEval dispatches "khabar eval SUBJECT [flags]".
func runEval(ctx context.Context, c *cli, args []string) error {
	subjects := evalSubjects()
	names := make([]string, len(subjects))
	for i, s := range subjects {
		names[i] = s.name
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return exitError{code: 2, msg: fmt.Sprintf("eval: want a subject (%s)", strings.Join(names, ", "))}
	}
	for _, s := range subjects {
		if s.name == args[0] {
			return s.run(ctx, c, args[1:])
		}
	}
	return exitError{code: 2, msg: fmt.Sprintf("eval: unknown eval subject %q (have %s)", args[0], strings.Join(names, ", "))}
}

// sharedDataDir returns the shared evaluation data directory: flag, else
// $KHABAR_SHARED_DATA, else ../shared/data beside the repository root found
// by walking up from the working directory, else ../shared/data.
func (c *cli) sharedDataDir(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if d := c.env.SharedData; d != "" {
		return d, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("shared data: %w", err)
	}
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(d, "..", "shared", "data"), nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	p := filepath.Join(dir, "..", "shared", "data")
	if _, err := os.Stat(p); err != nil {
		return "", errors.New("shared data not found: pass --shared DIR or set KHABAR_SHARED_DATA")
	}
	return p, nil
}
