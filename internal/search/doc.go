// Package search turns a query typed by a person into ranked articles.
//
// Parse reads the query syntax (bare words, "phrases", -exclusions and the
// filters source:, lang:, from:, to:); NewPlan analyzes its words with the
// same analysis.Analyzer the index was built with; a Searcher runs the plan
// on the index, falls back from all-words to any-word matching when
// all-words finds nothing (with Options.Mode AnyWord it ranks every article
// with any of the words, for natural-language questions), loads the hit
// articles from the store, and cuts a snippet around the matched words. Ranking is the index's BM25 with the
// headline weighted above the standfirst above the body. A bare word also
// matches across scripts at a lower weight, through transliteration keys
// (internal/translit): "Jaishankar" finds जयशंकर and "मोदी" finds Modi,
// below the articles that spell the word as the query does; phrases and
// exclusions match exactly.
//
// Snippets are plain text with the byte ranges of the matched words beside
// them; Highlight renders them with any markers (plain text for the CLI,
// escaped HTML with <mark> for the web). A Searcher remembers the analyzed
// term of the words it has cut snippets from (a bounded cache), so a
// snippet costs tokenizing its text, not stemming every word again; the
// snippets are the same as analysing the text afresh.
package search
