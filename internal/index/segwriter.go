package index

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
)

// docColumns are the per-document values of a segment, in document order.
type docColumns struct {
	ids  []string
	pub  []int64
	src  []string // KeywordValue form; "" for none
	lang []string
	lens [][numFields]uint32
}

func (c *docColumns) add(id string, pub int64, src, lang string, lens [numFields]uint32) {
	c.ids = append(c.ids, id)
	c.pub = append(c.pub, pub)
	c.src = append(c.src, src)
	c.lang = append(c.lang, lang)
	c.lens = append(c.lens, lens)
}

// segWriter writes one segment file. Terms are added in ascending byte
// order with beginTerm/addPosting/endTerm; postings and positions go to
// temporary files as they come, so a merge of large segments holds only
// the term table in memory. finish writes the file and syncs it.
type segWriter struct {
	path     string
	postF    *os.File
	posF     *os.File
	post     *bufio.Writer
	pos      *bufio.Writer
	postLen  uint64
	posLen   uint64
	terms    []byte
	termOffs []uint32
	meta     []byte
	last     []byte
	enc      postingEncoder
	cur      []byte
	inTerm   bool
	err      error
	// paired lists the terms whose word pairs the segment holds (see
	// pairs.go); set before finish
	paired []string
}

// newSegWriter starts the segment file path for documents whose field
// lengths total sumLens over n documents (for the block impacts).
func newSegWriter(path string, sumLens [numFields]uint64, n int) (*segWriter, error) {
	w := &segWriter{path: path}
	w.enc.norm = segNorm(sumLens, n)
	var err error
	if w.postF, err = os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".post-*.tmp"); err != nil {
		return nil, fmt.Errorf("write segment: %w", err)
	}
	if w.posF, err = os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".pos-*.tmp"); err != nil {
		w.abort()
		return nil, fmt.Errorf("write segment: %w", err)
	}
	w.post, w.pos = bufio.NewWriterSize(w.postF, 1<<20), bufio.NewWriterSize(w.posF, 1<<20)
	return w, nil
}

// abort removes the temporary files.
func (w *segWriter) abort() {
	for _, f := range []*os.File{w.postF, w.posF} {
		if f != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}
}

func (w *segWriter) beginTerm(term []byte) {
	if w.err != nil {
		return
	}
	if w.inTerm {
		w.err = errors.New("write segment: term not ended")
		return
	}
	if len(w.termOffs) > 0 && bytes.Compare(term, w.last) <= 0 {
		w.err = fmt.Errorf("write segment: term %q out of order", term)
		return
	}
	w.cur = append(w.cur[:0], term...)
	w.enc.reset()
	w.inTerm = true
}

func (w *segWriter) addPosting(doc uint32, tf, lens *[numFields]uint32, rawPos []byte) {
	if w.err != nil {
		return
	}
	if w.enc.count > 0 && doc <= w.enc.prev {
		w.err = fmt.Errorf("write segment: term %q: document %d out of order", w.cur, doc)
		return
	}
	w.enc.add(doc, tf, lens, rawPos)
}

// endTerm writes the term's postings; a term without postings is dropped.
func (w *segWriter) endTerm() {
	if w.err != nil {
		return
	}
	w.inTerm = false
	if w.enc.count == 0 {
		return
	}
	w.enc.finish()
	if len(w.terms)+len(w.cur) > math.MaxUint32 {
		w.err = errors.New("write segment: term table over 4 GiB")
		return
	}
	w.termOffs = append(w.termOffs, uint32(len(w.terms)))
	w.terms = append(w.terms, w.cur...)
	w.last = append(w.last[:0], w.cur...)
	w.meta = le.AppendUint32(w.meta, uint32(w.enc.count))
	w.meta = le.AppendUint32(w.meta, uint32(len(w.enc.blocks)/blockEntrySize))
	w.meta = le.AppendUint64(w.meta, w.postLen)
	w.meta = le.AppendUint64(w.meta, w.posLen)
	for _, b := range [][]byte{w.enc.blocks, w.enc.recs} {
		if _, err := w.post.Write(b); err != nil {
			w.err = fmt.Errorf("write segment: %w", err)
			return
		}
		w.postLen += uint64(len(b))
	}
	if _, err := w.pos.Write(w.enc.pos); err != nil {
		w.err = fmt.Errorf("write segment: %w", err)
		return
	}
	w.posLen += uint64(len(w.enc.pos))
}

// segNorm returns bm25B over the mean length of each field.
func segNorm(sumLens [numFields]uint64, n int) [numFields]float64 {
	var norm [numFields]float64
	for f, s := range sumLens {
		if s > 0 && n > 0 {
			norm[f] = bm25B / (float64(s) / float64(n))
		}
	}
	return norm
}

// finish writes the segment file from docs and the terms added, syncs it
// and removes the temporary files. sumLens totals each field over docs.
func (w *segWriter) finish(docs *docColumns) (err error) {
	defer w.abort()
	if w.err != nil {
		return w.err
	}
	if w.inTerm {
		return errors.New("write segment: term not ended")
	}
	if err := w.post.Flush(); err != nil {
		return fmt.Errorf("write segment: %w", err)
	}
	if err := w.pos.Flush(); err != nil {
		return fmt.Errorf("write segment: %w", err)
	}
	n := len(docs.ids)
	if n > math.MaxUint32/numFields/4 {
		return fmt.Errorf("write segment: %d documents is too many", n)
	}
	tmp := w.path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("write segment: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<20)
	var off uint64
	var sec [numSections + 1]uint64
	write := func(b []byte) {
		if err == nil {
			_, err = bw.Write(b)
			off += uint64(len(b))
		}
	}
	mark := func(s int) { sec[s] = off }

	srcNames, srcOrd := names(docs.src)
	langNames, langOrd := names(docs.lang)
	if len(srcNames) > math.MaxUint16 || len(langNames) > math.MaxUint16 {
		return fmt.Errorf("write segment: %d sources or %d languages is too many", len(srcNames), len(langNames))
	}
	var sumLens [numFields]uint64
	buf := make([]byte, 0, 64)
	mark(secPub)
	for _, p := range docs.pub {
		write(le.AppendUint64(buf[:0], uint64(p)))
	}
	mark(secSrc)
	for _, s := range docs.src {
		write(le.AppendUint16(buf[:0], srcOrd[s]))
	}
	mark(secLang)
	for _, l := range docs.lang {
		write(le.AppendUint16(buf[:0], langOrd[l]))
	}
	mark(secLens)
	for _, ls := range docs.lens {
		buf = buf[:0]
		for f, l := range ls {
			buf = le.AppendUint32(buf, l)
			sumLens[f] += uint64(l)
		}
		write(buf)
	}
	mark(secIDOffs)
	var idLen uint64
	for _, id := range docs.ids {
		write(le.AppendUint32(buf[:0], uint32(idLen)))
		idLen += uint64(len(id))
	}
	if idLen > math.MaxUint32 {
		return errors.New("write segment: ids over 4 GiB")
	}
	write(le.AppendUint32(buf[:0], uint32(idLen)))
	mark(secIDBytes)
	for _, id := range docs.ids {
		write([]byte(id))
	}
	mark(secIDSorted)
	order := make([]uint32, n)
	for i := range order {
		order[i] = uint32(i)
	}
	sort.Slice(order, func(i, j int) bool { return docs.ids[order[i]] < docs.ids[order[j]] })
	for _, d := range order {
		write(le.AppendUint32(buf[:0], d))
	}
	mark(secSrcNames)
	write(nameTable(srcNames))
	mark(secLangNames)
	write(nameTable(langNames))
	mark(secPaired)
	write(nameTable(w.paired))
	mark(secTermOffs)
	for _, o := range w.termOffs {
		write(le.AppendUint32(buf[:0], o))
	}
	write(le.AppendUint32(buf[:0], uint32(len(w.terms))))
	mark(secTermBytes)
	write(w.terms)
	mark(secTermMeta)
	write(w.meta)
	mark(secPostings)
	if err == nil {
		err = copyFile(bw, w.postF, w.postLen)
		off += w.postLen
	}
	mark(secPositions)
	if err == nil {
		err = copyFile(bw, w.posF, w.posLen)
		off += w.posLen
	}
	mark(numSections)
	buf = buf[:0]
	for _, o := range sec {
		buf = le.AppendUint64(buf, o)
	}
	buf = le.AppendUint32(buf, uint32(n))
	buf = le.AppendUint32(buf, uint32(len(w.termOffs)))
	for _, s := range sumLens {
		buf = le.AppendUint64(buf, s)
	}
	buf = append(buf, segMagic...)
	write(buf)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, w.path)
	}
	if err != nil {
		return fmt.Errorf("write segment %s: %w", filepath.Base(w.path), err)
	}
	return nil
}

func copyFile(dst io.Writer, f *os.File, n uint64) error {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	c, err := io.Copy(dst, f)
	if err == nil && uint64(c) != n {
		err = fmt.Errorf("copied %d bytes of %d", c, n)
	}
	return err
}

// names returns the distinct non-empty values, sorted, and the ordinal of
// each (1-based; "" is 0).
func names(values []string) ([]string, map[string]uint16) {
	ord := map[string]uint16{"": 0}
	var out []string
	for _, v := range values {
		if _, ok := ord[v]; !ok {
			ord[v] = 0
			out = append(out, v)
		}
	}
	sort.Strings(out)
	for i, v := range out {
		ord[v] = uint16(i + 1)
	}
	return out, ord
}

func nameTable(names []string) []byte {
	b := le.AppendUint32(nil, uint32(len(names)))
	for _, n := range names {
		if len(n) > math.MaxUint16 {
			n = n[:math.MaxUint16]
		}
		b = le.AppendUint16(b, uint16(len(n)))
		b = append(b, n...)
	}
	return b
}
