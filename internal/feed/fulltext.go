package feed

import (
	"bytes"
	"encoding/json"
	"html"
	"strings"
	"time"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Thresholds of HasFullText. Lengths are in runes of visible text.
const (
	// FullTextMinRunes is the shortest content taken as a whole article
	// when it has FullTextMinParagraphs paragraphs.
	FullTextMinRunes = 1000
	// FullTextMinParagraphs is how many paragraphs of at least
	// fullTextParagraphRunes runes such content needs.
	FullTextMinParagraphs = 3
	// FullTextLongRunes is the length from which content is a whole
	// article whatever its paragraphs.
	FullTextLongRunes = 3000
	// fullTextParagraphRunes is the least length of a counted paragraph.
	fullTextParagraphRunes = 40
)

// teaserEnds are the closing words of a teaser ("read the rest on the
// site"), compared lowercased against the end of the last paragraph.
var teaserEnds = []string{
	"…", "...", "[…]", "[...]", "read more", "continue reading", "read full story",
	"read the full story", "read full article", "और पढ़ें", "आगे पढ़ें", "पूरी खबर पढ़ें",
	"पूरी ख़बर पढ़ें", "पूरा पढ़ें", "पढ़ना जारी रखें", "विस्तार से पढ़ें", "पूरी खबर",
}

// HasFullText reports whether item.ContentHTML holds the whole article,
// so the crawler can skip fetching the page: not a teaser (its last
// paragraph does not end in "…", "Read more", "और पढ़ें" and the like),
// and either at least FullTextMinRunes runes of text in at least
// FullTextMinParagraphs paragraphs, or at least FullTextLongRunes runes.
func HasFullText(item Item) bool {
	if strings.TrimSpace(item.ContentHTML) == "" {
		return false
	}
	blocks := textBlocks(item.ContentHTML)
	if len(blocks) == 0 {
		return false
	}
	tail := blocks[len(blocks)-1]
	if len(tail) > 256 {
		tail = tail[len(tail)-256:] // a cut rune at the start does not matter
	}
	tail = strings.ToLower(tail)
	trimmed := strings.TrimSpace(strings.TrimRight(tail, " .:!|»>→-–—"))
	for _, end := range teaserEnds {
		if strings.HasSuffix(trimmed, end) || strings.HasSuffix(tail, end) {
			return false
		}
	}
	var total, paras int
	for _, b := range blocks {
		n := utf8.RuneCountInString(b)
		total += n
		if n >= fullTextParagraphRunes {
			paras++
		}
	}
	return total >= FullTextLongRunes || (total >= FullTextMinRunes && paras >= FullTextMinParagraphs)
}

// blockTags end a block of text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Blockquote: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Section: true, atom.Article: true, atom.Figcaption: true, atom.Tr: true, atom.Pre: true,
}

// textBlocks returns the non-empty text blocks of an HTML fragment; a
// double <br> also ends a block, and plain text is split at blank lines.
func textBlocks(s string) []string {
	if len(s) > MaxContentBytes {
		s = s[:MaxContentBytes]
	}
	var blocks []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			blocks = append(blocks, t)
		}
		cur.Reset()
	}
	z := xhtml.NewTokenizer(strings.NewReader(s))
	skip, brs := 0, 0
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		switch tt {
		case xhtml.TextToken:
			if skip > 0 {
				continue
			}
			text := string(z.Text())
			if strings.TrimSpace(text) != "" {
				brs = 0
			}
			for i, part := range strings.Split(text, "\n\n") {
				if i > 0 {
					flush()
				}
				cur.WriteString(part)
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken, xhtml.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case a == atom.Script || a == atom.Style:
				if tt == xhtml.StartTagToken {
					skip++
				} else if tt == xhtml.EndTagToken && skip > 0 {
					skip--
				}
			case a == atom.Br:
				if brs++; brs >= 2 {
					flush()
				}
				cur.WriteByte(' ')
			case blockTags[a]:
				flush()
			default:
				cur.WriteByte(' ')
			}
		}
	}
	flush()
	return blocks
}

// dropElements are removed from content by ItemToHTML.
var dropElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Form: true, atom.Frame: true, atom.Frameset: true,
	atom.Base: true, atom.Meta: true, atom.Link: true, atom.Noscript: true,
	atom.Html: true, atom.Head: true, atom.Title: true, atom.Svg: true, atom.Math: true,
}

// ItemToHTML wraps an item in a minimal HTML document that
// extract.FromHTML reads like a news page: <title>, a canonical link,
// OpenGraph/article meta tags and a JSON-LD NewsArticle carrying the
// title, dates, authors and categories, and the content (ContentHTML, else
// the summary) in <article>. The content is parsed and re-serialised:
// scripts, styles, frames, forms and embeds, event-handler attributes and
// javascript: links are removed, so the result is well-formed whatever
// the feed held. All text is escaped.
func ItemToHTML(item Item) []byte {
	var b bytes.Buffer
	esc := html.EscapeString
	b.WriteString("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<title>" + esc(item.Title) + "</title>\n")
	if item.URL != "" {
		b.WriteString(`<link rel="canonical" href="` + esc(item.URL) + "\">\n")
		b.WriteString(`<meta property="og:url" content="` + esc(item.URL) + "\">\n")
	}
	if item.Title != "" {
		b.WriteString(`<meta property="og:title" content="` + esc(item.Title) + "\">\n")
	}
	if item.Summary != "" {
		b.WriteString(`<meta name="description" content="` + esc(item.Summary) + "\">\n")
	}
	if !item.Published.IsZero() {
		b.WriteString(`<meta property="article:published_time" content="` + item.Published.Format(time.RFC3339) + "\">\n")
	}
	if !item.Updated.IsZero() {
		b.WriteString(`<meta property="article:modified_time" content="` + item.Updated.Format(time.RFC3339) + "\">\n")
	}
	for _, a := range item.Authors {
		b.WriteString(`<meta name="author" content="` + esc(a) + "\">\n")
	}
	for _, c := range item.Categories {
		b.WriteString(`<meta property="article:tag" content="` + esc(c) + "\">\n")
	}
	b.Write(jsonLD(item))
	b.WriteString("</head>\n<body>\n<article>\n")
	if item.Title != "" {
		b.WriteString("<h1>" + esc(item.Title) + "</h1>\n")
	}
	content := item.ContentHTML
	if strings.TrimSpace(content) == "" {
		content = "<p>" + esc(item.Summary) + "</p>"
	} else if !looksLikeMarkup(content) {
		content = textToParagraphs(content)
	}
	b.WriteString(sanitize(content))
	b.WriteString("\n</article>\n</body>\n</html>\n")
	return b.Bytes()
}

// jsonLD returns a <script type="application/ld+json"> NewsArticle for
// item. encoding/json escapes <, > and &, so the script cannot be closed
// early by the feed's text.
func jsonLD(item Item) []byte {
	type person struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	}
	ld := struct {
		Context       string   `json:"@context"`
		Type          string   `json:"@type"`
		Headline      string   `json:"headline,omitempty"`
		URL           string   `json:"url,omitempty"`
		DatePublished string   `json:"datePublished,omitempty"`
		DateModified  string   `json:"dateModified,omitempty"`
		Author        []person `json:"author,omitempty"`
		Keywords      []string `json:"keywords,omitempty"`
	}{Context: "https://schema.org", Type: "NewsArticle", Headline: item.Title, URL: item.URL, Keywords: item.Categories}
	if !item.Published.IsZero() {
		ld.DatePublished = item.Published.Format(time.RFC3339)
	}
	if !item.Updated.IsZero() {
		ld.DateModified = item.Updated.Format(time.RFC3339)
	}
	for _, a := range item.Authors {
		ld.Author = append(ld.Author, person{Type: "Person", Name: a})
	}
	data, err := json.Marshal(ld)
	if err != nil {
		return nil
	}
	return append(append([]byte(`<script type="application/ld+json">`), data...), "</script>\n"...)
}

// textToParagraphs turns plain text into escaped <p> blocks at blank lines.
func textToParagraphs(s string) string {
	var b strings.Builder
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			b.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
		}
	}
	return b.String()
}

// sanitize parses an HTML fragment in a <div> and renders it back without
// the dropElements, on* attributes and javascript:/data:/vbscript: URLs.
func sanitize(fragment string) string {
	ctx := &xhtml.Node{Type: xhtml.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := xhtml.ParseFragment(strings.NewReader(fragment), ctx)
	if err != nil {
		return "<p>" + html.EscapeString(htmlText(fragment)) + "</p>"
	}
	var b bytes.Buffer
	for _, n := range nodes {
		clean(n)
		if n.Type == xhtml.ElementNode && dropElements[n.DataAtom] {
			continue
		}
		if err := xhtml.Render(&b, n); err != nil {
			break
		}
	}
	return b.String()
}

// clean removes unsafe children and attributes below n.
func clean(n *xhtml.Node) {
	attrs := n.Attr[:0]
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
		if strings.HasPrefix(key, "on") || strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") ||
			(strings.HasPrefix(v, "data:") && key != "src") || key == "style" || key == "srcdoc" {
			continue
		}
		attrs = append(attrs, a)
	}
	n.Attr = attrs
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == xhtml.ElementNode && dropElements[c.DataAtom] {
			n.RemoveChild(c)
		} else if c.Type == xhtml.CommentNode {
			n.RemoveChild(c)
		} else {
			clean(c)
		}
		c = next
	}
}
