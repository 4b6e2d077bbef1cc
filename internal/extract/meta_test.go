package extract

import (
	"context"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestMetaCleanTitle(t *testing.T) {
	tests := []struct {
		title string
		sites []string
		known []string
		want  string
	}{
		{"समस्तीपुर पुलिस ने 2 बदमाशों को पकड़ा - Samastipur News", []string{"Dainik Bhaskar"}, nil, "समस्तीपुर पुलिस ने 2 बदमाशों को पकड़ा"},
		{"Samastipur police caught 2 miscreants | समस्तीपुर पुलिस ने बदमाशों को पकड़ा - Samastipur News | Dainik Bhaskar", []string{"Dainik Bhaskar"}, []string{"समस्तीपुर पुलिस ने बदमाशों को पकड़ा"}, "समस्तीपुर पुलिस ने बदमाशों को पकड़ा"},
		{"वाराणसी में गंगा का जलस्तर बढ़ा | Amar Ujala", []string{"amarujala.com"}, nil, "वाराणसी में गंगा का जलस्तर बढ़ा"},
		{"Amar Ujala | वाराणसी में गंगा का जलस्तर बढ़ा", []string{"Amar Ujala"}, nil, "वाराणसी में गंगा का जलस्तर बढ़ा"},
		{"बजट 2025: किसानों को क्या मिला - Hindi News | हिंदी न्यूज़", nil, nil, "बजट 2025: किसानों को क्या मिला"},
		// A " - " inside the headline itself stays.
		{"कांग्रेस - भाजपा की खबर", []string{"Khabar Lok"}, nil, "कांग्रेस - भाजपा की खबर"},
		{"भारत बनाम पाकिस्तान - एशिया कप", []string{"Some Site"}, nil, "भारत बनाम पाकिस्तान - एशिया कप"},
		{"एकल शीर्षक", []string{"एकल शीर्षक"}, nil, "एकल शीर्षक"},
		{"  बहुत   सारी   जगह  |  Site  ", []string{"site"}, nil, "बहुत सारी जगह"},
	}
	for _, tc := range tests {
		t.Run(tc.title, func(t *testing.T) {
			if got := metaCleanTitle(tc.title, tc.sites, tc.known...); got != tc.want {
				t.Errorf("metaCleanTitle(%q) = %q, want %q", tc.title, got, tc.want)
			}
		})
	}
}

func TestMetaParseTime(t *testing.T) {
	ist := time.FixedZone("IST", 5*3600+30*60)
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2024-09-04T16:20:35+05:30", time.Date(2024, 9, 4, 16, 20, 35, 0, ist), true},
		{"2024-09-04T10:50:35Z", time.Date(2024, 9, 4, 16, 20, 35, 0, ist), true},
		{"2025-03-02T19:05:00+0530", time.Date(2025, 3, 2, 19, 5, 0, 0, ist), true},
		{"2025-03-02T19:05:00.123+05:30", time.Date(2025, 3, 2, 19, 5, 0, 123e6, ist), true},
		{"2025-08-09T10:15:00", time.Date(2025, 8, 9, 10, 15, 0, 0, ist), true},
		{"2025-08-09 10:15:00 IST", time.Date(2025, 8, 9, 10, 15, 0, 0, ist), true},
		{"2025-08-09", time.Date(2025, 8, 9, 0, 0, 0, 0, ist), true},
		{"Tue, 04 Nov 2025 09:00:00 +0530", time.Date(2025, 11, 4, 9, 0, 0, 0, ist), true},
		{"", time.Time{}, false},
		{"कल शाम", time.Time{}, false},
		{"2025-13-45", time.Time{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := metaParseTime(tc.in, time.Time{})
			if ok != tc.ok || (ok && !got.Equal(tc.want)) {
				t.Errorf("metaParseTime(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestMetaSplitNames(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Ritu Sharma and Amit Rao", "Ritu Sharma|Amit Rao"},
		{"लेखक: सीमा वर्मा, राहुल", "सीमा वर्मा|राहुल"},
		{"अनिल और सुनील", "अनिल|सुनील"},
		{"Byju Raveendran", "Byju Raveendran"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := strings.Join(metaSplitNames(tc.in), "|"); got != tc.want {
				t.Errorf("metaSplitNames(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestHTMLDecode(t *testing.T) {
	hindi := "<p>भारत की राजधानी नई दिल्ली है।</p>"
	latin1, err := charmap.Windows1252.NewEncoder().String("<p>Café crème à São Paulo</p>")
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("<html><body>" + hindi + "</body></html>")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		page     string
		contains string
		warning  string // a substring of one warning; "" means no warnings
	}{
		{"utf-8 labelled", `<meta charset="utf-8">` + hindi, "नई दिल्ली", ""},
		{"utf-8 unlabelled", hindi, "नई दिल्ली", ""},
		{"utf-8 BOM", "\ufeff" + hindi, "नई दिल्ली", ""},
		{"utf-16 BOM", utf16, "नई दिल्ली", ""},
		{"wrong windows-1252 label on utf-8", `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">` + hindi, "नई दिल्ली", `charset label "windows-1252" ignored`},
		{"wrong iso-8859-1 label on utf-8", `<meta charset='ISO-8859-1'>` + hindi, "नई दिल्ली", `charset label "iso-8859-1" ignored`},
		{"real windows-1252", `<meta charset="windows-1252">` + latin1, "Café crème à São Paulo", ""},
		{"unlabelled windows-1252", latin1, "Café crème", "no charset declared"},
		{"utf-8 label after 1 KiB", strings.Repeat(" ", 1500) + `<meta charset="utf-8">` + "<p>abc</p>", "abc", ""},
		{"broken utf-8 in Devanagari", hindi + "\xe0\xa4", "नई दिल्ली", "invalid UTF-8: 2 bytes replaced"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, warns, err := htmlDecode([]byte(tc.page))
			if err != nil {
				t.Fatalf("htmlDecode: %v", err)
			}
			if !strings.Contains(string(out), tc.contains) {
				t.Errorf("got %q, want it to contain %q", out, tc.contains)
			}
			switch {
			case tc.warning == "" && len(warns) > 0:
				t.Errorf("got warnings %q, want none", warns)
			case tc.warning != "" && !strings.Contains(strings.Join(warns, "\n"), tc.warning):
				t.Errorf("got warnings %q, want one containing %q", warns, tc.warning)
			}
		})
	}
}

// TestFromHTMLWrongCharsetLabel checks the whole path: a page that says
// windows-1252 but is UTF-8 Devanagari keeps its Hindi intact.
func TestFromHTMLWrongCharsetLabel(t *testing.T) {
	page := `<html><head><meta charset="windows-1252"><title>किसान मेला शुरू</title></head><body><article><h1>किसान मेला शुरू</h1>` +
		strings.Repeat("<p>पूसा परिसर में तीन दिन का किसान मेला शुरू हुआ, जिसमें नई किस्मों के बीज और खेती की मशीनें दिखाई जा रही हैं।</p>", 3) +
		`</article></body></html>`
	a, err := FromHTML(context.Background(), []byte(page), Options{})
	if err != nil {
		t.Fatalf("FromHTML: %v", err)
	}
	if a.Headline != "किसान मेला शुरू" {
		t.Errorf("headline: got %q, want %q", a.Headline, "किसान मेला शुरू")
	}
	if !strings.Contains(a.BodyText(), "पूसा परिसर") {
		t.Errorf("body lost its Hindi: %q", a.BodyText())
	}
	if a.Language != "hi" {
		t.Errorf("language: got %q, want %q", a.Language, "hi")
	}
}
