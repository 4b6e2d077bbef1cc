package extract

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/indic"
	"github.com/khabar-news/khabar/internal/news"
)

// Errors FromText returns, wrapped with the name of the input.
var (
	// ErrEmpty: the text holds nothing but white space.
	ErrEmpty = errors.New("empty text")
	// ErrNoContent: every line was boilerplate or metadata; no headline.
	ErrNoContent = errors.New("no article text, only boilerplate")
	// ErrInvalidUTF8: the text is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrTooLarge: the text is longer than MaxTextBytes.
	ErrTooLarge = errors.New("text too large")
)

// MaxTextBytes is the longest text FromText accepts.
const MaxTextBytes = 16 << 20

// maxMetaLineBytes is the longest line the boilerplate and metadata rules
// look at; every such rule needs a line far shorter than this.
const maxMetaLineBytes = 800

// FromText turns plain text scraped from a news page into an article. The
// text is read line by line: one non-empty line is one unit (a paragraph,
// heading, caption or metadata line); line endings may be LF, CRLF or CR
// and a leading byte-order mark is ignored.
//
// The first line of article text is the headline; a Latin-script prefix
// before ": " on a mostly Devanagari headline is its kicker. Text lines
// between the headline and the first metadata line (byline, date, author or
// caption marker) form the standfirst when they are one line, possibly
// printed twice. Bylines, agency credits, desk credits ("Education Desk")
// and labelled dates fill Authors, Published and Updated; "यह भी पढ़ें"/"Also
// Read" lines fill Related; explicit tag lines and closing tag lines fill
// Tags. In the body, a short line without closing punctuation followed by a
// paragraph is a heading; a bare clock time or date ("10:45 AM IST") after
// the body has begun is kept as a heading, so live blogs keep their
// timestamps. A dateline ("नई दिल्ली:") stays in the paragraph's text.
//
// Closing tag lines: in an article mostly written in Devanagari, a last body
// line of only Latin words and numbers, mostly capitalised and without
// sentence punctuation, or a line of Latin tags separated by commas, pipes
// or hash signs, is tags, never body text; when its split into phrases is
// uncertain the best split is kept and a warning says so. In a Latin-script
// article the line must also hold no lowercase function word ("the", "is",
// "of") and either come after dropped furniture (related links, follow
// prompts) or split cleanly at phrase ends such as "News" or "Today".
//
// Captions: a line that carries a photo credit — "(फोटो: PTI)", "… लोग.
// फोटो: भाषा", "Image Source : X", "(Representative Image)" — is a caption,
// and the credit goes to Removed.
//
// The outlet: follow prompts ("गंगा सन्देश को फ़ॉलो करें", "Desh Darpan on
// Google News", "Follow us on: Google News | WhatsApp"), lists of social
// networks and copyright footers ("© 2025 Khabar Samachar. सर्वाधिकार
// सुरक्षित", "All rights reserved") are dropped. The outlet they name, or
// the name after a desk credit ("Tech Desk | देश दर्पण"), is never an
// author; when opts.Source is empty it becomes Source, a copyright footer's
// name first, then a follow prompt's, then a desk line's. An author equal
// to Source is dropped as well.
//
// Dropped lines go to Removed in input order; doubtful decisions are noted
// in Warnings. ID is never set. Dates without a year are only used when
// opts.Now is set (see package dates). Language comes from
// indic.DetectLanguage over the whole text; a body block of three or more
// words gets its own Language when detection differs from the article's.
//
// FromText returns an error wrapping ErrEmpty, ErrInvalidUTF8, ErrTooLarge
// or ErrNoContent when there is no article to return. A headline without
// any body is returned with a warning.
func FromText(text string, opts Options) (*news.Article, error) {
	name := inputName(opts)
	if len(text) > MaxTextBytes {
		return nil, fmt.Errorf("extract text %s: %w (%d bytes, limit %d)", name, ErrTooLarge, len(text), MaxTextBytes)
	}
	if !utf8.ValidString(text) {
		off := 0
		for off < len(text) {
			r, n := utf8.DecodeRuneInString(text[off:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			off += n
		}
		return nil, fmt.Errorf("extract text %s: %w at byte %d", name, ErrInvalidUTF8, off)
	}
	lines := splitLines(text)
	if len(lines) == 0 {
		return nil, fmt.Errorf("extract text %s: %w", name, ErrEmpty)
	}
	b := &builder{
		a:    &news.Article{URL: opts.URL, Source: opts.Source},
		now:  opts.Now,
		seen: map[string]bool{},
	}
	for _, l := range lines {
		b.line(l)
	}
	b.finish()
	if b.a.Headline == "" {
		return nil, fmt.Errorf("extract text %s: %w (%d lines)", name, ErrNoContent, len(lines))
	}
	return b.a, nil
}

func inputName(opts Options) string {
	switch {
	case opts.URL != "":
		return opts.URL
	case opts.Source != "":
		return "from " + opts.Source
	}
	return "(no url)"
}

// splitLines splits text into cleaned, non-empty lines.
func splitLines(text string) []string {
	text = strings.TrimPrefix(text, "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = cleanLine(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// cleanLine drops control characters, zero-width spaces and stray BOMs,
// collapses runs of white space (NBSP included) and trims the line. ZWJ
// and ZWNJ are kept: they are part of Devanagari spelling.
func cleanLine(l string) string {
	l = strings.Map(func(r rune) rune {
		switch {
		case r == '\u200b' || r == '\ufeff' || r == '\u00ad':
			return -1
		case r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, l)
	return strings.Join(strings.Fields(l), " ")
}

// Parsing states.
const (
	beforeHeadline = iota
	top            // after the headline, before the body
	body
)

// draft is a body block under construction.
type draft struct {
	kind news.BlockKind
	text string
	// afterSkip: furniture (a dropped line or a related link) came between
	// the block before and this one.
	afterSkip bool
}

type builder struct {
	a     *news.Article
	now   time.Time
	state int

	pending  []string // text lines after the headline, maybe the standfirst
	metaSeen bool     // a metadata line came after the headline
	blocks   []draft
	seen     map[string]bool // body texts, to drop repeats
	editors  []string
	skipped  bool // a line was dropped or taken as a link since the last block

	// Outlet names the page gives for itself, by the line that gave them.
	copyrightOutlet string
	promptOutlets   []string
	deskOutlets     []string

	expectAuthor  bool
	expectCaption bool
	expectRelated bool
}

var timeOnly = regexp.MustCompile(`^[0-9०-९]{1,2}[:.][0-9०-९]{2}(?:\s*(?:AM|PM|am|pm|a\.m\.|p\.m\.|बजे))?(?:\s*\(?IST\)?)?$`)

func (b *builder) removed(l string) {
	b.a.Removed = append(b.a.Removed, l)
	b.skipped = true
}

func (b *builder) related(title, url string) {
	b.a.Related = append(b.a.Related, news.Link{Title: title, URL: url})
	b.skipped = true
}

// push appends a body block.
func (b *builder) push(kind news.BlockKind, text string) {
	b.blocks = append(b.blocks, draft{kind: kind, text: text, afterSkip: b.skipped})
	b.skipped = false
}

func (b *builder) warn(f string, args ...any) {
	b.a.Warnings = append(b.a.Warnings, fmt.Sprintf(f, args...))
}

// line handles one cleaned line.
func (b *builder) line(l string) {
	// Lines announced by the line before.
	if b.expectAuthor {
		b.expectAuthor = false
		if nameLike(l, 5) {
			b.addAuthors(l)
			return
		}
		b.warn("author marker not followed by a name: %q", short(l))
	}
	if b.expectCaption {
		b.expectCaption = false
		if b.state != beforeHeadline && isCaptionLike(l) && !opensWithDateline(l) {
			b.flushPending()
			if before, ok := photoCredit(l); ok {
				if before == "" {
					b.removed(l)
					return
				}
				b.removed(creditText(l, before))
				l = before
			}
			b.push(news.Caption, l)
			return
		}
	}
	if b.expectRelated {
		b.expectRelated = false
		if utf8.RuneCountInString(l) <= 200 && !isBoilerplate(l) {
			title, url := l, ""
			if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
				title, url = "", l
			}
			b.related(title, url)
			return
		}
	}

	if len(l) > maxMetaLineBytes {
		// Too long for any furniture or metadata rule: article text, or a
		// related link written out at length.
		if title, url, ok := relatedLine(l); ok && title != "" {
			b.related(title, url)
			return
		}
		b.text(l)
		return
	}
	switch k := lineKey(l); {
	case authorMarkers[k]:
		b.expectAuthor = true
		b.meta()
		b.removed(l)
		return
	case captionMarkers[k]:
		b.expectCaption = true
		b.meta()
		b.removed(l)
		return
	}
	if outlet, ok := copyrightLine(l); ok {
		if outlet != "" && b.copyrightOutlet == "" {
			b.copyrightOutlet = outlet
		}
		b.removed(l)
		return
	}
	if outlet, ok := followPrompt(l); ok {
		if outlet != "" {
			b.promptOutlets = appendNew(b.promptOutlets, outlet)
		}
		b.removed(l)
		return
	}
	if isBoilerplate(l) {
		b.removed(l)
		return
	}
	if title, url, ok := relatedLine(l); ok {
		if title == "" && url == "" {
			b.expectRelated = true
			b.removed(l)
			return
		}
		b.related(title, url)
		return
	}
	if sec, ok := breadcrumb(l); ok && b.state != body {
		if b.a.Section == "" {
			b.a.Section = sec
		}
		b.removed(l)
		return
	}
	if tags, ok := labelledTags(l); ok {
		b.a.Tags = appendNew(b.a.Tags, tags...)
		return
	}
	if b.dateLine(l) || b.metaLine(l) {
		return
	}
	if timeOnly.MatchString(l) {
		if b.state == beforeHeadline {
			b.removed(l)
			return
		}
		b.flushPending()
		b.state = body
		b.push(news.Heading, l)
		return
	}
	if before, ok := photoCredit(l); ok {
		if before == "" {
			b.removed(l)
			b.meta()
			// A credit under a short line makes that line a caption.
			if n := len(b.blocks); n > 0 && b.blocks[n-1].kind == news.Paragraph && isCaptionLike(b.blocks[n-1].text) && headingLike(b.blocks[n-1].text) {
				b.blocks[n-1].kind = news.Caption
			}
			return
		}
		if b.state != beforeHeadline {
			b.flushPending()
			adjacent := !b.skipped
			b.removed(creditText(l, before))
			if !isCaptionLike(before) {
				b.addBlock(before)
				return
			}
			// A short Latin line just above a caption is the image's
			// alt text or title ("S Jaishankar Singapore").
			if n := len(b.blocks); n > 0 && adjacent && b.blocks[n-1].kind == news.Paragraph && b.altText(b.blocks[n-1].text) {
				b.blocks[n-1].kind = news.Caption
			}
			b.push(news.Caption, before)
			return
		}
	}
	b.text(l)
}

// text handles a line of article text.
func (b *builder) text(l string) {
	switch b.state {
	case beforeHeadline:
		b.a.Kicker, b.a.Headline = splitKicker(l)
		b.state = top
	case top:
		if b.metaSeen {
			b.state = body
			b.addBlock(l)
			return
		}
		b.pending = append(b.pending, l)
		if distinct(b.pending) > 2 {
			b.flushPending()
		}
	default:
		b.addBlock(l)
	}
}

// resolveStandfirst makes the pending lines the standfirst when they are
// one line (maybe repeated), or body paragraphs otherwise.
func (b *builder) resolveStandfirst() {
	if len(b.pending) == 0 {
		return
	}
	if distinct(b.pending) == 1 && utf8.RuneCountInString(b.pending[0]) <= 600 {
		b.a.Standfirst = b.pending[0]
		for _, dup := range b.pending[1:] {
			b.removed(dup)
		}
		b.pending = nil
		return
	}
	b.flushPending()
}

// flushPending turns pending lines into body paragraphs and starts the body.
func (b *builder) flushPending() {
	p := b.pending
	b.pending = nil
	if b.state == top {
		b.state = body
	}
	for _, l := range p {
		b.addBlock(l)
	}
}

func (b *builder) addBlock(l string) {
	if l == b.a.Standfirst || l == b.a.Headline {
		b.removed(l)
		return
	}
	if b.seen[l] {
		b.removed(l)
		b.warn("repeated line dropped: %q", short(l))
		return
	}
	b.seen[l] = true
	b.push(news.Paragraph, l)
}

// finish resolves what is left and builds the body.
func (b *builder) finish() {
	if b.state == top {
		b.flushPending()
	}
	b.trailingTags()
	b.outlets()
	for i, d := range b.blocks {
		if d.kind == news.Paragraph && headingLike(d.text) && i+1 < len(b.blocks) &&
			b.blocks[i+1].kind == news.Paragraph && !headingLike(b.blocks[i+1].text) {
			b.blocks[i].kind = news.Heading
		}
	}
	if len(b.a.Authors) == 0 && len(b.editors) > 0 {
		b.a.Authors = b.editors
	}
	var all strings.Builder
	all.WriteString(b.a.Headline)
	all.WriteString("\n")
	all.WriteString(b.a.Standfirst)
	for _, d := range b.blocks {
		all.WriteString("\n")
		all.WriteString(d.text)
	}
	b.a.Language = indic.DetectLanguage(all.String()).Lang
	for _, d := range b.blocks {
		blk := news.Block{Kind: d.kind, Text: d.text}
		if len(indic.Tokenize(d.text)) >= 3 {
			if lang := indic.DetectLanguage(d.text).Lang; lang != "" && lang != b.a.Language {
				blk.Language = lang
			}
		}
		b.a.Body = append(b.a.Body, blk)
	}
	if b.a.Headline != "" && len(b.a.Body) == 0 {
		b.warn("no body text found")
	}
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '०' && r <= '९' }

func isDevanagari(r rune) bool { return r >= 0x0900 && r <= 0x097f || r >= 0xa8e0 && r <= 0xa8ff }

func distinct(ls []string) int {
	seen := map[string]bool{}
	for _, l := range ls {
		seen[l] = true
	}
	return len(seen)
}

// appendNew appends the values not already in list.
func appendNew(list []string, vals ...string) []string {
outer:
	for _, v := range vals {
		for _, have := range list {
			if strings.EqualFold(have, v) {
				continue outer
			}
		}
		list = append(list, v)
	}
	return list
}

// short cuts a line for a warning message.
func short(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}
