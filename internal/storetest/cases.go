package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/news"
)

func testEmpty(t *testing.T, f Factory) {
	s := open(t, f)
	if got := mustLastSeq(t, s); got != 0 {
		t.Errorf("LastSeq of a new store: got %d, want 0", got)
	}
	if got := mustCount(t, s); got != 0 {
		t.Errorf("Count of a new store: got %d, want 0", got)
	}
	if got := allChanges(t, s, 0, 10); len(got) != 0 {
		t.Errorf("Changes of a new store: got %d changes, want none", len(got))
	}
	res, err := s.Put(t.Context())
	if err != nil {
		t.Fatalf("Put with no articles: %v", err)
	}
	if len(res) != 0 {
		t.Errorf("Put with no articles: got %d results, want 0", len(res))
	}
	if got := mustLastSeq(t, s); got != 0 {
		t.Errorf("LastSeq after an empty Put: got %d, want 0", got)
	}
}

func testRoundTrip(t *testing.T, f Factory) {
	s := open(t, f)
	want := fullArticle("rt-1")
	res := mustPut(t, s, clone(want))
	checkStatus(t, res[0], news.Created)
	if res[0].Seq <= 0 {
		t.Errorf("Put: got seq %d, want a positive sequence number", res[0].Seq)
	}
	got := mustGet(t, s, "rt-1")
	checkSame(t, "Get after Put", got, want)
	if !got.Published.Equal(time.Date(2024, time.March, 15, 5, 0, 0, 0, time.UTC)) {
		t.Errorf("Published: got %s, want 2024-03-15T05:00:00Z (10:30 IST)", got.Published)
	}

	many, err := s.GetMany(t.Context(), []string{"rt-1"})
	if err != nil {
		t.Fatalf("GetMany: %v", err)
	}
	checkSame(t, "GetMany after Put", many["rt-1"], want)

	ch := allChanges(t, s, 0, 10)
	if len(ch) != 1 || ch[0].ID != "rt-1" || ch[0].Seq != res[0].Seq {
		t.Fatalf("Changes: got %+v, want one change for rt-1 at seq %d", ch, res[0].Seq)
	}
	checkSame(t, "Changes article", ch[0].Article, want)

	// What the store hands back must hash as what went in: re-putting it is
	// a no-op.
	again := mustPut(t, s, got)
	checkStatus(t, again[0], news.Unchanged)
	if again[0].Seq != res[0].Seq {
		t.Errorf("re-put of Get's article: got seq %d, want %d", again[0].Seq, res[0].Seq)
	}

	// Changing the article the caller holds must not change the stored one.
	got.Headline = "बदला हुआ शीर्षक"
	got.Body[0].Text = "बदला हुआ पाठ"
	checkSame(t, "Get after mutating an earlier result", mustGet(t, s, "rt-1"), want)
}

func testExactBytes(t *testing.T, f Factory) {
	s := open(t, f)
	// The same words in different encodings are different content: a store
	// must not normalize.
	tests := []struct {
		id, headline string
	}{
		{"precomposed", "\u095bिला \u0958ानून \u095eैसला"},     // U+095B, U+0958, U+095E (not NFC)
		{"combining", "ज\u093cिला क\u093cानून फ\u093cैसला"},    // consonant + combining nukta (NFC)
		{"zwj", "रक्\u200dषा और क्\u200dष"},                    // ZWJ after virama
		{"zwnj", "रक्\u200cषा और क्\u200cष"},                   // ZWNJ after virama
		{"digits", "१२ मार्च २०२४ को ३:३० बजे"},                // Devanagari digits
		{"marks", "हँसी, संख्या, दुःख, ॐ"},                     // chandrabindu, anusvara, visarga
		{"mixed", "G20 बैठक में 'भारत' का नाम — \"India\" भी"}, // quotes and Latin
	}
	var batch []*news.Article
	for _, tc := range tests {
		batch = append(batch, &news.Article{ID: tc.id, Headline: tc.headline,
			Body: []news.Block{{Kind: news.Paragraph, Text: tc.headline + "।"}}})
	}
	mustPut(t, s, batch...)
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			got := mustGet(t, s, tc.id)
			if got.Headline != tc.headline {
				t.Errorf("Headline: got %q, want %q", got.Headline, tc.headline)
			}
			if got.Body[0].Text != tc.headline+"।" {
				t.Errorf("Body: got %q, want %q", got.Body[0].Text, tc.headline+"।")
			}
		})
	}
}

func testIdempotent(t *testing.T, f Factory) {
	s := open(t, f)
	first := mustPut(t, s, batch(0, 5)...)
	for _, r := range first {
		checkStatus(t, r, news.Created)
	}
	last := mustLastSeq(t, s)
	before := allChanges(t, s, 0, 100)

	// Fresh copies with equal content, in another order and split in two.
	second := append(mustPut(t, s, batch(3, 5)...), mustPut(t, s, batch(0, 3)...)...)
	wantSeq := map[string]int64{}
	for _, r := range first {
		wantSeq[r.ID] = r.Seq
	}
	for _, r := range second {
		checkStatus(t, r, news.Unchanged)
		if r.Seq != wantSeq[r.ID] {
			t.Errorf("re-put %q: got seq %d, want its old seq %d", r.ID, r.Seq, wantSeq[r.ID])
		}
	}
	if got := mustLastSeq(t, s); got != last {
		t.Errorf("LastSeq after identical re-put: got %d, want %d", got, last)
	}
	after := allChanges(t, s, 0, 100)
	if len(after) != len(before) {
		t.Fatalf("Changes after identical re-put: got %d, want %d", len(after), len(before))
	}
	for i := range after {
		if after[i].Seq != before[i].Seq || after[i].ID != before[i].ID {
			t.Errorf("change %d after re-put: got %d/%q, want %d/%q", i, after[i].Seq, after[i].ID, before[i].Seq, before[i].ID)
		}
	}
	if got := mustCount(t, s); got != 5 {
		t.Errorf("Count after re-put: got %d, want 5", got)
	}
}

func testUpdate(t *testing.T, f Factory) {
	s := open(t, f)
	orig := Article(1)
	first := mustPut(t, s, orig, Article(2))
	edit := clone(orig)
	edit.Body = append(edit.Body, news.Block{Kind: news.Paragraph, Text: "अपडेट: बारिश शाम तक थम गई।"})
	edit.Updated = time.Date(2024, time.March, 2, 18, 0, 0, 0, ist)
	res := mustPut(t, s, edit)
	checkStatus(t, res[0], news.Updated)
	if res[0].Seq <= first[1].Seq {
		t.Errorf("update seq: got %d, want above every earlier seq (%d)", res[0].Seq, first[1].Seq)
	}
	if got := mustLastSeq(t, s); got != res[0].Seq {
		t.Errorf("LastSeq after update: got %d, want %d", got, res[0].Seq)
	}
	checkSame(t, "Get after update", mustGet(t, s, orig.ID), edit)
	if got := mustCount(t, s); got != 2 {
		t.Errorf("Count after update: got %d, want 2", got)
	}
	// Going back to the first content is a change too.
	back := mustPut(t, s, Article(1))
	checkStatus(t, back[0], news.Updated)
	if back[0].Seq <= res[0].Seq {
		t.Errorf("second update seq: got %d, want above %d", back[0].Seq, res[0].Seq)
	}
}

func testSameIDInOneBatch(t *testing.T, f Factory) {
	s := open(t, f)
	a := Article(7)
	b := clone(a)
	b.Headline = "एक ही बैच में बदला गया शीर्षक"
	res := mustPut(t, s, a, clone(a), b)
	checkStatus(t, res[0], news.Created)
	checkStatus(t, res[1], news.Unchanged)
	checkStatus(t, res[2], news.Updated)
	if res[1].Seq != res[0].Seq {
		t.Errorf("unchanged repeat: got seq %d, want %d", res[1].Seq, res[0].Seq)
	}
	if res[2].Seq <= res[0].Seq {
		t.Errorf("update in the same batch: got seq %d, want above %d", res[2].Seq, res[0].Seq)
	}
	checkSame(t, "Get after batch", mustGet(t, s, a.ID), b)
	ch := allChanges(t, s, 0, 10)
	if len(ch) != 1 || ch[0].Seq != res[2].Seq {
		t.Errorf("Changes: got %+v, want only the latest change at seq %d", ch, res[2].Seq)
	}
}

func testGetMissing(t *testing.T, f Factory) {
	s := open(t, f)
	mustPut(t, s, Article(1))
	for _, id := range []string{"st-999", "", "कोई-नहीं"} {
		_, err := s.Get(t.Context(), id)
		checkNotFound(t, fmt.Sprintf("Get(%q)", id), err, id)
	}
}

func testGetMany(t *testing.T, f Factory) {
	s := open(t, f)
	mustPut(t, s, batch(0, 4)...)
	tests := []struct {
		name string
		ids  []string
		want []int // Article numbers expected back
	}{
		{"none", nil, nil},
		{"all", []string{"st-0", "st-1", "st-2", "st-3"}, []int{0, 1, 2, 3}},
		{"some missing", []string{"st-1", "st-404", "st-3", "नहीं"}, []int{1, 3}},
		{"only missing", []string{"st-404"}, nil},
		{"repeated", []string{"st-2", "st-2", "st-2"}, []int{2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.GetMany(t.Context(), tc.ids)
			if err != nil {
				t.Fatalf("GetMany(%q): %v", tc.ids, err)
			}
			if len(got) != len(tc.want) {
				t.Errorf("GetMany(%q): got %d articles, want %d", tc.ids, len(got), len(tc.want))
			}
			for _, n := range tc.want {
				want := Article(n)
				checkSame(t, "GetMany "+want.ID, got[want.ID], want)
			}
		})
	}
	// A long list, longer than common bound-parameter limits.
	mustPut(t, s, batch(4, 300)...)
	var ids []string
	for i := range 40_000 {
		ids = append(ids, fmt.Sprintf("st-%d", i))
	}
	got, err := s.GetMany(t.Context(), ids)
	if err != nil {
		t.Fatalf("GetMany(40000 ids): %v", err)
	}
	if len(got) != 300 {
		t.Errorf("GetMany(40000 ids): got %d articles, want 300", len(got))
	}
}

func testCount(t *testing.T, f Factory) {
	s := open(t, f)
	steps := []struct {
		name string
		do   func() error
		want int
	}{
		{"put 10", func() error { _, err := s.Put(t.Context(), batch(0, 10)...); return err }, 10},
		{"re-put 5", func() error { _, err := s.Put(t.Context(), batch(0, 5)...); return err }, 10},
		{"put 5 more", func() error { _, err := s.Put(t.Context(), batch(8, 15)...); return err }, 15},
		{"delete 2", func() error {
			if err := s.Delete(t.Context(), "st-0"); err != nil {
				return err
			}
			return s.Delete(t.Context(), "st-14")
		}, 13},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := mustCount(t, s); got != st.want {
			t.Errorf("Count after %s: got %d, want %d", st.name, got, st.want)
		}
	}
}
