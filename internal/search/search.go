package search

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/index"
	"github.com/khabar-news/khabar/internal/news"
)

// Searcher runs queries on an index and hydrates the hits from the store.
// It is safe for concurrent use.
type Searcher struct {
	idx  *index.Index
	st   news.Store
	an   *analysis.Analyzer
	keys *keyCache // transliteration keys of recent Latin query words
	// terms memoizes the analysis of the words of snippet text.
	terms *termCache
}

// New returns a Searcher over idx whose articles come from st. Queries are
// analyzed with a new analysis.Analyzer, the same analysis the index uses.
// The Searcher keeps the transliteration keys of the last few thousand
// Latin query words, so a repeated word costs nothing.
func New(idx *index.Index, st news.Store) *Searcher {
	an := analysis.New()
	return &Searcher{idx: idx, st: st, an: an, keys: newKeyCache(keyCacheSize, nil), terms: newTermCache(an)}
}

// Options select the page of results: Limit hits (default 10, at most
// index.MaxLimit) after skipping Offset, and how bare words combine. The
// zero value is the first ten hits in AllWords mode.
type Options struct {
	Limit, Offset int
	Mode          Mode
	// Newest lists the hits most recently published first instead of
	// best first.
	Newest bool
	// FacetSize, when above zero, fills Results.Facets with up to that
	// many sources and languages (at most index.MaxFacetSize).
	FacetSize int
	// IDsOnly leaves the articles in the store: hits carry only their ID
	// and score, and Total is the index's count. For callers that want
	// ranks, not pages (evaluation, counting).
	IDsOnly bool
}

// Mode says how the words and phrases of a query combine.
type Mode uint8

const (
	// AllWords (the default) finds the articles with every word and
	// phrase, falling back to AnyWord when none has them all.
	AllWords Mode = iota
	// AnyWord finds the articles with at least one word or phrase, ranked
	// by BM25 with a bonus for each query word they hold, so those with
	// more (and rarer) words come first. It suits natural-language
	// questions, whose words are seldom all in one article. Exclusions and
	// filters apply as in AllWords; Results.Fallback is never set.
	AnyWord
)

// String returns "all" or "any".
func (m Mode) String() string {
	switch m {
	case AllWords:
		return "all"
	case AnyWord:
		return "any"
	}
	return fmt.Sprintf("Mode(%d)", uint8(m))
}

// Results is one page of a search. Total counts every matching article.
// When no article has all the words, Fallback is set, the hits are those
// with any of them (ranked), and Note says so. Note also explains an empty
// result for a query of only stop words. The JSON form is the CLI's:
// {"total":N,"hits":[...]}.
type Results struct {
	Total    int    `json:"total"`
	Hits     []Hit  `json:"hits"`
	Fallback bool   `json:"-"`
	Note     string `json:"-"`
	// Facets counts the sources and languages of every matching article
	// when Options.FacetSize asked for it; nil otherwise.
	Facets *index.Facets `json:"-"`
}

// Hit is one found article. Snippet is plain text (no markup) around the
// matched words and Highlights their byte ranges in it (see Marked).
// Article is the full article from the store.
type Hit struct {
	ID         string        `json:"id"`
	Score      float64       `json:"score"`
	Headline   string        `json:"headline"`
	URL        string        `json:"url"`
	Source     string        `json:"source"`
	Published  time.Time     `json:"published,omitzero"`
	Snippet    string        `json:"snippet"`
	Highlights []Span        `json:"-"`
	Article    *news.Article `json:"-"`
}

// Marked returns the snippet with each matched word wrapped in open and
// close, with esc (if not nil) applied to the text; see Highlight.
func (h *Hit) Marked(open, close string, esc func(string) string) string {
	return Highlight(h.Snippet, h.Highlights, open, close, esc)
}

// Notes set on Results.
const (
	NoteFallback  = "no article has all the words; showing articles with any of them"
	NoteStopWords = "the query has only very common words, which are not indexed"
	NoteEmpty     = "empty query"
)

// Search parses query (see Parse), runs it and returns the page opts asks
// for. A malformed filter or option is an error naming the problem; a query
// that is empty or whose words are all stop words (with or without
// filters) is an empty result with a Note, not an error. A query of only
// filters or exclusions lists the matching articles newest first. It is
// safe for concurrent use.
func (s *Searcher) Search(ctx context.Context, query string, opts Options) (*Results, error) {
	if s == nil || s.idx == nil || s.st == nil {
		return nil, errors.New("search: searcher has no index or store")
	}
	if opts.Limit < 0 || opts.Limit > index.MaxLimit {
		return nil, fmt.Errorf("search: limit %d out of range 0..%d", opts.Limit, index.MaxLimit)
	}
	if opts.Offset < 0 {
		return nil, fmt.Errorf("search: negative offset %d", opts.Offset)
	}
	if opts.Mode != AllWords && opts.Mode != AnyWord {
		return nil, fmt.Errorf("search: unknown mode %v", opts.Mode)
	}
	pq, err := Parse(query)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	plan := newPlan(s.an, pq, s.keys.get)
	res := &Results{Hits: []Hit{}}
	if len(plan.Positive) == 0 && len(plan.Query.MustNot) == 0 && !plan.hasFilter() {
		res.Note = NoteEmpty
		if plan.Dropped > 0 {
			res.Note = NoteStopWords
		}
		return res, nil
	}
	if len(plan.Positive) == 0 && plan.Dropped > 0 {
		// Only stop words were searched: filters alone would list
		// articles that have nothing to do with the words.
		res.Note = NoteStopWords
		return res, nil
	}
	q := plan.Query
	q.Limit, q.Offset = opts.Limit, opts.Offset
	q.FacetSize = opts.FacetSize
	if opts.Newest {
		q.Sort = index.SortNewest
	}
	if opts.Mode == AnyWord {
		q.Must, q.Should = nil, plan.Positive
	}
	r, err := s.idx.Search(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	if opts.Mode == AllWords && r.Total == 0 && len(plan.Positive) > 1 {
		q.Must, q.Should = nil, plan.Positive
		r, err = s.idx.Search(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("search %q: any-word fallback: %w", query, err)
		}
		res.Fallback = true
		res.Note = NoteFallback
	}
	if opts.IDsOnly {
		res.Total, res.Facets = r.Total, r.Facets
		for _, h := range r.Hits {
			res.Hits = append(res.Hits, Hit{ID: h.ID, Score: h.Score})
		}
		return res, nil
	}
	if err := s.hydrate(ctx, plan, r, res); err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return res, nil
}

// hydrate fills res with the articles of r from the store, in r's order.
// An id the store no longer has (the index lags a deletion) is left out.
func (s *Searcher) hydrate(ctx context.Context, plan *Plan, r index.Result, res *Results) error {
	res.Total = r.Total
	res.Facets = r.Facets
	if len(r.Hits) == 0 {
		return nil
	}
	ids := make([]string, len(r.Hits))
	for i, h := range r.Hits {
		ids[i] = h.ID
	}
	arts, err := s.st.GetMany(ctx, ids)
	if err != nil {
		return fmt.Errorf("load articles: %w", err)
	}
	for _, h := range r.Hits {
		a, ok := arts[h.ID]
		if !ok || a == nil {
			res.Total--
			continue
		}
		hit := Hit{
			ID: h.ID, Score: h.Score, Headline: a.Headline, URL: a.URL,
			Source: a.Source, Published: a.Published, Article: a,
		}
		sn := s.snippetOf(a, plan)
		hit.Snippet, hit.Highlights = sn.text, sn.spans
		res.Hits = append(res.Hits, hit)
	}
	return nil
}

// snippetWindow returns the stretch of a long text snippetOf analyzes
// first: snippetScan bytes from snippetLead bytes before the first place
// one of words appears as typed (or from the start), cut at spaces.
func snippetWindow(text string, words []string) (from, to int) {
	from, to = 0, min(len(text), snippetScan)
	if at := firstOf(text, words); at > snippetLead {
		from = strings.LastIndexByte(text[:at-snippetLead], ' ') + 1
		to = min(len(text), at+snippetScan-snippetLead)
	}
	if to < len(text) {
		to += max(0, strings.IndexByte(text[to:], ' '))
	}
	return from, to
}

// framed marks a snippet cut from the middle of a longer text with an
// ellipsis at the start (when cut after the text's start) and at the end
// (when cut before its end), shifting the highlights to match.
func framed(part snippet, cutStart, cutEnd bool) snippet {
	if cutStart && !strings.HasPrefix(part.text, ellipsis) {
		part.text = ellipsis + part.text
		for i := range part.spans {
			part.spans[i].Start += len(ellipsis)
			part.spans[i].End += len(ellipsis)
		}
	}
	if cutEnd && !strings.HasSuffix(part.text, ellipsis) {
		part.text += ellipsis
	}
	return part
}

// snippetScan is how much of a long body snippetOf analyzes first, in
// bytes (about 500 Devanagari characters, two and a half snippets),
// starting snippetLead bytes before the first place a query word appears.
const (
	snippetScan = 1536
	snippetLead = 384
)

// typedIn counts the words found in text as written.
func typedIn(text string, words []string) int {
	n := 0
	for _, w := range words {
		if w != "" && strings.Contains(text, w) {
			n++
		}
	}
	return n
}

// firstOf returns the byte offset of the first of words found in text as
// written, or -1.
func firstOf(text string, words []string) int {
	first := -1
	for _, w := range words {
		if w == "" {
			continue
		}
		if i := strings.Index(text, w); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}

// snippetOf picks the snippet of a: from the body, or from the standfirst
// when it matches more of the query, or the start of either when neither
// matches.
func (s *Searcher) snippetOf(a *news.Article, plan *Plan) snippet {
	lang := a.Language // as the index analyzed it
	text := bodyText(a)
	m := newMatcher(plan.Highlight, plan.HighlightKeys)
	var bodyToks []analysis.Token // the tokens of text m may mark, once known
	known := false
	if len(text) > snippetScan {
		// A long body: analyze the stretch from a little before the first
		// place a query word appears as typed (or the start), before all
		// of it. Most hits show every query word there.
		from, to := snippetWindow(text, plan.Words)
		window := s.tokens(text[from:to], lang, m)
		part := s.snippet(text[from:to], window, m)
		// Good enough when it holds every query term, or at least as many
		// as the body holds query words as typed (an any-word hit seldom
		// has them all).
		if part.matched > 0 && (part.matched == len(plan.Highlight) || part.matched >= typedIn(text, plan.Words)) {
			return framed(part, from > 0, to < len(text))
		}
		bodyToks, known = s.joinTokens(text, lang, from, to, window, m), true
	}
	if !known {
		bodyToks = s.tokens(text, lang, m)
	}
	body := s.snippet(text, bodyToks, m)
	if body.matched > 0 && body.matched == len(plan.Highlight) {
		return body
	}
	stand := s.snippet(a.Standfirst, s.tokens(a.Standfirst, lang, m), m)
	if stand.matched > body.matched || body.text == "" {
		return stand
	}
	return body
}

// tokens returns the tokens of text m may mark (see matcher.maybe): those
// of an.Analyze(text, lang), with the words' terms from s.terms when the
// Searcher has one. Their Pos is not set.
func (s *Searcher) tokens(text, lang string, m *matcher) []analysis.Token {
	if s.terms == nil {
		return filtered(s.an.Analyze(text, lang), text, m.maybe)
	}
	return s.terms.analyze(text, lang, m.maybe)
}

// joinTokens returns the tokens of text m may mark, given those of
// text[from:to] (window): when the window is cut at spaces, which always
// separate words, they are those before it, the window's, and those after
// it, so the window is not analyzed twice. Otherwise it analyzes all of
// text.
func (s *Searcher) joinTokens(text, lang string, from, to int, window []analysis.Token, m *matcher) []analysis.Token {
	if (from > 0 && text[from-1] != ' ') || (to < len(text) && text[to] != ' ') {
		return s.tokens(text, lang, m)
	}
	before, after := s.tokens(text[:from], lang, m), s.tokens(text[to:], lang, m)
	out := make([]analysis.Token, 0, len(before)+len(window)+len(after))
	out = append(out, before...)
	for _, t := range window {
		t.Start += from
		t.End += from
		out = append(out, t)
	}
	for _, t := range after {
		t.Start += to
		t.End += to
		out = append(out, t)
	}
	return out
}

// snippet is makeSnippet with m and the tokens of text m may mark given.
func (s *Searcher) snippet(text string, toks []analysis.Token, m *matcher) snippet {
	return snippetOfTokens(s.an, text, toks, m, SnippetChars)
}

// bodyText returns a.BodyText() in one allocation, none for a body of one
// block.
func bodyText(a *news.Article) string {
	switch len(a.Body) {
	case 0:
		return ""
	case 1:
		return a.Body[0].Text
	}
	n := 2 * (len(a.Body) - 1)
	for _, blk := range a.Body {
		n += len(blk.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for i, blk := range a.Body {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(blk.Text)
	}
	return b.String()
}
