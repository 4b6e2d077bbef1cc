package feed

import (
	"errors"
	"testing"
	"time"
)

func TestPollInterval(t *testing.T) {
	const min, max = 5 * time.Minute, 4 * time.Hour
	at := func(n, seen int) Poll { return Poll{New: n, Seen: seen} }
	tests := []struct {
		name string
		h    History
		want time.Duration
	}{
		{"no history: geometric mean", History{}, 2078460969 * time.Microsecond},
		{"all new halves", History{Interval: time.Hour, Polls: []Poll{at(20, 0)}}, 30 * time.Minute},
		{"none new doubles", History{Interval: time.Hour, Polls: []Poll{at(0, 20)}}, 2 * time.Hour},
		{"half new keeps", History{Interval: time.Hour, Polls: []Poll{at(10, 10)}}, time.Hour},
		{"empty feed doubles", History{Interval: time.Hour, Polls: []Poll{at(0, 0)}}, 2 * time.Hour},
		{"clamped to min", History{Interval: 6 * time.Minute, Polls: []Poll{at(5, 0)}}, min},
		{"clamped to max", History{Interval: 3 * time.Hour, Polls: []Poll{at(0, 5)}}, max},
		{"last failed backs off", History{Interval: time.Hour, Polls: []Poll{at(10, 0), {Failed: true}}}, 2 * time.Hour},
		{"failed polls skipped in the share", History{Interval: time.Hour, Polls: []Poll{at(10, 0), {Failed: true}, at(10, 0)}}, 30 * time.Minute},
		// Newest all seen (weight 1), older all new (weight 0.5): r = 1/3,
		// factor 2^(1/3).
		{"smoothing", History{Interval: time.Hour, Polls: []Poll{at(10, 0), at(0, 10)}}, 4535715779633 * time.Nanosecond},
		{"jitter applied and clamped", History{Interval: time.Hour, Polls: []Poll{at(10, 10)}, Jitter: func(d time.Duration) time.Duration { return d + 7*time.Minute }}, time.Hour + 7*time.Minute},
		{"jitter cannot escape max", History{Interval: max, Polls: []Poll{at(0, 1)}, Jitter: func(d time.Duration) time.Duration { return 2 * d }}, max},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PollInterval(tt.h, min, max)
			if diff := got - tt.want; diff < -time.Millisecond || diff > time.Millisecond {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNextPoll(t *testing.T) {
	now := time.Date(2025, 11, 18, 10, 30, 0, 0, time.UTC)
	got := NextPoll(History{Interval: time.Hour, Polls: []Poll{{New: 3, Seen: 0}}}, now, time.Minute, 24*time.Hour)
	if want := now.Add(30 * time.Minute); !got.Equal(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// Bad bounds are repaired, not trusted.
	got = NextPoll(History{}, now, -time.Hour, -2*time.Hour)
	if want := now.Add(time.Second); !got.Equal(want) {
		t.Errorf("bad bounds: got %v, want %v", got, want)
	}
}

func TestPollConverges(t *testing.T) {
	// A feed that always shows only seen items drifts to max; one that
	// always shows only new ones drifts to min.
	const min, max = time.Minute, time.Hour
	h := History{}
	for i := 0; i < 20; i++ {
		h.Interval = PollInterval(h, min, max)
		h.Polls = append(h.Polls, Poll{Seen: 30})
	}
	if h.Interval != max {
		t.Errorf("quiet feed: got %v, want %v", h.Interval, max)
	}
	h = History{}
	for i := 0; i < 20; i++ {
		h.Interval = PollInterval(h, min, max)
		h.Polls = append(h.Polls, Poll{New: 30})
	}
	if h.Interval != min {
		t.Errorf("busy feed: got %v, want %v", h.Interval, min)
	}
}

func TestHealth(t *testing.T) {
	t0 := time.Date(2025, 11, 18, 0, 0, 0, 0, time.UTC)
	var h Health
	h.Success(t0, 10)
	if h.ItemsPerDay != 0 {
		t.Errorf("first success: got %v items/day, want 0 (no interval yet)", h.ItemsPerDay)
	}
	h.Success(t0.Add(12*time.Hour), 24)
	if h.ItemsPerDay != 48 {
		t.Errorf("24 items in 12 h: got %v items/day, want 48", h.ItemsPerDay)
	}
	h.Success(t0.Add(36*time.Hour), 24)
	if want := 0.3*24 + 0.7*48; h.ItemsPerDay != want {
		t.Errorf("smoothed: got %v items/day, want %v", h.ItemsPerDay, want)
	}
	h.SoftFailure(t0.Add(37*time.Hour), errors.New("fetch https://x.example/rss: status 503"))
	if h.ConsecutiveSoft != 1 || h.SoftTotal != 1 || h.Disabled() {
		t.Errorf("after a soft failure: got %+v, want 1 soft, enabled", h)
	}
	for i := 0; i < DefaultMaxHardFailures-1; i++ {
		h.HardFailure(t0.Add(time.Duration(38+i)*time.Hour), errors.New("fetch https://x.example/rss: status 404"))
	}
	if h.Disabled() {
		t.Errorf("after %d hard failures: got disabled, want enabled", DefaultMaxHardFailures-1)
	}
	h.HardFailure(t0.Add(60*time.Hour), errors.New("fetch https://x.example/rss: status 410"))
	if !h.Disabled() {
		t.Errorf("after %d hard failures: got enabled, want disabled", DefaultMaxHardFailures)
	}
	if got, want := h.LastError, "fetch https://x.example/rss: status 410"; got != want {
		t.Errorf("last error: got %q, want %q", got, want)
	}
	if !h.LastSuccess.Equal(t0.Add(36 * time.Hour)) {
		t.Errorf("last success: got %v, want %v", h.LastSuccess, t0.Add(36*time.Hour))
	}
	h.Success(t0.Add(61*time.Hour), 0)
	if h.Disabled() || h.ConsecutiveHard != 0 || h.ConsecutiveSoft != 0 {
		t.Errorf("after a success: got %+v, want counters reset", h)
	}
	custom := Health{MaxHardFailures: 2, ConsecutiveHard: 2}
	if !custom.Disabled() {
		t.Errorf("MaxHardFailures 2 with 2 failures: got enabled, want disabled")
	}
}
