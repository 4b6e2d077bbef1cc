//go:build peers

package eval

import (
	"context"
	"testing"
)

func TestXQuADPeers(t *testing.T) {
	docs, topics, q := xquad(t, "hi")
	ctx := context.Background()
	for _, name := range PeerNames() {
		t.Run(name, func(t *testing.T) {
			p, err := NewPeer(ctx, name, t.TempDir(), docs)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			for _, sp := range []Split{Dev, Test} {
				s, _, err := Run(ctx, p, Select(topics, q, sp), q)
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%s %s: %d queries, nDCG@10 %.4f, MRR@10 %.4f, R@100 %.4f, p50 %v", name, sp, s.Queries, s.NDCG10, s.MRR10, s.R100, s.P50)
			}
		})
	}
}
