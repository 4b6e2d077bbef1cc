package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	p := &progressBar{w: &buf, total: 4}
	p.Update(1, 10, 0, time.Second, true)
	p.Update(2, 20, 1, time.Second, false) // within 100 ms of the last draw: skipped
	p.Update(4, 40, 1, 2*time.Second, true)
	p.Done()
	out := buf.String()
	draws := strings.Count(out, "\r")
	if draws != 2 {
		t.Errorf("got %d draws, want 2 (throttled): %q", draws, out)
	}
	for _, want := range []string{"1/4 files · 10 articles · 0 failed · 10/s", "[########################] 4/4 files · 40 articles · 1 failed · 20/s"} {
		if !strings.Contains(out, want) {
			t.Errorf("output %q lacks %q", out, want)
		}
	}
	if !strings.HasSuffix(out, "\n") {
		t.Error("Done did not end the line")
	}
	var quiet bytes.Buffer
	(&progressBar{w: &quiet}).Done()
	if quiet.Len() != 0 {
		t.Errorf("Done without a draw wrote %q, want nothing", quiet.String())
	}
}
