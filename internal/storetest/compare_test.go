package storetest

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/news"
)

func TestDiff(t *testing.T) {
	base := fullArticle("d-1")
	tests := []struct {
		name   string
		change func(a *news.Article)
		want   string // "" when no difference is expected, else the field named
	}{
		{"same", func(a *news.Article) {}, ""},
		{"same instant in UTC", func(a *news.Article) { a.Published = a.Published.UTC() }, ""},
		{"related emptied", func(a *news.Article) { a.Related = a.Related[:0:0] }, "Related"},
		{"standfirst nukta precomposed", func(a *news.Article) {
			a.Standfirst = strings.Replace(a.Standfirst, "ख\u093c", "\u0959", 1)
		}, "Standfirst"},
		{"published one second later", func(a *news.Article) { a.Published = a.Published.Add(time.Second) }, "Published"},
		{"updated cleared", func(a *news.Article) { a.Updated = time.Time{} }, "Updated"},
		{"body block kind", func(a *news.Article) { a.Body[1].Kind = news.Paragraph }, "Body"},
		{"block language", func(a *news.Article) { a.Body[4].Language = "" }, "Body"},
		{"related url", func(a *news.Article) { a.Related[1].URL = "https://x.example" }, "Related"},
		{"removed order", func(a *news.Article) { a.Removed[0], a.Removed[1] = a.Removed[1], a.Removed[0] }, "Removed"},
		{"authors", func(a *news.Article) { a.Authors = a.Authors[:1] }, "Authors"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := clone(base)
			tc.change(got)
			d := Diff(got, base)
			switch {
			case tc.want == "" && d != nil:
				t.Errorf("Diff: got %q, want no difference", d)
			case tc.want != "" && (len(d) != 1 || !strings.HasPrefix(d[0], tc.want+":")):
				t.Errorf("Diff: got %q, want exactly one line about %s", d, tc.want)
			}
		})
	}
	empty := &news.Article{ID: "e"}
	emptySlices := &news.Article{ID: "e", Tags: []string{}, Body: []news.Block{}}
	if d := Diff(empty, emptySlices); d != nil {
		t.Errorf("Diff(nil slices, empty slices): got %q, want none", d)
	}
	if d := Diff(nil, base); len(d) != 1 {
		t.Errorf("Diff(nil, article): got %q, want one line", d)
	}
}

// TestDiffCoversArticle fails when news.Article gains a field, so that Diff
// and fullArticle are taught about it.
func TestDiffCoversArticle(t *testing.T) {
	const known = 16
	if n := reflect.TypeFor[news.Article]().NumField(); n != known {
		t.Errorf("news.Article has %d fields, Diff and fullArticle know %d: update them", n, known)
	}
	v := reflect.ValueOf(*fullArticle("x"))
	for i := range v.NumField() {
		if v.Field(i).IsZero() {
			t.Errorf("fullArticle leaves %s unset", v.Type().Field(i).Name)
		}
	}
}

func TestArticleDeterministic(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1999} {
		if a, b := Article(n), Article(n); a.ContentHash() != b.ContentHash() {
			t.Errorf("Article(%d) differs between calls", n)
		}
		if Article(n).ContentHash() == Article(n+1).ContentHash() {
			t.Errorf("Article(%d) and Article(%d) have the same content", n, n+1)
		}
	}
}
