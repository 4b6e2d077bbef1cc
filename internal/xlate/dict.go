package xlate

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/indic"
)

// Limits on a dictionary file, so a wrong file cannot exhaust memory.
const (
	// MaxDictBytes is the most a dictionary file may hold.
	MaxDictBytes = 8 << 20
	// maxLineBytes is the longest line of a dictionary file.
	maxLineBytes = 64 << 10
	// MaxPerWord is the most Hindi renderings one English word keeps
	// (the heaviest).
	MaxPerWord = 8
)

// Translation is one Hindi rendering of an English word.
type Translation struct {
	// Hindi is the rendering as written, one word.
	Hindi string
	// Weight is how sure the table is, in (0, 1]: 1 for the glossary, the
	// translation probability for a learned entry.
	Weight float64
}

// Dictionary maps English words to Hindi renderings. The zero value is an
// empty dictionary. It is safe for concurrent use once built.
type Dictionary struct {
	m    map[string][]Translation
	head map[string]string // key → the headword as first written
}

// Len returns how many English headwords (stems) d holds.
func (d *Dictionary) Len() int {
	if d == nil {
		return 0
	}
	return len(d.m)
}

// Pairs returns how many (headword, rendering) pairs d holds.
func (d *Dictionary) Pairs() int {
	if d == nil {
		return 0
	}
	n := 0
	for _, ts := range d.m {
		n += len(ts)
	}
	return n
}

// Key returns the lookup key of an English word: lower-cased and stemmed
// as the analyzer stems Latin words ("Elections" → "election"), or "" when
// word is not one Latin word.
func Key(word string) string {
	w := strings.ToLower(strings.TrimSpace(word))
	if w == "" {
		return ""
	}
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r == '\'' || r == '\u2019' || r == '-') {
			return ""
		}
	}
	return indic.StemEnglish(w)
}

// Lookup returns the Hindi renderings of word, heaviest first, or nil. The
// caller must not modify the slice.
func (d *Dictionary) Lookup(word string) []Translation {
	if d == nil {
		return nil
	}
	k := Key(word)
	if k == "" {
		return nil
	}
	if ts, ok := d.m[k]; ok {
		return ts
	}
	for _, b := range bases(k) {
		if ts, ok := d.m[b]; ok {
			return ts
		}
	}
	return nil
}

// bases returns the likelier base words of an English stem the light
// stemmer leaves alone, for a word the dictionary lacks: comparatives and
// superlatives ("oldest" → "old", "bigger" → "big", "earliest" →
// "early") and adverbs in -ly ("mainly" → "main", "generally" →
// "general", "easily" → "easy"). Each is keyed as Key keys headwords.
func bases(k string) []string {
	var out []string
	add := func(stem string) {
		if len(stem) < 3 {
			return
		}
		out = append(out, indic.StemEnglish(stem))
		if n := len(stem); n >= 4 && stem[n-1] == stem[n-2] && !strings.ContainsRune("aeiouls", rune(stem[n-1])) {
			out = append(out, indic.StemEnglish(stem[:n-1])) // bigger → big
		}
		if strings.HasSuffix(stem, "i") {
			out = append(out, indic.StemEnglish(stem[:len(stem)-1]+"y")) // earli → early
		}
		out = append(out, indic.StemEnglish(stem+"e")) // larger → large
	}
	switch {
	case strings.HasSuffix(k, "est"):
		add(k[:len(k)-3])
	case strings.HasSuffix(k, "er"):
		add(k[:len(k)-2])
	case strings.HasSuffix(k, "ly"):
		add(k[:len(k)-2])
	}
	return out
}

// add records one rendering under key k, keeping the heavier weight of a
// repeated rendering.
func (d *Dictionary) add(k string, t Translation) {
	if d.m == nil {
		d.m = map[string][]Translation{}
	}
	ts := d.m[k]
	for i := range ts {
		if ts[i].Hindi == t.Hindi {
			ts[i].Weight = max(ts[i].Weight, t.Weight)
			return
		}
	}
	d.m[k] = append(ts, t)
}

// setHead records how key k's headword is written, unless it is known.
func (d *Dictionary) setHead(k, head string) {
	if d.head == nil {
		d.head = map[string]string{}
	}
	if _, ok := d.head[k]; !ok {
		d.head[k] = head
	}
}

// finish orders each word's renderings heaviest first (ties keep file
// order) and keeps at most MaxPerWord.
func (d *Dictionary) finish() {
	for k, ts := range d.m {
		slices.SortStableFunc(ts, func(a, b Translation) int {
			switch {
			case a.Weight > b.Weight:
				return -1
			case a.Weight < b.Weight:
				return 1
			}
			return 0
		})
		if len(ts) > MaxPerWord {
			ts = ts[:MaxPerWord]
		}
		d.m[k] = ts
	}
}

// Merge returns a new dictionary holding the renderings of all of ds; a
// rendering in several keeps its heaviest weight.
func Merge(ds ...*Dictionary) *Dictionary {
	out := &Dictionary{m: map[string][]Translation{}}
	for _, d := range ds {
		if d == nil {
			continue
		}
		for k, ts := range d.m {
			out.setHead(k, d.head[k])
			for _, t := range ts {
				out.add(k, t)
			}
		}
	}
	out.finish()
	return out
}

// Fill returns a new dictionary holding d and, for each headword d lacks,
// the renderings more has for it: more fills gaps and never adds to a
// word d already translates.
func Fill(d, more *Dictionary) *Dictionary {
	out := Merge(d)
	if more == nil {
		return out
	}
	for k, ts := range more.m {
		if _, ok := out.m[k]; ok {
			continue
		}
		out.setHead(k, more.head[k])
		for _, t := range ts {
			out.add(k, t)
		}
	}
	out.finish()
	return out
}

// Parse reads a dictionary file named name (for errors): one English
// headword a line, a tab, then Hindi renderings separated by "|", each
// optionally followed by ":weight" (a number in (0, 1]; default 1). Blank
// lines and lines starting with "#" are skipped. A headword repeated on
// several lines gathers the renderings of all. A malformed line, a
// headword that is not one Latin word, a rendering that is not one
// Devanagari word, or a file over MaxDictBytes is an error naming the
// file and line.
func Parse(r io.Reader, name string) (*Dictionary, error) {
	d := &Dictionary{m: map[string][]Translation{}}
	data, err := io.ReadAll(io.LimitReader(r, MaxDictBytes+1))
	if err != nil {
		return nil, fmt.Errorf("dictionary %s: %w", name, err)
	}
	if len(data) > MaxDictBytes {
		return nil, fmt.Errorf("dictionary %s: larger than %d bytes", name, MaxDictBytes)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 4096), maxLineBytes)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if !utf8.ValidString(s) {
			return nil, fmt.Errorf("dictionary %s line %d: invalid UTF-8", name, line)
		}
		head, rest, ok := strings.Cut(s, "\t")
		if !ok || strings.Contains(rest, "\t") {
			return nil, fmt.Errorf("dictionary %s line %d: want headword<TAB>renderings", name, line)
		}
		k := Key(head)
		if k == "" {
			return nil, fmt.Errorf("dictionary %s line %d: headword %q is not one Latin word", name, line, head)
		}
		d.setHead(k, strings.ToLower(strings.TrimSpace(head)))
		for _, f := range strings.Split(rest, "|") {
			t, err := parseRendering(f)
			if err != nil {
				return nil, fmt.Errorf("dictionary %s line %d: %w", name, line, err)
			}
			d.add(k, t)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("dictionary %s: %w", name, err)
	}
	d.finish()
	return d, nil
}

// parseRendering reads "हिंदी" or "हिंदी:0.25".
func parseRendering(f string) (Translation, error) {
	f = strings.TrimSpace(f)
	word, ws, hasWeight := strings.Cut(f, ":")
	t := Translation{Hindi: word, Weight: 1}
	if hasWeight {
		w, err := strconv.ParseFloat(ws, 64)
		if err != nil || !(w > 0 && w <= 1) {
			return t, fmt.Errorf("rendering %q: weight %q, want a number in (0, 1]", f, ws)
		}
		t.Weight = w
	}
	if !devanagariWord(word) {
		return t, fmt.Errorf("rendering %q is not one Devanagari word", f)
	}
	return t, nil
}

// devanagariWord reports whether w is one word of Devanagari letters and
// marks (a hyphen may join two).
func devanagariWord(w string) bool {
	if w == "" || strings.HasPrefix(w, "-") || strings.HasSuffix(w, "-") {
		return false
	}
	for _, r := range w {
		if r == '-' || r == '\u200c' || r == '\u200d' {
			continue
		}
		if !indic.IsDevanagari(r) || unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

//go:embed glossary.tsv
var glossaryTSV string

//go:embed learned.tsv
var learnedTSV string

// defaultDict parses the embedded tables once.
var defaultDict = sync.OnceValues(func() (*Dictionary, error) {
	g, err := Parse(strings.NewReader(glossaryTSV), "glossary.tsv")
	if err != nil {
		return nil, err
	}
	l, err := Parse(strings.NewReader(learnedTSV), "learned.tsv")
	if err != nil {
		return nil, err
	}
	return Fill(g, l), nil
})

// Default returns the embedded glossary, with the learned table filling
// in the words the glossary lacks (see the package documentation). It is built once, on first use; an error means
// an embedded table is malformed, which the package tests rule out.
func Default() (*Dictionary, error) { return defaultDict() }

// Glossary returns the embedded hand-written glossary alone.
func Glossary() (*Dictionary, error) {
	return Parse(strings.NewReader(glossaryTSV), "glossary.tsv")
}

// Learned returns the embedded learned table alone.
func Learned() (*Dictionary, error) {
	return Parse(strings.NewReader(learnedTSV), "learned.tsv")
}
