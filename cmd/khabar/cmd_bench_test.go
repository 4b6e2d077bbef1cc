package main

import (
	"bytes"
	"context"
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
