package extract

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/shareddata"

	"github.com/khabar-news/khabar/internal/indic"
	"github.com/khabar-news/khabar/internal/news"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// fixtureNow is the reference time the golden fixtures are extracted with.
var fixtureNow = time.Date(2025, 11, 20, 12, 0, 0, 0, time.FixedZone("IST", 5*3600+30*60))

// TestFromTextGolden extracts every testdata/text/NAME.txt and compares the
// article's JSON with NAME.json. Fixtures named noref_* get no reference
// time and nosrc_* no Options.Source. Run with -update to rewrite the goldens,
// then review each change by eye: a golden is a claim.
func TestFromTextGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "text", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 25 {
		t.Errorf("got %d fixtures, want at least 25", len(files))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			opts := Options{URL: "https://example.in/" + name, Source: "fixture"}
			if strings.HasPrefix(name, "nosrc_") {
				// The page itself names its outlet.
				opts.Source = ""
			}
			if !strings.HasPrefix(name, "noref_") {
				opts.Now = fixtureNow
			}
			a, err := FromText(string(in), opts)
			if err != nil {
				t.Fatalf("FromText: %v", err)
			}
			checkGolden(t, strings.TrimSuffix(f, ".txt")+".json", a)
		})
	}
}

// seedPath finds the real seed page in the shared data, or skips.
func seedPath(t *testing.T) string {
	t.Helper()
	return shareddata.Path(t, "seed", "000_d34dcb964ca20152.txt")
}

func TestFromTextSeed(t *testing.T) {
	raw, err := os.ReadFile(seedPath(t))
	if err != nil {
		t.Fatal(err)
	}
	a, err := FromText(string(raw), Options{URL: "https://example.in/seed"})
	if err != nil {
		t.Fatalf("FromText: %v", err)
	}
	check := func(field, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s: got %q, want %q", field, got, want)
		}
	}
	check("kicker", a.Kicker, "S Jaishankar Russia Visit")
	check("headline", a.Headline, "रूस पहुंचे विदेश मंत्री एस जयशंकर, राष्ट्रपति पुतिन से की मुलाकात, जानें किन मुद्दों पर हुई चर्चा?")
	check("standfirst", a.Standfirst, "भारत-रूस वार्षिक शिखर सम्मेलन (SCO) से पहले विदेश मंत्री एस. जयशंकर रूस पहुंचे, जहां उन्होंने राष्ट्रपति व्लादिमीर पुतिन से मुलाकात की. दोनों देशों के बीच कई मुद्दों पर चर्चा हुई.")
	check("language", a.Language, "hi")
	check("id", a.ID, "")
	if want := []string{"Deepak Kumar"}; !reflect.DeepEqual(a.Authors, want) {
		t.Errorf("authors: got %q, want %q", a.Authors, want)
	}
	wantTags := []string{"World News", "International News", "Foreign Minister S Jaishankar", "S jaishankar news", "S Jaishankar russia visit"}
	if !reflect.DeepEqual(a.Tags, wantTags) {
		t.Errorf("tags: got %q, want %q", a.Tags, wantTags)
	}
	if !a.Published.IsZero() || !a.Updated.IsZero() {
		t.Errorf("dates: got published %v updated %v, want zero (the page has no year)", a.Published, a.Updated)
	}
	wantRelated := []news.Link{
		{Title: "दुनिया के सबसे ज्यादा कनेक्टेड समाजों में से एक के रूप में उभरा भारत: डॉ. चंद्रशेखर पेम्मासानी"},
		{Title: "बांग्लादेश में नहीं थम रहा डेंगू से मौत का सिलसिला, अब तक 343 लोगों ने गंवाई जान"},
	}
	if !reflect.DeepEqual(a.Related, wantRelated) {
		t.Errorf("related: got %+v, want %+v", a.Related, wantRelated)
	}
	// Body: caption, then the paragraphs and the one heading in page order.
	var kinds []news.BlockKind
	for _, b := range a.Body {
		kinds = append(kinds, b.Kind)
	}
	wantKinds := []news.BlockKind{news.Caption, news.Paragraph, news.Paragraph, news.Heading, news.Paragraph, news.Paragraph, news.Paragraph}
	if !reflect.DeepEqual(kinds, wantKinds) {
		t.Fatalf("block kinds: got %v, want %v", kinds, wantKinds)
	}
	check("caption", a.Body[0].Text, "S Jaishankar")
	check("heading", a.Body[3].Text, "SCO बैठक में आतंकवाद के खिलाफ कड़ा रुख")
	if !strings.HasPrefix(a.Body[1].Text, "भारत के विदेश मंत्री एस. जयशंकर मंगलवार (18 नवंबर)") {
		t.Errorf("first paragraph: got %q", a.Body[1].Text)
	}
	if !strings.HasPrefix(a.Body[6].Text, "जयशंकर ने कहा कि भारत अपने नागरिकों") {
		t.Errorf("last paragraph: got %q", a.Body[6].Text)
	}
	all := a.Headline + a.Standfirst + a.BodyText() + strings.Join(a.Tags, " ")
	for _, junk := range []string{"author-image", "New Update", "Advertisment", "यह भी पढ़ें"} {
		if strings.Contains(all, junk) {
			t.Errorf("article text contains %q", junk)
		}
	}
	if got := strings.Count(a.Standfirst+"\n"+a.BodyText(), "वार्षिक शिखर सम्मेलन (SCO) से पहले विदेश मंत्री"); got != 1 {
		t.Errorf("standfirst printed %d times, want once", got)
	}
}

func TestFromTextErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"white space only", " \n\r\n\t \u00a0\n", ErrEmpty},
		{"bom only", "\ufeff\n", ErrEmpty},
		{"invalid utf-8", "खबर\xff\xfeमें", ErrInvalidUTF8},
		{"only boilerplate", "Advertisement\nविज्ञापन\nShare\nहमें फॉलो करें\nUpdated: 18 Nov 2025, 10:30 AM IST\n", ErrNoContent},
		{"too large", strings.Repeat("क", MaxTextBytes/3+1), ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromText(tt.in, Options{URL: "https://example.in/x"})
			if !errors.Is(err, tt.want) {
				t.Fatalf("got error %v, want %v", err, tt.want)
			}
			if a != nil {
				t.Errorf("got an article with the error: %+v", a)
			}
			if !strings.Contains(err.Error(), "https://example.in/x") {
				t.Errorf("error %q does not name the input", err)
			}
		})
	}
}

func TestFromTextInvalidUTF8Offset(t *testing.T) {
	_, err := FromText("ठीक\xffनहीं", Options{})
	if err == nil || !strings.Contains(err.Error(), "at byte 9") {
		t.Errorf("got %v, want an error naming byte 9", err)
	}
}

// TestFromTextLineEndings checks that LF, CRLF, CR and a BOM give the same
// article.
func TestFromTextLineEndings(t *testing.T) {
	base := "बिजली दरों में बढ़ोतरी टली\n\nराज्य नियामक आयोग ने नई दरों पर सुनवाई अगले महीने तक टाल दी है।\n\nउपभोक्ता संगठनों ने इसका स्वागत किया।\n"
	want, err := FromText(base, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string]string{
		"crlf": strings.ReplaceAll(base, "\n", "\r\n"),
		"cr":   strings.ReplaceAll(base, "\n", "\r"),
		"bom":  "\ufeff" + base,
	} {
		t.Run(name, func(t *testing.T) {
			got, err := FromText(in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

func TestFromTextKeepsMarathiLanguage(t *testing.T) {
	sample := "मुंबईत आज जोरदार पाऊस झाला आणि लोकल गाड्या उशिराने धावत होत्या. महापालिकेने नागरिकांना घराबाहेर न पडण्याचे आवाहन केले आहे."
	if indic.DetectLanguage(sample).Lang != "mr" {
		t.Skip("indic.DetectLanguage does not tell Marathi from Hindi yet (stub); nothing to propagate")
	}
	a, err := FromText("मुंबईत मुसळधार पाऊस\n"+sample+"\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Language != "mr" {
		t.Errorf("language: got %q, want %q", a.Language, "mr")
	}
}

func TestFromTextNeverSplitsWords(t *testing.T) {
	// Nukta, virama, ZWJ and ZWNJ must come through byte for byte.
	para := "क़ानून मंत्री ने ज़िला अदालतों में क्‍या बदलेगा, इस पर अपनी बात रखी और सत्र शुरू हुआ।"
	a, err := FromText("अदालतों में सुधार पर चर्चा\n"+para+"\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Body) != 1 || a.Body[0].Text != para {
		t.Errorf("body: got %+v, want one paragraph %q", a.Body, para)
	}
}

func FuzzFromText(f *testing.F) {
	f.Add("S Jaishankar Russia Visit: रूस पहुंचे\n\nauthor-image\nDeepak Kumar\nNew Update\nS Jaishankar\n\nपहला पैरा।\n\nWorld News India News Top Stories Here")
	f.Add("Updated: 18 Nov 2025, 10:30 AM IST\nखबर\nयह भी पढ़ें\n\n")
	f.Add("\ufeff\r\n(Photo: PTI)\r\n10:45 AM IST\r\nटैग: क, ख")
	f.Add("\xff")
	f.Add("By\nलेखक:\nTags:\nAlso Read:")
	files, _ := filepath.Glob(filepath.Join("testdata", "text", "*.txt"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := FromText(s, Options{Now: fixtureNow})
		if err != nil {
			if a != nil {
				t.Fatalf("article returned with error %v", err)
			}
			return
		}
		if a.Headline == "" {
			t.Fatalf("no headline and no error for %q", s)
		}
		data, err := json.Marshal(a)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if !utf8.Valid(data) {
			t.Fatalf("output is not valid UTF-8 for %q", s)
		}
		for _, b := range a.Body {
			if b.Text == "" || !utf8.ValidString(b.Text) {
				t.Fatalf("bad block %+v", b)
			}
		}
	})
}

func BenchmarkFromTextSeed(b *testing.B) {
	raw, err := os.ReadFile(shareddata.Path(b, "seed", "000_d34dcb964ca20152.txt"))
	if err != nil {
		b.Skipf("seed page not found: %v", err)
	}
	s := string(raw)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if _, err := FromText(s, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
