package extracteval

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Dataset names accepted by Load.
const (
	Zyte        = "zyte"
	Trafilatura = "trafilatura"
	HTMLDate    = "htmldate"
)

// Datasets lists the dataset names in the order "all" runs them.
var Datasets = []string{Zyte, Trafilatura, HTMLDate}

// MaxPageBytes bounds the decompressed size of one page; a larger page is
// an error naming the file. It is above extract.MaxHTMLBytes so that the
// extractor's own limit is what a real oversize page meets.
const MaxPageBytes = 32 << 20

// maxTruthBytes bounds a ground-truth JSON file.
const maxTruthBytes = 64 << 20

// ErrUnknownDataset is returned by Load for a name not in Datasets.
var ErrUnknownDataset = errors.New("unknown dataset")

// Page is one benchmark page and its ground truth. Fields a dataset does
// not label are empty.
type Page struct {
	ID   string // file name without .gz, or the benchmark's id
	URL  string // where the page was fetched from
	Path string // the gzip-compressed HTML

	Body    string   // zyte: the annotated article body
	With    []string // trafilatura: segments the text must contain
	Without []string // trafilatura: segments it must not contain
	Title   string   // trafilatura: the title, when labelled
	Author  string   // trafilatura: the author(s), when labelled
	Date    string   // trafilatura, htmldate: publication day YYYY-MM-DD
}

// Half returns "dev" or "held-out": a fixed split of pages by the FNV-1a
// hash of their ID (even → dev). Tuning looks at dev pages only.
func (p Page) Half() string {
	h := fnv.New32a()
	h.Write([]byte(p.ID))
	if h.Sum32()%2 == 0 {
		return "dev"
	}
	return "held-out"
}

// Dataset is a named list of pages in a fixed order (sorted by ID).
type Dataset struct {
	Name  string
	Pages []Page
}

// Load reads the named dataset from dir, the "extraction" folder of the
// shared data (holding zyte-article-benchmark/, trafilatura-eval/ and
// htmldate-eval/). It reads only the ground truth; pages are read later by
// ReadPage. An unknown name wraps ErrUnknownDataset.
func Load(dir, name string) (*Dataset, error) {
	var (
		pages []Page
		err   error
	)
	switch name {
	case Zyte:
		pages, err = loadZyte(filepath.Join(dir, "zyte-article-benchmark"))
	case Trafilatura:
		pages, err = loadTrafilatura(filepath.Join(dir, "trafilatura-eval"))
	case HTMLDate:
		pages, err = loadHTMLDate(dir)
	default:
		return nil, fmt.Errorf("load %q: %w (have %s)", name, ErrUnknownDataset, strings.Join(Datasets, ", "))
	}
	if err != nil {
		return nil, err
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return &Dataset{Name: name, Pages: pages}, nil
}

func loadZyte(dir string) ([]Page, error) {
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := readJSON(filepath.Join(dir, "ground-truth.json"), &gt); err != nil {
		return nil, err
	}
	pages := make([]Page, 0, len(gt))
	for id, g := range gt {
		pages = append(pages, Page{ID: id, URL: g.URL, Path: filepath.Join(dir, "html", id+".html.gz"), Body: g.ArticleBody})
	}
	return pages, nil
}

func loadTrafilatura(dir string) ([]Page, error) {
	var gt map[string]struct {
		File    string     `json:"file"`
		With    []string   `json:"with"`
		Without []string   `json:"without"`
		Title   flexString `json:"title"`
		Author  flexString `json:"author"`
		Date    flexString `json:"date"`
	}
	if err := readJSON(filepath.Join(dir, "evaldata.json"), &gt); err != nil {
		return nil, err
	}
	pages := make([]Page, 0, len(gt))
	for u, g := range gt {
		if g.File == "" {
			return nil, fmt.Errorf("%s: entry %q has no file", filepath.Join(dir, "evaldata.json"), u)
		}
		pages = append(pages, Page{
			ID: g.File, URL: u, Path: filepath.Join(dir, "html", g.File+".gz"),
			With: g.With, Without: g.Without, Title: string(g.Title), Author: string(g.Author), Date: string(g.Date),
		})
	}
	return pages, nil
}

func loadHTMLDate(dir string) ([]Page, error) {
	var gt map[string]struct {
		File string  `json:"file"`
		Date *string `json:"date"`
		Path string  `json:"path"`
	}
	name := filepath.Join(dir, "htmldate-eval", "expected-dates.json")
	// Python's json wrote a page without a date as NaN, which is not JSON.
	if err := readJSONNaN(name, &gt); err != nil {
		return nil, err
	}
	pages := make([]Page, 0, len(gt))
	for u, g := range gt {
		if g.Path == "" || filepath.IsAbs(g.Path) || strings.Contains(g.Path, "..") {
			return nil, fmt.Errorf("%s: entry %q has a bad path %q", name, u, g.Path)
		}
		p := Page{ID: g.File, URL: u, Path: filepath.Join(dir, filepath.FromSlash(g.Path))}
		if g.Date != nil {
			p.Date = *g.Date
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// readJSON decodes the JSON file name into v, refusing files over
// maxTruthBytes.
func readJSON(name string, v any) error { return readJSONFile(name, v, false) }

// readJSONNaN is readJSON for a file in which Python wrote missing values
// as the bare value NaN: those are read as null.
func readJSONNaN(name string, v any) error { return readJSONFile(name, v, true) }

func readJSONFile(name string, v any, nan bool) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("read ground truth: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxTruthBytes+1))
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	if len(b) > maxTruthBytes {
		return fmt.Errorf("read %s: larger than %d MiB", name, maxTruthBytes>>20)
	}
	if nan {
		b = bytes.ReplaceAll(b, []byte(": NaN"), []byte(": null"))
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// ReadPage returns the decompressed HTML of p. A page over MaxPageBytes is
// an error naming its file.
func ReadPage(p Page) ([]byte, error) {
	f, err := os.Open(p.Path)
	if err != nil {
		return nil, fmt.Errorf("read page: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", p.Path, err)
	}
	b, err := io.ReadAll(io.LimitReader(zr, MaxPageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", p.Path, err)
	}
	if len(b) > MaxPageBytes {
		return nil, fmt.Errorf("gunzip %s: larger than %d MiB", p.Path, MaxPageBytes>>20)
	}
	return b, nil
}

// flexString reads a JSON string, or an array of strings joined with
// "; " (how evaldata.json lists several authors), or null.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*f = flexString(s)
		return nil
	}
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return fmt.Errorf("want a string or a list of strings: %w", err)
	}
	*f = flexString(strings.Join(list, "; "))
	return nil
}
