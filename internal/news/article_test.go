package news

import (
	"strings"
	"testing"
	"time"
)

func TestContentHashIgnoresIDAndSeesContent(t *testing.T) {
	a := &Article{ID: "a", Headline: "रूस पहुंचे जयशंकर", Body: []Block{{Kind: Paragraph, Text: "पहला पैराग्राफ़"}}}
	b := *a
	b.ID = "b"
	if a.ContentHash() != b.ContentHash() {
		t.Error("got different hashes for articles that differ only in ID")
	}
	b.Body = []Block{{Kind: Paragraph, Text: "पहला पैराग्राफ"}} // no nukta
	if a.ContentHash() == b.ContentHash() {
		t.Error("got the same hash for different body text")
	}
}

func TestDeriveID(t *testing.T) {
	a := &Article{Headline: "मानसून", URL: "https://example.in/a"}
	b := &Article{Headline: "मानसून (अपडेट)", URL: "https://example.in/a"}
	if a.DeriveID() != b.DeriveID() || len(a.DeriveID()) != 16 {
		t.Errorf("got %q and %q, want one 16-digit ID for one URL", a.DeriveID(), b.DeriveID())
	}
	c := &Article{Headline: "मानसून"}
	d := &Article{Headline: "मानसून", Body: []Block{{Text: "x"}}}
	if c.DeriveID() == d.DeriveID() {
		t.Error("got the same ID for different text without URLs")
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		a    Article
		want string
	}{
		{"ok", Article{ID: "x", Headline: "शीर्षक"}, ""},
		{"no id", Article{Headline: "शीर्षक"}, "no id"},
		{"empty", Article{ID: "x"}, "neither headline nor body"},
		{"far future", Article{ID: "x", Headline: "h", Published: time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC)}, "published time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.a.Validate()
			if (err == nil) != (tt.want == "") || (err != nil && !strings.Contains(err.Error(), tt.want)) {
				t.Errorf("got %v, want error containing %q", err, tt.want)
			}
			_ = tt.a.ContentHash() // never panics
		})
	}
}
