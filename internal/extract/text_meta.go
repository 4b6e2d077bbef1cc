package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/dates"
	"github.com/khabar-news/khabar/internal/news"
)

// Metadata lines of scraped text: dates, bylines and the outlet.

// dateLabel opens a line that claims to be a date ("Updated: …").
var dateLabel = regexp.MustCompile(`(?i)^(?:last\s+)?(?:updated|published|posted|first published|publish date|updated date|अपडेटेड|अपडेट|प्रकाशित|पब्लिश्ड)(?:\s+(?:on|at|date))?\s*[:\-–]`)

// meta records that a metadata line came after the headline, which closes
// the standfirst candidates.
func (b *builder) meta() {
	if b.state == top {
		b.metaSeen = true
		b.resolveStandfirst()
	}
}

// dateLine handles a line of dates ("Updated: 18 Nov 2025, 10:30 AM IST").
func (b *builder) dateLine(l string) bool {
	var ms []dates.Match
	ok := false
	if strings.ContainsFunc(l, isDigit) { // every date has a number
		ms, ok = dates.ParseLine(l, b.now)
	}
	if !ok {
		if dateLabel.MatchString(l) && utf8.RuneCountInString(l) <= 120 {
			b.removed(l)
			b.warn("date not understood or without a year: %q", short(l))
			b.meta()
			return true
		}
		return false
	}
	if b.state == body && ms[0].Kind == dates.Unlabelled {
		// A bare date inside the body is a live-blog timestamp.
		b.push(news.Heading, l)
		return true
	}
	if b.state == beforeHeadline || b.state == top {
		b.meta()
	}
	for _, m := range ms {
		b.setDate(m)
	}
	b.removed(l)
	return true
}

func (b *builder) setDate(m dates.Match) {
	switch {
	case m.Kind == dates.Updated:
		if m.Time.After(b.a.Updated) {
			b.a.Updated = m.Time
		}
	case b.a.Published.IsZero():
		b.a.Published = m.Time
	case m.Kind == dates.Published:
		b.warn("second published date ignored: %s", m.Time.Format(time.RFC3339))
	default:
		if m.Time.After(b.a.Updated) {
			b.a.Updated = m.Time
		}
	}
}

// metaLine handles bylines and "name | date" lines.
func (b *builder) metaLine(l string) bool {
	if names, editor, ok := byline(l); ok {
		if editor {
			b.editors = appendNew(b.editors, names...)
		} else {
			b.addAuthors(names...)
		}
		b.meta()
		b.removed(l)
		return true
	}
	if b.state == top && deskCredit(l) {
		// "Nagar Times Web Desk" on its own line under the headline.
		b.addAuthors(l)
		b.meta()
		b.removed(l)
		return true
	}
	parts := splitMeta(l)
	if len(parts) < 2 {
		return false
	}
	var names, editors, outlets []string
	var ms []dates.Match
	strong := 0   // parts that are surely metadata: dates and labelled bylines
	desk := false // a desk credit came before: names after it are the outlet
	for _, p := range parts {
		if deskCredit(p) {
			names = append(names, p)
			strong++
			desk = true
			continue
		}
		if m, ok := dates.ParseLine(p, b.now); ok {
			ms = append(ms, m...)
			strong++
			continue
		}
		if n, editor, ok := byline(p); ok {
			if editor {
				editors = append(editors, n...)
			} else {
				names = append(names, n...)
			}
			strong++
			continue
		}
		if nameLike(p, 4) {
			if desk {
				// "Tech Desk | देश दर्पण": the desk's outlet.
				outlets = append(outlets, p)
			} else {
				names = append(names, p)
			}
			continue
		}
		return false
	}
	if strong == 0 {
		return false
	}
	b.meta()
	b.addAuthors(names...)
	b.deskOutlets = appendNew(b.deskOutlets, outlets...)
	b.editors = appendNew(b.editors, editors...)
	for _, m := range ms {
		b.setDate(m)
	}
	b.removed(l)
	return true
}

// splitMeta splits a metadata line at " | ", " • " and " · ".
func splitMeta(l string) []string {
	for _, sep := range []string{" | ", " • ", " · ", " ・ "} {
		l = strings.ReplaceAll(l, sep, "\x00")
	}
	var out []string
	for _, p := range strings.Split(l, "\x00") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (b *builder) addAuthors(names ...string) {
	b.a.Authors = appendNew(b.a.Authors, names...)
}

// outlets applies what the page says about its own outlet: a name from a
// copyright footer, a follow prompt or a "<desk> | <outlet>" byline is
// not an author, and the first of them (in that order) becomes Source when
// the caller gave none. An author equal to Source is dropped too.
func (b *builder) outlets() {
	var names []string
	if b.copyrightOutlet != "" {
		names = append(names, b.copyrightOutlet)
	}
	names = appendNew(names, b.promptOutlets...)
	names = appendNew(names, b.deskOutlets...)
	if b.a.Source != "" {
		names = append(names, b.a.Source)
	}
	if len(names) == 0 {
		return
	}
	drop := map[string]bool{}
	for _, n := range names {
		drop[lineKey(n)] = true
	}
	keep := func(list []string) []string {
		var out []string
		for _, a := range list {
			if drop[lineKey(a)] {
				b.warn("outlet name dropped from authors: %q", a)
				continue
			}
			out = append(out, a)
		}
		return out
	}
	b.a.Authors = keep(b.a.Authors)
	b.editors = keep(b.editors)
	if b.a.Source == "" {
		b.a.Source = names[0]
	}
}
