package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/news"
)

// TestPostingsRoundTrip encodes random postings and reads them back with
// next and with advance to random targets (which uses the skip table),
// against the postings themselves.
func TestPostingsRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 127, 128, 129, 1000, 5000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			type post struct {
				doc uint32
				tf  [numFields]uint32
				pos []uint32
			}
			var want []post
			var enc postingEncoder
			doc := uint32(0)
			for i := range n {
				doc += uint32(1 + rng.IntN(20))
				if i == 0 {
					doc = uint32(rng.IntN(3))
				}
				p := post{doc: doc}
				for f := range numFields {
					if rng.IntN(3) == 0 {
						p.tf[f] = uint32(1 + rng.IntN(4))
					}
				}
				if p.tf == ([numFields]uint32{}) {
					p.tf[fieldBody] = 1
				}
				for f := range fieldXKey {
					at := uint32(0)
					for range p.tf[f] {
						at += uint32(1 + rng.IntN(50))
						p.pos = append(p.pos, uint32(f)<<posShift|at)
					}
				}
				want = append(want, p)
				enc.add(p.doc, &p.tf, &p.tf, encodePositions(nil, p.pos))
				if i == n-1 {
					enc.finish()
				}
			}
			data := append(append([]byte(nil), enc.blocks...), enc.recs...)
			ti := termInfo{df: uint32(n), blocks: uint32(len(enc.blocks) / blockEntrySize)}
			it := newPostingIter(data, enc.pos, ti)
			for i := 0; it.next(); i++ {
				w := want[i]
				if it.doc != w.doc || it.tf != w.tf {
					t.Fatalf("posting %d: got doc %d tf %v, want doc %d tf %v", i, it.doc, it.tf, w.doc, w.tf)
				}
				if got := it.positions(nil); !slices.Equal(got, w.pos) && !(len(got) == 0 && len(w.pos) == 0) {
					t.Fatalf("posting %d: got positions %v, want %v", i, got, w.pos)
				}
			}
			if it.err != nil || it.count != n {
				t.Fatalf("read %d postings, err %v; want %d", it.count, it.err, n)
			}
			for range 200 {
				it := newPostingIter(data, enc.pos, ti)
				target := uint32(0)
				for {
					target += uint32(rng.IntN(400))
					k, found := slices.BinarySearchFunc(want, target, func(p post, t uint32) int { return int(p.doc) - int(t) })
					_ = found
					ok := it.advance(target)
					if k == len(want) {
						if ok {
							t.Fatalf("advance(%d): got doc %d, want the end", target, it.doc)
						}
						break
					}
					if !ok || it.doc != want[k].doc || it.tf != want[k].tf {
						t.Fatalf("advance(%d): got %v doc %d, want doc %d", target, ok, it.doc, want[k].doc)
					}
					if got := it.positions(nil); !slices.Equal(got, want[k].pos) && len(want[k].pos) > 0 {
						t.Fatalf("advance(%d): got positions %v, want %v", target, got, want[k].pos)
					}
					target = it.doc + uint32(rng.IntN(2))
				}
			}
		})
	}
}

// words is a small Hindi vocabulary for generated articles.
var words = []string{"सरकार", "पुलिस", "अस्पताल", "किसान", "बारिश", "चुनाव", "अदालत", "मंत्री",
	"बाज़ार", "रेलवे", "स्कूल", "नदी", "सड़क", "बिजली", "पानी", "डॉक्टर", "मरीज़", "फसल", "गांव", "शहर"}

func genArticle(rng *rand.Rand, id string) *news.Article {
	sentence := func(n int) string {
		s := ""
		for i := range n {
			if i > 0 {
				s += " "
			}
			s += words[rng.IntN(len(words))]
		}
		return s
	}
	return &news.Article{ID: id, Language: "hi", Source: fmt.Sprintf("src%d", rng.IntN(3)),
		Headline:  sentence(4),
		Published: time.Date(2024, 1, 1+rng.IntN(300), 0, 0, 0, 0, time.UTC),
		Body:      []news.Block{{Kind: news.Paragraph, Text: sentence(30)}, {Kind: news.Paragraph, Text: sentence(20)}}}
}

// TestMergeKeepsResults applies the same articles in many small batches,
// so that tiers fill and merge, and checks that every query finds what an
// index built in one batch finds: the same totals, facets and hits, and,
// without updates or deletions, the same scores (deleted documents still
// count in a term's document frequency until their segment is merged, as
// in Lucene, so scores may then differ a little).
func TestMergeKeepsResults(t *testing.T) {
	for _, edits := range []bool{false, true} {
		t.Run(fmt.Sprintf("edits=%v", edits), func(t *testing.T) { testMerge(t, edits) })
	}
}

func testMerge(t *testing.T, edits bool) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(3, 4))
	var changes []news.Change
	seq := int64(0)
	for i := range 300 {
		seq++
		changes = append(changes, news.Change{Seq: seq, ID: fmt.Sprintf("d%03d", i), Article: genArticle(rng, fmt.Sprintf("d%03d", i))})
		if edits && i%7 == 3 { // update an earlier one
			seq++
			id := fmt.Sprintf("d%03d", rng.IntN(i+1))
			changes = append(changes, news.Change{Seq: seq, ID: id, Article: genArticle(rng, id)})
		}
		if edits && i%11 == 5 { // delete an earlier one
			seq++
			changes = append(changes, news.Change{Seq: seq, ID: fmt.Sprintf("d%03d", rng.IntN(i+1))})
		}
	}
	one := openTest(t, t.TempDir())
	defer one.Close()
	if err := one.Apply(ctx, changes); err != nil {
		t.Fatal(err)
	}
	many := openTest(t, t.TempDir())
	defer many.Close()
	for i := 0; i < len(changes); i += 4 {
		if err := many.Apply(ctx, changes[i:min(i+4, len(changes))]); err != nil {
			t.Fatal(err)
		}
	}
	s, _ := many.acquire()
	nseg := len(s.segs)
	s.release()
	if nseg > 3*mergeFactor {
		t.Errorf("after %d small batches: %d segments, want merges to keep them below %d", len(changes)/4, nseg, 3*mergeFactor)
	}
	n1, _ := one.DocCount()
	n2, _ := many.DocCount()
	if n1 != n2 || n1 == 0 {
		t.Fatalf("DocCount: one batch %d, many batches %d", n1, n2)
	}
	queries := []Query{
		{Must: []Clause{Term(terms(t, "सरकार")[0])}},
		{Must: []Clause{Term(terms(t, "किसान")[0]), Term(terms(t, "फसल")[0])}},
		{Should: []Clause{Term(terms(t, "नदी")[0]), Term(terms(t, "बिजली")[0])}},
		{Must: []Clause{Phrase(terms(t, "पुलिस अस्पताल")...)}},
		{Sources: []string{"src1"}, Sort: SortNewest},
	}
	for i, q := range queries {
		q.Limit, q.FacetSize = 1000, 10
		r1, r2 := search(t, one, q), search(t, many, q)
		if r1.Total != r2.Total || r1.Total == 0 {
			t.Errorf("query %d: total one batch %d, many batches %d (want equal, above 0)", i, r1.Total, r2.Total)
			continue
		}
		if got, want := sortedIDs(r2), sortedIDs(r1); !slices.Equal(got, want) {
			t.Errorf("query %d: hits after merges %v, in one batch %v", i, got, want)
		}
		if fmt.Sprint(r1.Facets) != fmt.Sprint(r2.Facets) {
			t.Errorf("query %d: facets %v after merges, %v in one batch", i, r2.Facets, r1.Facets)
		}
		if edits {
			continue
		}
		score := map[string]float64{}
		for _, h := range r1.Hits {
			score[h.ID] = h.Score
		}
		for _, h := range r2.Hits {
			if s := score[h.ID]; math.Abs(s-h.Score) > 1e-9*math.Max(1, s) {
				t.Errorf("query %d: hit %s scores %v after merges, %v in one batch", i, h.ID, h.Score, s)
			}
		}
	}
}

// TestCorruptSegment damages a segment file: Open must fail with
// ErrCorrupt, not crash, and Rebuild must recover.
func TestCorruptSegment(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	ix := openTest(t, dir)
	st := fill(t, []*news.Article{genArticle(rand.New(rand.NewPCG(5, 6)), "x1")})
	if _, err := ix.CatchUp(ctx, st); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	segs, _ := filepath.Glob(filepath.Join(dir, "seg-*.kx"))
	if len(segs) != 1 {
		t.Fatalf("got segment files %v, want one", segs)
	}
	for _, damage := range []func(b []byte) []byte{
		func(b []byte) []byte { return b[:len(b)/2] },                                          // truncated
		func(b []byte) []byte { c := slices.Clone(b); c[len(c)-footerSize] ^= 0xff; return c }, // bad offset
	} {
		b, err := os.ReadFile(segs[0])
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(segs[0], damage(b), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err = Open(ctx, dir, analysis.New())
		if !errors.Is(err, ErrCorrupt) {
			t.Errorf("Open of a damaged segment: got %v, want ErrCorrupt", err)
		}
		if err := os.WriteFile(segs[0], b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(segs[0], []byte("not a segment"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Rebuild(ctx, dir, analysis.New(), st, nil); err != nil {
		t.Fatalf("Rebuild: %v", err)
	}
	ix = openTest(t, dir)
	defer ix.Close()
	if n, _ := ix.DocCount(); n != 1 {
		t.Errorf("after Rebuild: DocCount %d, want 1", n)
	}
}

// TestPhraseStaysInField checks that a phrase never joins the last word of
// the headline to the first of the body.
func TestPhraseStaysInField(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	a := &news.Article{ID: "p1", Language: "hi", Headline: "राज्य में भारी बारिश",
		Body: []news.Block{{Kind: news.Paragraph, Text: "किसान परेशान हैं"}}}
	if err := ix.Apply(ctx, []news.Change{{Seq: 1, ID: a.ID, Article: a}}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		phrase string
		want   int
	}{{"भारी बारिश", 1}, {"बारिश किसान", 0}, {"किसान परेशान", 1}} {
		t.Run(tt.phrase, func(t *testing.T) {
			r := search(t, ix, Query{Must: []Clause{Phrase(terms(t, tt.phrase)...)}})
			if r.Total != tt.want {
				t.Errorf("got %d hits, want %d", r.Total, tt.want)
			}
		})
	}
}

// TestBlockBoundsHoldScores checks, for every posting of some terms and
// keys in an index of several segments with different mean lengths, that
// the block bound is at least the posting's score: pruning on the bound
// must never drop a document that belongs among the top hits.
func TestBlockBoundsHoldScores(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(9, 10))
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	seq := int64(0)
	for batch := range 6 {
		var changes []news.Change
		for i := range 150 {
			seq++
			a := genArticle(rng, fmt.Sprintf("d%d-%d", batch, i))
			if batch%2 == 1 { // longer bodies in some segments
				a.Body = append(a.Body, a.Body...)
			}
			changes = append(changes, news.Change{Seq: seq, ID: a.ID, Article: a})
		}
		if err := ix.Apply(ctx, changes); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := ix.acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer snap.release()
	an := analysis.New()
	var q Query
	for _, w := range words[:6] {
		tok := an.Analyze(w, "hi")[0]
		c := Term(tok.Term)
		c.Keys = an.WordKeys(w, tok.Term)
		q.Should = append(q.Should, c)
	}
	r := newRunner(snap, &q)
	checked := 0
	for si, v := range snap.segs {
		for _, c := range q.Should {
			m, err := r.matcherOf(si, c)
			if err != nil || m == nil {
				t.Fatalf("matcher of %v in %s: %v, %v", c, v.seg.name, m, err)
			}
			for _, s := range m.(*union).srcs {
				for s.it.next() {
					score, bound := r.termScore(v.seg, s, s.it.doc), r.sourceBound(v.seg, s)
					if score > bound*(1+1e-9) {
						t.Fatalf("segment %s, doc %d: score %v above its block bound %v", v.seg.name, s.it.doc, score, bound)
					}
					checked++
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("checked %d postings, want at least 1000", checked)
	}
}
