package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/news"
	"golang.org/x/net/html"
)

// TestHTMLDropTailFurniture checks the trailing-furniture rule on
// bodies: what goes, what stays, and that captions are passed over.
func TestHTMLDropTailFurniture(t *testing.T) {
	para := func(s string) news.Block { return news.Block{Kind: news.Paragraph, Text: s} }
	caption := func(s string) news.Block { return news.Block{Kind: news.Caption, Text: s} }
	story := para("जिला प्रशासन ने गुरुवार को बताया कि नहर की मरम्मत का काम अगले सोमवार से शुरू होगा और दो महीने चलेगा।")
	tests := []struct {
		name string
		body []news.Block
		want []string // the texts kept, in order
	}{
		{"hindi call for comments", []news.Block{story, para("इस खबर पर आप अपनी राय कमेंट बॉक्स में लिख सकते हैं।")}, []string{story.Text}},
		{"letters to the editor", []news.Block{story, para("We would like to hear from you. Send a letter to the editor about this story.")}, []string{story.Text}},
		{"contributor line", []news.Block{story, para("Additional reporting by Meera Joshi; editing by Arun Rao")}, []string{story.Text}},
		{"contact line", []news.Block{story, para("Pressestelle, Tel. 030 1234 5678")}, []string{story.Text}},
		{"closing colon line stays", []news.Block{story, para("Watch the minister's statement:")}, []string{story.Text, "Watch the minister's statement:"}},
		{"hindi contact line", []news.Block{story, para("संपर्क के लिए फोन: 0141-2345678")}, []string{story.Text}},
		{"labelled links", []news.Block{story, para("Listen: https://podcast.example/ep12 Download: https://podcast.example/ep12.mp3")}, []string{story.Text}},
		{"affiliate note", []news.Block{story, para("This page contains affiliate links; we may earn a commission on purchases.")}, []string{story.Text}},
		{"caption passed over", []news.Block{story, para("Sign up for our newsletter to get the morning briefing."), caption("नहर का पुराना पुल")}, []string{story.Text, "नहर का पुराना पुल"}},
		{"ordinary ending stays", []news.Block{story, para("काम पूरा होने के बाद किसानों को सिंचाई के लिए पूरा पानी मिलेगा।")}, []string{story.Text, "काम पूरा होने के बाद किसानों को सिंचाई के लिए पूरा पानी मिलेगा।"}},
		{"lone link stays", []news.Block{story, para("https://petition.example/save-the-canal")}, []string{story.Text, "https://petition.example/save-the-canal"}},
		{"lone e-mail stays", []news.Block{story, para("reporter@khabar.example")}, []string{story.Text, "reporter@khabar.example"}},
		{"furniture above the story stays", []news.Block{para("Kontakt:"), story}, []string{"Kontakt:", story.Text}},
		{"nothing but furniture is kept", []news.Block{para("Sign up for our newsletter.")}, []string{"Sign up for our newsletter."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var a news.Article
			got := htmlDropTail(tc.body, &a)
			var texts []string
			for _, b := range got {
				texts = append(texts, b.Text)
			}
			if strings.Join(texts, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got %q, want %q", texts, tc.want)
			}
		})
	}
}

// TestHTMLFurnitureLines checks the line rules that htmlDropTail and
// htmlBodyFilter use: credits with a copyright sign, the page's own
// address, labelled links, contact lines and affiliate notes.
func TestHTMLFurnitureLines(t *testing.T) {
	const page = "https://www.khabar.example/desh/nahar-marammat-12345"
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"sign credit", htmlSignCredit("© राजेश मालवीय/नमूना एजेंसी"), true},
		{"label credit", htmlSignCredit("Copyright: Jane Doe"), true},
		{"circled c credit", htmlSignCredit("ⓒ 나무 뉴스"), true},
		{"footer sentence is not a credit", htmlSignCredit("© The rules on copying these photos are long and were changed by the court last year"), false},
		{"plain line is not a credit", htmlSignCredit("नहर की मरम्मत शुरू"), false},
		{"own link", htmlOwnLink("http://khabar.example/desh/nahar-marammat-12345/", page), true},
		{"other link", htmlOwnLink("https://www.khabar.example/desh/other-story", page), false},
		{"labelled links", htmlLinkLine("More from the desk: https://khabar.example/desh", htmlMaxLinkLineWords), true},
		{"sentence with a link", htmlLinkLine("The full report of the irrigation department is on https://irrigation.example/report for all to read", htmlMaxLinkLineWords), false},
		{"bare link", htmlLinkLine("https://irrigation.example/report", htmlMaxLinkLineWords), false},
		{"contact with label", htmlContactLine("E-Mail: desk@khabar.example"), true},
		{"phone with label", htmlContactLine("फोन: 0141 234 5678"), true},
		{"number without label", htmlContactLine("The canal carries 1500000 litres a day"), false},
		{"long sentence with a phone", htmlContactLine("Weitere Auskünfte gibt die Stadtverwaltung in der Leitstelle für Senioren montags bis freitags unter Tel. 02382 59743 gern."), false},
		{"affiliate note", htmlDisclosure("Anzeige, enthält Affiliate-Links"), true},
		{"no affiliate note", htmlDisclosure("किसानों को सिंचाई का पानी मिलेगा"), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
}

// TestHTMLCutSignCredit checks that a closing credit written with a
// copyright sign comes off a short caption-like block and nothing else.
func TestHTMLCutSignCredit(t *testing.T) {
	tests := []struct {
		in, before, credit string
		ok                 bool
	}{
		{"नहर के किनारे काम करते मजदूर। © नमूना एजेंसी", "नहर के किनारे काम करते मजदूर।", "© नमूना एजेंसी", true},
		{"Der Kanal im Winter. © AFP / Jane Doe", "Der Kanal im Winter.", "© AFP / Jane Doe", true},
		{"© नमूना एजेंसी", "© नमूना एजेंसी", "", false},
		{"नहर की मरम्मत का काम अगले सोमवार से शुरू होगा।", "नहर की मरम्मत का काम अगले सोमवार से शुरू होगा।", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			before, credit, ok := htmlCutSignCredit(tc.in)
			if before != tc.before || credit != tc.credit || ok != tc.ok {
				t.Errorf("got %q, %q, %v, want %q, %q, %v", before, credit, ok, tc.before, tc.credit, tc.ok)
			}
		})
	}
}

// TestReadingTime checks the reading-time line rule shared by HTML and
// scraped text.
func TestReadingTime(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"2 मिनट में पढ़ें", true},
		{"पढ़ने का समय: 3 मिनट", true},
		{"Lesezeit: 4 Min.", true},
		{"5 min read", true},
		{"Tempo de leitura: 1 minuto", true},
		{"मैच के 5 मिनट बाद पहला गोल हुआ", false},
		{"He read for 10 minutes before the meeting started today", false},
		{"Reading time", false},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			if got := readingTime(tc.line); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
			if got := isBoilerplate(tc.line); got != tc.want {
				t.Errorf("isBoilerplate: got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestHTMLSectionHead checks section heads matched whole and by their
// opening words.
func TestHTMLSectionHead(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"संबंधित खबरें", true},
		{"और खबरें: राजस्थान", true},
		{"Entdecke weitere Reportagen", true},
		{"Most read in world news", true},
		{"Lesen Sie auch die folgenden Beiträge:", true},
		{"More from the hearing on the canal budget was expected on Tuesday", false},
		{"नहर की मरम्मत", false},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			if got := htmlSectionHead(tc.line); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestHTMLCutComments checks that a comment section's head cuts the rest
// of the text only in the second half of it.
func TestHTMLCutComments(t *testing.T) {
	long := htmlRawBlock{kind: news.Paragraph, text: strings.Repeat("नहर की मरम्मत का काम अगले सोमवार से शुरू होगा। ", 4)}
	p := func(s string) htmlRawBlock { return htmlRawBlock{kind: news.Paragraph, text: s} }
	tests := []struct {
		name string
		raw  []htmlRawBlock
		keep int
	}{
		{"counted comments after the story", []htmlRawBlock{long, long, p("3 टिप्पणियां"), p("रमेश: बहुत अच्छा काम"), p("सीमा: कब तक पूरा होगा?")}, 2},
		{"comment form after the story", []htmlRawBlock{long, long, p("Leave a Reply"), p("Your email address will not be published.")}, 2},
		{"comment button by the headline", []htmlRawBlock{p("12 Kommentare"), long, long}, 3},
		{"paywall notice after the story", []htmlRawBlock{long, long, p("पूरी खबर पढ़ने के लिए सब्सक्राइब करें।"), p("पहला महीना सिर्फ 1 रुपये में"), long}, 2},
		{"paywall notice on a teaser page", []htmlRawBlock{p("To continue reading, subscribe now."), long}, 2},
		{"a sentence is no paywall", []htmlRawBlock{long, long, p("Farmers will have to continue reading the meters every week."), long}, 4},
		{"no comments", []htmlRawBlock{long, long}, 2},
		{"opinion label is no comment section", []htmlRawBlock{long, long, p("Kommentar"), long}, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, cut := htmlCutComments(tc.raw)
			if len(got) != tc.keep || len(got)+len(cut) != len(tc.raw) {
				t.Errorf("got %d blocks kept and %d cut, want %d kept of %d", len(got), len(cut), tc.keep, len(tc.raw))
			}
		})
	}
}

// TestFromHTMLTailFurniture runs a whole Hindi page: a reading-time line,
// a photo credit with a copyright sign and a comment section must not
// reach the body.
func TestFromHTMLTailFurniture(t *testing.T) {
	inner := `<p>2 मिनट में पढ़ें</p>` + htmlLongPara +
		`<p>नहर के किनारे खड़े किसानों ने कहा कि पिछले साल पानी देर से पहुंचा था और इस बार वे समय पर काम चाहते हैं।</p>` +
		`<p>© राजेश मालवीय/नमूना एजेंसी</p>` + htmlLongPara +
		`<p>अधिकारियों ने कहा कि काम की रोज़ निगरानी होगी और हर हफ्ते रिपोर्ट जारी की जाएगी।</p>` +
		`<h3>2 टिप्पणियां</h3><p>रमेश: यह काम बहुत पहले हो जाना चाहिए था, देर से ही सही।</p>`
	a, err := FromHTML(context.Background(), []byte(htmlArticlePage("नहर की मरम्मत सोमवार से", inner)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	body := a.BodyText()
	for _, want := range []string{"नहर के किनारे खड़े किसानों", "हर हफ्ते रिपोर्ट जारी"} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	for _, bad := range []string{"मिनट में पढ़ें", "राजेश मालवीय", "टिप्पणियां", "देर से ही सही"} {
		if strings.Contains(body, bad) {
			t.Errorf("body holds %q:\n%s", bad, body)
		}
	}
}

// TestHTMLDropLinkTail checks that a run of blocks that were links on the
// page goes when it closes the body, with the furniture after it, and
// stays when it is a single link or sits above the text.
func TestHTMLDropLinkTail(t *testing.T) {
	page := `<div><p>नहर की मरम्मत का काम अगले सोमवार से शुरू होगा और <a href="/x">विभाग</a> ने ठेका दे दिया है।</p>
<table><tr><td><a href="/a">अजमेर में नई सड़क का उद्घाटन</a></td></tr><tr><td><a href="/b">कोटा में कोचिंग के नए नियम लागू</a></td></tr></table>
<p><a href="/c">उदयपुर की झीलों में पानी बढ़ा</a></p></div>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	keys := htmlLinkOnlyKeys(doc)
	para := func(s string) news.Block { return news.Block{Kind: news.Paragraph, Text: s} }
	story := para("नहर की मरम्मत का काम अगले सोमवार से शुरू होगा और विभाग ने ठेका दे दिया है।")
	l1, l2, l3 := para("अजमेर में नई सड़क का उद्घाटन"), para("कोटा में कोचिंग के नए नियम लागू"), para("उदयपुर की झीलों में पानी बढ़ा")
	follow := para("Follow us on Twitter for more city news.")
	tests := []struct {
		name string
		body []news.Block
		want int
	}{
		{"closing list", []news.Block{story, l1, l2, l3}, 1},
		{"closing list before furniture", []news.Block{story, l1, l2, follow}, 1},
		{"one closing link stays", []news.Block{story, l3}, 2},
		{"list above the text stays", []news.Block{l1, l2, story}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var a news.Article
			if got := htmlDropLinkTail(tc.body, keys, &a); len(got) != tc.want {
				t.Errorf("got %d blocks, want %d: %q", len(got), tc.want, got)
			}
		})
	}
	if keys[lineKey(story.Text)] {
		t.Errorf("the story paragraph was taken for a link item")
	}
}

// TestHTMLMoreLineRules checks the rules for pointer lines, filing data,
// datelines, source lines at the end and widget labels.
func TestHTMLMoreLineRules(t *testing.T) {
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"arrow teaser", htmlTeaserLine(">> Jaipur: Neue Buslinie ab Montag <<"), true},
		{"guillemet teaser", htmlTeaserLine("À lire aussi » Les canaux du Rajasthan"), true},
		{"mira teaser", htmlTeaserLine("MIRA: Nueva ruta de autobús en Jaipur"), true},
		{"hindi video pointer", htmlTeaserLine("देखें वीडियो: नहर की मरम्मत शुरू"), true},
		{"sentence is no teaser", htmlTeaserLine("Mira said the canal would be ready in two months."), false},
		{"category line", htmlMetaLine("News date : 04/21/2022 Category : Press Releases"), true},
		{"hindi category line", htmlMetaLine("श्रेणी: राजस्थान | 12 जून 2025"), true},
		{"category in a sentence", htmlMetaLine("The notes are filed under Kategorie:Protokoll in the wiki."), false},
		{"last modified", htmlDateline("Letzte Änderung 14.02.2019"), true},
		{"hindi updated", htmlDateline("अपडेटेड: 12 जून 2025, 10:30 AM"), true},
		{"long source line at the end", htmlTailLine("Quelle: Deutscher Jagdverband (DJV), 02. Februar 2022, Berlin"), true},
		{"long source line elsewhere", htmlCreditLine("Quelle: Deutscher Jagdverband (DJV), 02. Februar 2022, Berlin"), false},
		{"post image credit", htmlCreditLine("Beitragsbild: Titelseite vom 2.4.2019"), true},
		{"table of contents", htmlSectionHead("Inhaltsverzeichnis"), true},
		{"hindi table of contents", htmlSectionHead("विषय सूची"), true},
		{"widget label", isBoilerplate("Externer Inhalt"), true},
		{"text credit", htmlCreditLine("Text: / khabar.example"), true},
		{"embed consent placeholder", htmlConsentLine("Please accept YouTube cookies to play this video."), true},
		{"hindi cookie notice", htmlConsentLine("यह वेबसाइट कुकीज़ का उपयोग करती है। जारी रखने के लिए सहमति दें।"), true},
		{"story about cookies", htmlConsentLine("बेकरी ने दिवाली के लिए नई कुकीज़ बनाईं।"), false},
		{"spanish follow prompt at the end", htmlTailLine("Síguenos en Telegram, Instagram y Facebook para recibir las noticias del día."), true},
		{"click prompt at the end", htmlTailLine("Das Heft jetzt digital! Einfach hier klicken und registrieren."), true},
		{"hindi widget label", isBoilerplate("फोटो देखें"), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
}
