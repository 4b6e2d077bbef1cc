package eval

import (
	"errors"
	"io"
)

// Engine is a Retriever that holds resources until closed.
type Engine interface {
	Retriever
	io.Closer
}

var _ Engine = (*Khabar)(nil)

// The names of the peers NewPeer knows in a build with the tag "peers".
const (
	PeerBleveHi = "bleve-hi" // Bleve v2, its "hi" analyzer, BM25
	PeerFTS5    = "fts5"     // SQLite FTS5, unicode61 tokenizer, bm25()
)

// PeerNames lists every peer name, whether or not this build has them.
func PeerNames() []string { return []string{PeerBleveHi, PeerFTS5} }

// ErrNoPeers is returned by NewPeer in a build without the tag "peers".
var ErrNoPeers = errors.New("this build has no search peers; build with the peers tag: go build -tags peers ./cmd/khabar")
