package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// TestFromHTMLLeadDate covers the classes of date the byline zone settles:
// a UTC metadata time against the publisher's printed day, a printed
// modification date against a stale publication date, go-htmldate's guess
// from running text against the byline date, and a bare copyright year.
func TestFromHTMLLeadDate(t *testing.T) {
	const hiBody = `<p>शहर में रात भर हुई तेज़ बारिश के बाद कई मोहल्लों की सड़कें पानी में डूब गईं और लोगों को दफ्तर पहुंचने में घंटों लगे।</p><p>नगर निगम ने पंप लगाकर पानी निकालने का काम सुबह से शुरू कर दिया है।</p>`
	const enBody = `<p>Crews worked through the night to clear fallen trees from the river road after the storm, and the bridge reopened to traffic before dawn.</p><p>The county said the repair of the old culvert will take two more weeks.</p>`
	const deBody = `<p>Die Gemeinde hat den Radweg entlang des Flusses nach dem Hochwasser wieder freigegeben, nachdem Helfer den Schlamm beseitigt hatten.</p><p>Im Amtsblatt vom 17. August 2021 war die Sperrung angekündigt worden; die Kosten trägt das Land.</p>`
	tests := []struct {
		name, lang, head, lead, body, url, want string
	}{
		{
			name: "UTC night is the printed local day",
			lang: "en", head: `<meta property="article:published_time" content="2023-11-09T02:11:03+00:00">`,
			lead: `<div class="byline">Posted November 8, 2023</div>`, body: enBody,
			url: "https://tv.example/news/river-road", want: "2023-11-08",
		},
		{
			name: "UTC midday cannot be the printed day before",
			lang: "en", head: `<meta property="article:published_time" content="2023-11-06T13:10:22Z">`,
			lead: `<div class="byline">November 5, 2023</div>`, body: enBody,
			url: "https://tv.example/news/river-road", want: "2023-11-06",
		},
		{
			name: "printed update date beats a stale publication date",
			lang: "en", head: `<meta property="article:published_time" content="2019-06-17T00:00:00+00:00"><meta property="article:modified_time" content="2020-06-04T16:41:46+00:00">`,
			lead: `<p class="meta">June 4, 2020</p>`, body: enBody,
			url: "https://blog.example/articles/river-road", want: "2020-06-04",
		},
		{
			name: "Hindi update label keeps the publication date printed first",
			lang: "hi", head: `<meta property="article:published_time" content="2025-11-17T09:00:00+05:30"><meta property="article:modified_time" content="2025-11-19T18:00:00+05:30">`,
			lead: `<div class="date">प्रकाशित: 17 नवंबर 2025 | अपडेटेड: 19 नवंबर 2025</div>`, body: hiBody,
			url: "https://samachar.example/city/barish", want: "2025-11-17",
		},
		{
			name: "Hindi page printing only the update takes it",
			lang: "hi", head: `<meta property="article:published_time" content="2025-11-17T09:00:00+05:30"><meta property="article:modified_time" content="2025-11-19T18:00:00+05:30">`,
			lead: `<div class="date">अपडेटेड: 19 नवंबर 2025, 06:00 PM IST</div>`, body: hiBody,
			url: "https://samachar.example/city/barish", want: "2025-11-19",
		},
		{
			name: "Hindi page printing a publication label keeps the metadata",
			lang: "hi", head: `<meta property="article:published_time" content="2025-11-17T09:00:00+05:30"><meta property="article:modified_time" content="2025-11-19T18:00:00+05:30">`,
			lead: `<div class="date">प्रकाशित: 19 नवंबर 2025</div>`, body: hiBody,
			url: "https://samachar.example/city/barish", want: "2025-11-17",
		},
		{
			name: "byline date beats a date in running text",
			lang: "de", head: ``,
			lead: `<p class="autor">Veröffentlicht am 4. Februar 2022</p>`, body: deBody,
			url: "https://gemeinde.example/aktuelles/radweg", want: "2022-02-04",
		},
		{
			name: "Hindi byline date without metadata",
			lang: "hi", head: ``,
			lead: `<span class="time">मंगलवार, 18 नवंबर 2025</span>`, body: hiBody,
			url: "https://samachar.example/city/barish", want: "2025-11-18",
		},
		{
			name: "generic date meta yields to the printed byline date",
			lang: "de", head: `<meta name="date" content="2021-12-20T11:02:44+01:00">`,
			lead: `<p class="datum">Stand: 27.01.2022</p>`, body: deBody,
			url: "https://gemeinde.example/aktuelles/radweg", want: "2022-01-27",
		},
		{
			name: "generic date meta stays when a publication tag agrees",
			lang: "de", head: `<meta name="date" content="2021-12-20T11:02:44+01:00"><meta property="article:published_time" content="2021-12-20T11:02:44+01:00">`,
			lead: `<p class="datum">27.01.2022</p>`, body: deBody,
			url: "https://gemeinde.example/aktuelles/radweg", want: "2021-12-20",
		},
		{
			name: "metadata the page prints beats a URL day",
			lang: "en", head: `<meta property="article:published_time" content="2020-07-09T10:04:04Z">`,
			lead: `<div class="byline">July 9, 2020</div>`, body: enBody,
			url: "https://paper.example/politics/2020/07/08/river-road/", want: "2020-07-09",
		},
		{
			name: "URL day stays when the page prints nothing",
			lang: "en", head: `<meta property="article:published_time" content="2020-07-09T10:04:04Z">`,
			lead: ``, body: enBody,
			url: "https://paper.example/politics/2020/07/08/river-road/", want: "2020-07-08",
		},
		{
			name: "UTC time takes the article's first date far below the headline",
			lang: "de", head: `<meta property="article:published_time" content="2021-11-04T23:00Z">`,
			lead: `<p>` + strings.Repeat("Die Gemeinde berichtet über den Radweg. ", 20) + `</p><p class="datum">05.11.2021</p>`, body: deBody,
			url: "https://stiftung.example/berichte/wahl", want: "2021-11-05",
		},
		{
			name: "a two-digit-year byline khabar cannot read keeps go-htmldate's guess",
			lang: "de", head: ``,
			lead: `<p class="autor">Von: Anna Berg | 31.10.23</p>`, body: `<p>Die Gemeinde hat den Radweg entlang des Flusses wieder freigegeben, nachdem Helfer den Schlamm beseitigt hatten.</p><p>Am 30.10.2023 hatte der Rat darüber beraten; die Kosten trägt das Land.</p>`,
			url: "https://gemeinde.example/aktuelles/radweg", want: "2023-10-31",
		},
		{
			name: "a copyright year is no date",
			lang: "en", head: ``,
			lead: ``, body: enBody + `<footer>© 2016 River Road Gazette. All rights reserved.</footer>`,
			url: "https://gazette.example/river-road", want: "",
		},
		{
			name: "a date in the footer is not the byline",
			lang: "en", head: `<meta property="article:published_time" content="2023-11-09T02:11:03+00:00">`,
			lead: ``, body: enBody + `<footer>Site updated November 8, 2023</footer>`,
			url: "https://tv.example/news/river-road", want: "2023-11-09",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := `<!doctype html><html lang="` + tc.lang + `"><head><meta charset="utf-8"><title>x</title>` + tc.head +
				`</head><body><article><h1>River road reopens after the storm</h1>` + tc.lead + tc.body + `</article></body></html>`
			got := publishedDay(t, page, tc.url)
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestHTMLShiftToDay(t *testing.T) {
	tests := []struct {
		in, day, want string
	}{
		{"2023-11-09T02:11:03Z", "2023-11-08", "2023-11-08T23:11:03-03:00"},
		{"2021-11-04T23:00:00Z", "2021-11-05", "2021-11-05T00:00:00+01:00"},
		{"2023-11-06T13:10:22Z", "2023-11-05", ""}, // UTC-12 is still the 6th
		{"2023-11-06T13:10:22Z", "2023-11-07", "2023-11-07T00:10:22+11:00"},
		{"2023-11-06T09:00:00Z", "2023-11-07", ""}, // UTC+14 is still the 6th
		{"2023-11-06T09:00:00Z", "2023-11-09", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in+">"+tc.day, func(t *testing.T) {
			in, err := time.Parse(time.RFC3339, tc.in)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if u, ok := htmlShiftToDay(in, tc.day); ok {
				got = u.Format(time.RFC3339)
				if !u.Equal(in) {
					t.Errorf("got instant %v, want the same instant as %v", u, in)
				}
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestHTMLVisibleDates(t *testing.T) {
	page := `<html><body class="home nav-open"><div class="top-nav">Montag, 1. Juni 2020</div>` +
		`<article><h1>सड़क फिर खुली</h1><aside class="meta">अपडेटेड: 19 नवंबर 2025</aside>` +
		`<p>नगर निगम ने 18 नवंबर 2025 को काम शुरू किया।</p></article>` +
		`<div class="sidebar">3 March 2024</div><footer>Stand: 02.01.2026</footer></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range htmlVisibleDates(doc) {
		s := v.Time.Format(time.DateOnly) + " " + v.Kind.String()
		if v.Aside {
			s += " aside"
		}
		if v.AfterH1 {
			s += " after-h1"
		}
		got = append(got, s)
	}
	want := []string{
		"2020-06-01 unlabelled aside",
		"2025-11-19 updated after-h1",
		"2025-11-18 unlabelled after-h1",
		"2024-03-03 unlabelled aside after-h1",
		"2026-01-02 updated aside after-h1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzHTMLVisibleDates(f *testing.F) {
	for _, s := range []string{`<h1>x</h1><p>4. Februar 2022</p>`, `<footer>© 2016</footer>`, `<p>१८ नवंबर २०२५</p>`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		for _, v := range htmlVisibleDates(doc) {
			if v.Time.IsZero() {
				t.Errorf("zero date from %q", page)
			}
		}
	})
}

// TestHTMLVisibleDatesHeadlineContainer checks that a layout class on the
// element that holds the headline ("with-sidebar-right") does not make the
// byline an aside, while a real sidebar inside it still is one.
func TestHTMLVisibleDatesHeadlineContainer(t *testing.T) {
	page := `<html><body><div class="layout with-sidebar-right"><h1>सड़क फिर खुली</h1>` +
		`<p class="byline">18 नवंबर 2025</p><div class="sidebar">3 March 2024</div></div></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range htmlVisibleDates(doc) {
		got = append(got, fmt.Sprintf("%s aside=%v", v.Time.Format(time.DateOnly), v.Aside))
	}
	want := []string{"2025-11-18 aside=false", "2024-03-03 aside=true"}
	if strings.Join(got, ";") != strings.Join(want, ";") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestFromHTMLLeadDateHeadline covers finding the byline date by the real
// headline: a site-logo <h1> is not the headline, the date nearest the
// headline beats today's date in the masthead, and a date in a long image
// caption or sentence is not a byline. No page has date metadata, so each
// date comes from the page text.
func TestFromHTMLLeadDateHeadline(t *testing.T) {
	const hiBody = `<p>शहर में रात भर हुई तेज़ बारिश के बाद कई मोहल्लों की सड़कें पानी में डूब गईं और लोगों को दफ्तर पहुंचने में घंटों लगे।</p><p>नगर निगम ने पंप लगाकर पानी निकालने का काम सुबह से शुरू कर दिया है।</p>`
	const enBody = `<p>Crews worked through the night to clear fallen trees from the river road after the storm, and the bridge reopened to traffic before dawn.</p><p>The county said the repair of the old culvert will take two more weeks.</p>`
	const hiNav = `<ul class="sections"><li><a href="/desh">देश</a></li><li><a href="/videsh">विदेश</a></li><li><a href="/khel">खेल</a></li><li><a href="/vyapar">व्यापार</a></li></ul>`
	const hiCaption = `<div class="pic"><img src="/a.jpg" alt="">फाइल फोटो: पुराने पुल के पास जमा पानी निकालते नगर निगम के कर्मचारी, जब शहर के निचले इलाकों में घुटनों तक पानी भर गया था और कई दुकानें दिन भर बंद रहीं, 16 नवंबर 2025। फोटो: संवाददाता</div>`
	tests := []struct {
		name, lang, page, want string
	}{
		{
			name: "Hindi logo h1 with today's date beside it",
			lang: "hi",
			page: `<header><h1 class="site-logo"><a href="/"><img src="/logo.png" alt="नगर समाचार"></a></h1><span class="aaj">बुधवार, 26 नवंबर 2025</span></header>` +
				hiNav + `<article><h1>बारिश से शहर की सड़कें डूबीं</h1><p class="byline">संवाददाता, 18 नवंबर 2025</p>` + hiBody + `</article>`,
			want: "2025-11-18",
		},
		{
			name: "h1 that is only a link home is a logo",
			lang: "en",
			page: `<div id="top"><h1><a href="https://gazette.example/">River Gazette</a></h1><div class="today">Wednesday, 26 November 2025</div></div>` +
				`<div class="crumbs"><a href="/">Home</a> › <a href="/local">Local</a></div><h1>River road reopens after the storm</h1><p>18 November 2025</p>` + enBody,
			want: "2025-11-18",
		},
		{
			name: "byline below the headline beats the masthead date above it",
			lang: "en",
			page: `<div class="edition">Wednesday, 26 November 2025</div><div class="crumbs"><a href="/">Home</a> › <a href="/local">Local</a> › <a href="/local/roads">Roads</a></div>` +
				`<h1>River road reopens after the storm</h1><p class="byline">By Jane Roe, 18 November 2025</p>` + enBody,
			want: "2025-11-18",
		},
		{
			name: "Hindi date in a long photo caption is not the byline",
			lang: "hi",
			page: `<article><h1>बारिश से शहर की सड़कें डूबीं</h1>` + hiCaption + `<p>18 नवंबर 2025</p>` + hiBody + `</article>`,
			want: "2025-11-18",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := `<!doctype html><html lang="` + tc.lang + `"><head><meta charset="utf-8"><title>x</title></head><body>` + tc.page + `</body></html>`
			got := publishedDay(t, page, "https://gazette.example/local/river-road")
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestHTMLHeadlineH1(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"plain headline", `<h1>सड़क फिर खुली</h1>`, "सड़क फिर खुली"},
		{"logo class", `<h1 class="logo">नगर समाचार</h1><h1>सड़क फिर खुली</h1>`, "सड़क फिर खुली"},
		{"logo link class", `<h1><a class="navbar-brand" href="/x">नगर समाचार</a></h1><h1>सड़क फिर खुली</h1>`, "सड़क फिर खुली"},
		{"image only", `<h1><a href="/"><img src="/l.png" alt="नगर"></a></h1><h1>सड़क फिर खुली</h1>`, "सड़क फिर खुली"},
		{"link home", `<h1><a href="/">नगर समाचार</a></h1><h1>सड़क फिर खुली</h1>`, "सड़क फिर खुली"},
		{"absolute link home", `<h1><a href="https://nagar.example/">नगर समाचार</a></h1><h1>सड़क फिर खुली</h1>`, "सड़क फिर खुली"},
		{"headline linking to itself", `<h1><a href="/local/road-opens">सड़क फिर खुली</a></h1>`, "सड़क फिर खुली"},
		{"headline with a home link inside", `<h1><a href="/">नगर</a>: सड़क फिर खुली</h1>`, "नगर: सड़क फिर खुली"},
		{"only a logo", `<h1 class="brand">नगर समाचार</h1>`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := headlineH1Of(t, `<html><body>`+tc.page+`</body></html>`); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestHTMLVisibleDatesProse checks which dates count as written in running
// text: deep inside a long caption or sentence, not in a short byline nor
// at the start of a long paragraph (a dateline).
func TestHTMLVisibleDatesProse(t *testing.T) {
	long := strings.Repeat("नगर निगम के कर्मचारी पुराने पुल के पास जमा पानी निकालते रहे, ", 4)
	page := `<html><body><h1>सड़क फिर खुली</h1>` +
		`<p>अपडेटेड Thu, 16 Apr 2020 09:52 PM IST</p>` +
		`<div>` + long + `15 अप्रैल 2020 को बारिश हुई।</div>` +
		`<p>14 अप्रैल 2020: ` + long + `</p></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range htmlVisibleDates(doc) {
		got = append(got, fmt.Sprintf("%s prose=%v", v.Time.Format(time.DateOnly), v.Prose))
	}
	want := []string{"2020-04-16 prose=false", "2020-04-15 prose=true", "2020-04-14 prose=false"}
	if strings.Join(got, ";") != strings.Join(want, ";") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// headlineH1Of returns the text of the headline <h1> htmlHeadlineH1 picks
// in page, or "".
func headlineH1Of(t *testing.T, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if h := htmlHeadlineH1(doc); h != nil {
		return htmlText(h)
	}
	return ""
}
