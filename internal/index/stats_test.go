package index

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/news"
)

func statsArticle(id, headline, body string) *news.Article {
	return &news.Article{ID: id, Language: "hi", Headline: headline,
		Body: []news.Block{{Kind: news.Paragraph, Text: body}}}
}

// fieldCounts is the number of terms per field, by field name.
type fieldCounts map[string]uint64

var fieldNames = [numFields]string{"headline", "standfirst", "tags", "body", "xkey"}

// liveCounts returns the live term totals of the index's current snapshot.
func liveCounts(t *testing.T, ix *Index) (fieldCounts, int) {
	t.Helper()
	s, err := ix.acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer s.release()
	out := fieldCounts{}
	for f, n := range s.sumLens {
		if n != 0 {
			out[fieldNames[f]] = n
		}
	}
	return out, s.live
}

// TestTermCounts checks that the index keeps the true number of terms per
// field of the live documents, which BM25 divides by, through additions,
// replacements, deletions, repeats and a reopen.
func TestTermCounts(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ix := openTest(t, dir)
	steps := []struct {
		name    string
		changes []news.Change
		want    fieldCounts
		live    int
	}{
		{"two articles", []news.Change{
			{Seq: 1, ID: "a", Article: statsArticle("a", "बाढ़ असम", "असम में बाढ़ से हजारों लोग बेघर")}, // 2 + 5 terms
			{Seq: 2, ID: "b", Article: statsArticle("b", "भूकंप", "नेपाल में भूकंप के झटके")},            // 1 + 3 terms
		}, fieldCounts{"headline": 3, "body": 8, "xkey": 12}, 2}, // one key per word, two for हजारों (हजार)
		{"a replaced, shorter", []news.Change{
			{Seq: 3, ID: "a", Article: statsArticle("a", "बाढ़", "असम बाढ़")},
		}, fieldCounts{"headline": 2, "body": 5, "xkey": 7}, 2},
		{"already applied changes change nothing", []news.Change{
			{Seq: 2, ID: "b", Article: statsArticle("b", "x y z", "x y z")},
		}, fieldCounts{"headline": 2, "body": 5, "xkey": 7}, 2},
		{"b deleted, c added and replaced in one batch", []news.Change{
			{Seq: 4, ID: "b"},
			{Seq: 5, ID: "c", Article: statsArticle("c", "चुनाव", "मतदान आज")},
			{Seq: 6, ID: "c", Article: statsArticle("c", "चुनाव नतीजे", "मतदान")},
		}, fieldCounts{"headline": 3, "body": 3, "xkey": 6}, 2},
	}
	for _, st := range steps {
		if err := ix.Apply(ctx, st.changes); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		got, live := liveCounts(t, ix)
		if !reflect.DeepEqual(got, st.want) || live != st.live {
			t.Errorf("%s: got counts %v over %d documents, want %v over %d", st.name, got, live, st.want, st.live)
		}
	}
	ix.Close()
	ix = openTest(t, dir)
	defer ix.Close()
	if got, _ := liveCounts(t, ix); !reflect.DeepEqual(got, fieldCounts{"headline": 3, "body": 3, "xkey": 6}) {
		t.Errorf("after reopen: got counts %v, want headline 3, body 3, xkey 6", got)
	}
	r, err := ix.Search(ctx, Query{Should: []Clause{Term("मतदान")}, Langs: []string{"hi"}, From: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("search with filters: %v", err)
	}
	if r.Total != 0 { // no article has a publication time, so the date filter keeps none
		t.Errorf("got %d hits, want 0", r.Total)
	}
}
