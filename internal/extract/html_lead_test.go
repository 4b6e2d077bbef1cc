package extract

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// htmlHeaderPage is a page whose headline and lead stand in a header block
// apart from the element that holds the rest of the text, as many CMSs
// write them.
func htmlHeaderPage(lead string) string {
	return `<!doctype html><html lang="hi"><head><title>पुराने बाज़ार में नई जल निकासी</title></head><body>
<nav><a href="/">होम</a> <a href="/desh">देश</a></nav>
<div class="story-header"><h1>पुराने बाज़ार में नई जल निकासी</h1>` + lead + `
<div class="meta"><span>12 मार्च 2026</span></div></div>
<div class="story-body"><div class="text">` + strings.Repeat(htmlLongPara, 4) + `</div></div>
<footer>© 2026 नमूना समाचार</footer></body></html>`
}

func TestFromHTMLLead(t *testing.T) {
	const leadText = "शहर के पुराने बाज़ार में बरसात का पानी अब नहीं रुकेगा, नगर निगम ने नई योजना को मंज़ूरी दे दी है।"
	tests := []struct {
		name, lead     string
		wantStandfirst string
		wantFirst      string // the body's first block
	}{
		{"teaser block becomes the standfirst", `<p class="teaser">` + leadText + `</p>`, leadText, ""},
		{"paragraph written like the body opens it", `<p>` + leadText + `</p>`, "", leadText},
		{"short line is no lead", `<p>नगर निगम की योजना।</p>`, "", ""},
		{"line without a sentence end is no lead", `<p class="teaser">शहर के पुराने बाज़ार में बरसात का पानी अब नहीं रुकेगा नगर निगम की नई योजना</p>`, "", ""},
		{"link list is no lead", `<p class="teaser"><a href="/a">शहर के पुराने बाज़ार में बरसात का पानी अब नहीं रुकेगा, नगर निगम की नई योजना।</a></p>`, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := FromHTML(context.Background(), []byte(htmlHeaderPage(tc.lead)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Standfirst != tc.wantStandfirst {
				t.Errorf("standfirst: got %q, want %q", a.Standfirst, tc.wantStandfirst)
			}
			if len(a.Body) == 0 {
				t.Fatalf("empty body")
			}
			first := a.Body[0].Text
			if tc.wantFirst != "" && first != tc.wantFirst {
				t.Errorf("first block: got %q, want %q", first, tc.wantFirst)
			}
			if tc.wantFirst == "" && strings.Contains(a.BodyText(), "बरसात का पानी") {
				t.Errorf("body holds the lead: %q", a.BodyText())
			}
		})
	}
}

func TestFromHTMLLinkBoxInText(t *testing.T) {
	inner := htmlLongPara + htmlLongPara + `<h4>More:</h4>
<ul><li><h4><a href="/story/1">तालाब की सफ़ाई के लिए नई मशीनें आईं</a></h4></li></ul>
<ul><li><h4><a href="/story/2">स्टेशन रोड पर रात में काम होगा</a></h4></li></ul>` + htmlLongPara + htmlLongPara
	a, err := FromHTML(context.Background(), []byte(htmlArticlePage("पुराने बाज़ार में नई जल निकासी", inner)), Options{URL: "https://example.com/a"})
	if err != nil {
		t.Fatal(err)
	}
	body := a.BodyText()
	for _, gone := range []string{"More", "तालाब की सफ़ाई", "स्टेशन रोड पर रात"} {
		if strings.Contains(body, gone) {
			t.Errorf("body keeps %q:\n%s", gone, body)
		}
	}
	if got := strings.Count(body, "नई जल निकासी व्यवस्था"); got != 4 {
		t.Errorf("body paragraphs: got %d, want 4:\n%s", got, body)
	}
	var titles []string
	for _, l := range a.Related {
		titles = append(titles, l.Title)
	}
	if !slices.Contains(titles, "तालाब की सफ़ाई के लिए नई मशीनें आईं") {
		t.Errorf("related: got %q, want the boxed story", titles)
	}
}

func TestMetaParseTextByline(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"लेखक: राजेश कुमार", []string{"राजेश कुमार"}},
		{"Text von Anna Maier", []string{"Anna Maier"}},
		{"Ein Artikel von Pamela Sladky", []string{"Pamela Sladky"}},
		{"By Cara Stiles", []string{"Cara Stiles"}},
		{"Author: Jacopo Cascioli", []string{"Jacopo Cascioli"}},
		{"von Daniel Braun, Davor Pasoski", []string{"Daniel Braun", "Davor Pasoski"}},
		{"Von Nadja Demel 13.12.2022 - 08:13 Uhr", []string{"Nadja Demel"}},
		{"Von Berlin nach Hamburg", nil},
		{"By Monday", nil},
		{"by the river bank", nil},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := metaParseTextByline(tc.in); !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFromHTMLTextByline(t *testing.T) {
	tests := []struct {
		name, inner string
		want        []string
	}{
		{"label and name in one line", `<p class="meta"><span>लेखक:</span> <span>राजेश कुमार</span> | 12 मार्च 2026</p>` + htmlLongPara + htmlLongPara, []string{"राजेश कुमार"}},
		{"after a separator", `<div class="info"><span>ताज़ा</span> | By Cara Stiles | April 13, 2020</div>` + htmlLongPara + htmlLongPara, []string{"Cara Stiles"}},
		{"not in reader comments", htmlLongPara + htmlLongPara + `<div class="comments"><p>By Jane Reader</p></div>`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := FromHTML(context.Background(), []byte(htmlArticlePage("पुराने बाज़ार में नई जल निकासी", tc.inner)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(a.Authors, tc.want) {
				t.Errorf("authors: got %q, want %q", a.Authors, tc.want)
			}
		})
	}
}

func TestHTMLDateOnly(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"NOVEMBER 20, 2019 10:43", true},
		{"23.10.2018", true},
		{"12 मार्च 2026, 10:15 IST", true},
		{"Mittwoch, 3. Mai 2023, 14:00 Uhr", true},
		{"मार्च", false},
		{"12 मार्च को नगर निगम की बैठक", false},
		{"2019 was a good year", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := htmlDateOnly(tc.in); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
