package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"github.com/khabar-news/khabar/internal/warc"
)

// WARCStats counts what one WARC file held.
type WARCStats struct {
	Records int // every record read
	Pages   int // HTML pages yielded as items
	Skipped int // records that are not pages (requests, images, robots.txt, DNS, errors pages), skipped on purpose
	Failed  int // records yielded as errors (and a broken file, once)
}

// readWARC is ReadFile for a WARC file.
func (r *Reader) readWARC(ctx context.Context, path string, src io.Reader, yield func(Item) bool) {
	ReadWARC(ctx, path, src, r.HTMLSniffer, r.OnSkip, yield)
}

// ReadWARC yields the HTML pages in a WARC stream (plain or gzip) as HTML
// items with Origin "NAME#record-N" (N counts records from 1) and URL the
// record's WARC-Target-URI. It reads response records (HTTP responses with
// a 2xx status and an HTML Content-Type, or no Content-Type and a body that
// sniff accepts; nil sniff means a check for a leading tag) and resource
// records with an HTML Content-Type. Every other record is skipped, told to
// onSkip (which may be nil) and counted. A record whose page is bad (over
// MaxDocumentBytes, undecodable) is yielded as an error item and the file
// goes on; a malformed file ends with one error item. Memory is bounded by
// one page: other blocks are streamed past.
func ReadWARC(ctx context.Context, name string, src io.Reader, sniff func([]byte) bool, onSkip func(origin, reason string), yield func(Item) bool) WARCStats {
	var st WARCStats
	if sniff == nil {
		sniff = looksLikeHTML
	}
	wr, err := warc.NewReader(src)
	if err != nil {
		st.Failed++
		yield(Item{Origin: name, Err: err})
		return st
	}
	for ctx.Err() == nil {
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) {
			return st
		}
		if err != nil {
			st.Failed++
			yield(Item{Origin: name, Err: err})
			return st
		}
		st.Records++
		origin := fmt.Sprintf("%s#record-%d", name, rec.Number)
		body, skip, err := warcPage(rec, sniff)
		var it Item
		switch {
		case errors.Is(err, warc.ErrFormat):
			// The file itself is broken here: report it once, and stop.
			st.Failed++
			yield(Item{Origin: name, Err: err})
			return st
		case err != nil:
			st.Failed++
			it = Item{Origin: origin, URL: rec.TargetURI, Err: fmt.Errorf("%s: %w", describe(rec), err)}
		case skip != "":
			st.Skipped++
			if onSkip != nil {
				onSkip(origin, skip)
			}
			continue
		default:
			st.Pages++
			it = Item{Origin: origin, URL: rec.TargetURI, Format: HTML, Data: body}
		}
		if !yield(it) {
			return st
		}
	}
	return st
}

// warcPage returns the HTML page in a record, or why the record is
// skipped, or what is wrong with it.
func warcPage(rec *warc.Record, sniff func([]byte) bool) (body []byte, skip string, err error) {
	switch rec.Type {
	case "response":
		if ct := mediaType(rec.ContentType); ct != "" && ct != "application/http" {
			return nil, fmt.Sprintf("not an HTTP response (%s)", ct), nil
		}
		resp, err := warc.ReadHTTPResponse(rec.Block)
		if err != nil {
			return nil, "", err
		}
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			return nil, fmt.Sprintf("HTTP %d", resp.StatusCode), nil
		}
		mt := resp.MediaType()
		if mt == "" {
			// Common Crawl's own detection, when the server sent no type.
			mt = mediaType(rec.Header.Get("WARC-Identified-Payload-Type"))
		}
		if mt != "" && !isHTMLType(mt) {
			return nil, fmt.Sprintf("not HTML (%s)", mt), nil
		}
		body, err = resp.Body(MaxDocumentBytes)
		if errors.Is(err, warc.ErrTooLarge) {
			return nil, "", fmt.Errorf("page is larger than %d MiB", MaxDocumentBytes>>20)
		}
		if err != nil {
			return nil, "", err
		}
		if mt == "" && !sniff(body) {
			return nil, "not HTML (no Content-Type, does not look like HTML)", nil
		}
	case "resource":
		mt := mediaType(rec.ContentType)
		if !isHTMLType(mt) {
			return nil, fmt.Sprintf("not HTML (%s)", mt), nil
		}
		body, err = readBounded(rec.Block)
		if err != nil {
			return nil, "", err
		}
	default:
		return nil, rec.Type + " record", nil
	}
	if err := checkDocument(body, HTML); err != nil {
		return nil, "", err
	}
	return body, "", nil
}

func describe(rec *warc.Record) string {
	if rec.TargetURI != "" {
		return rec.TargetURI
	}
	return rec.Type + " record"
}

func mediaType(ct string) string {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt, _, _ = strings.Cut(ct, ";")
	}
	return strings.ToLower(strings.TrimSpace(mt))
}

func isHTMLType(mt string) bool {
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// looksLikeWARC reports whether a file is a WARC: by name (.warc, after
// any .gz was removed) or by its first bytes.
func looksLikeWARC(name string, head []byte) bool {
	return strings.HasSuffix(name, ".warc") || strings.HasPrefix(string(head), "WARC/1.")
}
