package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/index/indextest"
	"github.com/khabar-news/khabar/internal/news"
)

// terms returns the analyzed terms of text, for building queries the way
// search does.
func terms(t *testing.T, text string) []string {
	t.Helper()
	var out []string
	for _, tok := range analysis.New().Analyze(text, "") {
		out = append(out, tok.Term)
	}
	if len(out) == 0 {
		t.Fatalf("analyze %q: no terms", text)
	}
	return out
}

// all returns a query that needs every term of text.
func all(t *testing.T, text string) Query {
	t.Helper()
	var q Query
	for _, term := range terms(t, text) {
		q.Must = append(q.Must, Term(term))
	}
	q.Limit = 100
	return q
}

func ids(r Result) []string {
	out := make([]string, 0, len(r.Hits))
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

func sortedIDs(r Result) []string {
	out := ids(r)
	sort.Strings(out)
	return out
}

func openTest(t *testing.T, dir string) *Index {
	t.Helper()
	ix, err := Open(context.Background(), dir, analysis.New())
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	return ix
}

func fill(t *testing.T, arts []*news.Article) *indextest.Store {
	t.Helper()
	st := &indextest.Store{}
	if _, err := st.Put(context.Background(), arts...); err != nil {
		t.Fatalf("put: %v", err)
	}
	return st
}

func search(t *testing.T, ix *Index, q Query) Result {
	t.Helper()
	r, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return r
}

// findsEvery checks that each article is found by the terms of its
// headline.
func findsEvery(t *testing.T, ix *Index, arts []*news.Article) {
	t.Helper()
	for _, a := range arts {
		r := search(t, ix, all(t, a.Headline))
		if !slices.Contains(ids(r), a.ID) {
			t.Errorf("headline %q: got hits %v, want them to include %s", a.Headline, ids(r), a.ID)
		}
	}
}

func TestNewIndexIsEmpty(t *testing.T) {
	ix := openTest(t, filepath.Join(t.TempDir(), "data", "index"))
	defer ix.Close()
	seq, err := ix.LastSeq()
	if err != nil || seq != 0 {
		t.Errorf("LastSeq() = %d, %v; want 0, nil", seq, err)
	}
	n, err := ix.DocCount()
	if err != nil || n != 0 {
		t.Errorf("DocCount() = %d, %v; want 0, nil", n, err)
	}
}

func TestCatchUpFindsEveryArticle(t *testing.T) {
	ctx := context.Background()
	arts := indextest.Articles()
	st := fill(t, arts)
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	n, err := ix.CatchUp(ctx, st)
	if err != nil {
		t.Fatalf("CatchUp: %v", err)
	}
	if n != len(arts) {
		t.Errorf("CatchUp applied %d, want %d", n, len(arts))
	}
	seq, _ := ix.LastSeq()
	want, _ := st.LastSeq(ctx)
	if seq != want {
		t.Errorf("LastSeq() = %d, want %d", seq, want)
	}
	findsEvery(t, ix, arts)
	// A second catch-up has nothing to do.
	if n, err := ix.CatchUp(ctx, st); n != 0 || err != nil {
		t.Errorf("second CatchUp = %d, %v; want 0, nil", n, err)
	}
}

func TestCatchUpPages(t *testing.T) {
	ctx := context.Background()
	arts := indextest.Articles()
	st := fill(t, arts)
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	ix.pageSize = 3
	n, err := ix.CatchUp(ctx, st)
	if err != nil {
		t.Fatalf("CatchUp: %v", err)
	}
	if n != len(arts) {
		t.Errorf("CatchUp applied %d, want %d", n, len(arts))
	}
	findsEvery(t, ix, arts)
}

// TestCrashBetweenStoreAndIndex stops after the store has committed every
// article but the index has applied only some of them, closes the index as
// a stopping process would, and checks that reopening and catching up
// finds everything.
func TestCrashBetweenStoreAndIndex(t *testing.T) {
	ctx := context.Background()
	arts := indextest.Articles()
	st := fill(t, arts)
	dir := t.TempDir()

	ix := openTest(t, dir)
	changes, err := st.Changes(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	const done = 5
	if err := ix.Apply(ctx, changes[:done]); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if err := ix.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	ix = openTest(t, dir)
	defer ix.Close()
	seq, err := ix.LastSeq()
	if err != nil || seq != changes[done-1].Seq {
		t.Fatalf("after reopen LastSeq() = %d, %v; want %d", seq, err, changes[done-1].Seq)
	}
	n, err := ix.CatchUp(ctx, st)
	if err != nil {
		t.Fatalf("CatchUp: %v", err)
	}
	if n != len(arts)-done {
		t.Errorf("CatchUp applied %d, want %d", n, len(arts)-done)
	}
	findsEvery(t, ix, arts)
}

// crashEnv names the index directory for the child process of
// TestCrashHardExit.
const crashEnv = "KHABAR_INDEX_CRASH_DIR"

// crashExit is the exit code of the child that stops without closing.
const crashExit = 7

// TestCrashHardExit runs a child process that applies part of the changes
// and exits without closing the index (no deferred calls, no flush), then
// reopens the index and catches up.
func TestCrashHardExit(t *testing.T) {
	ctx := context.Background()
	arts := indextest.Articles()
	st := fill(t, arts)
	changes, err := st.Changes(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	const done = 7

	if dir := os.Getenv(crashEnv); dir != "" {
		ix, err := Open(ctx, dir, analysis.New())
		if err != nil {
			t.Fatalf("child: Open: %v", err)
		}
		if err := ix.Apply(ctx, changes[:done]); err != nil {
			t.Fatalf("child: Apply: %v", err)
		}
		os.Exit(crashExit)
	}

	dir := filepath.Join(t.TempDir(), "index")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHardExit$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+dir)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != crashExit {
		t.Fatalf("child: got %v, want exit code %d; output:\n%s", err, crashExit, out)
	}

	ix := openTest(t, dir)
	defer ix.Close()
	seq, err := ix.LastSeq()
	if err != nil || seq != changes[done-1].Seq {
		t.Fatalf("after crash LastSeq() = %d, %v; want %d", seq, err, changes[done-1].Seq)
	}
	cnt, err := ix.DocCount()
	if err != nil || cnt != done {
		t.Errorf("after crash DocCount() = %d, %v; want %d", cnt, err, done)
	}
	if _, err := ix.CatchUp(ctx, st); err != nil {
		t.Fatalf("CatchUp: %v", err)
	}
	findsEvery(t, ix, arts)
}

func TestReopenKeepsDocumentsAndSeq(t *testing.T) {
	ctx := context.Background()
	arts := indextest.Articles()
	st := fill(t, arts)
	dir := t.TempDir()
	ix := openTest(t, dir)
	if _, err := ix.CatchUp(ctx, st); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix = openTest(t, dir)
	defer ix.Close()
	want, _ := st.LastSeq(ctx)
	if seq, _ := ix.LastSeq(); seq != want {
		t.Errorf("LastSeq() = %d, want %d", seq, want)
	}
	if n, _ := ix.DocCount(); n != len(arts) {
		t.Errorf("DocCount() = %d, want %d", n, len(arts))
	}
	findsEvery(t, ix, arts)
}

func TestUpdateAndDelete(t *testing.T) {
	ctx := context.Background()
	arts := indextest.Articles()
	st := fill(t, arts)
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	if _, err := ix.CatchUp(ctx, st); err != nil {
		t.Fatal(err)
	}

	// a06 is rewritten: the flood becomes a landslide.
	upd := indextest.Articles()[5]
	upd.Headline = "पहाड़ी इलाकों में भूस्खलन से रास्ते बंद"
	upd.Body = []news.Block{{Kind: news.Paragraph, Text: "लगातार बारिश के बाद कई सड़कों पर मलबा गिर गया।"}}
	if _, err := st.Put(ctx, upd); err != nil {
		t.Fatal(err)
	}
	if err := st.Delete(ctx, "a09"); err != nil {
		t.Fatal(err)
	}
	if n, err := ix.CatchUp(ctx, st); err != nil || n != 2 {
		t.Fatalf("CatchUp = %d, %v; want 2, nil", n, err)
	}

	tests := []struct {
		name, text string
		want       []string
	}{
		{"old terms gone", "असम", nil},
		{"old headline word gone", "ब्रह्मपुत्र", nil},
		{"new terms found", "भूस्खलन", []string{"a06"}},
		{"deleted article gone", "मतगणना", nil},
		{"other articles kept", "बाढ़", []string{"a07"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sortedIDs(search(t, ix, all(t, tt.text)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("search %q: got %v, want %v", tt.text, got, tt.want)
			}
		})
	}
	if n, _ := ix.DocCount(); n != len(arts)-1 {
		t.Errorf("DocCount() = %d, want %d", n, len(arts)-1)
	}
}

func TestApplySkipsOldChanges(t *testing.T) {
	ctx := context.Background()
	st := fill(t, indextest.Articles())
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	changes, _ := st.Changes(ctx, 0, 100)
	if err := ix.Apply(ctx, changes); err != nil {
		t.Fatal(err)
	}
	// Replaying an old change that would delete a01 must not touch it.
	stale := []news.Change{{Seq: changes[0].Seq, ID: "a01"}}
	if err := ix.Apply(ctx, stale); err != nil {
		t.Fatal(err)
	}
	if got := ids(search(t, ix, all(t, "मुलाकात"))); !slices.Equal(got, []string{"a01"}) {
		t.Errorf("after stale replay: got %v, want [a01]", got)
	}
}

func TestApplyRejectsEmptyID(t *testing.T) {
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	err := ix.Apply(context.Background(), []news.Change{{Seq: 1, ID: "", Article: &news.Article{Headline: "x"}}})
	if err == nil {
		t.Fatal("Apply with an empty id: got nil error")
	}
	if seq, _ := ix.LastSeq(); seq != 0 {
		t.Errorf("LastSeq() = %d after a failed apply, want 0", seq)
	}
}

func TestCatchUpIndexAheadOfStore(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	if _, err := ix.CatchUp(ctx, fill(t, indextest.Articles())); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.CatchUp(ctx, &indextest.Store{}); err == nil {
		t.Error("CatchUp from an empty store into a filled index: got nil error")
	}
}

func TestSchemaMismatch(t *testing.T) {
	dir := t.TempDir()
	ix := openTest(t, dir)
	ix.Close()
	m, _, err := readManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	m.Schema = "0"
	if err := writeManifest(dir, m); err != nil {
		t.Fatal(err)
	}
	_, err = Open(context.Background(), dir, analysis.New())
	if !errors.Is(err, ErrSchema) {
		t.Errorf("Open of an old schema: got %v, want ErrSchema", err)
	}
	// An index of the old Bleve format: files but no manifest.
	old := t.TempDir()
	if err := os.WriteFile(filepath.Join(old, "index_meta.json"), []byte(`{"storage":"scorch"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), old, analysis.New()); !errors.Is(err, ErrSchema) {
		t.Errorf("Open of a Bleve index: got %v, want ErrSchema", err)
	}
}

func TestOpenBadInput(t *testing.T) {
	ctx := context.Background()
	if _, err := Open(ctx, "", analysis.New()); err == nil {
		t.Error("Open(\"\"): got nil error")
	}
	if _, err := Open(ctx, t.TempDir(), nil); err == nil {
		t.Error("Open with nil analyzer: got nil error")
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, file, analysis.New()); err == nil {
		t.Error("Open of a regular file: got nil error")
	}
}

func TestRebuild(t *testing.T) {
	ctx := context.Background()
	arts := indextest.Articles()
	st := fill(t, arts)
	dir := filepath.Join(t.TempDir(), "index")
	ix := openTest(t, dir)
	if _, err := ix.CatchUp(ctx, st); err != nil {
		t.Fatal(err)
	}
	ix.Close()

	if err := st.Delete(ctx, "a04"); err != nil {
		t.Fatal(err)
	}
	n, err := Rebuild(ctx, dir, analysis.New(), st, nil)
	if err != nil {
		t.Fatalf("Rebuild: %v", err)
	}
	if n != len(arts) {
		t.Errorf("Rebuild applied %d changes, want %d (12 articles and a deletion)", n, len(arts))
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("after Rebuild the parent holds %v, want only the index", names)
	}
	ix = openTest(t, dir)
	defer ix.Close()
	if c, _ := ix.DocCount(); c != len(arts)-1 {
		t.Errorf("DocCount() = %d, want %d", c, len(arts)-1)
	}
	findsEvery(t, ix, slices.DeleteFunc(arts, func(a *news.Article) bool { return a.ID == "a04" }))
}

func TestSearchFiltersAndRanking(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	if _, err := ix.CatchUp(ctx, fill(t, indextest.Articles())); err != nil {
		t.Fatal(err)
	}
	ist := indextest.IST
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, ist) }
	quake := terms(t, "भूकंप")[0]
	flood := terms(t, "बाढ़")[0]
	pollution := terms(t, "प्रदूषण नियंत्रण")

	tests := []struct {
		name    string
		q       Query
		want    []string
		ordered bool
	}{
		{"term", Query{Must: []Clause{Term(quake)}}, []string{"a10", "a11"}, false},
		{"headline above body", Query{Must: []Clause{Term(flood)}}, []string{"a06", "a07"}, true},
		{"phrase", Query{Must: []Clause{Phrase(pollution...)}}, []string{"a04"}, false},
		{"words not phrase", Query{Must: []Clause{Term(pollution[0]), Term(pollution[1])}}, []string{"a04", "a05"}, false},
		{"should", Query{Should: []Clause{Term(quake), Term(flood)}}, []string{"a06", "a07", "a10", "a11"}, false},
		{"must not", Query{Must: []Clause{Term(quake)}, MustNot: []Clause{Term(terms(t, "प्रशासन")[0])}}, []string{"a10"}, false},
		{"source", Query{Sources: []string{"DAINIK-JAGRAN"}}, []string{"a03", "a07", "a12"}, false},
		{"two sources", Query{Sources: []string{"loksatta", "the-hindu"}}, []string{"a08", "a13"}, false},
		{"lang", Query{Langs: []string{"mr"}}, []string{"a08"}, false},
		{"to before IST midnight", Query{Must: []Clause{Term(quake)}, To: day(2024, 3, 11)}, []string{"a10"}, false},
		{"from IST midnight", Query{Must: []Clause{Term(quake)}, From: day(2024, 3, 11)}, []string{"a11"}, false},
		{"filters only, newest first", Query{Sources: []string{"amar-ujala"}, From: day(2024, 3, 1)}, []string{"a06", "a11", "a10"}, true},
		{"nothing", Query{Must: []Clause{Term("कोईनहींशब्द")}}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := search(t, ix, tt.q)
			got := ids(r)
			if !tt.ordered {
				got = sortedIDs(r)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if r.Total != len(tt.want) {
				t.Errorf("Total = %d, want %d", r.Total, len(tt.want))
			}
		})
	}
}

func TestSearchPaging(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	if _, err := ix.CatchUp(ctx, fill(t, indextest.Articles())); err != nil {
		t.Fatal(err)
	}
	q := Query{Sources: []string{"amar-ujala"}, Limit: 2}
	first := search(t, ix, q)
	q.Offset = 2
	second := search(t, ix, q)
	if first.Total != 5 || second.Total != 5 {
		t.Errorf("Total = %d and %d, want 5", first.Total, second.Total)
	}
	if len(first.Hits) != 2 || len(second.Hits) != 2 {
		t.Fatalf("got %d and %d hits, want 2 and 2", len(first.Hits), len(second.Hits))
	}
	if slices.ContainsFunc(second.Hits, func(h Hit) bool { return slices.Contains(ids(first), h.ID) }) {
		t.Errorf("pages overlap: %v and %v", ids(first), ids(second))
	}
}

func TestSearchErrors(t *testing.T) {
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		q    Query
	}{
		{"empty", Query{}},
		{"negative limit", Query{Must: []Clause{Term("x")}, Limit: -1}},
		{"huge limit", Query{Must: []Clause{Term("x")}, Limit: MaxLimit + 1}},
		{"negative offset", Query{Must: []Clause{Term("x")}, Offset: -1}},
		{"deep offset", Query{Must: []Clause{Term("x")}, Offset: MaxWindow}},
		{"empty clause", Query{Must: []Clause{{}}}},
		{"empty term", Query{Must: []Clause{Term("")}}},
		{"empty position", Query{Must: []Clause{{Terms: [][]string{{"a"}, {}}}}}},
		{"empty source", Query{Sources: []string{" "}}},
		{"from after to", Query{From: day.AddDate(0, 0, 1), To: day}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ix.Search(context.Background(), tt.q); err == nil {
				t.Errorf("Search(%+v): got nil error", tt.q)
			}
		})
	}
	if _, err := ix.Search(context.Background(), Query{}); !errors.Is(err, ErrEmptyQuery) {
		t.Errorf("Search(Query{}): got %v, want ErrEmptyQuery", err)
	}
}

func TestMultiTermPosition(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	if _, err := ix.CatchUp(ctx, fill(t, indextest.Articles())); err != nil {
		t.Fatal(err)
	}
	quake, flood := terms(t, "भूकंप")[0], terms(t, "बाढ़")[0]
	first, second := terms(t, "प्रदूषण")[0], terms(t, "नियंत्रण")[0]
	tests := []struct {
		name string
		c    Clause
		want []string
	}{
		{"alternatives", Clause{Terms: [][]string{{quake, flood}}}, []string{"a06", "a07", "a10", "a11"}},
		{"phrase with alternatives", Clause{Terms: [][]string{{"नहींहै", first}, {second}}}, []string{"a04"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sortedIDs(search(t, ix, Query{Must: []Clause{tt.c}}))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestConcurrentApplyAndSearch applies changes one at a time (every few
// of them a merge, and updates that delete older copies) while other
// goroutines search without pause: no search may fail or see a document
// twice, and the end state must be right. Run it with -race.
func TestConcurrentApplyAndSearch(t *testing.T) {
	ctx := context.Background()
	arts := indextest.Articles()
	st := fill(t, arts)
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	changes, _ := st.Changes(ctx, 0, 100)
	// The same articles again, as updates with later sequence numbers.
	last := changes[len(changes)-1].Seq
	for i, c := range changes[:len(changes):len(changes)] {
		c.Seq = last + int64(i) + 1
		changes = append(changes, c)
	}
	quake := terms(t, "भूकंप")[0]
	done := make(chan error, 1)
	go func() {
		var err error
		for i := range changes {
			if err = ix.Apply(ctx, changes[i:i+1]); err != nil {
				break
			}
		}
		done <- err
	}()
	var searches int
	errs := make(chan error, 2)
	stop := make(chan struct{})
	for range 2 {
		go func() {
			for {
				select {
				case <-stop:
					errs <- nil
					return
				default:
				}
				r, err := ix.Search(ctx, Query{Must: []Clause{Term(quake)}, FacetSize: 5})
				if err == nil && (r.Total > 2 || len(r.Hits) > 2) {
					err = fmt.Errorf("got %d matches (%v), want at most 2", r.Total, ids(r))
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for waiting := true; waiting; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			waiting = false
		default:
			if _, err := ix.Search(ctx, Query{Should: []Clause{Term(quake)}}); err != nil {
				t.Fatalf("Search during Apply: %v", err)
			}
			searches++
		}
	}
	close(stop)
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatalf("Search during Apply: %v", err)
		}
	}
	if searches == 0 {
		t.Error("no search ran during the applies")
	}
	if got := sortedIDs(search(t, ix, Query{Must: []Clause{Term(quake)}})); !slices.Equal(got, []string{"a10", "a11"}) {
		t.Errorf("after concurrent apply: got %v, want [a10 a11]", got)
	}
	if n, _ := ix.DocCount(); n != len(arts) {
		t.Errorf("DocCount %d, want %d", n, len(arts))
	}
}

func TestFollow(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st := &indextest.Store{}
	ix := openTest(t, t.TempDir())
	defer ix.Close()
	done := make(chan error, 1)
	go func() {
		done <- ix.Follow(ctx, st, 10*time.Millisecond, func(err error) { t.Errorf("follow: %v", err) })
	}()

	if _, err := st.Put(ctx, indextest.Articles()[9]); err != nil {
		t.Fatal(err)
	}
	q := Query{Must: []Clause{Term(terms(t, "भूकंप")[0])}}
	deadline := time.Now().Add(5 * time.Second)
	for {
		r := search(t, ix, q)
		if len(r.Hits) == 1 && r.Hits[0].ID == "a10" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Follow did not index a10 within 5s: got %v", ids(r))
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Follow returned %v, want context.Canceled", err)
	}
	if err := ix.Follow(context.Background(), st, 0, nil); err == nil {
		t.Error("Follow with interval 0: got nil error")
	}
}
