// Package storetest is the contract suite every news.Store must pass. A
// store's own tests call Run with a Factory that can create an empty store
// location and open a store there (more than once, to check that a reopened
// store keeps everything).
//
// The suite writes its own Hindi articles (see Article), checks that every
// field, byte for byte, survives a round trip, and covers sequence numbers,
// the change feed, deletions, failed batches, reopening, concurrent readers
// during an ingest and context cancellation. Run it with -race.
package storetest
