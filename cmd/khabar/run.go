package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// environment is everything run takes from the process besides arguments:
// read once in main, so nothing below reads env vars or globals.
type environment struct {
	Data       string    // KHABAR_DATA; empty means ./khabar-data
	APIToken   string    // KHABAR_API_TOKEN: the bearer token for API writes
	SharedData string    // KHABAR_SHARED_DATA: the public evaluation data
	Stdin      io.Reader // for "-" inputs
	Term       bool      // stderr is an interactive terminal: show progress bars
}

const defaultDataDir = "khabar-data"

// exitError carries an exit status. An empty msg means the failure was
// already reported (per-item errors, a summary line).
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// command is one subcommand.
type command struct {
	name    string
	args    string
	summary string
	run     func(ctx context.Context, c *cli, args []string) error
}

// cli holds what every subcommand needs.
type cli struct {
	env    environment
	stdout io.Writer
	stderr io.Writer
	data   string
}

func commands() []command {
	return []command{
		{"extract", "[--json] [--format auto|text|html] [--url URL] FILE|-", "extract one article from scraped text or HTML and print it", runExtract},
		{"ingest", "[--format auto|text|html|jsonl|warc] PATH...", "extract and store files, folders (recursively), WARC archives and - (stdin)", runIngest},
		{"search", "[--json] [--limit N] [--offset N] QUERY", "search the archive (words AND, \"phrases\", -exclude, source: lang: from: to:)", runSearch},
		{"show", "[--json] ID", "print one stored article", runShow},
		{"reindex", "", "rebuild the search index from the store", runReindex},
		{"translit", "[--n 5] [--json] WORD...", "Devanagari candidates for Latin words; romanization and matching key for Devanagari", runTranslit},
		{"eval", "SUBJECT [flags]", "score quality on ../shared/data (subjects: extract, search, translit)", runEval},
		{"serve", "[--addr 127.0.0.1:8080] [--private]", "serve the search page and the JSON API (writes need KHABAR_API_TOKEN)", runServe},
		{"demo", "[--addr 127.0.0.1:8080] [--data DIR]", "serve the shipped samples (in a temporary data directory)", runDemo},
		{"sources", "add|list|rm|import [flags] [args]", "manage the feeds, sitemaps and sites khabar polls (import reads OPML)", runSources},
		{"crawl", "[--allow-private] [--archive DIR] [--max-items N] [--json]", "poll every source once and store the new articles", runCrawl},
		{"bench", "serve [--articles 100000] [--clients 8] [--duration 30s] [--data DIR] [--json]", "load-test the HTTP search API on a synthetic store built from ../shared/data", runBench},
	}
}

// run is the whole program: it parses args, runs one subcommand, and
// returns its error. Only main turns that into an exit status.
func run(ctx context.Context, args []string, env environment, stdout, stderr io.Writer) error {
	c := &cli{env: env, stdout: stdout, stderr: stderr, data: env.Data}
	if c.data == "" {
		c.data = defaultDataDir
	}
	global := flag.NewFlagSet("khabar", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	global.StringVar(&c.data, "data", c.data, "data directory")
	if err := global.Parse(args); err != nil {
		return usageError(stderr, err)
	}
	args = global.Args()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printUsage(stdout)
		return nil
	}
	for _, cmd := range commands() {
		if cmd.name == args[0] {
			return cmd.run(ctx, c, args[1:])
		}
	}
	return usageError(stderr, fmt.Errorf("unknown command %q", args[0]))
}

func usageError(stderr io.Writer, err error) error {
	printUsage(stderr)
	return exitError{code: 2, msg: err.Error()}
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "khabar — clean, store and search Hindi news")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "usage: khabar [--data DIR] COMMAND [flags] [args]")
	fmt.Fprintln(w)
	cmds := commands()
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].name < cmds[j].name })
	for _, cmd := range cmds {
		fmt.Fprintf(w, "  %-8s %s\n           %s\n", cmd.name, cmd.args, cmd.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "The data directory is --data, else $KHABAR_DATA, else ./%s.\n", defaultDataDir)
}

// newFlags returns a flag set for a subcommand that also accepts --data.
func (c *cli) newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("khabar "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.data, "data", c.data, "data directory")
	return fs
}

// parse parses flags that may stand before, between or after positional
// arguments. Everything after a literal "--" is positional, so a query
// such as "-पुतिन जयशंकर" can be given as: khabar search -- -पुतिन जयशंकर
func (c *cli) parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for i, a := range args {
		if a == "--" {
			rest = args[i+1:]
			args = args[:i]
			break
		}
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitError{code: 2, msg: fmt.Sprintf("usage: %s", fs.Name())}
			}
			return nil, exitError{code: 2, msg: fmt.Sprintf("%s: %v", fs.Name(), err)}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	return append(pos, rest...), nil
}

// plural formats a count with its noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
