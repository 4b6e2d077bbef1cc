package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"sync"
)

// jsonOut holds the buffers of one response: the compact JSON an encoder
// writes into buf, and its indented form. Reused across responses, so
// neither is grown anew for each.
type jsonOut struct {
	buf bytes.Buffer
	enc *json.Encoder
	out []byte
}

// jsonOuts holds idle jsonOuts.
var jsonOuts = sync.Pool{New: func() any {
	o := new(jsonOut)
	o.enc = json.NewEncoder(&o.buf)
	o.enc.SetEscapeHTML(true)
	return o
}}

// maxKeptJSON is the largest response buffer kept for reuse, in bytes.
const maxKeptJSON = 1 << 20

// writeJSON writes v as the response with the status code: indented by two
// spaces (as json.Encoder with SetIndent("", "  ") writes it), HTML
// characters escaped, a newline at the end. A value that cannot be
// encoded gives the status and headers with an empty body.
func writeJSON(w http.ResponseWriter, code int, v any) {
	o := jsonOuts.Get().(*jsonOut)
	o.buf.Reset()
	err := o.enc.Encode(v)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	if err == nil {
		o.out = indentJSON(o.out[:0], o.buf.Bytes())
		_, _ = w.Write(o.out)
	}
	if o.buf.Cap() <= maxKeptJSON && cap(o.out) <= 2*maxKeptJSON {
		jsonOuts.Put(o)
	}
}

// indentJSON appends to dst the compact JSON src (as json.Marshal or
// json.Encoder writes it: no space between tokens) indented as
// json.Indent(dst, src, "", "  ") does: each element and member on its own
// line, two spaces a level, ": " after a key, empty objects and arrays as
// {} and []. Bytes after the value (the encoder's newline) are copied.
// It is json.Indent without the validation, for the output of the
// encoder, which is valid.
func indentJSON(dst, src []byte) []byte {
	depth := 0
	open := false // an object or array just opened: indent before its first element
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != '}' && c != ']' {
			open = false
			depth++
			dst = newline(dst, depth)
		}
		switch c {
		case '"':
			// Copy the string through its closing quote.
			j := i + 1
			for j < len(src) {
				k := bytes.IndexAny(src[j:], `"\`)
				if k < 0 {
					j = len(src)
					break
				}
				j += k
				if src[j] == '"' {
					break
				}
				j += 2 // a backslash and the byte it escapes
			}
			j = min(j, len(src)-1)
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			open = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			dst = newline(dst, depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if open {
				open = false
			} else {
				depth--
				dst = newline(dst, depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// newline appends a newline and depth levels of two-space indentation.
func newline(dst []byte, depth int) []byte {
	dst = append(dst, '\n')
	for range depth {
		dst = append(dst, ' ', ' ')
	}
	return dst
}
