package feed

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func readFixture(t *testing.T, parts ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(append([]string{"testdata"}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseHindiRSS(t *testing.T) {
	f, err := Parse(readFixture(t, "feeds", "rss_hindi.xml"), "https://www.nagarsamachar.example/rss/latest.xml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if got, want := f.Title, "नगर समाचार - ताज़ा ख़बरें"; got != want {
		t.Errorf("feed title: got %q, want %q", got, want)
	}
	if len(f.Items) != 3 {
		t.Fatalf("items: got %d, want 3", len(f.Items))
	}
	ist := time.FixedZone("IST", 19800)
	tests := []struct {
		name      string
		got, want string
	}{
		{"relative link resolved", f.Items[0].URL, "https://www.nagarsamachar.example/rajasthan/jaipur/electric-bus-1234.html?utm_source=rss&utm_medium=feed"},
		{"CDATA title", f.Items[0].Title, "जयपुर में पहली बार बिजली से चलने वाली बसें सड़कों पर उतरीं"},
		{"dc:creator", strings.Join(f.Items[0].Authors, "|"), "सुमन वर्मा"},
		{"categories", strings.Join(f.Items[0].Categories, "|"), "राजस्थान|परिवहन"},
		{"summary tags stripped", f.Items[0].Summary, "नगर निगम ने बुधवार से बीस नई बसें चलाने की घोषणा की।"},
		{"RFC 1123 +0530", f.Items[0].Published.Format(time.RFC3339), time.Date(2025, 11, 18, 10, 30, 0, 0, ist).Format(time.RFC3339)},
		{"entity in title", f.Items[1].Title, "मौसम: दिल्ली में घना कोहरा, 40 उड़ानें देर से & 12 ट्रेनें रद्द"},
		{"date without zone is IST", f.Items[1].Published.UTC().Format(time.RFC3339), "2025-11-19T01:45:00Z"},
		{"Hindi weekday and month", f.Items[2].Published.UTC().Format(time.RFC3339), "2025-11-18T13:15:00Z"},
		{"no GUID", f.Items[2].GUID, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
	if !strings.HasPrefix(f.Items[0].ContentHTML, "<p>जयपुर नगर निगम") {
		t.Errorf("content:encoded: got %q…, want it to start with the first paragraph", firstRunes(f.Items[0].ContentHTML, 30))
	}
}

func TestParseFormats(t *testing.T) {
	tests := []struct {
		file, kind, firstURL, firstAuthor string
		items                             int
	}{
		{"atom_english.xml", "atom", "https://feeds.example.in/weather/monsoon-retreat-delayed", "Priya Nair", 2},
		{"json_feed.json", "json", "https://pradeshdarpan.example/shiksha/board-pariksha-tithi", "रमेश चौहान", 2},
		{"rdf.xml", "rss", "https://gaonkhabar.example/pani/talab-safai", "कमला देवी", 1},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := Parse(readFixture(t, "feeds", tt.file), "https://feeds.example.in/x")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if f.Kind != tt.kind {
				t.Errorf("kind: got %q, want %q", f.Kind, tt.kind)
			}
			if len(f.Items) != tt.items {
				t.Fatalf("items: got %d, want %d", len(f.Items), tt.items)
			}
			if f.Items[0].URL != tt.firstURL {
				t.Errorf("first URL: got %q, want %q", f.Items[0].URL, tt.firstURL)
			}
			if len(f.Items[0].Authors) == 0 || f.Items[0].Authors[0] != tt.firstAuthor {
				t.Errorf("first author: got %q, want %q", f.Items[0].Authors, tt.firstAuthor)
			}
			if f.Items[0].Published.IsZero() {
				t.Errorf("first item has no date")
			}
		})
	}
}

func TestParseAtomHTMLTitle(t *testing.T) {
	f, err := Parse(readFixture(t, "feeds", "atom_english.xml"), "https://valleyledger.example/feeds/latest.atom")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.Items[0].Title, "Monsoon retreat delayed by two weeks"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := f.Items[1].Summary, "Twelve kilometres of protected lanes will be built by March."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestParseJSONFeedText(t *testing.T) {
	f, err := Parse(readFixture(t, "feeds", "json_feed.json"), "https://pradeshdarpan.example/feed.json")
	if err != nil {
		t.Fatal(err)
	}
	it := f.Items[1]
	if got, want := it.URL, "https://pradeshdarpan.example/khel/kabaddi-jeet"; got != want {
		t.Errorf("relative url: got %q, want %q", got, want)
	}
	html := string(ItemToHTML(it))
	if !strings.Contains(html, "<p>कप्तान ने जीत का श्रेय युवा खिलाड़ियों को दिया।</p>") {
		t.Errorf("content_text paragraphs: got %q, want a <p> per paragraph", html)
	}
}

func TestParseRepeats(t *testing.T) {
	f, err := Parse(readFixture(t, "feeds", "repeats.xml"), "https://repeat.example/rss")
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, it := range f.Items {
		urls = append(urls, it.URL)
	}
	if got, want := strings.Join(urls, " "), "https://repeat.example/news/bridge https://repeat.example/news/market"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := strings.Join(f.Warnings, "; "), "1 items without link, id or title were dropped; 2 repeated items were dropped"; got != want {
		t.Errorf("warnings: got %q, want %q", got, want)
	}
}

func TestParseBroken(t *testing.T) {
	f, err := Parse(readFixture(t, "feeds", "broken_partial.xml"), "https://tuta.example/rss")
	if err != nil {
		t.Fatalf("partial feed: got error %v, want the complete items", err)
	}
	if len(f.Items) != 2 || f.Items[1].Title != "दूसरी खबर भी पूरी है" {
		t.Errorf("partial feed: got %d items %+v, want the 2 before the break", len(f.Items), f.Items)
	}
	if len(f.Warnings) != 1 || !strings.Contains(f.Warnings[0], "broken after item 2") || !strings.Contains(f.Warnings[0], "line 18") {
		t.Errorf("partial feed warning: got %q, want one naming the break and its line", f.Warnings)
	}
}

func TestParseErrors(t *testing.T) {
	big := make([]byte, MaxFeedBytes+1)
	tests := []struct {
		name string
		body []byte
		want error
		msg  string
	}{
		{"empty", nil, ErrEmpty, "empty document"},
		{"white space", []byte(" \n\t "), ErrEmpty, "empty document"},
		{"too large", big, ErrTooLarge, "limit"},
		{"html page", []byte("<!DOCTYPE html><html><body>नमस्ते</body></html>"), ErrNotFeed, "not a feed"},
		{"plain text", []byte("यह फ़ीड नहीं है"), ErrNotFeed, "not a feed"},
		{"broken from the start", readFixture(t, "feeds", "broken_total.xml"), ErrMalformed, "line 5"},
		{"broken JSON feed", []byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":`), ErrMalformed, "malformed"},
		{"JSON feed with wrong types", []byte(`{"version":"https://jsonfeed.org/version/1.1","items":"x"}`), ErrMalformed, "malformed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.body, "https://bad.example/feed.xml")
			if err == nil {
				t.Fatalf("got feed %+v, want error %v", f, tt.want)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("got %q, want it to wrap %q", err, tt.want)
			}
			if !strings.Contains(err.Error(), "https://bad.example/feed.xml") || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("got %q, want the feed URL and %q", err, tt.msg)
			}
		})
	}
}

func TestParseBounds(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>बहुत</title>`)
	longTitle := strings.Repeat("क", MaxTitleBytes) // 3 bytes a rune: over the limit
	for i := 0; i < MaxItems+5; i++ {
		fmt.Fprintf(&b, "<item><title>%s</title><link>https://bahut.example/%d</link></item>", longTitle, i)
	}
	b.WriteString(`<item><title>bad link</title><link>javascript:alert(1)</link></item></channel></rss>`)
	f, err := Parse([]byte(b.String()), "https://bahut.example/rss")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != MaxItems {
		t.Errorf("items: got %d, want %d", len(f.Items), MaxItems)
	}
	title := f.Items[0].Title
	if len(title) > MaxTitleBytes || !utf8.ValidString(title) {
		t.Errorf("title: got %d bytes (valid UTF-8 %v), want at most %d", len(title), utf8.ValidString(title), MaxTitleBytes)
	}
	want := []string{"text field longer than 1024 bytes was cut", "feed has more than 1000 items; the rest were dropped"}
	if got := strings.Join(f.Warnings, "; "); got != strings.Join(want, "; ") {
		t.Errorf("warnings: got %q, want %q", got, strings.Join(want, "; "))
	}
}

func TestParseUnsafeLinks(t *testing.T) {
	body := `<rss version="2.0"><channel><title>t</title>
<item><title>js</title><link>javascript:alert(1)</link><guid>a</guid></item>
<item><title>data</title><link>data:text/html,x</link><guid>b</guid></item>
<item><title>ftp</title><link>ftp://x.example/y</link><guid>c</guid></item>
</channel></rss>`
	f, err := Parse([]byte(body), "https://x.example/rss")
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range f.Items {
		if it.URL != "" {
			t.Errorf("%s: got URL %q, want none", it.Title, it.URL)
		}
	}
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}
