package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/news"
)

// htmlArticlePage wraps body paragraphs in a page long enough for the
// main-text extractor to take the article element.
func htmlArticlePage(headline, inner string) string {
	return `<!doctype html><html lang="hi"><head><title>` + headline + `</title></head><body>
<nav><a href="/">होम</a> <a href="/desh">देश</a></nav>
<article><h1>` + headline + `</h1>` + inner + `</article>
<footer>© 2026 नमूना समाचार</footer></body></html>`
}

// htmlLongPara is an original filler paragraph of plain Hindi prose.
const htmlLongPara = `<p>नगर निगम ने बुधवार को बताया कि शहर के पुराने बाज़ार में नई जल निकासी व्यवस्था का काम अगले महीने से शुरू होगा और इसे बरसात से पहले पूरा करने का लक्ष्य रखा गया है।</p>`

// TestFromHTMLKeepsSpacesAcrossInlineElements checks that words on both
// sides of an inline element, or of a <br>, stay apart: the main-text
// extractor trims the white space at the ends of text runs.
func TestFromHTMLKeepsSpacesAcrossInlineElements(t *testing.T) {
	tests := []struct {
		name, inner string
		want        []string
	}{
		{"bold in a paragraph", `<p>महापौर ने <b>कहा</b> कि काम समय पर पूरा होगा और ठेकेदार पर नज़र रखी जाएगी।</p>`,
			[]string{"महापौर ने कहा कि काम"}},
		{"bold in a list item", `<ul><li>पहला चरण <strong>नाले की सफ़ाई</strong> से शुरू होगा और दो हफ़्ते चलेगा।</li><li>दूसरे चरण में <em>नई पाइप</em> डाली जाएगी।</li></ul>`,
			[]string{"नाले की सफ़ाई से शुरू", "में नई पाइप डाली"}},
		{"link in a list item", `<ul><li>विस्तृत योजना <a href="/yojana">यहाँ</a> देखी जा सकती है, नगर निगम की वेबसाइट पर।</li></ul>`,
			[]string{"योजना यहाँ देखी"}},
		{"line break between words", `<p><strong>वार्ड 4:</strong> गांधी चौक, स्टेशन रोड<br><strong>वार्ड 7:</strong> नई बस्ती, तालाब रोड</p>`,
			[]string{"स्टेशन रोड वार्ड 7"}},
		{"quote", `<blockquote>यह <b>काम</b> ज़रूरी है, शहर के लिए।</blockquote>`,
			[]string{"यह काम ज़रूरी है"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := htmlArticlePage("पुराने बाज़ार में नई जल निकासी", htmlLongPara+tc.inner+htmlLongPara)
			a, err := FromHTML(context.Background(), []byte(page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			body := a.BodyText()
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %q:\n%s", w, body)
				}
			}
			if strings.ContainsRune(body, htmlSpaceMark) {
				t.Errorf("body keeps the private space mark: %q", body)
			}
		})
	}
}

// TestFromHTMLSpaceMarkInPageIsRemoved checks that a page that itself
// contains the private-use space mark does not get spaces from it.
func TestFromHTMLSpaceMarkInPageIsRemoved(t *testing.T) {
	page := htmlArticlePage("जल निकासी", htmlLongPara+"<p>दो\ue001शब्द जुड़े रहें, यह वाक्य भी काफ़ी लंबा है ताकि गिना जाए।</p>"+htmlLongPara)
	a, err := FromHTML(context.Background(), []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if body := a.BodyText(); !strings.Contains(body, "दोशब्द") {
		t.Errorf("got body %q, want it to hold %q", body, "दोशब्द")
	}
}

// TestHTMLBodyFilterTeasers checks the rules for boxes of other stories:
// a section head and the short teasers under it in the second half of
// the text, labelled teaser lines, and runs of bare headlines.
func TestHTMLBodyFilterTeasers(t *testing.T) {
	long := strings.Repeat("The council said the new drains would be finished before the rains. ", 4)
	p := func(s string) htmlRawBlock { return htmlRawBlock{kind: news.Paragraph, text: s} }
	h := func(s string) htmlRawBlock { return htmlRawBlock{kind: news.Heading, text: s} }
	tests := []struct {
		name string
		raw  []htmlRawBlock
		want []string
	}{
		{"section head at the end takes its teasers",
			[]htmlRawBlock{p(long), p(long), h("Related Articles"), p("Bridge repairs to start in May"), p("Market hours change for Diwali")},
			[]string{long, long}},
		{"long paragraph after the head is kept",
			[]htmlRawBlock{p(long), p(long), h("Neueste Artikel"), p("Kurz gemeldet"), p(long + "Again.")},
			[]string{long, long, long + "Again."}},
		{"head high up drops only itself",
			[]htmlRawBlock{h("Most read"), p("Short line kept"), p(long), p(long)},
			[]string{"Short line kept", long, long}},
		{"labelled teaser line",
			[]htmlRawBlock{p(long), p("Lea también: Otra noticia del día"), p(long + "x")},
			[]string{long, long + "x"}},
		{"run of bare headlines",
			[]htmlRawBlock{p(long), p(long), p("Die Redaktion empfiehlt"), h("First other story"), h("Second other story"), h("Third other story")},
			[]string{long, long}},
		{"two headings in a row are sections",
			[]htmlRawBlock{p(long), h("Background"), h("History"), p(long + "y")},
			[]string{long, "Background", "History", long + "y"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &news.Article{}
			var got []string
			for _, b := range htmlBodyFilter(tc.raw, "", nil, a) {
				got = append(got, b.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFromHTMLEmbeddedPostsAndHiddenText checks that an embedded tweet's
// text stays in the body although its wrapper is named "social", and that
// text hidden by markup does not get in.
func TestFromHTMLEmbeddedPostsAndHiddenText(t *testing.T) {
	inner := htmlLongPara +
		`<div class="social-embed"><blockquote class="twitter-tweet"><p>निगम का यह फ़ैसला स्वागत योग्य है, अब बाज़ार में पानी नहीं भरेगा।</p>— एक नागरिक (@nagrik) 3 जून 2026</blockquote></div>` +
		`<p>स्थानीय व्यापारियों ने भी योजना का समर्थन किया <span style="display: none">छिपा हुआ पाठ</span>और सहयोग का भरोसा दिया।</p>` +
		`<div hidden><p>यह अनुच्छेद पाठकों को नहीं दिखता और लेख में नहीं आना चाहिए।</p></div>` + htmlLongPara
	a, err := FromHTML(context.Background(), []byte(htmlArticlePage("पुराने बाज़ार में नई जल निकासी", inner)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	body := a.BodyText()
	if !strings.Contains(body, "निगम का यह फ़ैसला स्वागत योग्य है") {
		t.Errorf("body lacks the embedded post:\n%s", body)
	}
	for _, hidden := range []string{"छिपा हुआ पाठ", "पाठकों को नहीं दिखता"} {
		if strings.Contains(body, hidden) {
			t.Errorf("body holds hidden text %q:\n%s", hidden, body)
		}
	}
}

// TestMetaCleanTitleKnownInside checks that a known headline standing
// inside a page title with a kicker or a site name is taken whole.
func TestMetaCleanTitleKnownInside(t *testing.T) {
	tests := []struct {
		title, h1, want string
	}{
		{"Chronik: Lotte sagt Tschüss", "Lotte sagt Tschüss", "Lotte sagt Tschüss"},
		{"नगर निगम का फ़ैसला : नमूना समाचार", "नगर निगम का फ़ैसला", "नगर निगम का फ़ैसला"},
		{"Muffin Grundrezept : Muffin Rezepte", "", "Muffin Grundrezept"},
		{"Short", "Short", "Short"},
		// The h1 is too small a part of the title to stand for it.
		{"Flood warning for three districts as rivers rise after heavy rain", "rivers rise", "Flood warning for three districts as rivers rise after heavy rain"},
	}
	for _, tc := range tests {
		t.Run(tc.title, func(t *testing.T) {
			if got := metaCleanTitle(tc.title, []string{"Muffin Rezepte"}, tc.h1); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestHTMLLineRules checks the HTML-only line rules for credits, bylines
// naming the author, datelines and labelled teasers.
func TestHTMLLineRules(t *testing.T) {
	authors := []string{"Jane Doe"}
	tests := []struct {
		line string
		want bool
	}{
		{"Foto: Rajesh Malviya", true},
		{"फोटो: सोशल मीडिया", true},
		{"SOURCE: News agencies", true},
		{"Quelle: Deutscher Jagdverband (DJV)", true},
		{"Source: the council's own budget papers show that spending on drains doubled in two years", false},
		{"By JANE DOE", true},
		{"By the river, the market opened at dawn", false},
		{"Updated at 1:23 p.m.", true},
		{"Updated rules apply from today", false},
		{"READ MORE: Bridge repairs to start in May", true},
		{"Lea también: Otra noticia del día", true},
		{"More than 40 shops were shut on Monday", false},
		{"नगर निगम ने बुधवार को बताया कि काम अगले महीने से शुरू होगा।", false},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			got := htmlCreditLine(tc.line) || htmlBylineOf(tc.line, authors) || htmlDateline(tc.line) || htmlTeaserLine(tc.line)
			if got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestFromHTMLSubheadsAndHoverCards checks that a subheading written as a
// classed <div> stays in the body as a heading, and that a hover card
// after a name inside a paragraph does not get into the text.
func TestFromHTMLSubheadsAndHoverCards(t *testing.T) {
	inner := htmlLongPara +
		`<div class="story-subheadline">काम कब पूरा होगा?</div>` + htmlLongPara +
		`<p>इस बारे में महापौर <span class="rollover"><a href="/log/mahapaur">सुनीता वर्मा</a><span class="rollover-block"><a href="/a">उनकी पिछली पाँच ख़बरें यहाँ पढ़ें</a></span></span> ने विस्तार से जानकारी दी और कहा कि काम समय पर होगा।</p>` + htmlLongPara
	a, err := FromHTML(context.Background(), []byte(htmlArticlePage("पुराने बाज़ार में नई जल निकासी", inner)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var heading bool
	for _, b := range a.Body {
		if b.Kind == news.Heading && b.Text == "काम कब पूरा होगा?" {
			heading = true
		}
	}
	if !heading {
		t.Errorf("no heading %q in %+v", "काम कब पूरा होगा?", a.Body)
	}
	body := a.BodyText()
	if !strings.Contains(body, "महापौर सुनीता वर्मा ने विस्तार") {
		t.Errorf("body lacks the name in its sentence:\n%s", body)
	}
	if strings.Contains(body, "पिछली पाँच ख़बरें") {
		t.Errorf("body holds the hover card:\n%s", body)
	}
}

func TestHTMLDropTail(t *testing.T) {
	para := func(s string) news.Block { return news.Block{Kind: news.Paragraph, Text: s} }
	story := "नगर निगम ने बुधवार को शहर की तीन सड़कों की मरम्मत का काम शुरू किया।"
	tests := []struct {
		name string
		body []news.Block
		want int
	}{
		{"tip call at the end", []news.Block{para(story), para("Have a tip? The reporter may be reached at desk@example.org.")}, 1},
		{"offer at the end", []news.Block{para(story), para("Get the weekly paper delivered to your inbox for as little as 1 a month.")}, 1},
		{"offer above the text stays", []news.Block{para("Subscribe to our newsletter for more."), para(story)}, 2},
		{"ordinary ending stays", []news.Block{para(story), para("सड़कों का काम अगले महीने पूरा होगा।")}, 2},
		{"all offers keep the body", []news.Block{para("Sign up for alerts.")}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a news.Article
			got := htmlDropTail(tt.body, &a)
			if len(got) != tt.want {
				t.Errorf("got %d blocks, want %d", len(got), tt.want)
			}
		})
	}
}

func TestHTMLEndsWithPrice(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Get it on Amazon for $39.99", true},
		{"Buy it at the store for 649.99", true},
		{"किताब यहां से खरीदें ₹499", true},
		{"Emirates to get 30 jets for US$8.8 billion", false},
		{"Version 7.135 released", false},
		{"$20", false},
		{"सरकार ने 12.5 करोड़ रुपये दिए", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := htmlEndsWithPrice(tt.in); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFromHTMLKeepsOfferLinks(t *testing.T) {
	inner := htmlLongPara + `<ul><li><a href="https://shop.example/x">इसे यहां से खरीदें ₹499</a></li></ul>` + htmlLongPara
	a, err := FromHTML(context.Background(), []byte(htmlArticlePage("नई किताब बाजार में आई", inner)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := a.BodyText(); !strings.Contains(got, "इसे यहां से खरीदें ₹499") {
		t.Errorf("got %q, want the offer line kept", got)
	}
}
