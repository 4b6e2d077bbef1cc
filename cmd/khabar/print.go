package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/news"
)

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// printArticle writes an article for a person to read: metadata first,
// then the body with headings and captions marked, then what extraction
// found around it.
func printArticle(w io.Writer, a *news.Article) {
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(w, "%-11s %s\n", name+":", value)
		}
	}
	field("ID", a.ID)
	field("URL", a.URL)
	field("Source", a.Source)
	field("Language", a.Language)
	field("Kicker", a.Kicker)
	field("Headline", a.Headline)
	field("Authors", strings.Join(a.Authors, ", "))
	field("Published", formatTime(a.Published))
	field("Updated", formatTime(a.Updated))
	field("Section", a.Section)
	field("Tags", strings.Join(a.Tags, " · "))
	if a.Standfirst != "" {
		fmt.Fprintf(w, "\n%s\n", a.Standfirst)
	}
	fmt.Fprintln(w)
	for _, b := range a.Body {
		switch b.Kind {
		case news.Heading:
			fmt.Fprintf(w, "## %s\n\n", b.Text)
		case news.Caption:
			fmt.Fprintf(w, "[caption] %s\n\n", b.Text)
		default:
			fmt.Fprintf(w, "%s\n\n", b.Text)
		}
	}
	if len(a.Related) > 0 {
		fmt.Fprintln(w, "Related:")
		for _, l := range a.Related {
			if l.URL != "" {
				fmt.Fprintf(w, "  - %s <%s>\n", l.Title, l.URL)
			} else {
				fmt.Fprintf(w, "  - %s\n", l.Title)
			}
		}
	}
	if len(a.Removed) > 0 {
		fmt.Fprintf(w, "Removed as boilerplate: %s\n", plural(len(a.Removed), "line", "lines"))
	}
	for _, warn := range a.Warnings {
		fmt.Fprintf(w, "Warning: %s\n", warn)
	}
}

// formatTime shows a time in IST, where khabar's news happens; the JSON
// form keeps the original offset.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(ingest.IST).Format("2006-01-02 15:04 IST")
}
