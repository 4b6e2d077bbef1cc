package extract

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/khabar-news/khabar/internal/indic"
	"github.com/khabar-news/khabar/internal/news"
)

// TestFromHTMLGolden extracts every testdata/html/NAME.html and compares
// the article's JSON with NAME.json. Run with -update to rewrite the
// goldens, then review each change by eye: a golden is a claim.
func TestFromHTMLGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 5 {
		t.Errorf("got %d HTML fixtures, want at least 5", len(files))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a, err := FromHTML(context.Background(), in, Options{URL: "https://fixture.example/" + name})
			if err != nil {
				t.Fatalf("FromHTML: %v", err)
			}
			checkGolden(t, strings.TrimSuffix(f, ".html")+".json", a)
		})
	}
}

// htmlFixture extracts one fixture page.
func htmlFixture(t *testing.T, name string) *news.Article {
	t.Helper()
	in, err := os.ReadFile(filepath.Join("testdata", "html", name+".html"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := FromHTML(context.Background(), in, Options{URL: "https://fixture.example/" + name})
	if err != nil {
		t.Fatalf("FromHTML %s: %v", name, err)
	}
	return a
}

// TestFromHTMLFixtureClaims states, field by field, what the golden files
// hold, so that a careless -update cannot silently bless a regression.
func TestFromHTMLFixtureClaims(t *testing.T) {
	type claim struct {
		headline  string
		authors   []string
		published string
		source    string
		url       string
		language  string
		headings  []string
		captions  []string
		related   []string // titles
		warnings  []string // must be present
		notInBody []string
	}
	tests := map[string]claim{
		"jsonld_mausam": {
			headline:  "भोपाल में तीन दिन तक तेज बारिश का अलर्ट, स्कूलों की छुट्टी",
			authors:   []string{"रश्मि चौरसिया", "अनिल पटेल"},
			published: "2025-07-14T08:45:00+05:30",
			source:    "Khabar Lok",
			url:       "https://www.khabarlok.example/madhya-pradesh/bhopal/heavy-rain-alert-schools-closed-1048",
			language:  "hi",
			headings:  []string{"बड़ा तालाब लबालब, कलियासोत के गेट खुले", "यातायात पर असर"},
			captions:  []string{"न्यू मार्केट इलाके में सोमवार सुबह सड़कों पर पानी भर गया।", "भदभदा डैम से छोड़ा जा रहा पानी।"},
			related:   []string{"इंदौर: यशवंत सागर बांध के दो गेट खोले गए", "मानसून ने पूरे देश को ढका, कई राज्यों में बाढ़ जैसे हालात"},
			warnings:  []string{WarnPaywalled},
			notInBody: []string{"कॉपी लिंक", "Advertisement", "यह भी पढ़ें", "Follow us", "होम", "WhatsApp", "राजेश मालवीय"},
		},
		"ogonly_sabzi": {
			headline:  "लखनऊ की मंडियों में टमाटर 80 रुपये किलो, प्याज भी महंगा",
			authors:   []string{"मोहित श्रीवास्तव"},
			published: "2025-03-02T19:05:00+05:30",
			source:    "Dainik Udaan",
			url:       "https://udaan.example.in/uttar-pradesh/lucknow/tomato-price-hike-88231.html",
			language:  "hi",
			related:   []string{"कानपुर में प्याज की जमाखोरी पर छापे, दो गोदाम सील"},
			notInBody: []string{"शेयर करें", "विज्ञापन", "लेखक", "सब्सक्राइब", "होम", "Lucknow News"},
		},
		"amp_cricket": {
			headline:  "रणजी ट्रॉफी: विदर्भ ने मुंबई को 7 विकेट से हराया, फाइनल में जगह पक्की",
			authors:   []string{"खेल डेस्क"},
			published: "2025-02-21T18:30:00+05:30",
			source:    "Pradesh Times",
			url:       "https://www.pradeshtimes.example/sports/cricket/ranji-trophy-vidarbha-beat-mumbai-5521",
			language:  "hi",
			headings:  []string{"गेंदबाजों ने रखी जीत की नींव"},
			captions:  []string{"नागपुर में जीत के बाद जश्न मनाते विदर्भ के खिलाड़ी।"},
			related:   []string{"रणजी फाइनल का कार्यक्रम घोषित, 26 फरवरी से होगा मुकाबला"},
			notInBody: []string{"ये भी पढ़ें", "Pradesh Times ©"},
		},
		"liveblog_matdan": {
			headline:  "बिहार विधानसभा चुनाव पहला चरण LIVE: दोपहर 1 बजे तक 42% मतदान",
			authors:   []string{"जनपथ चुनाव डेस्क"},
			published: "2025-11-06T06:55:00+05:30",
			source:    "Janpath Live",
			url:       "https://janpath.example/live/bihar-election-phase-1-voting-live-updates",
			language:  "hi",
			headings:  []string{"दोपहर 1 बजे तक 42% मतदान", "पहली बार वोट देने वाले युवाओं में उत्साह", "मुजफ्फरपुर में ईवीएम खराब", "मतदान शुरू"},
			notInBody: []string{"कॉपी लिंक", "Load more", "ऐप डाउनलोड करें", "लाइव अपडेट"},
		},
		"wronglabel_school": {
			headline:  "जयपुर के सरकारी स्कूलों में शुरू होंगी रोबोटिक्स लैब",
			authors:   []string{"सुनीता राव", "करण मेहता"},
			published: "2025-08-09T10:15:00+05:30",
			source:    "Rajasthan Darpan",
			url:       "https://rajdarpan.example/jaipur/robotics-labs-govt-schools",
			language:  "hi",
			captions:  []string{"सांगानेर के स्कूल में लगी रोबोटिक्स लैब का मॉडल"},
			related:   []string{"शिक्षक भर्ती परीक्षा की तारीख घोषित"},
			warnings:  []string{`charset label "windows-1252" ignored: the page is valid UTF-8`},
			notInBody: []string{"इसे भी पढ़ें", "ताज़ा खबरें", "अजमेर"},
		},
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			a := htmlFixture(t, name)
			if a.Headline != want.headline {
				t.Errorf("headline: got %q, want %q", a.Headline, want.headline)
			}
			if strings.Join(a.Authors, "|") != strings.Join(want.authors, "|") {
				t.Errorf("authors: got %q, want %q", a.Authors, want.authors)
			}
			if got := a.Published.Format(time.RFC3339); got != want.published {
				t.Errorf("published: got %s, want %s", got, want.published)
			}
			if a.Source != want.source {
				t.Errorf("source: got %q, want %q", a.Source, want.source)
			}
			if a.URL != want.url {
				t.Errorf("url: got %q, want %q", a.URL, want.url)
			}
			if a.Language != want.language {
				t.Errorf("language: got %q, want %q", a.Language, want.language)
			}
			if a.ID != "" {
				t.Errorf("ID: got %q, want it left empty", a.ID)
			}
			var heads, caps []string
			for _, b := range a.Body {
				switch b.Kind {
				case news.Heading:
					heads = append(heads, b.Text)
				case news.Caption:
					caps = append(caps, b.Text)
				}
			}
			if strings.Join(heads, "|") != strings.Join(want.headings, "|") {
				t.Errorf("headings: got %q, want %q", heads, want.headings)
			}
			if strings.Join(caps, "|") != strings.Join(want.captions, "|") {
				t.Errorf("captions: got %q, want %q", caps, want.captions)
			}
			var rel []string
			for _, l := range a.Related {
				rel = append(rel, l.Title)
				if !strings.HasPrefix(l.URL, "https://") {
					t.Errorf("related %q: got URL %q, want an absolute https URL", l.Title, l.URL)
				}
			}
			if strings.Join(rel, "|") != strings.Join(want.related, "|") {
				t.Errorf("related: got %q, want %q", rel, want.related)
			}
			for _, w := range want.warnings {
				if !htmlHasWarning(a.Warnings, w) {
					t.Errorf("warnings %q lack %q", a.Warnings, w)
				}
			}
			body := a.BodyText()
			for _, bad := range want.notInBody {
				if strings.Contains(body, bad) {
					t.Errorf("body holds %q:\n%s", bad, body)
				}
			}
			if nPara := len(a.Body) - len(heads) - len(caps); nPara < 3 {
				t.Errorf("got %d paragraphs, want at least 3:\n%s", nPara, body)
			}
		})
	}
}

// TestFromHTMLNeverSplitsWords checks that every word of the fixtures'
// bodies is a whole word of the page: no block starts with a dependent
// vowel sign, virama or nukta, i.e. no word was cut at a mark.
func TestFromHTMLNeverSplitsWords(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		t.Run(name, func(t *testing.T) {
			a := htmlFixture(t, name)
			for _, b := range a.Body {
				for _, tok := range indic.Tokenize(b.Text) {
					r, _ := utf8.DecodeRuneInString(tok.Text)
					if r >= 0x093a && r <= 0x094f || r == 0x0902 || r == 0x0903 || r == 0x0901 {
						t.Errorf("word %q in %q starts with a mark", tok.Text, b.Text)
					}
				}
			}
		})
	}
}

func TestFromHTMLBadInput(t *testing.T) {
	article := `<html><head><title>नगर निगम की बैठक | Test Site</title></head><body><article><h1>नगर निगम की बैठक</h1>` +
		strings.Repeat(`<p>नगर निगम की बैठक में सफाई, पानी और सड़कों की मरम्मत के प्रस्ताव पर लंबी चर्चा हुई और पार्षदों ने अपने वार्ड की समस्याएं रखीं।</p>`, 4) +
		`</article></body></html>`
	tests := []struct {
		name     string
		page     []byte
		wantErr  error  // errors.Is target, nil for success
		wantWarn string // a warning that must be present on success
		wantBody bool   // the body must not be empty
	}{
		{name: "empty", page: nil, wantErr: ErrEmpty},
		{name: "only white space", page: []byte(" \n\t \r\n"), wantErr: ErrEmpty},
		{name: "only a BOM", page: []byte("\xef\xbb\xbf  "), wantErr: ErrEmpty},
		{name: "too large", page: bytes.Repeat([]byte("a"), MaxHTMLBytes+1), wantErr: ErrTooLarge},
		{name: "truncated mid-tag", page: []byte(article[:len(article)/2] + `<p class="x`), wantBody: true},
		{name: "truncated mid-paragraph", page: []byte(article[:len(article)-200]), wantBody: true},
		{name: "no article", page: []byte(`<html><head><title>Login</title></head><body><nav><a href="/">होम</a></nav></body></html>`), wantWarn: WarnNoText},
		{name: "empty body", page: []byte(`<!DOCTYPE html><html><body></body></html>`), wantWarn: WarnNoText},
		{name: "broken JSON-LD", page: []byte(strings.Replace(article, "<head>", `<head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>`, 1)), wantWarn: "1 JSON-LD blocks were not valid JSON", wantBody: true},
		{name: "binary junk", page: []byte("\x00\x01\x02\xff\xfe\x00garbage\x00"), wantWarn: WarnNoText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := FromHTML(context.Background(), tc.page, Options{URL: "https://example.in/bad"})
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("got error %v, want %v", err, tc.wantErr)
				}
				if !strings.Contains(err.Error(), "https://example.in/bad") {
					t.Errorf("error %q does not name the input", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("FromHTML: %v", err)
			}
			if tc.wantWarn != "" && !htmlHasWarning(a.Warnings, tc.wantWarn) {
				t.Errorf("warnings: got %q, want %q among them", a.Warnings, tc.wantWarn)
			}
			if tc.wantBody && len(a.Body) == 0 {
				t.Errorf("got an empty body, want the text before the cut; warnings %q", a.Warnings)
			}
			if !tc.wantBody && tc.wantWarn == WarnNoText && len(a.Body) != 0 {
				t.Errorf("got body %q, want none", a.BodyText())
			}
		})
	}
}

func TestFromHTMLTooLargeNamesLimit(t *testing.T) {
	_, err := FromHTML(context.Background(), make([]byte, MaxHTMLBytes+1), Options{})
	if err == nil || !strings.Contains(err.Error(), "16 MiB") {
		t.Errorf("got %v, want an error naming the 16 MiB limit", err)
	}
}

func TestFromHTMLCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := FromHTML(ctx, []byte("<html><body><p>नमस्ते</p></body></html>"), Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

// TestFromHTMLDeepNesting feeds 100,000 nested elements: the parser would
// refuse the page (or, in older versions, take quadratic time), so FromHTML
// flattens it first and says so.
func TestFromHTMLDeepNesting(t *testing.T) {
	const depth = 100_000
	text := strings.Repeat(`<p>गहराई में छिपा हुआ यह अनुच्छेद भी लेख का हिस्सा है और इसे निकाला जाना चाहिए।</p>`, 5)
	for _, tag := range []string{"div", "span", "b"} {
		t.Run(tag, func(t *testing.T) {
			page := "<html><body>" + strings.Repeat("<"+tag+">", depth) + text + strings.Repeat("</"+tag+">", depth) + "</body></html>"
			start := time.Now()
			a, err := FromHTML(context.Background(), []byte(page), Options{})
			if err != nil {
				t.Fatalf("FromHTML: %v", err)
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v, want well under 20s", d)
			}
			if !htmlHasWarning(a.Warnings, "elements nested deeper than 400 levels were flattened") {
				t.Errorf("warnings: got %q, want the flattening warning", a.Warnings)
			}
			if !strings.Contains(a.BodyText(), "गहराई में छिपा हुआ") {
				t.Errorf("body lost the nested text: %q", a.BodyText())
			}
		})
	}
}

func TestHTMLFlattenKeepsShallowPages(t *testing.T) {
	page := []byte("<html><body>" + strings.Repeat("<div>", htmlMaxDepth) + "x" + strings.Repeat("</div>", htmlMaxDepth) + "</body></html>")
	got, changed := htmlFlatten(page)
	if changed || !bytes.Equal(got, page) {
		t.Errorf("a page %d deep was changed (changed=%v)", htmlMaxDepth, changed)
	}
	if _, err := FromHTML(context.Background(), page, Options{}); err != nil {
		t.Errorf("a page %d deep: FromHTML: %v", htmlMaxDepth, err)
	}
	deep := []byte(strings.Repeat("<div>", 600) + "x" + strings.Repeat("</div>", 600))
	got, changed = htmlFlatten(deep)
	if !changed {
		t.Fatal("a page 600 deep was not flattened")
	}
	if n := bytes.Count(got, []byte("<div>")); n != htmlMaxDepth {
		t.Errorf("got %d <div> left, want %d", n, htmlMaxDepth)
	}
	if n := bytes.Count(got, []byte("</div>")); n != htmlMaxDepth {
		t.Errorf("got %d </div> left, want %d", n, htmlMaxDepth)
	}
}

func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<!DOCTYPE html><html><body>x</body></html>", true},
		{"\ufeff  \n<!doctype HTML>", true},
		{"<html lang=\"hi\">", true},
		{"<HTML>", true},
		{"<!-- saved from url=(0042)https://example.in -->\n<html>", true},
		{"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", true},
		{"<head><meta charset=utf-8>", true},
		{"<meta charset=\"utf-8\"><title>x</title>", true},
		{"नई दिल्ली: <html> टैग के बारे में एक खबर", false},
		{"भारत ने आज <b>बड़ी</b> जीत दर्ज की", false},
		{"<htmlx>", false},
		{"<!-- never closed", false},
		{"", false},
		{`{"headline": "<html>"}`, false},
		{"<rss version=\"2.0\">", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := LooksLikeHTML([]byte(tc.in)); got != tc.want {
				t.Errorf("LooksLikeHTML(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzFromHTML(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("<html><body><figure><figcaption>\ue000x</figcaption></figure></body></html>"))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@graph":[{"@type":"NewsArticle","author":[[[{"name":1}]]]}]}]}</script>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		a, err := FromHTML(context.Background(), page, Options{URL: "https://example.in/fuzz"})
		if err != nil {
			return
		}
		for _, b := range a.Body {
			if b.Text == "" || strings.ContainsRune(b.Text, htmlCaptionMark) {
				t.Errorf("bad block %q", b.Text)
			}
		}
		if !utf8.ValidString(a.Headline) || !utf8.ValidString(a.BodyText()) {
			t.Errorf("invalid UTF-8 in output")
		}
	})
}

// FuzzHTMLFlatten checks that flattening never panics, leaves shallow pages
// alone and always yields a page the parser accepts.
func FuzzHTMLFlatten(f *testing.F) {
	f.Add([]byte("<div><div><p>x</p></div></div>"))
	f.Add([]byte(strings.Repeat("<div>", 450) + "<script>" + strings.Repeat("<div>", 10) + "</script>"))
	f.Add([]byte(strings.Repeat("<b><i>", 300)))
	f.Fuzz(func(t *testing.T, page []byte) {
		out, changed := htmlFlatten(page)
		if !changed && !bytes.Equal(out, page) {
			t.Errorf("unchanged page differs")
		}
		if _, err := html.Parse(bytes.NewReader(out)); err != nil {
			t.Errorf("parse after flatten: %v", err)
		}
	})
}
