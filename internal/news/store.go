package news

import (
	"context"
	"errors"
)

// ErrNotFound is returned by Store.Get when no article has the ID.
var ErrNotFound = errors.New("not found")

// PutStatus says what Store.Put did with an article.
type PutStatus int

// The outcomes of a put.
const (
	// Created: the ID was new; the article got a new sequence number.
	Created PutStatus = iota + 1
	// Updated: the ID existed with other content; it got a new sequence number.
	Updated
	// Unchanged: the ID existed with the same content hash; nothing was written.
	Unchanged
)

func (s PutStatus) String() string {
	switch s {
	case Created:
		return "created"
	case Updated:
		return "updated"
	case Unchanged:
		return "unchanged"
	}
	return "unknown"
}

// PutResult is the outcome of storing one article. Seq is the article's
// sequence number after the put (its old one when Unchanged).
type PutResult struct {
	ID     string
	Seq    int64
	Status PutStatus
}

// Change is one entry of a store's change feed: the article with ID reached
// sequence number Seq. Article is nil when the change was a deletion.
type Change struct {
	Seq     int64
	ID      string
	Article *Article
}

// Store is the source of truth for articles. Every write that changes
// content gets a sequence number larger than every earlier one, so a derived
// index can follow the store with Changes. Implementations are safe for
// concurrent use; an article is acknowledged only once it is durable.
type Store interface {
	// Put stores articles in one transaction. Each must have a non-empty ID.
	// Results are in input order. Re-putting identical content is Unchanged
	// and writes nothing.
	Put(ctx context.Context, articles ...*Article) ([]PutResult, error)
	// Get returns the article with the ID, or an error wrapping ErrNotFound.
	Get(ctx context.Context, id string) (*Article, error)
	// GetMany returns the articles with the IDs that exist, keyed by ID.
	GetMany(ctx context.Context, ids []string) (map[string]*Article, error)
	// Delete removes an article, recording the deletion as a change. Deleting
	// a missing ID returns an error wrapping ErrNotFound.
	Delete(ctx context.Context, id string) error
	// Changes returns up to limit changes with sequence numbers above after,
	// in ascending order. Only the latest change of each ID is reported.
	Changes(ctx context.Context, after int64, limit int) ([]Change, error)
	// LastSeq returns the highest sequence number assigned so far (0 if none).
	LastSeq(ctx context.Context) (int64, error)
	// Count returns the number of stored articles.
	Count(ctx context.Context) (int, error)
	// Close releases the store. It is safe to call once.
	Close() error
}
