// Package extract turns what khabar fetched into news.Article values:
// plain text scraped from a news page (FromText) and HTML pages (FromHTML).
//
// FromHTML takes the main text from go-trafilatura after khabar's own
// preparation of the page (related-article boxes, share bars and ad slots
// removed, captions marked), and the metadata from khabar's own layer:
// JSON-LD, OpenGraph and <meta> tags, <time> elements, byline markup, dates
// in the URL and dates written in Hindi or English on the page.
//
// The line rules for Indian news pages — ad and share furniture, "यह भी
// पढ़ें" links, bylines and agency credits, photo credits, tag lines — live
// in boilerplate*.go and are shared by both paths; html_boilerplate.go
// holds the few that only make sense for HTML blocks, and html_tail.go
// those for the furniture after the story (offers, calls for comments,
// contact lines, closing link lists, comment sections, paywall offers).
//
// Extraction never invents: a value the page does not carry (a year, an
// author, a date) is left empty, lines it drops are kept in
// Article.Removed, and doubtful decisions are listed in Article.Warnings.
// The functions are pure and safe for concurrent use.
//
// Quality is measured by "khabar eval extract" (package extracteval) on
// the Zyte, trafilatura and htmldate evaluation sets.
package extract
