package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits on what a Reader holds in memory.
const (
	// MaxHeaderBytes bounds the header of one WARC record.
	MaxHeaderBytes = 64 << 10
	// maxBlankLines bounds the blank lines skipped between records (the
	// format has exactly two; some writers add more).
	maxBlankLines = 64
)

// ErrFormat is wrapped by every error about malformed WARC data.
var ErrFormat = errors.New("malformed WARC")

// Field is one WARC header field, as written.
type Field struct {
	Name  string
	Value string
}

// Header is a record's header fields in file order.
type Header []Field

// Get returns the first value of the named field (case-insensitive), or "".
func (h Header) Get(name string) string {
	for _, f := range h {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

// Record is one WARC record. Block streams its content block and is valid
// only until the next call to Reader.Next; the Reader skips whatever the
// caller leaves unread.
type Record struct {
	// Number counts records from 1 in the order of the file.
	Number int
	// Offset is where the record starts in the uncompressed stream.
	Offset  int64
	Version string // "WARC/1.0" or "WARC/1.1"
	Header  Header
	// Type, TargetURI, ID, ContentType and ContentLength are the common
	// header fields, for convenience.
	Type          string
	TargetURI     string
	ID            string
	ContentType   string
	ContentLength int64
	Block         io.Reader
}

// Date parses WARC-Date (RFC 3339, any precision); zero when absent or
// malformed.
func (r *Record) Date() time.Time {
	t, err := time.Parse(time.RFC3339Nano, r.Header.Get("WARC-Date"))
	if err != nil {
		return time.Time{}
	}
	return t
}

// Reader reads WARC records one at a time from a stream, holding at most one
// record header (MaxHeaderBytes) in memory; blocks are streamed. A gzip
// stream (one gzip member per record, or one for the whole file) is
// decompressed transparently. After an error other than io.EOF the Reader
// returns that error forever: a broken WARC cannot be resynchronised.
type Reader struct {
	br    *bufio.Reader
	pos   int64             // bytes consumed from the uncompressed stream
	block *io.LimitedReader // the current record's unread block
	n     int
	start int64 // offset of the record being read, for errors
	err   error
}

// NewReader returns a Reader over r, which may be gzip-compressed.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	magic, _ := br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%w: bad gzip header: %v", ErrFormat, err)
		}
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	return &Reader{br: br}, nil
}

// Next returns the next record, or io.EOF after the last one.
func (r *Reader) Next() (*Record, error) {
	if r.err != nil {
		return nil, r.err
	}
	if r.block != nil {
		if err := r.drain(); err != nil {
			r.err = fmt.Errorf("record %d at byte %d: %w", r.n, r.start, err)
			return nil, r.err
		}
	}
	rec, err := r.next()
	if err != nil {
		if !errors.Is(err, io.EOF) {
			err = fmt.Errorf("record %d at byte %d: %w", r.n+1, r.start, err)
		}
		r.err = err
		return nil, err
	}
	return rec, nil
}

// drain skips what the caller left of the current block.
func (r *Reader) drain() error {
	n, err := io.Copy(io.Discard, r.block)
	r.pos += n
	left := r.block.N
	r.block = nil
	if err != nil || left > 0 {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return fmt.Errorf("%w: block ends %d bytes before its Content-Length (%v)", ErrFormat, left, err)
	}
	return nil
}

func (r *Reader) next() (*Record, error) {
	// Blank lines end the previous record; then the version line.
	r.start = r.pos
	var line []byte
	for blank := 0; ; blank++ {
		var err error
		line, err = r.readLine()
		blankLine := len(bytes.TrimSpace(line)) == 0
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		if err != nil && blankLine {
			return nil, io.EOF
		}
		if !blankLine {
			break
		}
		if blank >= maxBlankLines {
			return nil, fmt.Errorf("%w: more than %d blank lines between records", ErrFormat, maxBlankLines)
		}
	}
	start := r.pos - int64(len(line))
	r.start = start
	version := string(bytes.TrimSpace(line))
	if !strings.HasPrefix(version, "WARC/") {
		return nil, fmt.Errorf("%w: want a WARC/1.x version line, got %q", ErrFormat, clip(version, 40))
	}
	rec := &Record{Number: r.n + 1, Offset: start, Version: version}
	size := len(line)
	for {
		line, err := r.readLine()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("%w: truncated record header", ErrFormat)
			}
			return nil, err
		}
		size += len(line)
		if size > MaxHeaderBytes {
			return nil, fmt.Errorf("%w: record header longer than %d KiB", ErrFormat, MaxHeaderBytes>>10)
		}
		text := strings.TrimRight(string(line), "\r\n")
		if text == "" {
			break
		}
		if (text[0] == ' ' || text[0] == '\t') && len(rec.Header) > 0 {
			last := &rec.Header[len(rec.Header)-1]
			last.Value += " " + strings.TrimSpace(text)
			continue
		}
		name, value, ok := strings.Cut(text, ":")
		if !ok || strings.TrimSpace(name) == "" {
			return nil, fmt.Errorf("%w: header line %q has no name", ErrFormat, clip(text, 40))
		}
		rec.Header = append(rec.Header, Field{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value)})
	}
	cl := rec.Header.Get("Content-Length")
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("%w: Content-Length %q is not a byte count", ErrFormat, clip(cl, 40))
	}
	rec.ContentLength = n
	rec.Type = strings.ToLower(rec.Header.Get("WARC-Type"))
	rec.TargetURI = strings.Trim(rec.Header.Get("WARC-Target-URI"), "<>")
	rec.ID = rec.Header.Get("WARC-Record-ID")
	rec.ContentType = rec.Header.Get("Content-Type")
	r.block = &io.LimitedReader{R: r.br, N: n}
	rec.Block = &blockReader{r: r}
	r.n++
	return rec, nil
}

// readLine reads one line with its newline, refusing lines longer than
// MaxHeaderBytes. At the end of the stream it returns what it has with
// io.EOF.
func (r *Reader) readLine() ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.br.ReadSlice('\n')
		r.pos += int64(len(chunk))
		if len(line)+len(chunk) > MaxHeaderBytes {
			return nil, fmt.Errorf("%w: header line longer than %d KiB", ErrFormat, MaxHeaderBytes>>10)
		}
		line = append(line, chunk...)
		switch {
		case err == nil:
			return line, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			return line, io.EOF
		default:
			return line, fmt.Errorf("%w: %v", ErrFormat, err)
		}
	}
}

// blockReader reads the current block and keeps the Reader's position.
type blockReader struct{ r *Reader }

func (b *blockReader) Read(p []byte) (int, error) {
	blk := b.r.block
	if blk == nil {
		return 0, io.EOF // the Reader has moved on
	}
	n, err := blk.Read(p)
	b.r.pos += int64(n)
	if err != nil && (blk.N > 0 || !errors.Is(err, io.EOF)) {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		err = fmt.Errorf("record %d at byte %d: %w: block ends %d bytes before its Content-Length (%v)", b.r.n, b.r.start, ErrFormat, blk.N, err)
		b.r.err = err
		b.r.block = nil
	}
	return n, err
}

// clip shortens s to about n bytes for an error message, on a rune
// boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
