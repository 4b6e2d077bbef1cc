package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines to write
// while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeCrawlsAndStopsCleanly runs `khabar serve` with a source on a
// loopback outlet: the background crawler brings the articles in, they
// become searchable through the API, and cancelling the context (what
// SIGINT/SIGTERM do through main's signal context) stops the server and
// the crawler with everything stored and indexed.
func TestServeCrawlsAndStopsCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("serves and crawls on loopback")
	}
	outlet := fakeOutlet(t)
	data := t.TempDir()
	if _, _, err := khabar(t, data, "", "sources", "add", outlet.URL+"/feed.xml", "--allow-private"); err != nil {
		t.Fatalf("sources add: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--allow-private"}, environment{Data: data}, &stdout, &stderr)
	}()
	base := ""
	re := regexp.MustCompile(`on (http://127\.0\.0\.1:\d+/)`)
	deadline := time.Now().Add(30 * time.Second)
	for base == "" && time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(stdout.String()); m != nil {
			base = m[1]
		}
		time.Sleep(20 * time.Millisecond)
	}
	if base == "" {
		t.Fatalf("server did not start: %s\n%s", stdout.String(), stderr.String())
	}
	total := 0
	for time.Now().Before(deadline) {
		resp, err := http.Get(base + "api/v1/search?q=" + url.QueryEscape("ठेकेदारों"))
		if err == nil {
			var r struct{ Total int }
			json.NewDecoder(resp.Body).Decode(&r)
			resp.Body.Close()
			if total = r.Total; total >= 2 {
				break
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	if total < 2 {
		t.Fatalf("crawled articles not searchable: total %d\n%s", total, stderr.String())
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop within 20 s of cancellation")
	}
	if !strings.Contains(stdout.String(), "khabar: stopped") {
		t.Errorf("stdout %q lacks the stop line", stdout.String())
	}
	// Nothing half-written: the data directory opens and both articles are
	// stored and searchable.
	out, _, err := khabar(t, data, "", "search", "--json", "ठेकेदारों")
	if err != nil || !strings.Contains(out, `"total": 2`) {
		t.Errorf("search after stop: got %q, %v", out, err)
	}
}
