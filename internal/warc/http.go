package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"net/textproto"
	"strconv"
	"strings"
)

// ErrTooLarge is wrapped when a payload is larger than the caller's limit.
var ErrTooLarge = errors.New("payload too large")

// HTTPResponse is the HTTP message in a response record's block: status and
// headers parsed, the body still to be read with Body.
type HTTPResponse struct {
	Proto      string // "HTTP/1.1"
	StatusCode int
	Status     string // the reason phrase
	Header     http.Header
	br         *bufio.Reader
}

// ReadHTTPResponse parses the status line and headers of an HTTP response
// (at most MaxHeaderBytes of them) from a record block.
func ReadHTTPResponse(block io.Reader) (*HTTPResponse, error) {
	br := bufio.NewReaderSize(block, 16<<10)
	lr := &limitedLines{br: br, left: MaxHeaderBytes}
	status, err := lr.line()
	if err != nil {
		return nil, fmt.Errorf("HTTP status line: %w", err)
	}
	proto, rest, _ := strings.Cut(status, " ")
	codeText, reason, _ := strings.Cut(strings.TrimSpace(rest), " ")
	code, err := strconv.Atoi(codeText)
	if !strings.HasPrefix(proto, "HTTP/") || err != nil || code < 100 || code > 999 {
		return nil, fmt.Errorf("not an HTTP response: status line %q", clip(status, 60))
	}
	resp := &HTTPResponse{Proto: proto, StatusCode: code, Status: strings.TrimSpace(reason), Header: http.Header{}, br: br}
	var last string
	for {
		line, err := lr.line()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return resp, nil // headers only, no body
			}
			return nil, fmt.Errorf("HTTP headers: %w", err)
		}
		if line == "" {
			return resp, nil
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			vs := resp.Header[last]
			vs[len(vs)-1] += " " + strings.TrimSpace(line)
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue // tolerate junk lines, as browsers do
		}
		last = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(name))
		resp.Header[last] = append(resp.Header[last], strings.TrimSpace(value))
	}
}

// MediaType returns the Content-Type's media type in lower case, or "".
func (h *HTTPResponse) MediaType() string {
	mt, _, err := mime.ParseMediaType(h.Header.Get("Content-Type"))
	if err != nil {
		// "text/html;;charset=..." and other near misses: take the first part.
		mt, _, _ = strings.Cut(h.Header.Get("Content-Type"), ";")
	}
	return strings.ToLower(strings.TrimSpace(mt))
}

// Body reads the rest of the message as the payload, at most max bytes
// after decoding. A chunked transfer encoding is removed when the bytes are
// really chunked (archives often keep the header after de-chunking);
// gzip and deflate content encodings are decoded the same way. Other
// content encodings are an error.
func (h *HTTPResponse) Body(max int64) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(h.br, max+1))
	if err != nil {
		return nil, fmt.Errorf("HTTP body: %w", err)
	}
	if int64(len(raw)) > max {
		return nil, fmt.Errorf("%w: HTTP body is larger than %d bytes", ErrTooLarge, max)
	}
	if hasToken(h.Header.Values("Transfer-Encoding"), "chunked") {
		if plain, err := readBounded(httputil.NewChunkedReader(bytes.NewReader(raw)), max); err == nil {
			raw = plain
		}
	}
	for _, enc := range codings(h.Header.Values("Content-Encoding")) {
		var dec io.Reader
		switch enc {
		case "identity":
			continue
		case "gzip", "x-gzip":
			zr, err := gzip.NewReader(bytes.NewReader(raw))
			if err != nil {
				dec = nil
				break
			}
			dec = zr
		case "deflate":
			if zr, err := zlib.NewReader(bytes.NewReader(raw)); err == nil {
				dec = zr
			} else {
				dec = flate.NewReader(bytes.NewReader(raw))
			}
		default:
			if looksDecoded(raw) {
				continue // the archive stored it decoded and kept the header
			}
			return nil, fmt.Errorf("unsupported Content-Encoding %q", enc)
		}
		if dec == nil {
			break // already decoded by whoever wrote the archive
		}
		plain, err := readBounded(dec, max)
		if err != nil {
			return nil, fmt.Errorf("decode %s HTTP body: %w", enc, err)
		}
		raw = plain
	}
	return raw, nil
}

// looksDecoded reports whether a body that claims a content encoding
// already starts like markup or text.
func looksDecoded(b []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(t) > 0 && (t[0] == '<' || t[0] == '{')
}

func readBounded(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: decoded HTTP body is larger than %d bytes", ErrTooLarge, max)
	}
	return b, nil
}

func codings(values []string) []string {
	var out []string
	for _, v := range values {
		for _, c := range strings.Split(v, ",") {
			if c = strings.ToLower(strings.TrimSpace(c)); c != "" {
				out = append(out, c)
			}
		}
	}
	// Encodings are listed in the order applied; undo the last first.
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func hasToken(values []string, token string) bool {
	for _, c := range codings(values) {
		if c == token {
			return true
		}
	}
	return false
}

// limitedLines reads header lines under a byte budget.
type limitedLines struct {
	br   *bufio.Reader
	left int
}

func (l *limitedLines) line() (string, error) {
	var line []byte
	for {
		chunk, err := l.br.ReadSlice('\n')
		l.left -= len(chunk)
		if l.left < 0 {
			return "", fmt.Errorf("headers longer than %d KiB", MaxHeaderBytes>>10)
		}
		line = append(line, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && (len(line) == 0 || !errors.Is(err, io.EOF)) {
			return "", err
		}
		return strings.TrimRight(string(line), "\r\n"), nil
	}
}
