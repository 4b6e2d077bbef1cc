package search

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// IST is India Standard Time (UTC+05:30), the zone of the from: and to:
// day boundaries.
var IST = time.FixedZone("IST", 5*3600+1800)

// MaxParts is the largest number of words and phrases a query may hold.
const MaxParts = 64

// MaxQueryBytes is the longest query Parse accepts.
const MaxQueryBytes = 4096

// Part is one searched piece of a query: a bare word or a quoted phrase,
// as typed (not yet analyzed). Negated parts exclude articles.
type Part struct {
	Text    string
	Phrase  bool
	Negated bool
}

// Parsed is a query split into its parts and filters.
//
// From is the start (00:00 IST) of the from: day and To the start of the
// day after the to: day, so both days are included; a zero time is open.
// Sources and Langs are kept as typed (trimmed); any of them may match.
type Parsed struct {
	Parts    []Part
	Sources  []string
	Langs    []string
	From, To time.Time
}

// Parse reads the query syntax:
//
//	word            articles with the word (all bare words must match)
//	"a phrase"      the words in this order, next to each other
//	-word -"a b"    articles without the word or phrase
//	source:NAME     only this source; source:"Two Words" for spaces
//	lang:hi         only this language
//	from:2024-03-01 published on or after this day (IST)
//	to:2024-03-31   published on or before this day (IST)
//
// Filter names are case-insensitive; several source: or lang: filters
// mean any of them; from: and to: may be given once each. A word with an
// unknown prefix before a colon ("12:30", "https://...") is a word. An
// unterminated quote runs to the end of the query. Devanagari digits are
// accepted in dates. A bad filter value is an error that names the filter,
// the expected form and what was given.
func Parse(q string) (*Parsed, error) {
	if len(q) > MaxQueryBytes {
		return nil, fmt.Errorf("query is %d bytes long, want at most %d", len(q), MaxQueryBytes)
	}
	if !utf8.ValidString(q) {
		return nil, fmt.Errorf("query %q is not valid UTF-8", q)
	}
	p := &Parsed{}
	var fromSet, toSet bool
	for i := 0; i < len(q); {
		r, w := utf8.DecodeRuneInString(q[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		neg := false
		if r == '-' {
			neg = true
			i += w
			if i >= len(q) {
				break
			}
			r, w = utf8.DecodeRuneInString(q[i:])
			if unicode.IsSpace(r) {
				continue // a lone "-"
			}
		}
		if r == '"' {
			text, next := readQuoted(q, i+w)
			i = next
			if text = strings.TrimSpace(text); text != "" {
				p.Parts = append(p.Parts, Part{Text: text, Phrase: true, Negated: neg})
			}
			continue
		}
		word, next := readWord(q, i)
		if key, ok := filterKey(word); ok {
			valStart := i + len(key) + 1
			var val string
			if strings.HasPrefix(q[valStart:], `"`) {
				val, next = readQuoted(q, valStart+1)
			} else {
				val, next = readWord(q, valStart)
			}
			i = next
			if neg {
				return nil, fmt.Errorf("-%s: excluding by a filter is not supported", key)
			}
			val = strings.TrimSpace(val)
			switch key {
			case "source":
				if val == "" {
					return nil, fmt.Errorf("source: want a source name, got nothing")
				}
				p.Sources = append(p.Sources, val)
			case "lang":
				if !isLangCode(val) {
					return nil, fmt.Errorf("lang: want a language code such as hi, got %q", val)
				}
				p.Langs = append(p.Langs, strings.ToLower(val))
			case "from":
				if fromSet {
					return nil, fmt.Errorf("from: given twice")
				}
				d, err := parseDay(val)
				if err != nil {
					return nil, fmt.Errorf("from: want YYYY-MM-DD, got %q", val)
				}
				p.From, fromSet = d, true
			case "to":
				if toSet {
					return nil, fmt.Errorf("to: given twice")
				}
				d, err := parseDay(val)
				if err != nil {
					return nil, fmt.Errorf("to: want YYYY-MM-DD, got %q", val)
				}
				p.To, toSet = d.AddDate(0, 0, 1), true
			}
			continue
		}
		i = next
		p.Parts = append(p.Parts, Part{Text: word, Negated: neg})
	}
	if fromSet && toSet && !p.From.Before(p.To) {
		return nil, fmt.Errorf("from: %s is after to: %s", p.From.Format(time.DateOnly), p.To.AddDate(0, 0, -1).Format(time.DateOnly))
	}
	if len(p.Parts) > MaxParts {
		return nil, fmt.Errorf("query has %d words and phrases, want at most %d", len(p.Parts), MaxParts)
	}
	return p, nil
}

// readWord returns the text from i to the next space and the index after it.
func readWord(q string, i int) (string, int) {
	end := strings.IndexFunc(q[i:], unicode.IsSpace)
	if end < 0 {
		return q[i:], len(q)
	}
	return q[i : i+end], i + end
}

// readQuoted returns the text from i to the next double quote (or the end)
// and the index after the quote.
func readQuoted(q string, i int) (string, int) {
	end := strings.IndexByte(q[i:], '"')
	if end < 0 {
		return q[i:], len(q)
	}
	return q[i : i+end], i + end + 1
}

// filterKey reports whether word starts with a known filter name and a
// colon, and returns the name in lower case.
func filterKey(word string) (string, bool) {
	k, _, ok := strings.Cut(word, ":")
	if !ok {
		return "", false
	}
	switch lk := strings.ToLower(k); lk {
	case "source", "lang", "from", "to":
		if len(k) != len(lk) {
			return "", false
		}
		return lk, true
	}
	return "", false
}

// isLangCode reports whether s looks like an ISO 639 code: two or three
// ASCII letters.
func isLangCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// parseDay reads YYYY-MM-DD (ASCII or Devanagari digits) as the start of
// that day in IST.
func parseDay(s string) (time.Time, error) {
	s = strings.Map(func(r rune) rune {
		if r >= '०' && r <= '९' {
			return '0' + (r - '०')
		}
		return r
	}, s)
	return time.ParseInLocation(time.DateOnly, s, IST)
}
