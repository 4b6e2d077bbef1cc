package eval

import (
	"context"
	"errors"
	"testing"
)

// toyDocs are sentences written for this test.
var toyDocs = []Doc{
	{ID: "s1", Text: "नगर निगम ने सोमवार को शहर की चौदह झीलों की सफाई का काम शुरू किया।"},
	{ID: "s2", Text: "झील के किनारे रहने वाले परिवारों ने बताया कि पानी में बदबू कई सालों से है।"},
	{ID: "s3", Text: "राज्य सरकार ने किसानों के लिए बीज पर सब्सिडी बढ़ाने की घोषणा की।"},
	{ID: "s4", Title: "क्रिकेट", Text: "कप्तान ने कहा कि टीम अगले मैच में दो स्पिनरों के साथ उतरेगी।"},
	{ID: "s5", Text: "मौसम विभाग के अनुसार अगले तीन दिन तक पहाड़ों पर बर्फबारी होगी।"},
}

func TestKhabarRetriever(t *testing.T) {
	ctx := context.Background()
	k, err := NewKhabar(ctx, t.TempDir(), toyDocs)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	tests := []struct{ query, want string }{
		{"नगर निगम ने कितनी झीलों की सफाई शुरू की?", "s1"}, // not every word is in s1: any-word mode
		{"झील का पानी कब से बदबू दे रहा है?", "s2"},
		{"किसानों को किस चीज़ पर सब्सिडी मिलेगी?", "s3"},
		{"टीम कितने स्पिनरों के साथ उतरेगी?", "s4"},
		{`"बर्फबारी" -कहां होगी?`, "s5"}, // query syntax is taken as plain words
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, err := k.Search(ctx, tt.query, 3)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) == 0 || got[0] != tt.want {
				t.Errorf("Search(%q): got %q, want %q first", tt.query, got, tt.want)
			}
		})
	}
	if err := k.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Search(ctx, "झील", 3); err == nil {
		t.Error("Search after Close: got nil error")
	}
}

func TestPlainQuery(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`"घना कोहरा" -दिल्ली`, "घना कोहरा दिल्ली"},
		{"  कितने   अंक? ", "कितने अंक?"},
		{"--", ""},
		{"2015-16 में", "2015-16 में"},
	} {
		if got := PlainQuery(tt.in); got != tt.want {
			t.Errorf("PlainQuery(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNewPeerUnknown(t *testing.T) {
	if _, err := NewPeer(context.Background(), "lucene", t.TempDir(), toyDocs); err == nil {
		t.Error("NewPeer(lucene): got nil error")
	}
	if !HasPeers {
		_, err := NewPeer(context.Background(), PeerBleveHi, t.TempDir(), toyDocs)
		if !errors.Is(err, ErrNoPeers) {
			t.Errorf("NewPeer without the peers tag: got %v, want ErrNoPeers", err)
		}
	}
}
