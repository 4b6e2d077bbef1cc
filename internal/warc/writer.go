package warc

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base32"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Version is the WARC version the Writer writes.
const Version = "WARC/1.1"

// Response is a fetched page to archive as a response record.
type Response struct {
	// TargetURI is the URL the response answered (after redirects).
	TargetURI string
	// Date is when it was fetched; zero means now.
	Date time.Time
	// IPAddress is the server's address, if known.
	IPAddress string
	// Proto defaults to "HTTP/1.1"; StatusCode to 200.
	Proto      string
	StatusCode int
	// Header holds the response headers as received. Content-Length,
	// Content-Encoding and Transfer-Encoding describe the bytes on the
	// wire, not Body, so they are written as X-Crawler-* (as Common Crawl
	// does) and a Content-Length for Body is added.
	Header http.Header
	// Body is the payload as the client saw it, decompressed.
	Body []byte
}

// Writer writes WARC records. With compression each record is its own gzip
// member, so readers can seek to any record. A Writer is not safe for
// concurrent use.
type Writer struct {
	w     io.Writer
	gz    *gzip.Writer
	buf   bytes.Buffer
	now   func() time.Time
	newID func() string
}

// NewWriter returns a Writer to w, gzip-compressing each record when
// compress is true.
func NewWriter(w io.Writer, compress bool) *Writer {
	wr := &Writer{w: w, now: time.Now, newID: newRecordID}
	if compress {
		wr.gz, _ = gzip.NewWriterLevel(io.Discard, gzip.DefaultCompression)
	}
	return wr
}

// WriteWarcinfo writes a warcinfo record naming the software, as the first
// record of a file should be. It returns the record ID.
func (w *Writer) WriteWarcinfo(software string) (string, error) {
	body := "software: " + software + "\r\nformat: WARC File Format 1.1\r\n" +
		"conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
	id := w.newID()
	hdr := Header{
		{"WARC-Type", "warcinfo"},
		{"WARC-Record-ID", id},
		{"WARC-Date", formatDate(w.now())},
		{"Content-Type", "application/warc-fields"},
	}
	return id, w.writeRecord(hdr, []byte(body))
}

// WriteResponse writes one response record (an HTTP response message as
// the block) with WARC-Date, WARC-Target-URI, WARC-Record-ID,
// WARC-Block-Digest, WARC-Payload-Digest and Content-Length, and returns
// the record ID.
func (w *Writer) WriteResponse(r *Response) (string, error) {
	if strings.TrimSpace(r.TargetURI) == "" || strings.ContainsAny(r.TargetURI, " \r\n") {
		return "", fmt.Errorf("write WARC response: target URI %q is empty or has spaces", clip(r.TargetURI, 60))
	}
	block := httpBlock(r)
	date := r.Date
	if date.IsZero() {
		date = w.now()
	}
	id := w.newID()
	hdr := Header{
		{"WARC-Type", "response"},
		{"WARC-Record-ID", id},
		{"WARC-Date", formatDate(date)},
		{"WARC-Target-URI", r.TargetURI},
	}
	if r.IPAddress != "" {
		hdr = append(hdr, Field{"WARC-IP-Address", r.IPAddress})
	}
	hdr = append(hdr,
		Field{"Content-Type", "application/http; msgtype=response"},
		Field{"WARC-Block-Digest", Digest(block)},
		Field{"WARC-Payload-Digest", Digest(r.Body)},
	)
	if err := w.writeRecord(hdr, block); err != nil {
		return "", fmt.Errorf("write WARC response %s: %w", r.TargetURI, err)
	}
	return id, nil
}

// writeRecord writes the header (adding Content-Length), the block and the
// two closing CRLFs, as one gzip member when compressing.
func (w *Writer) writeRecord(hdr Header, block []byte) error {
	w.buf.Reset()
	w.buf.WriteString(Version + "\r\n")
	for _, f := range hdr {
		w.buf.WriteString(f.Name + ": " + f.Value + "\r\n")
	}
	w.buf.WriteString("Content-Length: " + strconv.Itoa(len(block)) + "\r\n\r\n")
	if w.gz == nil {
		if _, err := w.w.Write(w.buf.Bytes()); err != nil {
			return err
		}
		if _, err := w.w.Write(block); err != nil {
			return err
		}
		_, err := io.WriteString(w.w, "\r\n\r\n")
		return err
	}
	w.gz.Reset(w.w)
	w.gz.Write(w.buf.Bytes())
	w.gz.Write(block)
	w.gz.Write([]byte("\r\n\r\n"))
	return w.gz.Close()
}

// httpBlock renders the HTTP response message for r.
func httpBlock(r *Response) []byte {
	var b bytes.Buffer
	proto := r.Proto
	if proto == "" {
		proto = "HTTP/1.1"
	}
	code := r.StatusCode
	if code == 0 {
		code = http.StatusOK
	}
	fmt.Fprintf(&b, "%s %d %s\r\n", proto, code, http.StatusText(code))
	keys := make([]string, 0, len(r.Header))
	for k := range r.Header {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		name := k
		switch http.CanonicalHeaderKey(k) {
		case "Content-Length", "Content-Encoding", "Transfer-Encoding":
			name = "X-Crawler-" + http.CanonicalHeaderKey(k)
		}
		for _, v := range r.Header[k] {
			// Header values cannot hold line breaks; fold any to spaces.
			v = strings.NewReplacer("\r", " ", "\n", " ").Replace(v)
			b.WriteString(name + ": " + v + "\r\n")
		}
	}
	b.WriteString("Content-Length: " + strconv.Itoa(len(r.Body)) + "\r\n\r\n")
	b.Write(r.Body)
	return b.Bytes()
}

// Digest is a WARC digest value, "sha1:" and the base32 SHA-1 of b.
func Digest(b []byte) string {
	sum := sha1.Sum(b)
	return "sha1:" + base32.StdEncoding.EncodeToString(sum[:])
}

func formatDate(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// newRecordID returns a random (version 4) UUID URN in angle brackets.
func newRecordID() string {
	var u [16]byte
	_, _ = rand.Read(u[:])
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	h := hex.EncodeToString(u[:])
	return "<urn:uuid:" + h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:] + ">"
}
