//go:build peers

package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/hi"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// bleveHi is the peer that stands for an off-the-shelf Go search library:
// Bleve v2 (scorch) with its own "hi" analyzer (Unicode tokenizer,
// lowercase, Indic and Hindi normalization, Hindi stop words, light
// stemmer) and BM25, one text field holding title and text, and a match
// query (any word) per question.
type bleveHi struct {
	bi bleve.Index
}

const bleveField = "text"

func newBleveHi(ctx context.Context, dir string, docs []Doc) (*bleveHi, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("peer bleve-hi: %w", err)
	}
	m := bleve.NewIndexMapping()
	m.ScoringModel = bleveindex.BM25Scoring
	m.DefaultAnalyzer = hi.AnalyzerName
	doc := bleve.NewDocumentStaticMapping()
	f := bleve.NewTextFieldMapping()
	f.Analyzer = hi.AnalyzerName
	f.Store = false
	f.IncludeInAll = false
	f.DocValues = false
	doc.AddFieldMappingsAt(bleveField, f)
	m.DefaultMapping = doc
	bi, err := bleve.NewUsing(filepath.Join(dir, "bleve-hi"), m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("peer bleve-hi: %w", err)
	}
	p := &bleveHi{bi: bi}
	b := bi.NewBatch()
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			p.Close()
			return nil, fmt.Errorf("peer bleve-hi: %w", err)
		}
		text := strings.TrimSpace(d.Title + "\n" + d.Text)
		if err := b.Index(d.ID, map[string]any{bleveField: text}); err != nil {
			p.Close()
			return nil, fmt.Errorf("peer bleve-hi: document %s: %w", d.ID, err)
		}
		if b.Size() >= 1000 || i == len(docs)-1 {
			if err := bi.Batch(b); err != nil {
				p.Close()
				return nil, fmt.Errorf("peer bleve-hi: %w", err)
			}
			b.Reset()
		}
	}
	return p, nil
}

// Search runs query as a Bleve match query (analyzed with "hi", any word).
func (p *bleveHi) Search(ctx context.Context, query string, k int) ([]string, error) {
	q := bleve.NewMatchQuery(query)
	q.SetField(bleveField)
	req := bleve.NewSearchRequestOptions(q, k, 0, false)
	res, err := p.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("peer bleve-hi: %w", err)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}

func (p *bleveHi) Close() error { return p.bi.Close() }
