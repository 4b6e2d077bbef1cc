package index

import (
	"context"
	"reflect"
	"testing"
	"time"

	blevesearch "github.com/blevesearch/bleve/v2/search"

	"github.com/khabar-news/khabar/internal/news"
)

func statsArticle(id, headline, body string) *news.Article {
	return &news.Article{ID: id, Language: "hi", Headline: headline,
		Body: []news.Block{{Kind: news.Paragraph, Text: body}}}
}

// TestTermCounts checks that the index keeps the true number of terms per
// field through additions, replacements, deletions, repeats and a reopen,
// and hands them to Bleve's BM25.
func TestTermCounts(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ix := openTest(t, dir)
	steps := []struct {
		name    string
		changes []news.Change
		want    fieldCounts
	}{
		{"two articles", []news.Change{
			{Seq: 1, ID: "a", Article: statsArticle("a", "बाढ़ असम", "असम में बाढ़ से हजारों लोग बेघर")}, // 2 + 5 terms
			{Seq: 2, ID: "b", Article: statsArticle("b", "भूकंप", "नेपाल में भूकंप के झटके")},            // 1 + 3 terms
		}, fieldCounts{FieldHeadline: 3, FieldBody: 8, FieldXKey: 12}}, // one key per word, two for हजारों (हजार)
		{"a replaced, shorter", []news.Change{
			{Seq: 3, ID: "a", Article: statsArticle("a", "बाढ़", "असम बाढ़")},
		}, fieldCounts{FieldHeadline: 2, FieldBody: 5, FieldXKey: 7}},
		{"already applied changes change nothing", []news.Change{
			{Seq: 2, ID: "b", Article: statsArticle("b", "x y z", "x y z")},
		}, fieldCounts{FieldHeadline: 2, FieldBody: 5, FieldXKey: 7}},
		{"b deleted, c added and replaced in one batch", []news.Change{
			{Seq: 4, ID: "b"},
			{Seq: 5, ID: "c", Article: statsArticle("c", "चुनाव", "मतदान आज")},
			{Seq: 6, ID: "c", Article: statsArticle("c", "चुनाव नतीजे", "मतदान")},
		}, fieldCounts{FieldHeadline: 3, FieldBody: 3, FieldXKey: 6}},
	}
	for _, st := range steps {
		if err := ix.Apply(ctx, st.changes); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := nonZero(ix.stats.tokens); !reflect.DeepEqual(got, st.want) {
			t.Errorf("%s: got counts %v, want %v", st.name, got, st.want)
		}
	}
	sctx, err := ix.withBM25Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	bs, ok := sctx.Value(blevesearch.BM25StatsKey).(*blevesearch.BM25Stats)
	if !ok {
		t.Fatal("no BM25 statistics in the search context")
	}
	if bs.DocCount != 2 || bs.FieldCardinality[FieldBody] != 3 || bs.FieldCardinality[FieldHeadline] != 3 {
		t.Errorf("BM25 statistics: got docs %v, fields %v; want 2 docs, body 3, headline 3", bs.DocCount, bs.FieldCardinality)
	}
	for _, f := range []string{FieldStandfirst, FieldTags, FieldSource, FieldLang, FieldPublished} {
		if _, ok := bs.FieldCardinality[f]; !ok {
			t.Errorf("BM25 statistics lack field %s (Bleve fails a search on such a field)", f)
		}
	}
	ix.Close()
	ix = openTest(t, dir)
	defer ix.Close()
	if got, want := nonZero(ix.stats.tokens), (fieldCounts{FieldHeadline: 3, FieldBody: 3, FieldXKey: 6}); !reflect.DeepEqual(got, want) {
		t.Errorf("after reopen: got counts %v, want %v", got, want)
	}
	r, err := ix.Search(ctx, Query{Should: []Clause{Term("मतदान")}, Langs: []string{"hi"}, From: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("search with statistics and filters: %v", err)
	}
	if r.Total != 0 { // no article has a publication time, so the date filter keeps none
		t.Errorf("got %d hits, want 0", r.Total)
	}
}

func nonZero(c fieldCounts) fieldCounts {
	out := fieldCounts{}
	for k, v := range c {
		if v != 0 {
			out[k] = v
		}
	}
	return out
}
