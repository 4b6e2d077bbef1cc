// Command gen rebuilds the transliteration tables that package translit
// embeds, from the Dakshina Hindi lexicon's training split and the
// gazetteer name lists (see tables/README.md) in the shared data directory:
//
//	go generate ./internal/translit
//	go run ./internal/translit/gen -out internal/translit/tables/hi.gz
//
// -words adds a Devanagari word list to the character model and as a
// word-level prior (a candidate in the list gets a bonus). None is shipped:
// a permissively licensed Hindi list of our own was not available, and a
// list copied from elsewhere would not belong in the repository. A 12,683-
// word list raised Dakshina test top-5 from 75.6% to 77.2%.
//
// -news also trains on the NEWS 2012 EnHi training names. That file has no
// licence (evaluation only), so tables built with it are for measurement
// and must not be shipped: score them with "khabar eval translit --tables".
//
// The shared data directory is -shared, else $KHABAR_SHARED_DATA, else
// ../shared/data beside the repository root. With -dev it also scores the
// new tables on the Dakshina dev split and on the held-out tenth of the
// name words (tune there, never on test).
package main

import (
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/khabar-news/khabar/internal/translit"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Getenv("KHABAR_SHARED_DATA"), os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, sharedEnv string, stdout io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	opt := translit.DefaultTrainOptions()
	shared := fs.String("shared", sharedEnv, "shared data directory (default ../shared/data beside the repository root)")
	out := fs.String("out", "", "write the tables here (default: print sizes only)")
	dev := fs.Bool("dev", false, "score the tables on the Dakshina dev split")
	fs.IntVar(&opt.Order, "order", opt.Order, "n-gram order")
	fs.IntVar(&opt.MaxSrc, "maxsrc", opt.MaxSrc, "longest Latin chunk")
	fs.IntVar(&opt.MaxTgt, "maxtgt", opt.MaxTgt, "longest Devanagari chunk")
	fs.IntVar(&opt.Iterations, "iter", opt.Iterations, "EM iterations")
	fs.IntVar(&opt.MinCount, "mincount", opt.MinCount, "drop top-order n-grams seen fewer times")
	names := fs.Bool("names", true, "also learn from the gazetteer name lists (see tables/README.md)")
	nameWeight := fs.Int("nameweight", 2, "weight of one name word pair (a Dakshina pair weighs its annotator count)")
	words := fs.String("words", "", "a Devanagari word list, one word a line (gzip'd when it ends in .gz)")
	news := fs.Bool("news", false, "also learn from the NEWS 2012 EnHi training names (no licence: for measurement only, never for the shipped tables)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *shared == "" {
		root, err := repoRoot()
		if err != nil {
			return err
		}
		*shared = filepath.Join(root, "..", "shared", "data")
	}
	dir := filepath.Join(*shared, "translit", "dakshina-hi-lexicon")
	train, err := readDakshina(filepath.Join(dir, "hi.translit.sampled.train.tsv"))
	if err != nil {
		return err
	}
	var nameDev []translit.Pair
	if *names {
		nameTrain, dev, err := namePairs(*shared, *nameWeight)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "name word pairs: %d to train on, %d held out\n", len(nameTrain), len(dev))
		train = append(train, nameTrain...)
		nameDev = dev
	}
	if *news {
		p, err := newsPairs(*shared, *nameWeight)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "NEWS 2012 training word pairs: %d (measurement only: do not ship these tables)\n", len(p))
		train = append(train, p...)
	}
	if *words != "" {
		if opt.Lexicon, err = readWordList(*words); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "word list: %d words\n", len(opt.Lexicon))
	}
	start := time.Now()
	m, err := translit.Train(train, opt)
	if err != nil {
		return err
	}
	shown := opt
	shown.Lexicon = nil
	fmt.Fprintf(stdout, "trained on %d pairs and %d lexicon words in %s (%+v, names %v weight %d)\n", len(train), len(opt.Lexicon), time.Since(start).Round(time.Millisecond), shown, *names, *nameWeight)
	if *out != "" {
		if err := writeTables(m, *out); err != nil {
			return err
		}
		st, err := os.Stat(*out)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", *out, st.Size())
	}
	if *dev {
		if err := ctx.Err(); err != nil {
			return err
		}
		pairs, err := readDakshina(filepath.Join(dir, "hi.translit.sampled.dev.tsv"))
		if err != nil {
			return err
		}
		start := time.Now()
		s := m.Evaluate(translit.DakshinaItems(pairs), 5, nil)
		fmt.Fprintf(stdout, "dakshina dev: %d items, top-1 %.2f%%, top-5 %.2f%%, MRR %.3f, key recall %.2f%% (%s)\n",
			s.Items, 100*s.Acc1, 100*s.AccK, s.MRR, 100*s.KeyRecall, time.Since(start).Round(time.Millisecond))
		if nameDev == nil {
			if _, nameDev, err = namePairs(*shared, 1); err != nil {
				return err
			}
		}
		s = m.Evaluate(translit.DakshinaItems(nameDev), 5, nil)
		fmt.Fprintf(stdout, "names dev (held-out gazetteer words): %d items, top-1 %.2f%%, top-5 %.2f%%, MRR %.3f, key recall %.2f%%\n",
			s.Items, 100*s.Acc1, 100*s.AccK, s.MRR, 100*s.KeyRecall)
	}
	return nil
}

// newsPairs reads the NEWS 2012 EnHi training names and splits each
// accepted transliteration into word pairs of weight w.
func newsPairs(shared string, w int) ([]translit.Pair, error) {
	path := filepath.Join(shared, "translit", "news2012-enhi", "NEWS2012-Training-EnHi-13937.xml")
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names, err := translit.ReadNEWS(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []translit.Pair
	for _, n := range names {
		for _, t := range n.Targets {
			out = append(out, translit.SplitNamePair(n.Source, t, w)...)
		}
	}
	return out, nil
}

func readDakshina(path string) ([]translit.Pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p, err := translit.ReadDakshina(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

// readWordList reads one word a line, from a gzip'd file when path ends
// in .gz.
func readWordList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	b, err := io.ReadAll(io.LimitReader(r, maxSourceBytes))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return strings.Fields(string(b)), nil
}

func writeTables(m *translit.Model, path string) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := m.WriteTo(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}

// repoRoot walks up from the working directory to the directory holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("repository root (go.mod) not found; pass -shared")
		}
		dir = parent
	}
}
