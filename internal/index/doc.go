// Package index keeps khabar's derived full-text index: an inverted index
// of its own over the terms of internal/analysis, in one directory beside
// the store.
//
// # Following the store
//
// The index follows a news.Store by sequence number. Apply writes a batch
// of changes and the highest applied sequence number in one commit, so the
// recorded number never runs ahead of the documents; CatchUp reads the
// store's change feed after LastSeq and applies it page by page. A crash
// between the store's commit and the index write therefore loses nothing:
// the next CatchUp applies what is missing. Rebuild builds a fresh index
// beside the old one and swaps it in.
//
// # Files
//
// The index is a list of immutable segments (segment.go, postings.go),
// each a memory-mapped file of document columns (id, publication time,
// source, language, terms per field), a sorted term dictionary and, per
// term, postings in document order with a skip table every 128 documents,
// each posting holding the term's count per field and, apart, its
// positions. Each commit writes a new segment for the batch, a new
// generation of the deletion bitset of each segment that lost documents
// (an update is a deletion plus an addition), and then MANIFEST.json, the
// commit point (manifest.go). Segments of similar size are merged in
// tiers (merge.go). Searches read the snapshot current when they start and
// never wait for writers; a replaced segment stays mapped until the last
// search using it ends.
//
// # Documents
//
// Each article has the text fields headline (headline and kicker),
// standfirst, tags and body (blocks and captions, each in its own language
// when it has one), whose terms keep their positions (for phrases), and
// the key field with the cross-script key of every word of the four
// (analysis.WordKeys), which a Clause with Keys matches at a lower weight
// (DefaultKeyBoost), so that "Varanasi" finds वाराणसी below the articles
// that write Varanasi. Source and language are kept lower-cased
// (KeywordValue) for filters and facets, and the publication time (or the
// update time when there is none) for date filters and newest-first order.
// No text is stored: search takes ids and scores from the index and the
// articles from the store.
//
// # Ranking
//
// Scoring is BM25F over the text fields with the true mean length of each
// field over the live documents (exec.go). Every match is counted and
// faceted; the hits are the best Offset+Limit by score.
//
// A query that matches few documents of a segment walks their postings. One
// that matches many (a common word, two of them, a phrase of common words)
// takes the dense path (dense.go, exec_dense.go): its matches become a
// bitset built word by word from cached bitsets of its terms, the total and
// facets are popcounts, and only the matches whose score bound (from
// per-posting impacts kept one byte each) can reach the top hits have their
// postings decoded. Each segment also indexes the pairs of adjacent frequent
// words (pairs.go), so a phrase of two common words is one dictionary
// entry instead of a check of positions in every document holding both.
//
// An Index is safe for concurrent use. Only one process may open a
// directory at a time (a lock file enforces it on Unix).
package index
