// Package ingest reads what a user hands khabar — files, folders, standard
// input; scraped text, HTML and JSONL — and yields one Item per document,
// with a clear origin for every error. It never holds more than one
// document (bounded by MaxDocumentBytes) in memory at a time per reader.
//
// Feeds, sitemaps, the crawler and WARC archives will live here too.
package ingest
