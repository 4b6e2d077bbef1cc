package search

import (
	"context"
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/index"
	"github.com/khabar-news/khabar/internal/index/indextest"
	"github.com/khabar-news/khabar/internal/news"
)

// newSearcher indexes the indextest articles and returns a Searcher over
// them and the store.
func newSearcher(t testing.TB) (*Searcher, *indextest.Store) {
	t.Helper()
	ctx := context.Background()
	st := &indextest.Store{}
	if _, err := st.Put(ctx, indextest.Articles()...); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(ctx, t.TempDir(), analysis.New())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.CatchUp(ctx, st); err != nil {
		t.Fatal(err)
	}
	return New(ix, st), st
}

func hitIDs(r *Results) []string {
	out := make([]string, 0, len(r.Hits))
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

func TestSearch(t *testing.T) {
	s, _ := newSearcher(t)
	tests := []struct {
		name, query string
		want        []string
		ordered     bool // want is in rank order
		fallback    bool
	}{
		{"one word", "भूकंप", []string{"a10", "a11"}, false, false},
		{"all words by default", "बाढ़ असम", []string{"a06"}, false, false},
		{"all words across fields", "मतदान आचार", []string{"a09"}, false, false},
		{"any-word fallback", "बाढ़ मतदान", []string{"a06", "a07", "a09"}, false, true},
		{"phrase", `"प्रदूषण नियंत्रण"`, []string{"a04"}, false, false},
		{"same words, not a phrase", "प्रदूषण नियंत्रण", []string{"a04", "a05"}, false, false},
		{"phrase in the wrong order", `"नियंत्रण प्रदूषण"`, nil, false, false},
		{"exclude a word", "भूकंप -प्रशासन", []string{"a10"}, false, false},
		{"exclude a phrase", `रूस -"कच्चे तेल"`, []string{"a01"}, false, false},
		{"excluded phrase words apart do not exclude", `प्रदूषण -"नियंत्रण पराली"`, []string{"a04", "a05"}, false, false},
		{"source filter", "source:amar-ujala भूकंप", []string{"a10", "a11"}, false, false},
		{"source filter excludes", "source:bbc-hindi भूकंप", nil, false, false},
		{"quoted source, any case", `source:"Dainik-Jagran" भारत`, []string{"a03", "a12"}, false, false},
		{"filters only, newest first", "source:bbc-hindi", []string{"a09", "a01", "a04"}, true, false},
		{"lang filter", "lang:mr", []string{"a08"}, false, false},
		{"lang filter with an English word", "lang:en heatwave", []string{"a13"}, false, false},
		{"Marathi word without lang filter", "महानगरपालिकेने", []string{"a08"}, false, false},
		{"Marathi word with lang filter", "lang:mr महानगरपालिकेने", []string{"a08"}, false, false},
		{"to: includes its whole IST day", "भूकंप to:2024-03-10", []string{"a10"}, false, false},
		{"from: starts at IST midnight", "भूकंप from:2024-03-11", []string{"a11"}, false, false},
		{"from and to", "from:2024-03-11 to:2024-03-16", []string{"a01", "a09", "a11"}, false, false},
		{"headline ranks above body", "बाढ़", []string{"a06", "a07"}, true, false},
		{"मुलाकात does not match मेले को तो", "मुलाकात", []string{"a01"}, false, false},
		{"जयशंकर पुतिन finds एस. जयशंकर … व्लादिमीर पुतिन", "जयशंकर पुतिन", []string{"a01"}, false, false},
		{"Devanagari digits find ASCII digits", "१८", []string{"a03"}, false, false},
		{"ASCII digits", "18 रन", []string{"a03"}, false, false},
		{"no match at all", "अंतरिक्षयान", nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := s.Search(context.Background(), tt.query, Options{Limit: 20})
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.query, err)
			}
			got := hitIDs(r)
			if !tt.ordered {
				sort.Strings(got)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Search(%q): got %v, want %v", tt.query, got, tt.want)
			}
			if r.Total != len(tt.want) {
				t.Errorf("Search(%q): Total = %d, want %d", tt.query, r.Total, len(tt.want))
			}
			if r.Fallback != tt.fallback {
				t.Errorf("Search(%q): Fallback = %v, want %v", tt.query, r.Fallback, tt.fallback)
			}
			if tt.fallback && r.Note != NoteFallback {
				t.Errorf("Search(%q): Note = %q, want %q", tt.query, r.Note, NoteFallback)
			}
		})
	}
}

func TestSearchFallbackRanksMoreWordsHigher(t *testing.T) {
	s, _ := newSearcher(t)
	// No article has all three; a06 has बाढ़ and असम, the others one word.
	r, err := s.Search(context.Background(), "बाढ़ असम मतदान", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Fallback || len(r.Hits) == 0 || r.Hits[0].ID != "a06" {
		t.Errorf("got fallback %v, hits %v; want fallback with a06 first", r.Fallback, hitIDs(r))
	}
}

func TestSearchEmptyQueries(t *testing.T) {
	s, _ := newSearcher(t)
	tests := []struct {
		name, query, note string
	}{
		{"empty", "", NoteEmpty},
		{"spaces", "  \t ", NoteEmpty},
		{"punctuation only", "।, ? !", NoteStopWords},
		{"punctuation with a filter", "। source:bbc-hindi", NoteStopWords},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := s.Search(context.Background(), tt.query, Options{})
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.query, err)
			}
			if r.Total != 0 || len(r.Hits) != 0 || r.Note != tt.note {
				t.Errorf("Search(%q) = total %d, hits %v, note %q; want 0, none, %q", tt.query, r.Total, hitIDs(r), r.Note, tt.note)
			}
		})
	}
}

func TestSearchStopWordsOnly(t *testing.T) {
	const q = "के की का है और"
	if toks := analysis.New().Analyze(q, ""); len(toks) > 0 {
		t.Skipf("the analyzer still emits terms for stop words (%d for %q); this test runs once it drops them", len(toks), q)
	}
	s, _ := newSearcher(t)
	r, err := s.Search(context.Background(), q, Options{})
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	if r.Total != 0 || len(r.Hits) != 0 || r.Note != NoteStopWords {
		t.Errorf("Search(%q) = total %d, note %q; want 0, %q", q, r.Total, r.Note, NoteStopWords)
	}
}

func TestSearchErrors(t *testing.T) {
	s, _ := newSearcher(t)
	tests := []struct {
		name, query string
		opts        Options
		want        string
	}{
		{"bad from", "भूकंप from:2024-3-1", Options{}, `from: want YYYY-MM-DD, got "2024-3-1"`},
		{"bad lang", "lang:1", Options{}, "lang: want a language code"},
		{"negative limit", "भूकंप", Options{Limit: -1}, "limit -1"},
		{"negative offset", "भूकंप", Options{Offset: -5}, "negative offset -5"},
		{"offset too deep", "भूकंप", Options{Offset: index.MaxWindow}, "beyond"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Search(context.Background(), tt.query, tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Search(%q, %+v): got error %v, want one containing %q", tt.query, tt.opts, err, tt.want)
			}
		})
	}
	var zero Searcher
	if _, err := zero.Search(context.Background(), "भूकंप", Options{}); err == nil {
		t.Error("Search on a zero Searcher: got nil error")
	}
}

func TestSearchPaging(t *testing.T) {
	s, _ := newSearcher(t)
	ctx := context.Background()
	all, err := s.Search(ctx, "source:amar-ujala", Options{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	p1, _ := s.Search(ctx, "source:amar-ujala", Options{Limit: 2})
	p2, _ := s.Search(ctx, "source:amar-ujala", Options{Limit: 2, Offset: 2})
	got := append(hitIDs(p1), hitIDs(p2)...)
	if want := hitIDs(all)[:4]; !slices.Equal(got, want) {
		t.Errorf("two pages: got %v, want %v", got, want)
	}
	if p2.Total != all.Total || all.Total != 5 {
		t.Errorf("Total = %d and %d, want 5", p2.Total, all.Total)
	}
}

func TestSearchHydratesFromStore(t *testing.T) {
	s, st := newSearcher(t)
	ctx := context.Background()
	r, err := s.Search(ctx, "मुलाकात", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 1 {
		t.Fatalf("got %d hits, want 1", len(r.Hits))
	}
	h := r.Hits[0]
	want := indextest.Articles()[0]
	if h.Headline != want.Headline || h.URL != want.URL || h.Source != want.Source || !h.Published.Equal(want.Published) {
		t.Errorf("hit = %q %q %q %v, want %q %q %q %v", h.Headline, h.URL, h.Source, h.Published, want.Headline, want.URL, want.Source, want.Published)
	}
	if h.Article == nil || h.Article.Standfirst != want.Standfirst {
		t.Errorf("hit article not loaded from the store: %+v", h.Article)
	}
	if h.Score <= 0 {
		t.Errorf("score = %v, want > 0", h.Score)
	}
	// An article deleted from the store but still in the index (the index
	// lags) is left out.
	if err := st.Delete(ctx, "a01"); err != nil {
		t.Fatal(err)
	}
	r, err = s.Search(ctx, "मुलाकात", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 0 || r.Total != 0 {
		t.Errorf("after store delete: got %v (total %d), want none", hitIDs(r), r.Total)
	}
}

func TestSearchSnippet(t *testing.T) {
	s, _ := newSearcher(t)
	tests := []struct {
		query, id string
		marked    []string // the words marked, in order
	}{
		{"जयशंकर पुतिन", "a01", []string{"जयशंकर", "पुतिन"}},
		{"१८", "a03", []string{"18"}},
		{`"प्रदूषण नियंत्रण"`, "a04", []string{"प्रदूषण", "नियंत्रण"}},
		{"सहयोग source:bbc-hindi", "a01", []string{"सहयोग"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r, err := s.Search(context.Background(), tt.query, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Hits) == 0 || r.Hits[0].ID != tt.id {
				t.Fatalf("got %v, want %s first", hitIDs(r), tt.id)
			}
			h := r.Hits[0]
			var got []string
			for _, sp := range h.Highlights {
				got = append(got, h.Snippet[sp.Start:sp.End])
			}
			if !slices.Equal(got, tt.marked) {
				t.Errorf("marked %q in %q, want %q", got, h.Snippet, tt.marked)
			}
			if strings.ContainsAny(h.Snippet, "\n[]") {
				t.Errorf("snippet %q has a newline or markup", h.Snippet)
			}
		})
	}
}

func TestResultsJSON(t *testing.T) {
	pub := time.Date(2024, 3, 12, 10, 0, 0, 0, IST)
	r := &Results{Total: 2, Fallback: true, Note: "x", Hits: []Hit{
		{ID: "a01", Score: 1.5, Headline: "शीर्षक", URL: "https://example.org/1", Source: "bbc-hindi", Published: pub, Snippet: "पाठ", Highlights: []Span{{0, 3}}, Article: &news.Article{ID: "a01"}},
		{ID: "a02", Score: 0.5, Headline: "दूसरा"},
	}}
	got, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"total":2,"hits":[` +
		`{"id":"a01","score":1.5,"headline":"शीर्षक","url":"https://example.org/1","source":"bbc-hindi","published":"2024-03-12T10:00:00+05:30","snippet":"पाठ"},` +
		`{"id":"a02","score":0.5,"headline":"दूसरा","url":"","source":"","snippet":""}]}`
	if string(got) != want {
		t.Errorf("JSON\n got %s\nwant %s", got, want)
	}
	empty, _ := json.Marshal(&Results{Hits: []Hit{}})
	if string(empty) != `{"total":0,"hits":[]}` {
		t.Errorf("empty JSON: got %s, want {\"total\":0,\"hits\":[]}", empty)
	}
}
