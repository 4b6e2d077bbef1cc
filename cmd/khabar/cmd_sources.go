package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/sqlite"
)

// Bounds on a source's --interval.
const (
	minSourceInterval = time.Minute
	maxSourceInterval = 30 * 24 * time.Hour
)

// langCode is what --lang and an OPML language attribute accept: an ISO
// 639 code, optionally with a region ("hi", "hi-IN"); stored lower case
// without the region.
var langCode = regexp.MustCompile(`^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$`)

const sourcesUsage = `usage:
  khabar sources add URL [--name N] [--lang L] [--kind auto|feed|sitemap|site] [--allow-private] [--interval 15m]
  khabar sources list [--json]
  khabar sources rm ID|URL
  khabar sources import [--lang L] FILE.opml|-`

func runSources(ctx context.Context, c *cli, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(c.stdout, sourcesUsage)
		return nil
	}
	sub := map[string]func(context.Context, *cli, []string) error{
		"add": sourcesAdd, "list": sourcesList, "ls": sourcesList,
		"rm": sourcesRemove, "remove": sourcesRemove, "import": sourcesImport,
	}[args[0]]
	if sub == nil {
		return exitError{code: 2, msg: fmt.Sprintf("sources: unknown subcommand %q\n%s", args[0], sourcesUsage)}
	}
	return sub(ctx, c, args[1:])
}

// openSources opens the store of the data directory. Only the store: the
// sources commands do not need the index, and so work while a server holds
// it.
func (c *cli) openSources(ctx context.Context) (*sqlite.Store, error) {
	return sqlite.Open(ctx, c.data)
}

// normLang checks a language code and returns its stored form.
func normLang(l string) (string, error) {
	if l == "" {
		return "", nil
	}
	if !langCode.MatchString(l) {
		return "", fmt.Errorf("language %q is not an ISO 639 code like hi or en", l)
	}
	l = strings.ToLower(l)
	if i := strings.IndexAny(l, "-_"); i > 0 {
		l = l[:i]
	}
	return l, nil
}

func sourcesAdd(ctx context.Context, c *cli, args []string) error {
	fs := c.newFlags("sources add")
	name := fs.String("name", "", "display name (default: the host)")
	lang := fs.String("lang", "", "expected language, ISO 639-1 (hi)")
	kind := fs.String("kind", "auto", "auto, feed, sitemap or site")
	allowPrivate := fs.Bool("allow-private", false, "let the fetcher reach private and loopback addresses for this source")
	interval := fs.Duration("interval", 0, "polling interval (default: adaptive)")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return exitError{code: 2, msg: "sources add: want exactly one URL\n" + sourcesUsage}
	}
	src, err := newSource(pos[0], *name, *lang, *kind)
	if err != nil {
		return exitError{code: 2, msg: "sources add: " + err.Error()}
	}
	if *interval != 0 && (*interval < minSourceInterval || *interval > maxSourceInterval) {
		return exitError{code: 2, msg: fmt.Sprintf("sources add: interval %s is outside %s–%s", *interval, minSourceInterval, "720h")}
	}
	src.Interval = *interval
	src.AllowPrivate = *allowPrivate
	st, err := c.openSources(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	added, err := st.AddSource(ctx, src)
	if errors.Is(err, news.ErrExists) {
		if old, ferr := findSource(ctx, st, src.URL); ferr == nil {
			return fmt.Errorf("sources add: %s is already source %d (%s) in %s", src.URL, old.ID, displayName(old), c.data)
		}
		return fmt.Errorf("sources add: %w", err)
	}
	if err != nil {
		return fmt.Errorf("sources add: %w", err)
	}
	fmt.Fprintf(c.stdout, "added source %d: %s <%s> (kind %s)\n", added.ID, displayName(added), added.URL, added.Kind)
	return nil
}

// newSource checks a URL, name, language and kind as given on the command
// line or in an OPML file and returns the source they describe.
func newSource(rawURL, name, lang, kind string) (*news.Source, error) {
	u, err := news.CanonicalSourceURL(rawURL)
	if err != nil {
		return nil, err
	}
	k := news.SourceKind(strings.ToLower(kind))
	if !k.Known() {
		return nil, fmt.Errorf("kind %q: want auto, feed, sitemap or site", kind)
	}
	l, err := normLang(lang)
	if err != nil {
		return nil, err
	}
	name = strings.Join(strings.Fields(name), " ")
	if !utf8.ValidString(name) {
		return nil, fmt.Errorf("name %q is not valid UTF-8", name)
	}
	if len(name) > 512 {
		return nil, fmt.Errorf("name is %d bytes, more than 512", len(name))
	}
	return &news.Source{URL: u, Kind: k, Name: name, Language: l}, nil
}

// displayName is a source's name, or its host when it has none.
func displayName(s *news.Source) string {
	if s.Name != "" {
		return s.Name
	}
	if u, err := url.Parse(s.URL); err == nil && u.Host != "" {
		return u.Host
	}
	return s.URL
}

func sourcesList(ctx context.Context, c *cli, args []string) error {
	fs := c.newFlags("sources list")
	asJSON := fs.Bool("json", false, "print the sources as a JSON array")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return exitError{code: 2, msg: "sources list: takes no arguments"}
	}
	st, err := c.openSources(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.ListSources(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.stdout, list)
	}
	if len(list) == 0 {
		fmt.Fprintln(c.stdout, "no sources; add one with: khabar sources add URL")
		return nil
	}
	printSources(c.stdout, list, time.Now())
	return nil
}

// printSources writes a table of sources, one line each, columns padded by
// display width so that Devanagari names line up.
func printSources(w io.Writer, list []news.Source, now time.Time) {
	rows := [][]string{{"ID", "NAME", "KIND", "LANG", "LAST SUCCESS", "LAST ERROR", "ITEMS/DAY", "NEXT POLL", "DISABLED"}}
	for i := range list {
		s := &list[i]
		h := &s.Health
		kind := string(s.Kind)
		if kind == "" {
			kind = string(news.SourceAuto)
		}
		lastErr := "-"
		if h.LastError != "" {
			lastErr = clipWidth(strings.Join(strings.Fields(h.LastError), " "), 40)
			if !h.LastErrorAt.IsZero() {
				lastErr = shortTime(h.LastErrorAt) + " " + lastErr
			}
		}
		rate := "-"
		if h.ItemsPerDay > 0 {
			rate = strconv.FormatFloat(h.ItemsPerDay, 'f', 1, 64)
		}
		next := "due"
		if s.Disabled {
			next = "-"
		} else if !h.NextPoll.IsZero() && h.NextPoll.After(now) {
			next = shortTime(h.NextPoll)
		}
		disabled := "-"
		if s.Disabled {
			disabled = "yes"
			if s.DisabledReason != "" {
				disabled += ": " + clipWidth(s.DisabledReason, 30)
			}
		}
		rows = append(rows, []string{
			strconv.FormatInt(s.ID, 10), clipWidth(displayName(s), 28), kind, orDash(s.Language),
			orDash(shortTime(h.LastSuccess)), lastErr, rate, next, disabled,
		})
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for j, cell := range r {
			widths[j] = max(widths[j], displayWidth(cell))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		b.Reset()
		for j, cell := range r {
			b.WriteString(cell)
			if j < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[j]-displayWidth(cell)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	fmt.Fprintln(w, "(times in UTC)")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// shortTime formats t as "2006-01-02 15:04" in UTC, or "" when zero.
func shortTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04")
}

// displayWidth approximates how many terminal columns s takes: non-spacing
// marks (virama, nukta, most vowel signs above and below) and format
// characters (ZWJ, ZWNJ) take none.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	return 1
}

// clipWidth shortens s to at most w display columns, ending with "…". It
// cuts only between syllables: never before a mark, nor after a virama or
// ZWJ, so a Devanagari conjunct or vowel sign is never split.
func clipWidth(s string, w int) string {
	if displayWidth(s) <= w {
		return s
	}
	cut, n := 0, 0
	var prev rune
	for i, r := range s {
		boundary := i > 0 && !unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me, unicode.Cf) &&
			prev != '\u094D' && prev != '\u200D'
		if boundary {
			if n > w-1 {
				break
			}
			cut = i
		}
		n += runeWidth(r)
		prev = r
	}
	return s[:cut] + "…"
}

func sourcesRemove(ctx context.Context, c *cli, args []string) error {
	fs := c.newFlags("sources rm")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return exitError{code: 2, msg: "sources rm: want exactly one source ID or URL"}
	}
	st, err := c.openSources(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	src, err := findSource(ctx, st, pos[0])
	if err != nil {
		return fmt.Errorf("sources rm: %w in %s", err, c.data)
	}
	if err := st.RemoveSource(ctx, src.ID); err != nil {
		return fmt.Errorf("sources rm: %w", err)
	}
	fmt.Fprintf(c.stdout, "removed source %d: %s <%s>\n", src.ID, displayName(src), src.URL)
	return nil
}

// findSource looks a source up by its ID or, failing that, by its URL.
func findSource(ctx context.Context, st *sqlite.Store, arg string) (*news.Source, error) {
	if id, err := strconv.ParseInt(arg, 10, 64); err == nil {
		src, err := st.Source(ctx, id)
		if errors.Is(err, news.ErrNotFound) {
			return nil, fmt.Errorf("no source with ID %d", id)
		}
		return src, err
	}
	u, err := news.CanonicalSourceURL(arg)
	if err != nil {
		return nil, fmt.Errorf("%q is neither a source ID nor a URL: %w", arg, err)
	}
	list, err := st.ListSources(ctx)
	if err != nil {
		return nil, err
	}
	for i := range list {
		if list[i].URL == u {
			return &list[i], nil
		}
	}
	return nil, fmt.Errorf("no source with URL %s", u)
}

func sourcesImport(ctx context.Context, c *cli, args []string) error {
	fs := c.newFlags("sources import")
	lang := fs.String("lang", "", "language for outlines that do not give one, ISO 639-1 (hi)")
	pos, err := c.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return exitError{code: 2, msg: "sources import: want exactly one OPML file (or - for stdin)"}
	}
	if _, err := normLang(*lang); err != nil {
		return exitError{code: 2, msg: "sources import: --lang: " + err.Error()}
	}
	name := pos[0]
	var r io.Reader
	if name == "-" {
		if c.env.Stdin == nil {
			return errors.New("sources import: no standard input")
		}
		r, name = c.env.Stdin, "stdin"
	} else {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("sources import: %w", err)
		}
		defer f.Close()
		r = f
	}
	entries, err := parseOPML(r)
	if err != nil {
		return fmt.Errorf("sources import: %s: %w", name, err)
	}
	st, err := c.openSources(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	var imported, dups, failed int
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		label := e.Name
		if label == "" {
			label = e.URL
		}
		fail := func(msg string) {
			failed++
			fmt.Fprintf(c.stderr, "%s:%d: outline %q: %s\n", name, e.Line, clipWidth(label, 60), msg)
		}
		if e.Err != "" {
			fail(e.Err)
			continue
		}
		l := e.Language
		if l == "" {
			l = *lang
		}
		src, err := newSource(e.URL, e.Name, l, string(e.Kind))
		if err != nil {
			fail(err.Error())
			continue
		}
		_, err = st.AddSource(ctx, src)
		switch {
		case errors.Is(err, news.ErrExists):
			dups++
		case err != nil:
			fail(err.Error())
		default:
			imported++
		}
	}
	fmt.Fprintf(c.stdout, "imported %d, duplicates %d, failed %d\n", imported, dups, failed)
	if failed > 0 {
		return exitError{code: 1}
	}
	return nil
}
