package extract

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlMaxDepth is the deepest element nesting FromHTML parses as written.
// The HTML parser refuses pages whose open-element stack exceeds 512 (older
// versions took time quadratic in the depth instead), and the parser's own
// implied elements need some room; no real article page nests anywhere near
// this deep.
const htmlMaxDepth = 400

// htmlVoid lists elements that never have content or an end tag, and those
// whose end tag is optional and which the parser closes by itself; neither
// deepens the tree the way an unclosed <div> does.
var htmlVoid = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Param: true, atom.Source: true, atom.Track: true, atom.Wbr: true,
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Option: true,
	atom.Optgroup: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Tbody: true,
	atom.Thead: true, atom.Tfoot: true, atom.Colgroup: true, atom.Rb: true, atom.Rt: true,
	atom.Rp: true, atom.Html: true, atom.Head: true, atom.Body: true,
}

// htmlFlatten returns page unchanged when its elements nest at most
// htmlMaxDepth deep. Otherwise it returns a copy in which the start and end
// tags below that depth are dropped (their text is kept) and reports true.
// It reads the page once with the tokenizer, in linear time.
func htmlFlatten(page []byte) ([]byte, bool) {
	depth, deepest := 0, 0
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		name, _ := z.TagName()
		a := atom.Lookup(name)
		switch tt {
		case html.StartTagToken:
			if !htmlVoid[a] {
				depth++
				deepest = max(deepest, depth)
			}
		case html.EndTagToken:
			if !htmlVoid[a] && depth > 0 {
				depth--
			}
		}
	}
	if deepest <= htmlMaxDepth {
		return page, false
	}

	var out bytes.Buffer
	out.Grow(len(page))
	depth, excess := 0, 0
	z = html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		name, _ := z.TagName()
		a := atom.Lookup(name)
		switch {
		case tt == html.StartTagToken && !htmlVoid[a]:
			if depth >= htmlMaxDepth {
				excess++
				continue
			}
			depth++
		case tt == html.EndTagToken && !htmlVoid[a]:
			if excess > 0 {
				excess--
				continue
			}
			if depth > 0 {
				depth--
			}
		}
		out.Write(raw)
	}
	return out.Bytes(), true
}

// htmlAttr returns the value of the attribute key of n, or "".
func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// htmlText returns the text under n with runs of white space collapsed to
// one space. Script, style and template contents are skipped, and <br>
// counts as a space.
func htmlText(n *html.Node) string {
	var b strings.Builder
	htmlWriteText(&b, n)
	return htmlCollapse(b.String())
}

func htmlWriteText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg:
			return
		case atom.Br:
			b.WriteByte(' ')
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		htmlWriteText(b, c)
	}
	if n.Type == html.ElementNode && !htmlInline[n.DataAtom] {
		b.WriteByte(' ')
	}
}

// htmlCollapse trims s, drops zero-width spaces, soft hyphens and BOMs, and
// collapses runs of white space (NBSP included) to one space. ZWJ and ZWNJ
// stay: they are part of Devanagari spelling.
func htmlCollapse(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u200b', '\ufeff', '\u00ad', htmlCaptionMark:
			return -1
		case '\t', '\n', '\r', '\f', htmlSpaceMark:
			return ' '
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// htmlInline lists the elements that flow inside a line of text.
var htmlInline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true,
	atom.Cite: true, atom.Code: true, atom.Data: true, atom.Dfn: true, atom.Em: true,
	atom.Font: true, atom.I: true, atom.Kbd: true, atom.Mark: true, atom.Q: true,
	atom.S: true, atom.Samp: true, atom.Small: true, atom.Span: true, atom.Strong: true,
	atom.Sub: true, atom.Sup: true, atom.Time: true, atom.U: true, atom.Var: true,
	atom.Wbr: true, atom.Del: true, atom.Ins: true, atom.Strike: true, atom.Big: true,
	atom.Label: true, atom.Img: true,
}

// htmlFind calls fn for n and each element below it in document order.
// When fn returns false the element's children are skipped.
func htmlFind(n *html.Node, fn func(*html.Node) bool) {
	if n.Type == html.ElementNode && !fn(n) {
		return
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling // fn may detach c
		htmlFind(c, fn)
		c = next
	}
}

// htmlFirst returns the first element under n (n included) for which match
// is true, or nil.
func htmlFirst(n *html.Node, match func(*html.Node) bool) *html.Node {
	var found *html.Node
	htmlFind(n, func(e *html.Node) bool {
		if found != nil {
			return false
		}
		if match(e) {
			found = e
			return false
		}
		return true
	})
	return found
}

// htmlRemove detaches n from its parent.
func htmlRemove(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// htmlClassID returns the lowercased class, id, role and itemprop of n,
// space-separated, for matching page-furniture names.
func htmlClassID(n *html.Node) string {
	return strings.ToLower(htmlAttr(n, "class") + " " + htmlAttr(n, "id") + " " +
		htmlAttr(n, "role") + " " + htmlAttr(n, "aria-label") + " " + htmlAttr(n, "itemtype"))
}

// htmlRunes is utf8.RuneCountInString, short for the length rules below.
func htmlRunes(s string) int { return utf8.RuneCountInString(s) }

// htmlTooLarge is the error for a page above MaxHTMLBytes.
func htmlTooLarge(name string, n int) error {
	return fmt.Errorf("extract html %s: %w (%d bytes, limit %d MiB)", name, ErrTooLarge, n, MaxHTMLBytes>>20)
}
