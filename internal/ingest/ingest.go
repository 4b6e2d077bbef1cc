package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/news"
)

// MaxDocumentBytes bounds one document (a text or HTML file, or one JSONL
// line). Larger inputs are rejected with an error instead of being read
// into memory.
const MaxDocumentBytes = 16 << 20

// Format names an input format.
type Format string

// The input formats. Auto decides per file from its name and its first bytes.
const (
	Auto  Format = "auto"
	Text  Format = "text"
	HTML  Format = "html"
	JSONL Format = "jsonl"
	// WARC is a web archive (.warc, .warc.gz): its HTML response records
	// become HTML items with their target URL.
	WARC Format = "warc"
)

// ParseFormat checks a --format value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case Auto, Text, HTML, JSONL, WARC:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q (want auto, text, html, jsonl or warc)", s)
}

// Item is one document read from the input, or one failure to read it.
// Exactly one of Data (a text or HTML document, Format says which), Article
// (a JSONL record, already an article) and Err is set.
type Item struct {
	// Origin names the input for messages: a path, "-" for stdin, with
	// ":LINE" for JSONL records and "#record-N" for WARC records.
	Origin string
	// URL is where the document was fetched from, when the input says
	// (a WARC record's target URI); extraction resolves links against it.
	URL     string
	Format  Format
	Data    []byte
	Article *news.Article
	Err     error
}

// Reader walks inputs and yields items. The zero value reads nothing from
// stdin; set Stdin to allow "-".
type Reader struct {
	Format Format
	Stdin  io.Reader
	// HTMLSniffer reports whether bytes look like an HTML page; it decides
	// Auto for files without a telling extension. Nil means a simple check
	// for a leading tag.
	HTMLSniffer func([]byte) bool
	// OnSkip, when set, is told about every input record that is not a
	// document and is skipped on purpose (a WARC request, image or 404
	// record), with the reason. It is called from ReadFile's goroutine.
	OnSkip func(origin, reason string)
}

// Files expands paths into the list of files to read: folders are walked
// recursively (hidden entries skipped, sorted for a stable order), "-" stays
// "-". A path that does not exist is an error for that path only; the
// returned errors name each bad path.
func Files(paths []string) (files []string, errs []error) {
	for _, p := range paths {
		if p == "-" {
			files = append(files, p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, unwrapPathError(err)))
			continue
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", path, unwrapPathError(err)))
				return nil
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && isDocumentName(name) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, err))
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, errs
}

// isDocumentName skips files in folders that are plainly not documents
// (notes and licences that sit next to corpora).
func isDocumentName(name string) bool {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".md"), strings.HasPrefix(lower, "readme"), strings.HasPrefix(lower, "license"):
		return false
	}
	return true
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ReadFile yields the items of one file (or "-"). It calls yield for each
// item in order and stops early when yield returns false or ctx is done.
func (r *Reader) ReadFile(ctx context.Context, path string, yield func(Item) bool) {
	rc, err := r.open(path)
	if err != nil {
		yield(Item{Origin: path, Err: err})
		return
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 64<<10)
	format := r.Format
	if format == "" || format == Auto {
		head, _ := br.Peek(4096)
		format = r.detect(path, head)
	}
	switch format {
	case JSONL:
		readJSONL(ctx, path, br, yield)
		return
	case WARC:
		r.readWARC(ctx, path, br, yield)
		return
	}
	data, err := readBounded(br)
	if err != nil {
		yield(Item{Origin: path, Err: err})
		return
	}
	if err := checkDocument(data, format); err != nil {
		yield(Item{Origin: path, Err: err})
		return
	}
	yield(Item{Origin: path, Format: format, Data: data})
}

func (r *Reader) open(path string) (io.ReadCloser, error) {
	var rc io.ReadCloser
	if path == "-" {
		if r.Stdin == nil {
			return nil, errors.New("standard input is not available")
		}
		rc = io.NopCloser(r.Stdin)
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, unwrapPathError(err)
		}
		rc = f
	}
	if !strings.HasSuffix(strings.ToLower(path), ".gz") {
		return rc, nil
	}
	zr, err := gzip.NewReader(rc)
	if err != nil {
		rc.Close()
		return nil, fmt.Errorf("not a gzip file: %w", err)
	}
	return struct {
		io.Reader
		io.Closer
	}{zr, rc}, nil
}

func (r *Reader) detect(path string, head []byte) Format {
	name := strings.TrimSuffix(strings.ToLower(path), ".gz")
	if looksLikeWARC(name, head) {
		return WARC
	}
	switch filepath.Ext(name) {
	case ".jsonl", ".ndjson":
		return JSONL
	case ".html", ".htm", ".xhtml":
		return HTML
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		return JSONL
	}
	sniff := r.HTMLSniffer
	if sniff == nil {
		sniff = looksLikeHTML
	}
	if sniff(head) {
		return HTML
	}
	return Text
}

func looksLikeHTML(b []byte) bool {
	t := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), " \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<!--"} {
		if bytes.HasPrefix(t, []byte(p)) {
			return true
		}
	}
	return false
}

// readBounded reads all of r, refusing more than MaxDocumentBytes without
// holding more than that in memory.
func readBounded(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocumentBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(data) > MaxDocumentBytes {
		return nil, fmt.Errorf("document is larger than %d MiB; split it or use JSONL", MaxDocumentBytes>>20)
	}
	return data, nil
}

// checkDocument rejects inputs that cannot be articles: empty, binary, or
// (for text) not UTF-8. HTML may declare another charset, so it is only
// checked for NUL bytes.
func checkDocument(data []byte, f Format) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("empty document")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return errors.New("binary data (NUL bytes), not a text document")
	}
	if f == Text && !utf8.Valid(data) {
		return fmt.Errorf("invalid UTF-8 at byte %d", firstInvalid(data))
	}
	return nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// Record is one JSONL line as other tools write it.
type Record struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Language  string `json:"language"`
}

func readJSONL(ctx context.Context, path string, br *bufio.Reader, yield func(Item) bool) {
	for line := 1; ; line++ {
		if ctx.Err() != nil {
			return
		}
		raw, tooLong, err := readLine(br, MaxDocumentBytes)
		if len(raw) == 0 && err != nil {
			if !errors.Is(err, io.EOF) {
				yield(Item{Origin: fmt.Sprintf("%s:%d", path, line), Err: fmt.Errorf("read: %w", err)})
			}
			return
		}
		origin := fmt.Sprintf("%s:%d", path, line)
		var item Item
		switch {
		case tooLong:
			item = Item{Origin: origin, Err: fmt.Errorf("line is longer than %d MiB", MaxDocumentBytes>>20)}
		case len(bytes.TrimSpace(raw)) == 0:
			continue
		default:
			a, perr := ParseRecord(raw)
			item = Item{Origin: origin, Format: JSONL, Article: a, Err: perr}
		}
		if !yield(item) {
			return
		}
		if err != nil {
			return
		}
	}
}

// readLine reads one line without its newline. A line longer than max is
// consumed to its end but not kept (tooLong is true).
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max+1 {
				tooLong = true
				line = line[:0]
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			return []byte{' '}, true, err
		}
		return bytes.TrimRight(line, "\r\n"), false, err
	}
}

// ParseRecord turns one JSONL line into an article. The record keeps its id;
// text becomes paragraphs split at blank lines (or at single newlines when
// the text has no blank lines). The language is left empty when the record
// gives none, for the caller to detect.
func ParseRecord(raw []byte) (*news.Article, error) {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(raw) {
		return nil, fmt.Errorf("invalid UTF-8 at byte %d", firstInvalid(raw))
	}
	var rec Record
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&rec); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	if strings.TrimSpace(rec.Title) == "" && strings.TrimSpace(rec.Text) == "" {
		return nil, errors.New(`record has neither "title" nor "text"`)
	}
	a := &news.Article{
		ID:       strings.TrimSpace(rec.ID),
		URL:      strings.TrimSpace(rec.URL),
		Source:   strings.TrimSpace(rec.Source),
		Language: strings.ToLower(strings.TrimSpace(rec.Language)),
		Headline: strings.TrimSpace(rec.Title),
	}
	if rec.Published != "" {
		t, err := ParseTime(rec.Published)
		if err != nil {
			return nil, fmt.Errorf(`"published": %w`, err)
		}
		a.Published = t
	}
	for _, p := range Paragraphs(rec.Text) {
		a.Body = append(a.Body, news.Block{Kind: news.Paragraph, Text: p})
	}
	return a, nil
}

// Paragraphs splits text into trimmed, non-empty paragraphs: at blank lines
// when it has any, otherwise at each newline.
func Paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	sep := "\n"
	if strings.Contains(text, "\n\n") {
		sep = "\n\n"
	}
	var out []string
	for _, p := range strings.Split(text, sep) {
		p = strings.Join(strings.Fields(p), " ")
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ParseTime accepts RFC 3339 (with or without fractional seconds), a date
// and time without a zone (taken as IST, +05:30, since khabar's sources are
// Indian) or a bare date YYYY-MM-DD (midnight IST).
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, IST); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot read time %q (want RFC 3339, e.g. 2025-11-18T10:30:00+05:30)", s)
}

// IST is India Standard Time, UTC+05:30.
var IST = time.FixedZone("IST", 5*3600+1800)
