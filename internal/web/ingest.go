package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/archive"
	"github.com/khabar-news/khabar/internal/extract"
	"github.com/khabar-news/khabar/internal/ingest"
	"github.com/khabar-news/khabar/internal/news"
)

// MaxRecords bounds the records of one POST /api/v1/articles.
const MaxRecords = 10000

// itemResult is what happened to one posted record. Index is its position
// (0-based) in the array, or its line (1-based) in JSONL.
type itemResult struct {
	Index  *int   `json:"index,omitempty"`
	Line   int    `json:"line,omitempty"`
	ID     string `json:"id,omitempty"`
	Status string `json:"status"` // created, updated, unchanged or failed
	Error  string `json:"error,omitempty"`
}

type postResponse struct {
	Created   int          `json:"created"`
	Updated   int          `json:"updated"`
	Unchanged int          `json:"unchanged"`
	Failed    int          `json:"failed"`
	Results   []itemResult `json:"results"`
}

// posted is one record of a request body, parsed or failed.
type posted struct {
	res     itemResult
	article *news.Article
}

func (s *Server) apiPostArticles(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeJSON(w, http.StatusRequestEntityTooLarge, errorBody{fmt.Sprintf("the request body is larger than %d MiB; send fewer records at a time", s.cfg.MaxBodyBytes>>20)})
		return
	}
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{"could not read the request body: " + err.Error()})
		return
	}
	items, err := parseRecords(body)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorBody{err.Error()})
		return
	}
	out, err := s.storeRecords(r, items)
	if err != nil {
		s.log.Error("store posted articles", "err", err)
		writeJSON(w, http.StatusInternalServerError, errorBody{"could not store the articles; nothing was acknowledged, please retry"})
		return
	}
	code := http.StatusOK
	if out.Failed > 0 && out.Failed == len(out.Results) {
		code = http.StatusUnprocessableEntity
	}
	writeJSON(w, code, out)
}

// storeRecords turns the parsed records into articles the way khabar ingest does
// (language detection, derived IDs, validation), stores the good ones in
// one transaction, and brings the index up to date so they can be found.
func (s *Server) storeRecords(r *http.Request, items []posted) (*postResponse, error) {
	ctx := r.Context()
	var good []*news.Article
	var goodAt []int
	for i := range items {
		it := &items[i]
		if it.article == nil {
			continue
		}
		a, err := archive.Extract(ctx, ingest.Item{Format: ingest.JSONL, Article: it.article}, extract.Options{Now: time.Now()})
		if err == nil {
			if a.ID == "" {
				a.ID = a.DeriveID()
			}
			err = a.Validate()
		}
		if err != nil {
			it.res.Status, it.res.Error, it.article = "failed", err.Error(), nil
			continue
		}
		it.res.ID = a.ID
		good = append(good, a)
		goodAt = append(goodAt, i)
	}
	if len(good) > 0 {
		res, err := s.store.Put(ctx, good...)
		if err != nil {
			return nil, err
		}
		for k, pr := range res {
			items[goodAt[k]].res.Status = pr.Status.String()
		}
		if _, err := s.index.CatchUp(ctx, s.store); err != nil {
			// The articles are stored (the truth); the index catches up
			// later (Follow, or the next start).
			s.log.Error("index catch-up after post", "err", err)
		}
	}
	out := &postResponse{Results: make([]itemResult, 0, len(items))}
	for _, it := range items {
		switch it.res.Status {
		case "created":
			out.Created++
		case "updated":
			out.Updated++
		case "unchanged":
			out.Unchanged++
		default:
			out.Failed++
		}
		out.Results = append(out.Results, it.res)
	}
	s.metrics.ingested.Add(int64(out.Created + out.Updated))
	return out, nil
}

// parseRecords reads a request body of records {"id","url","title","text",
// "published","source","language"}: one JSON object, a JSON array of them,
// or JSONL (one object a line). A body that is none of these is an error
// naming the problem; a record that is wrong on its own is a failed item.
func parseRecords(body []byte) ([]posted, error) {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil, errors.New(`empty body: send a JSON object, an array of objects, or JSONL, with "title" and "text"`)
	}
	if !utf8.Valid(trimmed) {
		return nil, errors.New("the body is not valid UTF-8")
	}
	switch trimmed[0] {
	case '[':
		var raws []json.RawMessage
		if err := json.Unmarshal(trimmed, &raws); err != nil {
			return nil, fmt.Errorf("malformed JSON array: %s", jsonProblem(trimmed, err))
		}
		if len(raws) > MaxRecords {
			return nil, fmt.Errorf("%d records in one request, at most %d", len(raws), MaxRecords)
		}
		if len(raws) == 0 {
			return nil, errors.New("the array holds no records")
		}
		out := make([]posted, len(raws))
		for i, raw := range raws {
			out[i].res.Index = &i
			out[i].article, out[i].res.Error = parseOne(raw)
		}
		return fillFailed(out), nil
	case '{':
		if json.Valid(trimmed) {
			p := posted{}
			p.article, p.res.Error = parseOne(trimmed)
			return fillFailed([]posted{p}), nil
		}
		return parseJSONL(trimmed)
	}
	return nil, fmt.Errorf("the body starts with %q; want a JSON object, an array of objects, or JSONL", firstRune(trimmed))
}

// parseJSONL reads one record a line; blank lines are skipped. A body
// whose first line is not JSON at all is malformed as a whole.
func parseJSONL(body []byte) ([]posted, error) {
	var out []posted
	for n, line := range bytes.Split(body, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if len(out) == MaxRecords {
			return nil, fmt.Errorf("more than %d records in one request", MaxRecords)
		}
		p := posted{}
		p.res.Line = n + 1
		p.article, p.res.Error = parseOne(line)
		out = append(out, p)
	}
	if len(out) > 0 && out[0].article == nil && !json.Valid(bytes.TrimSpace(bytes.SplitN(body, []byte("\n"), 2)[0])) {
		return nil, fmt.Errorf("malformed JSON on line %d: %s", out[0].res.Line, out[0].res.Error)
	}
	return fillFailed(out), nil
}

func parseOne(raw []byte) (*news.Article, string) {
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
		return nil, "a record must be a JSON object"
	}
	a, err := ingest.ParseRecord(raw)
	if err != nil {
		return nil, err.Error()
	}
	return a, ""
}

func fillFailed(ps []posted) []posted {
	for i := range ps {
		if ps[i].article == nil {
			ps[i].res.Status = "failed"
		}
	}
	return ps
}

// jsonProblem says where and what is wrong with malformed JSON.
func jsonProblem(data []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v at byte %d", se, se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("found a JSON %s at byte %d where a record was expected", te.Value, te.Offset)
	}
	return err.Error()
}

func firstRune(b []byte) string {
	r, _ := utf8.DecodeRune(b)
	return string(r)
}
