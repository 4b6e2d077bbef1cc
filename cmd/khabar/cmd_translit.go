package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/khabar-news/khabar/internal/translit"
)

// translitResult is the JSON form of one transliterated word.
type translitResult struct {
	Input      string               `json:"input"`
	Candidates []translit.Candidate `json:"candidates,omitempty"`
	Romanized  string               `json:"romanized,omitempty"`
	Key        string               `json:"key"`
	Keys       []string             `json:"keys,omitempty"`
}

// runTranslit prints Devanagari candidates for Latin words, and the
// romanization and matching key for Devanagari words. With --vocab the
// candidates prefer the Devanagari words of the given files.
func runTranslit(ctx context.Context, c *cli, args []string) error {
	fs := c.newFlags("translit")
	n := fs.Int("n", 5, "number of candidates for a Latin word (1..50)")
	var vocabPaths pathList
	fs.Var(&vocabPaths, "vocab", "prefer the Devanagari words of this file, or of the .txt/.csv/.tsv/.json/.jsonl files under this directory (repeatable)")
	asJSON := fs.Bool("json", false, "print one JSON object per word, in an array")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return exitError{code: 2, msg: "translit: want at least one WORD"}
	}
	if *n < 1 || *n > 50 {
		return exitError{code: 2, msg: fmt.Sprintf("translit: --n %d out of range 1..50", *n)}
	}
	var vocab translit.Vocabulary
	if len(vocabPaths) > 0 {
		ws, err := readVocabulary(ctx, vocabPaths)
		if err != nil {
			return err
		}
		vocab = ws
	}
	m := translit.Default()
	var out []translitResult
	for _, w := range pos {
		if len(w) > translit.MaxInput {
			return exitError{code: 2, msg: fmt.Sprintf("translit: %q…: longer than %d bytes", w[:32], translit.MaxInput)}
		}
		r := translitResult{Input: w, Key: translit.Key(w)}
		if isDevanagariWord(w) {
			r.Romanized = translit.Romanize(w)
		} else {
			r.Candidates = m.CandidatesWith(w, *n, vocab)
			r.Keys = translit.Keys(w)
		}
		out = append(out, r)
	}
	if *asJSON {
		return writeJSON(c.stdout, out)
	}
	for _, r := range out {
		if r.Romanized != "" || len(r.Candidates) == 0 {
			fmt.Fprintf(c.stdout, "%s\t%s\tkey %s\n", r.Input, r.Romanized, r.Key)
			continue
		}
		fmt.Fprintf(c.stdout, "%s\tkeys %s\n", r.Input, strings.Join(r.Keys, " "))
		for i, cand := range r.Candidates {
			fmt.Fprintf(c.stdout, "  %d. %s\t%.3f\n", i+1, cand.Text, cand.Score)
		}
	}
	return nil
}

// isDevanagariWord reports whether w has any Devanagari letter.
func isDevanagariWord(w string) bool {
	for _, r := range w {
		if r >= 0x0900 && r <= 0x097F {
			return true
		}
	}
	return false
}
