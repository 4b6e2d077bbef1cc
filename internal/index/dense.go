package index

import (
	"container/list"
	"math"
	"math/bits"
	"strconv"
	"sync"
)

// Dense sets. A search that matches a large share of a segment does not
// walk postings document by document to count its matches and their
// facets: it builds the set of matching documents as a bitset (one bit per
// document of the segment), word by word, from the bitsets of its
// dictionary entries, and counts with popcount. To rank, it bounds each
// match's score from the entries' impacts, kept one byte per posting
// (rounded up), and decodes postings only for the matches whose bound can
// beat the worst hit kept. The sets of frequent entries are built once from
// their postings and kept in a cache bounded in bytes (least recently used
// out first), as are the bitsets of each source and language; rare entries
// are decoded each time. Segments are immutable, so a cached set never goes
// stale; the sets of a segment merged away age out of the cache.

// denseCacheBytes bounds the memory the cache of an Index holds: 512 MiB
// keep about 2,000 entries that 150,000 of 1,000,000 documents hold
// (bitset, rank table and impacts: 0.34 MB each).
const denseCacheBytes = 512 << 20

// denseMinDF is the smallest number of matches in a segment for which a
// query takes the dense path (and at least a 64th of the segment).
const denseMinDF = 1024

// denseCacheMinDF is the smallest document frequency whose set is cached:
// building the set of a rarer entry (its bitset and rank table, about a
// sixth of a byte per document of the segment) costs little each time.
const denseCacheMinDF = 256

// denseMinDocs is the smallest segment the dense path serves; smaller
// segments cost little either way.
const denseMinDocs = 4096

// maxOrdinalSets is the most values of a source or language column the
// dense path keeps a bitset of each for; with more, it reads the column.
const maxOrdinalSets = 64

// denseKey names one cached bitset: a dictionary entry of a segment, or
// one source or language ordinal (entry "\x00s:N" or "\x00l:N").
type denseKey struct {
	seg   *segment
	entry string
}

type denseEntry struct {
	key denseKey
	set *denseSet
}

// denseSet is the documents of one dictionary entry (or ordinal) of a
// segment: a bitset, the number of bits set before each word, and the
// impact of each posting (see impact in postings.go) in document order,
// as a fraction of maxImpact in 255ths, rounded up. Ordinals have no
// ranks or impacts.
type denseSet struct {
	bits      []uint64
	ranks     []uint32
	imp       []uint8
	maxImpact float64
	// top holds the documents whose impact step is above cut (at most
	// the runner's denseTop of them, in document order); the others are at most cut
	// (-1: top holds every document).
	top []uint32
	cut int
}

// denseTop bounds the documents of a set's top list.
const denseTop = 1024

func (d *denseSet) size() int { return len(d.bits)*8 + len(d.ranks)*4 + len(d.imp) + len(d.top)*4 + 64 }

// has reports whether document d is in the set.
func (d *denseSet) has(doc uint32) bool { return d.bits[doc>>6]&(1<<(doc&63)) != 0 }

// impactOf returns the rounded-up impact step (0–255) of document doc,
// which the set must hold.
func (d *denseSet) impactOf(doc uint32) uint8 {
	w := doc >> 6
	r := d.ranks[w] + uint32(bits.OnesCount64(d.bits[w]&(1<<(doc&63)-1)))
	return d.imp[r]
}

// denseCache keeps bitsets, least recently used out first, up to max
// bytes. It is safe for concurrent use; callers never modify a bitset it
// returns.
type denseCache struct {
	mu   sync.Mutex
	max  int
	used int
	ll   *list.List // front: most recently used
	m    map[denseKey]*list.Element
}

func newDenseCache(maxBytes int) *denseCache {
	return &denseCache{max: maxBytes, ll: list.New(), m: map[denseKey]*list.Element{}}
}

func (c *denseCache) get(k denseKey) *denseSet {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.m[k]
	if !ok {
		return nil
	}
	c.ll.MoveToFront(el)
	return el.Value.(*denseEntry).set
}

// put stores b under k, evicting the least recently used sets to make
// room; a set larger than the whole cache is not kept.
func (c *denseCache) put(k denseKey, b *denseSet) {
	size := b.size()
	c.mu.Lock()
	defer c.mu.Unlock()
	if size > c.max {
		return
	}
	if _, ok := c.m[k]; ok {
		return
	}
	c.evict(c.max - size)
	c.m[k] = c.ll.PushFront(&denseEntry{key: k, set: b})
	c.used += size
}

// resize sets the bound to maxBytes, evicting the least recently used sets
// beyond it.
func (c *denseCache) resize(maxBytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.max = max(0, maxBytes)
	c.evict(c.max)
}

// evict drops the least recently used sets until at most limit bytes are
// held; the caller holds c.mu.
func (c *denseCache) evict(limit int) {
	for c.used > limit {
		el := c.ll.Back()
		e := el.Value.(*denseEntry)
		c.ll.Remove(el)
		delete(c.m, e.key)
		c.used -= e.set.size()
	}
}

// bitWords returns the number of 64-bit words of a bitset of n documents.
func bitWords(n int) int { return (n + 63) / 64 }

// bitsPool recycles the bitsets a search builds and drops.
var bitsPool sync.Pool

// getBits returns a zeroed bitset of w words.
func getBits(w int) []uint64 {
	if p, ok := bitsPool.Get().(*[]uint64); ok && cap(*p) >= w {
		b := (*p)[:w]
		clear(b)
		return b
	}
	return make([]uint64, w)
}

func putBits(b []uint64) {
	if b != nil {
		bitsPool.Put(&b)
	}
}

// nextSet returns the first set bit of b at or after d, or endDoc.
func nextSet(b []uint64, d uint32) uint32 {
	i := int(d >> 6)
	if i >= len(b) {
		return endDoc
	}
	if w := b[i] >> (d & 63); w != 0 {
		return d + uint32(bits.TrailingZeros64(w))
	}
	for i++; i < len(b); i++ {
		if b[i] != 0 {
			return uint32(i<<6 + bits.TrailingZeros64(b[i]))
		}
	}
	return endDoc
}

// popcount returns the number of set bits of b.
func popcount(b []uint64) int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// andCount returns the number of bits set in both a and b.
func andCount(a, b []uint64) int {
	n := 0
	b = b[:len(a)]
	for i, w := range a {
		n += bits.OnesCount64(w & b[i])
	}
	return n
}

// cacheable reports whether the set of an entry with ti's document
// frequency is worth keeping.
func (e *runner) cacheable(ti termInfo) bool {
	return e.dense != nil && int(ti.df) >= denseCacheMinDF
}

// orEntry ORs the documents of entry (at ti in segment si) into dst: from
// its cached set, or decoded from its postings (then cached when it is
// worth it, see cacheable).
func (e *runner) orEntry(si int, entry string, ti termInfo, dst []uint64) error {
	seg := e.snap.segs[si].seg
	if e.cacheable(ti) {
		ds, err := e.denseSetOf(si, entry, ti)
		if err != nil {
			return err
		}
		for i, w := range ds.bits {
			dst[i] |= w
		}
		return nil
	}
	it, err := seg.postings(ti)
	if err != nil {
		return err
	}
	for it.next() {
		if int(it.doc) >= seg.n {
			return errCorrupt
		}
		dst[it.doc>>6] |= 1 << (it.doc & 63)
	}
	return it.err
}

// denseSetOf returns the set of entry (at ti in segment si), with ranks
// and impacts: cached, or built from its postings (and cached when it is
// worth it).
func (e *runner) denseSetOf(si int, entry string, ti termInfo) (*denseSet, error) {
	seg := e.snap.segs[si].seg
	cache := e.cacheable(ti)
	k := denseKey{seg, entry}
	if cache {
		if ds := e.dense.get(k); ds != nil {
			return ds, nil
		}
	}
	it, err := seg.postings(ti)
	if err != nil {
		return nil, err
	}
	w := bitWords(seg.n)
	ds := &denseSet{bits: make([]uint64, w), ranks: make([]uint32, w)}
	x := make([]float64, 0, ti.df)
	norm := segNorm(seg.sumLens, seg.n)
	var lens [numFields]uint32
	for it.next() {
		if int(it.doc) >= seg.n {
			return nil, errCorrupt
		}
		ds.bits[it.doc>>6] |= 1 << (it.doc & 63)
		for f := range numFields {
			lens[f] = seg.fieldLen(it.doc, f)
		}
		v := impact(&it.tf, &lens, &norm)
		x = append(x, v)
		ds.maxImpact = max(ds.maxImpact, v)
	}
	if it.err != nil {
		return nil, it.err
	}
	ds.imp = make([]uint8, len(x))
	for i, v := range x {
		if ds.maxImpact > 0 {
			ds.imp[i] = uint8(min(255, math.Ceil(v/ds.maxImpact*255)))
		}
	}
	r := uint32(0)
	for i, b := range ds.bits {
		ds.ranks[i] = r
		r += uint32(bits.OnesCount64(b))
	}
	ds.topList(e.denseTop)
	if cache {
		e.dense.put(k, ds)
	}
	return ds, nil
}

// topList fills d.top and d.cut: the lowest cut that leaves at most max
// documents above it.
func (d *denseSet) topList(max int) {
	var count [256]int
	for _, q := range d.imp {
		count[q]++
	}
	d.cut = -1
	above := 0
	for q := 255; q >= 0; q-- {
		if above+count[q] > max {
			d.cut = q
			break
		}
		above += count[q]
	}
	d.top = make([]uint32, 0, above)
	i := 0
	for w, b := range d.bits {
		for b != 0 {
			doc := uint32(w<<6 + bits.TrailingZeros64(b))
			if int(d.imp[i]) > d.cut {
				d.top = append(d.top, doc)
			}
			i++
			b &= b - 1
		}
	}
}

// ordinalBits returns the bitsets of every ordinal of a keyword column of
// segment si (source: src true; else language), cached.
func (e *runner) ordinalBits(si int, src bool) [][]uint64 {
	seg := e.snap.segs[si].seg
	names, tag, col := seg.langNames, "\x00l:", seg.lang
	if src {
		names, tag, col = seg.srcNames, "\x00s:", seg.src
	}
	out := make([][]uint64, len(names))
	missing := false
	for o := range names {
		if ds := e.dense.get(denseKey{seg, tag + strconv.Itoa(o)}); ds != nil {
			out[o] = ds.bits
		} else {
			missing = true
		}
	}
	if !missing {
		return out
	}
	w := bitWords(seg.n)
	for o := range out {
		out[o] = make([]uint64, w)
	}
	for d := range uint32(seg.n) {
		if o := int(col(d)); o < len(out) {
			out[o][d>>6] |= 1 << (d & 63)
		}
	}
	for o := range out {
		e.dense.put(denseKey{seg, tag + strconv.Itoa(o)}, &denseSet{bits: out[o]})
	}
	return out
}
