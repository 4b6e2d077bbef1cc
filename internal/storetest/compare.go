package storetest

import (
	"fmt"
	"slices"
	"time"

	"github.com/khabar-news/khabar/internal/news"
)

// Diff describes how got differs from want, one line per field, or returns
// nil when they carry the same content. Times are compared as instants (a
// time in IST equals the same instant in UTC); nil and empty slices are
// equal; strings are compared byte for byte. Stores tests use it for their
// own round-trip checks.
func Diff(got, want *news.Article) []string {
	switch {
	case got == nil && want == nil:
		return nil
	case got == nil:
		return []string{fmt.Sprintf("article: got nil, want %q", want.ID)}
	case want == nil:
		return []string{fmt.Sprintf("article: got %q, want nil", got.ID)}
	}
	var d []string
	str := func(name, g, w string) {
		if g != w {
			d = append(d, fmt.Sprintf("%s: got %q, want %q", name, g, w))
		}
	}
	tm := func(name string, g, w time.Time) {
		if !g.Equal(w) || g.IsZero() != w.IsZero() {
			d = append(d, fmt.Sprintf("%s: got %s, want %s", name, g.Format(time.RFC3339Nano), w.Format(time.RFC3339Nano)))
		}
	}
	list := func(name string, g, w []string) {
		if !slices.Equal(g, w) {
			d = append(d, fmt.Sprintf("%s: got %q, want %q", name, g, w))
		}
	}
	str("ID", got.ID, want.ID)
	str("URL", got.URL, want.URL)
	str("Source", got.Source, want.Source)
	str("Language", got.Language, want.Language)
	str("Headline", got.Headline, want.Headline)
	str("Kicker", got.Kicker, want.Kicker)
	str("Standfirst", got.Standfirst, want.Standfirst)
	list("Authors", got.Authors, want.Authors)
	tm("Published", got.Published, want.Published)
	tm("Updated", got.Updated, want.Updated)
	str("Section", got.Section, want.Section)
	list("Tags", got.Tags, want.Tags)
	if !slices.Equal(got.Body, want.Body) {
		d = append(d, fmt.Sprintf("Body: got %+v, want %+v", got.Body, want.Body))
	}
	if !slices.Equal(got.Related, want.Related) {
		d = append(d, fmt.Sprintf("Related: got %+v, want %+v", got.Related, want.Related))
	}
	list("Warnings", got.Warnings, want.Warnings)
	list("Removed", got.Removed, want.Removed)
	return d
}
