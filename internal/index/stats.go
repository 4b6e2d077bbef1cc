package index

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	blevesearch "github.com/blevesearch/bleve/v2/search"
)

// Bleve's BM25 divides a field's length by an "average length" it takes
// from the number of distinct terms in the field's dictionary over the
// number of documents. That is several times smaller than the real average
// (a 1,244-sentence Hindi corpus: 5 against 18 terms), so every document
// is judged several times longer than it is and long ones are punished
// hard. The index therefore counts the terms of each text field itself —
// each document's counts under keyLenPrefix+ID, the totals under
// keyTokens, written in the same Bleve batch as the documents — and hands
// Bleve the true totals with every search (search.BM25StatsKey), so BM25
// sees the true average.

// Keys of the term counts kept beside the documents.
var (
	keyTokens    = []byte("khabar.tokens")
	keyLenPrefix = "khabar.len/"
)

// fieldCounts holds a number of terms per text field.
type fieldCounts map[string]int64

// textFieldNames are the fields whose lengths are counted.
var textFieldNames = [...]string{FieldHeadline, FieldStandfirst, FieldBody, FieldTags, FieldXKey}

// termStats is the in-memory copy of the totals; the mutex guards it.
// others are the index's other fields, which need an entry in the
// statistics Bleve is given (their length is never used for ranking).
type termStats struct {
	mu     sync.Mutex
	tokens fieldCounts
	others []string
}

// otherFields returns the fields of bi that are not counted text fields,
// and always the keyword and date fields.
func otherFields(bi bleve.Index) ([]string, error) {
	fields, err := bi.Fields()
	if err != nil {
		return nil, fmt.Errorf("list fields: %w", err)
	}
	out := []string{FieldSource, FieldLang, FieldPublished, "*", "_all", "_id"}
	for _, f := range fields {
		if !slices.Contains(textFieldNames[:], f) && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out, nil
}

// loadStats reads the totals of bi (none for a new index).
func loadStats(bi bleve.Index) (fieldCounts, error) {
	v, err := bi.GetInternal(keyTokens)
	if err != nil {
		return nil, fmt.Errorf("read term counts: %w", err)
	}
	out := fieldCounts{}
	if len(v) == 0 {
		return out, nil
	}
	if err := json.Unmarshal(v, &out); err != nil {
		return nil, fmt.Errorf("read term counts: bad value %q: %w", v, err)
	}
	return out, nil
}

// countTerms returns the number of terms of each text field of d.
func countTerms(d document) fieldCounts {
	out := fieldCounts{}
	for _, f := range textFieldNames {
		if s, ok := d[f].(string); ok && s != "" {
			out[f] = int64(strings.Count(s, " ") + 1)
		}
	}
	return out
}

// statsBatch collects the count changes of one Apply.
type statsBatch struct {
	ix      *Index
	b       *bleve.Batch
	totals  fieldCounts
	pending map[string]fieldCounts // per ID, what this batch has set (nil: deleted)
}

func (ix *Index) newStatsBatch(b *bleve.Batch) *statsBatch {
	ix.stats.mu.Lock()
	totals := make(fieldCounts, len(ix.stats.tokens))
	for k, v := range ix.stats.tokens {
		totals[k] = v
	}
	ix.stats.mu.Unlock()
	return &statsBatch{ix: ix, b: b, totals: totals, pending: map[string]fieldCounts{}}
}

// set records that document id now has counts (nil when it was deleted),
// taking its earlier counts out of the totals.
func (sb *statsBatch) set(id string, counts fieldCounts) error {
	old, ok := sb.pending[id]
	if !ok {
		v, err := sb.ix.bi.GetInternal([]byte(keyLenPrefix + id))
		if err != nil {
			return fmt.Errorf("read term counts of %s: %w", id, err)
		}
		if len(v) > 0 {
			if err := json.Unmarshal(v, &old); err != nil {
				return fmt.Errorf("read term counts of %s: bad value %q: %w", id, v, err)
			}
		}
	}
	for f, n := range old {
		sb.totals[f] -= n
	}
	for f, n := range counts {
		sb.totals[f] += n
	}
	sb.pending[id] = counts
	key := []byte(keyLenPrefix + id)
	if counts == nil {
		sb.b.DeleteInternal(key)
		return nil
	}
	v, err := json.Marshal(counts)
	if err != nil {
		return fmt.Errorf("term counts of %s: %w", id, err)
	}
	sb.b.SetInternal(key, v)
	return nil
}

// finish adds the new totals to the batch.
func (sb *statsBatch) finish() error {
	v, err := json.Marshal(sb.totals)
	if err != nil {
		return fmt.Errorf("term counts: %w", err)
	}
	sb.b.SetInternal(keyTokens, v)
	return nil
}

// commit makes the totals the index's own, once the batch is written.
func (sb *statsBatch) commit() error {
	others, err := otherFields(sb.ix.bi)
	sb.ix.stats.mu.Lock()
	sb.ix.stats.tokens = sb.totals
	if err == nil {
		sb.ix.stats.others = others
	}
	sb.ix.stats.mu.Unlock()
	return err
}

// withBM25Stats returns ctx carrying the index's true document count and
// term totals for Bleve's BM25, or ctx itself for an empty index.
func (ix *Index) withBM25Stats(ctx context.Context) (context.Context, error) {
	n, err := ix.bi.DocCount()
	if err != nil {
		return nil, fmt.Errorf("doc count: %w", err)
	}
	if n == 0 {
		return ctx, nil
	}
	st := &blevesearch.BM25Stats{DocCount: float64(n), FieldCardinality: make(map[string]int, len(textFieldNames))}
	ix.stats.mu.Lock()
	for _, f := range textFieldNames {
		st.FieldCardinality[f] = int(max(ix.stats.tokens[f], 0))
	}
	for _, f := range ix.stats.others {
		st.FieldCardinality[f] = int(n) // an average length of 1
	}
	ix.stats.mu.Unlock()
	return context.WithValue(ctx, blevesearch.BM25StatsKey, st), nil
}
