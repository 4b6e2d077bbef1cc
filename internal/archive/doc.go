// Package archive is khabar's data directory as one thing: the article
// store (the source of truth), the search index derived from it, and the
// searcher over both. Opening an archive brings the index up to date with
// the store, so a crash between a store commit and an index write loses
// nothing.
package archive
