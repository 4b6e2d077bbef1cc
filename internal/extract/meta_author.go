package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// metaCommentNames are class or id words (whole, or a hyphen/underscore
// part) of a reader-comment section. Names found there are commenters, not
// the article's authors, and dates there are the comments' dates.
var metaCommentNames = []string{
	"comment", "comments", "commentlist", "respond", "disqus", "kommentare", "kommentar",
	"reply", "replies", "commentaires", "comentarios",
}

// metaIsComments reports whether n holds reader comments (and is not the
// page, article or main element, whose classes some CMSs decorate with
// "comments-open").
func metaIsComments(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	}
	return metaClassHas(n, metaCommentNames)
}

// metaAuthorLabels open a byline and are cut from author names; longer
// labels come before the shorter ones they start with.
var metaAuthorLabels = []string{
	"written by", "reported by", "posted by", "story by", "published by",
	"eingestellt von", "veröffentlicht von", "geschrieben von", "verfasst von", "artikel von",
	"ein beitrag von", "beitrag von", "text von", "publié par", "écrit par", "rédigé par",
	"escrito por", "publicado por", "about the author", "author", "autorin", "autor", "auteurs", "auteur",
	"by", "von", "par", "por", "लेखक", "लेखिका", "रिपोर्टर", "रिपोर्ट", "द्वारा", "संवाददाता",
}

// metaNotNames are texts that byline markup holds but that name no one:
// form labels, "no author", the bare word "author".
var metaNotNames = keySet(
	"name", "no author", "author", "authors", "admin", "administrator", "anonymous", "unknown",
	"view my complete profile", "posted on", "publiziert am", "veröffentlicht am", "published",
	"लेखक", "लेखिका", "phd", "ph d", "md", "mba", "more", "mehr",
)

// metaCommenterSuffixes end a commenter's name in comment lists ("Anna
// says", "Tobi sagt").
var metaCommenterSuffixes = []string{" says", " sagt", " dit", " schreibt", " said", " wrote"}

// metaCleanAuthor trims byline labels ("By", "von", "लेखक:"), a trailing
// "@handle", "द्वारा" written after the name, and punctuation from an author
// name. It returns "" for text that names no one (metaNotNames), for an
// editor's credit ("Edited by X") and for a commenter's "X says".
func metaCleanAuthor(s string) string {
	s = htmlCollapse(s)
	for _, l := range editorLabels {
		if _, ok := labelled(s, l); ok {
			return "" // an editor's credit, not the author's
		}
	}
	for range 2 {
		cut := false
		for _, l := range metaAuthorLabels {
			rest, ok := cutPrefixFold(s, l)
			if !ok {
				continue
			}
			r := strings.TrimLeft(rest, " :-–—|")
			if r != rest || rest == "" {
				s, cut = r, true
				break
			}
		}
		if !cut {
			break
		}
	}
	// "सीमा वर्मा द्वारा": the label after the name.
	for _, l := range []string{" द्वारा", " के द्वारा"} {
		if t, ok := strings.CutSuffix(s, l); ok && t != "" {
			s = t
		}
	}
	if i := strings.LastIndex(s, " @"); i > 0 && !strings.Contains(s[i+2:], " ") {
		s = s[:i]
	}
	s = strings.Trim(s, " :-–—|,")
	low := strings.ToLower(s)
	for _, suf := range metaCommenterSuffixes {
		if strings.HasSuffix(low, suf) {
			return ""
		}
	}
	if metaNotNames[lineKey(s)] || strings.Contains(low, "all posts by") || strings.Contains(low, "alle beiträge") ||
		strings.Contains(low, "all articles") {
		return ""
	}
	return s
}

// metaOutletLike reports whether an author name is the outlet itself: a
// host name ("ORF.at", "stern.de"), or one of sites compared by letters.
func metaOutletLike(name string, sites []string) bool {
	if !strings.Contains(name, " ") && strings.Contains(name, ".") {
		if i := strings.LastIndex(name, "."); i > 0 && len(name)-i >= 3 && len(name)-i <= 5 {
			return true
		}
	}
	k := metaLetters(name)
	if k == "" {
		return false
	}
	for _, s := range sites {
		if sk := metaLetters(s); sk != "" && sk == k {
			return true
		}
	}
	return false
}

// metaPickAuthors returns the first list of names among sources (in
// priority order: JSON-LD, meta tags, byline markup, the main-text
// extractor's guess) that names a person. A list holding only the outlet's
// own name (see metaOutletLike) is kept as a last resort: some sites
// rightly credit themselves.
func metaPickAuthors(sources [][]string, sites []string) []string {
	var fallback []string
	for _, names := range sources {
		var kept []string
		for _, n := range names {
			if n = metaCleanAuthor(n); n != "" && !metaURLLike(n) {
				kept = appendNew(kept, n)
			}
		}
		if len(kept) == 0 {
			continue
		}
		var people []string
		for _, n := range kept {
			if !metaOutletLike(n, sites) {
				people = append(people, n)
			}
		}
		if len(people) > 0 {
			// "Rob Picheta, CNN": the outlet credited beside a person is
			// not an author.
			return people
		}
		if fallback == nil {
			fallback = kept
		}
	}
	return fallback
}

// metaTextBylineLabels open a byline written as plain text in the page
// ("Text von …", "Ein Artikel von …", "| By …", "Author: …"); longer
// labels come before the shorter ones they start with.
var metaTextBylineLabels = []string{
	"ein artikel von", "ein beitrag von", "text und fotos von", "text von", "artikel von", "beitrag von",
	"geschrieben von", "verfasst von", "written by", "reported by", "posted by", "story by",
	"autorin", "autor", "author", "auteur", "by", "von", "por", "par", "लेखक", "लेखिका", "रिपोर्ट",
}

// metaMaxTextBylineRunes bounds the block a plain-text byline may stand in.
const metaMaxTextBylineRunes = 150

// metaTextByline returns the names of the first plain-text byline under
// root outside reader comments: a text run that opens with one of
// metaTextBylineLabels, in a short block where a part between "|" or "•"
// is the label and two to five capitalised words (several names joined by
// "and", "&", "und", "y", "और"). It returns nil when there is none.
func metaTextByline(root *html.Node) []string {
	var found []string
	htmlFind(root, func(n *html.Node) bool {
		if found != nil {
			return false
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg, atom.Head:
			return false
		}
		if metaIsComments(n) {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.TextNode || !metaOpensByline(c.Data) {
				continue
			}
			block := n
			for block.Parent != nil && htmlInline[block.DataAtom] {
				block = block.Parent
			}
			t := htmlText(block)
			if htmlRunes(t) > metaMaxTextBylineRunes {
				continue
			}
			for _, part := range strings.FieldsFunc(t, func(r rune) bool { return r == '|' || r == '•' || r == '·' }) {
				if names := metaParseTextByline(part); names != nil {
					found = names
					return false
				}
			}
		}
		return true
	})
	return found
}

// metaOpensByline reports whether a text run starts (after separators)
// with one of metaTextBylineLabels.
func metaOpensByline(s string) bool {
	s = strings.TrimLeft(s, " \t\n\r|•·-–—:")
	if s == "" {
		return false
	}
	for _, l := range metaTextBylineLabels {
		if _, ok := cutPrefixFold(s, l); ok {
			return true
		}
	}
	return false
}

// metaParseTextByline reads "label name[s]" from one part of a byline
// block: the names end at a slash, dash, digit, bracket or " am "/" on ",
// are separated by commas, "and", "&", "und", "y" or "और", and each must be
// two to five capitalised words; the first part that is not ends the list.
func metaParseTextByline(part string) []string {
	part = strings.TrimSpace(part)
	for _, l := range metaTextBylineLabels {
		rest, ok := labelled(part, l)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " :-–—")
		if i := strings.IndexAny(rest, "/–—0123456789("); i >= 0 {
			rest = rest[:i]
		}
		for _, stop := range []string{" - ", " am ", " on ", " le ", " el ", " im "} {
			if i := strings.Index(rest, stop); i >= 0 {
				rest = rest[:i]
			}
		}
		rest = strings.NewReplacer(" und ", ",", " and ", ",", " y ", ",", " & ", ",", " और ", ",").Replace(rest)
		var names []string
		for _, p := range strings.Split(rest, ",") {
			p = strings.TrimRight(strings.TrimSpace(p), ".।")
			if len(strings.Fields(p)) < 2 || !nameLike(p, 5) {
				break
			}
			names = append(names, p)
		}
		return names
	}
	return nil
}
