package index

import (
	"math"
	"slices"
)

// The dense path serves a segment where the query matches many documents
// (see dense.go). It gives the same hits, total and facets as the walk in
// runner.segment, in two passes:
//
//  1. the set of matches as a bitset: the clauses' bitsets combined (Must
//     ANDed, else Should ORed; MustNot and deletions cleared, source and
//     language filters ANDed), then a walk over the set for what bitsets
//     cannot tell (a phrase's positions, the date range); the total and
//     the facets are popcounts;
//  2. the top hits: each match's score is bounded from the impacts its
//     entries' sets keep (one byte per posting, rounded up); only a match
//     whose bound can beat the worst hit kept has its postings decoded
//     and scored, by the same matchers as the walk.

// denseWorth reports whether the dense path should serve segment seg for
// matchers must and should (nil when the query has no such clause). A
// denseMinCost of 0 takes it whatever the cost (for tests).
func (e *runner) denseWorth(seg *segment, must, should []matcher) bool {
	if e.dense == nil || seg.n < e.denseMinDocs || len(must)+len(should) == 0 {
		return false
	}
	cost := 0
	if len(must) > 0 {
		cost = math.MaxInt
		for _, m := range must {
			cost = min(cost, m.cost())
		}
	} else {
		for _, m := range should {
			cost += m.cost()
		}
	}
	return e.denseMinCost == 0 || cost >= max(e.denseMinCost, seg.n/64)
}

// entryInfo returns where entry's postings are in segment si.
func (e *runner) entryInfo(si int, entry string) (termInfo, bool) {
	if found, ok := e.found[entry]; ok {
		if !found[si] {
			return termInfo{}, false
		}
		return e.where[entry][si], true
	}
	// MustNot terms have no idf entry; look them up here.
	return e.snap.segs[si].seg.lookup([]byte(entry))
}

// clauseBits ORs the documents of clause c in segment si into dst (zeroed
// by the caller) and reports whether they are exactly its matches. For a
// phrase they are the documents with each of its word pairs when the
// segment holds them (exact for two words), else those with a term of
// every position; the phrase's positions confirm the rest.
func (e *runner) clauseBits(si int, c Clause, dst, sure []uint64) (exact, sured bool, err error) {
	or := func(dst []uint64, prefix string, entries []string) error {
		for _, t := range entries {
			if ti, ok := e.entryInfo(si, prefix+t); ok {
				if err := e.orEntry(si, prefix+t, ti, dst); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if len(c.Terms) == 1 {
		if err := or(dst, "", c.Terms[0]); err != nil {
			return false, false, err
		}
		return true, false, or(dst, keyPrefix, c.Keys)
	}
	seg := e.snap.segs[si].seg
	tmp := getBits(len(dst))
	defer putBits(tmp)
	if pairsCover(seg, c.Terms) {
		// The documents with each adjacent pair: exactly the matches
		// of a two-word phrase.
		for i := 1; i < len(c.Terms); i++ {
			target := dst
			if i > 1 {
				target = tmp
				clear(tmp)
			}
			for _, a := range c.Terms[i-1] {
				for _, b := range c.Terms[i] {
					if err := or(target, "", []string{pairEntry(a, b)}); err != nil {
						return false, false, err
					}
				}
			}
			if i > 1 {
				for j, w := range tmp {
					dst[j] &= w
				}
			}
		}
		return len(c.Terms) == 2, false, nil
	}
	if sure != nil && len(c.Terms) == 2 && pairsSome(seg, c.Terms) {
		// Some spellings of the two words pair and some do not: the
		// pairs give sure matches, the others (two unpaired, so less
		// frequent, words) candidates the positions confirm.
		tmp2 := getBits(len(dst))
		defer putBits(tmp2)
		for _, a := range c.Terms[0] {
			for _, b := range c.Terms[1] {
				if seg.paired[a] || seg.paired[b] {
					if err := or(sure, "", []string{pairEntry(a, b)}); err != nil {
						return false, false, err
					}
					continue
				}
				clear(tmp)
				clear(tmp2)
				if err := or(tmp, "", []string{a}); err != nil {
					return false, false, err
				}
				if err := or(tmp2, "", []string{b}); err != nil {
					return false, false, err
				}
				for j, w := range tmp {
					dst[j] |= w & tmp2[j]
				}
			}
		}
		for j, w := range sure {
			dst[j] |= w
		}
		return false, true, nil
	}
	for i, alts := range c.Terms {
		if i == 0 {
			if err := or(dst, "", alts); err != nil {
				return false, false, err
			}
			continue
		}
		clear(tmp)
		if err := or(tmp, "", alts); err != nil {
			return false, false, err
		}
		for j, w := range tmp {
			dst[j] &= w
		}
	}
	return false, false, nil
}

// segmentDense runs the query on segment si by the dense path. must,
// should and not are the matchers runner.segment built (should without
// the clauses that have no postings here, of nShould in the query).
func (e *runner) segmentDense(si int, must, should []matcher, nShould int, srcOK, langOK []bool) error {
	v := &e.snap.segs[si]
	seg := v.seg
	w := bitWords(seg.n)
	set := getBits(w)
	defer putBits(set)
	tmp := getBits(w)
	defer putBits(tmp)

	// Pass 1: the set of matches.
	var check []Clause       // phrases whose positions decide
	var checkSure [][]uint64 // per Must phrase: matches known without positions, or nil
	defer func() {
		for _, b := range checkSure {
			putBits(b)
		}
	}()
	var exactShould []uint64
	if len(e.q.Must) > 0 {
		for i, c := range e.q.Must {
			dst := set
			if i > 0 {
				dst = tmp
				clear(dst)
			}
			var sure []uint64
			if len(c.Terms) == 2 {
				sure = getBits(w)
			}
			exact, sured, err := e.clauseBits(si, c, dst, sure)
			if !sured {
				putBits(sure)
				sure = nil
			}
			if err != nil {
				putBits(sure)
				return err
			}
			if !exact {
				check = append(check, c)
				checkSure = append(checkSure, sure)
			} else {
				putBits(sure)
			}
			if i > 0 {
				for j, x := range tmp {
					set[j] &= x
				}
			}
		}
	} else {
		var phrases []Clause
		for _, c := range e.q.Should {
			clear(tmp)
			exact, _, err := e.clauseBits(si, c, tmp, nil)
			if err != nil {
				return err
			}
			if !exact {
				phrases = append(phrases, c)
				continue
			}
			for j, x := range tmp {
				set[j] |= x
			}
		}
		if len(phrases) > 0 {
			// A document some exact clause matches is in; one only
			// a phrase's terms reach needs the phrase.
			exactShould = getBits(w)
			defer putBits(exactShould)
			copy(exactShould, set)
			for _, c := range phrases {
				clear(tmp)
				if _, _, err := e.clauseBits(si, c, tmp, nil); err != nil {
					return err
				}
				for j, x := range tmp {
					set[j] |= x
				}
			}
			check = phrases
		}
	}
	var notPhrases []Clause
	for _, c := range e.q.MustNot {
		clear(tmp)
		exact, _, err := e.clauseBits(si, c, tmp, nil)
		if err != nil {
			return err
		}
		if !exact {
			notPhrases = append(notPhrases, c)
			continue
		}
		for j, x := range tmp {
			set[j] &^= x
		}
	}
	if v.del != nil {
		for j, x := range v.del[:w] {
			set[j] &^= x
		}
	}
	// Source and language filters and facets by ordinal bitsets, or, for a
	// column with too many values to keep a bitset of each, by reading the
	// column of each match.
	cols := []struct {
		ok     []bool
		counts []int
		src    bool
		sets   [][]uint64
	}{{ok: srcOK, counts: e.facets.src, src: true}, {ok: langOK, counts: e.facets.lang}}
	for i := range cols {
		f := &cols[i]
		if n := len(seg.langNames); f.src {
			n = len(seg.srcNames)
			if n > maxOrdinalSets {
				continue
			}
		} else if n > maxOrdinalSets {
			continue
		}
		f.sets = e.ordinalBits(si, f.src)
		if f.ok == nil {
			continue
		}
		clear(tmp)
		for o, b := range f.sets {
			if o < len(f.ok) && f.ok[o] {
				for j, x := range b {
					tmp[j] |= x
				}
			}
		}
		for j, x := range tmp {
			set[j] &= x
		}
		f.ok = nil // applied
	}
	if len(check) > 0 || len(notPhrases) > 0 || e.filterT || cols[0].ok != nil || cols[1].ok != nil {
		if err := e.confirm(si, set, check, checkSure, exactShould, notPhrases, cols[0].ok, cols[1].ok); err != nil {
			return err
		}
	}
	e.total += popcount(set)
	for _, f := range cols {
		if f.sets == nil {
			col := seg.lang
			if f.src {
				col = seg.src
			}
			for d := nextSet(set, 0); d != endDoc; d = nextSet(set, d+1) {
				if o := int(col(d)); o < len(f.counts) {
					f.counts[o]++
				}
			}
			continue
		}
		for o, b := range f.sets {
			if o > 0 && o < len(f.counts) {
				f.counts[o] += andCount(set, b)
			}
		}
	}

	// Pass 2: the top hits.
	hit := make([]bool, len(should))
	if e.top.newest {
		// Only the matches published at or after the k-th latest time
		// of the segment (and the worst hit kept) can be hits: find that
		// time from the column first, then score those.
		least := e.kthLatest(seg, set)
		for d := nextSet(set, 0); d != endDoc; d = nextSet(set, d+1) {
			if pub := seg.pub(d); pub >= least {
				e.rank(si, d, pub, must, should, hit, nShould)
			}
		}
		return nil
	}
	return e.rankBounded(si, set, must, should, hit, nShould)
}

// kthLatest returns the k-th latest publication time among the matches in
// set, k the hits the search keeps, or the worst hit's time when that is
// later; math.MinInt64 when set holds fewer than k matches.
func (e *runner) kthLatest(seg *segment, set []uint64) int64 {
	least := int64(math.MinInt64)
	if floor, full := e.top.floor(); full {
		least = floor.pub
	}
	k := e.top.k
	if k <= 0 {
		return math.MaxInt64
	}
	h := make([]int64, 0, k) // a min-heap of the k latest times
	for d := nextSet(set, 0); d != endDoc; d = nextSet(set, d+1) {
		p := seg.pub(d)
		switch {
		case p < least:
		case len(h) < k:
			h = append(h, p)
			for i := len(h) - 1; i > 0 && h[(i-1)/2] > h[i]; i = (i - 1) / 2 {
				h[i], h[(i-1)/2] = h[(i-1)/2], h[i]
			}
		case p > h[0]:
			h[0] = p
			for i := 0; ; {
				c := 2*i + 1
				if c >= k {
					break
				}
				if c+1 < k && h[c+1] < h[c] {
					c++
				}
				if h[i] <= h[c] {
					break
				}
				h[i], h[c] = h[c], h[i]
				i = c
			}
		}
	}
	if len(h) == k {
		least = max(least, h[0])
	}
	return least
}

// appendSources appends the postings sources of m.
func appendSources(out []*source, m matcher) []*source {
	switch m := m.(type) {
	case *union:
		out = append(out, m.srcs...)
	case *phrase:
		for _, u := range m.pos {
			out = append(out, u.srcs...)
		}
	}
	return out
}

// boundSource is one dictionary entry of a scoring clause, for bounds: its
// set and the score bound of each impact step.
type boundSource struct {
	set    *denseSet
	bound  [256]float64
	clause int // index in must, or len(must) + index in should
}

// rankBounded offers the matches in set to the top hits by relevance. A
// match's score is bounded from its entries' impacts; only a match whose
// bound can beat the worst hit kept has its postings decoded and scored.
func (e *runner) rankBounded(si int, set []uint64, must, should []matcher, hit []bool, nShould int) error {
	seg := e.snap.segs[si].seg
	scale := e.scale(seg)
	var srcs []boundSource
	nMust := len(must)
	for ci, m := range append(append([]matcher(nil), must...), should...) {
		for _, src := range appendSources(nil, m) {
			ds, err := e.denseSetOf(si, src.entry, src.ti)
			if err != nil {
				return err
			}
			bs := boundSource{set: ds, clause: ci}
			for q := range bs.bound {
				x := float64(q) / 255 * ds.maxImpact * scale
				// a hair above, so rounding never puts a bound below a score
				bs.bound[q] = src.w * src.idf * x * (bm25K1 + 1) / (x + bm25K1) * (1 + 1e-9)
			}
			srcs = append(srcs, bs)
		}
	}
	// The documents on the sources' top lists first: they raise the worst
	// hit kept fast, and when every other match's bound (each source at
	// most at its cut) falls below it, the rest need no look.
	var cands []uint32
	var rest float64
	for _, s := range srcs {
		for _, d := range s.set.top {
			if set[d>>6]&(1<<(d&63)) != 0 {
				cands = append(cands, d)
			}
		}
		if s.set.cut >= 0 {
			rest += s.bound[s.set.cut]
		}
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	seen := make([]bool, len(must)+len(should))
	bound := func(d uint32) float64 {
		var mustSum, shouldSum float64
		clear(seen)
		matched := 0
		for i := range srcs {
			s := &srcs[i]
			if !s.set.has(d) {
				continue
			}
			b := s.bound[s.set.impactOf(d)]
			if s.clause < nMust {
				mustSum += b
				continue
			}
			shouldSum += b
			if !seen[s.clause] {
				seen[s.clause] = true
				matched++
			}
		}
		if nShould > 0 {
			mustSum += shouldSum * float64(matched) / float64(nShould)
		}
		return mustSum
	}
	offer := func(d uint32, must, should []matcher) {
		if floor, full := e.top.floor(); full && bound(d) < floor.score {
			return
		}
		e.rank(si, d, seg.pub(d), must, should, hit, nShould)
	}
	for _, d := range cands {
		offer(d, must, should)
	}
	if floor, full := e.top.floor(); full && rest < floor.score {
		return nil
	}
	// Every match, but for those just offered, with fresh matchers.
	if len(cands) > 0 {
		var err error
		if must, should, _, err = e.matchers(si); err != nil {
			return err
		}
	}
	k := 0
	for d := nextSet(set, 0); d != endDoc; d = nextSet(set, d+1) {
		for k < len(cands) && cands[k] < d {
			k++
		}
		if k < len(cands) && cands[k] == d {
			continue
		}
		offer(d, must, should)
	}
	for _, ms := range [][]matcher{must, should} {
		for _, m := range ms {
			if err := matcherErr(m); err != nil {
				return err
			}
		}
	}
	return nil
}

// confirm clears from set the documents a phrase in check does not match
// (all of them when check holds Must clauses, but for those checkSure
// holds for that clause; for Should clauses, those also outside
// exactShould), those a phrase in notPhrases matches, those
// outside the date range, and those srcOK or langOK (when not nil) refuse.
func (e *runner) confirm(si int, set []uint64, check []Clause, checkSure [][]uint64, exactShould []uint64, notPhrases []Clause, srcOK, langOK []bool) error {
	seg := e.snap.segs[si].seg
	checks, allChecks, err := e.matchersOf(si, check)
	if err != nil {
		return err
	}
	nots, _, err := e.matchersOf(si, notPhrases)
	if err != nil {
		return err
	}
	anyOf := exactShould != nil
	for d := nextSet(set, 0); d != endDoc; d = nextSet(set, d+1) {
		ok := (srcOK == nil || srcOK[seg.src(d)]) && (langOK == nil || langOK[seg.lang(d)])
		if ok && e.filterT {
			pub := seg.pub(d)
			ok = pub != noTime && pub >= e.from && pub < e.to
		}
		if ok && len(check) > 0 {
			if anyOf {
				if exactShould[d>>6]&(1<<(d&63)) == 0 {
					ok = false
					for _, m := range checks {
						if m.advance(d) == d {
							ok = true
							break
						}
					}
				}
			} else if !allChecks {
				ok = false // a Must phrase has no postings here
			} else {
				for k, m := range checks {
					if k < len(checkSure) && checkSure[k] != nil && checkSure[k][d>>6]&(1<<(d&63)) != 0 {
						continue // a pair says so
					}
					if m.advance(d) != d {
						ok = false
						break
					}
				}
			}
		}
		for _, m := range nots {
			if ok && m.advance(d) == d {
				ok = false
			}
		}
		if !ok {
			set[d>>6] &^= 1 << (d & 63)
		}
	}
	for _, ms := range [][]matcher{checks, nots} {
		for _, m := range ms {
			if err := matcherErr(m); err != nil {
				return err
			}
		}
	}
	return nil
}

// rank scores match d (published at pub) and offers it to the top hits,
// as runner.segment's walk does.
func (e *runner) rank(si int, d uint32, pub int64, must, should []matcher, hit []bool, nShould int) {
	for _, m := range must {
		if m.advance(d) != d {
			return // cannot happen: d matches every Must clause
		}
	}
	e.keep(si, d, pub, must, should, hit, shouldHits(should, hit, d), nShould)
}
