package index

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"sync/atomic"
)

// A segment is an immutable part of the index: a set of documents, numbered
// 0..n-1 in the segment, with their columns (publication time, source,
// language, field lengths, id) and the postings of every term. It is written
// once (segwriter.go) and then only read, from a memory-mapped file.
//
// File layout (little-endian), sections in this order:
//
//	pub      n × int64    publication time, Unix seconds (noTime: none)
//	src      n × uint16   source ordinal (0: none) into srcNames
//	lang     n × uint16   language ordinal (0: none) into langNames
//	lens     n × 5×uint32 terms per field (headline, standfirst, tags, body, xkey)
//	idOffs   (n+1)×uint32 offsets into idBytes
//	idBytes  the document ids
//	idSorted n × uint32   document numbers in the order of their ids
//	srcNames, langNames   count uint32, then per name uint16 length + bytes
//	paired                the same, of the terms whose word pairs the
//	                      segment holds (see pairs.go), sorted
//	termOffs (t+1)×uint32 offsets into termBytes
//	termBytes             the terms, sorted bytewise
//	termMeta t × 24 bytes df uint32, blocks uint32, postings offset uint64,
//	                      positions offset uint64
//	postings, positions   see postings.go
//
// followed by the footer: the offset of each of the 15 sections and of the
// end of the last, the document and term counts, the total field lengths,
// and the magic.
type segment struct {
	num   uint64
	name  string
	data  []byte
	unmap func() error
	refs  atomic.Int32 // snapshots using the segment; unmapped at zero

	n, nTerms int
	sec       [numSections + 1]uint64
	sumLens   [numFields]uint64
	srcNames  []string
	langNames []string
	paired    map[string]bool // terms whose word pairs the segment holds
}

// The fields of a document. Text fields come first; fieldXKey holds the
// cross-script keys.
const (
	fieldHeadline = iota
	fieldStandfirst
	fieldTags
	fieldBody
	fieldXKey
	numFields
)

// textMask has the bits of the text fields in a posting's field mask.
const textMask = 1<<fieldXKey - 1

// posShift places the positions of field f at f<<posShift, so a phrase never
// runs from one field into the next. A field keeps at most maxFieldTerms
// terms.
const (
	posShift      = 24
	maxFieldTerms = 1<<posShift - 1
)

// noTime is the publication time of a document without one.
const noTime = math.MinInt64

// Section indexes.
const (
	secPub = iota
	secSrc
	secLang
	secLens
	secIDOffs
	secIDBytes
	secIDSorted
	secSrcNames
	secLangNames
	secPaired
	secTermOffs
	secTermBytes
	secTermMeta
	secPostings
	secPositions
	numSections
)

const (
	segMagic   = "KHSEG004"
	metaSize   = 24
	footerSize = (numSections+1)*8 + 4 + 4 + numFields*8 + len(segMagic)
)

var le = binary.LittleEndian

// openSegment maps the file of segment id in dir and checks its structure.
func openSegment(dir string, id uint64) (*segment, error) {
	name := segFile(id)
	data, unmap, err := mapFile(filepath.Join(dir, name))
	if err != nil {
		return nil, fmt.Errorf("open segment %s: %w", name, err)
	}
	s, err := parseSegment(name, data)
	if err != nil {
		_ = unmap()
		return nil, err
	}
	s.unmap, s.num = unmap, id
	return s, nil
}

// parseSegment reads the footer and name tables of a segment's bytes and
// checks that every section lies inside them.
func parseSegment(name string, data []byte) (*segment, error) {
	bad := func(what string) error {
		return fmt.Errorf("open segment %s: corrupt file: %s", name, what)
	}
	if len(data) < footerSize || string(data[len(data)-len(segMagic):]) != segMagic {
		return nil, bad("no footer")
	}
	s := &segment{name: name, data: data}
	f := data[len(data)-footerSize:]
	for i := range s.sec {
		s.sec[i] = le.Uint64(f[i*8:])
	}
	f = f[(numSections+1)*8:]
	s.n, s.nTerms = int(le.Uint32(f)), int(le.Uint32(f[4:]))
	for i := range s.sumLens {
		s.sumLens[i] = le.Uint64(f[8+i*8:])
	}
	end := uint64(len(data) - footerSize)
	for i := 0; i < numSections; i++ {
		if s.sec[i] > s.sec[i+1] || s.sec[i+1] > end {
			return nil, bad(fmt.Sprintf("section %d out of bounds", i))
		}
	}
	n, t := uint64(s.n), uint64(s.nTerms)
	want := map[int]uint64{
		secPub: n * 8, secSrc: n * 2, secLang: n * 2, secLens: n * numFields * 4,
		secIDOffs: (n + 1) * 4, secIDSorted: n * 4, secTermOffs: (t + 1) * 4, secTermMeta: t * metaSize,
	}
	for sec, size := range want {
		if s.size(sec) != size {
			return nil, bad(fmt.Sprintf("section %d has %d bytes, want %d", sec, s.size(sec), size))
		}
	}
	if uint64(le.Uint32(s.section(secIDOffs)[n*4:])) != s.size(secIDBytes) {
		return nil, bad("id table")
	}
	if uint64(le.Uint32(s.section(secTermOffs)[t*4:])) != s.size(secTermBytes) {
		return nil, bad("term table")
	}
	var err error
	if s.srcNames, err = readNames(s.section(secSrcNames)); err != nil {
		return nil, bad("source names: " + err.Error())
	}
	if s.langNames, err = readNames(s.section(secLangNames)); err != nil {
		return nil, bad("language names: " + err.Error())
	}
	paired, err := readNames(s.section(secPaired))
	if err != nil {
		return nil, bad("paired terms: " + err.Error())
	}
	s.paired = make(map[string]bool, len(paired)-1)
	for _, t := range paired[1:] {
		s.paired[t] = true
	}
	return s, nil
}

func (s *segment) size(sec int) uint64 { return s.sec[sec+1] - s.sec[sec] }

func (s *segment) section(sec int) []byte { return s.data[s.sec[sec]:s.sec[sec+1]] }

// close unmaps the segment's file.
func (s *segment) close() error {
	if s.unmap == nil {
		return nil
	}
	err := s.unmap()
	s.unmap, s.data = nil, nil
	return err
}

// pub returns the publication time of document d (noTime when none).
func (s *segment) pub(d uint32) int64 {
	return int64(le.Uint64(s.data[s.sec[secPub]+uint64(d)*8:]))
}

func (s *segment) src(d uint32) uint16 { return le.Uint16(s.data[s.sec[secSrc]+uint64(d)*2:]) }

func (s *segment) lang(d uint32) uint16 { return le.Uint16(s.data[s.sec[secLang]+uint64(d)*2:]) }

// fieldLen returns the number of terms of field f in document d.
func (s *segment) fieldLen(d uint32, f int) uint32 {
	return le.Uint32(s.data[s.sec[secLens]+uint64(d)*numFields*4+uint64(f)*4:])
}

// id returns the id of document d.
func (s *segment) id(d uint32) string {
	o := s.sec[secIDOffs] + uint64(d)*4
	a, b := le.Uint32(s.data[o:]), le.Uint32(s.data[o+4:])
	return string(s.data[s.sec[secIDBytes]+uint64(a) : s.sec[secIDBytes]+uint64(b)])
}

func (s *segment) idBytes(d uint32) []byte {
	o := s.sec[secIDOffs] + uint64(d)*4
	a, b := le.Uint32(s.data[o:]), le.Uint32(s.data[o+4:])
	return s.data[s.sec[secIDBytes]+uint64(a) : s.sec[secIDBytes]+uint64(b)]
}

// lookupID returns the number of the document with id, if the segment has
// it.
func (s *segment) lookupID(id string) (uint32, bool) {
	want := []byte(id)
	sorted := s.section(secIDSorted)
	i := sort.Search(s.n, func(i int) bool {
		return bytes.Compare(s.idBytes(le.Uint32(sorted[i*4:])), want) >= 0
	})
	if i < s.n {
		d := le.Uint32(sorted[i*4:])
		if bytes.Equal(s.idBytes(d), want) {
			return d, true
		}
	}
	return 0, false
}

// term returns the bytes of term number i.
func (s *segment) term(i int) []byte {
	o := s.sec[secTermOffs] + uint64(i)*4
	a, b := le.Uint32(s.data[o:]), le.Uint32(s.data[o+4:])
	return s.data[s.sec[secTermBytes]+uint64(a) : s.sec[secTermBytes]+uint64(b)]
}

// termInfo locates the postings of one term in a segment.
type termInfo struct {
	df, blocks   uint32
	post, posOff uint64 // offsets into the postings and positions sections
	postEnd      uint64
}

// lookup returns the postings of term, if the segment has it.
func (s *segment) lookup(term []byte) (termInfo, bool) {
	i := sort.Search(s.nTerms, func(i int) bool { return bytes.Compare(s.term(i), term) >= 0 })
	if i == s.nTerms || !bytes.Equal(s.term(i), term) {
		return termInfo{}, false
	}
	return s.termInfoAt(i), true
}

// termInfoAt returns the postings of term number i.
func (s *segment) termInfoAt(i int) termInfo {
	m := s.data[s.sec[secTermMeta]+uint64(i)*metaSize:]
	ti := termInfo{df: le.Uint32(m), blocks: le.Uint32(m[4:]), post: le.Uint64(m[8:]), posOff: le.Uint64(m[16:])}
	if i+1 < s.nTerms {
		ti.postEnd = le.Uint64(s.data[s.sec[secTermMeta]+uint64(i+1)*metaSize+8:])
	} else {
		ti.postEnd = s.size(secPostings)
	}
	return ti
}

// postings returns an iterator over the postings of ti.
func (s *segment) postings(ti termInfo) (*postingIter, error) {
	if ti.post > ti.postEnd || ti.postEnd > s.size(secPostings) || ti.posOff > s.size(secPositions) {
		return nil, fmt.Errorf("segment %s: corrupt term entry", s.name)
	}
	return newPostingIter(s.section(secPostings)[ti.post:ti.postEnd], s.section(secPositions)[ti.posOff:], ti), nil
}

// readNames parses a name table: a count, then each name's length and
// bytes. Name 0 is the empty name and is not stored.
func readNames(b []byte) ([]string, error) {
	if len(b) < 4 {
		return nil, errors.New("short table")
	}
	n := int(le.Uint32(b))
	b = b[4:]
	out := make([]string, 1, n+1)
	for range n {
		if len(b) < 2 || len(b) < 2+int(le.Uint16(b)) {
			return nil, errors.New("short name")
		}
		l := int(le.Uint16(b))
		out = append(out, string(b[2:2+l]))
		b = b[2+l:]
	}
	return out, nil
}
