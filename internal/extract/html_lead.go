package extract

import (
	"strings"

	"github.com/khabar-news/khabar/internal/news"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The lead (the paragraph under the headline that opens the story, often
// set in bold or classed "teaser", "abstract" or "lead") usually sits in
// the page's header block next to the <h1>, outside the element that
// holds the rest of the text. The main-text extractor picks that element
// and so leaves the lead out. htmlLeadBlocks notes the text blocks that
// follow the <h1> before the extractor runs (it rewrites the tree), and
// htmlAddLead puts the lead back afterwards.

// htmlMaxLeadScan is how many text blocks after the <h1> htmlLeadBlocks
// records; the body must start among them for a lead to be added.
const htmlMaxLeadScan = 40

// htmlMinLeadRunes is the shortest text taken for a lead paragraph.
const htmlMinLeadRunes = 50

// htmlMaxLeadRunes is the longest text taken for a lead paragraph.
const htmlMaxLeadRunes = 1200

// htmlLeadBlock is one text block after the headline, in page order.
type htmlLeadBlock struct {
	text string
	kind string // the element's tag and class, to tell body paragraphs from a standfirst
	ok   bool   // may be a lead: long, a sentence, little link text, not a caption or furniture
}

// htmlLeadBlocks returns the text blocks (elements with text and no block
// element inside) that follow the page's first <h1> whose text is the
// headline (else its first <h1>) in page order, at most htmlMaxLeadScan.
// Navigation, asides, footers, forms and figures count as one block that
// is never a lead.
func htmlLeadBlocks(body *html.Node, headline string) []htmlLeadBlock {
	if body == nil {
		return nil
	}
	hk := lineKey(headline)
	var h1 *html.Node
	htmlFind(body, func(n *html.Node) bool {
		if n.DataAtom != atom.H1 {
			return true
		}
		if h1 == nil || hk != "" && lineKey(htmlText(n)) == hk && lineKey(htmlText(h1)) != hk {
			h1 = n
		}
		return false
	})
	if h1 == nil {
		return nil
	}
	var out []htmlLeadBlock
	started := false
	htmlFind(body, func(n *html.Node) bool {
		if len(out) >= htmlMaxLeadScan {
			return false
		}
		if n == h1 {
			started = true
			return false
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg:
			return false
		case atom.Nav, atom.Aside, atom.Footer, atom.Form, atom.Figure, atom.Button, atom.Select:
			if started {
				out = append(out, htmlLeadBlock{text: htmlText(n)})
			}
			return false
		}
		if !started || htmlInline[n.DataAtom] || n.DataAtom == atom.Br || htmlHasBlock(n) {
			return true
		}
		t := htmlText(n)
		if t == "" {
			return false
		}
		raw := strings.TrimLeft(htmlRawText(n), " \t\n\r\f"+string(htmlSpaceMark))
		out = append(out, htmlLeadBlock{
			text: t, kind: n.Data + "." + strings.Join(strings.Fields(htmlAttr(n, "class")), "."),
			ok: !strings.HasPrefix(raw, string(htmlCaptionMark)) && htmlLeadLike(n, t),
		})
		return false
	})
	return out
}

// htmlLeadLike reports whether n, with text t, may be a lead paragraph:
// between htmlMinLeadRunes and htmlMaxLeadRunes long, ending a sentence,
// with at most a fifth of its text in links, and no boilerplate, byline,
// credit or date line.
func htmlLeadLike(n *html.Node, t string) bool {
	r := htmlRunes(t)
	if r < htmlMinLeadRunes || r > htmlMaxLeadRunes || !htmlEndsSentence(t) {
		return false
	}
	if htmlLinkDensity(n, r) > 0.2 {
		return false
	}
	return !htmlIsBoilerplate(t) && !htmlBylineLine(t) && !htmlCreditLine(t) && !htmlDateline(t)
}

// htmlEndsSentence reports whether t ends like a sentence: a full stop,
// question or exclamation mark, ellipsis or danda, maybe followed by a
// closing quote or bracket.
func htmlEndsSentence(t string) bool {
	t = strings.TrimRight(t, " \"'”’»«)]")
	for _, end := range []string{".", "!", "?", "…", "।", "॥", "。"} {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	return false
}

// htmlAddLead puts back what the extractor left out between the headline
// and the body's first paragraph: blocks of lead that may be a lead, are
// not in the body and were not removed by a rule. A block written like the
// body's first paragraph (the same element and class) is a paragraph of
// the body and goes above it; any other (a teaser, an abstract) is the
// standfirst, returned joined by a space. It returns the body.
func htmlAddLead(body []news.Block, lead []htmlLeadBlock, removed []string) ([]news.Block, string) {
	first := -1
	for i, b := range body {
		if b.Kind == news.Paragraph {
			first = i
			break
		}
	}
	if first < 0 {
		return body, ""
	}
	fk := lineKey(body[first].Text)
	start := -1
	for i, l := range lead {
		if lk := lineKey(l.text); lk != "" && (lk == fk || strings.HasPrefix(fk, lk) || strings.HasPrefix(lk, fk)) {
			start = i
			break
		}
	}
	if start <= 0 {
		return body, ""
	}
	have := map[string]bool{}
	for _, r := range removed {
		have[lineKey(r)] = true
	}
	for _, b := range body {
		have[lineKey(b.Text)] = true
	}
	var add []news.Block
	var stand []string
	for _, l := range lead[:start] {
		if !l.ok || have[lineKey(l.text)] {
			continue
		}
		have[lineKey(l.text)] = true
		if l.kind == lead[start].kind {
			add = append(add, news.Block{Kind: news.Paragraph, Text: l.text})
		} else {
			stand = append(stand, l.text)
		}
	}
	if len(add) > 0 {
		body = append(add, body...)
	}
	return body, strings.Join(stand, " ")
}
