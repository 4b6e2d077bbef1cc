package news

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestCanonicalSourceURL(t *testing.T) {
	tests := []struct {
		in, want, wantErr string
	}{
		{"https://nagar-samachar.example/rss/desh.xml", "https://nagar-samachar.example/rss/desh.xml", ""},
		{"  HTTPS://Nagar-Samachar.EXAMPLE:443/rss#ऊपर ", "https://nagar-samachar.example/rss", ""},
		{"http://ganga.example:80", "http://ganga.example/", ""},
		{"http://ganga.example:8080/feed?cat=देश", "http://ganga.example:8080/feed?cat=देश", ""},
		{"https://ganga.example./", "https://ganga.example/", ""},
		{"http://[::1]:80/x", "http://[::1]/x", ""},
		{"https://ganga.example/ख़बर", "https://ganga.example/%E0%A4%96%E0%A4%BC%E0%A4%AC%E0%A4%B0", ""},
		{"https://समाचार.example/", "", "xn--"},
		{"", "", "empty"},
		{"ganga.example/rss", "", "not absolute"},
		{"ftp://ganga.example/rss", "", `scheme "ftp"`},
		{"https:///rss", "", "no host"},
		{"https://a:b@ganga.example/", "", "user information"},
		{"https://ganga.example/\xff", "", "UTF-8"},
		{"https://ganga.example/" + strings.Repeat("a", MaxSourceField), "", "bytes"},
		{"http://%zz/", "", "source URL"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := CanonicalSourceURL(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("got %q, %v; want an error containing %q", got, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("got %q, %v; want %q", got, err, tc.want)
			}
			again, err := CanonicalSourceURL(got)
			if err != nil || again != got {
				t.Errorf("not idempotent: got %q, %v from %q", again, err, got)
			}
		})
	}
}

func TestSourceJSON(t *testing.T) {
	at := time.Date(2025, time.November, 18, 5, 0, 0, 5, time.UTC)
	s := Source{ID: 7, URL: "https://nagar.example/rss", Kind: SourceFeed, Name: "नगर समाचार", Language: "hi",
		Interval: 15 * time.Minute, MaxInterval: 6 * time.Hour, Politeness: Politeness{MinGap: 2 * time.Second},
		Health: SourceHealth{LastSuccess: at, ItemsPerDay: 12.5, ETag: `"x"`}, Created: at}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"interval":"15m0s"`, `"max_interval":"6h0m0s"`, `"min_gap":2000000000`,
		`"last_success":"2025-11-18T05:00:00.000000005Z"`, `"name":"नगर समाचार"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON %s lacks %s", b, want)
		}
	}
	if strings.Contains(string(b), "min_interval") || strings.Contains(string(b), "last_fetch") {
		t.Errorf("JSON %s has zero fields", b)
	}
	var back Source
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, s) {
		t.Errorf("round trip: got %+v, want %+v", back, s)
	}
	if err := json.Unmarshal([]byte(`{"url":"https://a.example/","interval":"पंद्रह"}`), &back); err == nil ||
		!strings.Contains(err.Error(), "interval") {
		t.Errorf("bad interval: got %v, want an error naming interval", err)
	}
}

func FuzzCanonicalSourceURL(f *testing.F) {
	for _, s := range []string{"https://nagar.example/rss", "HTTP://A.example:80", "http://[::1]:8080/x#y", "ftp://x", "https://समाचार.example/ख़"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, err := CanonicalSourceURL(raw)
		if err != nil {
			return
		}
		again, err := CanonicalSourceURL(got)
		if err != nil || again != got {
			t.Errorf("CanonicalSourceURL(%q) = %q, but again gives %q, %v", raw, got, again, err)
		}
		s := Source{URL: got}
		if err := s.Validate(); err != nil {
			t.Errorf("Validate of canonical URL %q: %v", got, err)
		}
	})
}
