// Package warc reads and writes WARC files (ISO 28500, WARC/1.0 and 1.1)
// as news crawls store them: plain or gzip-compressed (a gzip member per
// record, or one for the whole file), with HTTP response messages as
// record blocks.
//
// Reader streams records: it holds one record header (at most
// MaxHeaderBytes) in memory and hands out each block as an io.Reader, so a
// file of any size, or a record of any size, is read in bounded memory.
// ReadHTTPResponse parses a response record's HTTP message; its Body
// method reads the payload under a caller's byte limit, removing chunked
// transfer encoding and gzip/deflate content encoding.
//
// Writer writes warcinfo and response records with WARC-Record-ID,
// WARC-Date, WARC-Target-URI, digests and Content-Length, so pages fetched
// once can be re-extracted without fetching them again.
//
// khabar reads WARC itself instead of using github.com/nlnwa/gowarc/v3:
// that module is about 5,800 lines (15,000 with tests) with klauspost/compress and
// whatwg-url behind it, spills records over 1 MiB to temporary files, runs
// goroutines in its file writer, and leaves chunked HTTP bodies chunked;
// khabar needs only to stream response records and write them back, which
// takes a few hundred lines and the standard library.
package warc
