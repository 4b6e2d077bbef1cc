package news

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// ErrExists is returned (wrapped) when a write would create a second record
// with a key that must be unique, such as a second source with the same URL.
var ErrExists = errors.New("already exists")

// SourceKind says how a source is read.
type SourceKind string

// The kinds of source. SourceAuto leaves the choice to the crawler, which
// discovers a feed or sitemap from the site and falls back to crawling it.
const (
	SourceAuto    SourceKind = "auto"
	SourceFeed    SourceKind = "feed"    // an RSS, Atom or JSON feed
	SourceSitemap SourceKind = "sitemap" // a sitemap or sitemap index
	SourceSite    SourceKind = "site"    // a site crawled from its front page
)

// Known reports whether k is one of the kinds above. The empty kind is not
// known; Source.Validate accepts it as SourceAuto.
func (k SourceKind) Known() bool {
	switch k {
	case SourceAuto, SourceFeed, SourceSitemap, SourceSite:
		return true
	}
	return false
}

// MaxSeenPerSource is how many seen-item keys a SourceStore keeps per
// source: the most recently marked ones. A key that falls out is reported as
// new again the next time it is marked.
const MaxSeenPerSource = 20_000

// MaxSourceField bounds, in bytes, every string field of a Source (the URL,
// the name, the last error, …). Callers clip long error messages themselves;
// stores reject longer values rather than change them.
const MaxSourceField = 8 << 10

// Politeness bounds the load khabar puts on a source's host. Zero fields
// mean the fetcher's defaults.
type Politeness struct {
	// MinGap is the least time between the starts of two requests.
	MinGap time.Duration `json:"min_gap,omitempty"`
	// MaxInFlight is how many requests may be in flight at once.
	MaxInFlight int `json:"max_in_flight,omitempty"`
}

// SourceHealth is what polling a source has learned so far. The crawler
// writes it back with SourceStore.UpdateSource after every poll.
type SourceHealth struct {
	LastFetch   time.Time `json:"last_fetch,omitzero"`   // the last poll's start, successful or not
	LastSuccess time.Time `json:"last_success,omitzero"` // the last poll that read the source
	LastError   string    `json:"last_error,omitempty"`  // the last failure's message
	LastErrorAt time.Time `json:"last_error_at,omitzero"`
	// HardFailures and SoftFailures count consecutive failed polls since the
	// last success: hard ones (gone, not found, not a feed) may disable the
	// source; soft ones (timeouts, 5xx, 429) only slow polling down.
	HardFailures int `json:"hard_failures,omitempty"`
	SoftFailures int `json:"soft_failures,omitempty"`
	// ETag and LastModified are the validators of the last successful
	// response, sent back as If-None-Match and If-Modified-Since.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// NextPoll is when the source is due again; zero means now.
	NextPoll time.Time `json:"next_poll,omitzero"`
	// ItemsSeen counts the distinct items found over the source's life;
	// ItemsPerDay is a running estimate of how many new items it publishes
	// a day, which the scheduler uses to choose the polling interval.
	ItemsSeen   int     `json:"items_seen,omitempty"`
	ItemsPerDay float64 `json:"items_per_day,omitempty"`
}

// Source is a place khabar polls for articles: a feed, a sitemap or a site.
// Times are kept by stores in UTC to the nanosecond; durations are never
// negative and zero means the crawler's default.
type Source struct {
	ID   int64      `json:"id"`   // assigned by the store; positive
	URL  string     `json:"url"`  // absolute http(s) URL, unique among sources
	Kind SourceKind `json:"kind"` // "" is read as SourceAuto
	Name string     `json:"name,omitempty"`
	// Language is the ISO 639-1 code the source is expected to publish in
	// ("hi"); empty means detect per article.
	Language string `json:"language,omitempty"`
	// AllowPrivate lets the fetcher reach private and loopback addresses
	// for this source (an operator's own test server); off by default.
	AllowPrivate bool `json:"allow_private,omitempty"`
	// Interval is the preferred polling interval; MinInterval and
	// MaxInterval bound the adaptive one.
	Interval    time.Duration `json:"-"`
	MinInterval time.Duration `json:"-"`
	MaxInterval time.Duration `json:"-"`
	Politeness  Politeness    `json:"politeness,omitzero"`
	// Disabled sources are never due; DisabledReason says why.
	Disabled       bool         `json:"disabled,omitempty"`
	DisabledReason string       `json:"disabled_reason,omitempty"`
	Health         SourceHealth `json:"health,omitzero"`
	Created        time.Time    `json:"created,omitzero"` // set by AddSource when zero
}

// sourceJSON is Source's JSON form: durations as Go duration strings
// ("15m0s") rather than nanoseconds.
type sourceJSON struct {
	sourceAlias
	Interval    string `json:"interval,omitempty"`
	MinInterval string `json:"min_interval,omitempty"`
	MaxInterval string `json:"max_interval,omitempty"`
}

type sourceAlias Source

func durString(d time.Duration) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

// MarshalJSON writes the source with its durations as strings like "15m0s".
func (s Source) MarshalJSON() ([]byte, error) {
	return json.Marshal(sourceJSON{
		sourceAlias: sourceAlias(s),
		Interval:    durString(s.Interval),
		MinInterval: durString(s.MinInterval),
		MaxInterval: durString(s.MaxInterval),
	})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (s *Source) UnmarshalJSON(b []byte) error {
	var j sourceJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	out := Source(j.sourceAlias)
	for _, f := range []struct {
		name string
		v    string
		dst  *time.Duration
	}{
		{"interval", j.Interval, &out.Interval},
		{"min_interval", j.MinInterval, &out.MinInterval},
		{"max_interval", j.MaxInterval, &out.MaxInterval},
	} {
		if f.v == "" {
			continue
		}
		d, err := time.ParseDuration(f.v)
		if err != nil {
			return fmt.Errorf("source %s: %w", f.name, err)
		}
		*f.dst = d
	}
	*s = out
	return nil
}

// Validate reports the first problem that stops s from being stored: a URL
// that is not an absolute http(s) URL with a host, an unknown kind, a
// negative duration or count, MinInterval above MaxInterval, a count or
// rate that is not finite, a string that is not valid UTF-8 or longer than
// MaxSourceField, or a time outside the years 0–9999. The ID is not checked.
func (s *Source) Validate() error {
	if _, err := checkSourceURL(s.URL); err != nil {
		return err
	}
	if s.Kind != "" && !s.Kind.Known() {
		return fmt.Errorf("source %s: unknown kind %q (want auto, feed, sitemap or site)", s.URL, s.Kind)
	}
	strs := []struct{ name, v string }{
		{"url", s.URL}, {"kind", string(s.Kind)}, {"name", s.Name}, {"language", s.Language},
		{"disabled reason", s.DisabledReason}, {"last error", s.Health.LastError},
		{"etag", s.Health.ETag}, {"last modified", s.Health.LastModified},
	}
	for _, f := range strs {
		if !utf8.ValidString(f.v) {
			return fmt.Errorf("source %s: %s is not valid UTF-8", s.URL, f.name)
		}
		if len(f.v) > MaxSourceField {
			return fmt.Errorf("source %s: %s is %d bytes, more than %d", s.URL, f.name, len(f.v), MaxSourceField)
		}
	}
	durs := []struct {
		name string
		v    time.Duration
	}{
		{"interval", s.Interval}, {"min interval", s.MinInterval}, {"max interval", s.MaxInterval},
		{"politeness min gap", s.Politeness.MinGap},
	}
	for _, f := range durs {
		if f.v < 0 {
			return fmt.Errorf("source %s: %s %s is negative", s.URL, f.name, f.v)
		}
	}
	if s.MinInterval > 0 && s.MaxInterval > 0 && s.MinInterval > s.MaxInterval {
		return fmt.Errorf("source %s: min interval %s is above max interval %s", s.URL, s.MinInterval, s.MaxInterval)
	}
	counts := []struct {
		name string
		v    int
	}{
		{"max in flight", s.Politeness.MaxInFlight}, {"hard failures", s.Health.HardFailures},
		{"soft failures", s.Health.SoftFailures}, {"items seen", s.Health.ItemsSeen},
	}
	for _, f := range counts {
		if f.v < 0 {
			return fmt.Errorf("source %s: %s %d is negative", s.URL, f.name, f.v)
		}
	}
	if r := s.Health.ItemsPerDay; math.IsNaN(r) || math.IsInf(r, 0) || r < 0 {
		return fmt.Errorf("source %s: items per day %v is not a finite non-negative number", s.URL, r)
	}
	times := []struct {
		name string
		v    time.Time
	}{
		{"created", s.Created}, {"last fetch", s.Health.LastFetch}, {"last success", s.Health.LastSuccess},
		{"last error time", s.Health.LastErrorAt}, {"next poll", s.Health.NextPoll},
	}
	for _, f := range times {
		if y := f.v.UTC().Year(); !f.v.IsZero() && (y < 0 || y > 9999) {
			return fmt.Errorf("source %s: %s %s is outside the years 0–9999", s.URL, f.name, f.v)
		}
	}
	return nil
}

// CanonicalSourceURL checks that raw is an absolute http or https URL with
// a host and returns its canonical form: scheme and host in lower case, the
// default port and the fragment dropped, an empty path written as "/".
// Two spellings of one source give the same canonical URL, so stores can
// compare sources by exact URL. The error names raw and the problem.
func CanonicalSourceURL(raw string) (string, error) {
	u, err := checkSourceURL(strings.TrimSpace(raw))
	if err != nil {
		return "", err
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host, port := u.Hostname(), u.Port()
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		u.Host = net.JoinHostPort(host, port)
	} else if strings.Contains(host, ":") {
		u.Host = "[" + host + "]"
	} else {
		u.Host = host
	}
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" && u.RawPath == "" {
		u.Path = "/"
	}
	return u.String(), nil
}

// checkSourceURL parses raw and checks it can name a source.
func checkSourceURL(raw string) (*url.URL, error) {
	if raw == "" {
		return nil, errors.New("source URL is empty")
	}
	if len(raw) > MaxSourceField {
		return nil, fmt.Errorf("source URL %.60q… is %d bytes, more than %d", raw, len(raw), MaxSourceField)
	}
	if !utf8.ValidString(raw) {
		return nil, fmt.Errorf("source URL %q is not valid UTF-8", raw)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("source URL %q: %w", raw, errors.Unwrap(err))
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		if u.Scheme == "" {
			return nil, fmt.Errorf("source URL %q: not absolute (want http:// or https://)", raw)
		}
		return nil, fmt.Errorf("source URL %q: scheme %q is not http or https", raw, u.Scheme)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("source URL %q: no host", raw)
	}
	for _, r := range u.Hostname() {
		if r >= utf8.RuneSelf {
			return nil, fmt.Errorf("source URL %q: write the host name in its ASCII (xn--…) form", raw)
		}
	}
	if u.User != nil {
		return nil, fmt.Errorf("source URL %q: user information is not allowed", raw)
	}
	return u, nil
}

// SourceStore keeps the sources khabar polls and, per source, the set of
// item keys already seen, so a feed's items are processed once.
// Implementations are safe for concurrent use (also across processes
// sharing one store) and validate every source with Source.Validate.
type SourceStore interface {
	// AddSource stores a new source and returns it as stored, with its new
	// ID and, when s.Created is zero, the store's current time. A source
	// whose URL is already stored (compared byte for byte: canonicalize
	// with CanonicalSourceURL first) fails with an error wrapping ErrExists.
	AddSource(ctx context.Context, s *Source) (*Source, error)
	// ListSources returns every source, in ascending ID order.
	ListSources(ctx context.Context) ([]Source, error)
	// Source returns the source with the ID, or an error wrapping
	// ErrNotFound.
	Source(ctx context.Context, id int64) (*Source, error)
	// UpdateSource replaces every field of the stored source with ID s.ID
	// except Created, which never changes. The last writer wins. A missing
	// ID wraps ErrNotFound; a URL taken by another source wraps ErrExists.
	UpdateSource(ctx context.Context, s *Source) error
	// RemoveSource deletes a source and its seen keys. A missing ID wraps
	// ErrNotFound.
	RemoveSource(ctx context.Context, id int64) error
	// DueSources returns up to limit sources that are not disabled and
	// whose Health.NextPoll is zero or not after now: never-polled sources
	// first, then by NextPoll, then by ID. A limit below 1 is an error.
	DueSources(ctx context.Context, now time.Time, limit int) ([]Source, error)
	// MarkSeen records keys (normalized item URLs or GUIDs) as seen for the
	// source and returns, in input order and without repeats, those that
	// were not seen before. Marking refreshes a key's age; per source only
	// the MaxSeenPerSource most recently marked keys are kept (within one
	// call, later keys count as more recent). Empty keys are an error; a
	// missing source wraps ErrNotFound. Concurrent calls with the same key
	// report it new at most once.
	MarkSeen(ctx context.Context, sourceID int64, keys []string) ([]string, error)
}
