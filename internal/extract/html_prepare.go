package extract

import (
	"net/url"
	"strings"

	"github.com/khabar-news/khabar/internal/news"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlCaptionMark starts the text of the paragraph that stands in for an
// image caption while the main-text extractor runs (it drops <figure>
// whole). It is a private-use character, removed from the page beforehand,
// so only khabar's own caption paragraphs carry it.
const htmlCaptionMark = '\ue000'

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
			if c.Type == html.TextNode && strings.ContainsRune(c.Data, htmlCaptionMark) {
				c.Data = strings.ReplaceAll(c.Data, string(htmlCaptionMark), "")
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
		switch n.DataAtom {
		case atom.Body, atom.Main, atom.Article:
			return true
		}
		if !htmlIsFurniture(n) {
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
