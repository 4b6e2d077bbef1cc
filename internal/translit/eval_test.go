package translit

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestEvalShared scores the shipped tables on the held-out test splits and
// asserts floors a point or two under the measured numbers (full Dakshina
// test top-1 44.3%, top-5 75.6%, this test's every-second half 44.1% and
// 75.0%; NEWS 2012 test top-1 43.0%, top-5 65.1%), so a regression fails
// while noise does not. The goals (top-5 ≥ 90% and ≥ 85%) are not
// reached (see TestEvalSharedVocabulary for what a vocabulary adds).
func TestEvalShared(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	tests := []struct {
		name, rel      string
		read           func(*os.File) ([]EvalItem, error)
		floor1, floor5 float64
	}{
		{"dakshina test", "translit/dakshina-hi-lexicon/hi.translit.sampled.test.tsv", func(f *os.File) ([]EvalItem, error) {
			p, err := ReadDakshina(f)
			// Every second Romanization keeps the test under 20 s on two
			// busy cores; "khabar eval translit" scores them all.
			var half []EvalItem
			for i, it := range DakshinaItems(p) {
				if i%2 == 0 {
					half = append(half, it)
				}
			}
			return half, err
		}, 0.42, 0.73},
		{"news2012 test", "translit/news2012-enhi/NEWS2012-Testing-EnHi-1000.xml", func(f *os.File) ([]EvalItem, error) {
			n, err := ReadNEWS(f)
			return NEWSItems(n), err
		}, 0.41, 0.63},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := os.Open(sharedData(t, tc.rel))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			items, err := tc.read(f)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			s := Default().Evaluate(items, 5, nil)
			t.Logf("%s: %d items, top-1 %.2f%%, top-5 %.2f%%, MRR %.3f in %v", tc.name, s.Items, 100*s.Acc1, 100*s.AccK, s.MRR, time.Since(start))
			if s.Acc1 < tc.floor1 || s.AccK < tc.floor5 {
				t.Errorf("top-1 %.3f, top-5 %.3f; want at least %.2f and %.2f", s.Acc1, s.AccK, tc.floor1, tc.floor5)
			}
		})
	}
}

// TestKeyCollisions measures how much Key folds together: the share of the
// distinct Devanagari words of the Dakshina test split whose key is also
// the key of another of those words. Folding more makes cross-script
// search find more but also rank unrelated words; the ceiling keeps it in
// check: 12.6% before the final-e, final "-or(e)", u-before-cluster and
// final "nv" folds, 12.5% after (2,500 words). (Folding all of u and o
// together gave 13.2% and cost English-question search 0.008 nDCG@10.)
func TestKeyCollisions(t *testing.T) {
	pairs := dakshinaTest(t)
	words := map[string]bool{}
	for _, p := range pairs {
		words[cleanDeva(p.Deva)] = true
	}
	byKey := map[string]int{}
	for w := range words {
		byKey[Key(w)]++
	}
	shared := 0
	for w := range words {
		if byKey[Key(w)] > 1 {
			shared++
		}
	}
	share := float64(shared) / float64(len(words))
	t.Logf("%d distinct words, %d keys; %.1f%% share a key with another word", len(words), len(byKey), 100*share)
	if share > 0.15 {
		t.Errorf("%.3f of words share a key, want at most 0.15", share)
	}
}

// corporaVocabulary counts the words of the shared Hindi news corpora
// (evaluation-only data, read at run time, never stored), the vocabulary
// "khabar eval translit --vocab" is scored with.
func corporaVocabulary(tb testing.TB) *Words {
	tb.Helper()
	ws := NewWords()
	for _, d := range []string{"corpora/hindi-covid-news-5-outlets", "corpora/bbc-hindi-sample", "corpora/l3cube-indicnews/hindi"} {
		err := filepath.WalkDir(sharedData(tb, d), func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			text, err := os.ReadFile(path)
			ws.AddText(string(text))
			return err
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	return ws
}

// TestEvalSharedVocabulary scores every fourth Romanization of the
// Dakshina test split with and without the corpora's vocabulary and wants
// the vocabulary to add at least 4 points of top-1 and 1.5 of top-5
// (measured: 43.1% → 49.5% and 74.9% → 77.5%; on the full split 44.3% →
// 51.2% and 75.6% → 78.6%).
func TestEvalSharedVocabulary(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	pairs := dakshinaTest(t)
	var items []EvalItem
	for i, it := range DakshinaItems(pairs) {
		if i%4 == 0 {
			items = append(items, it)
		}
	}
	ws := corporaVocabulary(t)
	m := Default()
	without := m.Evaluate(items, 5, nil)
	with := m.EvaluateWith(items, 5, ws, nil)
	t.Logf("%d items, %d vocabulary words: top-1 %.2f%% → %.2f%%, top-5 %.2f%% → %.2f%%",
		len(items), ws.Len(), 100*without.Acc1, 100*with.Acc1, 100*without.AccK, 100*with.AccK)
	if with.Acc1-without.Acc1 < 0.04 || with.AccK-without.AccK < 0.015 {
		t.Errorf("vocabulary gain top-1 %+.3f, top-5 %+.3f; want at least +0.04 and +0.015",
			with.Acc1-without.Acc1, with.AccK-without.AccK)
	}
}

// dakshinaTest reads the Dakshina Hindi test split from the shared data
// (skipping the test when it is absent).
func dakshinaTest(t *testing.T) []Pair {
	t.Helper()
	f, err := os.Open(sharedData(t, "translit/dakshina-hi-lexicon/hi.translit.sampled.test.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pairs, err := ReadDakshina(f)
	if err != nil {
		t.Fatal(err)
	}
	return pairs
}
