package indic

import "testing"

// TestDetectLanguage uses short paragraphs written for this test.
func TestDetectLanguage(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Detection
	}{
		{"hindi", "विदेश मंत्री ने कहा कि दोनों देशों के बीच व्यापार बढ़ाने पर बात हुई है।",
			Detection{Lang: "hi", Script: "Deva"}},
		{"hindi short", "बारिश से सड़कें बंद हैं", Detection{Lang: "hi", Script: "Deva"}},
		{"marathi", "मुंबईत आज जोरदार पाऊस झाला आणि अनेक रस्त्यांवर पाणी साचले आहे.",
			Detection{Lang: "mr", Script: "Deva"}},
		{"marathi short", "शाळा उद्या बंद राहणार आहेत", Detection{Lang: "mr", Script: "Deva"}},
		{"marathi genitive", "पुण्याच्या महापालिकेची बैठक", Detection{Lang: "mr", Script: "Deva"}},
		{"nepali", "काठमाडौंमा आज बिहान भूकम्पको धक्का महसुस भएको छ र मानिसहरू घरबाट बाहिर निस्किए।",
			Detection{Lang: "ne", Script: "Deva"}},
		{"nepali short", "सरकारले नयाँ बजेट पनि ल्याएको छ", Detection{Lang: "ne", Script: "Deva"}},
		{"english", "The minister said both countries would expand trade next year.",
			Detection{Lang: "en", Script: "Latn"}},
		{"english headline", "Monsoon Arrives Early In Kerala", Detection{Lang: "en", Script: "Latn"}},
		{"mixed hindi majority", "Budget 2024: किसानों के लिए सरकार ने नई योजना का ऐलान किया, Finance Minister ने कहा",
			Detection{Lang: "hi", Script: "Deva", Mixed: true}},
		{"mixed english majority", "Election results live updates: counting begins in all seats, भाजपा कई सीटों पर आगे",
			Detection{Lang: "en", Script: "Latn", Mixed: true}},
		{"hindi with one english word", "आज शाम को मैच में India ने शानदार जीत दर्ज की और सीरीज अपने नाम कर ली",
			Detection{Lang: "hi", Script: "Deva"}},
		{"romanized hindi", "yaar ye movie bahut acchi hai, sab log dekho", Detection{Lang: "hi", Script: "Latn"}},
		{"romanized hinglish", "kal ka match was amazing, kya batting thi bhai", Detection{Lang: "hi", Script: "Latn", Mixed: true}},
		{"bengali", "কলকাতায় আজ ভারী বৃষ্টি হয়েছে", Detection{Lang: "bn", Script: "Beng"}},
		{"tamil", "சென்னையில் இன்று கனமழை பெய்தது", Detection{Lang: "ta", Script: "Taml"}},
		{"urdu", "آج دہلی میں بارش ہوئی", Detection{Lang: "ur", Script: "Arab"}},
		{"gurmukhi", "ਅੱਜ ਪੰਜਾਬ ਵਿੱਚ ਮੀਂਹ ਪਿਆ", Detection{Lang: "pa", Script: "Guru"}},
		{"no letters", "१२३ ... 456 !!", Detection{}},
		{"empty", "", Detection{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLanguage(tt.in); got != tt.want {
				t.Errorf("DetectLanguage(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}
