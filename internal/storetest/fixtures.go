package storetest

import (
	"fmt"
	"time"

	"github.com/khabar-news/khabar/internal/news"
)

// ist is India Standard Time as a fixed zone, as a date parser produces it.
var ist = time.FixedZone("IST", 5*3600+30*60)

// Hindi sentences written for these tests. They carry the marks a store must
// keep byte for byte: matras, virama, nukta (both precomposed and combining),
// chandrabindu, anusvara, visarga, Devanagari digits, ZWJ and ZWNJ.
var (
	headlines = []string{
		"दिल्ली में बारिश के बाद तापमान गिरा, मौसम विभाग ने दी चेतावनी",
		"जयपुर के किसानों ने कहा: इस बार गेहूँ की फ़सल अच्छी रही",
		"क्रिकेट: युवा खिलाड़ियों को अभ्यास सत्र में मिला मौक़ा",
		"पटना में नई पुस्तकालय इमारत का उद्घाटन, छात्रों में उत्साह",
		"वाराणसी के घाटों पर सफ़ाई अभियान दुबारा शुरू हुआ",
	}
	paragraphs = []string{
		"नई दिल्ली में बुधवार सुबह तेज़ हवाओं के साथ हल्की बारिश हुई, जिससे दिन का तापमान पाँच डिग्री तक नीचे आ गया।",
		"मौसम विभाग के एक अधिकारी ने बताया कि अगले दो दिनों तक आसमान में बादल छाए रहेंगे और कहीं-कहीं बूँदाबाँदी हो सकती है।",
		"गाँव के बुज़ुर्ग किसान रामप्रसाद ने कहा, \"पिछले साल पाला पड़ने से नुक़सान हुआ था, पर इस बार खेत हरे-भरे हैं।\"",
		"ज़िला प्रशासन ने बताया कि १२ नए केंद्रों पर अनाज की ख़रीद अगले सोमवार से शुरू होगी।",
		"प्रशिक्षक ने कहा कि टीम का ध्यान अब फ़िटनेस और क्षेत्ररक्षण पर रहेगा; अंतिम चयन महीने के अंत तक होगा।",
		"पुस्तकालय में दस हज़ार से अधिक किताबें हैं और शाम को पढ़ने के लिए अलग कक्ष भी बनाया गया है।",
		"स्वयंसेवकों ने सुबह छः बजे से घाट की सीढ़ियाँ धोईं; नगर निगम ने कचरा उठाने के लिए अतिरिक्त गाड़ियाँ भेजीं।",
		"अधिकारियों के अनुसार यह अभियान दुःख की बात नहीं, बल्कि शहर के गर्व का विषय बनना चाहिए।",
	}
	sources  = []string{"dainik-udaharan", "samachar-seva", "khabar-test"}
	sections = []string{"देश", "खेल", "शहर", "मौसम"}
)

// Article returns a deterministic Hindi test article for n: the same n always
// gives the same content and the ID "st-<n>", and different n give different
// content. Published is in IST; every other optional field is set too.
func Article(n int) *news.Article {
	h := headlines[n%len(headlines)]
	p1 := paragraphs[n%len(paragraphs)]
	p2 := paragraphs[(n+3)%len(paragraphs)]
	pub := time.Date(2024, time.March, 1, 9, 30, 0, 0, ist).Add(time.Duration(n) * time.Hour)
	return &news.Article{
		ID:         fmt.Sprintf("st-%d", n),
		URL:        fmt.Sprintf("https://samachar.example/desh/%d", n),
		Source:     sources[n%len(sources)],
		Language:   "hi",
		Headline:   fmt.Sprintf("%s (%d)", h, n),
		Standfirst: "संक्षेप में: " + p1,
		Authors:    []string{"संवाददाता सीमा वर्मा"},
		Published:  pub,
		Section:    sections[n%len(sections)],
		Tags:       []string{"हिंदी", fmt.Sprintf("अंक-%d", n%7)},
		Body: []news.Block{
			{Kind: news.Paragraph, Text: p1},
			{Kind: news.Paragraph, Text: fmt.Sprintf("%s (क्रमांक %d)", p2, n)},
		},
	}
}

// fullArticle sets every field of news.Article, including both times in
// different zones, every block kind, links with and without URLs, and words
// written with ZWJ, ZWNJ and combining nukta.
func fullArticle(id string) *news.Article {
	return &news.Article{
		ID:         id,
		URL:        "https://samachar.example/rajya/2024/03/15/barish-chetavani",
		Source:     "samachar-seva",
		Language:   "hi",
		Headline:   "मौसम: उत्तर भारत में अगले ४८ घंटे भारी बारिश की आशंका",
		Kicker:     "मौसम अपडेट",
		Standfirst: "पहाड़ी राज्यों में भू-स्खलन का ख़तरा; प्रशासन ने स्कूल बंद रखने को कहा।",
		Authors:    []string{"सीमा वर्मा", "अ. \u0958ुरैशी"}, // precomposed क़ (U+0958)
		Published:  time.Date(2024, time.March, 15, 10, 30, 0, 0, ist),
		Updated:    time.Date(2024, time.March, 15, 7, 45, 12, 500_000_000, time.UTC),
		Section:    "देश",
		Tags:       []string{"मौसम", "बारिश", "उत्तराखंड"},
		Body: []news.Block{
			{Kind: news.Paragraph, Text: "मौसम विभाग ने बताया कि पश्चिमी विक्षोभ के कारण उत्तराखंड और हिमाचल में भारी वर्षा हो सकती है।"},
			{Kind: news.Heading, Text: "क्या करें, क्या न करें"},
			// "क्\u200dष" keeps a ZWJ, "क्\u200cष" a ZWNJ; "फ़" is फ + combining nukta.
			{Kind: news.Paragraph, Text: "लोगों से अनुरोध है कि नदी-नालों से दूर रहें। रक्\u200dषा दल और सुरक्\u200cषा बल तैनात हैं; फ\u093cसल बचाने के उपाय बताए गए।"},
			{Kind: news.Caption, Text: "देहरादून में बादल (फ़ाइल फ़ोटो)"},
			{Kind: news.Paragraph, Text: "In English: schools will stay shut on Friday.", Language: "en"},
		},
		Related: []news.Link{
			{Title: "पिछले साल की बाढ़ से क्या सीखा गया", URL: "https://samachar.example/baadh-seekh"},
			{Title: "यह भी पढ़ें: पहाड़ों में यात्रा से पहले ध्यान रखें"},
		},
		Warnings: []string{"byline guessed from text"},
		Removed:  []string{"यह भी पढ़ें", "विज्ञापन"},
	}
}
