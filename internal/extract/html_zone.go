package extract

import (
	"strings"
	"time"

	"github.com/khabar-news/khabar/internal/dates"
)

// htmlIndianTLDs are the country-code domains whose sites date stories in
// India time.
var htmlIndianTLDs = map[string]bool{"in": true, "भारत": true}

// htmlIndianLangs are page languages (primary subtags, or "en-in") whose
// sites date stories in India time.
var htmlIndianLangs = map[string]bool{
	"hi": true, "gu": true, "mr": true, "bn": true, "ta": true, "te": true, "kn": true,
	"ml": true, "pa": true, "or": true, "as": true, "en-in": true,
}

// htmlSiteZone returns the time zone a site most likely dates its stories
// in, or nil when it cannot tell: India time (dates.IST) for a host under
// .in and for a page declared in an Indian language or en-IN. Other zones
// are not guessed: moving UTC times to a zone guessed from a European or
// American domain and language fixed some htmldate pages but broke more on
// the held-out half (see docs/QUALITY.md).
func htmlSiteZone(host, lang string) *time.Location {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if i := strings.LastIndexByte(host, '.'); i >= 0 && htmlIndianTLDs[host[i+1:]] {
		return dates.IST
	}
	tag := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(lang)), "_", "-")
	if htmlIndianLangs[tag] || htmlIndianLangs[htmlPrimaryTag(tag)] {
		return dates.IST
	}
	return nil
}
