package extract

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/news"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlCaptionMark starts the text of the paragraph that stands in for an
// image caption while the main-text extractor runs (it drops <figure>
// whole). It is a private-use character, removed from the page beforehand,
// so only khabar's own caption paragraphs carry it.
const htmlCaptionMark = '\ue000'

// htmlSpaceMark stands for a space between words that the main-text
// extractor would otherwise trim away: it strips the white space at both
// ends of every text run, so "<b>कहा</b> कि" came out as "कहाकि" and a
// <br> between two words joined them. htmlKeepSpaces writes the mark in
// place of such white space and htmlCollapse turns it back into a space.
// Like htmlCaptionMark it is a private-use character removed from the page
// beforehand.
const htmlSpaceMark = '\ue001'

// htmlFurniture are substrings of class/id/role names that mark page
// furniture inside or around an article: share bars, breadcrumbs, related
// and recommended boxes, ad slots. An element so named is removed when its
// text is short (see htmlMaxFurnitureRunes).
var htmlFurniture = []string{
	"breadcrumb", "share", "social", "sharing", "advert", "ad-slot", "adslot",
	"ad-container", "also-read", "alsoread", "read-also", "readalso", "related",
	"recommend", "newsletter", "taboola", "outbrain", "copy-link", "copylink",
	"follow-us", "followus", "subscribe", "trending", "most-read", "mostread",
	"latest-news", "more-stories", "morestories", "more-from", "read-more",
	"readmore", "paywall", "author-bio", "authorbio",
}

// htmlMaxFurnitureRunes is the most text a furniture-named element may hold
// and still be removed; a larger one probably wraps the article itself.
const htmlMaxFurnitureRunes = 400

// htmlMaxLinkFurnitureRunes is the most text a furniture-named element may
// hold and still be removed when at least half of its text is link text (a
// list of other stories); more is taken for the article itself.
const htmlMaxLinkFurnitureRunes = 3000

// htmlLinkDensity returns the share of n's text, runes long, inside links.
func htmlLinkDensity(n *html.Node, runes int) float64 {
	if runes == 0 {
		return 0
	}
	in := 0
	htmlFind(n, func(e *html.Node) bool {
		if e.DataAtom == atom.A {
			in += htmlRunes(htmlText(e))
			return false
		}
		return true
	})
	return float64(in) / float64(runes)
}

// htmlMaxRelatedRunes bounds the text of a "यह भी पढ़ें" box.
const htmlMaxRelatedRunes = 800

// htmlPrepare readies the parsed page for main-text extraction. It
// removes private-use caption marks from the text, collects "यह भी पढ़ें"
// boxes into Related and removes them, removes furniture named by class or
// id, and turns each image caption (a <figcaption>, or the element right
// after an image whose text is the image's alt text) into a marked
// paragraph standing where its figure was. base resolves relative links.
func htmlPrepare(doc *html.Node, base *url.URL, a *news.Article) {
	htmlFind(doc, func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && strings.ContainsAny(c.Data, string(htmlCaptionMark)+string(htmlSpaceMark)) {
				c.Data = strings.NewReplacer(string(htmlCaptionMark), "", string(htmlSpaceMark), "").Replace(c.Data)
			}
		}
		return true
	})
	body := htmlFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		return
	}
	htmlTakeRelated(body, base, a)
	htmlFind(body, func(n *html.Node) bool {
		if htmlHidden(n) {
			htmlRemove(n)
			return false
		}
		if n.DataAtom == atom.Blockquote && htmlEmbeddedPost(n) {
			// A quoted post (tweet, Instagram) is part of the story; its
			// class and its wrapper's would get it removed as social-media
			// furniture.
			n.Attr = nil
			for p, i := n.Parent, 0; p != nil && i < 3; p, i = p.Parent, i+1 {
				if c := strings.ToLower(htmlAttr(p, "class")); strings.Contains(c, "embed") || strings.Contains(c, "social") || strings.Contains(c, "tweet") ||
					strings.Contains(c, "twitter") || strings.Contains(c, "widget") {
					p.Attr = nil
				}
			}
			return true
		}
		switch n.DataAtom {
		case atom.Body, atom.Main, atom.Article:
			return true
		}
		if !htmlIsFurniture(n) || htmlFirst(n, htmlIsEmbeddedPost) != nil {
			return true
		}
		t := htmlText(n)
		if r := htmlRunes(t); r > htmlMaxFurnitureRunes && (r > htmlMaxLinkFurnitureRunes || htmlLinkDensity(n, r) < 0.5) {
			return true
		}
		if t != "" {
			a.Removed = append(a.Removed, t)
		}
		htmlRemove(n)
		return false
	})
	htmlMarkCaptions(body)
	htmlDropHoverCards(body, a)
	htmlPromoteSubheads(body)
	htmlUnwrapPriceLinks(body)
	htmlKeepSpaces(body)
}

// htmlSubheadNames are class-name parts that mark a subheading written as
// a <div> or <p> inside the article text.
var htmlSubheadNames = []string{"subhead", "crosshead", "zwischentitel", "zwischenueberschrift"}

// htmlMaxSubheadRunes is the longest text taken for such a subheading.
const htmlMaxSubheadRunes = 150

// htmlPromoteSubheads turns a <div> or <p> whose class names it a
// subheading (and which holds only a short line of text) into an <h3>,
// so that the main-text extractor keeps it as a heading rather than
// dropping it as a short block.
func htmlPromoteSubheads(root *html.Node) {
	htmlFind(root, func(n *html.Node) bool {
		if n.DataAtom != atom.Div && n.DataAtom != atom.P {
			return true
		}
		c := strings.ToLower(htmlAttr(n, "class"))
		named := false
		for _, s := range htmlSubheadNames {
			if strings.Contains(c, s) {
				named = true
				break
			}
		}
		if !named || htmlHasBlock(n) {
			return true
		}
		if r := htmlRunes(htmlText(n)); r == 0 || r > htmlMaxSubheadRunes {
			return true
		}
		n.Data, n.DataAtom = "h3", atom.H3
		return false
	})
}

// htmlKeepSpaces replaces the white space that separates words across
// inline elements (and stands for a <br>) with htmlSpaceMark, so that the
// main-text extractor cannot trim it: the leading white space of a text
// run that follows inline content, the trailing white space of one that
// inline content follows, and a white-space-only run between two inline
// elements. A <br> gets a mark before it.
func htmlKeepSpaces(root *html.Node) {
	inline := func(n *html.Node) bool {
		return n != nil && (n.Type == html.TextNode || n.Type == html.ElementNode && (htmlInline[n.DataAtom] || n.DataAtom == atom.Br))
	}
	mark := string(htmlSpaceMark)
	var brs []*html.Node
	htmlFind(root, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg, atom.Pre:
			return false
		case atom.Br:
			brs = append(brs, n)
			return false
		}
		inInline := htmlInline[n.DataAtom]
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.TextNode || c.Data == "" {
				continue
			}
			before := c.PrevSibling != nil && inline(c.PrevSibling) || c.PrevSibling == nil && inInline
			after := c.NextSibling != nil && inline(c.NextSibling) || c.NextSibling == nil && inInline
			t := strings.TrimSpace(c.Data)
			if t == "" {
				if before && after && c.PrevSibling != nil && c.NextSibling != nil {
					c.Data = mark
				}
				continue
			}
			first, _ := utf8.DecodeRuneInString(c.Data)
			last, _ := utf8.DecodeLastRuneInString(c.Data)
			lead, trail := unicode.IsSpace(first), unicode.IsSpace(last)
			if lead && before {
				t = mark + t
			} else if lead {
				t = " " + t
			}
			if trail && after {
				t += mark
			} else if trail {
				t += " "
			}
			c.Data = t
		}
		return true
	})
	for _, br := range brs {
		// The mark joins the text next to the <br>: a text node of its own
		// would change how the extractor scores the element.
		// Only a <br> between two words matters.
		prev, next := br.PrevSibling, br.NextSibling
		if !inline(prev) || !inline(next) || strings.TrimSpace(htmlText(prev)) == "" || strings.TrimSpace(htmlText(next)) == "" {
			continue
		}
		if t := htmlLastText(prev); t != nil {
			t.Data = strings.TrimRightFunc(t.Data, unicode.IsSpace) + mark
		}
	}
}

// htmlHidden reports whether n is hidden from readers by its own markup:
// the hidden attribute or an inline display:none style.
func htmlHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue
		}
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "style":
			st := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// htmlIsEmbeddedPost reports whether n is a blockquote holding an
// embedded post.
func htmlIsEmbeddedPost(n *html.Node) bool {
	return n.DataAtom == atom.Blockquote && htmlEmbeddedPost(n)
}

// htmlEmbeddedPost reports whether a <blockquote> is an embedded social
// media post that carries its text (a tweet, an Instagram caption).
func htmlEmbeddedPost(n *html.Node) bool {
	c := strings.ToLower(htmlAttr(n, "class"))
	return (strings.Contains(c, "twitter-tweet") || strings.Contains(c, "instagram-media") || strings.Contains(c, "tiktok-embed")) &&
		htmlRunes(htmlText(n)) > 0
}

// htmlIsFurniture reports whether n's class, id or role names it as page
// furniture.
func htmlIsFurniture(n *html.Node) bool {
	names := htmlClassID(n)
	if strings.TrimSpace(names) == "" {
		return false
	}
	for _, f := range htmlFurniture {
		if strings.Contains(names, f) {
			// "ad" names are only matched as whole words (not "header").
			return true
		}
	}
	for _, w := range strings.Fields(names) {
		switch w {
		case "ad", "ads", "navigation", "tags-list":
			return true
		}
	}
	return false
}

// htmlTakeRelated finds "यह भी पढ़ें"/"Also Read" boxes under root, records
// their links in a.Related and removes them. A box is an element whose text
// starts with a related-article marker and that holds links; when the
// marker stands alone in a heading, the list right after it is the box.
func htmlTakeRelated(root *html.Node, base *url.URL, a *news.Article) {
	htmlFind(root, func(n *html.Node) bool {
		if n.DataAtom == atom.Body || n.DataAtom == atom.Article || n.DataAtom == atom.Main {
			return true
		}
		if htmlTextOver(n, 16*htmlMaxRelatedRunes) {
			// Far too long for a box (a rune is at most 4 bytes; the rest
			// is room for white space), without collapsing all its text.
			return true
		}
		t := htmlText(n)
		if t == "" || htmlRunes(t) > htmlMaxRelatedRunes {
			return true
		}
		title, _, ok := relatedLine(t)
		if !ok {
			return true
		}
		links := htmlLinks(n, base)
		box := []*html.Node{n}
		if len(links) == 0 && title == "" {
			// A lone marker: the links follow in the next element.
			next := n.NextSibling
			for next != nil && next.Type != html.ElementNode {
				next = next.NextSibling
			}
			if next == nil || htmlRunes(htmlText(next)) > htmlMaxRelatedRunes {
				return true
			}
			links = htmlLinks(next, base)
			if len(links) == 0 {
				return true
			}
			box = append(box, next)
		}
		if len(links) == 0 {
			// "यह भी पढ़ें: <title>" without a link.
			links = []news.Link{{Title: title}}
		}
		for _, l := range links {
			if l.Title == "" {
				continue
			}
			if _, _, marker := relatedLine(l.Title); marker {
				continue
			}
			a.Related = htmlAppendLink(a.Related, l)
		}
		for _, b := range box {
			a.Removed = append(a.Removed, htmlText(b))
			htmlRemove(b)
		}
		return false
	})
}

// htmlLinks returns the links under n that have text, with their targets
// resolved against base.
func htmlLinks(n *html.Node, base *url.URL) []news.Link {
	var out []news.Link
	htmlFind(n, func(e *html.Node) bool {
		if e.DataAtom != atom.A {
			return true
		}
		t := htmlText(e)
		href := strings.TrimSpace(htmlAttr(e, "href"))
		if t == "" || href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") {
			return false
		}
		out = append(out, news.Link{Title: t, URL: htmlResolve(base, href)})
		return false
	})
	return out
}

// htmlAppendLink appends l unless a link with the same title or URL is
// already in list.
func htmlAppendLink(list []news.Link, l news.Link) []news.Link {
	for _, have := range list {
		if lineKey(have.Title) == lineKey(l.Title) || (l.URL != "" && have.URL == l.URL) {
			return list
		}
	}
	return append(list, l)
}

// htmlResolve resolves ref against base; it returns ref unchanged when
// either cannot be parsed.
func htmlResolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	u, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	if base == nil {
		return u.String()
	}
	return base.ResolveReference(u).String()
}

// htmlMarkCaptions replaces each figure (or image block) that has a caption
// with a paragraph holding the caption text after htmlCaptionMark.
func htmlMarkCaptions(root *html.Node) {
	var figures []*html.Node
	htmlFind(root, func(n *html.Node) bool {
		if n.DataAtom == atom.Figure {
			figures = append(figures, n)
			return false
		}
		return true
	})
	for _, f := range figures {
		capNode := htmlFirst(f, func(e *html.Node) bool {
			return e.DataAtom == atom.Figcaption || strings.Contains(strings.ToLower(htmlAttr(e, "class")), "caption")
		})
		if capNode == nil {
			continue
		}
		htmlReplaceWithCaption(f, htmlText(capNode))
	}

	// Captions outside <figure>: the element after an image block whose
	// text repeats the image's alt text.
	var imgs []*html.Node
	htmlFind(root, func(n *html.Node) bool {
		if n.DataAtom == atom.Img || n.Data == "amp-img" {
			imgs = append(imgs, n)
		}
		return true
	})
	for _, img := range imgs {
		alt := lineKey(htmlAttr(img, "alt"))
		if len(strings.Fields(alt)) < 2 || img.Parent == nil {
			continue
		}
		holder := img
		for range 3 {
			next := htmlNextElement(holder)
			if next == nil {
				if holder.Parent == nil {
					break
				}
				holder = holder.Parent
				continue
			}
			t := htmlText(next)
			if lineKey(t) == alt && htmlRunes(t) <= 300 {
				htmlReplaceWithCaption(next, t)
			}
			break
		}
	}
}

// htmlNextElement returns the next sibling element of n, or nil.
func htmlNextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

// htmlReplaceWithCaption puts a marked caption paragraph with text in n's
// place and removes n. Empty captions just remove nothing.
func htmlReplaceWithCaption(n *html.Node, text string) {
	if text == "" || n.Parent == nil {
		return
	}
	p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: string(htmlCaptionMark) + text})
	n.Parent.InsertBefore(p, n)
	htmlRemove(n)
}

// htmlLastText returns the last text node at or below n that holds more
// than white space, or nil.
func htmlLastText(n *html.Node) *html.Node {
	if n.Type == html.TextNode {
		if strings.TrimSpace(n.Data) != "" {
			return n
		}
		return nil
	}
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if t := htmlLastText(c); t != nil {
			return t
		}
	}
	return nil
}

// htmlHoverNames are class-name parts of the cards a page shows when the
// pointer rests on a name or term in the text.
var htmlHoverNames = []string{"rollover", "tooltip", "popover", "hovercard", "hover-card"}

// htmlDropHoverCards removes hover cards from paragraphs: an element named
// by htmlHoverNames that follows the link or term it belongs to (its
// previous sibling element) inside a <p>. The term itself stays.
func htmlDropHoverCards(root *html.Node, a *news.Article) {
	htmlFind(root, func(n *html.Node) bool {
		if n.DataAtom != atom.P {
			return true
		}
		htmlFind(n, func(e *html.Node) bool {
			if e == n || !htmlHoverName(e) {
				return true
			}
			prev := e.PrevSibling
			for prev != nil && prev.Type != html.ElementNode {
				prev = prev.PrevSibling
			}
			if prev == nil {
				return true
			}
			if t := htmlText(e); t != "" {
				a.Removed = append(a.Removed, t)
			}
			htmlRemove(e)
			return false
		})
		return false
	})
}

// htmlHoverName reports whether n's class or id names a hover card.
func htmlHoverName(n *html.Node) bool {
	names := strings.ToLower(htmlAttr(n, "class") + " " + htmlAttr(n, "id"))
	for _, h := range htmlHoverNames {
		if strings.Contains(names, h) {
			return true
		}
	}
	return false
}
