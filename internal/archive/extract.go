package archive

import (
	"context"
	"fmt"
	"strings"

	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/feed"
	"github.com/khabar-news/khabar/internal/indic"
	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/news"
)

// Extract turns one ingested item into an article: scraped text and HTML
// go through internal/extract; JSONL records are already articles and only
// get their language detected when the record gave none. The article's ID
// is left for the caller when it is empty.
//
// An item with a URL (a crawled page, a WARC record) gets its article URL
// normalized with feed.NormalizeURL after the page's canonical URL is
// read, so one article reached through AMP pages or tracking links keeps
// one URL, and so one ID (news.Article.DeriveID).
func Extract(ctx context.Context, it ingest.Item, opts extract.Options) (*news.Article, error) {
	if it.URL != "" {
		opts.URL = it.URL
	}
	switch {
	case it.Err != nil:
		return nil, it.Err
	case it.Article != nil:
		a := it.Article
		if a.Source == "" {
			a.Source = opts.Source
		}
		detectLanguages(a)
		return a, nil
	case it.Format == ingest.HTML:
		a, err := extract.FromHTML(ctx, it.Data, opts)
		if err == nil && it.URL != "" && a.URL != "" {
			a.URL = feed.NormalizeURL(a.URL)
		}
		return a, err
	case it.Format == ingest.Text:
		return extract.FromText(string(it.Data), opts)
	}
	return nil, fmt.Errorf("unsupported format %q", it.Format)
}

// detectLanguages fills the article's language from its text when it is
// unknown, and marks body blocks written in another language.
func detectLanguages(a *news.Article) {
	if a.Language == "" {
		a.Language = indic.DetectLanguage(a.Headline + "\n" + a.BodyText()).Lang
	}
	for i := range a.Body {
		b := &a.Body[i]
		if b.Language != "" || len([]rune(strings.TrimSpace(b.Text))) < 40 {
			continue
		}
		if l := indic.DetectLanguage(b.Text).Lang; l != "" && l != a.Language {
			b.Language = l
		}
	}
}
