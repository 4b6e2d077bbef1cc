package extract

import (
	"context"
	"strings"
	"testing"
)

func TestMetaCleanAuthor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Ritu Sharma", "Ritu Sharma"},
		{"लेखक: सीमा वर्मा", "सीमा वर्मा"},
		{"सीमा वर्मा द्वारा", "सीमा वर्मा"},
		{"रिपोर्टर - अनिल यादव", "अनिल यादव"},
		{"Byju Raveendran", "Byju Raveendran"}, // "By" only as a word
		{"von Kathrin Weber", "Kathrin Weber"},
		{"Eingestellt von Lena", "Lena"},
		{"Par Jeanne Martin", "Jeanne Martin"},
		{"Paris Hilton", "Paris Hilton"},
		{"Asha Rao @asharao", "Asha Rao"},
		{"Anna says", ""}, // a commenter
		{"Name", ""},      // a comment form's label
		{"लेखक", ""},
		{"View all posts by Asha Rao", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := metaCleanAuthor(tc.in); got != tc.want {
				t.Errorf("metaCleanAuthor(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMetaPickAuthors(t *testing.T) {
	sites := []string{"Nagar Times", "nagartimes.in"}
	tests := []struct {
		name    string
		sources [][]string
		want    string
	}{
		{"first source wins", [][]string{{"सीमा वर्मा"}, {"अनिल यादव"}}, "सीमा वर्मा"},
		{"empty source skipped", [][]string{nil, {"Name"}, {"अनिल यादव"}}, "अनिल यादव"},
		{"outlet gives way to a person", [][]string{{"nagartimes.in"}, {"सीमा वर्मा"}}, "सीमा वर्मा"},
		{"outlet beside a person dropped", [][]string{{"सीमा वर्मा", "Nagar Times"}}, "सीमा वर्मा"},
		{"outlet kept as last resort", [][]string{{"Nagar Times"}, nil}, "Nagar Times"},
		{"nothing", [][]string{nil, {"https://nagartimes.in/author/x"}}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(metaPickAuthors(tc.sources, sites), "|"); got != tc.want {
				t.Errorf("metaPickAuthors = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFromHTMLAuthors checks where FromHTML finds the author on pages
// without JSON-LD: the first byline, not the names in reader comments or
// in author boxes further down.
func TestFromHTMLAuthors(t *testing.T) {
	const story = `<p>नगर निगम ने शहर की सभी सड़कों की मरम्मत का काम अगले महीने से शुरू करने का फैसला किया है। ` +
		`महापौर ने बताया कि इसके लिए बजट पहले ही मंजूर हो चुका है और ठेकेदारों को काम सौंप दिया गया है।</p>` +
		`<p>निवासियों ने कहा कि बारिश के बाद सड़कों पर गड्ढे बढ़ गए थे और आवाजाही मुश्किल हो गई थी।</p>`
	tests := []struct {
		name, body, want string
	}{
		{"hindi label", `<div class="byline">लेखक: सीमा वर्मा</div>` + story, "सीमा वर्मा"},
		{"name then द्वारा", `<span class="author-name">अनिल यादव द्वारा</span>` + story, "अनिल यादव"},
		{"comments skipped", `<span class="author">सीमा वर्मा</span>` + story +
			`<ol class="comment-list"><li><span class="comment-author">राहुल says</span> बढ़िया</li>` +
			`<li><cite class="author">कमला</cite> सही कहा</li></ol>`, "सीमा वर्मा"},
		{"later author box skipped", `<p class="meta"><a rel="author">सीमा वर्मा</a></p>` + story +
			`<aside><div class="author-box"><span class="author">दूसरे लेखक</span></div></aside>`, "सीमा वर्मा"},
		{"editor is not the author", `<div class="byline">Edited by Ravi Kumar</div>` + story, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html lang="hi"><head><title>सड़कों की मरम्मत</title></head><body><article><h1>सड़कों की मरम्मत</h1>` +
				tc.body + `</article></body></html>`
			a, err := FromHTML(context.Background(), []byte(page), Options{URL: "https://nagartimes.example/story"})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(a.Authors, "|"); got != tc.want {
				t.Errorf("authors = %q, want %q", got, tc.want)
			}
		})
	}
}
