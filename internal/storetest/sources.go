package storetest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/news"
)

// RunSources runs the news.SourceStore contract suite against the stores f
// makes. A store that does not implement news.SourceStore is skipped with a
// message.
func RunSources(t *testing.T, f Factory) {
	t.Helper()
	if f.Fresh == nil || f.Open == nil {
		t.Fatal("storetest.RunSources: Factory.Fresh and Factory.Open must both be set")
	}
	tests := []struct {
		name string
		fn   func(t *testing.T, f Factory)
	}{
		{"AddAndList", testSourceAddList},
		{"DuplicateURL", testSourceDuplicate},
		{"Invalid", testSourceInvalid},
		{"UpdateHealth", testSourceUpdate},
		{"UpdateErrors", testSourceUpdateErrors},
		{"Remove", testSourceRemove},
		{"Due", testSourceDue},
		{"MarkSeen", testMarkSeen},
		{"MarkSeenPruning", testMarkSeenPruning},
		{"Reopen", testSourceReopen},
		{"ConcurrentMarkSeen", testConcurrentMarkSeen},
		{"CanceledContext", testSourceCanceled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, f) })
	}
}

// openSources opens a store at loc and returns it as a SourceStore, or
// skips the test when the store is not one.
func openSources(t *testing.T, f Factory, loc string) (news.SourceStore, news.Store) {
	t.Helper()
	s, _ := openAt(t, f, loc)
	ss, ok := s.(news.SourceStore)
	if !ok {
		t.Skipf("store %T does not implement news.SourceStore", s)
	}
	return ss, s
}

func freshSources(t *testing.T, f Factory) news.SourceStore {
	t.Helper()
	ss, _ := openSources(t, f, f.Fresh(t))
	return ss
}

// sampleSources are three sources of fictional Hindi outlets.
func sampleSources() []*news.Source {
	return []*news.Source{
		{URL: "https://nagar-samachar.example/rss/desh.xml", Kind: news.SourceFeed, Name: "नगर समाचार — देश", Language: "hi"},
		{URL: "https://pahadi-awaaz.example/sitemap-news.xml", Kind: news.SourceSitemap, Name: "पहाड़ी आवाज़", Language: "hi",
			Interval: 30 * time.Minute},
		{URL: "https://ganga-times.example/", Kind: news.SourceAuto, Name: "गंगा टाइम्स"},
	}
}

// fullSource is a source with every field set, times in IST with
// nanoseconds.
func fullSource(url string) *news.Source {
	at := time.Date(2025, time.November, 18, 10, 30, 15, 123456789, ist)
	return &news.Source{
		URL: url, Kind: news.SourceFeed, Name: "दैनिक उजाला (लखनऊ)", Language: "hi",
		AllowPrivate: true,
		Interval:     15 * time.Minute, MinInterval: 5 * time.Minute, MaxInterval: 6 * time.Hour,
		Politeness:     news.Politeness{MinGap: 1500 * time.Millisecond, MaxInFlight: 3},
		Disabled:       true,
		DisabledReason: "फ़ीड 410 Gone लौटा रही है",
		Health: news.SourceHealth{
			LastFetch: at, LastSuccess: at.Add(-time.Hour), LastError: "GET https://x.example/: 503 सेवा उपलब्ध नहीं",
			LastErrorAt: at.Add(time.Nanosecond), HardFailures: 2, SoftFailures: 5,
			ETag: `W/"5f2-abc"`, LastModified: "Tue, 18 Nov 2025 05:00:15 GMT",
			NextPoll: at.Add(15 * time.Minute), ItemsSeen: 1234, ItemsPerDay: 87.25,
		},
		Created: time.Date(2025, time.January, 2, 3, 4, 5, 6, ist),
	}
}

// normSource returns a copy of s with its times in UTC without monotonic
// readings, for comparison with reflect.DeepEqual.
func normSource(s news.Source) news.Source {
	for _, t := range []*time.Time{&s.Created, &s.Health.LastFetch, &s.Health.LastSuccess,
		&s.Health.LastErrorAt, &s.Health.NextPoll} {
		if !t.IsZero() {
			*t = t.Round(0).UTC()
		}
	}
	return s
}

func checkSource(t *testing.T, what string, got, want *news.Source) {
	t.Helper()
	if got == nil {
		t.Errorf("%s: got nil source, want %+v", what, *want)
		return
	}
	if g, w := normSource(*got), normSource(*want); !reflect.DeepEqual(g, w) {
		t.Errorf("%s:\n got  %+v\n want %+v", what, g, w)
	}
}

func mustAddSource(t *testing.T, ss news.SourceStore, src *news.Source) *news.Source {
	t.Helper()
	got, err := ss.AddSource(t.Context(), src)
	if err != nil {
		t.Fatalf("AddSource(%s): %v", src.URL, err)
	}
	if got == nil || got.ID <= 0 {
		t.Fatalf("AddSource(%s): got %+v, want a source with a positive ID", src.URL, got)
	}
	return got
}

func mustListSources(t *testing.T, ss news.SourceStore) []news.Source {
	t.Helper()
	got, err := ss.ListSources(t.Context())
	if err != nil {
		t.Fatalf("ListSources: %v", err)
	}
	return got
}

func mustMarkSeen(t *testing.T, ss news.SourceStore, id int64, keys ...string) []string {
	t.Helper()
	got, err := ss.MarkSeen(t.Context(), id, keys)
	if err != nil {
		t.Fatalf("MarkSeen(%d, %d keys): %v", id, len(keys), err)
	}
	return got
}

func checkKeys(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: got new keys %q, want %q", what, got, want)
	}
}

func testSourceAddList(t *testing.T, f Factory) {
	ss := freshSources(t, f)
	if got := mustListSources(t, ss); len(got) != 0 {
		t.Fatalf("ListSources of a new store: got %d sources, want none", len(got))
	}
	before := time.Now().Add(-time.Second)
	var added []*news.Source
	for _, src := range sampleSources() {
		want := *src
		got := mustAddSource(t, ss, src)
		if *src != want {
			t.Errorf("AddSource changed its argument: got %+v, want %+v", *src, want)
		}
		if got.Created.Before(before) || got.Created.After(time.Now().Add(time.Second)) {
			t.Errorf("AddSource(%s): Created %s is not the time of the call", src.URL, got.Created)
		}
		want.ID, want.Created = got.ID, got.Created
		checkSource(t, "AddSource result", got, &want)
		added = append(added, got)
	}
	if added[0].ID == added[1].ID || added[1].ID == added[2].ID || added[0].ID == added[2].ID {
		t.Errorf("AddSource: IDs %d, %d, %d are not distinct", added[0].ID, added[1].ID, added[2].ID)
	}
	list := mustListSources(t, ss)
	if len(list) != len(added) {
		t.Fatalf("ListSources: got %d sources, want %d", len(list), len(added))
	}
	for i := range list {
		if i > 0 && list[i].ID <= list[i-1].ID {
			t.Errorf("ListSources: IDs %d then %d, want ascending", list[i-1].ID, list[i].ID)
		}
	}
	for _, want := range added {
		got, err := ss.Source(t.Context(), want.ID)
		if err != nil {
			t.Fatalf("Source(%d): %v", want.ID, err)
		}
		checkSource(t, fmt.Sprintf("Source(%d)", want.ID), got, want)
	}

	// A given Created time is kept.
	full := fullSource("https://ujala.example/feed")
	full.Disabled = false
	got := mustAddSource(t, ss, full)
	want := *full
	want.ID = got.ID
	checkSource(t, "AddSource with every field set", got, &want)
	stored, err := ss.Source(t.Context(), got.ID)
	if err != nil {
		t.Fatalf("Source(%d): %v", got.ID, err)
	}
	checkSource(t, "Source after AddSource with every field set", stored, &want)

	if _, err := ss.Source(t.Context(), 987654); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Source(987654): got error %v, want one wrapping news.ErrNotFound", err)
	}
}

func testSourceDuplicate(t *testing.T, f Factory) {
	ss := freshSources(t, f)
	first := mustAddSource(t, ss, sampleSources()[0])
	dup := &news.Source{URL: first.URL, Name: "दूसरा नाम", Kind: news.SourceSite}
	_, err := ss.AddSource(t.Context(), dup)
	if !errors.Is(err, news.ErrExists) {
		t.Fatalf("AddSource of a stored URL: got error %v, want one wrapping news.ErrExists", err)
	}
	if !strings.Contains(err.Error(), first.URL) {
		t.Errorf("AddSource of a stored URL: error %q does not name the URL", err)
	}
	list := mustListSources(t, ss)
	if len(list) != 1 || list[0].Name != first.Name {
		t.Errorf("after a duplicate AddSource: got %+v, want only the first source", list)
	}
}

func testSourceInvalid(t *testing.T, f Factory) {
	ss := freshSources(t, f)
	ok := func() *news.Source { return &news.Source{URL: "https://sahi.example/feed", Kind: news.SourceFeed} }
	tests := []struct {
		name   string
		edit   func(s *news.Source)
		wantIn string
	}{
		{"empty URL", func(s *news.Source) { s.URL = "" }, "empty"},
		{"relative URL", func(s *news.Source) { s.URL = "/rss/desh.xml" }, "absolute"},
		{"ftp URL", func(s *news.Source) { s.URL = "ftp://sahi.example/feed" }, "ftp"},
		{"no host", func(s *news.Source) { s.URL = "https:///feed" }, "host"},
		{"unknown kind", func(s *news.Source) { s.Kind = "podcast" }, "podcast"},
		{"negative interval", func(s *news.Source) { s.Interval = -time.Minute }, "negative"},
		{"min above max", func(s *news.Source) { s.MinInterval, s.MaxInterval = time.Hour, time.Minute }, "above"},
		{"NaN rate", func(s *news.Source) { s.Health.ItemsPerDay = math.NaN() }, "finite"},
		{"bad UTF-8 name", func(s *news.Source) { s.Name = "नगर \xff" }, "UTF-8"},
		{"huge error", func(s *news.Source) { s.Health.LastError = strings.Repeat("त्रुटि ", 2000) }, "last error"},
		{"year 10000", func(s *news.Source) { s.Health.NextPoll = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }, "years"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := ok()
			tc.edit(src)
			_, err := ss.AddSource(t.Context(), src)
			if err == nil || !strings.Contains(err.Error(), tc.wantIn) {
				t.Errorf("AddSource: got error %v, want one containing %q", err, tc.wantIn)
			}
		})
	}
	if got := mustListSources(t, ss); len(got) != 0 {
		t.Errorf("after invalid adds: got %d sources, want none", len(got))
	}
	// The same checks guard updates.
	stored := mustAddSource(t, ss, ok())
	bad := *stored
	bad.Health.SoftFailures = -1
	if err := ss.UpdateSource(t.Context(), &bad); err == nil {
		t.Error("UpdateSource with negative soft failures: got no error")
	}
	got, err := ss.Source(t.Context(), stored.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkSource(t, "source after a refused update", got, stored)
}

func testSourceUpdate(t *testing.T, f Factory) {
	ss := freshSources(t, f)
	stored := mustAddSource(t, ss, sampleSources()[0])
	want := fullSource("https://nagar-samachar.example/rss/rajya.xml")
	want.ID = stored.ID
	want.Created = time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC) // must be ignored
	if err := ss.UpdateSource(t.Context(), want); err != nil {
		t.Fatalf("UpdateSource: %v", err)
	}
	got, err := ss.Source(t.Context(), stored.ID)
	if err != nil {
		t.Fatal(err)
	}
	want.Created = stored.Created
	checkSource(t, "Source after UpdateSource", got, want)
	if !got.Health.LastFetch.Equal(time.Date(2025, time.November, 18, 5, 0, 15, 123456789, time.UTC)) {
		t.Errorf("LastFetch: got %s, want 2025-11-18T05:00:15.123456789Z (10:30:15 IST)", got.Health.LastFetch)
	}

	// Clearing fields clears them.
	cleared := news.Source{ID: stored.ID, URL: stored.URL, Kind: news.SourceFeed}
	if err := ss.UpdateSource(t.Context(), &cleared); err != nil {
		t.Fatalf("UpdateSource clearing fields: %v", err)
	}
	got, err = ss.Source(t.Context(), stored.ID)
	if err != nil {
		t.Fatal(err)
	}
	cleared.Created = stored.Created
	checkSource(t, "Source after clearing fields", got, &cleared)
}

func testSourceUpdateErrors(t *testing.T, f Factory) {
	ss := freshSources(t, f)
	src := sampleSources()
	a, b := mustAddSource(t, ss, src[0]), mustAddSource(t, ss, src[1])
	missing := *a
	missing.ID = a.ID + b.ID + 100
	err := ss.UpdateSource(t.Context(), &missing)
	if !errors.Is(err, news.ErrNotFound) {
		t.Errorf("UpdateSource of a missing ID: got error %v, want one wrapping news.ErrNotFound", err)
	}
	taken := *b
	taken.URL = a.URL
	err = ss.UpdateSource(t.Context(), &taken)
	if !errors.Is(err, news.ErrExists) {
		t.Errorf("UpdateSource to another source's URL: got error %v, want one wrapping news.ErrExists", err)
	}
	got, err := ss.Source(t.Context(), b.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkSource(t, "source after a refused URL change", got, b)
	if n := len(mustListSources(t, ss)); n != 2 {
		t.Errorf("ListSources: got %d sources, want 2", n)
	}
}

func testSourceRemove(t *testing.T, f Factory) {
	ss := freshSources(t, f)
	src := sampleSources()
	a, b := mustAddSource(t, ss, src[0]), mustAddSource(t, ss, src[1])
	mustMarkSeen(t, ss, a.ID, "https://nagar-samachar.example/desh/1")
	if err := ss.RemoveSource(t.Context(), a.ID); err != nil {
		t.Fatalf("RemoveSource(%d): %v", a.ID, err)
	}
	if _, err := ss.Source(t.Context(), a.ID); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Source after RemoveSource: got error %v, want one wrapping news.ErrNotFound", err)
	}
	if err := ss.RemoveSource(t.Context(), a.ID); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("second RemoveSource: got error %v, want one wrapping news.ErrNotFound", err)
	}
	if _, err := ss.MarkSeen(t.Context(), a.ID, []string{"x"}); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("MarkSeen for a removed source: got error %v, want one wrapping news.ErrNotFound", err)
	}
	list := mustListSources(t, ss)
	if len(list) != 1 || list[0].ID != b.ID {
		t.Errorf("ListSources after RemoveSource: got %+v, want only source %d", list, b.ID)
	}
	// The URL is free again, with an empty seen set.
	again := mustAddSource(t, ss, src[0])
	checkKeys(t, "MarkSeen after re-adding a removed source",
		mustMarkSeen(t, ss, again.ID, "https://nagar-samachar.example/desh/1"),
		"https://nagar-samachar.example/desh/1")
}

func testSourceDue(t *testing.T, f Factory) {
	ss := freshSources(t, f)
	now := time.Date(2025, time.November, 18, 12, 0, 0, 0, ist)
	add := func(name string, next time.Time, disabled bool) int64 {
		t.Helper()
		s := &news.Source{URL: "https://" + name + ".example/feed", Kind: news.SourceFeed, Name: name,
			Disabled: disabled}
		s.Health.NextPoll = next
		return mustAddSource(t, ss, s).ID
	}
	late := add("der-se", now.Add(-time.Minute), false)
	future := add("baad-mein", now.Add(time.Second), false)
	never1 := add("naya-ek", time.Time{}, false)
	add("band", now.Add(-time.Hour), true)
	early := add("pehle", now.Add(-2*time.Hour), false)
	exact := add("theek-abhi", now.In(time.UTC), false)
	never2 := add("naya-do", time.Time{}, false)
	_ = future

	ids := func(list []news.Source) []int64 {
		out := []int64{}
		for _, s := range list {
			out = append(out, s.ID)
		}
		return out
	}
	tests := []struct {
		limit int
		want  []int64
	}{
		{100, []int64{never1, never2, early, late, exact}},
		{3, []int64{never1, never2, early}},
		{1, []int64{never1}},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint("limit ", tc.limit), func(t *testing.T) {
			got, err := ss.DueSources(t.Context(), now, tc.limit)
			if err != nil {
				t.Fatalf("DueSources: %v", err)
			}
			if !reflect.DeepEqual(ids(got), tc.want) {
				t.Errorf("DueSources(limit %d): got IDs %v, want %v", tc.limit, ids(got), tc.want)
			}
		})
	}
	if _, err := ss.DueSources(t.Context(), now, 0); err == nil {
		t.Error("DueSources with limit 0: got no error")
	}
	// Polling moves a source to the back.
	s, err := ss.Source(t.Context(), never1)
	if err != nil {
		t.Fatal(err)
	}
	s.Health.NextPoll = now.Add(time.Hour)
	if err := ss.UpdateSource(t.Context(), s); err != nil {
		t.Fatal(err)
	}
	got, err := ss.DueSources(t.Context(), now, 100)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{never2, early, late, exact}; !reflect.DeepEqual(ids(got), want) {
		t.Errorf("DueSources after a poll: got IDs %v, want %v", ids(got), want)
	}
}

func testMarkSeen(t *testing.T, f Factory) {
	ss := freshSources(t, f)
	src := sampleSources()
	a, b := mustAddSource(t, ss, src[0]), mustAddSource(t, ss, src[1])
	k := func(i int) string { return fmt.Sprintf("https://nagar-samachar.example/desh/%d-खबर", i) }

	checkKeys(t, "first MarkSeen", mustMarkSeen(t, ss, a.ID, k(1), k(2), k(1), k(3)), k(1), k(2), k(3))
	checkKeys(t, "MarkSeen with old and new keys", mustMarkSeen(t, ss, a.ID, k(3), k(4), k(2), k(5)), k(4), k(5))
	checkKeys(t, "MarkSeen of old keys only", mustMarkSeen(t, ss, a.ID, k(5), k(1)))
	checkKeys(t, "MarkSeen of no keys", mustMarkSeen(t, ss, a.ID))
	// Sets are per source.
	checkKeys(t, "MarkSeen for another source", mustMarkSeen(t, ss, b.ID, k(1), k(9)), k(1), k(9))
	// Keys are compared exactly.
	checkKeys(t, "MarkSeen of a key differing in case", mustMarkSeen(t, ss, a.ID, strings.ToUpper(k(1))), strings.ToUpper(k(1)))
	// Long keys work and are remembered.
	long := "https://nagar-samachar.example/" + strings.Repeat("लंबा-", 400)
	checkKeys(t, "MarkSeen of a long key", mustMarkSeen(t, ss, a.ID, long), long)
	checkKeys(t, "MarkSeen of a long key again", mustMarkSeen(t, ss, a.ID, long, long[:len(long)-1]), long[:len(long)-1])

	if _, err := ss.MarkSeen(t.Context(), a.ID, []string{k(7), ""}); err == nil {
		t.Error("MarkSeen with an empty key: got no error")
	}
	checkKeys(t, "MarkSeen after a refused call", mustMarkSeen(t, ss, a.ID, k(7)), k(7))
	if _, err := ss.MarkSeen(t.Context(), a.ID+b.ID+100, []string{k(1)}); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("MarkSeen for a missing source: got error %v, want one wrapping news.ErrNotFound", err)
	}
}

func testMarkSeenPruning(t *testing.T, f Factory) {
	ss := freshSources(t, f)
	a := mustAddSource(t, ss, sampleSources()[0])
	b := mustAddSource(t, ss, sampleSources()[1])
	k := func(i int) string { return fmt.Sprintf("guid:%06d", i) }
	const n, batch = news.MaxSeenPerSource, 5000
	for from := 0; from < n; from += batch {
		keys := make([]string, 0, batch)
		for i := from; i < from+batch && i < n; i++ {
			keys = append(keys, k(i))
		}
		if got := mustMarkSeen(t, ss, a.ID, keys...); len(got) != len(keys) {
			t.Fatalf("MarkSeen of %d fresh keys: got %d new, want all", len(keys), len(got))
		}
	}
	mustMarkSeen(t, ss, b.ID, k(0)) // another source's set does not count
	// At the limit nothing is dropped; marking k(5) again makes it recent.
	checkKeys(t, "MarkSeen of the oldest key at the limit", mustMarkSeen(t, ss, a.ID, k(5)))
	fresh := []string{"new:0", "new:1", "new:2", "new:3", "new:4", "new:5", "new:6", "new:7", "new:8", "new:9"}
	checkKeys(t, "MarkSeen of 10 keys over the limit", mustMarkSeen(t, ss, a.ID, fresh...), fresh...)
	// The 10 least recently marked keys — k(0)…k(4), k(6)…k(10) — are gone.
	checkKeys(t, "MarkSeen after pruning",
		mustMarkSeen(t, ss, a.ID, k(5), k(11), k(0), k(10), "new:0", k(n-1)),
		k(0), k(10))
	checkKeys(t, "MarkSeen for the other source", mustMarkSeen(t, ss, b.ID, k(0)))
}

func testSourceReopen(t *testing.T, f Factory) {
	loc := f.Fresh(t)
	ss, st := openSources(t, f, loc)
	full := fullSource("https://ujala.example/feed")
	stored := mustAddSource(t, ss, full)
	mustMarkSeen(t, ss, stored.ID, "guid-1", "guid-2")
	if err := st.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	ss, _ = openSources(t, f, loc)
	got, err := ss.Source(t.Context(), stored.ID)
	if err != nil {
		t.Fatalf("Source after reopen: %v", err)
	}
	checkSource(t, "Source after reopen", got, stored)
	checkKeys(t, "MarkSeen after reopen", mustMarkSeen(t, ss, stored.ID, "guid-2", "guid-3", "guid-1"), "guid-3")
	if _, err := ss.AddSource(t.Context(), full); !errors.Is(err, news.ErrExists) {
		t.Errorf("AddSource of a stored URL after reopen: got error %v, want one wrapping news.ErrExists", err)
	}
}

func testConcurrentMarkSeen(t *testing.T, f Factory) {
	ss := freshSources(t, f)
	a := mustAddSource(t, ss, sampleSources()[0])
	const keys, workers, batch = 300, 4, 25
	counts := make(chan map[string]int, workers)
	for w := range workers {
		go func() {
			seen := map[string]int{}
			defer func() { counts <- seen }()
			// Each worker walks the keys from a different start.
			for from := 0; from < keys; from += batch {
				list := make([]string, 0, batch)
				for i := from; i < from+batch; i++ {
					list = append(list, fmt.Sprintf("item-%d", (i+w*77)%keys))
				}
				got, err := ss.MarkSeen(t.Context(), a.ID, list)
				if err != nil {
					t.Errorf("worker %d: MarkSeen: %v", w, err)
					return
				}
				for _, k := range got {
					seen[k]++
				}
			}
		}()
	}
	total := map[string]int{}
	within(t, 60*time.Second, "concurrent MarkSeen", func() {
		for range workers {
			for k, n := range <-counts {
				total[k] += n
			}
		}
	})
	if len(total) != keys {
		t.Errorf("concurrent MarkSeen: %d distinct keys reported new, want %d", len(total), keys)
	}
	for k, n := range total {
		if n != 1 {
			t.Errorf("concurrent MarkSeen: key %q reported new %d times, want once", k, n)
		}
	}
}

func testSourceCanceled(t *testing.T, f Factory) {
	ss := freshSources(t, f)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := ss.AddSource(ctx, sampleSources()[0]); err == nil {
		t.Error("AddSource with a canceled context: got no error")
	}
	if got := mustListSources(t, ss); len(got) != 0 {
		t.Errorf("after a canceled AddSource: got %d sources, want none", len(got))
	}
	if _, err := ss.ListSources(ctx); err == nil {
		t.Error("ListSources with a canceled context: got no error")
	}
}
