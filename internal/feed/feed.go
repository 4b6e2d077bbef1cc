package feed

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/khabar-news/khabar/internal/dates"
)

// Limits on what Parse accepts and keeps.
const (
	// MaxFeedBytes is the largest feed body Parse accepts.
	MaxFeedBytes = 16 << 20
	// MaxItems is the most items Parse keeps; later items are dropped
	// with a warning.
	MaxItems = 1000
	// MaxTitleBytes bounds titles, GUIDs, author names and categories.
	MaxTitleBytes = 1 << 10
	// MaxURLBytes bounds links; a longer link is dropped.
	MaxURLBytes = 4 << 10
	// MaxSummaryBytes bounds item summaries.
	MaxSummaryBytes = 64 << 10
	// MaxContentBytes bounds an item's ContentHTML.
	MaxContentBytes = 2 << 20
	// maxListLen bounds Authors and Categories of one item.
	maxListLen = 32
)

// Sentinel errors wrapped by Parse and ParseSitemap.
var (
	// ErrEmpty means the body holds nothing but white space.
	ErrEmpty = errors.New("empty document")
	// ErrTooLarge means the body (or its gzip'd content) is over the limit.
	ErrTooLarge = errors.New("document too large")
	// ErrNotFeed means the body is not a feed (or not a sitemap).
	ErrNotFeed = errors.New("not a feed")
	// ErrMalformed means the body is broken before anything usable.
	ErrMalformed = errors.New("malformed document")
)

// Feed is one parsed feed. Kind is "rss", "atom" or "json".
type Feed struct {
	Title string
	// Link is the site the feed belongs to, absolute, or empty.
	Link     string
	Language string
	Kind     string
	Items    []Item
	// Warnings lists what Parse dropped, cut or recovered from.
	Warnings []string
}

// Item is one entry of a feed. URL is absolute (http or https) or empty;
// Title, Summary, Authors and Categories are plain text with entities
// decoded; ContentHTML is the item's full content markup as the feed gave
// it (content:encoded, Atom content, JSON content_html), relative links
// left for the HTML extractor to resolve against URL. Zero times are
// unknown.
type Item struct {
	GUID        string
	URL         string
	Title       string
	Published   time.Time
	Updated     time.Time
	Authors     []string
	Summary     string
	ContentHTML string
	Categories  []string
}

// Parse reads an RSS 2.0, RSS 1.0/RDF, Atom or JSON Feed 1.1 document.
// baseURL is where it was fetched from: it names the feed in errors and
// relative links are resolved against it.
//
// Items with neither a URL nor a GUID nor a title are dropped, and so are
// repeats (the same GUID, or the same NormalizeURL of the link) after the
// first; both are counted in Warnings. An XML feed that breaks after some
// complete items keeps those items and says so in Warnings. Parse returns
// an error wrapping ErrEmpty, ErrTooLarge, ErrNotFeed or ErrMalformed, and
// naming baseURL, when there is no feed to return.
func Parse(body []byte, baseURL string) (*Feed, error) {
	name := baseURL
	if name == "" {
		name = "feed"
	}
	fail := func(err error) (*Feed, error) {
		return nil, fmt.Errorf("parse feed %s: %w", name, err)
	}
	if len(body) > MaxFeedBytes {
		return fail(fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(body), MaxFeedBytes))
	}
	body = trimBOM(body)
	if len(bytes.TrimSpace(body)) == 0 {
		return fail(ErrEmpty)
	}
	base := parseBase(baseURL)
	gf, warn, err := parseGofeed(body)
	if err != nil {
		return fail(err)
	}
	f := &Feed{
		Title:    cleanText(gf.Title, MaxTitleBytes, nil),
		Link:     resolveLink(base, gf.Link),
		Language: strings.ToLower(strings.TrimSpace(gf.Language)),
		Kind:     gf.FeedType,
	}
	if warn != "" {
		f.Warnings = append(f.Warnings, warn)
	}
	w := newWarner()
	seenGUID := map[string]bool{}
	seenURL := map[string]bool{}
	var empty, repeats int
	for _, gi := range gf.Items {
		if gi == nil {
			continue
		}
		if len(f.Items) == MaxItems {
			w.add(fmt.Sprintf("feed has more than %d items; the rest were dropped", MaxItems))
			break
		}
		it := convertItem(gi, base, w)
		if it.URL == "" && it.GUID == "" && it.Title == "" {
			empty++
			continue
		}
		key := ""
		if it.URL != "" {
			key = NormalizeURL(it.URL)
		}
		if (it.GUID != "" && seenGUID[it.GUID]) || (key != "" && seenURL[key]) {
			repeats++
			continue
		}
		if it.GUID != "" {
			seenGUID[it.GUID] = true
		}
		if key != "" {
			seenURL[key] = true
		}
		f.Items = append(f.Items, it)
	}
	if empty > 0 {
		w.add(fmt.Sprintf("%d items without link, id or title were dropped", empty))
	}
	if repeats > 0 {
		w.add(fmt.Sprintf("%d repeated items were dropped", repeats))
	}
	f.Warnings = append(f.Warnings, w.list...)
	return f, nil
}

// convertItem turns one gofeed item into an Item, bounding every field.
func convertItem(gi *gofeed.Item, base *url.URL, w *warner) Item {
	it := Item{
		GUID:        cleanText(gi.GUID, MaxTitleBytes, w),
		Title:       cleanText(gi.Title, MaxTitleBytes, w),
		Summary:     cleanText(gi.Description, MaxSummaryBytes, w),
		ContentHTML: strings.TrimSpace(truncate(gi.Content, MaxContentBytes, w, "content")),
		Published:   feedTime(gi.Published, gi.PublishedParsed),
		Updated:     feedTime(gi.Updated, gi.UpdatedParsed),
	}
	it.URL = resolveLink(base, gi.Link)
	if it.URL == "" {
		for _, l := range gi.Links {
			if it.URL = resolveLink(base, l); it.URL != "" {
				break
			}
		}
	}
	if it.URL == "" && looksLikeURL(gi.GUID) {
		it.URL = resolveLink(base, gi.GUID)
	}
	if gi.Content == "" && looksLikeMarkup(gi.Description) && len(gi.Description) > len(it.Summary)*2 {
		// Some feeds put the whole article in <description>; keep the
		// markup so HasFullText can judge it.
		it.ContentHTML = strings.TrimSpace(truncate(gi.Description, MaxContentBytes, w, "content"))
	}
	for _, p := range gi.Authors {
		if p == nil || len(it.Authors) == maxListLen {
			continue
		}
		if a := cleanText(p.Name, MaxTitleBytes, w); a != "" {
			it.Authors = appendUnique(it.Authors, a)
		}
	}
	if len(it.Authors) == 0 && gi.DublinCoreExt != nil {
		for _, c := range gi.DublinCoreExt.Creator {
			if a := cleanText(c, MaxTitleBytes, w); a != "" && len(it.Authors) < maxListLen {
				it.Authors = appendUnique(it.Authors, a)
			}
		}
	}
	for _, c := range gi.Categories {
		if len(it.Categories) == maxListLen {
			break
		}
		if c = cleanText(c, MaxTitleBytes, w); c != "" {
			it.Categories = appendUnique(it.Categories, c)
		}
	}
	return it
}

// feedTime reads a feed date: internal/dates first (Hindi month names,
// IST for a missing zone), then gofeed's reading of it.
func feedTime(raw string, parsed *time.Time) time.Time {
	raw = strings.TrimSpace(raw)
	if raw != "" && len(raw) < 200 {
		if t, ok := dates.Parse(raw, time.Time{}); ok {
			return t
		}
	}
	if parsed != nil && !parsed.IsZero() && parsed.Year() > 1900 && parsed.Year() < 3000 {
		return *parsed
	}
	return time.Time{}
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// warner collects warnings, each text once.
type warner struct {
	seen map[string]bool
	list []string
}

func newWarner() *warner { return &warner{seen: map[string]bool{}} }

func (w *warner) add(s string) {
	if w == nil || w.seen[s] {
		return
	}
	w.seen[s] = true
	w.list = append(w.list, s)
}
