package web

import (
	"bytes"
	"encoding/json"
	"math"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/index"
	"github.com/khabar-news/khabar/internal/search"
)

// oldWriteJSON is writeJSON as it was before the pooled buffer: an
// encoder straight onto the response.
func oldWriteJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// TestWriteJSONMatchesOld checks that writeJSON writes the same status,
// headers and bytes as oldWriteJSON, twice in a row (the second time with
// a reused buffer).
func TestWriteJSONMatchesOld(t *testing.T) {
	ist := time.FixedZone("IST", 19800)
	hits := []search.Hit{
		{ID: "a-1", Score: 3.25, Headline: `<script>alert("x")</script> & मानसून`, URL: "https://example.in/a?x=1&y=2",
			Source: "उदाहरण", Published: time.Date(2025, 7, 14, 20, 10, 0, 0, ist), Snippet: "… बारिश\u2028 हुई \u2029 <b>"},
		{ID: "a-2", Score: 0, Headline: "", Snippet: ""},
	}
	big := strings.Repeat("लंबा पाठ ", 200_000) // over maxKeptJSON
	tests := []struct {
		name string
		code int
		v    any
	}{
		{"search", http.StatusOK, searchResponse{Total: 2, Hits: hits, Facets: &index.Facets{Sources: []index.FacetCount{}, Langs: []index.FacetCount{}}, Note: "a <note>", Query: "मानसून & बारिश", Next: &nextPageQuery{Offset: 10, Limit: 10}}},
		{"error", http.StatusBadRequest, errorBody{`q: unbalanced "`}},
		{"unencodable", http.StatusOK, search.Hit{Score: math.NaN()}},
		{"big", http.StatusOK, errorBody{big}},
		{"nil", http.StatusOK, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := httptest.NewRecorder()
			oldWriteJSON(want, tt.code, tt.v)
			for round := range 2 {
				got := httptest.NewRecorder()
				writeJSON(got, tt.code, tt.v)
				if got.Code != want.Code {
					t.Errorf("round %d: got status %d, want %d", round, got.Code, want.Code)
				}
				if !reflect.DeepEqual(got.Header(), want.Header()) {
					t.Errorf("round %d: got headers %v, want %v", round, got.Header(), want.Header())
				}
				if g, w := got.Body.String(), want.Body.String(); g != w {
					t.Errorf("round %d: got body %q, want %q", round, trim(g), trim(w))
				}
			}
		})
	}
}

// trim shortens s for a message.
func trim(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// BenchmarkWriteJSON encodes a page of ten hits the way before
// (oldWriteJSON) and now.
func BenchmarkWriteJSON(b *testing.B) {
	hits := make([]search.Hit, 10)
	for i := range hits {
		hits[i] = search.Hit{ID: "bench-0000123", Score: 7.5, Headline: "मानसून की पहली बारिश से दिल्ली में जलभराव, यातायात धीमा",
			URL: "https://bench.invalid/123", Source: "bench-news", Published: time.Date(2025, 7, 14, 20, 10, 0, 0, time.UTC),
			Snippet: strings.Repeat("नदी के किनारे गांव में लोग रहते हैं। ", 6)}
	}
	v := searchResponse{Total: 1234, Hits: hits, Facets: &index.Facets{Sources: []index.FacetCount{{Value: "bench-news", Count: 1000}}, Langs: []index.FacetCount{{Value: "hi", Count: 1234}}}, Query: "मानसून"}
	for _, bm := range []struct {
		name  string
		write func(http.ResponseWriter, int, any)
	}{{"old", oldWriteJSON}, {"new", writeJSON}} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bm.write(httptest.NewRecorder(), http.StatusOK, v)
			}
		})
	}
}

// checkIndent compares indentJSON with json.Indent on the compact form of
// doc (when doc is JSON), with the encoder's trailing newline.
func checkIndent(t *testing.T, doc string) {
	t.Helper()
	var compact bytes.Buffer
	if err := json.Compact(&compact, []byte(doc)); err != nil {
		return
	}
	compact.WriteByte('\n')
	var want bytes.Buffer
	if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
		t.Fatalf("json.Indent(%q): %v", compact.Bytes(), err)
	}
	if got := indentJSON(nil, compact.Bytes()); string(got) != want.String() {
		t.Fatalf("indentJSON(%q):\ngot  %q\nwant %q", compact.Bytes(), got, want.Bytes())
	}
}

var indentSeeds = []string{
	`{}`, `[]`, `""`, `0`, `null`, `{"a":[]}`, `{"a":{},"b":[{},[]]}`,
	`{"q":"मानसून \"बारिश\" {a,b}:[c]","n":-1.5e+10,"t":true,"f":false,"z":null}`,
	`[1,[2,[3,{"k\\":":"}]]]`, `{"e":"\\\\","f":"\\"","g":"\u003cb\u003e\u2028"}`,
	` { "spaced" : [ 1 , 2 ] } `,
}

func TestIndentJSON(t *testing.T) {
	for _, doc := range indentSeeds {
		t.Run(doc, func(t *testing.T) { checkIndent(t, doc) })
	}
}

func FuzzIndentJSON(f *testing.F) {
	for _, doc := range indentSeeds {
		f.Add(doc)
	}
	f.Fuzz(checkIndent)
}
