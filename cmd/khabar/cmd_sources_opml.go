package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/khabar-news/khabar/internal/news"
)

// Bounds on an OPML file: its size and how many outlines with a URL it may
// hold.
const (
	maxOPMLBytes   = 16 << 20
	maxOPMLEntries = 100_000
)

// opmlEntry is one outline of an OPML file that names a source.
type opmlEntry struct {
	Line     int             // line of the outline's start tag
	URL      string          // xmlUrl, else htmlUrl, else url; as written
	Kind     news.SourceKind // feed for xmlUrl, auto otherwise
	Name     string          // title, else text
	Language string          // the outline's language attribute, if any
	Err      string          // set when the outline cannot be imported
}

// parseOPML reads an OPML 1.0 or 2.0 document and returns its outlines that
// carry a URL, nested ones included, in document order. Outlines without a
// URL (folders) are skipped. The error is for a document that cannot be
// read at all: not XML, not OPML, larger than maxOPMLBytes, an encoding
// other than UTF-8, more than maxOPMLEntries sources.
func parseOPML(r io.Reader) ([]opmlEntry, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxOPMLBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxOPMLBytes {
		return nil, fmt.Errorf("file is larger than %d MiB", maxOPMLBytes>>20)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return in, nil
		}
		return nil, fmt.Errorf("encoding %q is not supported (convert the file to UTF-8)", label)
	}
	var out []opmlEntry
	root := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			return nil, fmt.Errorf("line %d: %w", line, unwrapXML(err))
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !root {
			if !strings.EqualFold(se.Name.Local, "opml") {
				return nil, fmt.Errorf("not an OPML document (the root element is <%s>, want <opml>)", se.Name.Local)
			}
			root = true
			continue
		}
		if !strings.EqualFold(se.Name.Local, "outline") {
			continue
		}
		line, _ := d.InputPos()
		e, ok := outlineEntry(se, line)
		if !ok {
			continue
		}
		if len(out) == maxOPMLEntries {
			return nil, fmt.Errorf("more than %d sources in one file", maxOPMLEntries)
		}
		out = append(out, e)
	}
	if !root {
		return nil, errors.New("not an OPML document (no elements)")
	}
	return out, nil
}

// outlineEntry reads the attributes of an outline; ok is false for an
// outline without a URL.
func outlineEntry(se xml.StartElement, line int) (opmlEntry, bool) {
	attr := map[string]string{}
	for _, a := range se.Attr {
		k := strings.ToLower(a.Name.Local)
		if _, dup := attr[k]; !dup {
			attr[k] = strings.TrimSpace(a.Value)
		}
	}
	e := opmlEntry{Line: line, Language: attr["language"]}
	e.Name = attr["title"]
	if e.Name == "" {
		e.Name = attr["text"]
	}
	switch {
	case attr["xmlurl"] != "":
		e.URL, e.Kind = attr["xmlurl"], news.SourceFeed
	case attr["htmlurl"] != "":
		e.URL, e.Kind = attr["htmlurl"], news.SourceAuto
	case attr["url"] != "":
		e.URL, e.Kind = attr["url"], news.SourceAuto
		if strings.EqualFold(attr["type"], "include") {
			e.Err = "include outlines (links to other OPML files) are not followed"
		}
	default:
		return opmlEntry{}, false
	}
	return e, true
}

// unwrapXML drops encoding/xml's "XML syntax error on line N:" prefix, as
// the caller names the line itself.
func unwrapXML(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("XML syntax error: %s", se.Msg)
	}
	return err
}
