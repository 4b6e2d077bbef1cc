package storetest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/news"
)

func testDelete(t *testing.T, f Factory) {
	s := open(t, f)
	checkNotFound(t, `Delete("st-404")`, s.Delete(t.Context(), "st-404"), "st-404")
	mustPut(t, s, batch(0, 3)...)
	before := mustLastSeq(t, s)

	if err := s.Delete(t.Context(), "st-1"); err != nil {
		t.Fatalf(`Delete("st-1"): %v`, err)
	}
	delSeq := mustLastSeq(t, s)
	if delSeq <= before {
		t.Errorf("LastSeq after delete: got %d, want above %d", delSeq, before)
	}
	_, err := s.Get(t.Context(), "st-1")
	checkNotFound(t, `Get("st-1") after delete`, err, "st-1")
	many, err := s.GetMany(t.Context(), []string{"st-0", "st-1", "st-2"})
	if err != nil {
		t.Fatalf("GetMany: %v", err)
	}
	if _, ok := many["st-1"]; ok || len(many) != 2 {
		t.Errorf("GetMany after delete: got %d articles (deleted included: %v), want 2 without st-1", len(many), ok)
	}
	checkNotFound(t, `second Delete("st-1")`, s.Delete(t.Context(), "st-1"), "st-1")
	if got := mustLastSeq(t, s); got != delSeq {
		t.Errorf("LastSeq after deleting a missing id: got %d, want %d", got, delSeq)
	}

	// Re-creating a deleted ID is a creation with a new, higher seq; the
	// change feed then shows the article, not the deletion.
	res := mustPut(t, s, Article(1))
	checkStatus(t, res[0], news.Created)
	if res[0].Seq <= delSeq {
		t.Errorf("re-create after delete: got seq %d, want above %d", res[0].Seq, delSeq)
	}
	ch := allChanges(t, s, 0, 10)
	var found int
	for _, c := range ch {
		if c.ID == "st-1" {
			found++
			if c.Article == nil || c.Seq != res[0].Seq {
				t.Errorf("change for re-created st-1: got seq %d article %v, want seq %d with the article", c.Seq, c.Article != nil, res[0].Seq)
			}
		}
	}
	if found != 1 {
		t.Errorf("Changes: st-1 appears %d times, want once", found)
	}

	// Sequence numbers are never reused, not even the deletion's.
	if err := s.Delete(t.Context(), "st-2"); err != nil {
		t.Fatalf(`Delete("st-2"): %v`, err)
	}
	d2 := mustLastSeq(t, s)
	res = mustPut(t, s, Article(50))
	if res[0].Seq <= d2 {
		t.Errorf("put after delete: got seq %d, want above the deletion's %d", res[0].Seq, d2)
	}
}

// changeFixture builds a store with a known history and returns the expected
// change feed after 0: (id, seq, deleted).
func changeFixture(t *testing.T, s news.Store) []news.Change {
	t.Helper()
	r1 := mustPut(t, s, batch(0, 6)...) // st-0 … st-5
	edit := clone(Article(2))
	edit.Kicker = "ताज़ा"
	r2 := mustPut(t, s, edit) // st-2 moves to the end
	if err := s.Delete(t.Context(), "st-4"); err != nil {
		t.Fatalf(`Delete("st-4"): %v`, err)
	}
	delSeq := mustLastSeq(t, s)
	edit0 := clone(Article(0))
	edit0.Tags = append(edit0.Tags, "सुधार")
	r3 := mustPut(t, s, edit0) // st-0 moves to the end

	seqOf := map[string]int64{}
	for _, r := range r1 {
		seqOf[r.ID] = r.Seq
	}
	return []news.Change{
		{Seq: seqOf["st-1"], ID: "st-1", Article: Article(1)},
		{Seq: seqOf["st-3"], ID: "st-3", Article: Article(3)},
		{Seq: seqOf["st-5"], ID: "st-5", Article: Article(5)},
		{Seq: r2[0].Seq, ID: "st-2", Article: edit},
		{Seq: delSeq, ID: "st-4"},
		{Seq: r3[0].Seq, ID: "st-0", Article: edit0},
	}
}

func checkChanges(t *testing.T, what string, got, want []news.Change) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d changes %s, want %d %s", what, len(got), describe(got), len(want), describe(want))
		return
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Seq != w.Seq || g.ID != w.ID {
			t.Errorf("%s: change %d is %d/%q, want %d/%q", what, i, g.Seq, g.ID, w.Seq, w.ID)
			continue
		}
		if (g.Article == nil) != (w.Article == nil) {
			t.Errorf("%s: change %d (%q): got article %v, want %v (nil means deleted)", what, i, g.ID, g.Article != nil, w.Article != nil)
			continue
		}
		checkSame(t, fmt.Sprintf("%s: change %d article", what, i), g.Article, w.Article)
	}
}

func describe(cs []news.Change) string {
	var b strings.Builder
	b.WriteString("[")
	for i, c := range cs {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%d:%s", c.Seq, c.ID)
		if c.Article == nil {
			b.WriteString("(deleted)")
		}
	}
	b.WriteString("]")
	return b.String()
}

func testChanges(t *testing.T, f Factory) {
	s := open(t, f)
	want := changeFixture(t, s)
	got, err := s.Changes(t.Context(), 0, 100)
	if err != nil {
		t.Fatalf("Changes(0, 100): %v", err)
	}
	checkChanges(t, "Changes(0, 100)", got, want)
	last := mustLastSeq(t, s)
	if last != want[len(want)-1].Seq {
		t.Errorf("LastSeq: got %d, want the last change's seq %d", last, want[len(want)-1].Seq)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Seq <= got[i-1].Seq {
			t.Errorf("Changes not ascending: %d after %d", got[i].Seq, got[i-1].Seq)
		}
	}
	// Starting after a change skips it and everything before it.
	got, err = s.Changes(t.Context(), want[2].Seq, 100)
	if err != nil {
		t.Fatalf("Changes(%d, 100): %v", want[2].Seq, err)
	}
	checkChanges(t, fmt.Sprintf("Changes(%d, 100)", want[2].Seq), got, want[3:])
	got, err = s.Changes(t.Context(), last, 100)
	if err != nil {
		t.Fatalf("Changes(last, 100): %v", err)
	}
	if len(got) != 0 {
		t.Errorf("Changes after LastSeq: got %s, want none", describe(got))
	}
}

func testChangesPagination(t *testing.T, f Factory) {
	s := open(t, f)
	want := changeFixture(t, s)
	for _, limit := range []int{1, 2, 4, 6, 7, 1000} {
		t.Run(fmt.Sprintf("limit=%d", limit), func(t *testing.T) {
			checkChanges(t, fmt.Sprintf("pages of %d", limit), allChanges(t, s, 0, limit), want)
			first, err := s.Changes(t.Context(), 0, limit)
			if err != nil {
				t.Fatalf("Changes(0, %d): %v", limit, err)
			}
			if wantN := min(limit, len(want)); len(first) != wantN {
				t.Errorf("Changes(0, %d): got %d changes, want %d", limit, len(first), wantN)
			}
		})
	}
}

func testInvalidArticles(t *testing.T, f Factory) {
	s := open(t, f)
	noID := Article(1)
	noID.ID = ""
	tests := []struct {
		name  string
		batch []*news.Article
		say   string // the error must mention this
	}{
		{"empty id", []*news.Article{noID}, "id"},
		{"empty id after good ones", []*news.Article{Article(2), Article(3), noID}, "id"},
		{"nil article", []*news.Article{Article(4), nil}, "nil"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := s.Put(t.Context(), tc.batch...)
			if err == nil {
				t.Fatalf("Put: got results %+v and no error, want an error", res)
			}
			if !strings.Contains(err.Error(), tc.say) {
				t.Errorf("Put error %q does not mention %q", err, tc.say)
			}
			if errors.Is(err, news.ErrNotFound) {
				t.Errorf("Put error %q wraps ErrNotFound", err)
			}
		})
	}
	if got := mustCount(t, s); got != 0 {
		t.Errorf("Count after failed puts: got %d, want 0", got)
	}
	if got := mustLastSeq(t, s); got != 0 {
		t.Errorf("LastSeq after failed puts: got %d, want 0", got)
	}
}

func testFailedBatch(t *testing.T, f Factory) {
	s := open(t, f)
	good := mustPut(t, s, batch(0, 10)...)
	last := mustLastSeq(t, s)
	before := allChanges(t, s, 0, 100)

	// An update of st-3, new articles, then a bad one: none of it may stick.
	edit := clone(Article(3))
	edit.Headline = "यह बदलाव कभी सहेजा नहीं जाना चाहिए"
	bad := Article(12)
	bad.ID = ""
	if _, err := s.Put(t.Context(), batch(10, 12)[0], edit, batch(10, 12)[1], bad, Article(13)); err == nil {
		t.Fatal("Put of a batch with an empty id: got no error")
	}
	if got := mustCount(t, s); got != len(good) {
		t.Errorf("Count after failed batch: got %d, want %d", got, len(good))
	}
	if got := mustLastSeq(t, s); got != last {
		t.Errorf("LastSeq after failed batch: got %d, want %d", got, last)
	}
	for _, id := range []string{"st-10", "st-11", "st-13"} {
		_, err := s.Get(t.Context(), id)
		checkNotFound(t, fmt.Sprintf("Get(%q) after failed batch", id), err, id)
	}
	checkSame(t, "st-3 after failed batch", mustGet(t, s, "st-3"), Article(3))
	checkChanges(t, "Changes after failed batch", allChanges(t, s, 0, 100), before)

	// The store still works.
	res := mustPut(t, s, Article(10))
	checkStatus(t, res[0], news.Created)
	if res[0].Seq <= last {
		t.Errorf("put after failed batch: got seq %d, want above %d", res[0].Seq, last)
	}
}

func testReopen(t *testing.T, f Factory) {
	loc := f.Fresh(t)
	s, _ := openAt(t, f, loc)
	mustPut(t, s, batch(0, 20)...)
	edit := clone(Article(5))
	edit.Standfirst = "दोबारा खोलने के बाद भी यह संशोधन रहना चाहिए।"
	mustPut(t, s, edit, fullArticle("full"))
	if err := s.Delete(t.Context(), "st-7"); err != nil {
		t.Fatalf(`Delete("st-7"): %v`, err)
	}
	wantLast := mustLastSeq(t, s)
	wantChanges := allChanges(t, s, 0, 1000)
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	s2, _ := openAt(t, f, loc)
	if got := mustLastSeq(t, s2); got != wantLast {
		t.Errorf("LastSeq after reopen: got %d, want %d", got, wantLast)
	}
	if got := mustCount(t, s2); got != 20 {
		t.Errorf("Count after reopen: got %d, want 20", got)
	}
	checkChanges(t, "Changes after reopen", allChanges(t, s2, 0, 1000), wantChanges)
	checkSame(t, "edited article after reopen", mustGet(t, s2, "st-5"), edit)
	checkSame(t, "full article after reopen", mustGet(t, s2, "full"), fullArticle("full"))
	_, err := s2.Get(t.Context(), "st-7")
	checkNotFound(t, `Get("st-7") after reopen`, err, "st-7")

	res := mustPut(t, s2, Article(0), Article(100))
	checkStatus(t, res[0], news.Unchanged)
	checkStatus(t, res[1], news.Created)
	if res[1].Seq <= wantLast {
		t.Errorf("first new seq after reopen: got %d, want above %d", res[1].Seq, wantLast)
	}
}
