package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/warc"
)

// Pages written for these tests.
const (
	warcPageBus = `<!doctype html><html lang="hi"><head><title>नगर निगम ने नई बस सेवा शुरू की</title></head>` +
		`<body><article><h1>नगर निगम ने नई बस सेवा शुरू की</h1><p>शहर के पूर्वी हिस्से में सोमवार से बीस नई बसें चलेंगी।</p></article></body></html>`
	warcPageRain = `<html><body><h1>पहाड़ों पर बर्फबारी, मैदानों में ठंड बढ़ी</h1><p>मौसम विभाग ने अगले दो दिन के लिए चेतावनी जारी की है।</p></body></html>`
)

// rawRecord renders an uncompressed WARC record by hand, for record kinds
// the writer does not produce.
func rawRecord(typ, uri, contentType, block string) string {
	return fmt.Sprintf("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2025-11-18T05:00:00Z\r\n"+
		"Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", typ, uri, contentType, len(block), block)
}

func gz(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

// testWARC builds a small crawl, one gzip member per record, and returns
// its bytes.
func testWARC(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, true)
	if _, err := w.WriteWarcinfo("khabar test"); err != nil {
		t.Fatal(err)
	}
	buf.Write(gz(rawRecord("request", "https://nagar.example/bus", "application/http; msgtype=request", "GET /bus HTTP/1.1\r\nHost: nagar.example\r\n\r\n")))
	html := http.Header{"Content-Type": {"text/html; charset=utf-8"}}
	for _, p := range []*warc.Response{
		{TargetURI: "https://nagar.example/bus", Header: html, Body: []byte(warcPageBus)},                                          // record 3
		{TargetURI: "https://nagar.example/logo.png", Header: http.Header{"Content-Type": {"image/png"}}, Body: []byte("\x89PNG")}, // 4
		{TargetURI: "https://nagar.example/robots.txt", Header: http.Header{"Content-Type": {"text/plain"}}, Body: []byte("User-agent: *\n")},
		{TargetURI: "https://nagar.example/gone", StatusCode: 404, Header: html, Body: []byte("<html>नहीं मिला</html>")},
		{TargetURI: "https://nagar.example/huge", Header: html, Body: bytes.Repeat([]byte("<p>बर्फ</p>"), MaxDocumentBytes/19+1)}, // 7
		{TargetURI: "https://nagar.example/untyped", Body: []byte(warcPageRain)},                                                  // 8
	} {
		if _, err := w.WriteResponse(p); err != nil {
			t.Fatal(err)
		}
	}
	buf.Write(gz(rawRecord("response", "dns:nagar.example", "text/dns", "20251118050000\nnagar.example. 300 IN A 203.0.113.7\n")))
	buf.Write(gz(rawRecord("resource", "file:///saved/rain.html", "text/html", warcPageRain)))
	buf.Write(gz(rawRecord("revisit", "https://nagar.example/bus", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\n\r\n")))
	buf.Write(gz(rawRecord("response", "https://nagar.example/chunked", "application/http; msgtype=response",
		"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"+
			fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(warcPageBus), warcPageBus))))
	return buf.Bytes()
}

func TestReadWARC(t *testing.T) {
	data := testWARC(t)
	dir := t.TempDir()
	plain, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var unzipped bytes.Buffer
	unzipped.ReadFrom(plain)
	files := map[string][]byte{
		"crawl.warc.gz": data,
		"crawl.warc":    unzipped.Bytes(),
		"crawl.bin":     unzipped.Bytes(), // detected from its first bytes
	}
	wantPages := []string{
		"#record-3 https://nagar.example/bus",
		"#record-8 https://nagar.example/untyped",
		"#record-10 file:///saved/rain.html",
		"#record-12 https://nagar.example/chunked",
	}
	wantSkips := []string{
		"#record-1 warcinfo record",
		"#record-2 request record",
		"#record-4 not HTML (image/png)",
		"#record-5 not HTML (text/plain)",
		"#record-6 HTTP 404",
		"#record-9 not an HTTP response (text/dns)",
		"#record-11 revisit record",
	}
	for name, content := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
			var pages, skips, errs []string
			r := &Reader{OnSkip: func(origin, reason string) {
				skips = append(skips, strings.TrimPrefix(origin, path)+" "+reason)
			}}
			r.ReadFile(context.Background(), path, func(it Item) bool {
				switch {
				case it.Err != nil:
					errs = append(errs, strings.TrimPrefix(it.Origin, path)+" "+it.Err.Error())
				default:
					if it.Format != HTML {
						t.Errorf("%s: format %q, want html", it.Origin, it.Format)
					}
					if !strings.Contains(string(it.Data), "</h1>") {
						t.Errorf("%s: data %q does not look like the page", it.Origin, it.Data)
					}
					pages = append(pages, strings.TrimPrefix(it.Origin, path)+" "+it.URL)
				}
				return true
			})
			check := func(what string, got, want []string) {
				t.Helper()
				sort.Strings(got)
				sort.Strings(want)
				if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
					t.Errorf("%s:\ngot  %q\nwant %q", what, g, w)
				}
			}
			check("pages", pages, append([]string(nil), wantPages...))
			check("skips", skips, append([]string(nil), wantSkips...))
			if len(errs) != 1 || !strings.Contains(errs[0], "#record-7 https://nagar.example/huge: page is larger than 16 MiB") {
				t.Errorf("errors: got %q, want one for the huge page naming record 7 and its URL", errs)
			}
		})
	}
}

func TestReadWARCStats(t *testing.T) {
	st := ReadWARC(context.Background(), "crawl.warc.gz", bytes.NewReader(testWARC(t)), nil, nil, func(Item) bool { return true })
	if want := (WARCStats{Records: 12, Pages: 4, Skipped: 7, Failed: 1}); st != want {
		t.Errorf("got %+v, want %+v", st, want)
	}
}

func TestReadWARCBroken(t *testing.T) {
	data := testWARC(t)
	tests := []struct {
		name    string
		data    []byte
		pages   int
		wantErr string
	}{
		{"cut in the middle", data[:len(data)*2/3], 1, "record 7 at byte"},
		{"not a WARC", []byte("<html><body>यह वार्क नहीं है</body></html>"), 0, "want a WARC/1.x version line"},
		{"bad gzip", []byte{0x1f, 0x8b, 0, 1, 2}, 0, "bad gzip header"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var pages int
			var errs []error
			st := ReadWARC(context.Background(), "crawl.warc.gz", bytes.NewReader(tc.data), nil, nil, func(it Item) bool {
				if it.Err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", it.Origin, it.Err))
				} else {
					pages++
				}
				return true
			})
			if pages < tc.pages || len(errs) == 0 {
				t.Fatalf("got %d pages and errors %v, want ≥ %d pages and an error", pages, errs, tc.pages)
			}
			last := errs[len(errs)-1].Error()
			if !strings.Contains(last, tc.wantErr) || !strings.Contains(last, "crawl.warc.gz") {
				t.Errorf("got error %q, want one naming the file and %q", last, tc.wantErr)
			}
			if st.Failed != len(errs) {
				t.Errorf("stats count %d failures, want %d", st.Failed, len(errs))
			}
		})
	}
}

func TestReadWARCStopsEarly(t *testing.T) {
	n := 0
	ReadWARC(context.Background(), "x.warc", bytes.NewReader(testWARC(t)), nil, nil, func(Item) bool { n++; return false })
	if n != 1 {
		t.Errorf("yield called %d times after returning false, want 1", n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	st := ReadWARC(ctx, "x.warc", bytes.NewReader(testWARC(t)), nil, nil, func(Item) bool { return true })
	if st.Records != 0 {
		t.Errorf("read %d records with a cancelled context, want 0", st.Records)
	}
}

func TestDetectWARC(t *testing.T) {
	r := &Reader{}
	tests := []struct {
		path string
		head string
		want Format
	}{
		{"crawl.warc", "", WARC},
		{"CRAWL-00001.WARC.GZ", "WARC/1.0\r\n", WARC},
		{"dump.bin", "WARC/1.1\r\nWARC-Type: warcinfo", WARC},
		{"page.html", "<html>", HTML},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			if got := r.detect(tc.path, []byte(tc.head)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	if f, err := ParseFormat("WARC"); err != nil || f != WARC {
		t.Errorf("ParseFormat(WARC): got %q, %v, want warc", f, err)
	}
}
