package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/khabar-news/khabar/internal/shareddata"
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

// sharedDataDir returns the shared evaluation data directory: the --shared
// flag, else $KHABAR_SHARED_DATA, else ../shared/data beside the repository
// root found by walking up from the working directory.
func (c *cli) sharedDataDir(flagValue string) (string, error) {
	if flagValue != "" {
		return shareddata.Find(flagValue, ".")
	}
	d, err := shareddata.Find(c.env.SharedData, ".")
	if err != nil {
		return "", fmt.Errorf("%w (or pass --shared DIR)", err)
	}
	return d, nil
}
