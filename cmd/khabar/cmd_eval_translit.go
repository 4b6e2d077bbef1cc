package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/khabar-news/khabar/internal/translit"
)

// translitEval is one dataset's score in "khabar eval translit".
type translitEval struct {
	Dataset string `json:"dataset"`
	Split   string `json:"split"`
	// VocabWords is the size of the --vocab vocabulary (0 without one).
	VocabWords int `json:"vocab_words"`
	translit.Score
	Seconds float64 `json:"seconds"`
}

// runEvalTranslit scores Candidates on the Dakshina Hindi lexicon and the
// NEWS 2012 English→Hindi names, with --vocab also CandidatesWith a
// vocabulary of the Devanagari words of the given files.
func runEvalTranslit(ctx context.Context, c *cli, args []string) error {
	fs := c.newFlags("eval translit")
	tables := fs.String("tables", "", "score these tables (written by internal/translit/gen) instead of the shipped ones")
	var vocabPaths pathList
	fs.Var(&vocabPaths, "vocab", "count the Devanagari words of this file, or of the .txt/.csv/.tsv/.json/.jsonl files under this directory, as a vocabulary (repeatable)")
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
	if *tables != "" {
		if m, err = readTables(*tables); err != nil {
			return err
		}
	}
	var vocab *translit.Words
	if len(vocabPaths) > 0 {
		if vocab, err = readVocabulary(ctx, vocabPaths); err != nil {
			return err
		}
	}
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
		var s translit.Score
		r := translitEval{Dataset: set, Split: *split}
		if vocab != nil {
			s = m.EvaluateWith(items, *k, vocab, nil)
			r.VocabWords = vocab.Len()
		} else {
			s = m.Evaluate(items, *k, nil)
		}
		r.Score, r.Seconds = s, time.Since(start).Seconds()
		results = append(results, r)
	}
	if *asJSON {
		return writeJSON(c.stdout, map[string]any{"subject": "translit", "results": results})
	}
	fmt.Fprintf(c.stdout, "%-10s %-5s %6s %7s %7s %6s %10s %7s %8s\n", "dataset", "split", "items", "top-1", fmt.Sprintf("top-%d", *k), "MRR", "key recall", "seconds", "vocab")
	for _, r := range results {
		fmt.Fprintf(c.stdout, "%-10s %-5s %6d %6.2f%% %6.2f%% %6.3f %9.2f%% %7.1f %8d\n", r.Dataset, r.Split, r.Items, 100*r.Acc1, 100*r.AccK, r.MRR, 100*r.KeyRecall, r.Seconds, r.VocabWords)
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

// readTables reads transliteration tables from path.
func readTables(path string) (*translit.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("tables: %w", err)
	}
	defer f.Close()
	m, err := translit.ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("tables %s: %w", path, err)
	}
	return m, nil
}

// pathList is a repeatable path flag.
type pathList []string

func (p *pathList) String() string { return strings.Join(*p, ",") }

func (p *pathList) Set(s string) error {
	if s == "" {
		return errors.New("empty path")
	}
	*p = append(*p, s)
	return nil
}

// Vocabulary reading bounds: the longest line of a vocabulary file and
// the most bytes read from all of them.
const (
	maxVocabLine  = 4 << 20
	maxVocabBytes = 1 << 30
)

// vocabExts are the file kinds a --vocab directory contributes.
var vocabExts = map[string]bool{".txt": true, ".csv": true, ".tsv": true, ".json": true, ".jsonl": true}

// readVocabulary counts the Devanagari words of every path: a file, or
// the files under a directory whose names end in one of vocabExts. It
// reads at most maxVocabBytes in all; a longer line than maxVocabLine is
// an error naming the file.
func readVocabulary(ctx context.Context, paths []string) (*translit.Words, error) {
	ws := translit.NewWords()
	var total int64
	add := func(path string) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("vocab: %w", err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), maxVocabLine)
		for sc.Scan() {
			total += int64(len(sc.Bytes())) + 1
			if total > maxVocabBytes {
				return fmt.Errorf("vocab %s: more than %d bytes in all", path, maxVocabBytes)
			}
			ws.AddText(sc.Text())
		}
		if err := sc.Err(); err != nil {
			return fmt.Errorf("vocab %s: %w", path, err)
		}
		return nil
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("vocab: %w", err)
		}
		if !st.IsDir() {
			if err := add(p); err != nil {
				return nil, err
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && vocabExts[strings.ToLower(filepath.Ext(path))] {
				return add(path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("vocab %s: %w", p, err)
		}
	}
	if ws.Len() == 0 {
		return nil, fmt.Errorf("vocab %s: no Devanagari words", strings.Join(paths, ", "))
	}
	return ws, nil
}
