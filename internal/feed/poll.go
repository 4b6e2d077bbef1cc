package feed

import (
	"math"
	"time"
)

// Poll is the outcome of one fetch of a feed or sitemap: how many of its
// entries were new and how many had been seen before, or that it failed.
type Poll struct {
	At     time.Time
	New    int
	Seen   int
	Failed bool
}

// History is what NextPoll decides from: the recent polls, oldest first,
// and the interval used after the last one (zero: none yet). Jitter, when
// set, is applied to the chosen interval (before clamping) so that many
// feeds do not fall due together; nil means no jitter.
type History struct {
	Polls    []Poll
	Interval time.Duration
	Jitter   func(time.Duration) time.Duration
}

// pollWindow is how many recent polls NextPoll weighs; pollDecay is the
// weight of each poll relative to the next newer one.
const (
	pollWindow = 6
	pollDecay  = 0.5
)

// NextPoll returns when a feed should be fetched next. It starts from the
// last interval (or the geometric mean of min and max when there is none)
// and multiplies it by 2^(1-2r), where r is the share of new entries over
// the recent successful polls, each poll weighing half as much as the next
// newer one: all new halves the interval, none new doubles it, half new
// keeps it. A last poll that failed doubles it. The result is now plus
// the interval, jittered by h.Jitter and clamped to [min, max]. A min
// below one second is taken as one second and a max below min as min.
// NextPoll is a pure function.
func NextPoll(h History, now time.Time, min, max time.Duration) time.Time {
	return now.Add(PollInterval(h, min, max))
}

// PollInterval is the interval NextPoll adds to now.
func PollInterval(h History, min, max time.Duration) time.Duration {
	if min < time.Second {
		min = time.Second
	}
	if max < min {
		max = min
	}
	d := h.Interval
	if d <= 0 {
		d = time.Duration(math.Sqrt(float64(min) * float64(max)))
	}
	d = clampDuration(d, min, max)
	factor := 1.0
	if n := len(h.Polls); n > 0 && h.Polls[n-1].Failed {
		factor = 2
	} else if r, ok := newShare(h.Polls); ok {
		factor = math.Exp2(1 - 2*r)
	}
	d = clampDuration(time.Duration(float64(d)*factor), min, max)
	if h.Jitter != nil {
		d = clampDuration(h.Jitter(d), min, max)
	}
	return d
}

// newShare is the decayed share of new entries over the recent successful
// polls; ok is false when none saw any entry.
func newShare(polls []Poll) (r float64, ok bool) {
	var newW, allW float64
	w := 1.0
	for i, used := len(polls)-1, 0; i >= 0 && used < pollWindow; i-- {
		p := polls[i]
		if p.Failed {
			continue
		}
		used++
		if total := p.New + p.Seen; total > 0 && p.New >= 0 && p.Seen >= 0 {
			newW += w * float64(p.New) / float64(total)
			allW += w
		} else {
			// An empty feed counts as nothing new.
			allW += w
		}
		w *= pollDecay
	}
	if allW == 0 {
		return 0, false
	}
	return newW / allW, true
}

func clampDuration(d, lo, hi time.Duration) time.Duration {
	if d < lo {
		return lo
	}
	if d > hi {
		return hi
	}
	return d
}

// DefaultMaxHardFailures is the number of consecutive hard failures after
// which a Health with MaxHardFailures zero is Disabled.
const DefaultMaxHardFailures = 10

// itemsPerDaySmoothing is the weight of the newest rate in ItemsPerDay.
const itemsPerDaySmoothing = 0.3

// Health accounts for the fetches of one feed. Hard failures are the
// ones that will not mend by themselves (404, 410, DNS failure, not a
// feed); soft failures are transient (timeouts, 5xx, 429). The caller
// decides which is which. The zero value is a healthy feed never fetched.
// Health is a plain value: it is not safe for concurrent use.
type Health struct {
	// ConsecutiveHard counts hard failures since the last success.
	ConsecutiveHard int
	// ConsecutiveSoft counts soft failures since the last success.
	ConsecutiveSoft int
	// SoftTotal counts all soft failures ever recorded.
	SoftTotal   int
	LastSuccess time.Time
	LastError   string
	LastErrorAt time.Time
	// ItemsPerDay estimates how many new items a day the feed carries: a
	// moving average of the new items per day between successes.
	ItemsPerDay float64
	// MaxHardFailures is when Disabled turns true; zero means
	// DefaultMaxHardFailures.
	MaxHardFailures int
}

// Success records a successful fetch at time at that found newItems new
// entries: the failure counts go back to zero and ItemsPerDay is updated
// from the time since the previous success.
func (h *Health) Success(at time.Time, newItems int) {
	if newItems < 0 {
		newItems = 0
	}
	if !h.LastSuccess.IsZero() && at.After(h.LastSuccess) {
		days := at.Sub(h.LastSuccess).Hours() / 24
		rate := float64(newItems) / math.Max(days, 1.0/24)
		if h.ItemsPerDay == 0 {
			h.ItemsPerDay = rate
		} else {
			h.ItemsPerDay = itemsPerDaySmoothing*rate + (1-itemsPerDaySmoothing)*h.ItemsPerDay
		}
	}
	h.ConsecutiveHard, h.ConsecutiveSoft = 0, 0
	h.LastSuccess = at
}

// HardFailure records a fetch that failed for good at time at.
func (h *Health) HardFailure(at time.Time, err error) {
	h.ConsecutiveHard++
	h.note(at, err)
}

// SoftFailure records a transient failure at time at.
func (h *Health) SoftFailure(at time.Time, err error) {
	h.ConsecutiveSoft++
	h.SoftTotal++
	h.note(at, err)
}

func (h *Health) note(at time.Time, err error) {
	h.LastErrorAt = at
	if err != nil {
		h.LastError = truncate(err.Error(), MaxTitleBytes, nil, "")
	}
}

// Disabled reports whether the feed has failed hard MaxHardFailures (or
// DefaultMaxHardFailures) times in a row and should no longer be polled
// until an operator looks at it.
func (h Health) Disabled() bool {
	limit := h.MaxHardFailures
	if limit <= 0 {
		limit = DefaultMaxHardFailures
	}
	return h.ConsecutiveHard >= limit
}
