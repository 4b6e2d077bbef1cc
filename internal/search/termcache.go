package search

import (
	"strings"
	"sync"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/indic"
)

// termCacheSize is how many distinct words (per language hint) a
// termCache remembers the term of before it starts over. News text draws
// most of its words from a few tens of thousands, so snippets of a busy
// server mostly hit.
const termCacheSize = 1 << 16

// termCacheLangs is how many language hints a termCache keeps words for
// before it starts over.
const termCacheLangs = 16

// termCache memoizes the analysis of single words for snippets. Analyze
// tokenizes a text (indic.Tokenize) and maps each word to its term on its
// own, so the tokens of a text are its words with their cached terms;
// the cache only skips stemming and normalizing the same word again. It
// is safe for concurrent use and holds at most termCacheSize words for each of at most
// termCacheLangs language hints (a full map is emptied, not grown).
type termCache struct {
	an *analysis.Analyzer
	mu sync.Mutex
	by map[string]map[string]wordTerm // lang hint → word → term
}

// wordTerm is the analysis of one word: its term, or stop when Analyze
// drops it.
type wordTerm struct {
	term string
	stop bool
}

func newTermCache(an *analysis.Analyzer) *termCache {
	return &termCache{an: an, by: map[string]map[string]wordTerm{}}
}

// analyze returns the tokens an.Analyze(text, lang) returns, less those
// whose term and first byte keep rejects (none when keep is nil), with
// Pos left 0. When a word analyzed alone is not one whole token (which
// Analyze's word-by-word design rules out, but the cache does not
// assume), it returns an.Analyze(text, lang) itself, filtered.
func (c *termCache) analyze(text, lang string, keep func(term string, first byte) bool) []analysis.Token {
	words := indic.Tokenize(text)
	if len(words) == 0 {
		return nil
	}
	var out []analysis.Token
	var miss []int // indexes into words of the words not cached
	c.mu.Lock()
	m := c.by[lang]
	for i, w := range words {
		wt, ok := m[w.Text]
		switch {
		case !ok:
			miss = append(miss, i)
		case !wt.stop && (keep == nil || keep(wt.term, w.Text[0])):
			out = append(out, analysis.Token{Term: wt.term, Start: w.Start, End: w.End})
		}
	}
	c.mu.Unlock()
	if len(miss) == 0 {
		return out
	}
	// Analyze the missing words alone, outside the lock, remember them,
	// and merge them into out in text order.
	got := make([]wordTerm, len(miss))
	for k, i := range miss {
		w := words[i].Text
		toks := c.an.Analyze(w, lang)
		switch {
		case len(toks) == 0:
			got[k] = wordTerm{stop: true}
		case len(toks) == 1 && toks[0].Start == 0 && toks[0].End == len(w):
			got[k] = wordTerm{term: toks[0].Term}
		default:
			return filtered(c.an.Analyze(text, lang), text, keep)
		}
	}
	c.mu.Lock()
	m = c.by[lang]
	if m == nil && len(c.by) >= termCacheLangs {
		clear(c.by)
	}
	if m == nil || len(m)+len(miss) > termCacheSize {
		m = make(map[string]wordTerm, min(termCacheSize, 1024))
		c.by[lang] = m
	}
	for k, i := range miss {
		m[strings.Clone(words[i].Text)] = got[k]
	}
	c.mu.Unlock()
	merged := make([]analysis.Token, 0, len(out)+len(miss))
	o := 0
	for k, i := range miss {
		w := words[i]
		for o < len(out) && out[o].Start < w.Start {
			merged = append(merged, out[o])
			o++
		}
		if !got[k].stop && (keep == nil || keep(got[k].term, w.Text[0])) {
			merged = append(merged, analysis.Token{Term: got[k].term, Start: w.Start, End: w.End})
		}
	}
	return append(merged, out[o:]...)
}

// filtered returns the tokens of toks (of text) whose term and first byte
// keep accepts, all when keep is nil, with Pos left 0.
func filtered(toks []analysis.Token, text string, keep func(string, byte) bool) []analysis.Token {
	out := toks[:0]
	for _, t := range toks {
		if keep == nil || t.Start < 0 || t.Start >= len(text) || keep(t.Term, text[t.Start]) {
			t.Pos = 0
			out = append(out, t)
		}
	}
	return out
}
