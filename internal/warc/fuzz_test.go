package warc

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// FuzzReader: any input either yields records and ends (io.EOF or an
// error), never panics, and never hands out more block bytes than the
// input had.
func FuzzReader(f *testing.F) {
	recs := sampleRecords()
	f.Add([]byte(strings.Join(recs, "")))
	f.Add([]byte(gzipMembers(recs[:3])))
	f.Add([]byte(recs[2][:len(recs[2])/2]))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nab"))
	f.Add([]byte("WARC/1.1\r\n X: folded\r\nContent-Length: 0\r\n\r\n\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		var total int64
		for i := 0; ; i++ {
			rec, err := r.Next()
			if err != nil {
				if !errors.Is(err, io.EOF) && !strings.Contains(err.Error(), "record") {
					t.Fatalf("error %q does not name the record", err)
				}
				return
			}
			if i > len(data) {
				t.Fatalf("more records (%d) than input bytes (%d)", i, len(data))
			}
			if rec.Type == "response" || i%2 == 0 {
				resp, err := ReadHTTPResponse(rec.Block)
				if err == nil {
					body, _ := resp.Body(1 << 20)
					total += int64(len(body))
				}
			}
		}
	})
}

// FuzzRoundTrip: whatever URI and body are written come back unchanged.
func FuzzRoundTrip(f *testing.F) {
	f.Add("https://nagar.example/bus", []byte(pageHTML), true)
	f.Add("https://x.example/मौसम", []byte("\r\n\r\nWARC/1.1\r\n"), false)
	f.Fuzz(func(t *testing.T, uri string, body []byte, compress bool) {
		var buf bytes.Buffer
		w := NewWriter(&buf, compress)
		if _, err := w.WriteResponse(&Response{TargetURI: uri, Body: body}); err != nil {
			return // invalid URIs are refused, which is fine
		}
		r, err := NewReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		rec, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if rec.TargetURI != strings.Trim(strings.TrimSpace(uri), "<>") && rec.TargetURI != uri {
			t.Errorf("URI: got %q, want %q", rec.TargetURI, uri)
		}
		resp, err := ReadHTTPResponse(rec.Block)
		if err != nil {
			t.Fatal(err)
		}
		got, err := resp.Body(int64(len(body)) + 1)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, body) {
			t.Errorf("body: got %q, want %q", got, body)
		}
	})
}
