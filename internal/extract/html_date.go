package extract

import (
	"github.com/khabar-news/khabar/internal/news"
	"net/url"
	"regexp"
	"strconv"
	"time"

	htmldate "github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"

	"github.com/khabar-news/khabar/internal/dates"
)

// htmlURLDatePatterns find a full date written in a URL path, one
// separator style each: /2020/04/16/ or /2020/4/16/, /2020-04-16-,
// /20200416/.
var htmlURLDatePatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?:^|/)((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:$|[/_.-])`),
	regexp.MustCompile(`(?:^|[/_-])((?:19|20)\d{2})[-_](0[1-9]|1[0-2])[-_](0[1-9]|[12]\d|3[01])(?:$|[/_.-])`),
	regexp.MustCompile(`(?:^|[/_-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:$|[/_.-])`),
}

// htmlURLDate returns the date written in a URL path, at noon India time
// (the day is what the URL states, not the hour), or false.
func htmlURLDate(path string) (time.Time, bool) {
	for _, re := range htmlURLDatePatterns {
		for _, m := range re.FindAllStringSubmatch(path, -1) {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			t := time.Date(y, time.Month(mo), d, 12, 0, 0, 0, dates.IST)
			if t.Day() != d {
				continue // 31 February
			}
			return t, true
		}
	}
	return time.Time{}, false
}

// htmlPageDate returns the publication date go-htmldate finds in the page
// (original date, extensive search: dates written in page text in many
// languages), or false. now, when set, is the latest date accepted.
func htmlPageDate(doc *html.Node, pageURL string, now time.Time) (time.Time, bool) {
	opts := htmldate.Options{UseOriginalDate: true, URL: pageURL}
	if !now.IsZero() {
		opts.MaxDate = now
	}
	res, err := htmldate.FromDocument(doc, opts)
	if err != nil || res.DateTime.IsZero() {
		return time.Time{}, false
	}
	t := res.DateTime
	if !res.HasTimezone {
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, dates.IST)
	}
	return t, true
}

// htmlFillDate completes a.Published, which htmlFillMeta took from the
// page's metadata. A time stated in UTC is first moved to the zone the site
// most likely dates its stories in (htmlSiteZone, from the host's domain
// and lang, the page's declared language), so that its day is the
// publisher's, unless the URL files the story under the UTC day. A date written in the URL's path wins over a metadata date
// more than a day and a half away from it (a stale or site-wide date in
// the metadata); without a metadata date the URL's is taken, and without
// either go-htmldate searches the page.
func htmlFillDate(doc *html.Node, a *news.Article, opts Options, lang string) {
	var urlDate time.Time
	host := ""
	for _, u := range []string{opts.URL, a.URL} {
		pu, err := url.Parse(u)
		if err != nil {
			continue
		}
		if host == "" {
			host = pu.Hostname()
		}
		if pu.Path == "" {
			continue
		}
		if t, ok := htmlURLDate(pu.Path); ok {
			urlDate = t
			break
		}
	}
	utcPub := htmlUTCClock(a.Published)
	zone := htmlSiteZone(host, lang)
	for _, t := range []*time.Time{&a.Published, &a.Updated} {
		if !htmlUTCClock(*t) || zone == nil {
			continue
		}
		local := t.In(zone)
		if t == &a.Published && !urlDate.IsZero() && htmlSameDay(*t, urlDate) && !htmlSameDay(local, urlDate) {
			// The URL files the story under the UTC day: the site
			// itself dates in UTC.
			continue
		}
		*t = local
	}
	switch {
	case !a.Published.IsZero() && !urlDate.IsZero():
		d := a.Published.Sub(urlDate)
		if d > 36*time.Hour || d < -36*time.Hour || (utcPub && !htmlSameDay(a.Published, urlDate)) {
			a.Published = urlDate
		}
	case !urlDate.IsZero():
		a.Published = urlDate
	case a.Published.IsZero():
		pageURL := opts.URL
		if pageURL == "" {
			pageURL = a.URL
		}
		if t, ok := htmlPageDate(doc, pageURL, opts.Now); ok {
			a.Published = t
		}
	}
}

// htmlUTCClock reports whether t is a time of day stated in UTC. Midnight
// exactly is a date written as a timestamp, not a clock time, and stays.
func htmlUTCClock(t time.Time) bool {
	if t.IsZero() {
		return false
	}
	_, off := t.Zone()
	h, m, s := t.Clock()
	return off == 0 && h+m+s+t.Nanosecond() != 0
}

// htmlSameDay reports whether a and b, each in its own zone, fall on the
// same calendar day.
func htmlSameDay(a, b time.Time) bool {
	return a.Format(time.DateOnly) == b.Format(time.DateOnly)
}
