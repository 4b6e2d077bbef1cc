package dates

import (
	"time"
	"unicode"
	"unicode/utf8"
)

// IST is India Standard Time, +05:30, the zone of dates written without one.
var IST = time.FixedZone("IST", 5*3600+30*60)

// Match is one date found in text. Start and End are byte offsets of the
// date in the text it was found in (a weekday before it is included, a
// label is not).
type Match struct {
	Time  time.Time
	Start int
	End   int
	// Kind is what the label before the date says it is.
	Kind Kind
	// HasTime reports whether a clock time was written with the date.
	HasTime bool
	// YearInferred reports whether the year came from the reference time
	// rather than from the text.
	YearInferred bool
}

// Parse reads s as one date, optionally labelled ("Updated: 18 Nov 2025,
// 10:30 AM IST") and optionally with a weekday. It reports false when s holds
// anything else besides the date, when the date is invalid, or when the year
// is missing and ref is zero. See the package documentation for the rules.
func Parse(s string, ref time.Time) (time.Time, bool) {
	ms, ok := ParseLine(s, ref)
	if !ok || len(ms) != 1 {
		return time.Time{}, false
	}
	return ms[0].Time, true
}

// ParseLine reads a metadata line that holds only dates, their labels and
// punctuation, such as "Published: 18 Nov 2025 | Updated: 19 Nov 2025". It
// reports false when the line holds no date or any other word.
func ParseLine(s string, ref time.Time) ([]Match, bool) {
	toks := tokenize(s)
	ms, covered := scan(toks, ref)
	if len(ms) == 0 {
		return nil, false
	}
	for i, t := range toks {
		if covered[i] {
			continue
		}
		switch t.kind {
		case tokPunct:
			continue
		case tokWord:
			if _, ok := labelWords[t.text]; ok {
				continue
			}
		}
		return nil, false
	}
	return ms, true
}

// Find returns every date in running text, in order. Year-less dates are
// left out when ref is zero.
func Find(text string, ref time.Time) []Match {
	ms, _ := scan(tokenize(text), ref)
	return ms
}

type tokKind int

const (
	tokNum tokKind = iota + 1
	tokWord
	tokPunct
)

type token struct {
	kind       tokKind
	text       string // digits folded to ASCII, words folded, punct as is
	start, end int
	spaceAfter bool
}

// tokenize splits s into numbers, words and single punctuation marks.
// Invalid UTF-8 bytes become punctuation, so any input is safe.
func tokenize(s string) []token {
	var toks []token
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || r == '\ufeff':
			if len(toks) > 0 {
				toks[len(toks)-1].spaceAfter = true
			}
			i += n
		case digitValue(r) >= 0:
			j := i
			buf := make([]byte, 0, 8)
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				v := digitValue(r2)
				if v < 0 {
					break
				}
				buf = append(buf, byte('0'+v))
				j += n2
			}
			toks = append(toks, token{kind: tokNum, text: string(buf), start: i, end: j})
			i = j
		case isWordRune(r):
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r2) {
					break
				}
				j += n2
			}
			toks = append(toks, token{kind: tokWord, text: fold(s[i:j]), start: i, end: j})
			i = j
		default:
			toks = append(toks, token{kind: tokPunct, text: s[i : i+n], start: i, end: i + n})
			i += n
		}
	}
	return toks
}

func isWordRune(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsMark(r) || r == '\u200c' || r == '\u200d') && digitValue(r) < 0
}

// digitValue returns the value of an ASCII or Devanagari digit, or -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '०' && r <= '९':
		return int(r - '०')
	}
	return -1
}

// ymd is a calendar date read from tokens before validation.
type ymd struct {
	y, m, d int
	hasYear bool
}

// clock is a time of day with its zone, read from tokens.
type clock struct {
	h, min, sec int
	loc         *time.Location
}

// scan finds dates in toks and marks the tokens each match covers.
func scan(toks []token, ref time.Time) ([]Match, []bool) {
	covered := make([]bool, len(toks))
	var out []Match
	prevEnd := 0
	for i := 0; i < len(toks); {
		start := i
		j := i
		// A weekday may open the date: "मंगलवार, 18 नवंबर 2025".
		if toks[j].kind == tokWord && weekdays[toks[j].text] {
			j = skipPunct(toks, j+1, ",")
		}
		// A clock time may come first: "10:30 AM IST, 18 Nov 2025".
		var c clock
		hasClock := false
		if k, cl, ok := readClock(toks, j); ok {
			if k2 := skipPunct(toks, k, ",|-"); k2 < len(toks) {
				if _, _, ok := readDate(toks, k2); ok {
					c, hasClock = cl, true
					j = k2
				}
			}
		}
		d, k, ok := readDate(toks, j)
		if !ok {
			i++
			continue
		}
		if !hasClock {
			k2 := skipPunct(toks, k, ",|-")
			if k2 < len(toks) && toks[k2].kind == tokWord && (toks[k2].text == "t" || toks[k2].text == "at") {
				k2++
			}
			if k3, cl, ok := readClock(toks, k2); ok {
				c, hasClock, k = cl, true, k3
			}
		}
		m, ok := build(d, c, hasClock, ref)
		if !ok {
			i = k
			continue
		}
		m.Start, m.End = toks[start].start, toks[k-1].end
		m.Kind = labelBefore(toks, prevEnd, start)
		for x := start; x < k; x++ {
			covered[x] = true
		}
		out = append(out, m)
		prevEnd = k
		i = k
	}
	return out, covered
}

// labelBefore returns the kind of the nearest label word among the few
// tokens before from that lie after lo.
func labelBefore(toks []token, lo, from int) Kind {
	for i := from - 1; i >= lo && i >= from-5; i-- {
		if toks[i].kind != tokWord {
			continue
		}
		k, ok := labelWords[toks[i].text]
		if !ok {
			return Unlabelled
		}
		if k != Unlabelled {
			return k
		}
	}
	return Unlabelled
}

// skipWord skips toks[i] when it is the word w followed by more tokens
// ("de" in "5 de marzo de 2020").
func skipWord(toks []token, i int, w string) int {
	if i+1 < len(toks) && toks[i].kind == tokWord && toks[i].text == w {
		return i + 1
	}
	return i
}

// skipPunct skips tokens that are single marks listed in set.
func skipPunct(toks []token, i int, set string) int {
	for i < len(toks) && toks[i].kind == tokPunct && containsRune(set, toks[i].text) {
		i++
	}
	return i
}

func containsRune(set, s string) bool {
	for _, r := range set {
		if string(r) == s {
			return true
		}
	}
	return false
}

func isPunct(toks []token, i int, p string) bool {
	return i < len(toks) && toks[i].kind == tokPunct && toks[i].text == p
}

func num(toks []token, i int, minLen, maxLen int) (int, bool) {
	if i >= len(toks) || toks[i].kind != tokNum {
		return 0, false
	}
	t := toks[i].text
	if len(t) < minLen || len(t) > maxLen {
		return 0, false
	}
	v := 0
	for _, c := range t {
		v = v*10 + int(c-'0')
	}
	return v, true
}

func month(toks []token, i int) (int, bool) {
	if i >= len(toks) || toks[i].kind != tokWord {
		return 0, false
	}
	if m, ok := months[toks[i].text]; ok {
		return m, true
	}
	m, ok := europeanMonths[toks[i].text]
	return m, ok
}

// ordinalSuffix reports whether toks[i] is "st", "nd", "rd" or "th" glued to
// the number before it.
func ordinalSuffix(toks []token, i int) bool {
	if i >= len(toks) || toks[i].kind != tokWord || i == 0 || toks[i-1].spaceAfter {
		return false
	}
	switch toks[i].text {
	case "st", "nd", "rd", "th", "er":
		return true
	}
	return false
}

// readDate reads a calendar date starting at toks[i] and returns the index
// after it.
func readDate(toks []token, i int) (ymd, int, bool) {
	// Y-M-D, Y/M/D, Y.M.D
	if y, ok := num(toks, i, 4, 4); ok && i+4 < len(toks) {
		sep := toks[i+1].text
		if toks[i+1].kind == tokPunct && (sep == "-" || sep == "/" || sep == ".") && isPunct(toks, i+3, sep) {
			m, ok1 := num(toks, i+2, 1, 2)
			d, ok2 := num(toks, i+4, 1, 2)
			if ok1 && ok2 {
				return ymd{y, m, d, true}, i + 5, true
			}
		}
	}
	if d, ok := num(toks, i, 1, 2); ok {
		// D/M/Y, D-M-Y, D.M.Y (month first only when it must be)
		if i+4 < len(toks) && toks[i+1].kind == tokPunct {
			sep := toks[i+1].text
			if (sep == "-" || sep == "/" || sep == ".") && isPunct(toks, i+3, sep) {
				m, ok1 := num(toks, i+2, 1, 2)
				y, ok2 := num(toks, i+4, 4, 4)
				if ok1 && ok2 {
					if m > 12 && d <= 12 {
						d, m = m, d
					}
					return ymd{y, m, d, true}, i + 5, true
				}
			}
		}
		// D Month [Y]: "18 नवंबर 2025", "18th Nov, 2025", "18-Nov-2025"
		j := i + 1
		if ordinalSuffix(toks, j) {
			j++
		}
		j = skipPunct(toks, j, "-.")
		j = skipWord(toks, j, "de")
		if m, ok := month(toks, j); ok {
			j++
			k := skipWord(toks, skipPunct(toks, j, ".,-'’"), "de")
			if y, ok := num(toks, k, 4, 4); ok {
				return ymd{y, m, d, true}, k + 1, true
			}
			return ymd{0, m, d, false}, j, true
		}
		return ymd{}, i, false
	}
	// Month D[,] [Y]: "Nov 18, 2025", "November 18th 2025"
	if m, ok := month(toks, i); ok {
		j := skipPunct(toks, i+1, ".")
		d, ok := num(toks, j, 1, 2)
		if !ok {
			return ymd{}, i, false
		}
		j++
		if ordinalSuffix(toks, j) {
			j++
		}
		k := skipPunct(toks, j, ",")
		if y, ok := num(toks, k, 4, 4); ok {
			return ymd{y, m, d, true}, k + 1, true
		}
		return ymd{0, m, d, false}, j, true
	}
	return ymd{}, i, false
}

// readClock reads "10:30", "10:30:15", "10:30 AM", "10.30 a.m. IST",
// "10:30 बजे", "10:30:00+05:30" and returns the index after it.
func readClock(toks []token, i int) (int, clock, bool) {
	h, ok := num(toks, i, 1, 2)
	if !ok || !(isPunct(toks, i+1, ":") || isPunct(toks, i+1, ".")) {
		return i, clock{}, false
	}
	min, ok := num(toks, i+2, 2, 2)
	if !ok {
		return i, clock{}, false
	}
	c := clock{h: h, min: min}
	j := i + 3
	if isPunct(toks, j, ":") {
		if s, ok := num(toks, j+1, 2, 2); ok {
			c.sec = s
			j += 2
			if isPunct(toks, j, ".") && j+1 < len(toks) && toks[j+1].kind == tokNum {
				j += 2 // fractional seconds are dropped
			}
		}
	}
	// Meridiem: "AM", "pm", "a.m.", "अपराह्न".
	if j < len(toks) && toks[j].kind == tokWord {
		if pm, ok := meridiem[toks[j].text]; ok {
			k := j + 1
			if toks[j].text == "a" || toks[j].text == "p" {
				if !(isPunct(toks, k, ".") && k+1 < len(toks) && toks[k+1].text == "m") {
					return i, clock{}, false
				}
				k += 2
				if isPunct(toks, k, ".") {
					k++
				}
			}
			if c.h < 1 || c.h > 12 {
				return i, clock{}, false
			}
			if c.h == 12 {
				c.h = 0
			}
			if pm {
				c.h += 12
			}
			j = k
		}
	}
	if j < len(toks) && toks[j].kind == tokWord && toks[j].text == "बजे" {
		j++
	}
	j, c.loc = readZone(toks, j)
	return j, c, true
}

// readZone reads an optional zone: "IST", "(IST)", "GMT", "UTC", "Z",
// "+05:30", "+0530", "GMT+5:30". It returns nil when there is none.
func readZone(toks []token, i int) (int, *time.Location) {
	j := i
	paren := isPunct(toks, j, "(")
	if paren {
		j++
	}
	var loc *time.Location
	if j < len(toks) && toks[j].kind == tokWord {
		switch toks[j].text {
		case "ist":
			loc, j = IST, j+1
		case "gmt", "utc", "z":
			loc, j = time.UTC, j+1
		}
	}
	if k, off, ok := readOffset(toks, j); ok {
		loc, j = time.FixedZone("", off), k
		if off == 5*3600+30*60 {
			loc = IST
		}
	}
	if loc == nil {
		return i, nil
	}
	if paren {
		if !isPunct(toks, j, ")") {
			return i, nil
		}
		j++
	}
	return j, loc
}

func readOffset(toks []token, i int) (int, int, bool) {
	if !(isPunct(toks, i, "+") || isPunct(toks, i, "-")) {
		return i, 0, false
	}
	sign := 1
	if toks[i].text == "-" {
		sign = -1
	}
	var h, m int
	if v, ok := num(toks, i+1, 4, 4); ok {
		h, m = v/100, v%100
		i += 2
	} else if v, ok := num(toks, i+1, 1, 2); ok {
		h = v
		i += 2
		if isPunct(toks, i, ":") {
			if v, ok := num(toks, i+1, 2, 2); ok {
				m = v
				i += 2
			}
		}
	} else {
		return i, 0, false
	}
	if h > 14 || m > 59 {
		return i, 0, false
	}
	return i, sign * (h*3600 + m*60), true
}

// build validates a date and clock and turns them into a Match.
func build(d ymd, c clock, hasClock bool, ref time.Time) (Match, bool) {
	loc := IST
	if c.loc != nil {
		loc = c.loc
	}
	if hasClock && (c.h > 23 || c.min > 59 || c.sec > 59) {
		return Match{}, false
	}
	if d.m < 1 || d.m > 12 || d.d < 1 || d.d > 31 {
		return Match{}, false
	}
	m := Match{HasTime: hasClock}
	if !d.hasYear {
		if ref.IsZero() {
			return Match{}, false
		}
		m.YearInferred = true
		best, bestDiff := 0, time.Duration(1<<63-1)
		for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
			t := time.Date(y, time.Month(d.m), d.d, c.h, c.min, c.sec, 0, loc)
			if t.Day() != d.d {
				continue // 29 February outside leap years
			}
			diff := t.Sub(ref)
			if diff < 0 {
				diff = -diff
			}
			if diff < bestDiff {
				best, bestDiff = y, diff
			}
		}
		if best == 0 {
			return Match{}, false
		}
		d.y = best
	}
	if d.y < 1900 || d.y > 2100 {
		return Match{}, false
	}
	t := time.Date(d.y, time.Month(d.m), d.d, c.h, c.min, c.sec, 0, loc)
	if t.Day() != d.d || int(t.Month()) != d.m {
		return Match{}, false // 31 November and the like
	}
	m.Time = t
	return m, true
}
