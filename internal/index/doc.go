// Package index keeps khabar's derived full-text index: a Bleve v2 (scorch)
// index fed with the terms of internal/analysis, never with raw text.
//
// The index follows a news.Store by sequence number. Apply writes a batch of
// changes and the highest applied sequence number in one Bleve batch, so the
// recorded number never runs ahead of the documents; CatchUp reads the
// store's change feed after LastSeq and applies it page by page. A crash
// between the store's commit and the index write therefore loses nothing:
// the next CatchUp applies what is missing. Rebuild builds a fresh index
// beside the old one and swaps it in.
//
// Each article is one Bleve document with the text fields headline
// (headline and kicker), standfirst, body (body blocks and captions) and
// tags, each holding our terms joined by single spaces and split again by a
// whitespace-only Bleve analyzer; the text field xkey with the
// cross-script keys of the words of all four (analysis.WordKeys), which a
// Clause with Keys matches at a lower weight (DefaultKeyBoost), so that
// "Varanasi" finds वाराणसी below the articles that write Varanasi;
// the keyword fields source and lang
// (lower-cased); and the datetime field published. No text is stored in
// Bleve: search takes ids and scores from the index and articles from the
// store. Scoring is Bleve's BM25, given the true average length of each
// text field (the index counts the terms itself; see stats.go), because
// Bleve's own estimate is several times too small.
//
// An Index is safe for concurrent use. Only one process may open a
// directory at a time.
package index
