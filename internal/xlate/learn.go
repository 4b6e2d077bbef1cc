package xlate

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/khabar-news/khabar/internal/analysis"
)

// Word is one analyzed word of a sentence: the term the analyzer emits
// and the word as written.
type Word struct {
	Term, Surface string
}

// Parallel is one English sentence and its Hindi translation, analyzed.
type Parallel struct {
	English, Hindi []Word
}

// LearnOptions bound what Learn keeps. The zero value keeps everything
// seen once with any probability; DefaultLearnOptions are the tuned ones.
type LearnOptions struct {
	// Iterations of EM in each direction (0 means 10).
	Iterations int
	// MinCount is how many sentences an English term must occur in.
	MinCount int
	// MinProb is the least t(hindi|english) kept.
	MinProb float64
	// MinReverse is the least t(english|hindi) (the other direction's
	// model) kept: a pair both directions agree on is a translation, one
	// only the forward model likes is often a frequent Hindi word.
	MinReverse float64
	// MaxPer is the most renderings kept per English word (0 means
	// MaxPerWord).
	MaxPer int
}

// DefaultLearnOptions are the options learned.tsv is built with (tuned by
// cross-fitting on the dev half, see LEARNED.md).
var DefaultLearnOptions = LearnOptions{Iterations: 10, MinCount: 2, MinProb: 0.4, MinReverse: 0.2, MaxPer: 3}

// nullWord is the empty word IBM Model 1 lets any target word align to.
const nullWord = "\x00"

// Model1 learns word-translation probabilities t(target|source) from
// sentence pairs with IBM Model 1 (Brown et al., 1993): iterations of EM,
// each target word aligned to one source word or to the empty word. The
// result maps source → target → probability; it is deterministic for the
// same input.
func Model1(pairs [][2][]string, iterations int) map[string]map[string]float64 {
	if iterations <= 0 {
		iterations = 10
	}
	t := map[string]map[string]float64{}
	for _, p := range pairs {
		for _, s := range append([]string{nullWord}, p[0]...) {
			m := t[s]
			if m == nil {
				m = map[string]float64{}
				t[s] = m
			}
			for _, w := range p[1] {
				m[w] = 1
			}
		}
	}
	for s, m := range t { // uniform start
		for w := range m {
			m[w] = 1 / float64(len(t[s]))
		}
	}
	for range iterations {
		count := map[string]map[string]float64{}
		total := map[string]float64{}
		for _, p := range pairs {
			src := append([]string{nullWord}, p[0]...)
			for _, w := range p[1] {
				var z float64
				for _, s := range src {
					z += t[s][w]
				}
				if z == 0 {
					continue
				}
				for _, s := range src {
					c := t[s][w] / z
					m := count[s]
					if m == nil {
						m = map[string]float64{}
						count[s] = m
					}
					m[w] += c
					total[s] += c
				}
			}
		}
		for s, m := range count {
			for w, c := range m {
				t[s][w] = c / total[s]
			}
		}
	}
	delete(t, nullWord)
	return t
}

// Learn builds a Dictionary from parallel sentences with IBM Model 1 run
// in both directions. An English term is kept when it occurs in at least
// o.MinCount sentences; a Hindi term is kept as its rendering when
// t(hindi|english) ≥ o.MinProb and t(english|hindi) ≥ o.MinReverse, at
// most o.MaxPer of them, with weight t(hindi|english). Headwords and
// renderings are the most frequent way each term was written; a headword
// that does not look itself up again (Key) is left out, and so is a
// rendering that is not Devanagari.
func Learn(pairs []Parallel, o LearnOptions) *Dictionary {
	if o.MaxPer <= 0 {
		o.MaxPer = MaxPerWord
	}
	fwd := make([][2][]string, len(pairs))
	rev := make([][2][]string, len(pairs))
	sentences := map[string]int{}
	enSurface, hiSurface := surfaces{}, surfaces{}
	for i, p := range pairs {
		en, hi := terms(p.English, enSurface), terms(p.Hindi, hiSurface)
		fwd[i] = [2][]string{en, hi}
		rev[i] = [2][]string{hi, en}
		seen := map[string]bool{}
		for _, e := range en {
			if !seen[e] {
				seen[e] = true
				sentences[e]++
			}
		}
	}
	tf := Model1(fwd, o.Iterations)
	tr := Model1(rev, o.Iterations)
	d := &Dictionary{m: map[string][]Translation{}}
	for e, m := range tf {
		if sentences[e] < o.MinCount {
			continue
		}
		head := strings.ToLower(enSurface.best(e))
		if Key(head) != e {
			continue
		}
		type cand struct {
			h string
			p float64
		}
		var cs []cand
		for h, p := range m {
			if p >= o.MinProb && tr[h][e] >= o.MinReverse && devanagariWord(hiSurface.best(h)) {
				cs = append(cs, cand{h, p})
			}
		}
		slices.SortFunc(cs, func(a, b cand) int {
			if a.p != b.p {
				if a.p > b.p {
					return -1
				}
				return 1
			}
			return strings.Compare(a.h, b.h)
		})
		for i, c := range cs {
			if i == o.MaxPer {
				break
			}
			w := math.Round(c.p*1000) / 1000
			if w <= 0 {
				continue
			}
			d.setHead(e, head)
			d.add(e, Translation{Hindi: hiSurface.best(c.h), Weight: w})
		}
	}
	d.finish()
	return d
}

// surfaces counts how each term was written.
type surfaces map[string]map[string]int

// best returns the most frequent spelling of term (the smallest of equals).
func (s surfaces) best(term string) string {
	var out string
	n := 0
	for w, c := range s[term] {
		if c > n || c == n && w < out {
			out, n = w, c
		}
	}
	return out
}

// terms returns the terms of ws, counting their spellings in s.
func terms(ws []Word, s surfaces) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if w.Term == "" {
			continue
		}
		m := s[w.Term]
		if m == nil {
			m = map[string]int{}
			s[w.Term] = m
		}
		m[w.Surface]++
		out = append(out, w.Term)
	}
	return out
}

// Write writes d in the format Parse reads, headwords sorted, each
// rendering with its weight; it reports the first write error.
func (d *Dictionary) Write(w io.Writer, header string) error {
	bw := bufio.NewWriter(w)
	for _, l := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		if l != "" {
			fmt.Fprintf(bw, "# %s\n", l)
		}
	}
	if d != nil {
		keys := make([]string, 0, len(d.m))
		for k := range d.m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			parts := make([]string, len(d.m[k]))
			for i, t := range d.m[k] {
				parts[i] = t.Hindi + ":" + strconv.FormatFloat(t.Weight, 'f', -1, 64)
			}
			head := d.head[k]
			if head == "" {
				head = k
			}
			fmt.Fprintf(bw, "%s\t%s\n", head, strings.Join(parts, "|"))
		}
	}
	return bw.Flush()
}

// ParallelOf analyzes an English sentence and its Hindi translation for
// Learn: the English words with the analyzer's Latin rules minus question
// words (IsQuestionWord), the Hindi words as Hindi; stop words are gone.
func ParallelOf(an *analysis.Analyzer, english, hindi string) Parallel {
	var p Parallel
	for _, t := range an.Analyze(english, "en") {
		w := english[t.Start:t.End]
		if IsQuestionWord(w) {
			continue
		}
		p.English = append(p.English, Word{Term: t.Term, Surface: strings.ToLower(w)})
	}
	for _, t := range an.Analyze(hindi, "hi") {
		p.Hindi = append(p.Hindi, Word{Term: t.Term, Surface: hindi[t.Start:t.End]})
	}
	return p
}
