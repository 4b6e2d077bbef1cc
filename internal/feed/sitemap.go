package feed

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
)

// Limits of the sitemap protocol, which ParseSitemap enforces.
const (
	// MaxSitemapBytes is the largest sitemap ParseSitemap accepts, after
	// gunzipping.
	MaxSitemapBytes = 50 << 20
	// MaxSitemapURLs is the most URLs (or child sitemaps) kept from one
	// sitemap; later ones are dropped with a warning.
	MaxSitemapURLs = 50000
	// maxKeywords bounds the keywords kept from one news:keywords.
	maxKeywords = 32
)

// Sitemap is one parsed sitemap: Kind is KindSitemapIndex for a sitemap
// index (Sitemaps holds the children) and KindSitemap for a urlset or a
// text sitemap (URLs holds the pages).
type Sitemap struct {
	Kind     Kind
	URLs     []SitemapURL
	Sitemaps []SitemapRef
	// Warnings lists what ParseSitemap dropped, cut or recovered from.
	Warnings []string
}

// SitemapRef is one child of a sitemap index.
type SitemapRef struct {
	URL     string
	LastMod time.Time
}

// SitemapURL is one page of a urlset. News is set for Google News
// sitemap entries.
type SitemapURL struct {
	URL     string
	LastMod time.Time
	News    *NewsInfo
}

// NewsInfo is the news:news element of a Google News sitemap entry.
type NewsInfo struct {
	PublicationName string
	// Language is the news:language code as given, lowercased ("hi").
	Language  string
	Published time.Time
	Title     string
	Keywords  []string
}

// ParseSitemap reads an XML sitemap, sitemap index, Google News sitemap
// or text sitemap (one URL a line), gzip'd or not (told by the gzip magic
// bytes, not the name). baseURL is where it was fetched from: it names the
// sitemap in errors and relative locations are resolved against it.
//
// Entries whose location is not an http(s) URL are dropped, repeats after
// the first too; both are counted in Warnings. A sitemap that breaks part
// way keeps the entries before the break, with a warning. ParseSitemap
// returns an error wrapping ErrEmpty, ErrTooLarge, ErrNotFeed (not a
// sitemap) or ErrMalformed, and naming baseURL, when there is nothing to
// return.
func ParseSitemap(body []byte, baseURL string) (*Sitemap, error) {
	name := baseURL
	if name == "" {
		name = "sitemap"
	}
	fail := func(err error) (*Sitemap, error) {
		return nil, fmt.Errorf("parse sitemap %s: %w", name, err)
	}
	body, err := gunzip(body, MaxSitemapBytes)
	if err != nil {
		return fail(err)
	}
	body = trimBOM(body)
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return fail(ErrEmpty)
	}
	base := parseBase(baseURL)
	if trimmed[0] != '<' {
		return textSitemap(trimmed, base, fail)
	}
	sm := &Sitemap{}
	w := newWarner()
	p := &sitemapParser{sm: sm, base: base, w: w, seen: map[string]bool{}}
	if err := p.run(body); err != nil {
		if sm.Kind == KindUnknown {
			if errors.Is(err, ErrNotFeed) {
				return fail(err)
			}
			return fail(fmt.Errorf("%w: %v", ErrMalformed, err))
		}
		if len(sm.URLs) == 0 && len(sm.Sitemaps) == 0 {
			return fail(fmt.Errorf("%w: %v", ErrMalformed, err))
		}
		w.add(fmt.Sprintf("sitemap is broken after %d entries (%v); kept the entries before the break", len(sm.URLs)+len(sm.Sitemaps), err))
	}
	if sm.Kind == KindUnknown {
		return fail(fmt.Errorf("%w: no urlset or sitemapindex element", ErrNotFeed))
	}
	if p.bad > 0 {
		w.add(fmt.Sprintf("%d entries without an http(s) location were dropped", p.bad))
	}
	if p.repeats > 0 {
		w.add(fmt.Sprintf("%d repeated entries were dropped", p.repeats))
	}
	sm.Warnings = w.list
	return sm, nil
}

// gunzip returns body, or its gunzipped content when it starts with the
// gzip magic bytes, refusing anything over limit.
func gunzip(body []byte, limit int) ([]byte, error) {
	if len(body) > limit {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(body), limit)
	}
	if !isGzip(body) {
		return body, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("%w: gzip: %v", ErrMalformed, err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, int64(limit)+1))
	if len(out) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes after gunzip", ErrTooLarge, limit)
	}
	if err != nil && len(out) == 0 {
		return nil, fmt.Errorf("%w: gzip: %v", ErrMalformed, err)
	}
	return out, nil
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// textSitemap reads a text sitemap: one absolute URL a line.
func textSitemap(body []byte, base *url.URL, fail func(error) (*Sitemap, error)) (*Sitemap, error) {
	sm := &Sitemap{Kind: KindSitemap}
	seen := map[string]bool{}
	var bad int
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 64<<10), MaxURLBytes*4)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if !looksLikeURL(line) {
			bad++
			continue
		}
		u := resolveLink(base, line)
		if u == "" || seen[u] {
			continue
		}
		if len(sm.URLs) == MaxSitemapURLs {
			sm.Warnings = append(sm.Warnings, fmt.Sprintf("sitemap has more than %d URLs; the rest were dropped", MaxSitemapURLs))
			break
		}
		seen[u] = true
		sm.URLs = append(sm.URLs, SitemapURL{URL: u})
	}
	if len(sm.URLs) == 0 {
		return fail(fmt.Errorf("%w: neither XML nor a list of URLs", ErrNotFeed))
	}
	if bad > 0 {
		sm.Warnings = append(sm.Warnings, fmt.Sprintf("%d lines that are not URLs were skipped", bad))
	}
	return sm, nil
}

// sitemapParser walks the XML tokens of a sitemap.
type sitemapParser struct {
	sm           *Sitemap
	base         *url.URL
	w            *warner
	seen         map[string]bool
	bad, repeats int
	stack        []string // local names of the open elements
	text         strings.Builder
	cur          SitemapURL
	news         NewsInfo
}

func (p *sitemapParser) run(body []byte) error {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return in, nil
		}
		return nil, fmt.Errorf("unsupported charset %q", label)
	}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if len(p.stack) > 0 {
				return fmt.Errorf("document ends inside <%s>", p.stack[len(p.stack)-1])
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := p.start(t.Name.Local); err != nil {
				return err
			}
		case xml.EndElement:
			p.end(t.Name.Local)
		case xml.CharData:
			if p.text.Len() < MaxURLBytes*2 {
				p.text.Write(t)
			}
		}
		if len(p.stack) > 64 {
			return errors.New("elements nested too deep")
		}
	}
}

func (p *sitemapParser) start(local string) error {
	local = strings.ToLower(local)
	if len(p.stack) == 0 {
		switch local {
		case "urlset":
			p.sm.Kind = KindSitemap
		case "sitemapindex":
			p.sm.Kind = KindSitemapIndex
		default:
			return fmt.Errorf("%w: root element <%s>", ErrNotFeed, local)
		}
	}
	p.stack = append(p.stack, local)
	p.text.Reset()
	switch {
	case p.at("url") || p.at("sitemap"):
		p.cur = SitemapURL{}
	case p.at("url", "news"):
		p.news = NewsInfo{}
	}
	return nil
}

// at reports whether the open elements below the root end with names.
func (p *sitemapParser) at(names ...string) bool {
	if len(p.stack) != len(names)+1 {
		return false
	}
	for i, n := range names {
		if p.stack[i+1] != n {
			return false
		}
	}
	return true
}

func (p *sitemapParser) end(local string) {
	local = strings.ToLower(local)
	if len(p.stack) == 0 || p.stack[len(p.stack)-1] != local {
		// Non-strict decoding can hand us a stray end tag; ignore it.
		return
	}
	text := strings.TrimSpace(p.text.String())
	switch {
	case p.at("url", "loc"), p.at("sitemap", "loc"):
		p.cur.URL = resolveLink(p.base, text)
		if p.cur.URL == "" && text != "" {
			p.cur.URL = "\x00bad"
		}
	case p.at("url", "lastmod"), p.at("sitemap", "lastmod"):
		p.cur.LastMod = feedTime(text, nil)
	case p.at("url", "news", "publication", "name"):
		p.news.PublicationName = cleanText(text, MaxTitleBytes, p.w)
	case p.at("url", "news", "publication", "language"):
		p.news.Language = strings.ToLower(cleanText(text, 32, p.w))
	case p.at("url", "news", "publication_date"):
		p.news.Published = feedTime(text, nil)
	case p.at("url", "news", "title"):
		p.news.Title = cleanText(text, MaxTitleBytes, p.w)
	case p.at("url", "news", "keywords"):
		for _, k := range strings.Split(text, ",") {
			if k = cleanText(k, MaxTitleBytes, p.w); k != "" && len(p.news.Keywords) < maxKeywords {
				p.news.Keywords = appendUnique(p.news.Keywords, k)
			}
		}
	case p.at("url", "news"):
		n := p.news
		p.cur.News = &n
	case p.at("url"), p.at("sitemap"):
		p.add()
	}
	p.stack = p.stack[:len(p.stack)-1]
	p.text.Reset()
}

// add keeps the finished entry.
func (p *sitemapParser) add() {
	switch {
	case p.cur.URL == "" || p.cur.URL == "\x00bad":
		p.bad++
		return
	case p.seen[p.cur.URL]:
		p.repeats++
		return
	case len(p.sm.URLs)+len(p.sm.Sitemaps) >= MaxSitemapURLs:
		p.w.add(fmt.Sprintf("sitemap has more than %d entries; the rest were dropped", MaxSitemapURLs))
		return
	}
	p.seen[p.cur.URL] = true
	if p.sm.Kind == KindSitemapIndex {
		p.sm.Sitemaps = append(p.sm.Sitemaps, SitemapRef{URL: p.cur.URL, LastMod: p.cur.LastMod})
		return
	}
	p.sm.URLs = append(p.sm.URLs, p.cur)
}
