package indextest

import (
	"time"

	"github.com/khabar-news/khabar/internal/news"
)

// IST is India Standard Time, UTC+05:30.
var IST = time.FixedZone("IST", 5*3600+1800)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, IST)
	if err != nil {
		panic("indextest: bad fixture time " + s)
	}
	return t
}

func para(s string) news.Block { return news.Block{Kind: news.Paragraph, Text: s} }

// Articles returns a fresh copy of a small set of short news articles,
// written for khabar's tests (the text is original). The IDs are "a01" to
// "a13". What each is for:
//
//   - a01: "एस. जयशंकर … व्लादिमीर पुतिन … मुलाकात" in the body;
//   - a02: contains "मेले को तो" and no "मुलाकात";
//   - a03: "18" in ASCII digits;
//   - a04: "प्रदूषण" in the headline and the phrase "प्रदूषण नियंत्रण";
//   - a05: "प्रदूषण" and "नियंत्रण" in the body, not adjacent;
//   - a06: "बाढ़" in the headline only; a07: "बाढ़" in the body only;
//   - a08: Marathi (lang mr);
//   - a09: "मतदान", never together with "बाढ़";
//   - a10, a11: "भूकंप", published 45 minutes apart around IST midnight of
//     10/11 March 2024 (both on 10 March in UTC);
//   - a12: "रूस" with "कच्चे तेल";
//   - a13: English (lang en).
func Articles() []*news.Article {
	return []*news.Article{
		{
			ID: "a01", URL: "https://example.org/bbc/a01", Source: "bbc-hindi", Language: "hi",
			Headline:   "भारत-रूस वार्ता: ऊर्जा और व्यापार पर चर्चा",
			Standfirst: "दोनों देशों ने सहयोग बढ़ाने की बात दोहराई।",
			Published:  at("2024-03-12 10:00"),
			Body: []news.Block{
				para("विदेश मंत्री एस. जयशंकर ने मंगलवार को मॉस्को में रूसी राष्ट्रपति व्लादिमीर पुतिन से मुलाकात की।"),
				para("दोनों नेताओं ने ऊर्जा सहयोग और आपसी व्यापार बढ़ाने पर लंबी बातचीत की।"),
			},
			Tags: []string{"विदेश नीति"},
		},
		{
			ID: "a02", URL: "https://example.org/au/a02", Source: "amar-ujala", Language: "hi",
			Headline:  "संगम तट पर मेले में उमड़ी भीड़",
			Published: at("2024-02-10 08:30"),
			Body: []news.Block{
				para("प्रयागराज के मेले को तो इस बार रिकॉर्ड संख्या में श्रद्धालु देखने पहुंचे।"),
				para("प्रशासन ने सुरक्षा के लिए अतिरिक्त जवान तैनात किए और घाटों पर नावें लगाईं।"),
			},
		},
		{
			ID: "a03", URL: "https://example.org/dj/a03", Source: "dainik-jagran", Language: "hi",
			Headline:  "रोमांचक मैच में भारत की जीत",
			Published: at("2024-01-21 22:10"),
			Body: []news.Block{
				para("अंतिम ओवर में गेंदबाज ने दो विकेट लिए और भारत ने 18 रन से जीत दर्ज की।"),
				para("कप्तान ने युवा खिलाड़ियों के खेल की तारीफ की।"),
			},
		},
		{
			ID: "a04", URL: "https://example.org/bbc/a04", Source: "bbc-hindi", Language: "hi",
			Headline:   "दिल्ली में वायु प्रदूषण गंभीर स्तर पर",
			Standfirst: "राजधानी की हवा लगातार तीसरे दिन बहुत खराब रही।",
			Published:  at("2023-11-04 09:00"),
			Body: []news.Block{
				para("प्रदूषण नियंत्रण बोर्ड ने निर्माण कार्य पर अस्थायी रोक लगा दी है।"),
				para("स्कूलों में बाहरी गतिविधियां अगले आदेश तक बंद रहेंगी।"),
			},
		},
		{
			ID: "a05", URL: "https://example.org/au/a05", Source: "amar-ujala", Language: "hi",
			Headline:  "किसानों ने पराली के लिए नई योजना मांगी",
			Published: at("2023-10-28 17:45"),
			Body: []news.Block{
				para("पंजाब के किसानों का कहना है कि मशीनें बहुत महंगी हैं।"),
				para("विशेषज्ञ मानते हैं कि पराली से होने वाला प्रदूषण सर्दियों में बढ़ जाता है और इसके नियंत्रण के लिए सरकारी मदद जरूरी है।"),
			},
		},
		{
			ID: "a06", URL: "https://example.org/au/a06", Source: "amar-ujala", Language: "hi",
			Headline:  "असम में बाढ़ से हालात बिगड़े",
			Published: at("2024-07-05 12:00"),
			Body: []news.Block{
				para("ब्रह्मपुत्र नदी का जलस्तर खतरे के निशान से ऊपर पहुंच गया है।"),
				para("राहत शिविरों में हजारों लोग रह रहे हैं और सेना मदद कर रही है।"),
			},
		},
		{
			ID: "a07", URL: "https://example.org/dj/a07", Source: "dainik-jagran", Language: "hi",
			Headline:  "मौसम विभाग ने मानसून का नया अनुमान जारी किया",
			Published: at("2024-06-01 11:00"),
			Body: []news.Block{
				para("विभाग के अनुसार इस साल बारिश सामान्य से अधिक होगी।"),
				para("पूर्वोत्तर के कुछ राज्यों में बाढ़ का खतरा भी बताया गया है।"),
			},
		},
		{
			ID: "a08", URL: "https://example.org/ls/a08", Source: "loksatta", Language: "mr",
			Headline:  "पुण्यात पाणीकपात जाहीर",
			Published: at("2024-05-02 19:00"),
			Body: []news.Block{
				para("महानगरपालिकेने पुढील आठवड्यापासून पाणीकपात करण्याचा निर्णय घेतला आहे."),
			},
		},
		{
			ID: "a09", URL: "https://example.org/bbc/a09", Source: "bbc-hindi", Language: "hi",
			Headline:  "चुनाव आयोग ने मतदान की तारीखें घोषित कीं",
			Published: at("2024-03-16 15:00"),
			Body: []news.Block{
				para("सात चरणों में मतदान होगा और मतगणना जून में होगी।"),
				para("आयोग ने तुरंत प्रभाव से आचार संहिता लागू कर दी है।"),
			},
		},
		{
			ID: "a10", URL: "https://example.org/au/a10", Source: "amar-ujala", Language: "hi",
			Headline:  "देर रात भूकंप के हल्के झटके",
			Published: at("2024-03-10 23:30"),
			Body: []news.Block{
				para("उत्तराखंड के कई जिलों में लोगों ने झटके महसूस किए। किसी नुकसान की सूचना नहीं है।"),
			},
		},
		{
			ID: "a11", URL: "https://example.org/au/a11", Source: "amar-ujala", Language: "hi",
			Headline:  "भूकंप के बाद प्रशासन सतर्क",
			Published: at("2024-03-11 00:15"),
			Body: []news.Block{
				para("जिला प्रशासन ने पुराने भवनों की जांच के आदेश दिए और लोगों से शांत रहने को कहा।"),
			},
		},
		{
			ID: "a12", URL: "https://example.org/dj/a12", Source: "dainik-jagran", Language: "hi",
			Headline:  "रूस से कच्चे तेल का आयात बढ़ा",
			Published: at("2024-02-20 14:00"),
			Body: []news.Block{
				para("भारत ने पिछले महीने रूस से रिकॉर्ड मात्रा में कच्चे तेल की खरीद की।"),
				para("जानकारों के अनुसार इससे पेट्रोल की कीमतें स्थिर रह सकती हैं।"),
			},
		},
		{
			ID: "a13", URL: "https://example.org/th/a13", Source: "The-Hindu", Language: "en",
			Headline:  "Heatwave alert issued for Rajasthan",
			Published: at("2024-05-20 13:00"),
			Body: []news.Block{
				para("Temperatures crossed 45 degrees in several districts on Monday, and schools closed early."),
			},
		},
	}
}
