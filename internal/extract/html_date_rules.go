package extract

import (
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/khabar-news/khabar/internal/dates"
)

// htmlWikiDate returns the date of the revision a wiki page shows: on a
// page a MediaWiki site generated, its JSON-LD dateModified, else the date
// of the "last modified" line in its footer (#footer-info-lastmod), or
// false. A wiki page's text is that of its last revision; the JSON-LD
// datePublished of such a page is the day the page was first created.
func htmlWikiDate(doc *html.Node) (time.Time, bool) {
	wiki := false
	var lastmod *html.Node
	htmlFind(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Svg, atom.Template:
			return false
		case atom.Meta:
			if strings.EqualFold(htmlAttr(n, "name"), "generator") &&
				strings.HasPrefix(strings.ToLower(strings.TrimSpace(htmlAttr(n, "content"))), "mediawiki") {
				wiki = true
			}
		}
		if lastmod == nil && htmlAttr(n, "id") == "footer-info-lastmod" {
			lastmod = n
		}
		return true
	})
	if !wiki && lastmod == nil {
		return time.Time{}, false
	}
	if ld := jsonldRead(doc); ld.Article != nil && ld.Article.Modified != "" {
		if t, ok := metaParseTime(ld.Article.Modified, time.Time{}); ok {
			return t, true
		}
	}
	if lastmod != nil {
		if ms := dates.Find(htmlText(lastmod), time.Time{}); len(ms) > 0 {
			return ms[0].Time, true
		}
	}
	return time.Time{}, false
}

// htmlGuessFallback weighs go-htmldate's guess from the page text (pub)
// against the dates the page prints (vis) when no date stands by the
// headline, and returns the date to keep instead of pub, or false:
//
//   - a guess the page prints only in asides (a masthead's today, a
//     sidebar) or only inside running text (an image caption, a sentence
//     about a past event) gives way to a labelled date in the article: the
//     first labelled as published, else the first labelled as updated;
//   - a guess the page does not print at all gives way to the metadata's
//     modification date upd when the page prints that one outside asides.
func htmlGuessFallback(pub, upd time.Time, vis []htmlVisibleDate) (time.Time, bool) {
	day := htmlDay(pub)
	seen, plain := false, false
	for _, v := range vis {
		if v.Time.Format(time.DateOnly) != day {
			continue
		}
		seen = true
		if !v.Aside && !v.Prose {
			plain = true
		}
	}
	switch {
	case seen && !plain:
		for _, kind := range []dates.Kind{dates.Published, dates.Updated} {
			for _, v := range vis {
				if !v.Aside && v.Kind == kind && v.Time.Format(time.DateOnly) != day {
					return v.Time, true
				}
			}
		}
	case !seen && !upd.IsZero():
		for _, v := range vis {
			if !v.Aside && v.Time.Format(time.DateOnly) == htmlDay(upd) {
				return upd, true
			}
		}
	}
	return time.Time{}, false
}

// htmlOnlyPrintedDate returns the date to give a page that neither its
// metadata, its URL nor go-htmldate's search dates: the lead date when
// there is one (hasLead), else the first date outside asides and running
// text, not after now (when set); false when the page prints none.
func htmlOnlyPrintedDate(vis []htmlVisibleDate, lead htmlVisibleDate, hasLead bool, now time.Time) (time.Time, bool) {
	if hasLead {
		return lead.Time, true
	}
	for _, v := range vis {
		if !v.Aside && !v.Prose && (now.IsZero() || !v.Time.After(now)) {
			return v.Time, true
		}
	}
	return time.Time{}, false
}

// htmlTimeElementAside reports whether pub can only have come from a
// <time> element that stands in an aside (htmlInAside: a sidebar, a list
// of comments or of other stories): neither a JSON-LD article nor a date
// meta tag states a readable date, and every <time> whose datetime is pub
// is in an aside. Such a date is a comment's or a teaser's, not the
// article's.
func htmlTimeElementAside(doc *html.Node, pub time.Time) bool {
	head := htmlHeadlineH1(doc)
	seen, aside := 0, 0
	htmlFind(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Svg, atom.Template, atom.Head:
			return false
		case atom.Time:
			t, ok := metaParseTime(strings.TrimSpace(htmlAttr(n, "datetime")), time.Time{})
			if ok && t.Equal(pub) {
				seen++
				if htmlInAside(n, head) {
					aside++
				}
			}
		}
		return true
	})
	if seen == 0 || seen != aside {
		return false
	}
	ld := jsonldRead(doc)
	if ld.Article != nil && ld.Article.Published != "" {
		if _, ok := metaParseTime(ld.Article.Published, time.Time{}); ok {
			return false
		}
	}
	m := metaRead(doc)
	for _, keys := range []map[string]bool{htmlSpecificMetaKeys, htmlGenericMetaKeys} {
		for k := range keys {
			for _, v := range m.all(k) {
				if _, ok := metaParseTime(v, time.Time{}); ok {
					return false
				}
			}
		}
	}
	return true
}

// htmlInAside reports whether n stands in a footer, a navigation, an
// <aside> outside the article, or an element classed as an aside
// (htmlAsideWords), as htmlVisibleDates judges it; the elements that hold
// the headline head hold the article, whatever their class.
func htmlInAside(n, head *html.Node) bool {
	holdsHead := map[*html.Node]bool{}
	if head != nil {
		for p := head.Parent; p != nil; p = p.Parent {
			holdsHead[p] = true
		}
	}
	inArticle := false
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Article {
			inArticle = true
		}
	}
	for p := n; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Footer, atom.Nav:
			return true
		case atom.Aside:
			if !inArticle {
				return true
			}
		case atom.Html, atom.Body, atom.Main, atom.Article:
			continue
		}
		if !holdsHead[p] && metaClassHas(p, htmlAsideWords) {
			return true
		}
	}
	return false
}
