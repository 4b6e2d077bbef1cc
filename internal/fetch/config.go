package fetch

import (
	"context"
	"math/rand/v2"
	"net/netip"
	"strings"
	"time"
)

// Defaults used for the zero values of Config fields.
const (
	DefaultInterval       = time.Second
	DefaultMaxInFlight    = 2
	DefaultMaxBytes       = 16 << 20
	DefaultMaxRedirects   = 5
	DefaultMaxAttempts    = 4
	DefaultConnectTimeout = 10 * time.Second
	DefaultHeaderTimeout  = 20 * time.Second
	DefaultTimeout        = 60 * time.Second
	DefaultBackoffBase    = 500 * time.Millisecond
	DefaultBackoffMax     = 30 * time.Second
	DefaultRetryAfterMax  = 2 * time.Minute
	DefaultRobotsTTL      = 24 * time.Hour
	DefaultRobotsRetry    = 10 * time.Minute
	DefaultMaxCrawlDelay  = time.Minute
	DefaultContact        = "https://github.com/khabar-news/khabar"

	// Agent is the product token khabar sends and looks for in robots.txt.
	Agent = "khabar"
	// version is the version in the User-Agent header.
	version = "0.1"
	// maxRobotsBytes bounds a robots.txt file (RFC 9309 asks parsers to
	// read at least 500 KiB).
	maxRobotsBytes = 512 << 10
)

// Config sets a Fetcher's behaviour. The zero value is valid: every zero
// field means its default.
type Config struct {
	// Contact is a URL (or mailto:) a site operator can use to reach whoever
	// runs this crawler. It goes into the User-Agent:
	// "khabar/0.1 (+CONTACT)". Empty means DefaultContact.
	Contact string

	// Interval is the least time between the starts of two requests to
	// one host (DefaultInterval, 1 s). A robots.txt Crawl-delay longer than
	// this wins, up to MaxCrawlDelay.
	Interval time.Duration
	// MaxInFlight is how many requests may be in flight to one host at
	// once (DefaultMaxInFlight, 2).
	MaxInFlight int
	// Hosts overrides Interval and MaxInFlight per host. Keys are a host
	// name ("www.bhaskar.com") or host:port, lower case; host:port wins.
	Hosts map[string]HostPolicy
	// MaxCrawlDelay caps how long a robots.txt Crawl-delay can make the
	// interval (DefaultMaxCrawlDelay, 1 min).
	MaxCrawlDelay time.Duration

	// MaxBytes bounds a response body after decompression
	// (DefaultMaxBytes, 16 MiB); larger bodies fail with ErrTooLarge.
	MaxBytes int64
	// MaxRedirects bounds the redirects followed per Get
	// (DefaultMaxRedirects, 5). Use a negative value to follow none.
	MaxRedirects int

	// ConnectTimeout bounds dialling, including DNS (10 s); HeaderTimeout
	// bounds the wait for response headers after the request is sent (20 s);
	// Timeout bounds one whole attempt, body included (60 s).
	ConnectTimeout time.Duration
	HeaderTimeout  time.Duration
	Timeout        time.Duration

	// MaxAttempts bounds the tries per request, retries included
	// (DefaultMaxAttempts, 4). Use 1 for no retries.
	MaxAttempts int
	// BackoffBase and BackoffMax shape the exponential backoff between
	// attempts: BackoffBase·2^(n-1), at most BackoffMax, with jitter
	// taking it down to half at random (0.5 s, 30 s).
	BackoffBase time.Duration
	BackoffMax  time.Duration
	// RetryAfterMax caps how long a Retry-After header can make us wait
	// (2 min).
	RetryAfterMax time.Duration

	// RobotsTTL is how long a fetched robots.txt is trusted (24 h).
	// RobotsRetry is how long a host stays disallowed after its robots.txt
	// answered 5xx or could not be reached (10 min).
	RobotsTTL   time.Duration
	RobotsRetry time.Duration
	// IgnoreRobots turns robots.txt off. Only for operators fetching their
	// own sites; Crawl-delay is then not known either.
	IgnoreRobots bool

	// AllowPrivate lets requests reach private, loopback, link-local,
	// CGNAT and unique-local addresses. Off by default: a user-supplied URL
	// must not reach the operator's own network.
	AllowPrivate bool
	// AllowNetworks allows just these prefixes among the refused ones (an
	// internal mirror, say), without AllowPrivate.
	AllowNetworks []netip.Prefix

	// Resolver resolves host names; nil means net.DefaultResolver.
	Resolver Resolver
	// Clock tells time and sleeps; nil means the real clock. Tests inject
	// one to observe backoff without waiting.
	Clock Clock
	// Jitter returns a number in [0, 1) for backoff jitter; nil means
	// math/rand/v2.
	Jitter func() float64
}

// HostPolicy overrides the politeness defaults for one host. Zero fields
// keep the Config-wide values.
type HostPolicy struct {
	Interval    time.Duration
	MaxInFlight int
}

// Resolver looks up the addresses of a host name.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// Clock is the Fetcher's view of time. Sleep returns early with ctx's
// error when ctx is done.
type Clock interface {
	Now() time.Time
	Sleep(ctx context.Context, d time.Duration) error
}

// realClock is the wall clock.
type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// withDefaults returns cfg with every zero field set to its default.
func (cfg Config) withDefaults() Config {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&cfg.Interval, DefaultInterval)
	def(&cfg.MaxCrawlDelay, DefaultMaxCrawlDelay)
	def(&cfg.ConnectTimeout, DefaultConnectTimeout)
	def(&cfg.HeaderTimeout, DefaultHeaderTimeout)
	def(&cfg.Timeout, DefaultTimeout)
	def(&cfg.BackoffBase, DefaultBackoffBase)
	def(&cfg.BackoffMax, DefaultBackoffMax)
	def(&cfg.RetryAfterMax, DefaultRetryAfterMax)
	def(&cfg.RobotsTTL, DefaultRobotsTTL)
	def(&cfg.RobotsRetry, DefaultRobotsRetry)
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = DefaultMaxInFlight
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	switch {
	case cfg.MaxRedirects == 0:
		cfg.MaxRedirects = DefaultMaxRedirects
	case cfg.MaxRedirects < 0:
		cfg.MaxRedirects = 0
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = DefaultMaxAttempts
	}
	if cfg.Contact == "" {
		cfg.Contact = DefaultContact
	}
	if cfg.Clock == nil {
		cfg.Clock = realClock{}
	}
	if cfg.Jitter == nil {
		cfg.Jitter = rand.Float64
	}
	return cfg
}

// UserAgent is the User-Agent header a Fetcher with this Config sends.
func (cfg Config) UserAgent() string {
	contact := cfg.Contact
	if contact == "" {
		contact = DefaultContact
	}
	return Agent + "/" + version + " (+" + contact + ")"
}

// policy returns the politeness settings for a host key ("host:port").
func (cfg Config) policy(hostport, hostname string) (interval time.Duration, inFlight int) {
	interval, inFlight = cfg.Interval, cfg.MaxInFlight
	p, ok := cfg.Hosts[strings.ToLower(hostport)]
	if !ok {
		p, ok = cfg.Hosts[strings.ToLower(hostname)]
	}
	if ok {
		if p.Interval > 0 {
			interval = p.Interval
		}
		if p.MaxInFlight > 0 {
			inFlight = p.MaxInFlight
		}
	}
	return interval, inFlight
}
