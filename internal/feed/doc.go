// Package feed holds the parsing and decision logic khabar's crawler uses
// for syndication: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed 1.1 (Parse),
// XML, text and Google News sitemaps and sitemap indexes, gzip'd or not
// (ParseSitemap), feed discovery in HTML pages and robots.txt (Discover,
// RobotsSitemaps, Sniff), whether a feed item carries the whole article
// (HasFullText, ItemToHTML), URL normalization for deduplication
// (NormalizeURL) and the adaptive polling schedule with failure accounting
// (NextPoll, Health).
//
// The package does no I/O: callers fetch bytes (with internal/fetch) and
// hand them in. Every function is pure and safe for concurrent use.
//
// Contracts shared by the parsers:
//
//   - Input is bounded: a body over its Max*Bytes limit is refused with an
//     error wrapping ErrTooLarge, item and URL lists stop at MaxItems and
//     MaxSitemapURLs, and every text field is cut at a fixed length (on a
//     rune boundary). Each cut is reported once in Warnings.
//   - Bad input never panics. An error names the input (its URL) and the
//     problem and wraps one of the sentinels (ErrEmpty, ErrNotFeed,
//     ErrMalformed, ErrTooLarge). A document that breaks part-way keeps the
//     entries that parsed before the break and says so in Warnings; only a
//     document with nothing usable is an error.
//   - Links are resolved against the URL the document was fetched from;
//     only http and https links are kept.
//   - Dates are read by internal/dates first (Hindi month names, Devanagari
//     digits, "2025-11-18 10:30:00" without a zone is IST), then by
//     gofeed's own date reader for the rarer English shapes. A date that
//     cannot be read is left zero, never invented.
package feed
