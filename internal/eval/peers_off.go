//go:build !peers

package eval

import (
	"context"
	"fmt"
	"slices"
)

// HasPeers reports whether this build holds the peers (build tag "peers").
const HasPeers = false

// NewPeer returns ErrNoPeers (wrapped with the name) in this build, which
// was made without the tag "peers"; an unknown name is an error either way.
func NewPeer(ctx context.Context, name, dir string, docs []Doc) (Engine, error) {
	if !slices.Contains(PeerNames(), name) {
		return nil, fmt.Errorf("unknown peer %q (known: %v)", name, PeerNames())
	}
	return nil, fmt.Errorf("peer %s: %w", name, ErrNoPeers)
}
