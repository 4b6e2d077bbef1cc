package feed

import (
	"net/url"
	"path"
	"sort"
	"strings"
)

// trackingParams are query parameters that only say where a reader came
// from; NormalizeURL drops them (names compared case-insensitively).
// Parameters starting with "utm_" are dropped as well.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true,
	"msclkid": true, "yclid": true, "twclid": true, "igshid": true,
	"mc_cid": true, "mc_eid": true, "ref": true, "ref_src": true,
	"ref_url": true, "cmp": true, "cmpid": true, "ito": true,
	"_ga": true, "_gl": true, "s_cid": true, "icid": true,
	"amp": true, "amp_js_v": true, "usqp": true, "__twitter_impression": true,
}

// ampShowPrefix marks the Times Internet AMP pages:
// …/amp_articleshow/123.cms is …/articleshow/123.cms.
const ampShowPrefix = "amp_"

// NormalizeURL returns the form of an article URL used to recognise the
// same article reached by different links. For an absolute http(s) URL it
//
//   - lowercases the scheme and host, drops a trailing dot of the host,
//     user information, the default port (:80, :443) and the fragment;
//   - unwraps Google AMP viewer links (www.google.com/amp/s/HOST/PATH);
//   - removes AMP variants: an "amp." host prefix (amp.example.com), an
//     "amp" path segment anywhere (/amp/story, /story/amp), the ".amp"
//     before an extension or at the end (story.amp.html, story.amp), the
//     "amp_" of Times Internet pages (/amp_articleshow/123.cms), and the
//     query parameters amp, outputType=amp, amp_js_v and usqp;
//   - drops tracking parameters: utm_*, fbclid, gclid, gclsrc, dclid,
//     msclkid, yclid, twclid, igshid, mc_cid, mc_eid, ref, ref_src,
//     ref_url, cmp, cmpid, ito, _ga, _gl, s_cid, icid;
//   - removes dot segments and repeated slashes, drops a trailing slash
//     (the root path stays "/"), decodes percent-escapes of unreserved
//     characters, writes the other escapes in upper case and non-ASCII
//     characters (Devanagari paths) percent-encoded;
//   - sorts the remaining query parameters by name, then value.
//
// Anything else (relative, other schemes, unparseable) is returned with
// surrounding space trimmed and otherwise unchanged. NormalizeURL is
// idempotent.
func NormalizeURL(raw string) string {
	s := strings.TrimSpace(raw)
	u, err := url.Parse(s)
	if err != nil || u.Opaque != "" {
		return s
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return s
	}
	host := strings.TrimRight(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return s
	}
	port := u.Port()
	p := u.EscapedPath()
	if (host == "www.google.com" || host == "google.com") && strings.HasPrefix(p, "/amp/s/") {
		if inner := NormalizeURL("https://" + strings.TrimPrefix(p, "/amp/s/") + queryPart(u)); inner != "" && looksLikeURL(inner) {
			return inner
		}
	}
	for strings.HasPrefix(host, "amp.") && strings.Count(host, ".") >= 2 {
		host = strings.TrimPrefix(host, "amp.")
	}
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	}
	out := scheme + "://" + host
	if strings.Contains(host, ":") { // IPv6 literal
		out = scheme + "://[" + host + "]"
	}
	if port != "" {
		out += ":" + port
	}
	out += normalizePath(p)
	if q := normalizeQuery(u.RawQuery); q != "" {
		out += "?" + q
	}
	return out
}

func queryPart(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	return "?" + u.RawQuery
}

// normalizePath cleans an escaped path and removes AMP markers.
func normalizePath(p string) string {
	p = normalizeEscapes(p)
	if p == "" {
		return "/"
	}
	p = path.Clean("/" + p)
	segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
	kept := segs[:0]
	for _, seg := range segs {
		seg = stripAMP(seg)
		if seg != "" && !strings.EqualFold(seg, "amp") {
			kept = append(kept, seg)
		}
	}
	return "/" + strings.Join(kept, "/")
}

// stripAMP removes the AMP markers of one path segment until none is left.
func stripAMP(seg string) string {
	for {
		low := strings.ToLower(seg)
		switch {
		case strings.HasPrefix(low, ampShowPrefix) && strings.HasSuffix(low, "show") && len(low) > len(ampShowPrefix)+len("show"):
			seg = seg[len(ampShowPrefix):]
		case strings.HasSuffix(low, ".amp"):
			seg = seg[:len(seg)-len(".amp")]
		case strings.Index(low, ".amp.") > 0:
			i := strings.Index(low, ".amp.")
			seg = seg[:i] + seg[i+len(".amp"):]
		default:
			return seg
		}
	}
}

// normalizeEscapes re-escapes an escaped path or query component: escapes
// of unreserved characters are decoded, the others upper-cased, and bytes
// that need escaping (non-ASCII, spaces) escaped.
func normalizeEscapes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			v := unhex(s[i+1])<<4 | unhex(s[i+2])
			if isUnreserved(v) {
				b.WriteByte(v)
			} else {
				b.WriteByte('%')
				b.WriteString(strings.ToUpper(s[i+1 : i+3]))
			}
			i += 2
			continue
		}
		if c == '%' || c <= ' ' || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}' {
			const hexDigits = "0123456789ABCDEF"
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}

// normalizeQuery drops tracking and AMP parameters and sorts the rest.
// Pairs are kept as written (re-escaped), so a value's encoding survives.
func normalizeQuery(raw string) string {
	if raw == "" {
		return ""
	}
	var pairs []string
	for _, pair := range strings.FieldsFunc(raw, func(r rune) bool { return r == '&' || r == ';' }) {
		name, value, _ := strings.Cut(pair, "=")
		key := strings.ToLower(name)
		if dec, err := url.QueryUnescape(name); err == nil {
			key = strings.ToLower(dec)
		}
		if key == "" || strings.HasPrefix(key, "utm_") || trackingParams[key] {
			continue
		}
		if key == "outputtype" && strings.EqualFold(value, "amp") {
			continue
		}
		pairs = append(pairs, normalizeEscapes(pair))
	}
	sort.Strings(pairs)
	return strings.Join(pairs, "&")
}
