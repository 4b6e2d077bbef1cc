package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func jsonldFrom(t *testing.T, blocks ...string) jsonldInfo {
	t.Helper()
	var b strings.Builder
	b.WriteString("<html><head>")
	for _, s := range blocks {
		b.WriteString(`<script type="application/ld+json">` + s + `</script>`)
	}
	b.WriteString("</head><body></body></html>")
	doc, err := html.Parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return jsonldRead(doc)
}

func TestJSONLDArticle(t *testing.T) {
	tests := []struct {
		name      string
		blocks    []string
		headline  string
		authors   string // joined by |
		published string
		section   string
		keywords  string // joined by |
		publisher string
		paywalled bool
	}{
		{
			name:      "plain NewsArticle with Person author",
			blocks:    []string{`{"@type":"NewsArticle","headline":"संसद का सत्र शुरू","author":{"@type":"Person","name":"प्रिया सिंह"},"datePublished":"2025-01-02T10:00:00+05:30"}`},
			headline:  "संसद का सत्र शुरू",
			authors:   "प्रिया सिंह",
			published: "2025-01-02T10:00:00+05:30",
		},
		{
			name: "graph with Organization author by @id and array section",
			blocks: []string{`{"@context":"https://schema.org","@graph":[
				{"@type":"Organization","@id":"#org","name":"ग्राम वाणी"},
				{"@type":"WebPage","name":"पन्ना"},
				{"@type":"ReportageNewsArticle","headline":"खेतों में टिड्डी","author":{"@id":"#org"},"publisher":{"@id":"#org"},"articleSection":["कृषि","राज्य"]}]}`},
			headline:  "खेतों में टिड्डी",
			authors:   "ग्राम वाणी",
			section:   "कृषि",
			publisher: "ग्राम वाणी",
		},
		{
			name:     "author string listing two names, keywords string",
			blocks:   []string{`{"@type":"Article","headline":"x","author":"By Ravi Kumar and सीमा देवी","keywords":"चुनाव, बिहार ,  ,मतदान"}`},
			headline: "x",
			authors:  "Ravi Kumar|सीमा देवी",
			keywords: "चुनाव|बिहार|मतदान",
		},
		{
			name:      "array of objects, NewsArticle preferred over WebPage and BreadcrumbList",
			blocks:    []string{`[{"@type":"BreadcrumbList","itemListElement":[]},{"@type":"WebPage","name":"w"},{"@type":"NewsArticle","headline":"असली शीर्षक","isAccessibleForFree":"False"}]`},
			headline:  "असली शीर्षक",
			paywalled: true,
		},
		{
			name:     "NewsArticle beats BlogPosting in another block; broken block skipped",
			blocks:   []string{`{"@type":"BlogPosting","headline":"ब्लॉग"}`, `{not json`, `{"@type":["Thing","NewsArticle"],"headline":"खबर","isAccessibleForFree":true}`},
			headline: "खबर",
		},
		{
			name:     "author URL and nameless Person ignored",
			blocks:   []string{`{"@type":"NewsArticle","headline":"h","author":[{"@type":"Person"},"https://example.in/author/x",{"name":"अमित"}]}`},
			headline: "h",
			authors:  "अमित",
		},
		{
			name:     "HTML entities in headline decoded",
			blocks:   []string{`{"@type":"NewsArticle","headline":"राम &amp; श्याम &#8216;दोस्त&#8217;"}`},
			headline: "राम & श्याम ‘दोस्त’",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info := jsonldFrom(t, tc.blocks...)
			a := info.Article
			if a == nil {
				t.Fatalf("no article found in %q", tc.blocks)
			}
			check := func(field, got, want string) {
				if got != want {
					t.Errorf("%s: got %q, want %q", field, got, want)
				}
			}
			check("headline", a.Headline, tc.headline)
			check("authors", strings.Join(a.Authors, "|"), tc.authors)
			check("published", a.Published, tc.published)
			check("section", a.Section, tc.section)
			check("keywords", strings.Join(a.Keywords, "|"), tc.keywords)
			check("publisher", a.Publisher, tc.publisher)
			if a.Paywalled != tc.paywalled {
				t.Errorf("paywalled: got %v, want %v", a.Paywalled, tc.paywalled)
			}
		})
	}
}

func TestJSONLDBreadcrumbsAndErrors(t *testing.T) {
	info := jsonldFrom(t,
		`{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"item":{"@id":"/","name":"होम"}},{"@type":"ListItem","position":2,"name":"देश"}]}`,
		`{"@type": "NewsArticle", "headline": `,
	)
	if got := strings.Join(info.Breadcrumbs, "|"); got != "होम|देश" {
		t.Errorf("breadcrumbs: got %q, want %q", got, "होम|देश")
	}
	if info.Errors != 1 {
		t.Errorf("errors: got %d, want 1", info.Errors)
	}
	if info.Article != nil {
		t.Errorf("got article %+v from a broken block, want none", info.Article)
	}
}

func TestJSONLDDeepNestingDoesNotRecurseForever(t *testing.T) {
	deep := strings.Repeat(`{"@graph":[`, 200) + `{"@type":"NewsArticle","headline":"गहरा"}` + strings.Repeat(`]}`, 200)
	info := jsonldFrom(t, deep)
	if info.Article != nil {
		t.Errorf("got an article %d levels deep, want the walk to stop at %d", 200, jsonldMaxDepth)
	}
}
