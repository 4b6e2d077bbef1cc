package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/shareddata"
)

// khabar runs the CLI in-process with its own data directory and returns
// stdout, stderr and the error run returned.
func khabar(t *testing.T, data string, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := environment{Data: data, Stdin: strings.NewReader(stdin)}
	err := run(context.Background(), args, env, &out, &errOut)
	return out.String(), errOut.String(), err
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 1
}

// sharedData finds ../shared/data from the repo, or $KHABAR_SHARED_DATA.
func sharedData(t *testing.T) string {
	t.Helper()
	return shareddata.Dir(t)
}

func TestIngestSamplesAndSearch(t *testing.T) {
	data := t.TempDir()
	out, stderr, err := khabar(t, data, "", "ingest", "../../samples")
	if err != nil {
		t.Fatalf("ingest samples: %v\nstderr: %s", err, stderr)
	}
	if !strings.HasPrefix(out, "ingested 30, unchanged 0, failed 0") {
		t.Errorf("got summary %q, want 30 ingested", out)
	}
	// Idempotent: the same files again change nothing.
	out, _, err = khabar(t, data, "", "ingest", "../../samples")
	if err != nil || !strings.HasPrefix(out, "ingested 0, unchanged 30, failed 0") {
		t.Errorf("re-ingest: got %q, %v, want 30 unchanged", out, err)
	}

	tests := []struct {
		query        string
		wantHeadline string
	}{
		{"जयशंकर", "जयशंकर"},
		{"मानसून बारिश", "मानसून"},
		{"monsoon", ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			out, _, err := khabar(t, data, "", "search", "--json", "--limit", "5", tt.query)
			if err != nil {
				t.Fatalf("search: %v", err)
			}
			var res struct {
				Total int `json:"total"`
				Hits  []struct {
					ID, Headline, Snippet string
				} `json:"hits"`
			}
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatalf("search output is not JSON: %v\n%s", err, out)
			}
			if res.Total == 0 || len(res.Hits) == 0 {
				t.Fatalf("got no hits for %q", tt.query)
			}
			if !strings.Contains(res.Hits[0].Headline+res.Hits[0].Snippet, tt.wantHeadline) {
				t.Errorf("top hit %q / %q does not contain %q", res.Hits[0].Headline, res.Hits[0].Snippet, tt.wantHeadline)
			}
			// show finds the hit by its ID.
			show, _, err := khabar(t, data, "", "show", "--json", res.Hits[0].ID)
			if err != nil || !strings.Contains(show, `"id": "`+res.Hits[0].ID+`"`) {
				t.Errorf("show %s: got %v, %.200s", res.Hits[0].ID, err, show)
			}
		})
	}

	// A filter narrows by language: the English report of the match
	// (sample-004) is left out of a Hindi-only search.
	out, _, err = khabar(t, data, "", "search", "--json", "क्रिकेट lang:hi")
	if err != nil {
		t.Fatalf("filtered search: %v", err)
	}
	if strings.Contains(out, `"sample-004"`) || !strings.Contains(out, `"sample-003"`) {
		t.Errorf("got %s, want sample-003 and not the English sample-004", out)
	}

	// reindex rebuilds the index from the store; search still works.
	out, _, err = khabar(t, data, "", "reindex")
	if err != nil || !strings.Contains(out, "reindexed 30 articles") {
		t.Errorf("reindex: got %q, %v", out, err)
	}
	out, _, err = khabar(t, data, "", "search", "जयशंकर")
	if err != nil || !strings.Contains(out, "जयशंकर") {
		t.Errorf("search after reindex: got %q, %v", out, err)
	}
}

func TestIngestBadInputsReportsEachAndKeepsTheRest(t *testing.T) {
	data := t.TempDir()
	in := t.TempDir()
	files := map[string][]byte{
		"good.txt":      []byte("दिल्ली में ठंड बढ़ी, पारा पांच डिग्री तक गिरा\n\nराजधानी में मंगलवार सुबह घना कोहरा छाया रहा और तापमान सामान्य से चार डिग्री नीचे दर्ज किया गया।\n\nमौसम विभाग ने अगले तीन दिन शीतलहर की चेतावनी दी है।\n"),
		"empty.txt":     {},
		"binary.txt":    []byte("\x00\x01\x02ELF"),
		"latin1.txt":    []byte("caf\xe9 au lait"),
		"records.jsonl": []byte(`{"id":"r1","title":"पहला","text":"पहली ख़बर का पाठ।"}` + "\nnot json\n" + `{"id":"r2","title":"दूसरा","text":"दूसरी ख़बर का पाठ।"}` + "\n"),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, stderr, err := khabar(t, data, "", "ingest", in, filepath.Join(in, "missing.txt"))
	if exitCode(err) != 1 {
		t.Fatalf("got exit %d (%v), want 1 when inputs fail", exitCode(err), err)
	}
	if !strings.HasPrefix(out, "ingested 3, unchanged 0, failed 5") {
		t.Errorf("got summary %q, want 3 ingested and 5 failed", out)
	}
	for _, want := range []string{"empty.txt: empty document", "binary.txt: binary data", "latin1.txt: invalid UTF-8", "records.jsonl:2: not a JSON object", "missing.txt: no such file"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	// What was stored before a failing batch stays stored and unchanged.
	out, _, err = khabar(t, data, "", "ingest", filepath.Join(in, "good.txt"), filepath.Join(in, "empty.txt"))
	if exitCode(err) != 1 || !strings.HasPrefix(out, "ingested 0, unchanged 1, failed 1") {
		t.Errorf("second run: got %q, %v, want 1 unchanged and 1 failed", out, err)
	}
	if _, _, err := khabar(t, data, "", "show", "r2"); err != nil {
		t.Errorf("show r2 after failures: %v", err)
	}
}

func TestIngestStdinJSONL(t *testing.T) {
	data := t.TempDir()
	stdin := `{"id":"stdin-1","title":"Budget 2026 explained","text":"The finance minister presented the budget today.","language":"en"}` + "\n"
	out, _, err := khabar(t, data, stdin, "ingest", "--format", "jsonl", "-")
	if err != nil || !strings.HasPrefix(out, "ingested 1,") {
		t.Fatalf("got %q, %v", out, err)
	}
	out, _, err = khabar(t, data, "", "search", "budget")
	if err != nil || !strings.Contains(out, "Budget 2026 explained") {
		t.Errorf("got %q, %v", out, err)
	}
}

func TestSeedArticle(t *testing.T) {
	seed := filepath.Join(sharedData(t), "seed", "000_d34dcb964ca20152.txt")
	out, _, err := khabar(t, t.TempDir(), "", "extract", "--json", seed)
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	var a struct {
		Headline, Kicker, Standfirst, Language string
		Authors                                []string
		Tags                                   []string
		Body                                   []struct{ Kind, Text string }
		Related                                []struct{ Title string }
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if a.Kicker != "S Jaishankar Russia Visit" || !strings.HasPrefix(a.Headline, "रूस पहुंचे विदेश मंत्री एस जयशंकर") {
		t.Errorf("got kicker %q headline %q", a.Kicker, a.Headline)
	}
	if len(a.Authors) != 1 || a.Authors[0] != "Deepak Kumar" {
		t.Errorf("got authors %q, want [Deepak Kumar]", a.Authors)
	}
	if len(a.Related) != 2 || len(a.Tags) < 3 || a.Language != "hi" {
		t.Errorf("got %d related, tags %q, language %q", len(a.Related), a.Tags, a.Language)
	}
	for _, junk := range []string{"author-image", "New Update", "Advertisment"} {
		if strings.Contains(out, junk) && !strings.Contains(out, `"removed"`) {
			t.Errorf("output keeps %q", junk)
		}
	}
	for _, b := range a.Body {
		for _, junk := range []string{"author-image", "New Update", "Advertisment", "यह भी पढ़ें"} {
			if strings.Contains(b.Text, junk) {
				t.Errorf("body block keeps %q: %q", junk, b.Text)
			}
		}
	}

	data := t.TempDir()
	if _, stderr, err := khabar(t, data, "", "ingest", filepath.Dir(seed)); err != nil {
		t.Fatalf("ingest seed: %v\n%s", err, stderr)
	}
	out, _, err = khabar(t, data, "", "search", "जयशंकर पुतिन")
	if err != nil || !strings.Contains(out, "रूस पहुंचे") {
		t.Errorf("search जयशंकर पुतिन: got %q, %v", out, err)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"ingest"}, "want at least one PATH"},
		{[]string{"ingest", "--format", "pdf", "x"}, `unknown format "pdf"`},
		{[]string{"search"}, "want a QUERY"},
		{[]string{"search", "--limit", "many", "x"}, "invalid value"},
		{[]string{"show"}, "want exactly one article ID"},
		{[]string{"serve", "--index-cache", "-1"}, "--index-cache -1: want 0 to"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, _, err := khabar(t, t.TempDir(), "", tt.args...)
			if exitCode(err) != 2 || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v (exit %d), want exit 2 with %q", err, exitCode(err), tt.want)
			}
		})
	}
}
