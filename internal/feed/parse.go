package feed

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	xhtml "golang.org/x/net/html"
)

// maxRecoveryItems bounds how many item boundaries the recovery of a
// broken feed considers.
const maxRecoveryItems = 2 * MaxItems

// parseGofeed runs gofeed on body. When an XML feed breaks, it retries on
// the longest prefix ending at a complete item that parses once the
// document is closed, and reports that in warn.
func parseGofeed(body []byte) (f *gofeed.Feed, warn string, err error) {
	typ := gofeed.DetectFeedType(bytes.NewReader(body[:min(len(body), 4096)]))
	if typ == gofeed.FeedTypeUnknown {
		return nil, "", ErrNotFeed
	}
	f, err = tryGofeed(body)
	if err == nil {
		return f, "", nil
	}
	if typ == gofeed.FeedTypeJSON {
		return nil, "", fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	closer, endTag := "</channel></rss>", "</item>"
	switch {
	case typ == gofeed.FeedTypeAtom:
		closer, endTag = "</feed>", "</entry>"
	case bytes.Contains(body[:min(len(body), 4096)], []byte("RDF")):
		closer = "</rdf:RDF>"
	}
	var ends []int
	for off := 0; len(ends) < maxRecoveryItems; {
		i := bytes.Index(body[off:], []byte(endTag))
		if i < 0 {
			break
		}
		off += i + len(endTag)
		ends = append(ends, off)
	}
	// Find the longest prefix that parses; prefixes ending earlier parse
	// whenever a later one does, so a binary search is enough.
	k := sort.Search(len(ends), func(k int) bool {
		_, e := tryGofeed(append(body[:ends[k]:ends[k]], closer...))
		return e != nil
	})
	var best *gofeed.Feed
	if k > 0 {
		best, _ = tryGofeed(append(body[:ends[k-1]:ends[k-1]], closer...))
	}
	if best == nil || len(best.Items) == 0 {
		return nil, "", fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return best, fmt.Sprintf("feed is broken after item %d (%v); kept the %d items before the break", len(best.Items), err, len(best.Items)), nil
}

// tryGofeed parses body with a fresh gofeed parser, turning a panic in the
// library into an error so bad input can never crash the crawler.
func tryGofeed(body []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("feed parser failed: %v", r)
		}
	}()
	f, err = gofeed.NewParser().Parse(bytes.NewReader(body))
	if err == nil && f == nil {
		err = errors.New("no feed")
	}
	return f, err
}

// trimBOM drops a UTF-8 byte-order mark.
func trimBOM(b []byte) []byte {
	return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
}

// parseBase returns s as an absolute http(s) URL, or nil.
func parseBase(s string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}

// resolveLink resolves raw against base and returns it when it is an
// absolute http(s) URL no longer than MaxURLBytes, else "".
func resolveLink(base *url.URL, raw string) string {
	raw = strings.TrimSpace(html.UnescapeString(strings.TrimSpace(raw)))
	if raw == "" || len(raw) > MaxURLBytes || strings.ContainsAny(raw, " \t\r\n<>\"") {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	s := u.String()
	if len(s) > MaxURLBytes {
		return ""
	}
	return s
}

// looksLikeURL reports whether s is written as an absolute http(s) URL.
func looksLikeURL(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// looksLikeMarkup reports whether s holds an HTML element.
func looksLikeMarkup(s string) bool {
	i := strings.IndexByte(s, '<')
	return i >= 0 && i+1 < len(s) && (s[i+1] == '/' || s[i+1] == '!' || isASCIILetter(s[i+1]))
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// cleanText turns a feed field into plain text: tags stripped, entities
// decoded once, white space collapsed, invalid UTF-8 replaced, cut at max
// bytes on a rune boundary (the cut is reported to w).
func cleanText(s string, max int, w *warner) string {
	if s == "" {
		return ""
	}
	if len(s) > 4*max {
		s = s[:4*max]
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	if looksLikeMarkup(s) {
		s = htmlText(s)
	} else if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	s = strings.Join(strings.Fields(s), " ")
	return truncate(s, max, w, "text field")
}

// htmlText returns the text of an HTML fragment, blocks separated by
// spaces and script/style content left out.
func htmlText(s string) string {
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return b.String()
		case xhtml.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				skip++
			}
			b.WriteByte(' ')
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				if skip > 0 {
					skip--
				}
			}
			b.WriteByte(' ')
		case xhtml.SelfClosingTagToken:
			b.WriteByte(' ')
		}
	}
}

// truncate cuts s to at most max bytes on a rune boundary and reports the
// cut to w.
func truncate(s string, max int, w *warner, what string) string {
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	w.add(fmt.Sprintf("%s longer than %d bytes was cut", what, max))
	return s[:cut]
}
