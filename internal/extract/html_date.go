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
// page's metadata. A date written in the URL's path wins over a metadata
// date more than a day away from it (a stale or site-wide date in the
// metadata), and so does its day over a UTC time falling on another day;
// without a metadata date the URL's is taken, and without either
// go-htmldate searches the page.
func htmlFillDate(doc *html.Node, a *news.Article, opts Options) {
	var urlDate time.Time
	for _, u := range []string{opts.URL, a.URL} {
		pu, err := url.Parse(u)
		if err != nil || pu.Path == "" {
			continue
		}
		if t, ok := htmlURLDate(pu.Path); ok {
			urlDate = t
			break
		}
	}
	switch {
	case !a.Published.IsZero() && !urlDate.IsZero():
		d := a.Published.Sub(urlDate)
		_, offset := a.Published.Zone()
		if d > 36*time.Hour || d < -36*time.Hour || (offset == 0 && a.Published.Format(time.DateOnly) != urlDate.Format(time.DateOnly)) {
			// Far from the URL's day, or a UTC time that falls on
			// another day than the one the site filed the story under.
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
