package extract

import (
	"strings"
	"time"
	"unicode"

	"github.com/khabar-news/khabar/internal/dates"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// metaInfo is what khabar reads from a page's <meta> and <link> tags,
// <title>, <html lang>, <time> elements and byline markup.
type metaInfo struct {
	props       map[string][]string // lowercased name/property/itemprop → contents, in page order
	Canonical   string
	Lang        string
	Title       string   // <title>
	H1          string   // first <h1> in the body
	Times       []string // datetime of <time> elements, the marked publish time first
	MarkedTimes int      // how many of Times are marked as the publish time
	Bylines     []string // author names from rel/itemprop/class "author" markup
	TextByline  []string // author names from a byline written as plain text ("Text von …")
	Editors     []string // names in editor credits ("Edited by") in that markup
	Kicker      string   // text of the first element classed as a kicker
	Summary     string   // text of the first element classed as a standfirst
}

// metaKickerNames and metaSummaryNames are class or id words (whole, or
// as a hyphen/underscore-separated part) that mark the kicker above a
// headline and the standfirst below it.
var (
	metaKickerNames  = []string{"kicker", "eyebrow", "overline", "supertitle"}
	metaSummaryNames = []string{"standfirst", "synopsis", "summary", "subheadline", "sub-headline", "subhead", "dek", "excerpt", "intro", "story-highlights"}
)

// metaClassHas reports whether one of n's class or id words is, or has as
// a hyphen- or underscore-separated part, one of names.
func metaClassHas(n *html.Node, names []string) bool {
	for _, w := range strings.Fields(strings.ToLower(htmlAttr(n, "class") + " " + htmlAttr(n, "id"))) {
		parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '_' })
		for _, want := range names {
			if w == want {
				return true
			}
			for _, p := range parts {
				if p == want {
					return true
				}
			}
		}
	}
	return false
}

// get returns the first non-empty value of the first key that has one.
func (m *metaInfo) get(keys ...string) string {
	for _, k := range keys {
		for _, v := range m.props[k] {
			if v != "" {
				return v
			}
		}
	}
	return ""
}

// all returns every value of the keys, in key order.
func (m *metaInfo) all(keys ...string) []string {
	var out []string
	for _, k := range keys {
		out = append(out, m.props[k]...)
	}
	return out
}

// metaRead collects the metadata tags of doc.
func metaRead(doc *html.Node) *metaInfo {
	m := &metaInfo{props: map[string][]string{}}
	var marked []string
	var bylineParent *html.Node
	htmlFind(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Html:
			if m.Lang == "" {
				m.Lang = strings.TrimSpace(htmlAttr(n, "lang"))
			}
		case atom.Meta:
			content := htmlCollapse(html.UnescapeString(htmlAttr(n, "content")))
			for _, key := range []string{"property", "name", "itemprop"} {
				if k := strings.ToLower(strings.TrimSpace(htmlAttr(n, key))); k != "" && content != "" {
					m.props[k] = append(m.props[k], content)
				}
			}
		case atom.Link:
			rel := strings.ToLower(htmlAttr(n, "rel"))
			if m.Canonical == "" && strings.Contains(" "+rel+" ", " canonical ") {
				m.Canonical = strings.TrimSpace(htmlAttr(n, "href"))
			}
		case atom.Title:
			if m.Title == "" && n.Parent != nil && n.Parent.DataAtom != atom.Svg {
				m.Title = htmlText(n)
			}
			return false
		case atom.H1:
			if m.H1 == "" {
				m.H1 = htmlText(n)
			}
		case atom.Time:
			dt := strings.TrimSpace(htmlAttr(n, "datetime"))
			if dt == "" {
				break
			}
			names := strings.ToLower(htmlAttr(n, "itemprop") + " " + htmlAttr(n, "class"))
			if _, pub := htmlAttrOK(n, "pubdate"); pub || strings.Contains(names, "datepublished") || strings.Contains(names, "publish") {
				marked = append(marked, dt)
			} else {
				m.Times = append(m.Times, dt)
			}
		case atom.Script, atom.Style, atom.Svg, atom.Noscript, atom.Template:
			return false
		}
		if m.Kicker == "" && metaClassHas(n, metaKickerNames) {
			if t := htmlText(n); t != "" && htmlRunes(t) <= 60 {
				m.Kicker = t
				return false
			}
		}
		if m.Summary == "" && n.DataAtom != atom.Body && n.DataAtom != atom.Article && metaClassHas(n, metaSummaryNames) {
			if t := htmlText(n); t != "" && htmlRunes(t) <= 500 {
				m.Summary = t
				return false
			}
		}
		if metaIsComments(n) {
			return false
		}
		name, editor := metaBylineOf(n)
		if editor != "" {
			m.Editors = appendNew(m.Editors, metaSplitNames(editor)...)
			return false
		}
		if name != "" {
			// The first byline is the article's; more names count only
			// beside it (one author element per name), not further down
			// the page (author boxes of other stories).
			if bylineParent == nil || n.Parent == bylineParent {
				bylineParent = n.Parent
				m.Bylines = appendNew(m.Bylines, metaSplitNames(name)...)
			}
			return false
		}
		return true
	})
	m.MarkedTimes = len(marked)
	if b := htmlFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body }); b != nil {
		m.TextByline = metaTextByline(b)
	}
	m.Times = append(marked, m.Times...)
	return m
}

func htmlAttrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

// metaBylineOf returns the author name an element marks up (rel="author",
// itemprop="author", a class or id naming an author or byline), or "";
// for an editor's credit ("Edited by X") it returns the editor's name
// apart.
func metaBylineOf(n *html.Node) (name, editor string) {
	if n.Type != html.ElementNode || n.DataAtom == atom.Meta || n.DataAtom == atom.Link {
		return "", ""
	}
	rel := strings.ToLower(htmlAttr(n, "rel"))
	prop := strings.ToLower(htmlAttr(n, "itemprop"))
	names := strings.ToLower(htmlAttr(n, "class") + " " + htmlAttr(n, "id"))
	if !(strings.Contains(" "+rel+" ", " author ") || prop == "author" ||
		strings.Contains(names, "author-name") || strings.Contains(names, "authorname") ||
		strings.Contains(names, "byline") || strings.Contains(names, "author")) {
		return "", ""
	}
	if prop == "author" {
		// itemprop="author" may wrap a Person with its own itemprop="name".
		if nameNode := htmlFirst(n, func(e *html.Node) bool { return strings.EqualFold(htmlAttr(e, "itemprop"), "name") }); nameNode != nil {
			if v := htmlAttr(nameNode, "content"); v != "" {
				return metaCleanAuthor(v), ""
			}
			return metaCleanAuthor(htmlText(nameNode)), ""
		}
	}
	t := htmlText(n)
	if t == "" || htmlRunes(t) > 80 {
		return "", ""
	}
	if names, editor, ok := byline(t); ok && len(names) > 0 {
		if editor {
			return "", strings.Join(names, ", ")
		}
		return strings.Join(names, ", "), ""
	}
	t = metaCleanAuthor(t)
	if !metaNameLike(t) {
		return "", ""
	}
	return t, ""
}

// metaNameLike reports whether s could be a person's or an outlet's name:
// one to six words, letters only besides dots, hyphens and spaces.
func metaNameLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsMark(r) || r == ' ' || r == '.' || r == '-' || r == '\u200c' || r == '\u200d' || r == '\'') {
			return false
		}
	}
	return true
}

// metaURLLike reports whether s is a URL rather than a name (article:author
// often holds a profile link).
func metaURLLike(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "/")
}

// metaSplitNames splits an author string listing several names: "A, B and
// C", "क और ख".
func metaSplitNames(s string) []string {
	s = strings.NewReplacer(" and ", ",", " और ", ",", " & ", ",", ";", ",", "|", ",").Replace(s)
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = metaCleanAuthor(p); p != "" {
			out = appendNew(out, p)
		}
	}
	return out
}

// metaSplitList splits a keyword list on commas (Latin and Arabic) and
// drops empty and duplicate entries.
func metaSplitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '،' || r == ';' }) {
		if p = htmlCollapse(p); p != "" {
			out = appendNew(out, p)
		}
	}
	return out
}

// metaTimeLayouts are the machine-readable date forms found in metadata.
var metaTimeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05-0700",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
}

// metaZonelessLayouts are read in India Standard Time.
var metaZonelessLayouts = []string{
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"20060102",
}

// metaParseTime reads a date from metadata: ISO 8601 and RFC 1123 forms
// first (a date without a zone, or with "IST", is taken as +05:30), then
// written dates in Hindi or English through the dates package. now is the
// reference for year-less dates; see dates.Parse.
func metaParseTime(s string, now time.Time) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	iso := s
	for _, z := range []string{" IST", "IST", "+05:30 IST"} {
		if strings.HasSuffix(iso, z) && len(iso) > len(z)+8 {
			iso = strings.TrimSpace(strings.TrimSuffix(iso, z))
			if t, ok := metaParseZoneless(iso); ok {
				return t, true
			}
		}
	}
	for _, l := range metaTimeLayouts {
		if t, err := time.Parse(l, iso); err == nil {
			return t, true
		}
	}
	if t, ok := metaParseZoneless(iso); ok {
		return t, true
	}
	if t, ok := dates.Parse(s, now); ok {
		return t, true
	}
	return time.Time{}, false
}

func metaParseZoneless(s string) (time.Time, bool) {
	for _, l := range metaZonelessLayouts {
		if t, err := time.ParseInLocation(l, s, dates.IST); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// metaTitleSeparators split a page title into the headline and the parts a
// CMS adds: the site name, the section, "Hindi News".
var metaTitleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " ‹ ", " · ", " › ", " • ", " : "}

// metaCleanTitle removes the parts a CMS adds to a page title: a leading or
// trailing part that names the site (any of sites, compared by letters
// only), and trailing "<place> News"/"समाचार"/"हिंदी न्यूज़" labels such as
// " - Samastipur News". When a known clean headline (from JSON-LD or the
// <h1>) is one of the parts, that part is returned.
func metaCleanTitle(title string, sites []string, known ...string) string {
	title = htmlCollapse(title)
	tk := lineKey(title)
	for _, k := range known {
		// A known headline inside the title, with a kicker ("Chronik:")
		// or a site name around it, is the headline itself.
		kk := lineKey(k)
		if kk != tk && len(strings.Fields(kk)) >= 2 && strings.Contains(" "+tk+" ", " "+kk+" ") && 2*len(kk) >= len(tk) {
			return htmlCollapse(k)
		}
	}
	parts := metaSplitTitle(title)
	if len(parts) < 2 {
		return title
	}
	for _, k := range known {
		kk := lineKey(k)
		if kk == "" {
			continue
		}
		for _, p := range parts {
			if lineKey(p) == kk {
				return p
			}
		}
	}
	siteKeys := map[string]bool{}
	for _, s := range sites {
		if k := metaLetters(s); k != "" {
			siteKeys[k] = true
		}
	}
	isSite := func(p string) bool {
		k := metaLetters(p)
		if siteKeys[k] {
			return true
		}
		for s := range siteKeys {
			if len(k) >= 4 && (strings.HasPrefix(s, k) || strings.HasPrefix(k, s)) && len(s) >= 4 {
				return true
			}
		}
		return false
	}
	for len(parts) > 1 && (isSite(parts[len(parts)-1]) || metaNewsLabel(parts[len(parts)-1])) {
		parts = parts[:len(parts)-1]
	}
	for len(parts) > 1 && isSite(parts[0]) {
		parts = parts[1:]
	}
	return strings.Join(parts, metaJoinerOf(title))
}

// metaSplitTitle splits title at the separators of metaTitleSeparators.
func metaSplitTitle(title string) []string {
	parts := []string{title}
	for _, sep := range metaTitleSeparators {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// metaJoinerOf returns the first separator used in title, to rejoin the
// parts kept.
func metaJoinerOf(title string) string {
	best, at := " | ", len(title)+1
	for _, sep := range metaTitleSeparators {
		if i := strings.Index(title, sep); i >= 0 && i < at {
			best, at = sep, i
		}
	}
	return best
}

// metaNewsLabel reports whether a title part is a news label a CMS appends:
// "Samastipur News", "Hindi News", "Latest News in Hindi", "ताज़ा समाचार",
// "हिंदी न्यूज़" — at most five words ending in news/समाचार/न्यूज़.
func metaNewsLabel(p string) bool {
	k := lineKey(p)
	words := strings.Fields(k)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	if strings.HasPrefix(k, "latest news") || strings.HasSuffix(k, "news in hindi") || strings.HasSuffix(k, "हिंदी में") && len(words) <= 4 {
		return true
	}
	switch words[len(words)-1] {
	case "news", "समाचार", "न्यूज":
		// Not "खबर": "भाजपा की खबर" can be the headline's own second half.
		return true
	}
	return false
}

// metaLetters returns the lowercased letters and digits of s, for comparing
// site names written differently ("Amar Ujala", "amarujala.com").
func metaLetters(s string) string {
	s = strings.ToLower(s)
	for _, tld := range []string{".com", ".in", ".co.in", ".net", ".org", "www."} {
		s = strings.ReplaceAll(s, tld, "")
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
