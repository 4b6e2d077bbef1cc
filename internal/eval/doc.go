// Package eval scores search quality on a retrieval test collection: a
// corpus (JSONL), topics (queries, TSV) and qrels (relevance judgments).
//
// Load reads the three files (LoadCorpus, LoadTopics, LoadQrels); Select
// keeps the topics of one half of a fixed dev/test split (see SplitOf);
// Run sends each topic's text to a Retriever and scores the ranking with
// nDCG@10, MRR@10 and Recall@100 (see NDCG, ReciprocalRank, Recall),
// timing every query.
//
// NewKhabar is khabar's own retriever, end to end: a fresh data directory,
// the articles put through the SQLite store, the index caught up from the
// store, and queries run through internal/search in AnyWord mode. The
// peers it is measured against (Bleve's "hi" analyzer with BM25, SQLite
// FTS5 with unicode61 and bm25()) are compiled only with the build tag
// "peers"; without it NewPeer returns ErrNoPeers, so the default khabar
// binary carries none of their code.
package eval
