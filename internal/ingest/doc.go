// Package ingest reads what a user hands khabar — files, folders, standard
// input; scraped text, HTML and JSONL — and yields one Item per document,
// with a clear origin for every error. It never holds more than one
// document (bounded by MaxDocumentBytes) in memory at a time per reader.
//
// WARC archives (.warc, .warc.gz) yield their HTML response records, with
// the record's target URI as the item's URL. Feeds and sitemaps are parsed
// by internal/feed and fetched by internal/fetch.
package ingest
