// Package khabar holds what the repository root ships besides the code:
// the sample corpus in samples/, embedded so a binary can demonstrate
// itself with no files beside it. (The embedding lives here, not in
// samples/, so that "khabar ingest samples" reads only the samples.)
package khabar

import (
	"embed"
	"io/fs"
)

//go:embed samples/scraped/*.txt samples/articles.jsonl
var sampleFiles embed.FS

// Samples returns the sample corpus (see samples/README.md):
// scraped/*.txt (scraped text, UTF-8) and articles.jsonl (one record a
// line). It is read-only and safe for concurrent use.
func Samples() fs.FS {
	sub, err := fs.Sub(sampleFiles, "samples")
	if err != nil {
		panic("khabar: embedded samples: " + err.Error()) // cannot happen: the path is a literal
	}
	return sub
}
