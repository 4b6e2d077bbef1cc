package extract

import (
	"strings"

	"github.com/khabar-news/khabar/internal/news"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlRawBlock is one block of the main text before boilerplate rules run.
type htmlRawBlock struct {
	kind  news.BlockKind
	text  string
	tag   atom.Atom // the element the block came from (0 for loose text)
	h1    bool      // the block is an <h1>
	label bool      // a list item or table cell, as breadcrumbs are written
}

// htmlBlocks walks the main-text tree and returns its blocks in order:
// paragraphs, list items, quotes and table rows as paragraphs, <h2>–<h6>
// (and <h1>) as headings, and paragraphs marked by htmlPrepare as captions.
// Loose text between block elements becomes a paragraph of its own.
func htmlBlocks(root *html.Node) []htmlRawBlock {
	// The extractor builds new elements by name only; give every element
	// its atom so the switches below see them.
	htmlFind(root, func(n *html.Node) bool {
		if n.DataAtom == 0 {
			n.DataAtom = atom.Lookup([]byte(strings.ToLower(n.Data)))
		}
		return true
	})
	var out []htmlRawBlock
	var loose strings.Builder
	flush := func() {
		if t := htmlCollapse(loose.String()); t != "" {
			out = append(out, htmlRawBlock{kind: news.Paragraph, text: t})
		}
		loose.Reset()
	}
	emit := func(n *html.Node, kind news.BlockKind) {
		raw := htmlRawText(n)
		if strings.HasPrefix(strings.TrimLeft(raw, " \t\n\r\f"+string(htmlSpaceMark)), string(htmlCaptionMark)) {
			kind = news.Caption
		}
		t := htmlCollapse(raw)
		if t == "" {
			return
		}
		out = append(out, htmlRawBlock{
			kind: kind, text: t, tag: n.DataAtom, h1: n.DataAtom == atom.H1,
			label: n.DataAtom == atom.Li || n.DataAtom == atom.Td || n.DataAtom == atom.Th || n.DataAtom == atom.Dd || n.DataAtom == atom.Dt,
		})
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				loose.WriteString(c.Data)
				continue
			case html.ElementNode:
			default:
				continue
			}
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg:
				continue
			case atom.Br:
				loose.WriteByte(' ')
				continue
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				flush()
				emit(c, news.Heading)
				continue
			case atom.Tr:
				flush()
				htmlEmitRow(c, &out)
				continue
			}
			if c.Data == "head" {
				// go-trafilatura's own name for a heading.
				flush()
				emit(c, news.Heading)
				continue
			}
			if htmlInline[c.DataAtom] && !htmlHasBlock(c) {
				loose.WriteString(htmlRawText(c))
				continue
			}
			leaf := !htmlHasBlock(c)
			flush()
			if leaf {
				emit(c, news.Paragraph)
			} else {
				walk(c)
				flush()
			}
		}
	}
	walk(root)
	flush()
	return out
}

// htmlEmitRow appends a table row as one paragraph, its cells joined by
// " | ".
func htmlEmitRow(tr *html.Node, out *[]htmlRawBlock) {
	var cells []string
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if t := htmlText(c); t != "" {
				cells = append(cells, t)
			}
		}
	}
	if len(cells) == 0 {
		return
	}
	*out = append(*out, htmlRawBlock{kind: news.Paragraph, text: strings.Join(cells, " | "), tag: atom.Tr, label: len(cells) == 1})
}

// htmlHasBlock reports whether any element below n is a block element.
func htmlHasBlock(n *html.Node) bool {
	return htmlFirst(n, func(e *html.Node) bool {
		return e != n && !htmlInline[e.DataAtom] && e.DataAtom != atom.Br
	}) != nil
}

// htmlRawText returns the text under n as written (white space kept).
func htmlRawText(n *html.Node) string {
	var b strings.Builder
	htmlWriteText(&b, n)
	return b.String()
}

// htmlBodyFilter turns raw blocks into the article body. It drops the
// headline (an <h1> or block equal to it) and everything before it that is
// a short list item (breadcrumbs, kickers), breadcrumb names from the page's
// JSON-LD, boilerplate lines, "यह भी पढ़ें" lines (kept in Related) and
// repeated blocks. It also drops boxes of other stories (a section head
// such as "Related Articles" or "Neueste Artikel" in the second half of
// the text with the short teasers under it, labelled "READ MORE: …" lines,
// runs of bare headlines), bylines and datelines above the text or naming
// the author, lines holding only a date, and short photo-credit or source
// lines; the page's own address, filing data, cookie and consent notices,
// short affiliate notes and credits written with "©" (such a credit is
// also cut off the end of a short block). A comment section or paywall
// offer is cut from its head on (htmlCutComments) and the furniture after
// the story goes last (htmlDropTail). Dropped text goes to a.Removed.
func htmlBodyFilter(raw []htmlRawBlock, headline string, crumbs []string, a *news.Article) []news.Block {
	raw, comments := htmlCutComments(raw)
	a.Removed = append(a.Removed, comments...)
	hk := lineKey(headline)
	crumbKeys := map[string]bool{}
	for _, c := range crumbs {
		crumbKeys[lineKey(c)] = true
	}
	// Where is the headline inside the extracted text?
	headAt := -1
	for i, b := range raw {
		if hk != "" && lineKey(b.text) == hk || b.h1 {
			headAt = i
			break
		}
	}
	total := 0
	firstLong := len(raw) // the first paragraph of running text
	for i, b := range raw {
		total += htmlRunes(b.text)
		if firstLong == len(raw) && b.kind == news.Paragraph && htmlRunes(b.text) > htmlMaxTeaserRunes {
			firstLong = i
		}
	}
	seen := map[string]bool{}
	var out []news.Block
	before := 0     // runes of the blocks before this one
	teaser := false // inside a box of other stories that a section head opened
	for i, b := range raw {
		k := lineKey(b.text)
		runes := htmlRunes(b.text)
		before += runes
		if teaser && (b.kind == news.Paragraph && runes > htmlMaxTeaserRunes) {
			teaser = false
		}
		drop := false
		switch {
		case teaser:
			drop = true // a teaser under a "Related"/"Neueste Artikel" head
		case htmlSectionHead(b.text):
			drop = true
			// A head in the second half of the text opens a box of
			// teasers; one higher up is a stray label.
			teaser = 2*(before-runes) >= total
		case b.kind != news.Caption && htmlTeaserLine(b.text):
			drop = true
		case i < firstLong && b.kind != news.Caption && htmlBylineLine(b.text):
			drop = true // a byline or dateline above the text
		case b.kind != news.Caption && (htmlCreditLine(b.text) || htmlBylineOf(b.text, a.Authors) || htmlDateline(b.text) || htmlDateOnly(b.text)):
			drop = true
		case htmlSignCredit(b.text) || htmlOwnLink(b.text, a.URL) || htmlMetaLine(b.text) || htmlConsentLine(b.text) ||
			htmlRunes(b.text) <= htmlMaxDisclosureRunes && htmlDisclosure(b.text):
			drop = true
		case k == "":
			drop = true // punctuation only, e.g. the "|" between byline and date
		case i == headAt || (hk != "" && k == hk):
			drop = true
		case headAt > 0 && headAt <= 8 && i < headAt && (b.label || htmlRunes(b.text) <= 60):
			drop = true // breadcrumb or kicker above the headline
		case b.label && crumbKeys[k]:
			drop = true
		case b.kind != news.Caption && htmlIsBoilerplate(b.text):
			drop = true
		}
		if !drop {
			if title, url, ok := relatedLine(b.text); ok && htmlRunes(b.text) <= 300 {
				if title != "" {
					a.Related = htmlAppendLink(a.Related, news.Link{Title: title, URL: url})
				}
				drop = true
			}
		}
		if !drop {
			if before, credit, ok := htmlCutSignCredit(b.text); ok {
				a.Removed = append(a.Removed, credit)
				b.text = before
				k = lineKey(before)
			}
		}
		if !drop && b.kind == news.Caption {
			if before, credit, ok := htmlCaptionCredit(b.text); ok {
				a.Removed = append(a.Removed, credit)
				b.text = before
				k = lineKey(before)
			}
			if before, ok := photoCredit(b.text); ok {
				if before == "" {
					drop = true
				} else {
					a.Removed = append(a.Removed, strings.TrimSpace(strings.TrimPrefix(b.text, before)))
					b.text = before
					k = lineKey(before)
				}
			}
		}
		if !drop && seen[k] && b.kind == news.Caption {
			// The same caption twice: the lead image repeated. Paragraphs
			// may rightly recur (recipes, tables, meal plans).
			drop = true
		}
		if drop {
			if i != headAt && k != hk {
				a.Removed = append(a.Removed, b.text)
			}
			continue
		}
		seen[k] = true
		out = append(out, news.Block{Kind: b.kind, Text: b.text})
	}
	return htmlDropTail(htmlDropHeadlineRuns(out, a), a)
}

// htmlMinHeadlineRun is the fewest headings in a row, with no text between
// them, that htmlDropHeadlineRuns takes for a list of other stories.
const htmlMinHeadlineRun = 3

// htmlDropHeadlineRuns removes lists of other stories' headlines from the
// second half of a body: htmlMinHeadlineRun or more headings in a row with
// no text between them, and the short lines right before them that head
// the list ("Die Redaktion empfiehlt", "Most read"). An article's own
// sections always have text under them. Dropped text goes to a.Removed.
func htmlDropHeadlineRuns(body []news.Block, a *news.Article) []news.Block {
	total := 0
	for _, b := range body {
		total += htmlRunes(b.Text)
	}
	drop := make([]bool, len(body))
	before, found := 0, false
	for i := 0; i < len(body); {
		j := i
		for j < len(body) && body[j].Kind == news.Heading {
			j++
		}
		if j-i >= htmlMinHeadlineRun && 2*before >= total {
			found = true
			for k := i; k < j; k++ {
				drop[k] = true
			}
			for k := i - 1; k >= 0 && htmlRunes(body[k].Text) <= 40 && k >= i-3; k-- {
				drop[k] = true
			}
		}
		if j == i {
			j = i + 1
		}
		for k := i; k < j; k++ {
			before += htmlRunes(body[k].Text)
		}
		i = j
	}
	if !found {
		return body
	}
	var out []news.Block
	for i, b := range body {
		if drop[i] {
			a.Removed = append(a.Removed, b.Text)
			continue
		}
		out = append(out, b)
	}
	return out
}

// htmlMaxTeaserRunes is the longest paragraph (in runes) taken for a
// teaser after a section head; a longer one is article text again.
const htmlMaxTeaserRunes = 150

// htmlCreditLabels open a photo credit written at the end of a caption.
var htmlCreditLabels = []string{"फोटो:", "फोटो -", "फोटो-", "फोटो :", "तस्वीर:", "चित्र:", "फोटो साभार", "Photo:", "Photo -", "Image:", "Photo credit:", "Pic:"}

// htmlCaptionCredit splits a trailing credit such as "… पानी भर गया। फोटो:
// राजेश मालवीय" off a caption: the label must follow the caption's text and
// the credit be at most five words. It returns the caption and the credit.
func htmlCaptionCredit(text string) (caption, credit string, ok bool) {
	for _, l := range htmlCreditLabels {
		i := strings.LastIndex(text, l)
		if i <= 0 {
			continue
		}
		rest := strings.TrimSpace(text[i+len(l):])
		if rest == "" || len(strings.Fields(rest)) > 5 {
			continue
		}
		caption = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(text[:i]), "|-–("))
		if caption == "" {
			continue
		}
		return caption, strings.TrimSpace(text[i:]), true
	}
	return text, "", false
}
