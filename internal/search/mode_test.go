package search

import (
	"context"
	"slices"
	"sort"
	"testing"
)

func TestSearchAnyWord(t *testing.T) {
	s, _ := newSearcher(t)
	ctx := context.Background()
	tests := []struct {
		name, query string
		want        []string
	}{
		// AllWords finds a06 alone; AnyWord also the articles with one word.
		{"words found together and apart", "बाढ़ असम", []string{"a06", "a07"}},
		{"no article has all words", "बाढ़ मतदान", []string{"a06", "a07", "a09"}},
		{"exclusions still exclude", "भूकंप -प्रशासन", []string{"a10"}},
		{"filters still filter (a07 is from dainik-jagran)", "source:amar-ujala भूकंप बाढ़", []string{"a06", "a10", "a11"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := s.Search(ctx, tt.query, Options{Limit: 20, Mode: AnyWord})
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.query, err)
			}
			got := hitIDs(r)
			sort.Strings(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Search(%q, AnyWord): got %v, want %v", tt.query, got, tt.want)
			}
			if r.Fallback || r.Note != "" {
				t.Errorf("Search(%q, AnyWord): Fallback %v, Note %q; want neither", tt.query, r.Fallback, r.Note)
			}
		})
	}
	// The article with both words ranks first.
	r, err := s.Search(ctx, "बाढ़ असम", Options{Mode: AnyWord})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 || r.Hits[0].ID != "a06" {
		t.Errorf("Search(बाढ़ असम, AnyWord): got %v, want a06 first", hitIDs(r))
	}
	if _, err := s.Search(ctx, "बाढ़", Options{Mode: Mode(9)}); err == nil {
		t.Error("Search with an unknown mode: got nil error")
	}
}

func TestModeString(t *testing.T) {
	for _, tt := range []struct {
		m    Mode
		want string
	}{{AllWords, "all"}, {AnyWord, "any"}, {Mode(7), "Mode(7)"}} {
		if got := tt.m.String(); got != tt.want {
			t.Errorf("Mode(%d).String(): got %q, want %q", uint8(tt.m), got, tt.want)
		}
	}
}
