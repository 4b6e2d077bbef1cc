package search

import (
	"strings"
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
	toks := an.Analyze(text, lang)
	// A word's keys carry its own script's mark (analysis.KeyTerm): only
	// words of a script some key is marked with can match, and the rest
	// need no keys computed.
	var keyLatin, keyDeva bool
	for k := range keys {
		keyLatin = keyLatin || strings.HasPrefix(k, analysis.KeyTerm(analysis.KeyLatin, "x")[:2])
		keyDeva = keyDeva || strings.HasPrefix(k, analysis.KeyTerm(analysis.KeyDevanagari, "x")[:2])
	}
	var hits []analysis.Token
	for _, t := range toks {
		if t.Start < 0 || t.End > len(text) || t.Start >= t.End || !utf8.RuneStart(text[t.Start]) {
			continue
		}
		if !match[t.Term] {
			if latin := text[t.Start] < utf8.RuneSelf; latin && !keyLatin || !latin && !keyDeva {
				continue
			}
			kt := ""
			for _, k := range an.WordKeys(text[t.Start:t.End], t.Term) {
				if keys[k] {
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
	runeAt := make([]int, len(text)+1)
	n := 0
	for i := 0; i < len(text); i++ {
		if i > 0 && utf8.RuneStart(text[i]) {
			n++
		}
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
