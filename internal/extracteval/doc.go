// Package extracteval scores HTML extraction — khabar's extract.FromHTML
// and the peer go-trafilatura, measured in the same run — on public
// benchmark sets, each with its own metric:
//
//   - zyte: the Zyte (Scrapinghub) article-extraction benchmark, 181 pages
//     with a human-annotated body; 4-token shingle precision and recall per
//     page, averaged, F1 of the averages (ZyteScore, ZyteSummary).
//   - trafilatura: trafilatura's evaluation set, 990 pages with
//     must-have and must-not-have text segments, counted over all pages
//     (SegmentCounts); title and author exact-match rates where labelled.
//   - htmldate: htmldate's evaluation set, 1000 pages with the original
//     publication day (DateCounts).
//
// Load reads a dataset from the shared data directory (the folder
// "extraction" of ../shared/data); pages are read one at a time, gzip
// decompressed with a size bound, so memory stays that of one page. Run
// extracts every page with each System, scores it at once and keeps only
// the scores, and reports the full set and its two halves (see Half): the
// dev half is the one extraction rules may be tuned on, the held-out half
// is reported to show they generalise.
//
// Nothing here reads environment variables; callers pass the data
// directory. Systems are safe for concurrent use; Run itself is sequential
// so that pages per second are comparable between systems.
package extracteval
