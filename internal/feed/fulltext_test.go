package feed

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/extract"
)

func TestHasFullText(t *testing.T) {
	f, err := Parse(readFixture(t, "feeds", "rss_hindi.xml"), "https://www.nagarsamachar.example/rss")
	if err != nil {
		t.Fatal(err)
	}
	para := "<p>" + strings.Repeat("नगर निगम ने शहर की सड़कों की मरम्मत का काम शुरू किया है। ", 6) + "</p>"
	tests := []struct {
		name string
		item Item
		want bool
	}{
		{"six-paragraph content:encoded", f.Items[0], true},
		{"teaser ending in और पढ़ें", f.Items[1], false},
		{"no content", f.Items[2], false},
		{"long enough, several paragraphs", Item{ContentHTML: strings.Repeat(para, 4)}, true},
		{"long but ends in …", Item{ContentHTML: strings.Repeat(para, 4) + "<p>बाकी खबर के लिए पढ़ते रहें…</p>"}, false},
		{"long but ends in Read more", Item{ContentHTML: strings.Repeat(para, 4) + `<p><a href="/x">Read more »</a></p>`}, false},
		{"long but ends in [...]", Item{ContentHTML: strings.Repeat(para, 4) + "<p>and so the council [...]</p>"}, false},
		{"one short paragraph", Item{ContentHTML: para}, false},
		{"one very long paragraph", Item{ContentHTML: "<p>" + strings.Repeat("बारिश से फ़सल को नुक़सान हुआ और किसान परेशान हैं। ", 70) + "</p>"}, true},
		{"long paragraphs split by br br", Item{ContentHTML: strings.Repeat(strings.Repeat("सरकार ने नई योजना की घोषणा की है। ", 10)+"<br><br>", 4)}, true},
		{"script text does not count", Item{ContentHTML: "<script>" + strings.Repeat("var x = 1; ", 500) + "</script><p>छोटी खबर</p>"}, false},
		{"white space", Item{ContentHTML: " \n "}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HasFullText(tt.item); got != tt.want {
				t.Errorf("got %v, want %v (blocks %q)", got, tt.want, textBlocks(tt.item.ContentHTML))
			}
		})
	}
}

func TestItemToHTMLExtract(t *testing.T) {
	f, err := Parse(readFixture(t, "feeds", "rss_hindi.xml"), "https://www.nagarsamachar.example/rss")
	if err != nil {
		t.Fatal(err)
	}
	it := f.Items[0]
	page := ItemToHTML(it)
	a, err := extract.FromHTML(context.Background(), page, extract.Options{URL: it.URL})
	if err != nil {
		t.Fatalf("FromHTML: %v\npage:\n%s", err, page)
	}
	if a.Headline != it.Title {
		t.Errorf("headline: got %q, want %q", a.Headline, it.Title)
	}
	if !a.Published.Equal(it.Published) {
		t.Errorf("published: got %v, want %v", a.Published, it.Published)
	}
	if strings.Join(a.Authors, "|") != "सुमन वर्मा" {
		t.Errorf("authors: got %q, want %q", a.Authors, "सुमन वर्मा")
	}
	if len(a.Body) != 6 {
		t.Errorf("body: got %d blocks, want the 6 paragraphs", len(a.Body))
	}
	if len(a.Body) > 0 && !strings.HasPrefix(a.Body[0].Text, "जयपुर नगर निगम ने मंगलवार") {
		t.Errorf("first paragraph: got %q, want the article's first", a.Body[0].Text)
	}
}

func TestItemToHTMLEscapes(t *testing.T) {
	it := Item{
		URL:         `https://x.example/a?b=1&c="2"`,
		Title:       `शीर्षक </title><script>alert(1)</script>`,
		Authors:     []string{`"><img src=x onerror=alert(1)>`},
		Categories:  []string{"</script><script>alert(2)</script>"},
		Published:   time.Date(2025, 11, 18, 10, 30, 0, 0, time.UTC),
		ContentHTML: `<p onclick="alert(3)">पाठ <a href="javascript:alert(4)">लिंक</a></p><script>alert(5)</script><iframe src="https://evil.example"></iframe><style>p{}</style></article></body><p>बाद</p>`,
	}
	page := string(ItemToHTML(it))
	for _, bad := range []string{"<script>alert", "<img", "onclick", "javascript:", "<iframe", "<style", `c="2"`} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q:\n%s", bad, page)
		}
	}
	for _, good := range []string{"<p>पाठ <a>लिंक</a></p>", "<p>बाद</p>", "&lt;/title&gt;", `\u003c/script\u003e`} {
		if !strings.Contains(page, good) {
			t.Errorf("page lacks %q:\n%s", good, page)
		}
	}
}
