package index

import (
	"bytes"
	"context"
	"fmt"
	"math/bits"
	"path/filepath"
	"slices"
)

// Merging keeps the number of segments small as batches arrive. Segments
// are grouped in tiers by size (a tier per factor mergeFactor of live
// documents); when a tier holds mergeFactor segments they are merged into
// one of the next tier, dropping deleted documents. Each document is thus
// rewritten about log_mergeFactor(N / batch) times over the life of an
// index of N documents, and a search visits at most about
// mergeFactor × tiers segments.
const mergeFactor = 8

// tier returns the tier of a segment with n live documents.
func tier(n int) int {
	if n <= 1 {
		return 0
	}
	return (bits.Len(uint(n)) - 1) / 3 // log8
}

// mergeIfNeeded merges full tiers, smallest first, until none is full.
// The caller holds writeMu.
func (ix *Index) mergeIfNeeded(ctx context.Context) error {
	for {
		snap, err := ix.acquire()
		if err != nil {
			return err
		}
		pick := pickMerge(snap.segs)
		if pick == nil {
			snap.release()
			return nil
		}
		err = ix.merge(ctx, snap, pick)
		snap.release()
		if err != nil {
			return err
		}
	}
}

// pickMerge returns the indexes of the segments of the smallest full tier,
// or of every segment that has lost at least half its documents to
// deletions; nil when nothing needs merging.
func pickMerge(views []segView) []int {
	tiers := map[int][]int{}
	for i, v := range views {
		live := v.seg.n - v.ndel
		if v.seg.n > 0 && v.ndel*2 >= v.seg.n {
			// Mostly deleted: fold into its neighbour, or rewrite alone.
			if len(views) == 1 {
				return []int{i}
			}
			j := i + 1
			if j == len(views) {
				j = i - 1
			}
			return []int{min(i, j), max(i, j)}
		}
		t := tier(live)
		tiers[t] = append(tiers[t], i)
	}
	ts := make([]int, 0, len(tiers))
	for t := range tiers {
		ts = append(ts, t)
	}
	slices.Sort(ts)
	for _, t := range ts {
		if len(tiers[t]) >= mergeFactor {
			return tiers[t]
		}
	}
	return nil
}

// merge writes the live documents of the segments pick of snap (indexes
// into snap.segs, ascending) as one new segment, in their order, and
// commits the snapshot with it in place of the first and without the
// others.
func (ix *Index) merge(ctx context.Context, snap *snapshot, pick []int) error {
	in := make([]*segView, len(pick))
	for i, p := range pick {
		in[i] = &snap.segs[p]
	}
	// remap[i][d] is the new number of document d of in[i], or -1.
	remap := make([][]int32, len(in))
	var cols docColumns
	next := int32(0)
	for i, v := range in {
		remap[i] = make([]int32, v.seg.n)
		for d := uint32(0); int(d) < v.seg.n; d++ {
			if v.deleted(d) {
				remap[i][d] = -1
				continue
			}
			remap[i][d] = next
			next++
			var lens [numFields]uint32
			for f := range numFields {
				lens[f] = v.seg.fieldLen(d, f)
			}
			cols.add(v.seg.id(d), v.seg.pub(d), v.seg.srcNames[v.seg.src(d)], v.seg.langNames[v.seg.lang(d)], lens)
		}
	}
	if next == 0 {
		// Nothing left alive: drop the segments.
		views := make([]segView, 0, len(snap.segs))
		for i, v := range snap.segs {
			if !slices.Contains(pick, i) {
				views = append(views, v)
			}
		}
		if err := ix.commit(views, snap.lastSeq); err != nil {
			return fmt.Errorf("merge: %w", err)
		}
		return nil
	}
	id := ix.nextSeg
	ix.nextSeg++
	var sum [numFields]uint64
	for _, ls := range cols.lens {
		for f, l := range ls {
			sum[f] += uint64(l)
		}
	}
	w, err := newSegWriter(filepath.Join(ix.dir, segFile(id)), sum, len(cols.lens))
	if err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	paired := pairedInAll(in)
	keep := make(map[string]bool, len(paired))
	for _, t := range paired {
		keep[t] = true
	}
	w.paired = paired
	cursor := make([]int, len(in))
	for step := 0; ; step++ {
		if step%4096 == 0 {
			if err := ctx.Err(); err != nil {
				w.abort()
				return fmt.Errorf("merge: %w", err)
			}
		}
		var least []byte
		for i, v := range in {
			if cursor[i] < v.seg.nTerms {
				if t := v.seg.term(cursor[i]); least == nil || bytes.Compare(t, least) < 0 {
					least = t
				}
			}
		}
		if least == nil {
			break
		}
		if least[0] == pairPrefix[0] && !keepPair(keep, least) {
			// a pair some segment does not hold in full
			for i, v := range in {
				if cursor[i] < v.seg.nTerms && bytes.Equal(v.seg.term(cursor[i]), least) {
					cursor[i]++
				}
			}
			continue
		}
		w.beginTerm(least)
		for i, v := range in {
			if cursor[i] >= v.seg.nTerms || !bytes.Equal(v.seg.term(cursor[i]), least) {
				continue
			}
			it, err := v.seg.postings(v.seg.termInfoAt(cursor[i]))
			if err != nil {
				w.abort()
				return fmt.Errorf("merge: %w", err)
			}
			for it.next() {
				if nd := remap[i][it.doc]; nd >= 0 {
					w.addPosting(uint32(nd), &it.tf, &cols.lens[nd], it.rawPositions())
				}
			}
			if it.err != nil {
				w.abort()
				return fmt.Errorf("merge: segment %s: %w", v.seg.name, it.err)
			}
			cursor[i]++
		}
		w.endTerm()
	}
	if err := w.finish(&cols); err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	seg, err := openSegment(ix.dir, id)
	if err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	views := make([]segView, 0, len(snap.segs)-len(pick)+1)
	for i, v := range snap.segs {
		switch {
		case i == pick[0]:
			views = append(views, segView{seg: seg})
		case !slices.Contains(pick, i):
			views = append(views, v)
		}
	}
	if err := ix.commit(views, snap.lastSeq); err != nil {
		_ = seg.close()
		return fmt.Errorf("merge: %w", err)
	}
	return nil
}
