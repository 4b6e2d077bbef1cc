package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSummarize(t *testing.T) {
	var lat []time.Duration
	for i := 100; i >= 1; i-- { // 1ms … 100ms, unsorted
		lat = append(lat, time.Duration(i)*time.Millisecond)
	}
	got := summarize("rare", lat, 3, 2*time.Second)
	want := classStats{Class: "rare", Requests: 103, Errors: 3, ReqPerSec: 51.5, P50ms: 50, P90ms: 90, P99ms: 99, Maxms: 100}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := summarize("none", nil, 0, time.Second); got.Requests != 0 || got.P99ms != 0 {
		t.Errorf("no samples: got %+v, want zeros", got)
	}
}

func TestBenchArgs(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no subject", []string{"bench"}, "want a subject"},
		{"unknown subject", []string{"bench", "index"}, "want a subject"},
		{"zero articles", []string{"bench", "serve", "--articles", "0"}, "--articles 0"},
		{"too many clients", []string{"bench", "serve", "--clients", "1000"}, "--clients 1000"},
		{"no queries", []string{"bench", "serve", "--queries", "0"}, "--queries 0"},
		{"negative duration", []string{"bench", "serve", "--duration", "-1s"}, "--duration"},
		{"stray argument", []string{"bench", "serve", "x"}, "takes no arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), tt.args, environment{Data: t.TempDir()}, &out, &errb)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

// TestBenchServeSmall builds a tiny synthetic store from the shared
// corpora, loads the real server for a second, and checks every class ran
// without errors; a second run reuses the store.
func TestBenchServeSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a store and runs a load: skipped in -short mode")
	}
	shared := sharedData(t)
	data := filepath.Join(t.TempDir(), "bench")
	for i, wantReused := range []bool{false, true} {
		var out, errb bytes.Buffer
		args := []string{"bench", "serve", "--articles", "300", "--clients", "2", "--duration", "1s", "--data", data, "--shared", shared, "--json"}
		if err := run(context.Background(), args, environment{}, &out, &errb); err != nil {
			t.Fatalf("run %d: %v\nstderr: %s", i, err, errb.String())
		}
		var rep benchReport
		if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
			t.Fatalf("run %d: output is not the report JSON: %v\n%s", i, err, out.String())
		}
		if rep.Build.Reused != wantReused || rep.IndexedDocs != 300 {
			t.Errorf("run %d: got reused %v with %d indexed, want %v with 300", i, rep.Build.Reused, rep.IndexedDocs, wantReused)
		}
		if len(rep.Classes) != len(benchClasses) {
			t.Fatalf("run %d: got %d classes, want %d", i, len(rep.Classes), len(benchClasses))
		}
		for _, c := range rep.Classes {
			if c.Requests == 0 || c.Errors != 0 || c.P99ms <= 0 {
				t.Errorf("run %d: class %s: got %d requests, %d errors, p99 %v ms; want requests and no errors (first error %q)",
					i, c.Class, c.Requests, c.Errors, c.P99ms, rep.FirstError)
			}
		}
	}
}
