package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
)

// Scoring is BM25F: a term's count in each text field is weighted by the
// field (fieldWeight) and normalized by the field's length against its
// mean over the index, the weighted counts are summed, and the sum is
// saturated once with k1 and multiplied by the term's idf (raised to
// idfPower). A cross-script
// key is scored the same way on the key field alone, times the clause's
// key boost. A clause scores the sum of its terms' and keys' scores (a
// phrase: of the terms at its positions) times its boost; a document the
// sum of its Must clauses and of its Should clauses, the latter times the
// share of Should clauses it matches, so a document with more of the
// query's words ranks higher.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
	// idfPower raises each term's idf to this power. Plain BM25 (1)
	// scored 0.756 nDCG@10 on the XQuAD-R dev questions, 2 scored 0.771
	// (what Bleve computes: its query weight multiplies the idf in a
	// second time), 3 scored 0.777 and 3.5–4 no better: questions carry
	// many common words, and the rare ones should decide.
	idfPower = 3
)

// fieldWeight is the weight of a match in each field: the headline counts
// more than the standfirst, which counts more than the body. The key
// field's weight is the clause's key boost.
var fieldWeight = [numFields]float64{3, 2, 1.5, 1, 1}

const endDoc = math.MaxUint32

// Search runs q and returns one page of hits. It fails on an invalid limit,
// offset, date range, or an empty clause, and with ErrEmptyQuery when q has
// no clause and no filter.
func (ix *Index) Search(ctx context.Context, q Query) (Result, error) {
	if err := validate(&q); err != nil {
		return Result{}, fmt.Errorf("search: %w", err)
	}
	snap, err := ix.acquire()
	if err != nil {
		return Result{}, fmt.Errorf("search: %w", err)
	}
	defer snap.release()
	e := newRunner(snap, &q)
	e.dense, e.denseMinDocs, e.denseMinCost, e.denseTop = ix.dense, ix.denseMinDocs, ix.denseMinCost, ix.denseTop
	for si := range snap.segs {
		if si%4 == 0 {
			if err := ctx.Err(); err != nil {
				return Result{}, fmt.Errorf("search: %w", err)
			}
		}
		if err := e.segment(si); err != nil {
			return Result{}, fmt.Errorf("search: %w", err)
		}
	}
	out := Result{Total: e.total, Hits: []Hit{}}
	for _, c := range e.top.sorted() {
		if len(out.Hits) == q.Limit+q.Offset {
			break
		}
		out.Hits = append(out.Hits, Hit{ID: snap.segs[c.seg].seg.id(c.doc), Score: c.score})
	}
	if q.Offset < len(out.Hits) {
		out.Hits = out.Hits[q.Offset:]
	} else {
		out.Hits = out.Hits[:0]
	}
	if q.FacetSize > 0 {
		out.Facets = e.facets.facets(q.FacetSize)
	}
	return out, nil
}

// validate checks q and fills in its defaults.
func validate(q *Query) error {
	if len(q.Must) == 0 && len(q.Should) == 0 && len(q.MustNot) == 0 &&
		len(q.Sources) == 0 && len(q.Langs) == 0 && q.From.IsZero() && q.To.IsZero() {
		return ErrEmptyQuery
	}
	if q.Limit == 0 {
		q.Limit = 10
	}
	if q.Limit < 0 || q.Limit > MaxLimit {
		return fmt.Errorf("limit %d out of range 0..%d", q.Limit, MaxLimit)
	}
	if q.Offset < 0 || q.Offset+q.Limit > MaxWindow {
		return fmt.Errorf("offset %d with limit %d goes beyond %d hits", q.Offset, q.Limit, MaxWindow)
	}
	if q.Sort != SortRelevance && q.Sort != SortNewest {
		return fmt.Errorf("unknown sort order %d", q.Sort)
	}
	if q.FacetSize < 0 || q.FacetSize > MaxFacetSize {
		return fmt.Errorf("facet size %d out of range 0..%d", q.FacetSize, MaxFacetSize)
	}
	for _, cs := range [][]Clause{q.Must, q.Should, q.MustNot} {
		for _, c := range cs {
			if err := checkClause(c); err != nil {
				return err
			}
		}
	}
	for _, v := range append(append([]string(nil), q.Sources...), q.Langs...) {
		if KeywordValue(v) == "" {
			return errors.New("empty source or language filter value")
		}
	}
	if !q.From.IsZero() && !q.To.IsZero() && !q.From.Before(q.To) {
		return fmt.Errorf("date range: from %s is not before to %s", q.From.Format("2006-01-02T15:04:05Z07:00"), q.To.Format("2006-01-02T15:04:05Z07:00"))
	}
	return nil
}

func checkClause(c Clause) error {
	if len(c.Terms) == 0 {
		return errors.New("empty clause")
	}
	if c.Boost < 0 || math.IsNaN(c.Boost) || math.IsInf(c.Boost, 0) {
		return fmt.Errorf("clause boost %v, want a finite number >= 0", c.Boost)
	}
	if c.KeyBoost < 0 || math.IsNaN(c.KeyBoost) || math.IsInf(c.KeyBoost, 0) {
		return fmt.Errorf("clause key boost %v, want a finite number >= 0", c.KeyBoost)
	}
	for i, alts := range c.Terms {
		if len(alts) == 0 {
			return fmt.Errorf("clause position %d has no term", i)
		}
		for _, t := range alts {
			if t == "" {
				return fmt.Errorf("clause position %d has an empty term", i)
			}
		}
	}
	for _, k := range c.Keys {
		if k == "" {
			return errors.New("clause has an empty key")
		}
	}
	return nil
}

// runner runs one query over the segments of a snapshot.
type runner struct {
	snap *snapshot
	q    *Query
	idf  map[string]float64 // per dictionary entry, over the snapshot
	// where each entry's postings are, per segment (found: ok)
	where   map[string][]termInfo
	found   map[string][]bool
	norm    [numFields]float64 // b / mean length per field
	total   int
	top     *topK
	facets  *facetCounter
	from    int64
	to      int64
	filterT bool
	posBuf  [][]uint32
	idxBuf  []int

	scaleSeg *segment
	scaleVal float64

	// the dense path (dense.go): its cache (nil: never take it), the
	// smallest segment and match cost it serves, and the length of the
	// sets' top lists
	dense        *denseCache
	denseMinDocs int
	denseMinCost int
	denseTop     int
}

func newRunner(snap *snapshot, q *Query) *runner {
	e := &runner{snap: snap, q: q, idf: map[string]float64{}, where: map[string][]termInfo{}, found: map[string][]bool{}, top: newTopK(q.Offset+q.Limit, q.Sort == SortNewest || (len(q.Must) == 0 && len(q.Should) == 0)),
		facets: newFacetCounter(), from: math.MinInt64, to: math.MaxInt64}
	for f := range numFields {
		if snap.avgLen[f] > 0 {
			e.norm[f] = bm25B / snap.avgLen[f]
		}
	}
	if !q.From.IsZero() {
		e.from, e.filterT = q.From.Unix(), true
	}
	if !q.To.IsZero() {
		e.to, e.filterT = q.To.Unix(), true
	}
	// idf over the whole snapshot, so every segment scores alike.
	n := float64(snap.live)
	add := func(entry string) {
		if _, ok := e.idf[entry]; ok {
			return
		}
		df := 0
		b := []byte(entry)
		where, found := make([]termInfo, len(snap.segs)), make([]bool, len(snap.segs))
		for i, v := range snap.segs {
			if ti, ok := v.seg.lookup(b); ok {
				df += int(ti.df)
				where[i], found[i] = ti, true
			}
		}
		e.where[entry], e.found[entry] = where, found
		d := min(float64(df), n)
		e.idf[entry] = math.Pow(math.Log(1+(n-d+0.5)/(d+0.5)), idfPower)
	}
	for _, cs := range [][]Clause{q.Must, q.Should} {
		for _, c := range cs {
			for _, alts := range c.Terms {
				for _, t := range alts {
					add(t)
				}
			}
			if len(c.Terms) == 1 {
				for _, k := range c.Keys {
					add(keyPrefix + k)
				}
			}
		}
	}
	return e
}

// keyIDF is the idf a cross-script key of clause c scores with: its own,
// but no more than that of the clause's rarest word, so a rare spelling
// variant's key never outweighs the word the reader typed.
func (e *runner) keyIDF(c Clause, key string) float64 {
	idf := e.idf[key]
	if len(c.Terms) != 1 {
		return idf
	}
	word := 0.0
	for _, t := range c.Terms[0] {
		word = max(word, e.idf[t])
	}
	return min(idf, word)
}

// source is one dictionary entry's postings in a segment, with its weight.
type source struct {
	it    *postingIter
	entry string   // the dictionary entry
	ti    termInfo // where its postings are
	idf   float64
	key   bool
	w     float64 // clause boost (times key boost for a key)
	// the bound of the block of the current posting, and which block
	blk int
	bnd float64
}

// matcher finds the documents of one clause in one segment.
type matcher interface {
	// advance moves to the first matching document at or after target
	// and returns it, or endDoc when there is none.
	advance(target uint32) uint32
	// score returns the score of the current document.
	score() float64
	// bound returns a score the current document cannot exceed, from the
	// block tables: cheaper than score.
	bound() float64
	// cost estimates the postings the matcher walks.
	cost() int
}

// segment runs the query on segment si.
func (e *runner) segment(si int) error {
	v := &e.snap.segs[si]
	seg := v.seg
	if seg.n-v.ndel == 0 {
		return nil
	}
	must, should, ok, err := e.matchers(si)
	if err != nil || !ok {
		return err // !ok: a required clause has no postings here
	}
	not, _, err := e.matchersOf(si, e.q.MustNot)
	if err != nil {
		return err
	}
	nShould := len(e.q.Should)
	if len(must) == 0 && len(e.q.Should) > 0 && len(should) == 0 {
		return nil
	}
	srcOK, langOK := e.keywordFilter(seg.srcNames, e.q.Sources), e.keywordFilter(seg.langNames, e.q.Langs)
	e.facets.start(seg)
	defer e.facets.finish(seg)
	hit := make([]bool, len(should))

	collect := func(d uint32) {
		if v.deleted(d) {
			return
		}
		if srcOK != nil && !srcOK[seg.src(d)] {
			return
		}
		if langOK != nil && !langOK[seg.lang(d)] {
			return
		}
		pub := seg.pub(d)
		if e.filterT && (pub == noTime || pub < e.from || pub >= e.to) {
			return
		}
		for _, m := range not {
			if m.advance(d) == d {
				return
			}
		}
		matched := shouldHits(should, hit, d)
		if len(must) == 0 && nShould > 0 && matched == 0 {
			return
		}
		e.total++
		e.facets.src[seg.src(d)]++
		e.facets.lang[seg.lang(d)]++
		e.keep(si, d, pub, must, should, hit, matched, nShould)
	}

	switch {
	case e.denseWorth(seg, must, should):
		if err := e.segmentDense(si, must, should, nShould, srcOK, langOK); err != nil {
			return fmt.Errorf("segment %s: %w", seg.name, err)
		}
	case len(must) > 0:
		d := uint32(0)
		for {
			d = must[0].advance(d)
			if d == endDoc {
				break
			}
			agreed := true
			for _, m := range must[1:] {
				if o := m.advance(d); o != d {
					d, agreed = o, false
					break
				}
			}
			if !agreed {
				if d == endDoc {
					break
				}
				continue
			}
			collect(d)
			d++
		}
	case len(should) > 0:
		d := uint32(0)
		for {
			next := uint32(endDoc)
			for _, m := range should {
				if c := m.advance(d); c < next {
					next = c
				}
			}
			if next == endDoc {
				break
			}
			collect(next)
			d = next + 1
		}
	default:
		for d := uint32(0); int(d) < seg.n; d++ {
			collect(d)
		}
	}
	for _, ms := range [][]matcher{must, should, not} {
		for _, m := range ms {
			if err := matcherErr(m); err != nil {
				return fmt.Errorf("segment %s: %w", seg.name, err)
			}
		}
	}
	return nil
}

// shouldHits advances the Should matchers to document d, records in hit
// which are on it, and returns how many.
func shouldHits(should []matcher, hit []bool, d uint32) int {
	matched := 0
	for i, m := range should {
		hit[i] = m.advance(d) == d
		if hit[i] {
			matched++
		}
	}
	return matched
}

// keep offers match d (published at pub; the matchers on it, hit and
// matched from shouldHits) to the top hits. Only a document that can beat
// the worst hit kept needs its score.
func (e *runner) keep(si int, d uint32, pub int64, must, should []matcher, hit []bool, matched, nShould int) {
	if floor, full := e.top.floor(); full {
		if e.top.newest {
			if pub < floor.pub {
				return
			}
		} else if total(must, should, hit, matched, nShould, matcher.bound) < floor.score {
			return
		}
	}
	e.top.push(cand{score: total(must, should, hit, matched, nShould, matcher.score), pub: pub, seg: si, doc: d})
}

// total adds up f over the Must matchers and, times the share of Should
// clauses matched, over the Should matchers that hit: a document's score
// (f = matcher.score) or its bound (matcher.bound).
func total(must, should []matcher, hit []bool, matched, nShould int, f func(matcher) float64) float64 {
	var sum float64
	for _, m := range must {
		sum += f(m)
	}
	if matched > 0 {
		var ss float64
		for i, m := range should {
			if hit[i] {
				ss += f(m)
			}
		}
		sum += ss * float64(matched) / float64(nShould)
	}
	return sum
}

// matchersOf returns the matchers of clauses cs in segment si, leaving out
// those with no postings here, and whether none was left out.
func (e *runner) matchersOf(si int, cs []Clause) (ms []matcher, all bool, err error) {
	ms = make([]matcher, 0, len(cs))
	for _, c := range cs {
		m, err := e.matcherOf(si, c)
		if err != nil {
			return nil, false, err
		}
		if m != nil {
			ms = append(ms, m)
		}
	}
	return ms, len(ms) == len(cs), nil
}

// matchers returns new matchers of the query's Must clauses, cheapest
// first (scores add up in this order), and of its Should clauses that have
// postings in segment si; ok is false when a Must clause has none there.
func (e *runner) matchers(si int) (must, should []matcher, ok bool, err error) {
	must, ok, err = e.matchersOf(si, e.q.Must)
	if err != nil || !ok {
		return nil, nil, false, err
	}
	sort.SliceStable(must, func(i, j int) bool { return must[i].cost() < must[j].cost() })
	should, _, err = e.matchersOf(si, e.q.Should)
	return must, should, err == nil, err
}

// keywordFilter returns which ordinals of names pass a filter on values,
// or nil when there is no filter.
func (e *runner) keywordFilter(names []string, values []string) []bool {
	if len(values) == 0 {
		return nil
	}
	ok := make([]bool, len(names))
	for _, v := range values {
		kv := KeywordValue(v)
		for o, n := range names {
			if o > 0 && n == kv {
				ok[o] = true
			}
		}
	}
	return ok
}

// matcherOf returns the matcher of c in segment si, or nil when no
// document of the segment can match it.
func (e *runner) matcherOf(si int, c Clause) (matcher, error) {
	seg := e.snap.segs[si].seg
	boost := c.Boost
	if boost == 0 {
		boost = 1
	}
	open := func(entry string, key bool, w float64) (*source, error) {
		var ti termInfo
		if found, ok := e.found[entry]; ok {
			if !found[si] {
				return nil, nil
			}
			ti = e.where[entry][si]
		} else if ti, ok = seg.lookup([]byte(entry)); !ok {
			// MustNot terms have no idf entry; look them up here.
			return nil, nil
		}
		it, err := seg.postings(ti)
		if err != nil {
			return nil, err
		}
		idf := e.idf[entry]
		if key {
			idf = e.keyIDF(c, entry)
		}
		return &source{it: it, entry: entry, ti: ti, idf: idf, key: key, w: w, blk: -1}, nil
	}
	// add puts the postings of entries (with prefix) into u.
	add := func(u *union, prefix string, entries []string, key bool, w float64) error {
		for _, t := range entries {
			s, err := open(prefix+t, key, w)
			if err != nil {
				return err
			}
			if s != nil {
				u.srcs = append(u.srcs, s)
			}
		}
		return nil
	}
	if len(c.Terms) == 1 {
		u := &union{e: e, seg: seg}
		kb := c.KeyBoost
		if kb == 0 {
			kb = DefaultKeyBoost
		}
		if err := add(u, "", c.Terms[0], false, boost); err != nil {
			return nil, err
		}
		if err := add(u, keyPrefix, c.Keys, true, boost*kb); err != nil {
			return nil, err
		}
		if len(u.srcs) == 0 {
			return nil, nil
		}
		return u, nil
	}
	p := &phrase{cur: endDoc, started: false}
	for _, alts := range c.Terms {
		u := &union{e: e, seg: seg}
		if err := add(u, "", alts, false, boost); err != nil {
			return nil, err
		}
		if len(u.srcs) == 0 {
			return nil, nil
		}
		p.pos = append(p.pos, u)
	}
	return p, nil
}

func matcherErr(m matcher) error {
	switch m := m.(type) {
	case *union:
		for _, s := range m.srcs {
			if s.it.err != nil {
				return s.it.err
			}
		}
	case *phrase:
		for _, u := range m.pos {
			if err := matcherErr(u); err != nil {
				return err
			}
		}
	}
	return nil
}

// union matches the documents that have any of its sources.
type union struct {
	e       *runner
	seg     *segment
	srcs    []*source
	cur     uint32
	started bool
}

func (u *union) advance(target uint32) uint32 {
	if u.started && u.cur >= target {
		return u.cur
	}
	u.started = true
	u.cur = endDoc
	for _, s := range u.srcs {
		if !s.it.advance(target) {
			continue
		}
		if s.it.doc < u.cur {
			u.cur = s.it.doc
		}
	}
	return u.cur
}

func (u *union) cost() int {
	n := 0
	for _, s := range u.srcs {
		n += s.it.df
	}
	return n
}

func (u *union) score() float64 {
	var sum float64
	for _, s := range u.srcs {
		if !s.it.done && s.it.count > 0 && s.it.doc == u.cur {
			sum += u.e.termScore(u.seg, s, u.cur)
		}
	}
	return sum
}

func (u *union) bound() float64 {
	var sum float64
	for _, s := range u.srcs {
		if !s.it.done && s.it.count > 0 && s.it.doc == u.cur {
			sum += u.e.sourceBound(u.seg, s)
		}
	}
	return sum
}

// sourceBound returns the highest score any posting of the current block
// of s can have. The block stores its largest impact under the segment's
// mean field lengths; under the index's means a document's impact grows by
// at most the largest ratio of index mean to segment mean over its fields,
// so scaling by it keeps the bound safe.
func (e *runner) sourceBound(seg *segment, s *source) float64 {
	b := (s.it.count - 1) / blockSize
	if b == s.blk {
		return s.bnd
	}
	x := blockImpact(s.it.block()) * e.scale(seg)
	s.blk = b
	s.bnd = s.w * s.idf * x * (bm25K1 + 1) / (x + bm25K1)
	return s.bnd
}

// scale returns how much larger an impact can be under the index's mean
// field lengths than under seg's own (at least 1); cached per segment.
func (e *runner) scale(seg *segment) float64 {
	if e.scaleSeg == seg {
		return e.scaleVal
	}
	v := 1.0
	segNorm := segNorm(seg.sumLens, seg.n)
	for f := range numFields {
		if segNorm[f] > 0 && e.norm[f] > 0 {
			// norm = b/avg: a smaller norm now (a larger mean) shrinks
			// the length penalty.
			v = max(v, segNorm[f]/e.norm[f])
		}
	}
	e.scaleSeg, e.scaleVal = seg, v
	return v
}

// termScore is the BM25F score of source s in document d (see the top of
// this file).
func (e *runner) termScore(seg *segment, s *source, d uint32) float64 {
	it := s.it
	var tf float64
	if s.key {
		tf = float64(it.tf[fieldXKey]) / (1 - bm25B + e.norm[fieldXKey]*float64(seg.fieldLen(d, fieldXKey)))
	} else {
		for f := range fieldXKey {
			if it.mask&(1<<f) != 0 {
				tf += fieldWeight[f] * float64(it.tf[f]) / (1 - bm25B + e.norm[f]*float64(seg.fieldLen(d, f)))
			}
		}
	}
	return s.w * s.idf * tf * (bm25K1 + 1) / (tf + bm25K1)
}

// phrase matches the documents where a term of each position stands at
// consecutive positions of one field.
type phrase struct {
	pos     []*union
	cur     uint32
	started bool
}

func (p *phrase) cost() int {
	c := math.MaxInt
	for _, u := range p.pos {
		c = min(c, u.cost())
	}
	return c
}

func (p *phrase) advance(target uint32) uint32 {
	if p.started && p.cur >= target {
		return p.cur
	}
	p.started = true
	d := target
	for {
		agreed := true
		for _, u := range p.pos {
			o := u.advance(d)
			if o == endDoc {
				p.cur = endDoc
				return endDoc
			}
			if o != d {
				d, agreed = o, false
				break
			}
		}
		if agreed {
			if p.at(d) {
				p.cur = d
				return d
			}
			d++
		}
	}
}

// at reports whether the terms stand in order in document d, where every
// position's union is.
func (p *phrase) at(d uint32) bool {
	e := p.pos[0].e
	if cap(e.posBuf) < len(p.pos) {
		e.posBuf = make([][]uint32, len(p.pos))
	}
	lists := e.posBuf[:len(p.pos)]
	for i, u := range p.pos {
		lists[i] = lists[i][:0]
		for _, s := range u.srcs {
			if !s.it.done && s.it.count > 0 && s.it.doc == d {
				lists[i] = s.it.positions(lists[i])
			}
		}
		if len(u.srcs) > 1 {
			sortUint32(lists[i])
		}
	}
	// For each start in the first list, look for start+i in list i.
	if cap(e.idxBuf) < len(lists) {
		e.idxBuf = make([]int, len(lists))
	}
	idx := e.idxBuf[:len(lists)]
	clear(idx)
	for _, start := range lists[0] {
		ok := true
		for i := 1; i < len(lists); i++ {
			want := start + uint32(i)
			l := lists[i]
			for idx[i] < len(l) && l[idx[i]] < want {
				idx[i]++
			}
			if idx[i] == len(l) {
				return false
			}
			if l[idx[i]] != want {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func (p *phrase) bound() float64 {
	var s float64
	for _, u := range p.pos {
		s += u.bound()
	}
	return s
}

func (p *phrase) score() float64 {
	var s float64
	for _, u := range p.pos {
		s += u.score()
	}
	return s
}

func sortUint32(s []uint32) { sort.Slice(s, func(i, j int) bool { return s[i] < s[j] }) }
