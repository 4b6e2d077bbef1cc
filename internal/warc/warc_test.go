package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// The pages below are written for these tests.
const pageHTML = `<!doctype html><html lang="hi"><head><meta charset="utf-8">` +
	`<title>नगर निगम ने नई बस सेवा शुरू की</title></head><body><article>` +
	`<h1>नगर निगम ने नई बस सेवा शुरू की</h1><p>शहर के पूर्वी हिस्से में सोमवार से बीस नई बसें चलेंगी।</p>` +
	`</article></body></html>`

// record renders one uncompressed WARC record.
func record(version string, fields [][2]string, block string) string {
	var b strings.Builder
	b.WriteString(version + "\r\n")
	for _, f := range fields {
		b.WriteString(f[0] + ": " + f[1] + "\r\n")
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s\r\n\r\n", len(block), block)
	return b.String()
}

func httpMsg(status string, headers []string, body string) string {
	return "HTTP/1.1 " + status + "\r\n" + strings.Join(headers, "\r\n") + "\r\n\r\n" + body
}

func chunked(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		n := min(len(s), 50)
		fmt.Fprintf(&b, "%x\r\n%s\r\n", n, s[:n])
		s = s[n:]
	}
	b.WriteString("0\r\n\r\n")
	return b.String()
}

func gzipString(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

func response(version, uri, msg string) string {
	return record(version, [][2]string{
		{"WARC-Type", "response"},
		{"WARC-Date", "2025-11-18T05:00:00Z"},
		{"WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000001>"},
		{"WARC-Target-URI", uri},
		{"Content-Type", "application/http; msgtype=response"},
	}, msg)
}

// sampleRecords is a small crawl: warcinfo, a request, HTML pages in
// several encodings, and records ingest must skip.
func sampleRecords() []string {
	return []string{
		record("WARC/1.1", [][2]string{{"WARC-Type", "warcinfo"}, {"Content-Type", "application/warc-fields"}}, "software: test\r\n"),
		record("WARC/1.1", [][2]string{{"WARC-Type", "request"}, {"WARC-Target-URI", "https://nagar.example/bus"}}, "GET /bus HTTP/1.1\r\nHost: nagar.example\r\n\r\n"),
		response("WARC/1.1", "https://nagar.example/bus", httpMsg("200 OK", []string{"Content-Type: text/html; charset=utf-8"}, pageHTML)),
		response("WARC/1.0", "https://nagar.example/chunked", httpMsg("200 OK", []string{"Content-Type: text/html", "Transfer-Encoding: chunked"}, chunked(pageHTML))),
		response("WARC/1.0", "https://nagar.example/gz", httpMsg("200 OK", []string{"Content-Type: text/html", "Content-Encoding: gzip"}, gzipString(pageHTML))),
		response("WARC/1.1", "https://nagar.example/logo.png", httpMsg("200 OK", []string{"Content-Type: image/png"}, "\x89PNG\r\n\x1a\n")),
		record("WARC/1.1", [][2]string{{"WARC-Type", "response"}, {"WARC-Target-URI", "dns:nagar.example"}, {"Content-Type", "text/dns"}}, "20251118050000\nnagar.example. 300 IN A 203.0.113.7\n"),
	}
}

// gzipMembers compresses each record as its own gzip member.
func gzipMembers(records []string) string {
	var b strings.Builder
	for _, r := range records {
		b.WriteString(gzipString(r))
	}
	return b.String()
}

func TestReaderFormats(t *testing.T) {
	recs := sampleRecords()
	plain := strings.Join(recs, "")
	tests := map[string]string{
		"plain":            plain,
		"gzip per record":  gzipMembers(recs),
		"gzip whole file":  gzipString(plain),
		"extra blank line": strings.Join(recs, "\r\n"),
	}
	wantTypes := []string{"warcinfo", "request", "response", "response", "response", "response", "response"}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			r, err := NewReader(strings.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			var types []string
			for {
				rec, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				types = append(types, rec.Type)
				if rec.Number != len(types) {
					t.Errorf("record number: got %d, want %d", rec.Number, len(types))
				}
				if rec.TargetURI == "https://nagar.example/chunked" {
					if got, want := rec.Version, "WARC/1.0"; got != want {
						t.Errorf("version: got %q, want %q", got, want)
					}
					if got, want := rec.Date(), time.Date(2025, 11, 18, 5, 0, 0, 0, time.UTC); !got.Equal(want) {
						t.Errorf("date: got %v, want %v", got, want)
					}
				}
				// Only some blocks are read; the Reader skips the rest.
				if rec.Type == "response" && len(types)%2 == 0 {
					io.ReadAll(rec.Block)
				}
			}
			if got, want := strings.Join(types, ","), strings.Join(wantTypes, ","); got != want {
				t.Errorf("types: got %q, want %q", got, want)
			}
		})
	}
}

func TestHTTPBodies(t *testing.T) {
	tests := []struct {
		name    string
		msg     string
		max     int64
		want    string
		wantErr string
	}{
		{"plain", httpMsg("200 OK", []string{"Content-Type: text/html"}, pageHTML), 1 << 20, pageHTML, ""},
		{"chunked", httpMsg("200 OK", []string{"Transfer-Encoding: chunked"}, chunked(pageHTML)), 1 << 20, pageHTML, ""},
		{"chunked header, body already de-chunked", httpMsg("200 OK", []string{"Transfer-Encoding: chunked"}, pageHTML), 1 << 20, pageHTML, ""},
		{"gzip", httpMsg("200 OK", []string{"Content-Encoding: gzip"}, gzipString(pageHTML)), 1 << 20, pageHTML, ""},
		{"chunked gzip", httpMsg("200 OK", []string{"Content-Encoding: gzip", "Transfer-Encoding: chunked"}, chunked(gzipString(pageHTML))), 1 << 20, pageHTML, ""},
		{"gzip header, body already decoded", httpMsg("200 OK", []string{"Content-Encoding: gzip"}, pageHTML), 1 << 20, pageHTML, ""},
		{"br already decoded", httpMsg("200 OK", []string{"Content-Encoding: br"}, pageHTML), 1 << 20, pageHTML, ""},
		{"br encoded", httpMsg("200 OK", []string{"Content-Encoding: br"}, "\x1b\x03\x00\xf8"), 1 << 20, "", `unsupported Content-Encoding "br"`},
		{"too large", httpMsg("200 OK", nil, pageHTML), 100, "", "larger than 100 bytes"},
		{"gzip bomb", httpMsg("200 OK", []string{"Content-Encoding: gzip"}, gzipString(strings.Repeat("क", 100_000))), 1000, "", "larger than 1000 bytes"},
		{"truncated gzip", httpMsg("200 OK", []string{"Content-Encoding: gzip"}, gzipString(pageHTML)[:40]), 1 << 20, "", "decode gzip"},
		{"folded header", "HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=utf-8\r\n\r\n" + pageHTML, 1 << 20, pageHTML, ""},
		{"no body", "HTTP/1.1 204 No Content\r\n\r\n", 1 << 20, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := ReadHTTPResponse(strings.NewReader(tc.msg))
			if err != nil {
				t.Fatal(err)
			}
			body, err := resp.Body(tc.max)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("got error %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(body) != tc.want {
				t.Errorf("got %q, want %q", clip(string(body), 80), clip(tc.want, 80))
			}
		})
	}
}

func TestReadHTTPResponseStatus(t *testing.T) {
	tests := []struct {
		in       string
		code     int
		media    string
		wantFail bool
	}{
		{"HTTP/1.1 200 OK\r\nContent-Type: Text/HTML; charset=UTF-8\r\n\r\n", 200, "text/html", false},
		{"HTTP/1.0 404 Not Found\r\n\r\n", 404, "", false},
		{"HTTP/2 301\r\nLocation: /x\r\n\r\n", 301, "", false},
		{"HTTP/1.1 200 OK\r\nContent-Type: text/html;;charset=utf-8\r\n\r\n", 200, "text/html", false},
		{"GET / HTTP/1.1\r\n\r\n", 0, "", true},
		{"HTTP/1.1 abc\r\n\r\n", 0, "", true},
		{"", 0, "", true},
		{"HTTP/1.1 200 OK\r\n" + strings.Repeat("X-Long: "+strings.Repeat("a", 1000)+"\r\n", 80), 0, "", true},
	}
	for i, tc := range tests {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			resp, err := ReadHTTPResponse(strings.NewReader(tc.in))
			if tc.wantFail {
				if err == nil {
					t.Fatalf("got status %d, want an error", resp.StatusCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tc.code || resp.MediaType() != tc.media {
				t.Errorf("got %d %q, want %d %q", resp.StatusCode, resp.MediaType(), tc.code, tc.media)
			}
		})
	}
}

func TestReaderErrors(t *testing.T) {
	good := response("WARC/1.1", "https://nagar.example/bus", httpMsg("200 OK", nil, pageHTML))
	tests := []struct {
		name string
		data string
		want string
	}{
		{"not WARC", "<html><body>नमस्ते</body></html>", "record 1 at byte 0: malformed WARC: want a WARC/1.x version line"},
		{"bad length", "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\n", `Content-Length "lots"`},
		{"no length", "WARC/1.1\r\nWARC-Type: response\r\n\r\n", `Content-Length ""`},
		{"negative length", "WARC/1.1\r\nContent-Length: -5\r\n\r\n", `Content-Length "-5"`},
		{"truncated block", good[:len(good)-100], "record 1 at byte 0: malformed WARC: block ends 96 bytes before"},
		{"truncated header", "WARC/1.1\r\nWARC-Type: resp", "truncated record header"},
		{"header without name", "WARC/1.1\r\n: value\r\nContent-Length: 0\r\n\r\n", "has no name"},
		{"huge header", "WARC/1.1\r\nX: " + strings.Repeat("ब", 40<<10) + "\r\n\r\n", "longer than 64 KiB"},
		{"second record broken", good + "WARC/1.1\r\nContent-Length: x\r\n\r\n", "record 2 at byte"},
		{"bad gzip", "\x1f\x8b\x08\x00garbage", "malformed WARC"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := NewReader(strings.NewReader(tc.data))
			for err == nil {
				var rec *Record
				rec, err = r.Next()
				if rec != nil {
					_, err = io.ReadAll(rec.Block)
				}
			}
			if errors.Is(err, io.EOF) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
			if _, err2 := r.Next(); r != nil && err2 == nil {
				t.Errorf("Next after an error returned a record")
			}
		})
	}
}

func TestWriterRoundTrip(t *testing.T) {
	pages := []*Response{
		{TargetURI: "https://nagar.example/bus", Date: time.Date(2025, 11, 18, 5, 0, 0, 0, time.UTC), IPAddress: "203.0.113.7",
			Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}, "Content-Encoding": {"gzip"}, "Content-Length": {"120"}, "Etag": {`"v1"`}},
			Body:   []byte(pageHTML)},
		{TargetURI: "https://nagar.example/empty", StatusCode: 204},
		{TargetURI: "https://nagar.example/मौसम?दिन=सोमवार", Body: []byte("आज बादल छाए रहेंगे।\r\n\r\nWARC/1.1\r\n")},
	}
	for _, compress := range []bool{false, true} {
		t.Run(fmt.Sprint("compress=", compress), func(t *testing.T) {
			var buf bytes.Buffer
			w := NewWriter(&buf, compress)
			w.now = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
			if _, err := w.WriteWarcinfo("khabar test"); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, p := range pages {
				id, err := w.WriteResponse(p)
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, id)
			}
			if compress && !bytes.HasPrefix(buf.Bytes(), []byte{0x1f, 0x8b}) {
				t.Fatalf("compressed output does not start with gzip magic")
			}
			r, err := NewReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			info, err := r.Next()
			if err != nil || info.Type != "warcinfo" || info.Version != Version {
				t.Fatalf("first record: got %v %v, want a %s warcinfo", info, err, Version)
			}
			for i, p := range pages {
				rec, err := r.Next()
				if err != nil {
					t.Fatal(err)
				}
				block, _ := io.ReadAll(rec.Block)
				checks := [][2]string{
					{rec.Type, "response"},
					{rec.TargetURI, p.TargetURI},
					{rec.ID, ids[i]},
					{rec.Header.Get("WARC-Block-Digest"), Digest(block)},
					{fmt.Sprint(rec.ContentLength), fmt.Sprint(len(block))},
				}
				if !p.Date.IsZero() {
					checks = append(checks, [2]string{rec.Date().String(), p.Date.String()})
				} else {
					checks = append(checks, [2]string{rec.Header.Get("WARC-Date"), "2026-01-02T03:04:05Z"})
				}
				for _, c := range checks {
					if c[0] != c[1] {
						t.Errorf("record %d: got %q, want %q", i, c[0], c[1])
					}
				}
				resp, err := ReadHTTPResponse(bytes.NewReader(block))
				if err != nil {
					t.Fatal(err)
				}
				body, err := resp.Body(1 << 20)
				if err != nil {
					t.Fatal(err)
				}
				if string(body) != string(p.Body) {
					t.Errorf("record %d body: got %q, want %q", i, body, p.Body)
				}
				if got, want := rec.Header.Get("WARC-Payload-Digest"), Digest(body); got != want {
					t.Errorf("record %d payload digest: got %q, want %q", i, got, want)
				}
				if p.Header.Get("Content-Encoding") != "" && resp.Header.Get("X-Crawler-Content-Encoding") != "gzip" {
					t.Errorf("record %d: Content-Encoding not kept as X-Crawler-Content-Encoding: %v", i, resp.Header)
				}
			}
			if _, err := r.Next(); !errors.Is(err, io.EOF) {
				t.Errorf("after the last record: got %v, want io.EOF", err)
			}
		})
	}
}

func TestWriterRejectsBadURI(t *testing.T) {
	w := NewWriter(io.Discard, false)
	for _, uri := range []string{"", "https://x.example/a b", "https://x.example/\r\nWARC-Type: evil"} {
		if _, err := w.WriteResponse(&Response{TargetURI: uri}); err == nil {
			t.Errorf("WriteResponse(%q): got no error, want one", uri)
		}
	}
}

func TestRecordIDsAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		id := newRecordID()
		if seen[id] || len(id) != len("<urn:uuid:00000000-0000-4000-8000-000000000000>") {
			t.Fatalf("got id %q (duplicate or malformed)", id)
		}
		seen[id] = true
	}
}
