package xlate_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/eval"
	"github.com/khabar-news/khabar/internal/shareddata"
	"github.com/khabar-news/khabar/internal/xlate"
)

var update = flag.Bool("update", false, "rewrite learned.tsv from the shared XQuAD-R data")

// learnedHeader heads learned.tsv.
const learnedHeader = `Learned English → Hindi word translations (khabar internal/xlate).
Made by "go test ./internal/xlate -run TestLearnedTable -update" with IBM Model 1
(both directions, xlate.DefaultLearnOptions) from the DEV half only of the
XQuAD-R parallel questions (topics.en.tsv / topics.hi.tsv; dev = questions on
even-numbered XQuAD articles, eval.Qrels.SplitOf). Derived from XQuAD-R
(Roy et al. 2020, LAReQA; XQuAD by Artetxe et al. 2020), CC BY-SA 4.0:
this file is CC BY-SA 4.0 too. See LEARNED.md.
headword<TAB>hindi:t(hindi|english)|...`

// devPairs returns the analyzed dev-half parallel XQuAD-R questions.
func devPairs(t *testing.T) []xlate.Parallel {
	t.Helper()
	dir := shareddata.Path(t, "search", "xquad-r-hi", "derived")
	read := func(name string) []eval.Topic {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		ts, err := eval.LoadTopics(f, name)
		if err != nil {
			t.Fatal(err)
		}
		return ts
	}
	en, hi := read("topics.en.tsv"), read("topics.hi.tsv")
	f, err := os.Open(filepath.Join(dir, "qrels.hi.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	q, err := eval.LoadQrels(f, "qrels.hi.txt")
	if err != nil {
		t.Fatal(err)
	}
	hiText := map[string]string{}
	for _, h := range hi {
		hiText[h.ID] = h.Text
	}
	an := analysis.New()
	var pairs []xlate.Parallel
	for _, e := range en {
		h, ok := hiText[e.ID]
		if !ok || q.Relevant(e.ID) == 0 || q.SplitOf(e.ID) != eval.Dev {
			continue
		}
		pairs = append(pairs, xlate.ParallelOf(an, e.Text, h))
	}
	if len(pairs) < 100 {
		t.Fatalf("got %d dev question pairs, want hundreds", len(pairs))
	}
	return pairs
}

// TestLearnedTable checks that the embedded learned.tsv is what the dev
// half of XQuAD-R gives today (rewrite it with -update).
func TestLearnedTable(t *testing.T) {
	pairs := devPairs(t)
	d := xlate.Learn(pairs, xlate.DefaultLearnOptions)
	var buf bytes.Buffer
	if err := d.Write(&buf, learnedHeader); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("learned.tsv", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("learned.tsv: %d pairs from %d headwords, %d dev question pairs", d.Pairs(), d.Len(), len(pairs))
		return
	}
	got, err := os.ReadFile("learned.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, buf.Bytes()) {
		t.Errorf("learned.tsv is out of date with the shared data and xlate.Learn; rerun with -update")
	}
}
