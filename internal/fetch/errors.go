package fetch

import (
	"errors"
	"fmt"
	"net/http"
)

// Sentinel errors; a Get error wraps at most one of them.
var (
	// ErrDisallowed: robots.txt forbids the URL for khabar, or the host's
	// robots.txt could not be fetched (5xx, unreachable) recently.
	ErrDisallowed = errors.New("disallowed by robots.txt")
	// ErrTooLarge: the body is larger than Config.MaxBytes.
	ErrTooLarge = errors.New("response body too large")
	// ErrForbiddenAddress: the host resolves to an address the guard
	// refuses (private, loopback, …).
	ErrForbiddenAddress = errors.New("forbidden address")
	// ErrScheme: the URL is not http or https.
	ErrScheme = errors.New("unsupported URL scheme")
	// ErrBadURL: the URL cannot be parsed or has no host.
	ErrBadURL = errors.New("invalid URL")
	// ErrRedirectLoop: a redirect led back to a URL already visited.
	ErrRedirectLoop = errors.New("redirect loop")
	// ErrTooManyRedirects: more than Config.MaxRedirects redirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrBadRedirect: a 3xx answer without a usable Location.
	ErrBadRedirect = errors.New("redirect without a usable Location")
)

// Error is every error Get returns: the URL it was fetching (the one that
// failed, which is a redirect target when a redirect failed) and why.
type Error struct {
	URL string
	Err error
}

func (e *Error) Error() string { return "fetch " + e.URL + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// StatusError is a final HTTP status that is neither success (2xx), not
// modified (304) nor a followed redirect: 404, 410, 403, or a retryable
// status after the last attempt.
type StatusError struct {
	Code int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("HTTP %d %s", e.Code, http.StatusText(e.Code))
}

// forbiddenError names the refused address and its class.
type forbiddenError struct {
	host  string
	addr  string
	class string
}

func (e *forbiddenError) Error() string {
	if e.host == e.addr || e.host == "" {
		return fmt.Sprintf("refusing %s address %s (set AllowPrivate or AllowNetworks to allow it)", e.class, e.addr)
	}
	return fmt.Sprintf("refusing %s: it resolves to %s address %s (set AllowPrivate or AllowNetworks to allow it)", e.host, e.class, e.addr)
}

func (e *forbiddenError) Unwrap() error { return ErrForbiddenAddress }
