package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func collect(t *testing.T, r *Reader, path string) []Item {
	t.Helper()
	var items []Item
	r.ReadFile(context.Background(), path, func(it Item) bool {
		items = append(items, it)
		return true
	})
	return items
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDetectFormat(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, file string
		data       string
		want       Format
	}{
		{"jsonl extension", "a.jsonl", `{"id":"x","title":"शीर्षक"}`, JSONL},
		{"json object sniffed", "a.dat", `{"id":"x","title":"शीर्षक"}`, JSONL},
		{"html extension", "a.htm", "<p>नमस्ते</p>", HTML},
		{"html sniffed", "page", "\n<!DOCTYPE html><html><body>x</body></html>", HTML},
		{"scraped text", "a.txt", "रूस पहुंचे विदेश मंत्री\n\nपहला पैराग्राफ़", Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, dir, tt.file, []byte(tt.data))
			items := collect(t, &Reader{}, p)
			if len(items) != 1 {
				t.Fatalf("got %d items, want 1", len(items))
			}
			if items[0].Err != nil {
				t.Fatalf("unexpected error: %v", items[0].Err)
			}
			if items[0].Format != tt.want {
				t.Errorf("got format %q, want %q", items[0].Format, tt.want)
			}
		})
	}
}

func TestBadDocuments(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		data    []byte
		wantErr string
	}{
		{"empty", nil, "empty document"},
		{"whitespace only", []byte(" \n\t\n"), "empty document"},
		{"binary", []byte("\x7fELF\x00\x00\x01"), "binary data"},
		{"invalid utf-8", []byte("नमस्ते \xff\xfe दुनिया"), "invalid UTF-8 at byte 19"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, dir, tt.name+".txt", tt.data)
			items := collect(t, &Reader{Format: Text}, p)
			if len(items) != 1 || items[0].Err == nil {
				t.Fatalf("got %+v, want one error item", items)
			}
			if !strings.Contains(items[0].Err.Error(), tt.wantErr) {
				t.Errorf("got error %q, want it to contain %q", items[0].Err, tt.wantErr)
			}
			if items[0].Origin != p {
				t.Errorf("got origin %q, want %q", items[0].Origin, p)
			}
		})
	}
}

func TestJSONLLines(t *testing.T) {
	dir := t.TempDir()
	data := strings.Join([]string{
		`{"id":"a1","url":"https://example.in/a1","title":"मानसून की पहली बारिश","text":"पहला पैराग्राफ़।\n\nदूसरा पैराग्राफ़।","published":"2025-07-01T09:00:00+05:30","source":"Desh Darpan","language":"hi"}`,
		`this is not json`,
		``,
		`{"id":"a2","title":"","text":""}`,
		`{"id":"a3","title":"Budget day","published":"yesterday"}`,
		`{"id":"a4","title":"बिना तारीख़"}`,
	}, "\n")
	p := write(t, dir, "batch.jsonl", []byte(data))
	items := collect(t, &Reader{}, p)
	wantOrigins := []string{p + ":1", p + ":2", p + ":4", p + ":5", p + ":6"}
	if len(items) != len(wantOrigins) {
		t.Fatalf("got %d items, want %d: %+v", len(items), len(wantOrigins), items)
	}
	for i, want := range wantOrigins {
		if items[i].Origin != want {
			t.Errorf("item %d: got origin %q, want %q", i, items[i].Origin, want)
		}
	}
	a := items[0].Article
	if items[0].Err != nil || a == nil {
		t.Fatalf("line 1: got err %v, want an article", items[0].Err)
	}
	if a.ID != "a1" || a.Headline != "मानसून की पहली बारिश" || a.Source != "Desh Darpan" || a.Language != "hi" {
		t.Errorf("line 1: got %+v", a)
	}
	if len(a.Body) != 2 || a.Body[1].Text != "दूसरा पैराग्राफ़।" {
		t.Errorf("line 1: got body %+v, want two paragraphs", a.Body)
	}
	if want := time.Date(2025, 7, 1, 3, 30, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("line 1: got published %v, want %v", a.Published, want)
	}
	for i, want := range map[int]string{1: "not a JSON object", 2: "neither", 3: `"published"`} {
		if items[i].Err == nil || !strings.Contains(items[i].Err.Error(), want) {
			t.Errorf("item %d: got error %v, want one containing %q", i, items[i].Err, want)
		}
	}
	if items[4].Err != nil || items[4].Article.Headline != "बिना तारीख़" {
		t.Errorf("line 6: got %+v", items[4])
	}
}

func TestJSONLLineTooLong(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	buf.WriteString(`{"id":"big","title":"`)
	buf.Write(bytes.Repeat([]byte("क"), MaxDocumentBytes/3+10))
	buf.WriteString("\"}\n")
	buf.WriteString(`{"id":"small","title":"छोटा"}` + "\n")
	p := write(t, dir, "big.jsonl", buf.Bytes())
	items := collect(t, &Reader{}, p)
	if len(items) != 2 {
		t.Fatalf("got %d items, want 2", len(items))
	}
	if items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "longer than") {
		t.Errorf("got %v, want a too-long error", items[0].Err)
	}
	if items[1].Err != nil || items[1].Article.ID != "small" || items[1].Origin != p+":2" {
		t.Errorf("got %+v, want the small record from line 2", items[1])
	}
}

// TestHugeTextFileBoundedMemory feeds a text file far over the document
// limit and checks that it is refused without being read into memory.
func TestHugeTextFileBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 200 MB file")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("यह एक बहुत लंबी फ़ाइल है।\n"), 1<<14)
	for written := 0; written < 200<<20; written += len(chunk) {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	items := collect(t, &Reader{}, p)
	runtime.ReadMemStats(&after)
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "larger than") {
		t.Fatalf("got %+v, want one too-large error", items)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 3*MaxDocumentBytes {
		t.Errorf("allocated %d MB reading a refused file, want at most %d MB", grew>>20, 3*MaxDocumentBytes>>20)
	}
}

func TestFilesWalksFolders(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b/two.txt", []byte("दो"))
	write(t, dir, "a/one.txt", []byte("एक"))
	write(t, dir, "a/.hidden/x.txt", []byte("छिपा"))
	write(t, dir, "README.md", []byte("notes"))
	files, errs := Files([]string{dir, filepath.Join(dir, "missing.txt"), "-"})
	want := []string{filepath.Join(dir, "a/one.txt"), filepath.Join(dir, "b/two.txt"), "-"}
	if strings.Join(files, ",") != strings.Join(want, ",") {
		t.Errorf("got files %q, want %q", files, want)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "missing.txt") {
		t.Errorf("got errors %v, want one naming missing.txt", errs)
	}
}

func TestGzipAndStdin(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("<html><body><p>गुजरात में बारिश</p></body></html>"))
	zw.Close()
	p := write(t, dir, "page.html.gz", buf.Bytes())
	items := collect(t, &Reader{}, p)
	if len(items) != 1 || items[0].Err != nil || items[0].Format != HTML {
		t.Fatalf("got %+v, want one HTML item", items)
	}
	r := &Reader{Stdin: strings.NewReader(`{"id":"s1","title":"स्टडिन"}`)}
	items = collect(t, r, "-")
	if len(items) != 1 || items[0].Article == nil || items[0].Origin != "-:1" {
		t.Fatalf("got %+v, want one JSONL record from stdin", items)
	}
	items = collect(t, &Reader{}, "-")
	if len(items) != 1 || items[0].Err == nil {
		t.Errorf("got %+v, want an error when stdin is not available", items)
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2025-11-18T10:30:00+05:30", time.Date(2025, 11, 18, 5, 0, 0, 0, time.UTC)},
		{"2025-11-18T05:00:00Z", time.Date(2025, 11, 18, 5, 0, 0, 0, time.UTC)},
		{"2025-11-18 10:30:00", time.Date(2025, 11, 18, 5, 0, 0, 0, time.UTC)},
		{"2025-11-18", time.Date(2025, 11, 17, 18, 30, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseTime(tt.in)
			if err != nil || !got.Equal(tt.want) {
				t.Errorf("got %v, %v, want %v", got, err, tt.want)
			}
		})
	}
	if _, err := ParseTime("18 नवंबर"); err == nil {
		t.Error("got no error for a year-less Hindi date, want one")
	}
}

func FuzzParseRecord(f *testing.F) {
	f.Add([]byte(`{"id":"a","title":"शीर्षक","text":"x\n\ny","published":"2025-01-01"}`))
	f.Add([]byte(`{"title":1}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := ParseRecord(b)
		if err == nil && a == nil {
			t.Fatal("nil article without error")
		}
	})
}
