package extract

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// samplesDir finds samples/ at the repository root, or skips.
func samplesDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Skipf("samples: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "samples")
			if _, err := os.Stat(filepath.Join(p, "README.md")); err != nil {
				t.Skipf("samples/README.md not found under %s", dir)
			}
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("samples: repository root not found")
		}
		dir = parent
	}
}

// sampleRow is one scraped page's row of the table in samples/README.md.
type sampleRow struct {
	outlet  string
	lang    string
	when    time.Time // the publish time, when the table gives one
	hasTime bool
}

var sampleRowRE = regexp.MustCompile(`^\|\s*(\d\d-[a-z0-9-]+)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*[^|]*\|\s*([^|]+?)\s*\|`)

// readSampleTable parses the "What is in it" table of samples/README.md:
// file name → outlet, language and publish time (IST).
func readSampleTable(t *testing.T, path string) map[string]sampleRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ist := time.FixedZone("IST", 5*3600+30*60)
	rows := map[string]sampleRow{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := sampleRowRE.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		r := sampleRow{outlet: m[2], lang: strings.Fields(m[3])[0]}
		if ts, err := time.ParseInLocation("2006-01-02 15:04", m[4], ist); err == nil {
			r.when, r.hasTime = ts, true
		} else if _, err := time.ParseInLocation("2006-01-02", m[4], ist); err != nil {
			t.Fatalf("README row %s: published %q is neither a day nor a time", m[1], m[4])
		}
		rows[m[1]] = r
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// promptRE finds follow and share prompts that must never reach the body.
var promptRE = regexp.MustCompile(`(?i)google news|follow us|फ़?ॉलो करें|फ़ॉलो करें|whatsapp channel|telegram channel|subscribe|सब्सक्राइब|हमें फॉलो`)

// tagLike is the test's own notion of a leftover tag line: no Devanagari,
// at least three words, no closing punctuation, and most words starting
// with a capital or a digit.
func tagLike(s string) bool {
	if strings.ContainsFunc(s, isDevanagari) {
		return false
	}
	words := strings.Fields(s)
	if len(words) < 3 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".!?।\"”’)", r) {
		return false
	}
	capital := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) {
			capital++
		}
	}
	return capital*10 >= len(words)*6
}

// TestSamplesExtract runs FromText over the scraped pages in samples/ —
// written by another author than the rules, in the messy form Indian news
// sites leave — and checks what any page must get right: a headline, no
// tag line or follow prompt left in the body, no outlet name as an
// author, and the publish time the samples' README gives wherever the
// page prints a full date (no date at all where it prints none).
func TestSamplesExtract(t *testing.T) {
	dir := samplesDir(t)
	rows := readSampleTable(t, filepath.Join(dir, "README.md"))
	files, err := filepath.Glob(filepath.Join(dir, "scraped", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skip("no scraped samples")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			row, ok := rows[name]
			if !ok {
				t.Fatalf("%s is not in the table of samples/README.md", name)
			}
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a, err := FromText(string(raw), Options{})
			if err != nil {
				t.Fatalf("FromText: %v", err)
			}
			if a.Headline == "" {
				t.Error("headline: got empty")
			}
			if got, want := a.Language, row.lang; got != want {
				t.Errorf("language: got %q, want %q", got, want)
			}
			if len(a.Body) == 0 {
				t.Fatal("body: got no blocks")
			}
			if last := a.Body[len(a.Body)-1].Text; tagLike(last) {
				t.Errorf("last body block looks like a tag line: got %q", last)
			}
			for _, b := range a.Body {
				if promptRE.MatchString(b.Text) {
					t.Errorf("follow/share prompt in the body: got %q", b.Text)
				}
			}
			for _, au := range a.Authors {
				if lineKey(au) == lineKey(row.outlet) || (a.Source != "" && lineKey(au) == lineKey(a.Source)) {
					t.Errorf("author: got the outlet %q", au)
				}
			}
			switch {
			case row.hasTime:
				if !a.Published.Equal(row.when) && !a.Updated.Equal(row.when) {
					t.Errorf("dates: got published %v, updated %v; want one of them %v", a.Published, a.Updated, row.when)
				}
			default:
				// The page prints no year: nothing may be invented.
				if !a.Published.IsZero() || !a.Updated.IsZero() {
					t.Errorf("dates: got published %v, updated %v; want none (the page gives no year)", a.Published, a.Updated)
				}
			}
		})
	}
}
