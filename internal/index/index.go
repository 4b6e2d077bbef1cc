package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/news"
)

// schemaVersion changes whenever the file format or the way documents are
// analyzed changes; an index with another version must be rebuilt.
const schemaVersion = "10"

// DefaultPageSize is the number of changes CatchUp reads from the store at a
// time.
const DefaultPageSize = 2048

// ErrSchema is returned by Open when the directory holds an index built with
// another schema or format; run Rebuild (khabar reindex).
var ErrSchema = errors.New("index schema differs: rebuild the index")

// ErrCorrupt is returned by Open when a file of the index cannot be read
// as written; the index is derived data: run Rebuild (khabar reindex).
var ErrCorrupt = errors.New("index files are damaged: rebuild the index")

// Index is the derived full-text index in one directory. Its methods are
// safe for concurrent use; Apply and CatchUp are serialized, and searches
// never wait for them: each search reads the snapshot current when it
// started.
type Index struct {
	dir    string
	an     *analysis.Analyzer
	unlock func() error

	pageSize int        // changes per CatchUp read
	writeMu  sync.Mutex // serializes Apply, CatchUp and merges
	nextSeg  uint64     // guarded by writeMu

	// sets of frequent entries for searches that match many documents
	// (dense.go), and the smallest segment and match cost that take that
	// path, and the length of the sets' top lists
	dense        *denseCache
	denseMinDocs int
	denseMinCost int
	denseTop     int

	mu     sync.Mutex // guards snap and closed
	snap   *snapshot
	closed bool
}

// snapshot is the index as of one commit: its segments, each with its
// deletions, and the statistics BM25 needs. It is immutable; refs counts
// its users (the Index holds one while it is current).
type snapshot struct {
	refs    atomic.Int32
	segs    []segView
	lastSeq int64
	live    int                // documents not deleted
	avgLen  [numFields]float64 // mean terms per field over live documents
	sumLens [numFields]uint64
}

// segView is a segment with the deletions of one commit.
type segView struct {
	seg     *segment
	del     []uint64 // bitset of deleted documents; nil when none
	delGen  int
	ndel    int
	delLens [numFields]uint64 // field lengths of the deleted documents
}

func (v *segView) deleted(d uint32) bool {
	return v.del != nil && v.del[d>>6]&(1<<(d&63)) != 0
}

// Open opens the index in dir, creating it (and dir) when dir holds no
// index. an analyzes the article text; it must be the analyzer search uses
// for queries. Open fails with an error wrapping ErrSchema when dir holds an
// index of another schema or format, with one wrapping ErrCorrupt when its
// files are damaged, and after about two seconds when another process
// holds the index open.
func Open(ctx context.Context, dir string, an *analysis.Analyzer) (*Index, error) {
	if dir == "" {
		return nil, errors.New("open index: empty directory name")
	}
	if an == nil {
		return nil, fmt.Errorf("open index %s: nil analyzer", dir)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	unlock, err := lockDir(dir, 20)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	ix, err := open(dir, an)
	if err != nil {
		_ = unlock()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	ix.unlock = unlock
	return ix, nil
}

func open(dir string, an *analysis.Analyzer) (*Index, error) {
	m, ok, err := readManifest(dir)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	if !ok {
		f, err := foreign(dir)
		if err != nil {
			return nil, err
		}
		if f {
			return nil, fmt.Errorf("no %s beside other files: %w", manifestName, ErrSchema)
		}
		m = manifest{Schema: schemaVersion, NextSeg: 1}
		if err := writeManifest(dir, m); err != nil {
			return nil, err
		}
	}
	if m.Schema != schemaVersion {
		return nil, fmt.Errorf("have schema %q, want %q: %w", m.Schema, schemaVersion, ErrSchema)
	}
	views := make([]segView, 0, len(m.Segments))
	fail := func(err error) (*Index, error) {
		for _, v := range views {
			_ = v.seg.close()
		}
		return nil, err
	}
	for _, sm := range m.Segments {
		seg, err := openSegment(dir, sm.ID)
		if err != nil {
			return fail(fmt.Errorf("%w: %w", ErrCorrupt, err))
		}
		v := segView{seg: seg}
		if seg.n != sm.Docs {
			views = append(views, v)
			return fail(fmt.Errorf("%w: segment %s has %d documents, the manifest says %d", ErrCorrupt, seg.name, seg.n, sm.Docs))
		}
		if sm.DelGen > 0 {
			b, err := os.ReadFile(filepath.Join(dir, delFile(sm.ID, sm.DelGen)))
			if err == nil && len(b) != bitsetBytes(seg.n) {
				err = fmt.Errorf("%s has %d bytes, want %d", delFile(sm.ID, sm.DelGen), len(b), bitsetBytes(seg.n))
			}
			if err != nil {
				views = append(views, v)
				return fail(fmt.Errorf("%w: %w", ErrCorrupt, err))
			}
			v.del, v.delGen = bitsetFromBytes(b, seg.n), sm.DelGen
			v.count()
		}
		views = append(views, v)
	}
	if err := removeUnused(dir, m); err != nil {
		return fail(err)
	}
	ix := &Index{dir: dir, an: an, pageSize: DefaultPageSize, nextSeg: m.NextSeg,
		dense: newDenseCache(denseCacheBytes), denseMinDocs: denseMinDocs, denseMinCost: denseMinDF, denseTop: denseTop}
	ix.install(newSnapshot(views, m.LastSeq))
	return ix, nil
}

// count recounts v's deleted documents and their field lengths.
func (v *segView) count() {
	v.ndel, v.delLens = 0, [numFields]uint64{}
	for d := uint32(0); int(d) < v.seg.n; d++ {
		if v.deleted(d) {
			v.ndel++
			for f := range numFields {
				v.delLens[f] += uint64(v.seg.fieldLen(d, f))
			}
		}
	}
}

func bitsetBytes(n int) int { return (n + 63) / 64 * 8 }

func bitsetFromBytes(b []byte, n int) []uint64 {
	out := make([]uint64, (n+63)/64)
	for i := range out {
		out[i] = le.Uint64(b[i*8:])
	}
	return out
}

func bitsetToBytes(bs []uint64) []byte {
	out := make([]byte, 0, len(bs)*8)
	for _, w := range bs {
		out = le.AppendUint64(out, w)
	}
	return out
}

func newSnapshot(views []segView, lastSeq int64) *snapshot {
	s := &snapshot{segs: views, lastSeq: lastSeq}
	for _, v := range views {
		s.live += v.seg.n - v.ndel
		for f := range numFields {
			s.sumLens[f] += v.seg.sumLens[f] - v.delLens[f]
		}
	}
	for f := range numFields {
		if s.live > 0 {
			s.avgLen[f] = float64(s.sumLens[f]) / float64(s.live)
		}
	}
	return s
}

// install makes s the current snapshot.
func (ix *Index) install(s *snapshot) {
	s.refs.Store(1)
	for _, v := range s.segs {
		v.seg.refs.Add(1)
	}
	ix.mu.Lock()
	old := ix.snap
	ix.snap = s
	ix.mu.Unlock()
	if old != nil {
		old.release()
	}
}

// acquire returns the current snapshot, which the caller must release.
func (ix *Index) acquire() (*snapshot, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil, errors.New("index is closed")
	}
	ix.snap.refs.Add(1)
	return ix.snap, nil
}

// release drops one use of s; the last use of a replaced snapshot unmaps
// the segments no other snapshot uses.
func (s *snapshot) release() {
	if s.refs.Add(-1) != 0 {
		return
	}
	for _, v := range s.segs {
		if v.seg.refs.Add(-1) == 0 {
			_ = v.seg.close()
		}
	}
}

// SetCacheSize bounds the memory the index keeps for searches that match
// many documents (the sets of frequent words, see dense.go) at maxBytes
// (default 512 MiB), dropping the least recently used sets beyond it; 0
// keeps none, and such searches then build what they need each time. It
// is safe to call while searches run.
func (ix *Index) SetCacheSize(maxBytes int) {
	if ix.dense != nil {
		ix.dense.resize(maxBytes)
	}
}

// Dir returns the directory the index lives in.
func (ix *Index) Dir() string { return ix.dir }

// Close releases the index once searches in flight have finished with
// it. It is safe to call once.
func (ix *Index) Close() error {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ix.mu.Lock()
	if ix.closed {
		ix.mu.Unlock()
		return nil
	}
	ix.closed = true
	s := ix.snap
	ix.mu.Unlock()
	s.release()
	if err := ix.unlock(); err != nil {
		return fmt.Errorf("close index %s: %w", ix.dir, err)
	}
	return nil
}

// LastSeq returns the highest store sequence number the index has applied
// (0 for a new index).
func (ix *Index) LastSeq() (int64, error) {
	s, err := ix.acquire()
	if err != nil {
		return 0, fmt.Errorf("index last seq: %w", err)
	}
	defer s.release()
	return s.lastSeq, nil
}

// DocCount returns the number of documents in the index.
func (ix *Index) DocCount() (int, error) {
	s, err := ix.acquire()
	if err != nil {
		return 0, fmt.Errorf("index doc count: %w", err)
	}
	defer s.release()
	return s.live, nil
}

// Apply indexes the changed articles and removes the deleted ones, and
// records the highest sequence number among the changes, in one commit; it
// returns when the commit is durable. Changes with a sequence number at or
// below LastSeq are already in the index and are skipped, so applying the
// same changes twice is harmless; of several changes of one ID the one
// with the highest sequence number wins. A change with an empty ID is an
// error and nothing is applied.
func (ix *Index) Apply(ctx context.Context, changes []news.Change) error {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	return ix.apply(ctx, changes)
}

func (ix *Index) apply(ctx context.Context, changes []news.Change) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("apply changes: %w", err)
	}
	for i, c := range changes {
		if c.ID == "" {
			return fmt.Errorf("apply changes: change %d (seq %d) has an empty id", i, c.Seq)
		}
	}
	snap, err := ix.acquire()
	if err != nil {
		return fmt.Errorf("apply changes: %w", err)
	}
	defer snap.release()
	last := snap.lastSeq
	latest := map[string]int{}
	top := last
	for i, c := range changes {
		if c.Seq <= last {
			continue
		}
		top = max(top, c.Seq)
		if j, ok := latest[c.ID]; !ok || changes[j].Seq <= c.Seq {
			latest[c.ID] = i
		}
	}
	if top == last {
		return nil
	}
	var arts []*news.Article
	for i, c := range changes {
		if j, ok := latest[c.ID]; ok && j == i && c.Article != nil {
			a := *c.Article
			a.ID = c.ID
			arts = append(arts, &a)
		}
	}
	docs := ix.invertAll(arts)

	views := append([]segView(nil), snap.segs...)
	touched := map[int]bool{}
	for id := range latest {
		for vi := range views {
			v := &views[vi]
			d, ok := v.seg.lookupID(id)
			if !ok || v.deleted(d) {
				continue
			}
			if !touched[vi] {
				touched[vi] = true
				del := make([]uint64, (v.seg.n+63)/64)
				copy(del, v.del)
				v.del = del
			}
			v.del[d>>6] |= 1 << (d & 63)
			v.ndel++
			for f := range numFields {
				v.delLens[f] += uint64(v.seg.fieldLen(d, f))
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("apply changes: %w", err)
	}
	var added *segment
	if len(docs) > 0 {
		id := ix.nextSeg
		ix.nextSeg++
		path := filepath.Join(ix.dir, segFile(id))
		if err := writeSegment(path, docs); err != nil {
			return fmt.Errorf("apply changes: %w", err)
		}
		if added, err = openSegment(ix.dir, id); err != nil {
			return fmt.Errorf("apply changes: %w", err)
		}
		views = append(views, segView{seg: added})
	}
	for vi := range touched {
		v := &views[vi]
		v.delGen++
		if err := writeFileSync(ix.dir, delFile(v.seg.num, v.delGen), bitsetToBytes(v.del)); err != nil {
			if added != nil {
				_ = added.close()
			}
			return fmt.Errorf("apply changes: write deletions: %w", err)
		}
	}
	if err := ix.commit(views, top); err != nil {
		if added != nil {
			_ = added.close()
		}
		return fmt.Errorf("apply changes up to seq %d: %w", top, err)
	}
	if err := ix.mergeIfNeeded(ctx); err != nil {
		return fmt.Errorf("apply changes: %w", err)
	}
	return nil
}

// commit writes the manifest of views at seq lastSeq, makes them the
// current snapshot and removes the files no longer named.
func (ix *Index) commit(views []segView, lastSeq int64) error {
	m := manifest{Schema: schemaVersion, LastSeq: lastSeq, NextSeg: ix.nextSeg}
	for _, v := range views {
		m.Segments = append(m.Segments, segmentMeta{ID: v.seg.num, Docs: v.seg.n, DelGen: v.delGen})
	}
	if err := writeManifest(ix.dir, m); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	ix.install(newSnapshot(views, lastSeq))
	// Searches in flight may still read replaced files: they stay mapped
	// until released.
	if err := removeUnused(ix.dir, m); err != nil {
		return fmt.Errorf("remove replaced files: %w", err)
	}
	return nil
}

// CatchUp applies the store's changes after LastSeq, DefaultPageSize at a
// time, up to the store's last sequence number when CatchUp was called,
// and returns how many changes it applied. It
// fails when the index has applied more than the store has assigned (the
// index belongs to another store, or the store was replaced): rebuild it.
func (ix *Index) CatchUp(ctx context.Context, st news.Store) (applied int, err error) {
	return ix.catchUp(ctx, st, nil)
}

func (ix *Index) catchUp(ctx context.Context, st news.Store, progress func(applied int)) (applied int, err error) {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	last, err := ix.LastSeq()
	if err != nil {
		return 0, fmt.Errorf("catch up: %w", err)
	}
	storeLast, err := st.LastSeq(ctx)
	if err != nil {
		return 0, fmt.Errorf("catch up: store last seq: %w", err)
	}
	if storeLast < last {
		return 0, fmt.Errorf("catch up: index is at seq %d but the store only reached %d: rebuild the index", last, storeLast)
	}
	for {
		changes, err := st.Changes(ctx, last, ix.pageSize)
		if err != nil {
			return applied, fmt.Errorf("catch up: read changes after %d: %w", last, err)
		}
		if len(changes) == 0 {
			return applied, nil
		}
		if err := ix.apply(ctx, changes); err != nil {
			return applied, fmt.Errorf("catch up: %w", err)
		}
		applied += len(changes)
		if progress != nil {
			progress(applied)
		}
		next, err := ix.LastSeq()
		if err != nil {
			return applied, fmt.Errorf("catch up: %w", err)
		}
		if next <= last {
			return applied, fmt.Errorf("catch up: store returned changes at or below seq %d", last)
		}
		if next >= storeLast {
			// Changes stored since the call started wait for the next
			// one, so a steady stream of writes cannot keep a caller
			// here forever.
			return applied, nil
		}
		last = next
	}
}

// Follow runs CatchUp at once and then every interval until ctx is done,
// and returns ctx's error. A failed CatchUp is passed to onErr (when not
// nil) and tried again at the next tick. The caller owns the goroutine
// that runs Follow.
func (ix *Index) Follow(ctx context.Context, st news.Store, interval time.Duration, onErr func(error)) error {
	if interval <= 0 {
		return fmt.Errorf("follow store: interval %v, want > 0", interval)
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := ix.CatchUp(ctx, st); err != nil && onErr != nil && ctx.Err() == nil {
			onErr(err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Rebuild builds a fresh index of every article in st in a new directory
// beside dir and then moves it to dir, replacing what was there. No process
// may have the index in dir open. If Rebuild stops halfway, dir holds either
// the old index or none, and Open followed by CatchUp recovers. progress,
// when not nil, is called with the number of changes applied so far after
// each page. It returns the number of changes applied.
func Rebuild(ctx context.Context, dir string, an *analysis.Analyzer, st news.Store, progress func(applied int)) (applied int, err error) {
	if dir == "" {
		return 0, errors.New("rebuild index: empty directory name")
	}
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, fmt.Errorf("rebuild index %s: %w", dir, err)
	}
	tmp, err := os.MkdirTemp(parent, filepath.Base(dir)+".new-")
	if err != nil {
		return 0, fmt.Errorf("rebuild index %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			_ = os.RemoveAll(tmp)
		}
	}()
	ix, err := Open(ctx, tmp, an)
	if err != nil {
		return 0, fmt.Errorf("rebuild index %s: %w", dir, err)
	}
	applied, err = ix.catchUp(ctx, st, progress)
	if cerr := ix.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("rebuild index %s: %w", dir, err)
	}
	old := ""
	if _, serr := os.Stat(dir); serr == nil {
		old = fmt.Sprintf("%s.old-%d", dir, time.Now().UnixNano())
		if err := os.Rename(dir, old); err != nil {
			return 0, fmt.Errorf("rebuild index %s: move old index aside: %w", dir, err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		return 0, fmt.Errorf("rebuild index %s: move new index in: %w", dir, err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return applied, fmt.Errorf("rebuild index %s: remove old index: %w", dir, err)
		}
	}
	return applied, nil
}

// KeywordValue returns the form of a source or language name the keyword
// fields hold and match: trimmed and lower-cased.
func KeywordValue(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
