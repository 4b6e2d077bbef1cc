package indextest

import (
	"context"
	"errors"
	"testing"

	"github.com/khabar-news/khabar/internal/news"
)

func TestStoreChanges(t *testing.T) {
	ctx := context.Background()
	var st Store
	arts := Articles()
	res, err := st.Put(ctx, arts[0], arts[1], arts[2])
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Status != news.Created || r.Seq != int64(i+1) {
			t.Errorf("put %d: got %v seq %d, want created seq %d", i, r.Status, r.Seq, i+1)
		}
	}
	again, _ := st.Put(ctx, Articles()[0])
	if again[0].Status != news.Unchanged || again[0].Seq != 1 {
		t.Errorf("re-put: got %v seq %d, want unchanged seq 1", again[0].Status, again[0].Seq)
	}
	upd := Articles()[0]
	upd.Headline = "नया शीर्षक"
	if r, _ := st.Put(ctx, upd); r[0].Status != news.Updated || r[0].Seq != 4 {
		t.Errorf("update: got %v seq %d, want updated seq 4", r[0].Status, r[0].Seq)
	}
	if err := st.Delete(ctx, "a02"); err != nil {
		t.Fatal(err)
	}
	if err := st.Delete(ctx, "a02"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("second delete: got %v, want ErrNotFound", err)
	}
	ch, err := st.Changes(ctx, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range ch {
		got = append(got, c.ID)
	}
	// Latest change per ID, by seq: a03 (3), a01 (4), a02 deleted (5).
	want := []string{"a03", "a01", "a02"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("changes: got %v, want %v", got, want)
	}
	if ch[2].Article != nil || ch[1].Article.Headline != "नया शीर्षक" {
		t.Errorf("changes: deletion %+v, update %+v", ch[2], ch[1].Article)
	}
	if page, _ := st.Changes(ctx, 3, 1); len(page) != 1 || page[0].Seq != 4 {
		t.Errorf("Changes(3, 1) = %+v, want seq 4 only", page)
	}
	if _, err := st.Changes(ctx, 0, 0); err == nil {
		t.Error("Changes with limit 0: got nil error")
	}
	if n, _ := st.Count(ctx); n != 2 {
		t.Errorf("Count() = %d, want 2", n)
	}
}
