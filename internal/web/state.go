package web

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/index"
	"github.com/khabar-news/khabar/internal/search"
)

// PageSize is the number of hits on one search page.
const PageSize = 10

// maxPage bounds ?page= so that offset+limit stays inside the index window.
const maxPage = index.MaxWindow / PageSize

// maxFilterValues bounds the source= and lang= values of one request.
const maxFilterValues = 20

// searchState is everything a search page shows, as carried by its URL:
// the typed query, the chosen filters, the sort and the page. Its URL is
// the shareable address of the search.
type searchState struct {
	Q       string
	Sources []string
	Langs   []string
	From    string // YYYY-MM-DD or ""
	To      string
	Newest  bool
	Page    int // 1-based
}

// parseState reads the state from URL parameters. It fails with a message
// a person can act on when a parameter is malformed.
func parseState(v url.Values) (searchState, error) {
	st := searchState{Q: strings.TrimSpace(v.Get("q")), Page: 1}
	for name, vals := range v {
		for _, x := range vals {
			if !utf8.ValidString(x) {
				return st, fmt.Errorf("%s= is not valid UTF-8 text", name)
			}
		}
	}
	for _, name := range []string{"source", "lang"} {
		vals := v[name]
		if len(vals) > maxFilterValues {
			return st, fmt.Errorf("too many %s= values (%d, at most %d)", name, len(vals), maxFilterValues)
		}
		for _, x := range vals {
			x = strings.TrimSpace(x)
			if x == "" {
				continue
			}
			if strings.ContainsRune(x, '"') {
				return st, fmt.Errorf("%s=%q: a quote cannot be part of the name", name, x)
			}
			if name == "source" {
				st.Sources = appendUnique(st.Sources, x)
			} else {
				st.Langs = appendUnique(st.Langs, strings.ToLower(x))
			}
		}
	}
	for _, d := range []struct {
		name string
		dst  *string
	}{{"from", &st.From}, {"to", &st.To}} {
		x := strings.TrimSpace(v.Get(d.name))
		if x == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", x); err != nil {
			return st, fmt.Errorf("%s=%q is not a date; want YYYY-MM-DD, e.g. 2025-11-18", d.name, x)
		}
		*d.dst = x
	}
	switch s := v.Get("sort"); s {
	case "", "relevance":
	case "newest":
		st.Newest = true
	default:
		return st, fmt.Errorf("sort=%q: want relevance or newest", s)
	}
	if p := v.Get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > maxPage {
			return st, fmt.Errorf("page=%q: want a number from 1 to %d", p, maxPage)
		}
		st.Page = n
	}
	return st, nil
}

func appendUnique(xs []string, x string) []string {
	for _, y := range xs {
		if strings.EqualFold(x, y) {
			return xs
		}
	}
	return append(xs, x)
}

// Query returns the query the searcher runs: the typed query with the
// chosen filters appended in the query syntax.
func (st searchState) Query() string {
	parts := []string{}
	if st.Q != "" {
		parts = append(parts, st.Q)
	}
	for _, s := range st.Sources {
		parts = append(parts, `source:"`+s+`"`)
	}
	for _, l := range st.Langs {
		parts = append(parts, "lang:"+l)
	}
	if st.From != "" {
		parts = append(parts, "from:"+st.From)
	}
	if st.To != "" {
		parts = append(parts, "to:"+st.To)
	}
	return strings.Join(parts, " ")
}

// Empty reports whether there is nothing to search for.
func (st searchState) Empty() bool {
	return st.Q == "" && len(st.Sources) == 0 && len(st.Langs) == 0 && st.From == "" && st.To == ""
}

// Options returns the search options of the state's page.
func (st searchState) Options(facets int) search.Options {
	return search.Options{Limit: PageSize, Offset: (st.Page - 1) * PageSize, Newest: st.Newest, FacetSize: facets}
}

// URL returns the address of the state, with parameters in a fixed order
// and defaults left out.
func (st searchState) URL() string {
	v := url.Values{}
	if st.Q != "" {
		v.Set("q", st.Q)
	}
	for _, s := range st.Sources {
		v.Add("source", s)
	}
	for _, l := range st.Langs {
		v.Add("lang", l)
	}
	if st.From != "" {
		v.Set("from", st.From)
	}
	if st.To != "" {
		v.Set("to", st.To)
	}
	if st.Newest {
		v.Set("sort", "newest")
	}
	if st.Page > 1 {
		v.Set("page", strconv.Itoa(st.Page))
	}
	if len(v) == 0 {
		return "/"
	}
	return "/?" + v.Encode()
}

// WithPage returns the state on page n.
func (st searchState) WithPage(n int) searchState {
	st.Page = n
	return st
}

// WithNewest returns the state sorted by date (or by relevance), on page 1.
func (st searchState) WithNewest(newest bool) searchState {
	st.Newest, st.Page = newest, 1
	return st
}

// ToggleSource returns the state with the source filter added, or removed
// when it is there (compared after index.KeywordValue), on page 1.
func (st searchState) ToggleSource(name string) searchState {
	st.Sources, st.Page = toggle(st.Sources, name), 1
	return st
}

// ToggleLang is ToggleSource for languages.
func (st searchState) ToggleLang(code string) searchState {
	st.Langs, st.Page = toggle(st.Langs, code), 1
	return st
}

// WithoutDates returns the state without a date range, on page 1.
func (st searchState) WithoutDates() searchState {
	st.From, st.To, st.Page = "", "", 1
	return st
}

func toggle(xs []string, x string) []string {
	k := index.KeywordValue(x)
	out := slices.DeleteFunc(slices.Clone(xs), func(y string) bool { return index.KeywordValue(y) == k })
	if len(out) == len(xs) {
		out = append(out, x)
	}
	return out
}

// hasSource reports whether the state filters by the source.
func (st searchState) hasSource(name string) bool {
	return slices.ContainsFunc(st.Sources, func(y string) bool { return index.KeywordValue(y) == index.KeywordValue(name) })
}

func (st searchState) hasLang(code string) bool {
	return slices.ContainsFunc(st.Langs, func(y string) bool { return index.KeywordValue(y) == index.KeywordValue(code) })
}
