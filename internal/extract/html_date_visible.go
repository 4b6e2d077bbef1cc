package extract

import (
	"sort"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/khabar-news/khabar/internal/dates"
)

// htmlVisibleMaxText bounds the page text htmlVisibleDates reads: the
// dates that matter stand near the top of a page.
const htmlVisibleMaxText = 256 << 10

// htmlVisibleDate is one date printed in a page's visible text.
type htmlVisibleDate struct {
	Time time.Time  // as printed; midnight India time when no clock is printed
	Kind dates.Kind // what its label says it is
	// Aside reports whether the date stands in a footer, navigation,
	// sidebar, comment or list of other stories.
	Aside bool
	// AfterH1 reports whether the date follows the page's first <h1>.
	AfterH1 bool
	// FromH1 is the distance in bytes of page text from the start of the
	// first <h1> to the date (negative before it); 0 without an <h1>.
	FromH1 int
	// HasTime reports whether a clock time was printed with the date.
	HasTime bool
}

// htmlAsideWords are class or id words (whole, or a hyphen/underscore
// separated part) of elements whose dates are not the article's own.
var htmlAsideWords = []string{
	"footer", "sidebar", "comment", "comments", "related", "teaser", "teasers",
	"widget", "nav", "navigation", "menu", "recommended", "more", "popular",
	"trending", "archive", "calendar", "reply", "replies",
}

// htmlVisibleDates returns the dates printed in doc's text, in page order,
// with years (a year-less date is left out). Text in scripts, styles and
// the head is not read; at most htmlVisibleMaxText bytes are.
func htmlVisibleDates(doc *html.Node) []htmlVisibleDate {
	type span struct {
		start int
		aside bool
	}
	var (
		b     strings.Builder
		spans []span
		h1At  = -1
	)
	// The elements that hold the first <h1> hold the article, whatever
	// their class says ("with-sidebar-right", "left-navigation-wrapper").
	holdsH1 := map[*html.Node]bool{}
	if h1 := htmlFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.H1 }); h1 != nil {
		for p := h1.Parent; p != nil; p = p.Parent {
			holdsH1[p] = true
		}
	}
	var walk func(n *html.Node, aside, inArticle bool)
	walk = func(n *html.Node, aside, inArticle bool) {
		if b.Len() >= htmlVisibleMaxText {
			return
		}
		switch n.Type {
		case html.TextNode:
			t := strings.TrimSpace(n.Data)
			if t == "" {
				return
			}
			spans = append(spans, span{start: b.Len(), aside: aside})
			b.WriteString(t)
			b.WriteString("\n")
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Head, atom.Select, atom.Textarea:
				return
			case atom.Footer, atom.Nav:
				aside = true
			case atom.Aside:
				// An <aside> inside the article holds its own byline
				// and dates; elsewhere it is a sidebar.
				aside = aside || !inArticle
			case atom.Article:
				inArticle = true
			case atom.H1:
				if h1At < 0 {
					h1At = b.Len()
				}
			}
			// The page's outer elements carry state classes ("nav-open")
			// that say nothing about the dates inside.
			outer := n.DataAtom == atom.Html || n.DataAtom == atom.Body || n.DataAtom == atom.Main || n.DataAtom == atom.Article || holdsH1[n]
			if !aside && !outer && metaClassHas(n, htmlAsideWords) {
				aside = true
			}
			// A block boundary keeps a date in one box from taking a
			// clock time from the next.
			if n.DataAtom == atom.P || n.DataAtom == atom.Li || n.DataAtom == atom.Div || n.DataAtom == atom.Td {
				b.WriteString("\n¶\n")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, aside, inArticle)
		}
	}
	walk(doc, false, false)
	text := b.String()
	var out []htmlVisibleDate
	for _, m := range dates.Find(text, time.Time{}) {
		i := sort.Search(len(spans), func(i int) bool { return spans[i].start > m.Start }) - 1
		v := htmlVisibleDate{Time: m.Time, Kind: m.Kind, HasTime: m.HasTime, AfterH1: h1At >= 0 && m.Start >= h1At}
		if h1At >= 0 {
			v.FromH1 = m.Start - h1At
		}
		if i >= 0 {
			v.Aside = spans[i].aside
		}
		out = append(out, v)
	}
	return out
}
