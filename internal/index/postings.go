package index

import (
	"encoding/binary"
	"errors"
)

// The postings of one term in a segment, at its postings offset:
//
//	skip table  skips × 12 bytes: for each block of blockSize postings after
//	            the first, the document number of the posting before it
//	            (uint32), the block's offset in the records (uint32) and its
//	            offset in the term's positions (uint32)
//	records     per posting, in document order: uvarint document number
//	            minus the previous one (the first: the number itself); a
//	            field-mask byte; a uvarint term count for each field in the
//	            mask, lowest field first; and, when the mask has a text
//	            field, the uvarint byte length of the posting's positions
//
// The positions of a posting, in the positions section from the term's
// positions offset on, are its positions in the text fields (a field's
// position plus field<<posShift), ascending: the first as a uvarint, each
// next one as the uvarint difference. A posting's positions are encoded on
// their own, so a merge copies them as they are.
const (
	blockSize = 128
	skipSize  = 12
)

// errCorrupt reports postings that cannot be decoded.
var errCorrupt = errors.New("corrupt postings")

// postingIter walks the postings of one term in document order. Start with
// next or advance; doc, mask, tf and positions describe the current
// posting. The zero value is exhausted.
type postingIter struct {
	recs, pos, skips []byte
	nSkips           int

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
	n := int(ti.skips) * skipSize
	if n > len(post) {
		return &postingIter{done: true, err: errCorrupt}
	}
	return &postingIter{skips: post[:n], nSkips: int(ti.skips), recs: post[n:], pos: pos, df: int(ti.df)}
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
	// Entry j describes block j+1. Jump to the last block whose previous
	// posting is before target, if it lies ahead.
	block := it.count / blockSize
	if it.count > 0 && it.count%blockSize == 0 {
		block-- // the current posting ends a block; the next record starts block+1
	}
	jump := -1
	for j := max(block, 0); j < it.nSkips; j++ {
		if le.Uint32(it.skips[j*skipSize:]) >= target {
			break
		}
		jump = j
	}
	if jump >= 0 && (jump+1)*blockSize > it.count {
		e := it.skips[jump*skipSize:]
		it.prev = le.Uint32(e)
		it.off = int(le.Uint32(e[4:]))
		it.nextPos = int(le.Uint32(e[8:]))
		it.count = (jump + 1) * blockSize
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
	recs, pos, skips []byte
	count            int
	prev             uint32
}

func (e *postingEncoder) reset() {
	e.recs, e.pos, e.skips = e.recs[:0], e.pos[:0], e.skips[:0]
	e.count, e.prev = 0, 0
}

// add appends a posting: document doc (greater than the previous one), its
// term count per field, and its encoded positions (see encodePositions).
func (e *postingEncoder) add(doc uint32, tf *[numFields]uint32, rawPos []byte) {
	if e.count > 0 && e.count%blockSize == 0 {
		e.skips = le.AppendUint32(e.skips, e.prev)
		e.skips = le.AppendUint32(e.skips, uint32(len(e.recs)))
		e.skips = le.AppendUint32(e.skips, uint32(len(e.pos)))
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
	e.prev = doc
	e.count++
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
