package sqlite

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/news"
)

// decode turns a stored JSON document back into an article. It gives the
// same article and the same errors as json.Unmarshal: documents in the
// form json.Marshal writes go through fastDecode, and anything else (an
// unknown or repeated key, a null, a key in other letter case, bad JSON)
// through json.Unmarshal.
func decode(id, doc string) (*news.Article, error) {
	if a, ok := fastDecode(doc); ok {
		return a, nil
	}
	a := new(news.Article)
	if err := json.Unmarshal([]byte(doc), a); err != nil {
		return nil, fmt.Errorf("decode article %q: %w", id, err)
	}
	return a, nil
}

// fastDecode decodes doc when it is an object whose keys are the exact
// JSON names of news.Article fields, each at most once, with values of the
// field's JSON type (no nulls), and nothing after it but white space. It
// reports false for anything else, leaving the document to json.Unmarshal.
// Strings without escapes share doc's memory; strings with escapes are
// unquoted by json.Unmarshal, and times by time.Time.UnmarshalJSON, as
// json.Unmarshal would.
func fastDecode(doc string) (*news.Article, bool) {
	d := decoder{s: doc}
	a := new(news.Article)
	ok := d.object(func(key string) (bit uint32, ok bool) {
		switch key {
		case "id":
			bit, ok = 1<<0, d.str(&a.ID)
		case "url":
			bit, ok = 1<<1, d.str(&a.URL)
		case "source":
			bit, ok = 1<<2, d.str(&a.Source)
		case "language":
			bit, ok = 1<<3, d.str(&a.Language)
		case "headline":
			bit, ok = 1<<4, d.str(&a.Headline)
		case "kicker":
			bit, ok = 1<<5, d.str(&a.Kicker)
		case "standfirst":
			bit, ok = 1<<6, d.str(&a.Standfirst)
		case "authors":
			bit, ok = 1<<7, d.strs(&a.Authors)
		case "published":
			bit, ok = 1<<8, d.time(&a.Published)
		case "updated":
			bit, ok = 1<<9, d.time(&a.Updated)
		case "section":
			bit, ok = 1<<10, d.str(&a.Section)
		case "tags":
			bit, ok = 1<<11, d.strs(&a.Tags)
		case "body":
			bit, ok = 1<<12, d.blocks(&a.Body)
		case "related":
			bit, ok = 1<<13, d.links(&a.Related)
		case "warnings":
			bit, ok = 1<<14, d.strs(&a.Warnings)
		case "removed":
			bit, ok = 1<<15, d.strs(&a.Removed)
		}
		return bit, ok
	})
	if !ok {
		return nil, false
	}
	d.space()
	if d.i != len(d.s) {
		return nil, false
	}
	return a, true
}

// decoder reads JSON values from s at byte i; every method reports false on
// anything outside the subset fastDecode accepts.
type decoder struct {
	s string
	i int
}

// space skips JSON white space.
func (d *decoder) space() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// next skips white space and consumes c when it comes next.
func (d *decoder) next(c byte) bool {
	d.space()
	if d.i < len(d.s) && d.s[d.i] == c {
		d.i++
		return true
	}
	return false
}

// peek skips white space and reports whether c comes next, without
// consuming it.
func (d *decoder) peek(c byte) bool {
	d.space()
	return d.i < len(d.s) && d.s[d.i] == c
}

// object reads {"key": value, ...}, calling field for each key with the
// decoder at its value; field reads the value and returns the key's bit
// (0 for a key it does not know) and whether the value was read. A key
// seen twice fails: json.Unmarshal would merge the values.
func (d *decoder) object(field func(key string) (bit uint32, ok bool)) bool {
	if !d.next('{') {
		return false
	}
	if d.next('}') {
		return true
	}
	var seen uint32
	for {
		d.space()
		key, plain, ok := d.token()
		if !ok || !plain || !d.next(':') {
			return false // a key with escapes may match a field by folding
		}
		bit, ok := field(key)
		if !ok || bit == 0 || seen&bit != 0 {
			return false
		}
		seen |= bit
		if d.next(',') {
			continue
		}
		return d.next('}')
	}
}

// token reads a string token at i and returns what lies between its quotes
// and whether that is plain: no backslash, no control character, valid
// UTF-8 (so it is its own value).
func (d *decoder) token() (raw string, plain, ok bool) {
	if d.i >= len(d.s) || d.s[d.i] != '"' {
		return "", false, false
	}
	start := d.i + 1
	// Most strings have no escapes: then the first quote ends them.
	q := strings.IndexByte(d.s[start:], '"')
	if q < 0 {
		return "", false, false
	}
	raw = d.s[start : start+q]
	if strings.IndexByte(raw, '\\') < 0 {
		d.i = start + q + 1
		return raw, isPlain(raw), true
	}
	// Escapes: a quote after a backslash does not end the string.
	for j := start; j < len(d.s); j++ {
		switch d.s[j] {
		case '"':
			d.i = j + 1
			return d.s[start:j], false, true
		case '\\':
			j++ // the escaped byte is never the closing quote
		}
	}
	return "", false, false
}

// isPlain reports whether s, the text of a string without backslashes, is
// its own value: no control character and valid UTF-8.
func isPlain(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 {
				return false
			}
			i++
			continue
		}
		// Devanagari and the other Indic scripts: E0, A0–BF, 80–BF.
		if c == 0xe0 && i+2 < len(s) && s[i+1]&0xe0 == 0xa0 && s[i+2]&0xc0 == 0x80 {
			i += 3
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			return false
		}
		i += w
	}
	return true
}

// str reads a JSON string into *dst.
func (d *decoder) str(dst *string) bool {
	d.space()
	raw, plain, ok := d.token()
	if !ok {
		return false
	}
	if plain {
		*dst = raw
		return true
	}
	*dst, ok = unquote(raw)
	return ok
}

// time reads a JSON string into *dst with time.Time.UnmarshalJSON, which
// is what json.Unmarshal calls.
func (d *decoder) time(dst *time.Time) bool {
	d.space()
	start := d.i
	if _, _, ok := d.token(); !ok {
		return false
	}
	return dst.UnmarshalJSON([]byte(d.s[start:d.i])) == nil
}

// array reads [elem, ...], calling elem for each element; an empty array
// is an empty, non-nil slice in json.Unmarshal's result, so callers make
// one.
func (d *decoder) array(elem func() bool) bool {
	if !d.next('[') {
		return false
	}
	if d.next(']') {
		return true
	}
	for {
		if !elem() {
			return false
		}
		if d.next(',') {
			continue
		}
		return d.next(']')
	}
}

// list reads a JSON array into *dst with elem reading each element; an
// empty array gives an empty, non-nil slice, as in json.Unmarshal's
// result.
func list[T any](d *decoder, dst *[]T, elem func(*T) bool) bool {
	if !d.peek('[') {
		return false
	}
	out := []T{}
	ok := d.array(func() bool {
		var v T
		if !elem(&v) {
			return false
		}
		out = append(out, v)
		return true
	})
	*dst = out
	return ok
}

// strs reads an array of strings.
func (d *decoder) strs(dst *[]string) bool { return list(d, dst, d.str) }

// blocks reads an array of body blocks.
func (d *decoder) blocks(dst *[]news.Block) bool {
	return list(d, dst, func(b *news.Block) bool {
		return d.object(func(key string) (uint32, bool) {
			switch key {
			case "kind":
				var k string
				ok := d.str(&k)
				b.Kind = news.BlockKind(k)
				return 1, ok
			case "text":
				return 2, d.str(&b.Text)
			case "language":
				return 4, d.str(&b.Language)
			}
			return 0, false
		})
	})
}

// links reads an array of related links.
func (d *decoder) links(dst *[]news.Link) bool {
	return list(d, dst, func(l *news.Link) bool {
		return d.object(func(key string) (uint32, bool) {
			switch key {
			case "title":
				return 1, d.str(&l.Title)
			case "url":
				return 2, d.str(&l.URL)
			}
			return 0, false
		})
	})
}
