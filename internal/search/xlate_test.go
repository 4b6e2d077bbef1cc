package search

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/index"
	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/shareddata"
	"github.com/khabar-news/khabar/internal/translit"
	"github.com/khabar-news/khabar/internal/xlate"
)

var tuneXlate = flag.Bool("xlate.tune", false, "print dev/test nDCG@10 of English questions over XQuAD-R Hindi for a grid of translation settings")

// testDict is a small glossary for the plan tests.
func testDict(t *testing.T) *xlate.Dictionary {
	t.Helper()
	d, err := xlate.Parse(strings.NewReader("government\tसरकार|शासन\nelection\tचुनाव\nriver\tनदी:0.1\n"), "test")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestPlanTranslatesEnglishWords(t *testing.T) {
	an := analysis.New()
	cl := crossLang{Dict: testDict(t), Boost: 0.5, KeyBoost: 0.1, MinWeight: 0.2, Max: 4, DropQuestions: true}
	noKeys := func(string) []string { return nil }
	tests := []struct {
		name, query string
		want        [][]string // Terms[0] of each positive clause
		boosts      []float64
		dropped     int
	}{
		{"word with renderings", "Government", [][]string{{"government", "सरकार", "शासन"}}, []float64{0.5}, 0},
		{"stemmed plural", "elections", [][]string{{"election", "चुनाव"}}, []float64{0.5}, 0},
		{"light rendering left out", "river", [][]string{{"river"}}, []float64{0}, 0},
		{"name untouched", "Warsaw", [][]string{{"warsaw"}}, []float64{0}, 0},
		{"question words dropped", "What government", [][]string{{"government", "सरकार", "शासन"}}, []float64{0.5}, 1},
		{"acronym is not a question word", "WHO", [][]string{{"who"}}, []float64{0}, 0},
		{"hindi word untouched", "सरकार", [][]string{{"सरकार"}}, []float64{0}, 0},
		{"phrase stays exact", `"government"`, [][]string{{"government"}}, []float64{0}, 0},
		{"lang en filter: no translation", "government lang:en", [][]string{{"government"}}, []float64{0}, 0},
		{"lang hi filter translates", "government lang:hi", [][]string{{"government", "सरकार", "शासन"}}, []float64{0.5}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pq, err := Parse(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			p := newPlanLang(an, pq, noKeys, cl)
			var got [][]string
			var boosts []float64
			for _, c := range p.Positive {
				got = append(got, c.Terms[0])
				boosts = append(boosts, c.Boost)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("terms: got %q, want %q", got, tt.want)
			}
			if fmt.Sprint(boosts) != fmt.Sprint(tt.boosts) {
				t.Errorf("boosts: got %v, want %v", boosts, tt.boosts)
			}
			if p.Dropped != tt.dropped {
				t.Errorf("dropped: got %d, want %d", p.Dropped, tt.dropped)
			}
			for _, alts := range got {
				for _, a := range alts {
					if !p.Highlight[a] {
						t.Errorf("highlight lacks %q", a)
					}
				}
			}
		})
	}
}

func TestPlanTranslatedKeysKeepTheirWeight(t *testing.T) {
	an := analysis.New()
	cl := crossLang{Dict: testDict(t), Boost: 0.5, KeyBoost: 0.1, MinWeight: 0.2, Max: 4}
	pq, err := Parse("government")
	if err != nil {
		t.Fatal(err)
	}
	p := newPlanLang(an, pq, func(string) []string { return []string{"GVRNMNT"} }, cl)
	c := p.Positive[0]
	if len(c.Keys) == 0 {
		t.Fatalf("got no keys, want the Latin word's keys")
	}
	if got := c.Boost * c.KeyBoost; math.Abs(got-0.1) > 1e-9 {
		t.Errorf("absolute key weight: got %v, want 0.1", got)
	}
}

func TestDefaultPlanTranslates(t *testing.T) {
	pq, err := Parse("How many people live in the capital city?")
	if err != nil {
		t.Fatal(err)
	}
	p := newPlan(analysis.New(), pq, func(string) []string { return nil })
	var all []string
	for _, c := range p.Positive {
		all = append(all, c.Terms[0]...)
	}
	for _, want := range []string{"लोग", "राजधान", "शहर"} {
		if !slices.Contains(all, want) {
			t.Errorf("terms %q lack %q", all, want)
		}
	}
	if p.Dropped != 4 { // how, many, the (stop word), in (stop word)
		t.Errorf("dropped: got %d, want 4", p.Dropped)
	}
}

// xquad is the XQuAD-R collection loaded for the tuning harness.
type xquad struct {
	docs   map[string]string // docid → Hindi sentence
	en, hi map[string]string // qid → question
	rel    map[string]string // qid → relevant docid
	qids   []string          // in file order
}

// article returns the XQuAD article number of a docid "a{N}p…".
func article(docid string) int {
	end := 1
	for end < len(docid) && docid[end] >= '0' && docid[end] <= '9' {
		end++
	}
	n, _ := strconv.Atoi(docid[1:end])
	return n
}

func loadXQuAD(t *testing.T) *xquad {
	dir := shareddata.Path(t, "search", "xquad-r-hi", "derived")
	x := &xquad{docs: map[string]string{}, en: map[string]string{}, hi: map[string]string{}, rel: map[string]string{}}
	lines := func(name string, fn func(string)) {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if s := strings.TrimSpace(sc.Text()); s != "" {
				fn(s)
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	lines("corpus.hi.jsonl", func(s string) {
		var r struct{ DocID, Text string }
		if err := json.Unmarshal([]byte(s), &r); err != nil {
			t.Fatal(err)
		}
		x.docs[r.DocID] = r.Text
	})
	topics := func(m map[string]string) func(string) {
		return func(s string) {
			id, text, _ := strings.Cut(s, "\t")
			m[id] = text
		}
	}
	lines("topics.en.tsv", topics(x.en))
	lines("topics.hi.tsv", topics(x.hi))
	lines("qrels.hi.txt", func(s string) {
		f := strings.Fields(s)
		if len(f) == 4 && f[3] != "0" {
			if _, ok := x.rel[f[0]]; !ok {
				x.qids = append(x.qids, f[0])
			}
			x.rel[f[0]] = f[2]
		}
	})
	return x
}

// TestTuneCrossLanguage is the harness the translation weights were tuned
// with (run with -xlate.tune; needs the shared data). Dev questions are
// scored with learned tables cross-fitted on the dev half (learned from
// the questions of articles ≡ 0 mod 4 for those ≡ 2 mod 4, and the
// reverse), so the learned table is never scored on the questions it
// was learned from; test questions use the shipped table.
func TestTuneCrossLanguage(t *testing.T) {
	if !*tuneXlate {
		t.Skip("tuning harness: run with -xlate.tune")
	}
	x := loadXQuAD(t)
	ctx := context.Background()
	an := analysis.New()
	ix, err := index.Open(ctx, t.TempDir(), an)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var changes []news.Change
	for id, text := range x.docs {
		changes = append(changes, news.Change{Seq: int64(len(changes) + 1), ID: id,
			Article: &news.Article{ID: id, Body: []news.Block{{Kind: news.Paragraph, Text: text}}}})
	}
	if err := ix.Apply(ctx, changes); err != nil {
		t.Fatal(err)
	}
	keys := map[string][]string{}
	latinKeys := func(w string) []string {
		k, ok := keys[w]
		if !ok {
			k = translit.Keys(w)
			keys[w] = k
		}
		return k
	}
	pairsOf := func(keep func(art int) bool) []xlate.Parallel {
		var out []xlate.Parallel
		for _, q := range x.qids {
			if a := article(x.rel[q]); a%2 == 0 && keep(a) {
				out = append(out, xlate.ParallelOf(an, x.en[q], x.hi[q]))
			}
		}
		return out
	}
	gloss, err := xlate.Glossary()
	if err != nil {
		t.Fatal(err)
	}
	score := func(qs map[string]string, cl crossLang, q string) float64 {
		pq, err := Parse(q)
		if err != nil {
			return 0
		}
		p := newPlanLang(an, pq, latinKeys, cl)
		if len(p.Positive) == 0 {
			return 0
		}
		iq := p.Query
		iq.Must, iq.Should, iq.Limit = nil, p.Positive, 10
		r, err := ix.Search(ctx, iq)
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range r.Hits {
			if h.ID == qs[q] {
				return 1 / math.Log2(float64(i)+2)
			}
		}
		return 0
	}
	type setting struct {
		name  string
		cl    crossLang
		learn *xlate.LearnOptions // nil: glossary only
		fill  bool                // learned entries only for words the glossary lacks
	}
	run := func(s setting) (dev, test float64) {
		combine := func(l *xlate.Dictionary) *xlate.Dictionary {
			if s.fill {
				return xlate.Fill(gloss, l)
			}
			return xlate.Merge(gloss, l)
		}
		dicts := map[int]*xlate.Dictionary{}
		var full *xlate.Dictionary
		if s.learn != nil {
			dicts[0] = combine(xlate.Learn(pairsOf(func(a int) bool { return a%4 == 2 }), *s.learn))
			dicts[2] = combine(xlate.Learn(pairsOf(func(a int) bool { return a%4 == 0 }), *s.learn))
			full = combine(xlate.Learn(pairsOf(func(int) bool { return true }), *s.learn))
		}
		var nd, nt int
		for _, q := range x.qids {
			a := article(x.rel[q])
			cl := s.cl
			switch {
			case cl.Dict == nil:
			case s.learn != nil && a%2 == 0:
				cl.Dict = dicts[a%4]
			case s.learn != nil:
				cl.Dict = full
			}
			sc := score(map[string]string{x.en[q]: x.rel[q]}, cl, x.en[q])
			if a%2 == 0 {
				dev += sc
				nd++
			} else {
				test += sc
				nt++
			}
		}
		return dev / float64(nd), test / float64(nt)
	}
	base := defaultCrossLang()
	base.Dict = gloss
	with := func(f func(*crossLang)) crossLang { c := base; f(&c); return c }
	lo := xlate.DefaultLearnOptions
	settings := []setting{
		{name: "no translation", cl: crossLang{}},
		{name: "glossary, no question drop", cl: with(func(c *crossLang) { c.DropQuestions = false })},
		{name: "glossary", cl: base},
		{name: "glossary+learned merged", cl: base, learn: &lo},
		{name: "glossary+learned fill (default)", cl: base, learn: &lo, fill: true},
	}
	for _, b := range []float64{0.1, 0.15, 0.2, 0.3, 0.4, 0.7, 1} {
		for _, k := range []float64{0.02, 0.05, 0.1} {
			cl := with(func(c *crossLang) { c.Boost, c.KeyBoost = b, k })
			settings = append(settings, setting{name: fmt.Sprintf("boost %v keys %v", b, k), cl: cl, learn: &lo, fill: true})
		}
	}
	for _, m := range []int{2, 6} {
		settings = append(settings, setting{name: fmt.Sprintf("max %d", m), cl: with(func(c *crossLang) { c.Max = m }), learn: &lo, fill: true})
	}
	for _, o := range []xlate.LearnOptions{
		{MinCount: 2, MinProb: 0.6, MinReverse: 0.2, MaxPer: 3},
		{MinCount: 1, MinProb: 0.4, MinReverse: 0.2, MaxPer: 3},
		{MinCount: 2, MinProb: 0.4, MinReverse: 0, MaxPer: 3},
	} {
		cl := base
		cl.MinWeight = o.MinProb
		settings = append(settings, setting{name: fmt.Sprintf("learn %+v", o), cl: cl, learn: &o, fill: true})
	}
	for _, s := range settings {
		dev, test := run(s)
		t.Logf("%-70s dev %.4f test %.4f", s.name, dev, test)
	}
}
