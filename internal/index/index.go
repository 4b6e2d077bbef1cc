package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/news"
)

// The names of the index fields.
const (
	FieldHeadline   = "headline"
	FieldStandfirst = "standfirst"
	FieldBody       = "body"
	FieldTags       = "tags"
	// FieldXKey holds the cross-script key term (analysis.KeyTerm) of
	// every keyed word of the four text fields, for matching across
	// Latin and Devanagari at a lower weight (Clause.Keys).
	FieldXKey      = "xkey"
	FieldSource    = "source"
	FieldLang      = "lang"
	FieldPublished = "published"
)

// termsAnalyzer is the name of the Bleve analyzer of the text fields: it
// only splits our finished terms at the spaces between them.
const termsAnalyzer = "khabar_terms"

// schemaVersion changes whenever the mapping or the way documents are built
// changes; an index with another version must be rebuilt.
const schemaVersion = "5"

// Keys of the values the index keeps beside the documents.
var (
	keyLastSeq = []byte("khabar.last_seq")
	keySchema  = []byte("khabar.schema")
)

// DefaultPageSize is the number of changes CatchUp reads from the store at a
// time.
const DefaultPageSize = 1000

// ErrSchema is returned by Open when the directory holds an index built with
// another schema; run Rebuild (khabar reindex).
var ErrSchema = errors.New("index schema differs: rebuild the index")

// Index is the derived full-text index in one directory. Its methods are
// safe for concurrent use; Apply and CatchUp are serialized.
type Index struct {
	dir string
	an  *analysis.Analyzer
	bi  bleve.Index

	pageSize int        // changes per CatchUp read
	writeMu  sync.Mutex // serializes Apply and CatchUp
	stats    termStats  // term totals per field, for BM25 (stats.go)
}

// Open opens the index in dir, creating it (and dir) when dir holds no
// index. an analyzes the article text; it must be the analyzer search uses
// for queries. Open fails with an error wrapping ErrSchema when dir holds an
// index of another schema, and with an error after about two seconds when
// another process holds the index open.
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
	runtime := map[string]interface{}{"bolt_timeout": "2s"}
	var bi bleve.Index
	var err error
	if _, statErr := os.Stat(filepath.Join(dir, "index_meta.json")); statErr == nil {
		bi, err = bleve.OpenUsing(dir, runtime)
	} else if errors.Is(statErr, os.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(filepath.Clean(dir)), 0o755); err != nil {
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
		var m *mapping.IndexMappingImpl
		m, err = newMapping()
		if err == nil {
			bi, err = bleve.NewUsing(dir, m, scorch.Name, scorch.Name, runtime)
		}
		if err == nil {
			err = bi.SetInternal(keySchema, []byte(schemaVersion))
			if err != nil {
				_ = bi.Close()
			}
		}
	} else {
		err = statErr
	}
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	schema, err := bi.GetInternal(keySchema)
	if err != nil {
		_ = bi.Close()
		return nil, fmt.Errorf("open index %s: read schema: %w", dir, err)
	}
	if string(schema) != schemaVersion {
		_ = bi.Close()
		return nil, fmt.Errorf("open index %s: have schema %q, want %q: %w", dir, schema, schemaVersion, ErrSchema)
	}
	tokens, err := loadStats(bi)
	if err != nil {
		_ = bi.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	others, err := otherFields(bi)
	if err != nil {
		_ = bi.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	ix := &Index{dir: dir, an: an, bi: bi, pageSize: DefaultPageSize}
	ix.stats.tokens, ix.stats.others = tokens, others
	return ix, nil
}

// newMapping returns the Bleve mapping of an article document.
func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	err := m.AddCustomAnalyzer(termsAnalyzer, map[string]interface{}{
		"type":      custom.Name,
		"tokenizer": whitespace.Name,
	})
	if err != nil {
		return nil, fmt.Errorf("add terms analyzer: %w", err)
	}
	m.ScoringModel = bleveindex.BM25Scoring
	m.DefaultAnalyzer = termsAnalyzer
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false

	text := func(name string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Name = name
		f.Analyzer = termsAnalyzer
		f.Store = false
		f.IncludeTermVectors = true // positions, for phrases
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	kw := func(name string) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Name = name
		f.Analyzer = keyword.Name
		f.Store = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		// Facets read source and lang for every match: with doc values
		// Bleve reads them from a column instead of un-inverting the field.
		f.DocValues = true
		return f
	}
	pub := bleve.NewDateTimeFieldMapping()
	pub.Name = FieldPublished
	pub.Store = false
	pub.IncludeInAll = false
	pub.DocValues = true // sorting by date

	doc := bleve.NewDocumentStaticMapping()
	for _, name := range []string{FieldHeadline, FieldStandfirst, FieldBody, FieldTags} {
		doc.AddFieldMappingsAt(name, text(name))
	}
	xkey := text(FieldXKey)
	xkey.IncludeTermVectors = false // never in a phrase
	doc.AddFieldMappingsAt(FieldXKey, xkey)
	doc.AddFieldMappingsAt(FieldSource, kw(FieldSource))
	doc.AddFieldMappingsAt(FieldLang, kw(FieldLang))
	doc.AddFieldMappingsAt(FieldPublished, pub)
	m.DefaultMapping = doc
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("validate mapping: %w", err)
	}
	return m, nil
}

// Dir returns the directory the index lives in.
func (ix *Index) Dir() string { return ix.dir }

// Close releases the index. It is safe to call once.
func (ix *Index) Close() error {
	if err := ix.bi.Close(); err != nil {
		return fmt.Errorf("close index %s: %w", ix.dir, err)
	}
	return nil
}

// LastSeq returns the highest store sequence number the index has applied
// (0 for a new index).
func (ix *Index) LastSeq() (int64, error) {
	v, err := ix.bi.GetInternal(keyLastSeq)
	if err != nil {
		return 0, fmt.Errorf("index last seq: %w", err)
	}
	if len(v) == 0 {
		return 0, nil
	}
	n, err := strconv.ParseInt(string(v), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("index last seq: bad value %q: %w", v, err)
	}
	return n, nil
}

// DocCount returns the number of documents in the index.
func (ix *Index) DocCount() (int, error) {
	n, err := ix.bi.DocCount()
	if err != nil {
		return 0, fmt.Errorf("index doc count: %w", err)
	}
	return int(n), nil
}

// Apply indexes the changed articles and removes the deleted ones in one
// Bleve batch, together with the highest sequence number among changes; it
// returns when the batch is durable. Changes with a sequence number at or
// below LastSeq are already in the index and are skipped, so applying the
// same changes twice is harmless. A change with an empty ID is an error and
// nothing is applied.
func (ix *Index) Apply(ctx context.Context, changes []news.Change) error {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	return ix.apply(ctx, changes)
}

func (ix *Index) apply(ctx context.Context, changes []news.Change) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("apply changes: %w", err)
	}
	last, err := ix.LastSeq()
	if err != nil {
		return fmt.Errorf("apply changes: %w", err)
	}
	docs := ix.documents(changes, last)
	b := ix.bi.NewBatch()
	sb := ix.newStatsBatch(b)
	top := last
	for i, c := range changes {
		if c.ID == "" {
			return fmt.Errorf("apply changes: change %d (seq %d) has an empty id", i, c.Seq)
		}
		if c.Seq <= last {
			continue
		}
		if c.Seq > top {
			top = c.Seq
		}
		if c.Article == nil {
			b.Delete(c.ID)
			if err := sb.set(c.ID, nil); err != nil {
				return fmt.Errorf("apply changes: %w", err)
			}
			continue
		}
		doc := docs[i]
		if err := b.Index(c.ID, doc); err != nil {
			return fmt.Errorf("apply changes: index article %s: %w", c.ID, err)
		}
		if err := sb.set(c.ID, countTerms(doc)); err != nil {
			return fmt.Errorf("apply changes: %w", err)
		}
	}
	if top == last {
		return nil
	}
	b.SetInternal(keyLastSeq, []byte(strconv.FormatInt(top, 10)))
	if err := sb.finish(); err != nil {
		return fmt.Errorf("apply changes: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("apply changes: %w", err)
	}
	if err := ix.bi.Batch(b); err != nil {
		return fmt.Errorf("apply changes up to seq %d: %w", top, err)
	}
	if err := sb.commit(); err != nil {
		return fmt.Errorf("apply changes up to seq %d: %w", top, err)
	}
	return nil
}

// CatchUp applies the store's changes after LastSeq, DefaultPageSize at a
// time, until none are left, and returns how many changes it applied. It
// fails when the index has applied more than the store has assigned (the
// index belongs to another store, or the store was replaced): rebuild it.
func (ix *Index) CatchUp(ctx context.Context, st news.Store) (applied int, err error) {
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
		next, err := ix.LastSeq()
		if err != nil {
			return applied, fmt.Errorf("catch up: %w", err)
		}
		if next <= last {
			return applied, fmt.Errorf("catch up: store returned changes at or below seq %d", last)
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
// the old index or none, and Open followed by CatchUp recovers. It returns
// the number of changes applied.
func Rebuild(ctx context.Context, dir string, an *analysis.Analyzer, st news.Store) (applied int, err error) {
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
	// bleve wants to create the directory itself.
	if err := os.Remove(tmp); err != nil {
		return 0, fmt.Errorf("rebuild index %s: %w", dir, err)
	}
	ix, err := Open(ctx, tmp, an)
	if err != nil {
		return 0, fmt.Errorf("rebuild index %s: %w", dir, err)
	}
	applied, err = ix.CatchUp(ctx, st)
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

// documents builds the Bleve documents of the changes above seq last that
// carry an article, on GOMAXPROCS goroutines: analysis is the costly part of
// indexing, and each article is analyzed independently. The result is
// indexed like changes; other entries are nil.
func (ix *Index) documents(changes []news.Change, last int64) []document {
	docs := make([]document, len(changes))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(changes)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				docs[i] = ix.document(changes[i].Article)
			}
		}()
	}
	for i, c := range changes {
		if c.Article != nil && c.ID != "" && c.Seq > last {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	return docs
}

// document is the Bleve form of an article: its terms per field, joined by
// single spaces. Empty fields are left out.
type document map[string]interface{}

func (ix *Index) document(a *news.Article) document {
	lang := a.Language
	d := document{}
	var keys strings.Builder
	put := func(field string, parts ...part) {
		var b strings.Builder
		for _, p := range parts {
			for _, t := range ix.an.Analyze(p.text, p.lang) {
				if t.Term == "" || strings.ContainsFunc(t.Term, unicode.IsSpace) {
					// A term with a space would be split by the terms
					// analyzer; the analyzer never emits one.
					continue
				}
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(t.Term)
				for _, k := range ix.an.WordKeys(p.text[t.Start:t.End], t.Term) {
					if keys.Len() > 0 {
						keys.WriteByte(' ')
					}
					keys.WriteString(k)
				}
			}
		}
		if b.Len() > 0 {
			d[field] = b.String()
		}
	}
	put(FieldHeadline, part{a.Headline, lang}, part{a.Kicker, lang})
	put(FieldStandfirst, part{a.Standfirst, lang})
	body := make([]part, 0, len(a.Body))
	for _, blk := range a.Body {
		l := lang
		if blk.Language != "" {
			l = blk.Language
		}
		body = append(body, part{blk.Text, l})
	}
	put(FieldBody, body...)
	tags := make([]part, 0, len(a.Tags))
	for _, t := range a.Tags {
		tags = append(tags, part{t, lang})
	}
	put(FieldTags, tags...)
	if keys.Len() > 0 {
		d[FieldXKey] = keys.String()
	}
	if s := KeywordValue(a.Source); s != "" {
		d[FieldSource] = s
	}
	if l := KeywordValue(a.Language); l != "" {
		d[FieldLang] = l
	}
	p := a.Published
	if p.IsZero() {
		// A page that prints only "अपडेटेड: …" still has a date a reader
		// can filter and sort by; the article itself keeps the difference.
		p = a.Updated
	}
	if !p.IsZero() && p.Year() > 1677 && p.Year() < 2262 {
		// Bleve keeps times as int64 nanoseconds; others are left out.
		d[FieldPublished] = p.UTC()
	}
	return d
}

type part struct{ text, lang string }

// KeywordValue returns the form of a source or language name the keyword
// fields hold and match: trimmed and lower-cased.
func KeywordValue(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
