package extract

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/khabar-news/khabar/internal/shareddata"
)

// htmlSharedData returns the path of rel under the shared data directory
// (KHABAR_SHARED_DATA, else ../shared/data beside the repository root), or
// skips the test when it is not there.
func htmlSharedData(t testing.TB, rel string) string {
	t.Helper()
	return shareddata.Path(t, rel)
}

// htmlReadGzip returns the decompressed contents of a .gz file.
func htmlReadGzip(t testing.TB, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("gunzip %s: %v", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("gunzip %s: %v", path, err)
	}
	return b
}

// TestFromHTMLBhaskar extracts the real Dainik Bhaskar page of the Fundus
// publisher tests and checks it against Fundus' expected parse.
func TestFromHTMLBhaskar(t *testing.T) {
	dir := htmlSharedData(t, filepath.Join("extraction", "fundus-publishers", "ind"))
	page := htmlReadGzip(t, filepath.Join(dir, "Bhaskar_2024_09_04.html.gz"))
	raw, err := os.ReadFile(filepath.Join(dir, "Bhaskar.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth map[string]struct {
		Authors []string `json:"authors"`
		Body    struct {
			Sections []struct {
				Paragraphs []string `json:"paragraphs"`
			} `json:"sections"`
		} `json:"body"`
		Date  string `json:"publishing_date"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatalf("read Bhaskar.json: %v", err)
	}
	want := truth["V1"]
	const pageURL = "https://www.bhaskar.com/local/bihar/samastipur/news/samastipur-police-caught-2-miscreants-133589711.html"

	a, err := FromHTML(context.Background(), page, Options{URL: pageURL})
	if err != nil {
		t.Fatalf("FromHTML: %v", err)
	}
	if strings.Contains(a.Headline, "Samastipur News") {
		t.Errorf("headline %q keeps the site suffix", a.Headline)
	}
	if lineKey(a.Headline) != lineKey(want.Title) {
		t.Errorf("headline: got %q, want %q", a.Headline, want.Title)
	}
	if strings.Join(a.Authors, "|") != strings.Join(want.Authors, "|") {
		t.Errorf("authors: got %q, want %q", a.Authors, want.Authors)
	}
	wantTime, err := time.Parse("2006-01-02 15:04:05-07:00", want.Date)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Published.Equal(wantTime) {
		t.Errorf("published: got %v, want %v", a.Published, wantTime)
	}
	if a.URL != pageURL {
		t.Errorf("url: got %q, want %q", a.URL, pageURL)
	}
	if a.Language != "hi" {
		t.Errorf("language: got %q, want %q", a.Language, "hi")
	}
	if !htmlHasWarning(a.Warnings, WarnPaywalled) {
		t.Errorf("warnings %q lack %q (the JSON-LD says isAccessibleForFree False)", a.Warnings, WarnPaywalled)
	}
	body := a.BodyText()
	for _, b := range a.Body {
		if strings.Contains(b.Text, "कॉपी लिंक") {
			t.Errorf("body keeps the share label in block %q", b.Text)
		}
		for _, crumb := range []string{"Hindi News", "Local", "Bihar", "Samastipur", "Samastipur Police Caught 2 Miscreants"} {
			if b.Text == crumb {
				t.Errorf("body keeps the breadcrumb %q", b.Text)
			}
		}
	}
	var paras []string
	for _, s := range want.Body.Sections {
		paras = append(paras, s.Paragraphs...)
	}
	for _, p := range paras {
		if !strings.Contains(body, p) {
			t.Errorf("body lacks the paragraph %q", p)
		}
	}
	var nPara int
	for _, b := range a.Body {
		if b.Kind == "paragraph" {
			nPara++
		}
	}
	if nPara != len(paras) {
		t.Errorf("got %d paragraph blocks, want %d; body:\n%s", nPara, len(paras), body)
	}
}

func htmlHasWarning(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}
