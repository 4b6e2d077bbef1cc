package feed

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"io"
	"mime"
	"net/url"
	"strings"

	xhtml "golang.org/x/net/html"
)

// Kind tells what a fetched document is.
type Kind int

// The kinds Sniff tells apart. The zero value is KindUnknown.
const (
	KindUnknown Kind = iota
	KindFeed
	KindSitemap
	KindSitemapIndex
	KindHTML
)

// String returns the kind's name: "unknown", "feed", "sitemap",
// "sitemapindex" or "html".
func (k Kind) String() string {
	switch k {
	case KindFeed:
		return "feed"
	case KindSitemap:
		return "sitemap"
	case KindSitemapIndex:
		return "sitemapindex"
	case KindHTML:
		return "html"
	}
	return "unknown"
}

// MarshalText writes the kind's name, so JSON shows "sitemap", not 2.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Candidate is a feed link found in a page. Type is the MIME type the
// link declares ("application/rss+xml"), empty for an anchor; FromAnchor
// reports a guess from an <a href> rather than a declared
// <link rel="alternate">.
type Candidate struct {
	URL        string
	Title      string
	Type       string
	FromAnchor bool
}

// Limits of discovery.
const (
	// MaxCandidates is the most candidates Discover returns.
	MaxCandidates = 50
	// maxDiscoverBytes bounds how much of a page Discover reads.
	maxDiscoverBytes = 4 << 20
	// maxRobotsBytes bounds how much of a robots.txt is read (Google
	// reads 500 KiB).
	maxRobotsBytes = 500 << 10
	// sniffBytes is how much of a body Sniff looks at.
	sniffBytes = 64 << 10
)

var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
	"application/rdf+xml":   true,
}

// Discover returns the feeds a page links to: first the
// <link rel="alternate"> elements with an RSS, Atom, RDF or JSON Feed
// type, in page order, then anchors whose target or text plainly names a
// feed (/rss, /feed, feeds.*, rss.xml, "RSS"). URLs are resolved against
// the page's <base href> or pageURL, only http(s) ones are kept, each once
// (by NormalizeURL), at most MaxCandidates. Only the first 4 MiB of the
// page are read.
func Discover(pageHTML []byte, pageURL string) []Candidate {
	if len(pageHTML) > maxDiscoverBytes {
		pageHTML = pageHTML[:maxDiscoverBytes]
	}
	base := parseBase(pageURL)
	var links, anchors []Candidate
	z := xhtml.NewTokenizer(bytes.NewReader(pageHTML))
	var anchor *Candidate // the <a> whose text is being read
	var anchorText strings.Builder
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		switch tt {
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if !hasAttr {
				continue
			}
			attrs := readAttrs(z)
			switch string(name) {
			case "base":
				if b := resolveLink(base, attrs["href"]); b != "" && base != nil {
					base = parseBase(b)
				}
			case "link":
				typ := strings.ToLower(strings.TrimSpace(attrs["type"]))
				if mt, _, err := mime.ParseMediaType(typ); err == nil {
					typ = mt
				}
				if !hasToken(attrs["rel"], "alternate") || !feedTypes[typ] {
					continue
				}
				if u := resolveLink(base, attrs["href"]); u != "" {
					links = append(links, Candidate{URL: u, Title: cleanText(attrs["title"], MaxTitleBytes, nil), Type: typ})
				}
			case "a":
				if tt == xhtml.SelfClosingTagToken {
					continue
				}
				if u := resolveLink(base, attrs["href"]); u != "" {
					anchor = &Candidate{URL: u, Title: cleanText(attrs["title"], MaxTitleBytes, nil), FromAnchor: true}
					anchorText.Reset()
				}
			}
		case xhtml.TextToken:
			if anchor != nil && anchorText.Len() < 256 {
				anchorText.Write(z.Text())
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			if string(name) == "a" && anchor != nil {
				text := strings.Join(strings.Fields(anchorText.String()), " ")
				if feedAnchor(anchor.URL, text) {
					if anchor.Title == "" {
						anchor.Title = truncate(text, MaxTitleBytes, nil, "")
					}
					anchors = append(anchors, *anchor)
				}
				anchor = nil
			}
		}
		if len(links)+len(anchors) >= 4*MaxCandidates {
			break
		}
	}
	var out []Candidate
	seen := map[string]bool{}
	for _, c := range append(links, anchors...) {
		key := NormalizeURL(c.URL)
		if seen[key] || len(out) == MaxCandidates {
			continue
		}
		seen[key] = true
		out = append(out, c)
	}
	return out
}

// readAttrs returns the attributes of the current tag, names lowercased,
// the first of a repeated name kept.
func readAttrs(z *xhtml.Tokenizer) map[string]string {
	attrs := map[string]string{}
	for n := 0; n < 64; n++ {
		k, v, more := z.TagAttr()
		key := strings.ToLower(string(k))
		if _, ok := attrs[key]; !ok {
			attrs[key] = string(v)
		}
		if !more {
			break
		}
	}
	return attrs
}

// hasToken reports whether the space-separated list holds tok.
func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// feedAnchor reports whether an anchor plainly points at a feed.
func feedAnchor(rawURL, text string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	host := strings.ToLower(u.Hostname())
	p := strings.ToLower(strings.TrimSuffix(u.Path, "/"))
	last := p[strings.LastIndexByte(p, '/')+1:]
	switch {
	case strings.HasPrefix(host, "feeds.") || strings.HasPrefix(host, "rss."):
		return true
	case last == "rss" || last == "feed" || last == "atom" || last == "rss.xml" || last == "feed.xml" ||
		last == "atom.xml" || last == "feed.json" || last == "index.rss" || strings.HasSuffix(last, ".rss"):
		return true
	case strings.Contains(p, "/rss/") && (strings.HasSuffix(last, ".xml") || strings.HasSuffix(last, ".cms")):
		return true
	}
	t := strings.ToLower(text)
	return t == "rss" || t == "rss feed" || t == "rss feeds" || t == "आरएसएस" || t == "आरएसएस फीड"
}

// RobotsSitemaps returns the URLs of the "Sitemap:" lines of a robots.txt
// (any case, anywhere in the file, comments removed), each once, in file
// order. Only absolute http(s) URLs are kept and only the first 500 KiB
// are read.
func RobotsSitemaps(robotsTxt []byte) []string {
	if len(robotsTxt) > maxRobotsBytes {
		robotsTxt = robotsTxt[:maxRobotsBytes]
	}
	var out []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(robotsTxt))
	sc.Buffer(make([]byte, 0, 4096), maxRobotsBytes)
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		key, value, ok := strings.Cut(line, ":")
		if !ok || !strings.EqualFold(strings.TrimSpace(key), "sitemap") {
			continue
		}
		if i := strings.Index(value, " #"); i >= 0 {
			value = value[:i]
		}
		u := resolveLink(nil, value)
		if u == "" || seen[u] || len(out) == MaxSitemapURLs {
			continue
		}
		seen[u] = true
		out = append(out, u)
	}
	return out
}

// Sniff tells what a fetched body is from its first bytes (gunzipped when
// gzip'd) and, when those are ambiguous, its Content-Type: a feed (RSS,
// RDF, Atom, JSON Feed), a sitemap (urlset, or a text list of URLs served
// as text/plain), a sitemap index, an HTML page, or KindUnknown.
func Sniff(body []byte, contentType string) Kind {
	if len(body) > sniffBytes {
		body = body[:sniffBytes]
	}
	if isGzip(body) {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return KindUnknown
		}
		body, _ = io.ReadAll(io.LimitReader(zr, sniffBytes))
	}
	body = bytes.TrimSpace(trimBOM(body))
	ct, _, _ := mime.ParseMediaType(contentType)
	if len(body) > 0 && body[0] == '{' {
		if bytes.Contains(body, []byte("jsonfeed.org/version")) {
			return KindFeed
		}
		return KindUnknown
	}
	if len(body) > 0 && body[0] == '<' {
		switch root := rootElement(body); root {
		case "rss", "rdf", "feed":
			return KindFeed
		case "urlset":
			return KindSitemap
		case "sitemapindex":
			return KindSitemapIndex
		case "html", "head", "body":
			return KindHTML
		case "":
			if bytes.HasPrefix(bytes.ToLower(body[:min(len(body), 15)]), []byte("<!doctype html")) {
				return KindHTML
			}
		default:
			if ct == "text/html" {
				return KindHTML
			}
			return KindUnknown
		}
	}
	switch ct {
	case "text/html", "application/xhtml+xml":
		return KindHTML
	case "text/plain":
		if len(body) > 0 && looksLikeURL(string(body[:min(len(body), 16)])) {
			return KindSitemap
		}
	}
	return KindUnknown
}

// rootElement returns the lowercased local name of the first element of
// an XML or HTML document, or "".
func rootElement(b []byte) string {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	for n := 0; n < 64; n++ {
		tok, err := d.RawToken()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			return strings.ToLower(se.Name.Local)
		}
	}
	return ""
}
