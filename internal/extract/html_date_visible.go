package extract

import (
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

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
	// AfterH1 reports whether the date follows the page's headline <h1>
	// (htmlHeadlineH1: the first <h1> that is not the site's logo).
	AfterH1 bool
	// FromH1 is the distance in bytes of page text from the start of the
	// headline <h1> to the date (negative before it); 0 without one.
	FromH1 int
	// HasTime reports whether a clock time was printed with the date.
	HasTime bool
	// Prose reports whether the date is written inside running text (a
	// sentence of the story or of an image caption) rather than standing
	// in a short line of its own, as a byline's date does.
	Prose bool
}

// htmlProseRunes and htmlProseLead define a date written in prose: one in
// a text run longer than htmlProseRunes runes that starts more than
// htmlProseLead runes into the run. A byline line ("अपडेटेड Thu, 16 Apr
// 2020 09:52 PM IST", "By Jane Doe | Updated: 18 January 2020") is
// shorter; a dateline opening a story's first paragraph starts it.
const (
	htmlProseRunes = 160
	htmlProseLead  = 40
)

// htmlAsideWords are class or id words (whole, or a hyphen/underscore
// separated part) of elements whose dates are not the article's own.
var htmlAsideWords = []string{
	"footer", "sidebar", "comment", "comments", "related", "teaser", "teasers",
	"widget", "nav", "navigation", "menu", "recommended", "more", "popular",
	"trending", "archive", "calendar", "reply", "replies", "aside",
}

// htmlVisibleDates returns the dates printed in doc's text, in page order,
// with years (a year-less date is left out). Text in scripts, styles and
// the head is not read; at most htmlVisibleMaxText bytes are. self lists
// the page's own addresses (fetch URL, canonical URL): a paragraph or list
// item that links to one of them with rel="bookmark" ("this article was
// posted on …" in a sidebar) speaks of the article and is not an aside.
func htmlVisibleDates(doc *html.Node, self ...string) []htmlVisibleDate {
	type span struct {
		start, end int
		aside      bool
	}
	var (
		b     strings.Builder
		spans []span
		h1At  = -1
	)
	// The elements that hold the headline <h1> hold the article, whatever
	// their class says ("with-sidebar-right", "left-navigation-wrapper").
	holdsH1 := map[*html.Node]bool{}
	head := htmlHeadlineH1(doc)
	if head != nil {
		for p := head.Parent; p != nil; p = p.Parent {
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
			spans = append(spans, span{start: b.Len(), end: b.Len() + len(t), aside: aside})
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
				if n == head {
					h1At = b.Len()
				}
			}
			// The page's outer elements carry state classes ("nav-open")
			// that say nothing about the dates inside.
			outer := n.DataAtom == atom.Html || n.DataAtom == atom.Body || n.DataAtom == atom.Main || n.DataAtom == atom.Article || holdsH1[n]
			if !aside && !outer && metaClassHas(n, htmlAsideWords) {
				aside = true
			}
			if aside && (n.DataAtom == atom.P || n.DataAtom == atom.Li) && htmlPermalinkTo(n, self) {
				aside = false
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
			sp := spans[i]
			v.Aside = sp.aside
			v.Prose = utf8.RuneCountInString(text[sp.start:sp.end]) > htmlProseRunes &&
				utf8.RuneCountInString(text[sp.start:min(m.Start, sp.end)]) > htmlProseLead
		}
		out = append(out, v)
	}
	return out
}

// htmlLogoWords are class or id words of an <h1> (or of the one link it
// holds) that hold the site's name or logo rather than the headline.
var htmlLogoWords = []string{"logo", "brand", "branding", "masthead", "site-title", "sitename", "site-name"}

// htmlHiddenWords are class words of an <h1> kept for screen readers only
// ("aural", "sr-only"): a site name or section, never shown as the
// headline.
var htmlHiddenWords = []string{"aural", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "element-invisible", "offscreen"}

// htmlHeadlineH1 returns the page's headline, or nil: of its <h1>s that
// are neither the site's logo nor hidden (htmlHiddenWords), the first,
// unless another one's text is a longer part of the page's <title> (a
// section name such as "Fachmeldungen" may stand in an <h1> before the
// story's own). A logo <h1> is one with no text, one classed as a logo
// (htmlLogoWords), or one whose text is all a link to the site's front
// page ("/", "./", "index.html" or an absolute URL with no path).
func htmlHeadlineH1(doc *html.Node) *html.Node {
	var cands []*html.Node
	var title string
	htmlFind(doc, func(n *html.Node) bool {
		switch {
		case n.DataAtom == atom.Title && title == "" && (n.Parent == nil || n.Parent.DataAtom != atom.Svg):
			title = strings.ToLower(htmlText(n))
			return false
		case n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Svg || n.DataAtom == atom.Template:
			return false
		case n.DataAtom == atom.H1:
			if !htmlLogoH1(n) && !metaClassHas(n, htmlHiddenWords) {
				cands = append(cands, n)
			}
			return false
		}
		return true
	})
	if len(cands) == 0 {
		return nil
	}
	best, bestLen := cands[0], 0
	for _, h := range cands {
		t := strings.ToLower(htmlText(h))
		if n := utf8.RuneCountInString(t); n > bestLen && title != "" && strings.Contains(title, t) {
			best, bestLen = h, n
		}
	}
	return best
}

func htmlLogoH1(h1 *html.Node) bool {
	text := htmlText(h1)
	if text == "" || metaClassHas(h1, htmlLogoWords) {
		return true
	}
	logo := false
	htmlFind(h1, func(n *html.Node) bool {
		if logo || n == h1 {
			return !logo
		}
		if n.DataAtom == atom.A && (metaClassHas(n, htmlLogoWords) || (htmlHomeLink(htmlAttr(n, "href")) && htmlText(n) == text)) {
			logo = true
		}
		return !logo
	})
	return logo
}

// htmlHomeLink reports whether href points at a site's front page.
func htmlHomeLink(href string) bool {
	href = strings.TrimSpace(href)
	switch href {
	case "/", "./", "index.html", "/index.html", "index.php", "/index.php":
		return true
	}
	u, err := url.Parse(href)
	return err == nil && u.IsAbs() && (u.Path == "" || u.Path == "/") && u.RawQuery == ""
}

// htmlPermalinkTo reports whether n holds a link marked rel="bookmark"
// to one of the addresses in self (compared without scheme, "www.",
// query, fragment and trailing slash).
func htmlPermalinkTo(n *html.Node, self []string) bool {
	if len(self) == 0 {
		return false
	}
	found := false
	htmlFind(n, func(c *html.Node) bool {
		if found {
			return false
		}
		if c.DataAtom != atom.A || !strings.Contains(" "+strings.ToLower(htmlAttr(c, "rel"))+" ", " bookmark ") {
			return true
		}
		href := htmlSameDocKey(htmlAttr(c, "href"))
		for _, s := range self {
			if k := htmlSameDocKey(s); k != "" && k == href {
				found = true
			}
		}
		return false
	})
	return found
}

// htmlSameDocKey reduces an absolute URL to host and path, without
// "www.", query, fragment or trailing slash; "" for anything else.
func htmlSameDocKey(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Host), "www.") + strings.TrimRight(u.EscapedPath(), "/")
}
