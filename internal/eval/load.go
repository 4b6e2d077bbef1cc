package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits on the inputs, so a wrong or hostile file cannot exhaust memory.
const (
	// MaxLineBytes is the longest line of a corpus, topics or qrels file.
	MaxLineBytes = 4 << 20
	// MaxRecords is the most documents, topics or judgments one file may
	// hold.
	MaxRecords = 1 << 21
)

// Doc is one document of a corpus. ID is the document id the qrels use.
type Doc struct {
	ID       string
	Title    string
	Text     string
	Language string
}

// Topic is one query: its id and text.
type Topic struct {
	ID   string
	Text string
}

// Qrels holds relevance judgments: Qrels[qid][docid] is the grade (0 = not
// relevant; judgments of 0 or below are kept as 0).
type Qrels map[string]map[string]int

// Relevant returns the number of documents judged relevant (grade > 0) for
// qid.
func (q Qrels) Relevant(qid string) int {
	n := 0
	for _, g := range q[qid] {
		if g > 0 {
			n++
		}
	}
	return n
}

// corpusRecord is one corpus line: {"docid","text"} (test collections) or
// khabar's JSONL {"id","title","text","language",...}; other keys are
// ignored.
type corpusRecord struct {
	DocID    *string `json:"docid"`
	ID       *string `json:"id"`
	Title    string  `json:"title"`
	Text     string  `json:"text"`
	Language string  `json:"language"`
}

// LoadCorpus reads one JSON object per line: {"docid","text"} or khabar's
// JSONL form {"id","title","text","language",...}. Blank lines are
// skipped. A line that is not such an object, has no id, no text and no
// title, or repeats an id is an error naming name and the line number.
func LoadCorpus(r io.Reader, name string) ([]Doc, error) {
	var docs []Doc
	seen := map[string]bool{}
	err := eachLine(r, name, func(n int, line []byte) error {
		var rec corpusRecord
		dec := json.NewDecoder(bytes.NewReader(line))
		if err := dec.Decode(&rec); err != nil {
			return fmt.Errorf("not a JSON object: %w", err)
		}
		if dec.More() {
			return errors.New("more than one JSON value on the line")
		}
		var id string
		switch {
		case rec.DocID != nil:
			id = *rec.DocID
		case rec.ID != nil:
			id = *rec.ID
		}
		id = strings.TrimSpace(id)
		if id == "" {
			return errors.New(`no "docid" or "id"`)
		}
		if rec.Text == "" && rec.Title == "" {
			return fmt.Errorf("document %q has no text and no title", id)
		}
		if seen[id] {
			return fmt.Errorf("document id %q repeated", id)
		}
		seen[id] = true
		docs = append(docs, Doc{ID: id, Title: rec.Title, Text: rec.Text, Language: rec.Language})
		return nil
	})
	return docs, err
}

// LoadTopics reads "qid<TAB>text" lines. Blank lines are skipped; a line
// without a tab, with an empty id or text, or repeating an id is an error
// naming name and the line number.
func LoadTopics(r io.Reader, name string) ([]Topic, error) {
	var topics []Topic
	seen := map[string]bool{}
	err := eachLine(r, name, func(n int, line []byte) error {
		id, text, ok := strings.Cut(string(line), "\t")
		if !ok {
			return errors.New("want qid<TAB>text, found no tab")
		}
		id, text = strings.TrimSpace(id), strings.TrimSpace(text)
		if id == "" || text == "" {
			return errors.New("empty query id or text")
		}
		if seen[id] {
			return fmt.Errorf("query id %q repeated", id)
		}
		seen[id] = true
		topics = append(topics, Topic{ID: id, Text: text})
		return nil
	})
	return topics, err
}

// LoadQrels reads TREC qrels, "qid iteration docid grade" separated by
// white space (the iteration is ignored). Blank lines are skipped. A line
// with another number of fields or a grade that is not an integer is an
// error naming name and the line number; a repeated (qid, docid) keeps the
// last grade.
func LoadQrels(r io.Reader, name string) (Qrels, error) {
	q := Qrels{}
	err := eachLine(r, name, func(n int, line []byte) error {
		f := strings.Fields(string(line))
		if len(f) != 4 {
			return fmt.Errorf("want 4 fields (qid iter docid grade), found %d", len(f))
		}
		g, err := strconv.Atoi(f[3])
		if err != nil {
			return fmt.Errorf("grade %q is not an integer", f[3])
		}
		if q[f[0]] == nil {
			q[f[0]] = map[string]int{}
		}
		q[f[0]][f[2]] = max(g, 0)
		return nil
	})
	return q, err
}

// eachLine calls fn with every non-blank line of r (without its line
// ending) and its 1-based number, and stops at the first error, which it
// returns as "name:N: problem".
func eachLine(r io.Reader, name string, fn func(n int, line []byte) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	records := 0
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br)
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if tooLong {
			return fmt.Errorf("%s:%d: line longer than %d bytes", name, n, MaxLineBytes)
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		if len(bytes.TrimSpace(line)) > 0 {
			if !utf8.Valid(line) {
				return fmt.Errorf("%s:%d: invalid UTF-8", name, n)
			}
			records++
			if records > MaxRecords {
				return fmt.Errorf("%s:%d: more than %d records", name, n, MaxRecords)
			}
			if ferr := fn(n, line); ferr != nil {
				return fmt.Errorf("%s:%d: %w", name, n, ferr)
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
	}
}

// readLine reads one line of at most MaxLineBytes, without "\n" or
// "\r\n". It reports a longer line (and skips the rest of it) with
// tooLong. At the end of input it returns the last line with io.EOF.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > MaxLineBytes+2 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(line) > MaxLineBytes {
			tooLong, line = true, nil
		}
		return line, tooLong, err
	}
}

// LoadFiles reads a corpus, topics and qrels from the named files.
func LoadFiles(corpus, topics, qrels string) ([]Doc, []Topic, Qrels, error) {
	var docs []Doc
	var tops []Topic
	var q Qrels
	err := withFile(corpus, func(r io.Reader) (err error) { docs, err = LoadCorpus(r, corpus); return })
	if err == nil {
		err = withFile(topics, func(r io.Reader) (err error) { tops, err = LoadTopics(r, topics); return })
	}
	if err == nil {
		err = withFile(qrels, func(r io.Reader) (err error) { q, err = LoadQrels(r, qrels); return })
	}
	if err != nil {
		return nil, nil, nil, err
	}
	return docs, tops, q, nil
}

func withFile(path string, fn func(io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	defer f.Close()
	return fn(f)
}
