package extract

import (
	"github.com/khabar-news/khabar/internal/news"
	"net/url"
	"regexp"
	"strconv"
	"strings"
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
// languages) and the text it read it from, or false. now, when set, is the
// latest date accepted.
func htmlPageDate(doc *html.Node, pageURL string, now time.Time) (time.Time, string, bool) {
	opts := htmldate.Options{UseOriginalDate: true, URL: pageURL}
	if !now.IsZero() {
		opts.MaxDate = now
	}
	res, err := htmldate.FromDocument(doc, opts)
	if err != nil || res.DateTime.IsZero() {
		return time.Time{}, "", false
	}
	t := res.DateTime
	if t.Month() == time.January && t.Day() == 1 && !htmlWritesDay(res.SrcString, t) {
		// A bare year ("© 2016", "2020. Powered by"), read as 1 January.
		return time.Time{}, "", false
	}
	if !res.HasTimezone {
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, dates.IST)
	}
	return t, res.SrcString, true
}

// htmlWritesDay reports whether s writes the full date of t's day (not
// only its year).
func htmlWritesDay(s string, t time.Time) bool {
	for _, m := range dates.Find(s, time.Time{}) {
		if m.Time.Year() == t.Year() && m.Time.YearDay() == t.YearDay() {
			return true
		}
	}
	return false
}

// htmlFillDate completes a.Published, which htmlFillMeta took from the
// page's metadata. A time stated in UTC is first moved to the zone the site
// most likely dates its stories in (htmlSiteZone, from the host's domain
// and lang, the page's declared language), so that its day is the
// publisher's, unless the URL files the story under the UTC day. A date
// written in the URL's path wins over a metadata date more than a day and
// a half away from it (a stale or site-wide date in the metadata); without
// a metadata date the URL's is taken, and without either go-htmldate
// searches the page. Last, the date the page prints by its headline (see
// htmlLeadDate) settles what metadata leaves open; see htmlPreferLead.
// Without a date by the headline, go-htmldate's guess is weighed against
// the page's other printed dates (htmlGuessFallback); a page nothing else
// dates takes the date it prints (htmlOnlyPrintedDate). A wiki page is
// dated by the revision it shows (htmlWikiDate), before all of this.
func htmlFillDate(doc *html.Node, a *news.Article, opts Options, lang string) {
	if t, ok := htmlWikiDate(doc); ok && (opts.Now.IsZero() || !t.After(opts.Now)) {
		a.Published = t
		return
	}
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
	metaPub := a.Published // in the site's zone
	src := dateFromMeta
	switch {
	case !a.Published.IsZero() && !urlDate.IsZero():
		d := a.Published.Sub(urlDate)
		if d > 36*time.Hour || d < -36*time.Hour || (utcPub && !htmlSameDay(a.Published, urlDate)) {
			a.Published = urlDate
			src = dateFromURL
		}
	case !urlDate.IsZero():
		a.Published = urlDate
		src = dateFromURL
	case a.Published.IsZero():
		pageURL := opts.URL
		if pageURL == "" {
			pageURL = a.URL
		}
		src = dateFromText
		if t, from, ok := htmlPageDate(doc, pageURL, opts.Now); ok {
			a.Published = t
			if !htmlWritesDay(from, t) {
				// go-htmldate read a form khabar does not ("31.10.23"):
				// its guess cannot be weighed against the page's dates.
				src = dateFromUnreadText
			}
		}
	}
	if src == dateFromMeta && (htmlGenericMetaDate(doc, a.Published) || htmlTimeElementAside(doc, a.Published)) {
		src = dateFromGenericMeta
	}
	vis := htmlVisibleDates(doc, opts.URL, a.URL)
	lead, ok := htmlLeadDate(vis, opts.Now)
	if a.Published.IsZero() {
		// Nothing else dates the page: the date it prints by its
		// headline, else its first date outside asides and running text.
		if t, ok := htmlOnlyPrintedDate(vis, lead, ok, opts.Now); ok {
			a.Published = t
		}
		return
	}
	if !ok {
		if src == dateFromText {
			if t, ok := htmlGuessFallback(a.Published, a.Updated, vis); ok && (opts.Now.IsZero() || !t.After(opts.Now)) {
				a.Published = t
			}
			return
		}
		if src == dateFromMeta && htmlUTCClock(a.Published) {
			// Far from the headline, the article's first date still
			// tells the publisher's day of a UTC time.
			for _, v := range vis {
				if !v.Aside && v.AfterH1 {
					if t, ok := htmlShiftToDay(a.Published, v.Time.Format(time.DateOnly)); ok {
						a.Published = t
					}
					break
				}
			}
		}
		return
	}
	if src == dateFromURL {
		// The URL states the day, unless the metadata it overrode states
		// another and the page prints that one by its headline.
		if !metaPub.IsZero() && htmlDay(metaPub) == lead.Time.Format(time.DateOnly) {
			a.Published = metaPub
		}
		return
	}
	if t, ok := htmlPreferLead(a.Published, a.Updated, lead, src); ok {
		a.Published = t
	}
}

// dateSource says where a.Published came from before htmlPreferLead.
type dateSource int

const (
	dateFromMeta dateSource = iota // JSON-LD, meta tags, <time> elements
	// dateFromGenericMeta: only a <meta name="date"> (or dc.date,
	// dcterms.date) states it, which many CMSs fill with the time the
	// page was built or last changed; or only a <time> element in an
	// aside does (htmlTimeElementAside), a comment's or a teaser's.
	dateFromGenericMeta
	dateFromURL        // the URL's path
	dateFromText       // go-htmldate's search of the page
	dateFromUnreadText // the same, from text khabar cannot read
)

// htmlLeadReach is how far (bytes of page text) from the start of the
// headline <h1> (htmlHeadlineH1) a date may stand and still be the
// article's own: the byline zone just above or below the headline.
const htmlLeadReach = 600

// htmlLeadDate returns the date the page prints in its byline zone: of the
// dates outside footers, navigation, sidebars and comments and outside
// running text (htmlVisibleDate.Prose) that stand within htmlLeadReach of
// the headline, before or after it, the one nearest the headline (the
// first in page order on a tie). Today's date printed in a masthead above
// the headline, or a date in an image caption, loses to the byline date
// just below it. Without a headline, it is the first such date on the
// page, or the first labelled as published when one is. Dates after now
// (when set) are skipped.
func htmlLeadDate(vis []htmlVisibleDate, now time.Time) (htmlVisibleDate, bool) {
	best, found := htmlVisibleDate{}, false
	noHead := true
	for _, v := range vis {
		if v.AfterH1 || v.FromH1 != 0 {
			noHead = false
		}
	}
	for _, v := range vis {
		if v.Aside || v.Prose || (!now.IsZero() && v.Time.After(now)) {
			continue
		}
		if v.FromH1 < -htmlLeadReach || v.FromH1 > htmlLeadReach {
			continue
		}
		if !found || htmlAbs(v.FromH1) < htmlAbs(best.FromH1) {
			best, found = v, true
		}
		if noHead && v.Kind == dates.Published {
			return v, true
		}
	}
	return best, found
}

func htmlAbs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// htmlPreferLead decides between the publication date found so far (pub,
// from src), the modification date upd and the date the page prints by its
// headline (lead), and returns the date to keep when it is not pub. No
// date is made up: without pub it reports false.
//
//   - go-htmldate's guess from the page text gives way to the lead date,
//     unless it was read from a form khabar's own reader does not know
//     ("31.10.23"), which cannot be weighed against the lead;
//   - a metadata time stated in UTC gives way to a lead date one day off
//     when some real time zone (UTC-12 to UTC+14) puts the same instant on
//     that day: the page prints the publisher's local day;
//   - a date stated only by a generic <meta name="date"> gives way to the
//     lead date, even one labelled as an update ("Stand: 28.04.2020"):
//     either is closer to the article than a build time;
//   - a metadata publication date gives way to the modification date when
//     the page prints that one by the headline instead, unlabelled or
//     labelled as an update, and does not print the publication day there.
func htmlPreferLead(pub, upd time.Time, lead htmlVisibleDate, src dateSource) (time.Time, bool) {
	if pub.IsZero() {
		return time.Time{}, false
	}
	leadDay := lead.Time.Format(time.DateOnly)
	if htmlDay(pub) == leadDay {
		return time.Time{}, false
	}
	switch src {
	case dateFromText, dateFromGenericMeta:
		return lead.Time, true
	case dateFromMeta:
		if htmlUTCClock(pub) {
			if t, ok := htmlShiftToDay(pub, leadDay); ok {
				return t, true
			}
		}
		if !upd.IsZero() && htmlDay(upd) == leadDay && lead.Kind != dates.Published {
			return upd, true
		}
	}
	return time.Time{}, false
}

// htmlGenericMetaKeys are meta names whose date may be the page's build
// or change time; htmlSpecificMetaKeys name the publication date itself.
var (
	htmlGenericMetaKeys  = map[string]bool{"date": true, "dc.date": true, "dcterms.date": true}
	htmlSpecificMetaKeys = map[string]bool{
		"article:published_time": true, "datepublished": true, "publish-date": true, "pubdate": true,
		"publishdate": true, "dc.date.issued": true, "dcterms.created": true, "og:published_time": true,
	}
)

// htmlGenericMetaDate reports whether pub is stated only by a generic
// date meta tag: one of htmlGenericMetaKeys holds pub's day, and neither
// a JSON-LD article nor a specific publication meta tag holds a date.
func htmlGenericMetaDate(doc *html.Node, pub time.Time) bool {
	generic := false
	specific := false
	htmlFind(doc, func(n *html.Node) bool {
		switch n.Data {
		case "script", "style", "svg", "template":
			return false
		case "meta":
		default:
			return true
		}
		for _, k := range []string{"name", "property", "itemprop"} {
			key := strings.ToLower(strings.TrimSpace(htmlAttr(n, k)))
			v := strings.TrimSpace(htmlAttr(n, "content"))
			if key == "" || v == "" {
				continue
			}
			if htmlSpecificMetaKeys[key] {
				specific = true
			}
			if htmlGenericMetaKeys[key] {
				if t, ok := metaParseTime(v, time.Time{}); ok && htmlDay(t) == htmlDay(pub) {
					generic = true
				}
			}
		}
		return true
	})
	if !generic || specific {
		return false
	}
	ld := jsonldRead(doc)
	return ld.Article == nil || ld.Article.Published == ""
}

// htmlDay is t's calendar day in its own zone.
func htmlDay(t time.Time) string { return t.Format(time.DateOnly) }

// htmlShiftToDay returns t in a whole-hour UTC offset between -12 and +14
// hours under which its day is day (YYYY-MM-DD), or false.
func htmlShiftToDay(t time.Time, day string) (time.Time, bool) {
	for h := 1; h <= 14; h++ {
		for _, off := range []int{-h, h} {
			if off < -12 {
				continue
			}
			u := t.In(time.FixedZone("", off*3600))
			if htmlDay(u) == day {
				return u, true
			}
		}
	}
	return time.Time{}, false
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
