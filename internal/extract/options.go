package extract

import "time"

// Options carry what the caller knows about a document besides its bytes.
// The zero value is valid.
type Options struct {
	// URL is where the document came from, if known. HTML extraction
	// resolves relative links against it and prefers a canonical URL.
	URL string
	// Source names the outlet ("Amar Ujala", "bbc-hindi"); empty means
	// derive it from the URL or the page where possible.
	Source string
	// Now is the reference time for relative and year-less dates. The zero
	// value means "unknown": such dates are then left out, never invented.
	Now time.Time
}
