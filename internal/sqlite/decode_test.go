package sqlite

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/news"
)

// jsonDecode is the reference: what decode did before fastDecode.
func jsonDecode(doc string) (*news.Article, error) {
	a := new(news.Article)
	if err := json.Unmarshal([]byte(doc), a); err != nil {
		return nil, err
	}
	return a, nil
}

// sameArticle reports whether a and b are equal field by field, times by
// instant and zone, slices also by being nil or empty.
func sameArticle(t *testing.T, doc string, got, want *news.Article) {
	t.Helper()
	if !got.Published.Equal(want.Published) || got.Published.Location().String() != want.Published.Location().String() ||
		!got.Updated.Equal(want.Updated) || got.Updated.Location().String() != want.Updated.Location().String() {
		t.Fatalf("decode(%q) times: got %v %v, want %v %v", doc, got.Published, got.Updated, want.Published, want.Updated)
	}
	_, goff := got.Published.Zone()
	_, woff := want.Published.Zone()
	if goff != woff {
		t.Fatalf("decode(%q) published offset: got %d, want %d", doc, goff, woff)
	}
	g, w := *got, *want
	g.Published, g.Updated, w.Published, w.Updated = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("decode(%q):\ngot  %#v\nwant %#v", doc, g, w)
	}
}

// checkDecode compares decode with json.Unmarshal on doc.
func checkDecode(t *testing.T, doc string) {
	t.Helper()
	want, werr := jsonDecode(doc)
	got, gerr := decode("x", doc)
	if (gerr != nil) != (werr != nil) {
		t.Fatalf("decode(%q) error: got %v, want %v", doc, gerr, werr)
	}
	if werr != nil {
		return
	}
	sameArticle(t, doc, got, want)
}

var decodeCases = []struct {
	name string
	doc  string
	fast bool // fastDecode takes it
}{
	{"minimal", `{"id":"a","headline":"शीर्षक"}`, true},
	{"full", `{"id":"a-1","url":"https://example.in/x","source":"ex","language":"hi","headline":"दिल्ली में बारिश","kicker":"मौसम","standfirst":"आज शाम तेज़ बारिश हुई।","authors":["रीना","Amit"],"published":"2025-07-14T20:10:00+05:30","updated":"2025-07-15T01:00:00Z","section":"देश","tags":["मौसम","दिल्ली"],"body":[{"kind":"paragraph","text":"पहला अनुच्छेद।"},{"kind":"heading","text":"Heading","language":"en"}],"related":[{"title":"और पढ़ें","url":"https://example.in/y"},{"title":"बिना लिंक"}],"warnings":["no date"],"removed":["विज्ञापन"]}`, true},
	{"spaces", " {\n \"id\" : \"a\" ,\t\"body\" : [ { \"text\" : \"x\" } , {} ] ,\r\n\"tags\":[ ] }\n ", true},
	{"escapes", `{"id":"a","headline":"उन्होंने कहा, \"हम जीतेंगे\"\n\u003cb\u003e \ud83d\ude00 \u0915","body":[{"text":"a\\b\/c\tद"}]}`, true},
	{"empty arrays", `{"id":"a","authors":[],"body":[],"related":[],"removed":[]}`, true},
	{"empty object", `{}`, true},
	{"invalid utf8", "{\"id\":\"a\",\"headline\":\"x\xff\xfey\"}", true},
	{"cut devanagari", "{\"headline\":\"क\xe0\xa4\",\"kicker\":\"\xe0\xa4\"}", true},
	{"overlong", "{\"headline\":\"\xe0\x80\x80 \xc0\xaf\"}", true},
	{"surrogate bytes", "{\"headline\":\"\xed\xa0\x80 \xef\xbf\xbd\"}", true},
	{"lone surrogate", `{"id":"a","headline":"\ud800x"}`, true},
	{"surrogate then letter", `{"headline":"\ud83d\u0041\uDC00\uD83D\uDE00\ud83d"}`, true},
	{"bad escapes", `{"headline":"\x41"}`, false},
	{"single quote escape", `{"headline":"\'"}`, false},
	{"short unicode escape", `{"headline":"\u12"}`, false},
	{"null field", `{"id":"a","headline":null}`, false},
	{"null body", `{"id":"a","body":null}`, false},
	{"folded key", `{"ID":"a","Headline":"x"}`, false},
	{"escaped key", `{"\u0069d":"a"}`, false},
	{"unknown key", `{"id":"a","extra":{"n":[1,2,{"x":null}]}}`, false},
	{"repeated key", `{"id":"a","id":"b"}`, false},
	{"repeated body", `{"id":"a","body":[{"kind":"paragraph","text":"x"}],"body":[{"text":"y"}]}`, false},
	{"repeated block key", `{"body":[{"text":"x","text":"y"}]}`, false},
	{"number", `{"id":5}`, false},
	{"bad time", `{"id":"a","published":"yesterday"}`, false},
	{"time with escape", `{"id":"a","published":"2025-07-14T20:10:00\u002b05:30"}`, false},
	{"trailing comma", `{"id":"a",}`, false},
	{"trailing data", `{"id":"a"} x`, false},
	{"two values", `{"id":"a"}{"id":"b"}`, false},
	{"unterminated", `{"id":"a`, false},
	{"control char", "{\"id\":\"a\x01\"}", false},
	{"not object", `["a"]`, false},
	{"empty", ``, false},
}

func TestDecodeMatchesJSON(t *testing.T) {
	for _, tt := range decodeCases {
		t.Run(tt.name, func(t *testing.T) {
			checkDecode(t, tt.doc)
			if _, ok := fastDecode(tt.doc); ok != tt.fast {
				t.Errorf("fastDecode(%q) took it: got %v, want %v", tt.doc, ok, tt.fast)
			}
		})
	}
}

// TestDecodeRealArticles round-trips the BBC Hindi sample through
// json.Marshal, as the store writes it, and checks both decoders agree.
func TestDecodeRealArticles(t *testing.T) {
	arts := bbcArticles(t)
	for i, a := range arts {
		a.ID = "bbc-" + a.URL
		a.Standfirst = `"उद्धरण" <b>&</b>`
		a.Related = []news.Link{{Title: a.Headline, URL: a.URL}}
		doc, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := fastDecode(string(doc)); !ok {
			t.Fatalf("article %d: fastDecode refused json.Marshal output %q", i, doc)
		}
		checkDecode(t, string(doc))
	}
}

func FuzzDecode(f *testing.F) {
	for _, tt := range decodeCases {
		f.Add(tt.doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		checkDecode(t, doc)
		want := utf8.ValidString(doc) && !strings.ContainsFunc(doc, func(r rune) bool { return r < 0x20 })
		if got := isPlain(doc); got != want {
			t.Fatalf("isPlain(%q): got %v, want %v", doc, got, want)
		}
	})
}

// BenchmarkDecode compares decode with json.Unmarshal (the way before) on
// the BBC Hindi sample as stored.
func BenchmarkDecode(b *testing.B) {
	arts := bbcArticles(b)
	docs := make([]string, len(arts))
	for i, a := range arts {
		a.ID = "bbc"
		doc, err := json.Marshal(a)
		if err != nil {
			b.Fatal(err)
		}
		docs[i] = string(doc)
	}
	size := 0
	for _, d := range docs {
		size += len(d)
	}
	b.Run("json.Unmarshal", func(b *testing.B) {
		b.SetBytes(int64(size / len(docs)))
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, err := jsonDecode(docs[i%len(docs)]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(int64(size / len(docs)))
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, err := decode("bbc", docs[i%len(docs)]); err != nil {
				b.Fatal(err)
			}
		}
	})
}
