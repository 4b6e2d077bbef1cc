package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/news"
)

// TestDenseMatchesWalk runs queries of every shape through the dense path
// (bitsets, popcounts, impact bounds, top lists) and through the walk over
// postings, on an index with several segments, updates and deletions: the
// hits, scores, totals and facets must be identical.
func TestDenseMatchesWalk(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(11, 12))
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	seq := int64(0)
	var batch []news.Change
	for i := range 1500 {
		seq++
		id := fmt.Sprintf("d%04d", i)
		a := genArticle(rng, id)
		if i%5 == 0 {
			a.Language = "mr"
		}
		if i%2 == 0 && i < 1300 { // more sources than large segments keep bitsets for
			a.Source = fmt.Sprintf("extra%d", i%(2*maxOrdinalSets+20))
		}
		if i%9 == 0 {
			a.Published = time.Time{}
		}
		if i%300 == 0 || i > 1400 && i%3 == 0 { // a word some segments pair and others do not
			a.Headline += " झील तालाब सरकार"
		}
		batch = append(batch, news.Change{Seq: seq, ID: id, Article: a})
		if i%13 == 4 { // delete an earlier one
			seq++
			batch = append(batch, news.Change{Seq: seq, ID: fmt.Sprintf("d%04d", rng.IntN(i+1))})
		}
		if len(batch) >= 170 {
			if err := ix.Apply(ctx, batch); err != nil {
				t.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	if err := ix.Apply(ctx, batch); err != nil {
		t.Fatal(err)
	}
	snap, _ := ix.acquire()
	var keys []string
	seg := snap.segs[0].seg
	for i := range seg.nTerms {
		if k := string(seg.term(i)); strings.HasPrefix(k, keyPrefix) && len(keys) < 3 {
			keys = append(keys, strings.TrimPrefix(k, keyPrefix))
		}
	}
	nseg, ndel, lake, manySrc := len(snap.segs), 0, 0, 0
	for _, v := range snap.segs {
		ndel += v.ndel
		if len(v.seg.srcNames) > maxOrdinalSets {
			manySrc++
		}
		if v.seg.paired[terms(t, "झील")[0]] {
			lake++
		}
	}
	snap.release()
	if nseg < 2 || ndel == 0 || len(keys) == 0 || lake == 0 || lake == nseg || manySrc == 0 || manySrc == nseg {
		t.Fatalf("setup: %d segments, %d deletions, keys %v, झील paired in %d segments, %d with over %d sources; want several segments, deletions, keys, and some segments only with झील paired and with many sources",
			nseg, ndel, keys, lake, manySrc, maxOrdinalSets)
	}

	w := func(s string) string { return terms(t, s)[0] }
	from, to := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 8, 1, 0, 0, 0, 0, time.UTC)
	queries := map[string]Query{
		"term":                          {Must: []Clause{Term(w("सरकार"))}},
		"alternatives":                  {Must: []Clause{{Terms: [][]string{{w("सरकार"), w("नदी")}}}}},
		"term with keys":                {Must: []Clause{{Terms: [][]string{{w("पुलिस")}}, Keys: keys}}},
		"and":                           {Must: []Clause{Term(w("किसान")), Term(w("फसल"))}},
		"and three":                     {Must: []Clause{Term(w("किसान")), Term(w("फसल")), Term(w("गांव"))}},
		"or":                            {Should: []Clause{Term(w("नदी")), Term(w("बिजली"))}},
		"must and should":               {Must: []Clause{Term(w("पानी"))}, Should: []Clause{Term(w("नदी")), Term(w("बिजली"))}},
		"phrase":                        {Must: []Clause{Phrase(w("पुलिस"), w("अस्पताल"))}},
		"phrase and term":               {Must: []Clause{Phrase(w("पुलिस"), w("अस्पताल")), Term(w("सड़क"))}},
		"three-word phrase":             {Must: []Clause{Phrase(w("पुलिस"), w("अस्पताल"), w("किसान"))}},
		"rare-word phrase":              {Must: []Clause{Phrase(w("तालाब"), w("सरकार"))}},
		"two rare words":                {Must: []Clause{Phrase(w("झील"), w("तालाब"))}},
		"rare, rare, common":            {Must: []Clause{Phrase(w("झील"), w("तालाब"), w("सरकार"))}},
		"phrase alternatives":           {Must: []Clause{{Terms: [][]string{{w("नदी"), w("सड़क")}, {w("पानी")}}}}},
		"paired and unpaired spellings": {Must: []Clause{{Terms: [][]string{{w("झील"), w("नदी")}, {w("तालाब"), w("पानी")}}}}},
		"many-source filter":            {Must: []Clause{Term(w("मंत्री"))}, Sources: []string{"src1", "extra7", "EXTRA9"}},
		"should phrase":                 {Should: []Clause{Phrase(w("नदी"), w("पानी")), Term(w("रेलवे"))}},
		"not":                           {Must: []Clause{Term(w("शहर"))}, MustNot: []Clause{Term(w("गांव"))}},
		"not phrase":                    {Must: []Clause{Term(w("शहर"))}, MustNot: []Clause{Phrase(w("गांव"), w("शहर"))}},
		"source filter":                 {Must: []Clause{Term(w("मंत्री"))}, Sources: []string{"SRC1", "src2"}},
		"language filter":               {Must: []Clause{Term(w("मंत्री"))}, Langs: []string{"hi"}},
		"date range":                    {Must: []Clause{Term(w("अदालत"))}, From: from, To: to},
		"newest":                        {Must: []Clause{Term(w("बारिश"))}, Sort: SortNewest},
		"newest or":                     {Should: []Clause{Term(w("बारिश")), Term(w("स्कूल"))}, Sort: SortNewest},
		"offset":                        {Must: []Clause{Term(w("डॉक्टर"))}, Offset: 25},
		"boosted phrase":                {Must: []Clause{{Terms: [][]string{{w("मरीज़")}, {w("डॉक्टर")}}, Boost: 2}}},
		"absent term":                   {Must: []Clause{Term(w("सरकार")), Term("नहींहै")}},
		"absent should":                 {Should: []Clause{Term("नहींहै"), Term(w("चुनाव"))}},
		"everything at once": {Must: []Clause{Term(w("बाज़ार"))}, Should: []Clause{Term(w("रेलवे"))},
			MustNot: []Clause{Term(w("किसान"))}, Sources: []string{"src0"}, Langs: []string{"hi"}, From: from},
	}
	for name, q := range queries {
		t.Run(name, func(t *testing.T) {
			q.FacetSize = 10
			if q.Limit == 0 {
				q.Limit = 20
			}
			ix.dense, ix.denseMinDocs, ix.denseMinCost = nil, 0, 0
			walk := search(t, ix, q)
			var got []Result
			// Top lists that hold every match, and top lists so short
			// that the other matches need a look.
			for _, top := range []int{denseTop, 3} {
				ix.dense, ix.denseMinDocs, ix.denseMinCost, ix.denseTop = newDenseCache(denseCacheBytes), 1, 0, top
				got = append(got, search(t, ix, q), search(t, ix, q)) // the second from the cache
			}
			if name != "absent term" && walk.Total == 0 {
				t.Fatalf("walk found nothing: the query tests nothing")
			}
			for _, got := range got {
				if got.Total != walk.Total {
					t.Errorf("total: got %d, want %d", got.Total, walk.Total)
				}
				if !slices.Equal(hitsOf(got), hitsOf(walk)) {
					t.Errorf("hits:\ngot  %v\nwant %v", hitsOf(got), hitsOf(walk))
				}
				if fmt.Sprint(got.Facets) != fmt.Sprint(walk.Facets) {
					t.Errorf("facets: got %v, want %v", got.Facets, walk.Facets)
				}
			}
		})
	}
}

func hitsOf(r Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, fmt.Sprintf("%s:%.9g", h.ID, h.Score))
	}
	return out
}

// TestDenseCacheBound fills the cache past its bound: the least recently
// used bitsets go first and the bytes held never exceed the bound.
func TestDenseCacheBound(t *testing.T) {
	c := newDenseCache(3 * (10*8 + 64)) // three sets of ten words
	seg := &segment{}
	for i := range 5 {
		c.put(denseKey{seg, fmt.Sprint(i)}, &denseSet{bits: make([]uint64, 10)})
		if i == 2 {
			c.get(denseKey{seg, "0"}) // 0 is now the most recent
		}
		if c.used > c.max {
			t.Fatalf("after %d puts: %d bytes held, bound %d", i+1, c.used, c.max)
		}
	}
	for k, want := range map[string]bool{"0": true, "1": false, "2": false, "3": true, "4": true} {
		if got := c.get(denseKey{seg, k}) != nil; got != want {
			t.Errorf("entry %s cached: got %v, want %v", k, got, want)
		}
	}
	c.put(denseKey{seg, "huge"}, &denseSet{bits: make([]uint64, 1000)})
	if c.get(denseKey{seg, "huge"}) != nil || c.used > c.max {
		t.Errorf("a bitset larger than the bound was kept (%d bytes held)", c.used)
	}
}

// TestSetCacheSize shrinks an index's cache below what it holds: the
// least recently used sets go, and searches still find the same.
func TestSetCacheSize(t *testing.T) {
	c := newDenseCache(10 * 144)
	seg := &segment{}
	for i := range 6 {
		c.put(denseKey{seg, fmt.Sprint(i)}, &denseSet{bits: make([]uint64, 10)})
	}
	c.resize(2 * 144)
	if c.used > 2*144 || c.get(denseKey{seg, "5"}) == nil || c.get(denseKey{seg, "3"}) != nil {
		t.Errorf("after resize to two sets: %d bytes held, newest kept %v, older dropped %v",
			c.used, c.get(denseKey{seg, "5"}) != nil, c.get(denseKey{seg, "3"}) == nil)
	}
	c.resize(0)
	c.put(denseKey{seg, "x"}, &denseSet{bits: make([]uint64, 1)})
	if c.used != 0 || len(c.m) != 0 {
		t.Errorf("a cache of size 0 holds %d bytes in %d sets", c.used, len(c.m))
	}
}

// TestNextSet checks the bitset walk at word edges.
func TestNextSet(t *testing.T) {
	b := make([]uint64, 3)
	for _, d := range []uint32{0, 63, 64, 130} {
		b[d>>6] |= 1 << (d & 63)
	}
	var got []uint32
	for d := nextSet(b, 0); d != endDoc; d = nextSet(b, d+1) {
		got = append(got, d)
	}
	if want := []uint32{0, 63, 64, 130}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if d := nextSet(b, 131); d != endDoc {
		t.Errorf("past the last bit: got %d, want the end", d)
	}
	if d := nextSet(b, 1<<20); d != endDoc {
		t.Errorf("past the bitset: got %d, want the end", d)
	}
}
