package search

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/analysis"
)

// SnippetChars is the length a snippet aims at, in characters (runes).
const SnippetChars = 200

// ellipsis marks text left out at either end of a snippet.
const ellipsis = "…"

// Span is the byte range [Start, End) of one matched word in a snippet.
type Span struct {
	Start, End int
}

// Highlight returns text with each span wrapped in open and close. esc,
// when not nil, is applied to every piece of text (inside and outside the
// spans) but not to open and close: pass html.EscapeString and "<mark>",
// "</mark>" for HTML. Spans must be sorted, not overlap, and lie on rune
// boundaries inside text; spans that do not are ignored.
func Highlight(text string, spans []Span, open, close string, esc func(string) string) string {
	if esc == nil {
		esc = func(s string) string { return s }
	}
	var b strings.Builder
	at := 0
	for _, s := range spans {
		if s.Start < at || s.End <= s.Start || s.End > len(text) ||
			!utf8.RuneStart(text[s.Start]) || (s.End < len(text) && !utf8.RuneStart(text[s.End])) {
			continue
		}
		b.WriteString(esc(text[at:s.Start]))
		b.WriteString(open)
		b.WriteString(esc(text[s.Start:s.End]))
		b.WriteString(close)
		at = s.End
	}
	b.WriteString(esc(text[at:]))
	return b.String()
}

// snippet is a window of a text with its matched words.
type snippet struct {
	text    string
	spans   []Span
	matched int // distinct matched terms
}

// makeSnippet returns the window of about width runes of text holding the
// most distinct matched terms (then the most matches, then the earliest),
// cut only at spaces or, in text without spaces, between whole words; runs
// of white space become one space and "…" marks cut ends. Words whose
// analyzed term is in match, or one of whose cross-script key terms
// (an.WordKeys, memoized) is in keys, are marked. With no
// match it returns the start of text.
func makeSnippet(an *analysis.Analyzer, text, lang string, match, keys map[string]bool, width int) snippet {
	if text == "" {
		return snippet{}
	}
	return snippetOfTokens(an, text, an.Analyze(text, lang), newMatcher(match, keys), width)
}

// matcher says which words of a text a snippet marks: those whose term is
// in match, or one of whose cross-script key terms is in keys.
type matcher struct {
	match, keys map[string]bool
	// few lists the terms of a small match: comparing a word's term with
	// each is cheaper than hashing it.
	few []string
	// A word's keys carry its own script's mark (analysis.KeyTerm): only
	// words of a script some key is marked with can match by key, and the
	// rest need no keys computed.
	keyLatin, keyDeva bool
}

func newMatcher(match, keys map[string]bool) *matcher {
	m := &matcher{match: match, keys: keys}
	for k := range keys {
		m.keyLatin = m.keyLatin || strings.HasPrefix(k, analysis.KeyTerm(analysis.KeyLatin, "x")[:2])
		m.keyDeva = m.keyDeva || strings.HasPrefix(k, analysis.KeyTerm(analysis.KeyDevanagari, "x")[:2])
	}
	if len(match) <= 8 {
		m.few = make([]string, 0, len(match))
		for t, ok := range match {
			if ok {
				m.few = append(m.few, t)
			}
		}
	}
	return m
}

// matches reports whether match holds term.
func (m *matcher) matches(term string) bool {
	if m.few == nil {
		return m.match[term]
	}
	for _, t := range m.few {
		if t == term {
			return true
		}
	}
	return false
}

// maybe reports whether a word with term whose first byte is first may be
// marked: its term is in match, or its script has keys to try. Words it
// rejects are never marked.
func (m *matcher) maybe(term string, first byte) bool {
	if first < utf8.RuneSelf {
		return m.keyLatin || m.matches(term)
	}
	return m.keyDeva || m.matches(term)
}

// snippetOfTokens is makeSnippet with m and the tokens of text given:
// an.Analyze(text, lang), or those of them m.maybe accepts (the rest
// cannot be marked), from a termCache; their Pos is not used.
func snippetOfTokens(an *analysis.Analyzer, text string, toks []analysis.Token, m *matcher, width int) snippet {
	if text == "" {
		return snippet{}
	}
	var hits []analysis.Token
	for _, t := range toks {
		if t.Start < 0 || t.End > len(text) || t.Start >= t.End || !utf8.RuneStart(text[t.Start]) {
			continue
		}
		if !m.matches(t.Term) {
			if latin := text[t.Start] < utf8.RuneSelf; latin && !m.keyLatin || !latin && !m.keyDeva {
				continue
			}
			kt := ""
			for _, k := range an.WordKeys(text[t.Start:t.End], t.Term) {
				if m.keys[k] {
					kt = k
					break
				}
			}
			if kt == "" {
				continue
			}
			t.Term = kt // counted apart from the exact terms
		}
		if n := len(hits); n > 0 && t.Start < hits[n-1].End {
			continue // another term of the same word
		}
		hits = append(hits, t)
	}
	// runeAt[i] is the number of runes before the rune holding byte i.
	buf := runeAtPool.Get().(*[]int)
	defer putRuneAt(buf)
	if cap(*buf) < len(text)+1 {
		*buf = make([]int, len(text)+1)
	}
	runeAt := (*buf)[:len(text)+1] // every entry is set below
	n := 0
	runeAt[0] = 0
	for i := 1; i < len(text); i++ {
		n += runeStart(text[i])
		runeAt[i] = n
	}
	runeAt[len(text)] = n + 1

	if len(hits) == 0 {
		end := cutBefore(text, byteAtRune(text, runeAt, width), 0)
		return finish(text, 0, end, nil)
	}

	// Slide a window over the hits: for each first hit, take the following
	// hits that fit in width runes (at least the first one).
	bestI, bestJ, bestDistinct, bestCount := 0, 0, -1, -1
	count := map[string]int{}
	j := 0
	for i := range hits {
		for j < len(hits) && (j == i || runeAt[hits[j].End]-runeAt[hits[i].Start] <= width) {
			count[hits[j].Term]++
			j++
		}
		if len(count) > bestDistinct || (len(count) == bestDistinct && j-i > bestCount) {
			bestI, bestJ, bestDistinct, bestCount = i, j, len(count), j-i
		}
		if count[hits[i].Term]--; count[hits[i].Term] == 0 {
			delete(count, hits[i].Term)
		}
	}
	first, last := hits[bestI], hits[bestJ-1]
	spare := width - (runeAt[last.End] - runeAt[first.Start])
	if spare < 0 {
		spare = 0
	}
	before := min(spare/4, 60)
	start := first.Start
	if before > 0 {
		start = cutAfter(text, byteAtRune(text, runeAt, runeAt[first.Start]-before), first.Start)
	}
	end := cutBefore(text, byteAtRune(text, runeAt, runeAt[start]+width), last.End)
	out := finish(text, start, end, hits)
	out.matched = bestDistinct
	return out
}

// runeStart is 1 when b starts a rune (utf8.RuneStart: b is not
// 10xxxxxx), else 0, without a branch.
func runeStart(b byte) int {
	return int(uint(b&0xc0^0x80)+0xff) >> 8
}

// runeAtPool holds makeSnippet's rune-count buffers (*[]int).
var runeAtPool = sync.Pool{New: func() any { return new([]int) }}

// putRuneAt returns buf to runeAtPool unless it is too big to keep.
func putRuneAt(buf *[]int) {
	if cap(*buf) <= 1<<16 {
		runeAtPool.Put(buf)
	}
}

// byteAtRune returns the byte offset of rune number r of text (clamped).
func byteAtRune(text string, runeAt []int, r int) int {
	if r <= 0 {
		return 0
	}
	if r >= runeAt[len(text)] {
		return len(text)
	}
	// runeAt is non-decreasing: binary search for the first byte with r runes before it.
	lo, hi := 0, len(text)
	for lo < hi {
		m := (lo + hi) / 2
		if runeAt[m] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for lo < len(text) && !utf8.RuneStart(text[lo]) {
		lo++
	}
	return lo
}

// cutAfter returns a start offset at or after i and at or before limit that
// begins a word: just after a space, or i itself when it is a safe word
// boundary; limit (a word start) when there is none.
func cutAfter(text string, i, limit int) int {
	if i <= 0 {
		return 0
	}
	if k := strings.IndexFunc(text[i:limit], unicode.IsSpace); k >= 0 {
		j := i + k
		for j < limit {
			r, w := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsSpace(r) {
				break
			}
			j += w
		}
		return j
	}
	return limit
}

// cutBefore returns an end offset at or before i and at or after limit that
// ends a word: at a space, or the end of text; when there is no space
// between limit and i, the first safe boundary after i.
func cutBefore(text string, i, limit int) int {
	if i < limit {
		i = limit
	}
	if i >= len(text) {
		return len(text)
	}
	if k := strings.LastIndexFunc(text[limit:i+1], unicode.IsSpace); k >= 0 && limit+k > 0 {
		return limit + k
	}
	for j := i; j < len(text); {
		if safeBoundary(text, j) {
			return j
		}
		_, w := utf8.DecodeRuneInString(text[j:])
		j += w
	}
	return len(text)
}

// safeBoundary reports whether text may be cut before byte j without
// splitting a word: j is a rune start that is neither a combining mark nor
// a joiner, and does not follow a virama or a joiner, and one side is not a
// letter or digit.
func safeBoundary(text string, j int) bool {
	if j <= 0 || j >= len(text) {
		return true
	}
	if !utf8.RuneStart(text[j]) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	prev, _ := utf8.DecodeLastRuneInString(text[:j])
	if unicode.IsMark(next) || isJoiner(next) || isJoiner(prev) || prev == '\u094d' {
		return false
	}
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
	return !word(prev) || !word(next)
}

func isJoiner(r rune) bool { return r == '\u200c' || r == '\u200d' }

// finish collapses white space in text[start:end], marks the hits that lie
// inside it and adds ellipses.
func finish(text string, start, end int, hits []analysis.Token) snippet {
	var b strings.Builder
	var spans []Span
	if start > 0 {
		b.WriteString(ellipsis + " ")
	}
	h := 0
	for h < len(hits) && hits[h].Start < start {
		h++
	}
	space, content := false, false
	for i := start; i < end; {
		if h < len(hits) && i == hits[h].Start && hits[h].End <= end {
			if space {
				b.WriteByte(' ')
				space = false
			}
			s := b.Len()
			b.WriteString(strings.ToValidUTF8(text[hits[h].Start:hits[h].End], string(utf8.RuneError)))
			spans = append(spans, Span{s, b.Len()})
			content = true
			i = hits[h].End
			h++
			continue
		}
		for h < len(hits) && hits[h].Start < i {
			h++
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		i += w
		if unicode.IsSpace(r) {
			space = content
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		content = true
		if r == utf8.RuneError && w == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(text[i-w : i])
		}
	}
	out := b.String()
	if end < len(text) {
		out += " " + ellipsis
	}
	return snippet{text: out, spans: spans}
}
