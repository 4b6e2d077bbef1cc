package index

import (
	"encoding/binary"
	"errors"
	"math"
)

// The postings of one term in a segment, at its postings offset:
//
//	block table  one entry of blockEntrySize bytes per block of blockSize
//	             postings: the document number of the block's last posting
//	             (uint32), the block's offset in the records (uint32) and in
//	             the term's positions (uint32), and the block's largest
//	             impact (float32, rounded up): the weighted, length-
//	             normalized count BM25F saturates (see exec.go), computed
//	             with the segment's own mean field lengths
//	records      per posting, in document order: uvarint document number
//	             minus the previous one (the first: the number itself); a
//	             field-mask byte; a uvarint term count for each field in the
//	             mask, lowest field first; and, when the mask has a text
//	             field, the uvarint byte length of the posting's positions
//
// The block table serves two ends: advance jumps over whole blocks, and a
// search bounds the score any posting of a block can reach, so it need not
// score blocks that cannot reach its top hits.
//
// The positions of a posting, in the positions section from the term's
// positions offset on, are its positions in the text fields (a field's
// position plus field<<posShift), ascending: the first as a uvarint, each
// next one as the uvarint difference. A posting's positions are encoded on
// their own, so a merge copies them as they are.
const (
	blockSize      = 128
	blockEntrySize = 16
)

// errCorrupt reports postings that cannot be decoded.
var errCorrupt = errors.New("corrupt postings")

// postingIter walks the postings of one term in document order. Start with
// next or advance; doc, mask, tf and positions describe the current
// posting. The zero value is exhausted.
type postingIter struct {
	recs, pos, blocks []byte
	nBlocks           int

	off     int    // offset of the next record in recs
	count   int    // postings read so far
	prev    uint32 // document of the previous posting
	nextPos int    // offset of the next posting's positions in pos

	doc          uint32
	mask         uint8
	tf           [numFields]uint32
	posLo, posHi int
	err          error
	done         bool
	df           int
}

func newPostingIter(post, pos []byte, ti termInfo) *postingIter {
	n := int(ti.blocks) * blockEntrySize
	if n > len(post) || int(ti.blocks) != (int(ti.df)+blockSize-1)/blockSize {
		return &postingIter{done: true, err: errCorrupt}
	}
	return &postingIter{blocks: post[:n], nBlocks: int(ti.blocks), recs: post[n:], pos: pos, df: int(ti.df)}
}

// block returns the table entry of the current posting's block.
func (it *postingIter) block() []byte {
	return it.blocks[(it.count-1)/blockSize*blockEntrySize:]
}

// blockImpact returns the largest impact in the block of entry e.
func blockImpact(e []byte) float64 { return float64(math.Float32frombits(le.Uint32(e[12:]))) }

// impact is the weighted, length-normalized count of a posting that BM25F
// saturates: over the text fields, or over the key field alone (a
// dictionary entry is one or the other). avg holds the mean length of each
// field; norm is bm25B over it (0 for a field no document has).
func impact(tf, lens *[numFields]uint32, norm *[numFields]float64) float64 {
	if tf[fieldXKey] > 0 {
		return float64(tf[fieldXKey]) / (1 - bm25B + norm[fieldXKey]*float64(lens[fieldXKey]))
	}
	var x float64
	for f := range fieldXKey {
		if tf[f] > 0 {
			x += fieldWeight[f] * float64(tf[f]) / (1 - bm25B + norm[f]*float64(lens[f]))
		}
	}
	return x
}

// next moves to the next posting and reports whether there is one.
func (it *postingIter) next() bool {
	if it.done {
		return false
	}
	if it.off >= len(it.recs) {
		it.done = true
		return false
	}
	delta, n := binary.Uvarint(it.recs[it.off:])
	if n <= 0 || it.off+n >= len(it.recs) {
		return it.fail()
	}
	it.off += n
	if it.count == 0 {
		it.doc = uint32(delta)
	} else {
		it.doc = it.prev + uint32(delta)
	}
	it.prev = it.doc
	it.count++
	it.mask = it.recs[it.off]
	it.off++
	for f := range numFields {
		it.tf[f] = 0
		if it.mask&(1<<f) == 0 {
			continue
		}
		v, n := binary.Uvarint(it.recs[it.off:])
		if n <= 0 {
			return it.fail()
		}
		it.tf[f] = uint32(v)
		it.off += n
	}
	it.posLo, it.posHi = it.nextPos, it.nextPos
	if it.mask&textMask != 0 {
		v, n := binary.Uvarint(it.recs[it.off:])
		if n <= 0 || it.nextPos+int(v) > len(it.pos) {
			return it.fail()
		}
		it.off += n
		it.posHi = it.nextPos + int(v)
		it.nextPos = it.posHi
	}
	return true
}

func (it *postingIter) fail() bool {
	it.done, it.err = true, errCorrupt
	return false
}

// advance moves to the first posting at or after document target (staying
// put when the current one is) and reports whether there is one. It jumps
// over whole blocks with the skip table.
func (it *postingIter) advance(target uint32) bool {
	if it.done {
		return false
	}
	if it.count > 0 && it.doc >= target {
		return true
	}
	// Jump to the last block b whose previous block ends before target,
	// if it lies ahead of the next posting.
	if it.count > 0 && it.count%blockSize != 0 && le.Uint32(it.blocks[(it.count-1)/blockSize*blockEntrySize:]) >= target {
		// target is in the current block: step to it.
		for it.next() {
			if it.doc >= target {
				return true
			}
		}
		return false
	}
	jump := it.lastBlockBefore(target)
	if jump > 0 && jump*blockSize > it.count {
		e := it.blocks[jump*blockEntrySize:]
		it.prev = le.Uint32(it.blocks[(jump-1)*blockEntrySize:])
		it.off = int(le.Uint32(e[4:]))
		it.nextPos = int(le.Uint32(e[8:]))
		it.count = jump * blockSize
		if it.off > len(it.recs) || it.nextPos > len(it.pos) {
			return it.fail()
		}
	}
	for it.next() {
		if it.doc >= target {
			return true
		}
	}
	return false
}

// lastBlockBefore returns the last block b, from the block of the next
// posting on, whose previous block ends before target (-1 when none): the
// block where a posting at or after target can first be. It gallops, then
// halves, so short and long jumps both cost few reads of the table.
func (it *postingIter) lastBlockBefore(target uint32) int {
	lo := max(it.count/blockSize, 1)
	ends := func(b int) uint32 { return le.Uint32(it.blocks[(b-1)*blockEntrySize:]) }
	if lo >= it.nBlocks || ends(lo) >= target {
		return -1
	}
	// ends(lo) < target; find hi with ends(hi) >= target (or the end).
	step, hi := 1, lo+1
	for hi < it.nBlocks && ends(hi) < target {
		lo = hi
		hi += step
		step *= 2
	}
	hi = min(hi, it.nBlocks)
	// The answer is in [lo, hi): ends(lo) < target, and ends(hi) >= target
	// or hi is the end.
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if ends(mid) < target {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// rawPositions returns the encoded positions of the current posting.
func (it *postingIter) rawPositions() []byte { return it.pos[it.posLo:it.posHi] }

// positions appends the positions of the current posting to buf.
func (it *postingIter) positions(buf []uint32) []uint32 {
	b := it.pos[it.posLo:it.posHi]
	var p uint64
	first := true
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			it.err = errCorrupt
			return buf
		}
		b = b[n:]
		if first {
			p, first = v, false
		} else {
			p += v
		}
		buf = append(buf, uint32(p))
	}
	return buf
}

// postingEncoder builds the postings of one term.
type postingEncoder struct {
	recs, pos, blocks []byte
	count             int
	prev              uint32
	// norm is bm25B over the segment's mean length of each field, for
	// impacts
	norm [numFields]float64
	// the open block: where it starts and its largest impact
	blockOff, blockPos int
	maxImpact          float64
}

// reset starts a new term; norm is kept.
func (e *postingEncoder) reset() {
	e.recs, e.pos, e.blocks = e.recs[:0], e.pos[:0], e.blocks[:0]
	e.count, e.prev = 0, 0
}

// add appends a posting: document doc (greater than the previous one), its
// term count per field, the document's length per field, and its encoded
// positions (see encodePositions).
func (e *postingEncoder) add(doc uint32, tf, lens *[numFields]uint32, rawPos []byte) {
	if e.count%blockSize == 0 {
		e.blockOff, e.blockPos = len(e.recs), len(e.pos)
		e.maxImpact = 0
	}
	delta := doc
	if e.count > 0 {
		delta = doc - e.prev
	}
	e.recs = binary.AppendUvarint(e.recs, uint64(delta))
	var mask uint8
	for f := range numFields {
		if tf[f] > 0 {
			mask |= 1 << f
		}
	}
	e.recs = append(e.recs, mask)
	for f := range numFields {
		if tf[f] > 0 {
			e.recs = binary.AppendUvarint(e.recs, uint64(tf[f]))
		}
	}
	if mask&textMask != 0 {
		e.recs = binary.AppendUvarint(e.recs, uint64(len(rawPos)))
		e.pos = append(e.pos, rawPos...)
	}
	e.maxImpact = max(e.maxImpact, impact(tf, lens, &e.norm))
	e.prev = doc
	e.count++
	if e.count%blockSize == 0 {
		e.closeBlock()
	}
}

// closeBlock appends the table entry of the open block.
func (e *postingEncoder) closeBlock() {
	e.blocks = le.AppendUint32(e.blocks, e.prev)
	e.blocks = le.AppendUint32(e.blocks, uint32(e.blockOff))
	e.blocks = le.AppendUint32(e.blocks, uint32(e.blockPos))
	up := float32(e.maxImpact)
	if float64(up) < e.maxImpact {
		up = math.Nextafter32(up, float32(math.Inf(1)))
	}
	e.blocks = le.AppendUint32(e.blocks, math.Float32bits(up))
}

// finish closes the last block, if it is open.
func (e *postingEncoder) finish() {
	if e.count%blockSize != 0 {
		e.closeBlock()
	}
}

// encodePositions appends the encoding of ascending positions to buf.
func encodePositions(buf []byte, pos []uint32) []byte {
	var prev uint32
	for i, p := range pos {
		if i == 0 {
			buf = binary.AppendUvarint(buf, uint64(p))
		} else {
			buf = binary.AppendUvarint(buf, uint64(p-prev))
		}
		prev = p
	}
	return buf
}
