package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/news"
)

// update rewrites the golden files under testdata/ (go test -run Sources
// ./cmd/khabar -update). It is this package's one -update flag: other tests
// here that keep golden files use it too.
var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// listSources runs "sources list --json" and decodes it.
func listSources(t *testing.T, data string) []news.Source {
	t.Helper()
	out, stderr, err := khabar(t, data, "", "sources", "list", "--json")
	if err != nil {
		t.Fatalf("sources list --json: %v\nstderr: %s", err, stderr)
	}
	var list []news.Source
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("sources list --json: %v\noutput: %s", err, out)
	}
	return list
}

func TestSourcesAddListRemove(t *testing.T) {
	data := t.TempDir()
	out, _, err := khabar(t, data, "", "sources", "list")
	if err != nil || !strings.Contains(out, "no sources") {
		t.Fatalf("list of a new data directory: got %q, %v; want a line saying there are no sources", out, err)
	}
	out, stderr, err := khabar(t, data, "", "sources", "add", "--name", "नगर समाचार", "--lang", "hi",
		"--kind", "feed", "--interval", "20m", "HTTPS://Nagar-Samachar.example:443/rss/desh.xml#ऊपर")
	if err != nil {
		t.Fatalf("sources add: %v\nstderr: %s", err, stderr)
	}
	if want := "added source 1: नगर समाचार <https://nagar-samachar.example/rss/desh.xml> (kind feed)\n"; out != want {
		t.Errorf("sources add: got %q, want %q", out, want)
	}
	if _, stderr, err := khabar(t, data, "", "sources", "add", "--allow-private", "http://127.0.0.1:8081"); err != nil {
		t.Fatalf("sources add (private, no name): %v\nstderr: %s", err, stderr)
	}

	list := listSources(t, data)
	if len(list) != 2 {
		t.Fatalf("sources list --json: got %d sources, want 2", len(list))
	}
	a, b := list[0], list[1]
	if a.ID != 1 || a.URL != "https://nagar-samachar.example/rss/desh.xml" || a.Kind != news.SourceFeed ||
		a.Name != "नगर समाचार" || a.Language != "hi" || a.Interval != 20*time.Minute || a.AllowPrivate || a.Created.IsZero() {
		t.Errorf("first source: got %+v", a)
	}
	if b.URL != "http://127.0.0.1:8081/" || b.Kind != news.SourceAuto || !b.AllowPrivate || b.Name != "" {
		t.Errorf("second source: got %+v", b)
	}

	out, _, err = khabar(t, data, "", "sources", "list")
	if err != nil {
		t.Fatalf("sources list: %v", err)
	}
	for _, want := range []string{"ID", "NEXT POLL", "नगर समाचार", "127.0.0.1:8081", "feed", "due"} {
		if !strings.Contains(out, want) {
			t.Errorf("sources list: output lacks %q:\n%s", want, out)
		}
	}

	// The same source spelled differently is a duplicate.
	_, _, err = khabar(t, data, "", "sources", "add", "https://NAGAR-SAMACHAR.example/rss/desh.xml")
	if exitCode(err) != 1 || !strings.Contains(err.Error(), "is already source 1 (नगर समाचार)") ||
		!strings.Contains(err.Error(), "https://nagar-samachar.example/rss/desh.xml") {
		t.Errorf("duplicate add: got %v (exit %d), want exit 1 naming the URL as already a source", err, exitCode(err))
	}

	out, _, err = khabar(t, data, "", "sources", "rm", "1")
	if err != nil || !strings.HasPrefix(out, "removed source 1: नगर समाचार") {
		t.Errorf("rm 1: got %q, %v", out, err)
	}
	out, _, err = khabar(t, data, "", "sources", "rm", "http://127.0.0.1:8081")
	if err != nil || !strings.HasPrefix(out, "removed source 2: 127.0.0.1:8081") {
		t.Errorf("rm by URL: got %q, %v", out, err)
	}
	if got := listSources(t, data); len(got) != 0 {
		t.Errorf("after rm: got %d sources, want none", len(got))
	}
	_, _, err = khabar(t, data, "", "sources", "rm", "1")
	if err == nil || !strings.Contains(err.Error(), "no source with ID 1") {
		t.Errorf("rm of a missing ID: got %v, want an error saying there is no source with ID 1", err)
	}
}

func TestSourcesBadArguments(t *testing.T) {
	data := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		wantIn string
	}{
		{"no URL", []string{"add"}, 2, "exactly one URL"},
		{"ftp", []string{"add", "ftp://nagar.example/rss"}, 2, `scheme "ftp"`},
		{"relative", []string{"add", "nagar.example/rss"}, 2, "not absolute"},
		{"no host", []string{"add", "https:///rss"}, 2, "no host"},
		{"user info", []string{"add", "https://user:pw@nagar.example/"}, 2, "user information"},
		{"kind", []string{"add", "--kind", "podcast", "https://nagar.example/"}, 2, `kind "podcast"`},
		{"lang", []string{"add", "--lang", "हिंदी", "https://nagar.example/"}, 2, `language "हिंदी"`},
		{"interval", []string{"add", "--interval", "10s", "https://nagar.example/"}, 2, "interval 10s"},
		{"bad interval", []string{"add", "--interval", "पंद्रह", "https://nagar.example/"}, 2, "interval"},
		{"rm junk", []string{"rm", "कोई"}, 1, "neither a source ID nor a URL"},
		{"rm two", []string{"rm", "1", "2"}, 2, "exactly one"},
		{"unknown", []string{"edit"}, 2, `unknown subcommand "edit"`},
		{"import none", []string{"import"}, 2, "exactly one OPML file"},
		{"import missing", []string{"import", "testdata/नहीं-है.opml"}, 1, "नहीं-है.opml"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := khabar(t, data, "", append([]string{"sources"}, tc.args...)...)
			if exitCode(err) != tc.code || err == nil || !strings.Contains(err.Error(), tc.wantIn) {
				t.Errorf("sources %q: got %v (exit %d), want exit %d and an error containing %q",
					tc.args, err, exitCode(err), tc.code, tc.wantIn)
			}
		})
	}
	if got := listSources(t, data); len(got) != 0 {
		t.Errorf("after bad arguments: got %d sources, want none", len(got))
	}
}

func TestSourcesImport(t *testing.T) {
	data := t.TempDir()
	out, stderr, err := khabar(t, data, "", "sources", "import", "testdata/sources.opml")
	if exitCode(err) != 1 {
		t.Errorf("import: got %v (exit %d), want exit 1 for the failed outlines", err, exitCode(err))
	}
	if want := "imported 5, duplicates 1, failed 4\n"; out != want {
		t.Errorf("import summary: got %q, want %q", out, want)
	}
	for _, want := range []string{
		`testdata/sources.opml:20: outline "टूटा पता": source URL "ftp://tuta-pata.example/feed": scheme "ftp" is not http or https`,
		`testdata/sources.opml:21: outline "बिना होस्ट": source URL "https:///rss": no host`,
		`testdata/sources.opml:22: outline "दूसरी सूची": include outlines`,
		`testdata/sources.opml:23: outline "गलत भाषा": language "हिंदी" is not an ISO 639 code`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("import stderr lacks %q:\n%s", want, stderr)
		}
	}
	if n := strings.Count(stderr, "\n"); n != 4 {
		t.Errorf("import stderr: got %d lines, want 4:\n%s", n, stderr)
	}

	type row struct {
		URL, Name, Language string
		Kind                news.SourceKind
	}
	want := []row{
		{"https://nagar-samachar.example/rss/desh.xml", "नगर समाचार — देश", "", news.SourceFeed},
		{"https://ganga-times.example/feed", "गंगा टाइम्स", "hi", news.SourceFeed},
		{"https://pahadi-awaaz.example/rss.xml", "पहाड़ी आवाज़ & घाटी", "", news.SourceFeed},
		{"https://marudhar-darpan.example/", "मरुधर दर्पण (केवल वेबसाइट)", "", news.SourceAuto},
		{"https://deccan-ledger.example/india.rss", "Deccan Ledger India", "en", news.SourceFeed},
	}
	list := listSources(t, data)
	if len(list) != len(want) {
		t.Fatalf("after import: got %d sources, want %d: %+v", len(list), len(want), list)
	}
	for i, s := range list {
		got := row{s.URL, s.Name, s.Language, s.Kind}
		if got != want[i] {
			t.Errorf("source %d: got %+v, want %+v", i+1, got, want[i])
		}
	}

	// Again: everything is a duplicate; --lang fills in missing languages
	// only for new sources, so nothing changes.
	out, _, _ = khabar(t, data, "", "sources", "import", "--lang", "hi", "testdata/sources.opml")
	if want := "imported 0, duplicates 6, failed 4\n"; out != want {
		t.Errorf("second import: got %q, want %q", out, want)
	}

	// From stdin, with --lang for outlines without a language.
	data2 := t.TempDir()
	opml := `<opml version="1.0"><body><outline text="सूर्योदय" xmlUrl="https://suryoday.example/rss"/></body></opml>`
	out, _, err = khabar(t, data2, opml, "sources", "import", "--lang", "hi", "-")
	if err != nil || out != "imported 1, duplicates 0, failed 0\n" {
		t.Errorf("import from stdin: got %q, %v", out, err)
	}
	if l := listSources(t, data2); len(l) != 1 || l[0].Language != "hi" || l[0].Name != "सूर्योदय" {
		t.Errorf("import from stdin: got %+v, want one Hindi source named सूर्योदय", l)
	}
}

func TestSourcesImportBadFiles(t *testing.T) {
	tests := []struct {
		name, body, wantIn string
	}{
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>नगर</title></channel></rss>`, "not an OPML document (the root element is <rss>"},
		{"broken", "<opml>\n<body>\n<outline text=\"टूटा\" xmlUrl=\"https://a.example/\">\n</body></opml>", "line 4: XML syntax error"},
		{"latin1", `<?xml version="1.0" encoding="ISO-8859-1"?><opml><body/></opml>`, `encoding "ISO-8859-1" is not supported`},
		{"empty", "", "not an OPML document"},
		{"text", "यह OPML नहीं है", "not an OPML document"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := t.TempDir()
			file := filepath.Join(t.TempDir(), tc.name+".opml")
			if err := os.WriteFile(file, []byte(tc.body), 0o644); err != nil {
				t.Fatal(err)
			}
			_, _, err := khabar(t, data, "", "sources", "import", file)
			if err == nil || !strings.Contains(err.Error(), tc.wantIn) || !strings.Contains(err.Error(), file) {
				t.Errorf("import %s: got %v, want an error naming the file and containing %q", tc.name, err, tc.wantIn)
			}
		})
	}
}

func TestPrintSourcesGolden(t *testing.T) {
	now := time.Date(2025, time.November, 18, 6, 0, 0, 0, time.UTC)
	list := []news.Source{
		{ID: 1, URL: "https://nagar-samachar.example/rss/desh.xml", Kind: news.SourceFeed, Name: "नगर समाचार — देश", Language: "hi",
			Health: news.SourceHealth{LastSuccess: now.Add(-20 * time.Minute), ItemsPerDay: 142.33, NextPoll: now.Add(10 * time.Minute)}},
		{ID: 2, URL: "https://pahadi-awaaz.example/", Name: "पहाड़ी आवाज़ और घाटी की ख़बरें, हर घंटे ताज़ा",
			Health: news.SourceHealth{LastError: "GET https://pahadi-awaaz.example/: 503 Service Unavailable\nretry later",
				LastErrorAt: now.Add(-5 * time.Minute), SoftFailures: 3, NextPoll: now.Add(-time.Minute)}},
		{ID: 3, URL: "https://band.example/rss", Kind: news.SourceFeed, Disabled: true, DisabledReason: "410 Gone",
			Health: news.SourceHealth{HardFailures: 5}},
	}
	var b bytes.Buffer
	printSources(&b, list, now)
	golden := filepath.Join("testdata", "sources-list.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("sources table:\ngot:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestClipWidth(t *testing.T) {
	tests := []struct {
		in   string
		w    int
		want string
	}{
		{"नगर", 5, "नगर"},
		{"पहाड़ी आवाज़", 5, "पहा…"},      // ड़ी is one syllable of width 2: cut before it
		{"क्षेत्रीय समाचार", 4, "क्षे…"}, // the conjunct क्ष is never split
		{"abcdef", 3, "ab…"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := clipWidth(tc.in, tc.w); got != tc.want {
				t.Errorf("clipWidth(%q, %d): got %q, want %q", tc.in, tc.w, got, tc.want)
			}
		})
	}
}

func FuzzParseOPML(f *testing.F) {
	seed, err := os.ReadFile("testdata/sources.opml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`<opml><body><outline xmlUrl="https://a.example/"><outline htmlUrl="x"/></outline></body></opml>`))
	f.Add([]byte(`<opml><body><outline type="include" url="https://b.example/o.opml"/></body></opml>`))
	f.Add([]byte(`<rss/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := parseOPML(bytes.NewReader(data))
		if err != nil {
			if entries != nil {
				t.Errorf("parseOPML returned entries with error %v", err)
			}
			return
		}
		for _, e := range entries {
			if e.URL == "" || e.Line < 1 || !e.Kind.Known() {
				t.Errorf("parseOPML entry %+v: want a URL, a line and a known kind", e)
			}
			if _, err := newSource(e.URL, e.Name, e.Language, string(e.Kind)); err == nil {
				if _, err := news.CanonicalSourceURL(e.URL); err != nil {
					t.Errorf("newSource accepted %q that CanonicalSourceURL refuses: %v", e.URL, err)
				}
			}
		}
	})
}
