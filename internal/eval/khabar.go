package eval

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/index"
	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/search"
	"github.com/khabar-news/khabar/internal/sqlite"
)

// putBatch is how many articles Khabar stores per transaction.
const putBatch = 500

// Khabar is khabar's own retriever over a data directory of its own: the
// SQLite store, the index beside it, and a search.Searcher over both, as
// internal/archive opens them.
type Khabar struct {
	st *sqlite.Store
	ix *index.Index
	s  *search.Searcher
}

var _ Retriever = (*Khabar)(nil)

// NewKhabar opens (creating) the data directory dir, which should be new
// and empty, stores every document as one article (ID = Doc.ID, headline =
// Title, body = Text split into paragraphs at blank lines, language =
// Language), and brings the index up to date from the store: the path an
// ingested article takes. Close it when done.
func NewKhabar(ctx context.Context, dir string, docs []Doc) (*Khabar, error) {
	st, err := sqlite.Open(ctx, dir)
	if err != nil {
		return nil, fmt.Errorf("khabar retriever: %w", err)
	}
	ix, err := index.Open(ctx, filepath.Join(dir, "index"), analysis.New())
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("khabar retriever: %w", err)
	}
	k := &Khabar{st: st, ix: ix, s: search.New(ix, st)}
	for i := 0; i < len(docs); i += putBatch {
		batch := docs[i:min(i+putBatch, len(docs))]
		arts := make([]*news.Article, 0, len(batch))
		for _, d := range batch {
			arts = append(arts, Article(d))
		}
		if _, err := k.st.Put(ctx, arts...); err != nil {
			k.Close()
			return nil, fmt.Errorf("khabar retriever: store documents %d-%d: %w", i, i+len(batch)-1, err)
		}
	}
	if _, err := k.ix.CatchUp(ctx, k.st); err != nil {
		k.Close()
		return nil, fmt.Errorf("khabar retriever: %w", err)
	}
	return k, nil
}

// Article returns d as the article khabar stores.
func Article(d Doc) *news.Article {
	a := &news.Article{ID: d.ID, Headline: d.Title, Language: d.Language}
	for _, p := range paragraphs(d.Text) {
		a.Body = append(a.Body, news.Block{Kind: news.Paragraph, Text: p})
	}
	return a
}

// paragraphs splits text at blank lines (at each newline when it has no
// blank line), with runs of white space made one space and empty
// paragraphs left out, as khabar's JSONL reader does.
func paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	sep := "\n"
	if strings.Contains(text, "\n\n") {
		sep = "\n\n"
	}
	var out []string
	for _, p := range strings.Split(text, sep) {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Search runs query through internal/search in AnyWord mode and returns
// the ids of the first k hits. The query is taken as plain words: double
// quotes and leading minus signs, which are query syntax, are removed.
func (k *Khabar) Search(ctx context.Context, query string, n int) ([]string, error) {
	return k.search(ctx, query, n, false)
}

// IDsOnly returns a Retriever that searches like k but stops at the index:
// no articles are loaded and no snippets cut, as the peers, which return
// ids only. For comparing latency on equal terms.
func (k *Khabar) IDsOnly() Retriever { return idsOnly{k} }

type idsOnly struct{ k *Khabar }

func (r idsOnly) Search(ctx context.Context, query string, n int) ([]string, error) {
	return r.k.search(ctx, query, n, true)
}

func (k *Khabar) search(ctx context.Context, query string, n int, idsOnly bool) ([]string, error) {
	if k == nil || k.s == nil {
		return nil, errors.New("khabar retriever is closed")
	}
	res, err := k.s.Search(ctx, PlainQuery(query), search.Options{Limit: n, Mode: search.AnyWord, IDsOnly: idsOnly})
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}

// PlainQuery removes the query syntax a question might hold by accident:
// double quotes become spaces and minus signs at the start of a word are
// dropped.
func PlainQuery(q string) string {
	f := strings.Fields(strings.ReplaceAll(q, `"`, " "))
	for i, w := range f {
		f[i] = strings.TrimLeft(w, "-")
	}
	return strings.Join(f, " ")
}

// Close closes the index and the store; the data directory stays.
func (k *Khabar) Close() error {
	if k == nil || k.s == nil {
		return nil
	}
	err := errors.Join(k.ix.Close(), k.st.Close())
	k.st, k.ix, k.s = nil, nil, nil
	return err
}
