package extract

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"

	"github.com/khabar-news/khabar/internal/indic"
	"github.com/khabar-news/khabar/internal/news"
)

// MaxHTMLBytes is the largest page FromHTML accepts.
const MaxHTMLBytes = 16 << 20

// Warnings FromHTML may put in Article.Warnings besides free-form notes
// about charset and nesting.
const (
	// WarnPaywalled: the page's JSON-LD says the article is not free to
	// read (isAccessibleForFree is false); the body may be a teaser.
	WarnPaywalled = "paywalled"
	// WarnNoText: no article text was found on the page.
	WarnNoText = "no article text found"
	// WarnNoHeadline: no headline was found on the page.
	WarnNoHeadline = "no headline found"
)

// htmlMinBodyRunes is the least text a body must have; less is taken for
// navigation left over on a page without an article.
const htmlMinBodyRunes = 25

// htmlBlockLangMin is the fewest runes a block needs before its own
// language is detected.
const htmlBlockLangMin = 40

// FromHTML turns one HTML news page into an article. page holds the raw
// bytes as fetched, in any charset (see below); opts tells where it came
// from. Article.ID is left empty for the caller to set.
//
// The main text comes from go-trafilatura, after khabar has removed "यह भी
// पढ़ें" boxes (their links go to Related), share bars, breadcrumbs and ad
// slots named by class, elements hidden by their own markup and hover
// cards, kept embedded posts (tweets) that their "social" class would
// drop, turned classed subheading <div>s into headings and image captions
// into caption blocks, and marked the spaces between words that the
// extractor would trim across inline elements and <br>.
// Paragraphs, list items and table rows become paragraph blocks, <h2>–<h6>
// heading blocks; Hindi and English boilerplate lines ("कॉपी लिंक",
// "Advertisement", follow prompts), lines holding only a date, and boxes
// of linked headlines under a section head ("More:") anywhere in the text
// are dropped into Removed. So are the furniture after the story (offers,
// calls for letters or comments, contributor, contact and source lines, a
// closing list of links to other stories), a comment section or paywall
// offer in the second half from its head on, reading times, cookie and
// consent notices, affiliate notes, filing data ("Kategorie: News"), the
// page's own address and credits written with "©". A lead the extractor left out (a sentence-like
// block between the <h1> and the body's first paragraph) is put back: as
// the body's first paragraph when it is marked up like that paragraph,
// else as the Standfirst.
//
// Metadata comes from JSON-LD (NewsArticle and its kin, also inside @graph),
// then OpenGraph and <meta> tags, then <time datetime> and byline markup.
// Page-title suffixes naming the site or a "… News" label are removed.
// Authors come from the first of JSON-LD, author meta tags, the first
// byline element (names in reader comments and later author boxes are
// not read), the first byline written as text ("लेखक: …", "Text von …",
// "| By …") and go-trafilatura's own byline search that names a person;
// labels ("By", "लेखक:", "… द्वारा", "von") are cut, editors' credits and
// commenters ignored, and the outlet's own name is kept only when nothing
// else names an author.
// URL is the canonical URL (link rel=canonical, og:url, JSON-LD) resolved
// against opts.URL, else opts.URL. Language is detected from the text;
// <html lang> and JSON-LD inLanguage only break a tie. A paywall marked in
// JSON-LD adds WarnPaywalled to Warnings.
//
// The charset is taken from a byte-order mark, then a <meta> declaration;
// a page that declares a legacy charset but is valid UTF-8 is read as UTF-8
// with a warning. Elements nested deeper than 400 levels are flattened,
// with a warning, before parsing.
//
// FromHTML returns an error wrapping ErrTooLarge for a page over
// MaxHTMLBytes and ErrEmpty for one holding only white space; a page
// without article text is returned with an empty body and WarnNoText. It
// checks ctx between stages. It is safe for concurrent use.
func FromHTML(ctx context.Context, page []byte, opts Options) (a *news.Article, err error) {
	name := inputName(opts)
	if len(page) > MaxHTMLBytes {
		return nil, htmlTooLarge(name, len(page))
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(page, []byte{0xEF, 0xBB, 0xBF}))) == 0 {
		return nil, fmt.Errorf("extract html %s: %w", name, ErrEmpty)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract html %s: %w", name, err)
	}
	defer func() {
		// The main-text extractor is third-party code; a panic on a strange
		// page must not take down a batch.
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("extract html %s: extractor panicked: %v", name, r)
		}
	}()

	a = &news.Article{}
	text, warns, err := htmlDecode(page)
	if err != nil {
		return nil, fmt.Errorf("extract html %s: %w", name, err)
	}
	a.Warnings = append(a.Warnings, warns...)
	if flat, ok := htmlFlatten(text); ok {
		text = flat
		a.Warnings = append(a.Warnings, fmt.Sprintf("elements nested deeper than %d levels were flattened", htmlMaxDepth))
	}
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("extract html %s: parse: %w", name, err)
	}

	var base *url.URL
	if opts.URL != "" {
		if u, err := url.Parse(opts.URL); err == nil && u.IsAbs() {
			base = u
		}
	}
	ld := jsonldRead(doc)
	meta := metaRead(doc)
	if ld.Errors > 0 {
		a.Warnings = append(a.Warnings, fmt.Sprintf("%d JSON-LD blocks were not valid JSON", ld.Errors))
	}
	htmlFillMeta(a, ld, meta, base, opts)
	htmlFillDate(doc, a, opts, htmlDeclaredLang(ld, meta))

	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract html %s: %w", name, err)
	}
	linkBase := base
	if u, err := url.Parse(a.URL); err == nil && u.IsAbs() {
		linkBase = u
	}
	htmlPrepare(doc, linkBase, a)
	bodyNode := htmlFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	lead := htmlLeadBlocks(bodyNode, a.Headline)
	var boxes, linkItems map[string]bool
	if bodyNode != nil {
		boxes = htmlLinkBoxes(bodyNode, linkBase, a)
		linkItems = htmlLinkOnlyKeys(bodyNode)
	}
	res, terr := trafilatura.ExtractDocument(doc, htmlTrafilaturaOptions(base))
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract html %s: %w", name, err)
	}
	var crumbs []string
	standfirst := ""
	crumbs = append(crumbs, ld.Breadcrumbs...)
	if terr == nil && res != nil && res.ContentNode != nil {
		raw := htmlBlocks(res.ContentNode)
		a.Body = htmlBodyFilter(raw, a.Headline, crumbs, a)
		a.Body = htmlDropBoxBlocks(a.Body, boxes, a)
		a.Body = htmlDropLinkTail(a.Body, linkItems, a)
		a.Body, standfirst = htmlAddLead(a.Body, lead, a.Removed)
	}
	if terr == nil && res != nil && res.Metadata.Author != "" {
		// The extractor's own byline search (page text, more markup) is
		// the last resort, also against an author that is the outlet.
		var guess []string
		for _, n := range metaSplitNames(htmlCollapse(res.Metadata.Author)) {
			if !slices.Contains(meta.Editors, n) {
				guess = append(guess, n)
			}
		}
		a.Authors = metaPickAuthors([][]string{a.Authors, guess}, htmlSites(a, ld, meta, opts))
	}
	htmlStandfirst(a, meta, standfirst)
	if n := utf8.RuneCountInString(a.BodyText()); n > 0 && n < htmlMinBodyRunes {
		// A word or two of navigation is what the extractor falls back to
		// on a page without an article.
		for _, b := range a.Body {
			a.Removed = append(a.Removed, b.Text)
		}
		a.Body = nil
	}
	if a.Headline == "" {
		a.Headline = metaCleanTitle(meta.H1, nil)
	}
	htmlNFC(a)
	htmlLanguage(a, ld, meta)
	if len(a.Body) == 0 {
		a.Warnings = append(a.Warnings, WarnNoText)
	}
	if a.Headline == "" {
		a.Warnings = append(a.Warnings, WarnNoHeadline)
	}
	a.Removed = htmlDedupe(a.Removed)
	return a, nil
}

// htmlTrafilaturaOptions are the settings the main-text extractor runs with:
// comments excluded, tables kept, publish-date scanning off (khabar reads
// dates from metadata itself), and the readability/DOM-distiller fallback
// on.
func htmlTrafilaturaOptions(base *url.URL) trafilatura.Options {
	return trafilatura.Options{
		OriginalURL:     base,
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	}
}

// htmlFillMeta sets the article's metadata fields from JSON-LD first, then
// OpenGraph and meta tags, then the rest of the page.
func htmlFillMeta(a *news.Article, ld jsonldInfo, m *metaInfo, base *url.URL, opts Options) {
	art := ld.Article
	if art == nil {
		art = &jsonldArticle{}
	}

	// Source: the caller's name, else the site's.
	a.Source = opts.Source
	siteName := m.get("og:site_name", "application-name", "twitter:app:name:googleplay")
	if siteName == "" {
		siteName = art.Publisher
	}
	if siteName == "" {
		siteName = ld.SiteName
	}
	if a.Source == "" {
		a.Source = siteName
	}

	// URL: canonical first. A relative canonical URL is resolved against
	// og:url when that is absolute: the site's own statement of where the
	// page lives beats the address it happened to be fetched from.
	urlBase := base
	if og, err := url.Parse(m.get("og:url")); err == nil && og.IsAbs() {
		urlBase = og
	}
	for _, u := range []string{m.Canonical, m.get("og:url"), art.URL} {
		if u == "" {
			continue
		}
		abs := htmlResolve(urlBase, u)
		if pu, err := url.Parse(abs); err == nil && pu.IsAbs() && (pu.Scheme == "http" || pu.Scheme == "https") {
			a.URL = abs
			break
		}
	}
	if a.URL == "" {
		a.URL = opts.URL
	}
	host := ""
	if u, err := url.Parse(a.URL); err == nil {
		host = strings.TrimPrefix(u.Hostname(), "www.")
	}
	if a.Source == "" {
		a.Source = host
	}

	// Headline.
	sites := []string{siteName, art.Publisher, ld.SiteName, opts.Source, host}
	switch {
	case art.Headline != "":
		a.Headline = metaCleanTitle(art.Headline, sites, m.H1)
	case m.get("og:title", "twitter:title") != "":
		a.Headline = metaCleanTitle(m.get("og:title", "twitter:title"), sites, m.H1)
	case m.Title != "":
		a.Headline = metaCleanTitle(m.Title, sites, m.H1, ld.WebPageName)
	}

	// Authors.
	var metaAuthors []string
	for _, v := range m.all("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author") {
		if !metaURLLike(v) {
			metaAuthors = appendNew(metaAuthors, metaSplitNames(v)...)
		}
	}
	a.Authors = metaPickAuthors([][]string{art.Authors, metaAuthors, m.Bylines, m.TextByline}, sites)

	// Dates.
	pub := []string{art.Published}
	pub = append(pub, m.all("article:published_time", "datepublished", "publish-date", "pubdate",
		"publishdate", "dc.date.issued", "dc.date", "dcterms.created", "date", "og:published_time")...)
	if htmlDistinctDays(m.Times, opts.Now) <= 2 || m.MarkedTimes > 0 {
		// Many <time> elements on many days are a list of other stories
		// (a sidebar, comments), not this one's date.
		pub = append(pub, m.Times...)
	}
	a.Published = htmlFirstTime(pub, opts.Now)
	a.Updated = htmlFirstTime(append([]string{art.Modified},
		m.all("article:modified_time", "datemodified", "og:updated_time", "last-modified", "dc.date.modified")...), opts.Now)
	if !a.Updated.IsZero() && a.Updated.Equal(a.Published) {
		a.Updated = time.Time{}
	}

	// Section and tags.
	a.Section = art.Section
	metaSection := m.get("article:section")
	if a.Section == "" || strings.EqualFold(a.Section, metaSection) {
		if metaSection != "" {
			a.Section = metaSection
		}
	}
	tags := art.Keywords
	for _, v := range m.all("news_keywords", "keywords", "article:tag") {
		tags = appendNew(tags, metaSplitList(v)...)
	}
	a.Tags = tags

	if art.Paywalled {
		a.Warnings = append(a.Warnings, WarnPaywalled)
	}
}

// htmlSites returns the names the site goes by: its own, its publisher's,
// the caller's and its host name.
func htmlSites(a *news.Article, ld jsonldInfo, m *metaInfo, opts Options) []string {
	sites := []string{a.Source, opts.Source, ld.SiteName, m.get("og:site_name", "application-name")}
	if ld.Article != nil {
		sites = append(sites, ld.Article.Publisher)
	}
	if u, err := url.Parse(a.URL); err == nil {
		sites = append(sites, strings.TrimPrefix(u.Hostname(), "www."))
	}
	return sites
}

// htmlStandfirst sets the kicker and standfirst from elements classed as
// such, unless the body already holds that text: a lead paragraph the CMS
// classes as an intro stays in the body rather than moving out of it. A
// lead found between the headline and the body (htmlAddLead) is the
// standfirst before any classed element.
func htmlStandfirst(a *news.Article, m *metaInfo, lead string) {
	inBody := func(s string) bool {
		k := lineKey(s)
		for _, b := range a.Body {
			if lineKey(b.Text) == k {
				return true
			}
		}
		return k == lineKey(a.Headline)
	}
	if m.Kicker != "" && !inBody(m.Kicker) {
		a.Kicker = m.Kicker
	}
	switch {
	case lead != "":
		a.Standfirst = lead
	case m.Summary != "" && !inBody(m.Summary):
		a.Standfirst = m.Summary
	}
}

// htmlFirstTime returns the first of values that parses as a date.
func htmlFirstTime(values []string, now time.Time) time.Time {
	for _, v := range values {
		if t, ok := metaParseTime(v, now); ok {
			return t
		}
	}
	return time.Time{}
}

// htmlLanguage sets the article language from its text, and a block's own
// language where a long block is in another one. The page's declared
// language decides only when the text does not.
func htmlLanguage(a *news.Article, ld jsonldInfo, m *metaInfo) {
	det := indic.DetectLanguage(a.Headline + "\n" + a.BodyText())
	declared := htmlPrimaryTag(htmlDeclaredLang(ld, m))
	a.Language = det.Lang
	if a.Language == "" || (det.Mixed && declared != "") {
		// The text does not decide (or two languages are both substantial):
		// the page's own label breaks the tie.
		a.Language = declared
	}
	if a.Language == "" {
		return
	}
	for i := range a.Body {
		if utf8.RuneCountInString(a.Body[i].Text) < htmlBlockLangMin {
			continue
		}
		if l := indic.DetectLanguage(a.Body[i].Text).Lang; l != "" && l != a.Language {
			a.Body[i].Language = l
		}
	}
}

// htmlDeclaredLang returns the language tag the page declares: JSON-LD
// inLanguage, else <html lang>, else og:locale; "" when none.
func htmlDeclaredLang(ld jsonldInfo, m *metaInfo) string {
	if ld.Article != nil && ld.Article.Language != "" {
		return ld.Article.Language
	}
	if m.Lang != "" {
		return m.Lang
	}
	return m.get("og:locale")
}

// htmlPrimaryTag returns the lowercased primary subtag of a language tag
// ("hi-IN", "en_US" → "hi", "en") when it is two letters, else "".
func htmlPrimaryTag(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 || tag[0] < 'a' || tag[0] > 'z' || tag[1] < 'a' || tag[1] > 'z' {
		return ""
	}
	return tag
}

// htmlNFC puts every text field in Unicode normalization form C. A
// Devanagari nukta stays a separate mark: the precomposed nukta letters are
// composition exclusions, so NFC never changes how a word is split.
func htmlNFC(a *news.Article) {
	f := norm.NFC.String
	a.Headline = f(a.Headline)
	a.Kicker = f(a.Kicker)
	a.Standfirst = f(a.Standfirst)
	for i, s := range a.Authors {
		a.Authors[i] = f(s)
	}
	for i := range a.Body {
		a.Body[i].Text = f(a.Body[i].Text)
	}
	for i := range a.Related {
		a.Related[i].Title = f(a.Related[i].Title)
	}
	a.Section = f(a.Section)
	for i, s := range a.Tags {
		a.Tags[i] = f(s)
	}
}

// htmlDedupe returns list without empty and repeated entries, in order.
func htmlDedupe(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

// LooksLikeHTML reports whether b starts like an HTML document: after an
// optional byte-order mark and white space, a doctype, an <html>, <head>,
// <body> or <meta> tag, or a comment followed by one of them within the
// first 1 KiB. Plain text that merely mentions a tag later on is not HTML.
func LooksLikeHTML(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	if len(b) > 1024 {
		b = b[:1024]
	}
	b = bytes.TrimLeft(b, " \t\r\n\f")
	lower := bytes.ToLower(b)
	for bytes.HasPrefix(lower, []byte("<!--")) || bytes.HasPrefix(lower, []byte("<?xml")) {
		end := bytes.Index(lower, []byte("-->"))
		skip := 3
		if bytes.HasPrefix(lower, []byte("<?xml")) {
			end, skip = bytes.Index(lower, []byte("?>")), 2
		}
		if end < 0 {
			return false
		}
		lower = bytes.TrimLeft(lower[end+skip:], " \t\r\n\f")
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			rest := lower[len(p):]
			return len(rest) == 0 || rest[0] == '>' || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r' || rest[0] == '/'
		}
	}
	return false
}

// htmlDistinctDays counts the different days among the parseable values.
func htmlDistinctDays(values []string, now time.Time) int {
	days := map[string]bool{}
	for _, v := range values {
		if t, ok := metaParseTime(v, now); ok {
			days[t.Format(time.DateOnly)] = true
		}
	}
	return len(days)
}
