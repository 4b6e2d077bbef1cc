package web

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStateRoundTrip(t *testing.T) {
	tests := []struct {
		name, in, url, query string
	}{
		{"empty", "", "/", ""},
		{"words", "q=मानसून+बारिश", "/?q=%E0%A4%AE%E0%A4%BE%E0%A4%A8%E0%A4%B8%E0%A5%82%E0%A4%A8+%E0%A4%AC%E0%A4%BE%E0%A4%B0%E0%A4%BF%E0%A4%B6", "मानसून बारिश"},
		{"everything", "q=x&source=Nagar+Times&source=nagar+times&lang=HI&from=2025-01-01&to=2025-12-31&sort=newest&page=3",
			"/?from=2025-01-01&lang=hi&page=3&q=x&sort=newest&source=Nagar+Times&to=2025-12-31",
			`x source:"Nagar Times" lang:hi from:2025-01-01 to:2025-12-31`},
		{"defaults left out", "q=x&sort=relevance&page=1&from=&to=", "/?q=x", "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, _ := url.ParseQuery(tt.in)
			st, err := parseState(v)
			if err != nil {
				t.Fatal(err)
			}
			if got := st.URL(); got != tt.url {
				t.Errorf("URL: got %q, want %q", got, tt.url)
			}
			if got := st.Query(); got != tt.query {
				t.Errorf("Query: got %q, want %q", got, tt.query)
			}
		})
	}
}

func TestStateToggle(t *testing.T) {
	st := searchState{Q: "x", Sources: []string{"Nagar Times"}, Page: 4}
	if got, want := st.ToggleSource("nagar times").URL(), "/?q=x"; got != want {
		t.Errorf("removing a source: got %q, want %q", got, want)
	}
	if got, want := st.ToggleSource("Desh Darpan").URL(), "/?q=x&source=Nagar+Times&source=Desh+Darpan"; got != want {
		t.Errorf("adding a source: got %q, want %q", got, want)
	}
	if got, want := st.ToggleLang("hi").WithNewest(true).URL(), "/?lang=hi&q=x&sort=newest&source=Nagar+Times"; got != want {
		t.Errorf("adding a language and sort: got %q, want %q", got, want)
	}
}

func TestStateErrors(t *testing.T) {
	for _, in := range []string{"q=%ff", "from=2025-1-1", "to=kal", "sort=old", "page=-2", "page=100000", "source=%22x%22",
		"lang=" + strings.Repeat("a&lang=", 30) + "a"} {
		v, _ := url.ParseQuery(in)
		if _, err := parseState(v); err == nil {
			t.Errorf("parseState(%s): got nil error", in)
		}
	}
}

func FuzzParseState(f *testing.F) {
	for _, s := range []string{"q=x", "q=मानसून&source=a&lang=hi&from=2025-01-01&sort=newest&page=2", "page=9999999999999999999", "q=%ff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		st, err := parseState(v)
		if err != nil {
			return
		}
		// The URL of a state reads back as the same state.
		u, err := url.Parse(st.URL())
		if err != nil {
			t.Fatalf("URL %q does not parse: %v", st.URL(), err)
		}
		back, err := parseState(u.Query())
		if err != nil || back.URL() != st.URL() {
			t.Fatalf("round trip of %q: got %q, %v", st.URL(), back.URL(), err)
		}
		if !utf8.ValidString(st.Query()) {
			t.Fatalf("query %q is not UTF-8", st.Query())
		}
	})
}

func FuzzParseRecords(f *testing.F) {
	for _, s := range []string{rec1, "[" + rec1 + "," + rec2 + "]", rec1 + "\n" + rec2, "{", "[", "[1,2]", "\xef\xbb\xbf{}", "{\"title\":\"x\"}\n{oops"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		items, err := parseRecords(body)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if len(items) == 0 || len(items) > MaxRecords {
			t.Fatalf("got %d items without an error", len(items))
		}
		for _, it := range items {
			if (it.article == nil) != (it.res.Status == "failed") || (it.article == nil && it.res.Error == "") {
				t.Fatalf("inconsistent item %+v", it.res)
			}
		}
	})
}
