//go:build peers

package eval

import (
	"context"
	"fmt"
)

// HasPeers reports whether this build holds the peers (build tag "peers").
const HasPeers = true

// NewPeer builds the named peer (see PeerNames) over docs, keeping any
// files it needs in dir (which should be new and empty). Close it when
// done.
func NewPeer(ctx context.Context, name, dir string, docs []Doc) (Engine, error) {
	switch name {
	case PeerBleveHi:
		return newBleveHi(ctx, dir, docs)
	case PeerFTS5:
		return newFTS5(ctx, dir, docs)
	}
	return nil, fmt.Errorf("unknown peer %q (known: %v)", name, PeerNames())
}
