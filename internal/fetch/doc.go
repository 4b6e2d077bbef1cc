// Package fetch is khabar's polite HTTP fetcher for news sites.
//
// A Fetcher obeys robots.txt per host (cached for Config.RobotsTTL; a 4xx
// robots.txt allows everything, a 5xx or unreachable one disallows the host
// for Config.RobotsRetry, as RFC 9309 says), spaces the requests it starts
// to one host at least Config.Interval apart (or the host's Crawl-delay,
// whichever is longer) with at most Config.MaxInFlight in flight per host,
// retries 408, 429, 5xx and network errors with exponential backoff, jitter
// and Retry-After, and sends conditional requests.
//
// Every byte it reads is bounded (Config.MaxBytes), every step has a
// timeout, and every connection goes through an address guard that
// resolves the host name itself and refuses private, loopback, link-local,
// multicast, unspecified, CGNAT and IPv6 unique-local addresses — on the
// first request and on every redirect — unless the operator allows them
// (Config.AllowPrivate, Config.AllowNetworks).
//
// A Fetcher is safe for concurrent use; the politeness rules hold across
// all its callers. Errors are *Error values that name the URL; test them
// with errors.Is against the sentinels (ErrDisallowed, ErrTooLarge, …) or
// errors.As against *StatusError.
package fetch
