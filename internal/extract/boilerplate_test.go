package extract

import (
	"reflect"
	"testing"
)

func TestIsBoilerplate(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Advertisement", true},
		{"Advertisment", true},
		{"ADVERTISEMENT", true},
		{"विज्ञापन", true},
		{"Story continues below", true},
		{"Share", true},
		{"Follow us on Google News", true},
		{"हमें फॉलो करें", true},
		{"WhatsApp चैनल से जुड़ें", true},
		{"New Update", true},
		{"और पढ़ें", true},
		{"शेयर करें:", true},
		{"विज्ञापन से होने वाली कमाई पर कंपनी ने नए आंकड़े जारी किए हैं और कहा कि डिजिटल माध्यम सबसे तेज बढ़ा है।", false},
		{"Share prices rose sharply on Monday after the results were announced.", false},
		{"किसानों ने WhatsApp पर समूह बनाकर मंडी के भाव साझा करने शुरू किए और अब सैकड़ों किसान इससे जुड़ें हैं, जिससे बिचौलियों की भूमिका घटी है और दाम बेहतर मिले हैं।", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := isBoilerplate(tt.in); got != tt.want {
				t.Errorf("isBoilerplate(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestRelatedLine(t *testing.T) {
	tests := []struct {
		in         string
		title, url string
		ok         bool
	}{
		{"यह भी पढ़ें- बाजार में तेजी लौटी", "बाजार में तेजी लौटी", "", true},
		{"ये भी पढ़ें: बाजार में तेजी लौटी", "बाजार में तेजी लौटी", "", true},
		{"इसे भी पढ़ें | नई नीति लागू", "नई नीति लागू", "", true},
		{"Also Read: Rain delays repairs https://example.in/a", "Rain delays repairs", "https://example.in/a", true},
		{"ALSO READ | Markets close higher", "Markets close higher", "", true},
		{"यह भी पढ़ें", "", "", true},
		{"हेही वाचा: पुण्यात पाऊस", "पुण्यात पाऊस", "", true},
		{"यह भी पढ़ेंगे छात्र नई किताबें", "", "", false},
		{"Also reading is good for you.", "", "", false},
		{"बाजार में तेजी लौटी", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			title, url, ok := relatedLine(tt.in)
			if ok != tt.ok || title != tt.title || url != tt.url {
				t.Errorf("relatedLine(%q) = %q, %q, %v; want %q, %q, %v", tt.in, title, url, ok, tt.title, tt.url, tt.ok)
			}
		})
	}
}

func TestByline(t *testing.T) {
	tests := []struct {
		in     string
		names  []string
		editor bool
		ok     bool
	}{
		{"लेखक: सीमा वर्मा", []string{"सीमा वर्मा"}, false, true},
		{"रिपोर्ट: राजेश यादव", []string{"राजेश यादव"}, false, true},
		{"By Ritu Sharma and Amit Rao", []string{"Ritu Sharma", "Amit Rao"}, false, true},
		{"Edited By: Neha Joshi", []string{"Neha Joshi"}, true, true},
		{"PTI", []string{"PTI"}, false, true},
		{"भाषा", []string{"भाषा"}, false, true},
		{"नई दिल्ली, एएनआई", []string{"एएनआई"}, false, true},
		{"(With inputs from IANS)", []string{"IANS"}, false, true},
		{"रिपोर्ट के मुताबिक बारिश जारी रहेगी", nil, false, false},
		{"by the river the farmers waited", nil, false, false},
		{"By 2030 the plan will be complete", nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			names, editor, ok := byline(tt.in)
			if ok != tt.ok || editor != tt.editor || !reflect.DeepEqual(names, tt.names) {
				t.Errorf("byline(%q) = %q, %v, %v; want %q, %v, %v", tt.in, names, editor, ok, tt.names, tt.editor, tt.ok)
			}
		})
	}
}

func TestPhotoCredit(t *testing.T) {
	tests := []struct {
		in     string
		before string
		ok     bool
	}{
		{"फोटो: ANI", "", true},
		{"(Photo: PTI)", "", true},
		{"Image Source : X", "", true},
		{"(फाइल फोटो)", "", true},
		{"संसद के बाहर जुटे किसान (Photo: PTI)", "संसद के बाहर जुटे किसान", true},
		{"फोटोग्राफर ने बताया कि रोशनी कम थी।", "", false},
		{"फोटो खींचने पर रोक लगा दी गई है", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			before, ok := photoCredit(tt.in)
			if ok != tt.ok || before != tt.before {
				t.Errorf("photoCredit(%q) = %q, %v; want %q, %v", tt.in, before, ok, tt.before, tt.ok)
			}
		})
	}
}

func TestSplitRunOnTags(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"World News International News Foreign Minister S Jaishankar S jaishankar news S Jaishankar russia visit",
			[]string{"World News", "International News", "Foreign Minister S Jaishankar", "S jaishankar news", "S Jaishankar russia visit"}},
		{"Science News ISRO News ISRO Weather Satellite Launch", []string{"Science News", "ISRO News", "ISRO Weather Satellite Launch"}},
		{"Delhi Police Delhi Crime Latest Update", []string{"Delhi Police", "Delhi Crime Latest Update"}},
		// Not tags: a sentence, Devanagari, too few words, nothing to split at.
		{"The council approved the plan on Tuesday.", nil},
		{"विश्व समाचार अंतरराष्ट्रीय समाचार", nil},
		{"World News Today", nil},
		{"Budget Income Tax Nirmala Sitharaman Farmers Relief Package Markets", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := splitRunOnTags(tt.in)
			if ok != (tt.want != nil) || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("splitRunOnTags(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestSplitKicker(t *testing.T) {
	tests := []struct {
		in, kicker, headline string
	}{
		{"S Jaishankar Russia Visit: रूस पहुंचे विदेश मंत्री", "S Jaishankar Russia Visit", "रूस पहुंचे विदेश मंत्री"},
		{"बजट 2026: किसानों को क्या मिला", "", "बजट 2026: किसानों को क्या मिला"},
		{"Chennai: New plant supplies water", "", "Chennai: New plant supplies water"},
		{"IPL 2026: मुंबई ने चेन्नई को हराया", "IPL 2026", "मुंबई ने चेन्नई को हराया"},
		{"2026: नया साल", "", "2026: नया साल"},
		{"बिना कोलन वाला शीर्षक", "", "बिना कोलन वाला शीर्षक"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			k, h := splitKicker(tt.in)
			if k != tt.kicker || h != tt.headline {
				t.Errorf("splitKicker(%q) = %q, %q; want %q, %q", tt.in, k, h, tt.kicker, tt.headline)
			}
		})
	}
}

func TestHeadingLike(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"SCO बैठक में आतंकवाद के खिलाफ कड़ा रुख", true},
		{"क्या है मामला?", false},
		{"पुलिस जांच कर रही है।", false},
		{"मंत्री ने कहा:", false},
		{"यह एक बहुत लंबी पंक्ति है जिसमें बारह से ज्यादा शब्द हैं और इसलिए यह उपशीर्षक नहीं हो सकती", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := headingLike(tt.in); got != tt.want {
				t.Errorf("headingLike(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestLineKeyFoldsNukta(t *testing.T) {
	// Precomposed ढ़ (U+095D) and ढ + nukta must give the same key.
	a, b := lineKey("यह भी पढ\u093cें"), lineKey("यह भी प\u095dें")
	if a != b {
		t.Errorf("lineKey: got %q and %q, want equal", a, b)
	}
	if _, _, ok := relatedLine("यह भी प\u095dें- खबर"); !ok {
		t.Error("relatedLine does not accept the precomposed nukta spelling")
	}
}

func TestFollowPrompt(t *testing.T) {
	tests := []struct {
		in     string
		outlet string
		ok     bool
	}{
		{"Rashtra Dhwani on Google News", "Rashtra Dhwani", true},
		{"प्रभात वाणी को फ़ॉलो करें: Facebook | X | YouTube", "प्रभात वाणी", true},
		{"Awadh Times को Google News पर फॉलो करें", "Awadh Times", true},
		{"Follow Awadh Times on WhatsApp", "Awadh Times", true},
		{"Follow us on: Google News | WhatsApp Channel", "", true},
		{"Instagram, Telegram और YouTube", "", true},
		{"हमारे व्हाट्सएप चैनल से जुड़ें", "", true},
		{"Subscribe to our YouTube channel for videos", "", true},
		{"ताज़ा खबरों के लिए टेलीग्राम पर जुड़ें", "", true},
		// Article text that names a network without asking to follow.
		{"उन्होंने X पर लिखा कि राहत कार्य तेज़ किए जाएंगे।", "", false},
		{"मंत्री ने ट्विटर पर कई नेताओं को फॉलो किया था।", "", false},
		{"The minister joined the meeting after posting on X.", "", false},
		{"Police said the group used Telegram to plan the protest", "", false},
		{"Google News", "", false}, // a lone button: boilerplateLines has it
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			outlet, ok := followPrompt(tt.in)
			if ok != tt.ok || outlet != tt.outlet {
				t.Errorf("followPrompt(%q) = %q, %v; want %q, %v", tt.in, outlet, ok, tt.outlet, tt.ok)
			}
		})
	}
}

func TestCopyrightLine(t *testing.T) {
	tests := []struct {
		in     string
		outlet string
		ok     bool
	}{
		{"© 2025 Prabhat Vani. सर्वाधिकार सुरक्षित", "Prabhat Vani", true},
		{"Copyright © 2019-2026 Awadh Times Pvt. Ltd. All rights reserved.", "Awadh Times", true},
		{"कॉपीराइट © २०२५ राष्ट्र ध्वनि | All Rights Reserved", "राष्ट्र ध्वनि", true},
		{"All rights reserved.", "", true},
		{"सर्वाधिकार सुरक्षित", "", true},
		{"(c) 2024 Awadh Times", "Awadh Times", true},
		{"© Reuters", "", false}, // a photo credit, not a footer
		{"(c) the third option", "", false},
		// Sentences about copyright are article text.
		{"अदालत ने कहा कि गाने का copyright संगीतकार के पास ही रहेगा और कंपनी को हर्जाना देना होगा।", "", false},
		{"The band said all rights reserved by the label had expired in 2024 after a long dispute", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			outlet, ok := copyrightLine(tt.in)
			if ok != tt.ok || outlet != tt.outlet {
				t.Errorf("copyrightLine(%q) = %q, %v; want %q, %v", tt.in, outlet, ok, tt.outlet, tt.ok)
			}
		})
	}
}

func TestTrailingPhotoCredit(t *testing.T) {
	tests := []struct {
		in, before string
		ok         bool
	}{
		{"पुल पर जमा भीड़। तस्वीर: सोशल मीडिया", "पुल पर जमा भीड़।", true},
		{"बाजार में खरीदारी करते लोग. Photo: Awadh Times", "बाजार में खरीदारी करते लोग.", true},
		{"मंडी में गेहूं तौलते किसान | फोटो साभार: आईएएनएस", "मंडी में गेहूं तौलते किसान", true},
		{"Commuters wait at the depot - Image Source : X", "Commuters wait at the depot", true},
		{"प्रदर्शनी में पुराने फोटो: शहर की यादें नाम से एक हिस्सा है, जिसमें सौ साल पुरानी तस्वीरें हैं।", "", false},
		{"उन्होंने कहा कि यह अच्छा कदम है. फोटो खींचने पर रोक नहीं है", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			before, ok := photoCredit(tt.in)
			if ok != tt.ok || before != tt.before {
				t.Errorf("photoCredit(%q) = %q, %v; want %q, %v", tt.in, before, ok, tt.before, tt.ok)
			}
		})
	}
}

func TestClosingTags(t *testing.T) {
	tests := []struct {
		name          string
		in            string
		deva, after   bool
		want          []string
		wantUncertain bool
	}{
		{"hindi clean split", "Jaipur News Rajasthan Weather Today Monsoon 2026 Latest Update", true, false,
			[]string{"Jaipur News", "Rajasthan Weather Today", "Monsoon 2026", "Latest Update"}, false},
		{"hindi uncertain kept as one tag", "Kosi Embankment Breach Supaul Villages Flooded NDRF Boats", true, false,
			[]string{"Kosi Embankment Breach Supaul Villages Flooded NDRF Boats"}, true},
		{"hindi long phrase split at weak end", "Bihar Weather Patna Rain Gaya Heat Wave Muzaffarpur Storm Damage", true, false,
			[]string{"Bihar Weather", "Patna Rain Gaya Heat Wave Muzaffarpur Storm Damage"}, true},
		{"closing Hindi joins the last phrase", "Lucknow News Health News Hindi", true, false,
			[]string{"Lucknow News", "Health News Hindi"}, false},
		{"separated", "Jaipur News, Rajasthan Rain, IMD Alert", true, false,
			[]string{"Jaipur News", "Rajasthan Rain", "IMD Alert"}, false},
		{"hashtags", "#Budget2026 #IncomeTax #Markets", true, false,
			[]string{"Budget2026", "IncomeTax", "Markets"}, false},
		{"english after links", "Mumbai Rains Local Trains Central Railway Waterlogging BMC", false, true,
			[]string{"Mumbai Rains Local Trains Central Railway Waterlogging BMC"}, true},
		{"english uncertain, no furniture", "Residents Say Repairs Happen Every Monsoon", false, false, nil, false},
		{"english sentence", "Officials of the board were not available for comment", false, true, nil, false},
		{"english title case with function word", "Watch the Full Interview With the Mayor Here", false, true, nil, false},
		{"punctuated", "Traffic Diverted Near Ring Road.", true, false, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, uncertain, ok := closingTags(tt.in, tt.deva, tt.after)
			if ok != (tt.want != nil) || !reflect.DeepEqual(got, tt.want) || uncertain != tt.wantUncertain {
				t.Errorf("closingTags(%q, %v, %v) = %q, uncertain %v, %v; want %q, uncertain %v",
					tt.in, tt.deva, tt.after, got, uncertain, ok, tt.want, tt.wantUncertain)
			}
		})
	}
}

func TestDeskCredit(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Education Desk", true},
		{"Nagar Times Web Desk", true},
		{"खेल डेस्क", true},
		{"राष्ट्र ध्वनि ब्यूरो", true},
		{"Desk", false},
		{"the help desk", false},
		{"प्रशासन ने हेल्प डेस्क बनाई है", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := deskCredit(tt.in); got != tt.want {
				t.Errorf("deskCredit(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
