package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/khabar-news/khabar/internal/dates"
)

// The fixtures below are written for these tests: a Hindi city story and a
// German club notice, with no text taken from any real page.
const (
	rulesHiBody = `<p>शहर में रात भर हुई तेज़ बारिश के बाद कई मोहल्लों की सड़कें पानी में डूब गईं और लोगों को दफ्तर पहुंचने में घंटों लगे।</p><p>नगर निगम ने पंप लगाकर पानी निकालने का काम सुबह से शुरू कर दिया है।</p>`
	rulesDeBody = `<p>Der Verein trifft sich jeden ersten Mittwoch im Monat im Saal der alten Mühle; Gäste sind willkommen und müssen sich nicht anmelden.</p><p>Getränke und eine kleine Suppe gibt es gegen eine Spende für die Jugendarbeit.</p>`
)

// TestFromHTMLWikiDate checks that a wiki page is dated by the revision it
// shows: JSON-LD dateModified over the page's creation date, else the
// footer's "last modified" line over a date in the page's text.
func TestFromHTMLWikiDate(t *testing.T) {
	tests := []struct {
		name, head, body, want string
	}{
		{
			name: "JSON-LD modified over created",
			head: `<meta name="generator" content="MediaWiki 1.35.0"><script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","name":"नगर पुस्तकालय","datePublished":"2009-03-14T10:00:00Z","dateModified":"2024-08-02T16:45:00Z"}</script>`,
			body: `<h1>नगर पुस्तकालय</h1>` + rulesHiBody,
			want: "2024-08-02",
		},
		{
			name: "footer last-modified over a date in the text",
			head: `<meta name="generator" content="MediaWiki 1.31.1">`,
			body: `<h1>Stammtisch Mühlental</h1><p>Der nächste Stammtisch ist am 5. März 2025.</p>` + rulesDeBody +
				`<footer><ul><li id="footer-info-lastmod">Diese Seite wurde zuletzt am 12. Februar 2025 um 09:10 Uhr bearbeitet.</li></ul></footer>`,
			want: "2025-02-12",
		},
		{
			name: "footer line alone marks a wiki",
			head: ``,
			body: `<h1>Penny (character)</h1>` + rulesDeBody +
				`<footer><ul><li id="footer-info-lastmod">This page was last edited on 3 June 2024, at 08:15.</li></ul></footer>`,
			want: "2024-06-03",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := `<!doctype html><html><head><meta charset="utf-8"><title>wiki</title>` + tc.head + `</head><body>` + tc.body + `</body></html>`
			if got := publishedDay(t, page, "https://wiki.example/index.php?title=Page"); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestHTMLGuessFallback covers go-htmldate's guess from the page text
// against the dates the page prints when none stands by the headline.
func TestHTMLGuessFallback(t *testing.T) {
	d := func(s string) time.Time {
		t, err := time.ParseInLocation(time.DateOnly, s, dates.IST)
		if err != nil {
			panic(err)
		}
		return t
	}
	masthead := htmlVisibleDate{Time: d("2025-11-21"), Aside: true}
	caption := htmlVisibleDate{Time: d("2016-03-09"), Prose: true, AfterH1: true, FromH1: 4000}
	published := htmlVisibleDate{Time: d("2025-11-14"), Kind: dates.Published, AfterH1: true, FromH1: 900}
	updated := htmlVisibleDate{Time: d("2025-11-15"), Kind: dates.Updated, AfterH1: true, FromH1: 950}
	plain := htmlVisibleDate{Time: d("2025-11-10"), AfterH1: true, FromH1: 1200}
	tests := []struct {
		name  string
		guess string
		upd   string
		vis   []htmlVisibleDate
		want  string
	}{
		{"masthead guess yields to the published label", "2025-11-21", "", []htmlVisibleDate{masthead, updated, published}, "2025-11-14"},
		{"masthead guess yields to the updated label", "2025-11-21", "", []htmlVisibleDate{masthead, updated, plain}, "2025-11-15"},
		{"masthead guess stays without a labelled date", "2025-11-21", "", []htmlVisibleDate{masthead, plain}, ""},
		{"caption guess yields to a labelled date", "2016-03-09", "", []htmlVisibleDate{caption, updated}, "2025-11-15"},
		{"guess printed plainly stays", "2025-11-10", "", []htmlVisibleDate{plain, published}, ""},
		{"unprinted guess yields to a printed modification date", "2004-01-01", "2025-11-15", []htmlVisibleDate{updated}, "2025-11-15"},
		{"unprinted guess stays when the modification date is not printed", "2004-01-01", "2025-11-16", []htmlVisibleDate{updated}, ""},
		{"unprinted guess stays without a modification date", "2004-01-01", "", []htmlVisibleDate{updated}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var upd time.Time
			if tc.upd != "" {
				upd = d(tc.upd)
			}
			got := ""
			if v, ok := htmlGuessFallback(d(tc.guess), upd, tc.vis); ok {
				got = v.Format(time.DateOnly)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFromHTMLPrintedDateOnly checks that a page which neither metadata,
// URL nor go-htmldate dates takes the date it prints, here in a sidebar
// box that links to the page itself.
func TestFromHTMLPrintedDateOnly(t *testing.T) {
	const self = "https://blog.example/archiv/alte-muehle/"
	page := `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Die alte Mühle</title></head><body>` +
		`<h1><a href="https://blog.example/">Mühlenblog</a></h1>` +
		`<div id="sidebar"><h2>Über diesen Artikel</h2><p class="info"><a href="` + self + `" rel="bookmark">Die alte Mühle</a> wurde am <b>19. Mai 2010</b> veröffentlicht.</p></div>` +
		`<div class="post"><h2>Die alte Mühle</h2>` + rulesDeBody + `</div></body></html>`
	if got, want := publishedDay(t, page, self), "2010-05-19"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestHTMLVisibleDatesPermalink checks that a sidebar paragraph linking to
// the page itself with rel="bookmark" is not an aside, while one linking
// to another story is.
func TestHTMLVisibleDatesPermalink(t *testing.T) {
	const self = "https://blog.example/archiv/alte-muehle/"
	page := `<html><body><div id="sidebar">` +
		`<p><a href="http://www.blog.example/archiv/alte-muehle" rel="bookmark">Die alte Mühle</a> wurde am 19. Mai 2010 veröffentlicht.</p>` +
		`<p><a href="https://blog.example/archiv/neue-bruecke/" rel="bookmark">Die neue Brücke</a> wurde am 2. April 2010 veröffentlicht.</p>` +
		`<p><a href="` + self + `">Die alte Mühle</a> am 3. April 2010</p>` +
		`</div></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range htmlVisibleDates(doc, self) {
		got = append(got, fmt.Sprintf("%s aside=%v", v.Time.Format(time.DateOnly), v.Aside))
	}
	want := []string{"2010-05-19 aside=false", "2010-04-02 aside=true", "2010-04-03 aside=true"}
	if strings.Join(got, ";") != strings.Join(want, ";") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestFromHTMLTimeInAside checks that a date only a <time> element in a
// sidebar or a list of comments states gives way to the date printed by
// the headline, while the article's own <time> stays.
func TestFromHTMLTimeInAside(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{
			name: "comment teaser's pubdate yields to the byline",
			body: `<div class="aside secondary"><ul><li class="item"><a href="/c/81">बहुत अच्छी खबर <p class="publication"><time datetime="2025-09-22T07:30:29Z" pubdate>22 सितंबर</time>, पाठक</p></a></li></ul></div>` +
				`<div class="main"><h1>बारिश से सड़कें डूबीं</h1><p class="byline">28 जून 2025</p>` + rulesHiBody + `</div>`,
			want: "2025-06-28",
		},
		{
			name: "the article's own time element stays",
			body: `<div class="main"><h1>बारिश से सड़कें डूबीं</h1><p class="byline"><time datetime="2025-06-28T13:49:45+05:30">28 जून 2025</time></p><p class="note">16 जून 2025 के आदेश के बाद</p>` + rulesHiBody + `</div>`,
			want: "2025-06-28",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := `<!doctype html><html lang="hi"><head><meta charset="utf-8"><title>बारिश से सड़कें डूबीं</title></head><body>` + tc.body + `</body></html>`
			if got := publishedDay(t, page, "https://samachar.example/city/barish"); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestHTMLLeadDateNoHeadline checks that without a headline a date
// labelled as published beats today's date printed above it.
func TestHTMLLeadDateNoHeadline(t *testing.T) {
	page := `<html><body><div class="top"><span>बुधवार, 11 मई 2022</span> <a href="/subscribe">सदस्यता</a></div>` +
		`<div class="story"><h2>बंदरगाह पर जहाज़ रोका गया</h2><div class="by">संवाददाता | प्रकाशित: 10 मई 2022 01:52 PM</div>` + rulesHiBody + `</div></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	lead, ok := htmlLeadDate(htmlVisibleDates(doc), time.Time{})
	if !ok {
		t.Fatal("no lead date")
	}
	if got, want := lead.Time.Format(time.DateOnly), "2022-05-10"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestHTMLHeadlineH1Choice covers pages with several <h1>s: one kept for
// screen readers is skipped, and the one that is the longer part of the
// <title> beats a section name before it.
func TestHTMLHeadlineH1Choice(t *testing.T) {
	tests := []struct {
		name, title, body, want string
	}{
		{"screen-reader site name", "नगर समाचार", `<h1 class="aural">नगर समाचार</h1><h1>सड़क फिर खुली</h1>`, "सड़क फिर खुली"},
		{"section before story", "नगर समाचार - शहर - पुल की मरम्मत पूरी, सड़क फिर खुली", `<h1 class="section-head">शहर</h1><h1>पुल की मरम्मत पूरी, सड़क फिर खुली</h1>`, "पुल की मरम्मत पूरी, सड़क फिर खुली"},
		{"first kept when the title names neither", "नगर समाचार", `<h1>सड़क फिर खुली</h1><h1>पाठकों की राय</h1>`, "सड़क फिर खुली"},
		{"first kept when the title names it", "सड़क फिर खुली | नगर समाचार", `<h1>सड़क फिर खुली</h1><h1>राय</h1>`, "सड़क फिर खुली"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := headlineH1Of(t, `<html><head><title>`+tc.title+`</title></head><body>`+tc.body+`</body></html>`); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestHTMLOnlyPrintedDate covers the date given to a page nothing else
// dates: the lead date, else the first date outside asides and running
// text, never one after now.
func TestHTMLOnlyPrintedDate(t *testing.T) {
	day := func(s string) time.Time {
		t, err := time.ParseInLocation(time.DateOnly, s, dates.IST)
		if err != nil {
			panic(err)
		}
		return t
	}
	aside := htmlVisibleDate{Time: day("2025-11-21"), Aside: true}
	prose := htmlVisibleDate{Time: day("2016-03-09"), Prose: true}
	plain := htmlVisibleDate{Time: day("2025-11-10")}
	later := htmlVisibleDate{Time: day("2025-12-24")}
	lead := htmlVisibleDate{Time: day("2025-11-12")}
	now := day("2025-12-01")
	tests := []struct {
		name    string
		vis     []htmlVisibleDate
		hasLead bool
		now     time.Time
		want    string
	}{
		{"lead date first", []htmlVisibleDate{plain}, true, time.Time{}, "2025-11-12"},
		{"first plain date", []htmlVisibleDate{aside, prose, plain}, false, time.Time{}, "2025-11-10"},
		{"asides and prose only", []htmlVisibleDate{aside, prose}, false, time.Time{}, ""},
		{"future date skipped", []htmlVisibleDate{later, plain}, false, now, "2025-11-10"},
		{"nothing printed", nil, false, time.Time{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			if v, ok := htmlOnlyPrintedDate(tc.vis, lead, tc.hasLead, tc.now); ok {
				got = v.Format(time.DateOnly)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func FuzzHTMLDateRules(f *testing.F) {
	for _, s := range []string{
		`<meta name="generator" content="MediaWiki"><li id="footer-info-lastmod">last edited on 3 June 2024</li>`,
		`<div class="aside"><time datetime="2025-09-22T07:30:29Z" pubdate>x</time></div><h1>y</h1>`,
		`<div id="sidebar"><p><a rel="bookmark" href="https://x.example/a/">a</a> 19. Mai 2010</p></div>`,
		`<title>a - b</title><h1 class="aural">a</h1><h1>b</h1>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		htmlWikiDate(doc)
		htmlHeadlineH1(doc)
		htmlTimeElementAside(doc, time.Date(2025, 9, 22, 7, 30, 29, 0, time.UTC))
		for _, v := range htmlVisibleDates(doc, "https://x.example/a/", "%zz") {
			if v.Time.IsZero() {
				t.Errorf("zero date from %q", page)
			}
		}
	})
}
