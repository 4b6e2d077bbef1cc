package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/news"
)

func crossArticle(id, lang, headline, body string) *news.Article {
	return &news.Article{ID: id, Language: lang, Headline: headline,
		Body: []news.Block{{Kind: news.Paragraph, Text: body}}}
}

// TestCrossScriptKeys checks that a clause with keys finds the articles
// that write the word in the other script, below those that write it as
// the clause does, and that without keys (exclusions) it stays exact.
func TestCrossScriptKeys(t *testing.T) {
	ctx := context.Background()
	arts := []*news.Article{
		crossArticle("hi1", "hi", "वाराणसी में भारी बारिश", "वाराणसी में गंगा का जलस्तर बढ़ा और वाराणसी के घाट डूबे"),
		crossArticle("en1", "en", "Rain in Varanasi", "The Ganga rose in Varanasi on Monday after a night of rain."),
		crossArticle("hi2", "hi", "लखनऊ में डेंगू", "राजधानी में डेंगू के मामले बढ़े"),
	}
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	if _, err := ix.CatchUp(ctx, fill(t, arts)); err != nil {
		t.Fatal(err)
	}
	latin := Clause{Terms: [][]string{{"varanasi"}}, Keys: []string{"d:VRNSI"}}
	deva := Clause{Terms: [][]string{{terms(t, "वाराणसी")[0]}}, Keys: []string{"l:VRNSI"}}
	tests := []struct {
		name string
		q    Query
		want []string // in rank order
	}{
		{"exact only", Query{Must: []Clause{Term("varanasi")}}, []string{"en1"}},
		{"Latin word with keys", Query{Must: []Clause{latin}}, []string{"en1", "hi1"}},
		{"Devanagari word with keys", Query{Must: []Clause{deva}}, []string{"hi1", "en1"}},
		{"lower key boost", Query{Must: []Clause{{Terms: latin.Terms, Keys: latin.Keys, KeyBoost: 0.01}}}, []string{"en1", "hi1"}},
		{"any word", Query{Should: []Clause{latin, Term(terms(t, "डेंगू")[0])}}, []string{"hi2", "en1", "hi1"}}, // the cross-script hit last
		{"exclusion without keys stays exact", Query{Must: []Clause{deva}, MustNot: []Clause{Term("varanasi")}}, []string{"hi1"}},
		{"phrase ignores keys", Query{Must: []Clause{{Terms: [][]string{{"varanasi"}, {"on"}}, Keys: []string{"d:VRNSI"}}}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := search(t, ix, tt.q)
			if got := ids(r); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	bad := []Clause{
		{Terms: [][]string{{"x"}}, Keys: []string{""}},
		{Terms: [][]string{{"x"}}, Keys: []string{"d:X"}, KeyBoost: -1},
	}
	for _, c := range bad {
		if _, err := ix.Search(ctx, Query{Must: []Clause{c}}); err == nil {
			t.Errorf("Search with clause %+v: got no error, want one", c)
		}
	}
}

// TestRareKeyBelowCommonWord checks that a common word's articles rank
// above one that has only a rare cross-script spelling of it: the key
// scores with no more than the word's own idf (with idf³, a key in one
// article of forty once outscored the word itself tenfold).
func TestRareKeyBelowCommonWord(t *testing.T) {
	ctx := context.Background()
	arts := []*news.Article{crossArticle("en1", "en", "Rain in Varanasi", "The Ganga rose in Varanasi on Monday.")}
	for i := range 40 {
		arts = append(arts, crossArticle(fmt.Sprintf("hi%02d", i), "hi", "वाराणसी में बारिश",
			strings.Repeat("नगर निगम ने घाटों की सफाई शुरू की। ", i%5+1)+"वाराणसी के घाट डूबे"))
	}
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	if _, err := ix.CatchUp(ctx, fill(t, arts)); err != nil {
		t.Fatal(err)
	}
	q := Query{Must: []Clause{{Terms: [][]string{{terms(t, "वाराणसी")[0]}}, Keys: []string{"l:VRNSI"}}}, Limit: 41}
	got := ids(search(t, ix, q))
	if len(got) != 41 {
		t.Fatalf("got %d hits, want all 41 (the key must still find the English article)", len(got))
	}
	if got[0] == "en1" || got[len(got)-1] != "en1" {
		t.Errorf("got the English article at rank %d of %d, want it last", slices.Index(got, "en1")+1, len(got))
	}
}
