package search

import (
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/khabar-news/khabar/internal/analysis"
)

// fakeLatinKeys stands in for translit.Keys so plan tests need no tables:
// it returns the word's own key only.
func fakeLatinKeys(w string) []string {
	k, _ := analysis.CrossKey(w)
	if k == "" {
		return nil
	}
	return []string{k}
}

func TestPlanCrossScriptKeys(t *testing.T) {
	an := analysis.New()
	tests := []struct {
		query   string
		keys    [][]string // per positive clause
		mustNot int        // exclusions, which never have keys
	}{
		{"Jaishankar", [][]string{{"d:JISNKR"}}, 0},
		{"जयशंकर", [][]string{{"l:JISNKR"}}, 0},
		// Mixed scripts: each word crosses to the other script.
		{"Jaishankar सिंगापुर", [][]string{{"d:JISNKR"}, {"l:SINGPUR"}}, 0},
		// Nukta, nasal and joiner variants look up one key.
		{"प्याज़", [][]string{{"l:PIJ"}}, 0},
		{"प्याज", [][]string{{"l:PIJ"}}, 0},
		{"हिन्दी", [][]string{{"l:HINDI"}}, 0},
		{"हिंदी", [][]string{{"l:HINDI"}}, 0},
		// A stemmed word is looked up as typed and by its stem.
		{"हजारों", [][]string{{"l:HJRON", "l:HJR"}}, 0},
		// Digits have no key: they match as numbers in both scripts.
		{"१२ मार्च", [][]string{nil, {"l:MRC"}}, 0},
		// Phrases and exclusions stay exact.
		{`"जयशंकर सिंगापुर"`, [][]string{nil}, 0},
		{"जयशंकर -Modi -मोदी", [][]string{{"l:JISNKR"}}, 2},
		// Stop words are dropped, and have no keys.
		{"the Varanasi", [][]string{{"d:VRNSI"}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			pq, err := Parse(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			p := newPlan(an, pq, fakeLatinKeys)
			var got [][]string
			for _, c := range p.Positive {
				got = append(got, c.Keys)
			}
			if !slices.EqualFunc(got, tt.keys, slices.Equal) {
				t.Errorf("keys: got %q, want %q", got, tt.keys)
			}
			if len(p.Query.MustNot) != tt.mustNot {
				t.Fatalf("exclusions: got %d, want %d", len(p.Query.MustNot), tt.mustNot)
			}
			for _, c := range p.Query.MustNot {
				if len(c.Keys) != 0 {
					t.Errorf("exclusion %q has keys %q, want none", c.Terms, c.Keys)
				}
			}
			for _, ks := range tt.keys {
				for _, k := range ks {
					if !p.HighlightKeys[k] {
						t.Errorf("HighlightKeys lacks %q", k)
					}
				}
			}
		})
	}
}

func TestSnippetMarksCrossScript(t *testing.T) {
	an := analysis.New()
	text := "विदेश मंत्री एस. जयशंकर ने गुरुवार को सिंगापुर में कहा कि व्यापार बढ़ेगा।"
	keys := map[string]bool{"d:JISNKR": true, "d:SINGPUR": true}
	sn := makeSnippet(an, text, "hi", map[string]bool{}, keys, SnippetChars)
	got := Highlight(sn.text, sn.spans, "«", "»", nil)
	for _, want := range []string{"«जयशंकर»", "«सिंगापुर»"} {
		if !strings.Contains(got, want) {
			t.Errorf("got %q, want it to hold %q", got, want)
		}
	}
	if sn.matched != 2 {
		t.Errorf("matched: got %d, want 2", sn.matched)
	}
	if strings.Contains(got, "«एस") || strings.Contains(got, "«व्यापार") {
		t.Errorf("got %q, want only whole matched words marked", got)
	}
}

func TestKeyCache(t *testing.T) {
	var calls atomic.Int32
	c := newKeyCache(2, func(w string) []string {
		calls.Add(1)
		return []string{strings.ToUpper(w)}
	})
	for _, w := range []string{"a", "b", "a", "c", "a", "b"} {
		if got := c.get(w); !slices.Equal(got, []string{strings.ToUpper(w)}) {
			t.Fatalf("get(%q) = %q, want %q", w, got, []string{strings.ToUpper(w)})
		}
	}
	// a, b computed; a cached; c computed (b out); a cached; b computed.
	if n := calls.Load(); n != 4 {
		t.Errorf("computed %d times, want 4", n)
	}
	if n := c.order.Len(); n != 2 {
		t.Errorf("cache holds %d words, want 2", n)
	}
}
