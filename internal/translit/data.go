package translit

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// maxDataBytes bounds what the dataset readers accept from one reader.
const maxDataBytes = 64 << 20

// ReadDakshina reads a Dakshina romanization lexicon in the form
// "latin<TAB>devanagari<TAB>count" per line (the column order of the
// shared copy, checked: the Latin word comes first). Blank lines are
// skipped; a malformed line is an error naming its number. At most 64 MiB
// is read.
func ReadDakshina(r io.Reader) ([]Pair, error) {
	sc := bufio.NewScanner(io.LimitReader(r, maxDataBytes))
	sc.Buffer(make([]byte, 4096), 1<<16)
	var pairs []Pair
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < 2 || len(f) > 3 {
			return nil, fmt.Errorf("dakshina line %d: want 2 or 3 tab-separated fields, got %d", line, len(f))
		}
		if !utf8.ValidString(s) {
			return nil, fmt.Errorf("dakshina line %d: invalid UTF-8", line)
		}
		p := Pair{Latin: f[0], Deva: f[1], Weight: 1}
		if hasDevanagari(p.Latin) && !hasDevanagari(p.Deva) {
			return nil, fmt.Errorf("dakshina line %d: Devanagari in the first column; the reader expects latin<TAB>devanagari", line)
		}
		if len(f) == 3 {
			w, err := strconv.Atoi(f[2])
			if err != nil || w < 0 {
				return nil, fmt.Errorf("dakshina line %d: bad count %q", line, f[2])
			}
			p.Weight = w
		}
		pairs = append(pairs, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read dakshina: %w", err)
	}
	return pairs, nil
}

// NamePair is one entry of a NEWS shared-task corpus: a Latin source name
// and its accepted Devanagari transliterations.
type NamePair struct {
	Source  string
	Targets []string
}

// ReadNEWS reads a NEWS 2012 transliteration corpus (XML with
// <Name><SourceName/><TargetName/>...</Name> entries). At most 64 MiB is read.
func ReadNEWS(r io.Reader) ([]NamePair, error) {
	dec := xml.NewDecoder(io.LimitReader(r, maxDataBytes))
	var out []NamePair
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read news corpus: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Name" {
			continue
		}
		var n struct {
			Source  string   `xml:"SourceName"`
			Targets []string `xml:"TargetName"`
		}
		if err := dec.DecodeElement(&n, &se); err != nil {
			return nil, fmt.Errorf("read news corpus: %w", err)
		}
		np := NamePair{Source: strings.TrimSpace(n.Source)}
		for _, t := range n.Targets {
			if t = strings.TrimSpace(t); t != "" {
				np.Targets = append(np.Targets, t)
			}
		}
		if np.Source != "" && len(np.Targets) > 0 {
			out = append(out, np)
		}
	}
	return out, nil
}

// EvalItem is one test input with every accepted answer.
type EvalItem struct {
	Latin string
	Refs  []string
}

// DakshinaItems groups pairs by Latin form: a romanization is answered
// correctly by any Devanagari word annotators wrote it for.
func DakshinaItems(pairs []Pair) []EvalItem {
	idx := map[string]int{}
	var items []EvalItem
	for _, p := range pairs {
		i, ok := idx[p.Latin]
		if !ok {
			i = len(items)
			idx[p.Latin] = i
			items = append(items, EvalItem{Latin: p.Latin})
		}
		items[i].Refs = append(items[i].Refs, p.Deva)
	}
	return items
}

// NEWSItems turns name entries into evaluation items.
func NEWSItems(names []NamePair) []EvalItem {
	items := make([]EvalItem, len(names))
	for i, n := range names {
		items[i] = EvalItem{Latin: n.Source, Refs: n.Targets}
	}
	return items
}

// Score is the result of an evaluation: how many items had a reference
// first, and among the first K candidates.
type Score struct {
	Items int     `json:"items"`
	K     int     `json:"k"`
	Top1  int     `json:"top1_correct"`
	TopK  int     `json:"topk_correct"`
	Acc1  float64 `json:"top1"`
	AccK  float64 `json:"topk"`
	MRR   float64 `json:"mrr"`
	// KeyRecall is the share of items for which the Key of a reference is
	// among Keys of the Latin input: how often a cross-script key field
	// would find the word.
	KeyRecall float64 `json:"key_recall"`
}

// Evaluate runs Candidates over items (on GOMAXPROCS goroutines, at most
// 8) and scores them against their references (compared after NFC and
// joiner removal). each, when not nil, is called for each item in order,
// with its candidates and the rank of the first correct one (0 when none
// is).
func (m *Model) Evaluate(items []EvalItem, k int, each func(it EvalItem, cands []Candidate, rank int)) Score {
	return m.EvaluateWith(items, k, nil, each)
}

// EvaluateWith is Evaluate with candidates from CandidatesWith and the
// vocabulary v (nil for none).
func (m *Model) EvaluateWith(items []EvalItem, k int, v Vocabulary, each func(it EvalItem, cands []Candidate, rank int)) Score {
	s := Score{Items: len(items), K: k}
	cands := make([][]Candidate, len(items))
	ranks := make([]int, len(items))
	keyHit := make([]bool, len(items))
	workers := min(runtime.GOMAXPROCS(0), 8)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(items); i += workers {
				cands[i] = m.CandidatesWith(items[i].Latin, k, v)
				ranks[i] = rankOf(cands[i], items[i].Refs)
				keys := keysWith(items[i].Latin, cands[i])
				for _, r := range items[i].Refs {
					if contains(keys, Key(r)) {
						keyHit[i] = true
						break
					}
				}
			}
		}()
	}
	wg.Wait()
	var rr float64
	hits := 0
	for i, it := range items {
		rank := ranks[i]
		if keyHit[i] {
			hits++
		}
		if rank == 1 {
			s.Top1++
		}
		if rank > 0 {
			s.TopK++
			rr += 1 / float64(rank)
		}
		if each != nil {
			each(it, cands[i], rank)
		}
	}
	if s.Items > 0 {
		s.Acc1 = float64(s.Top1) / float64(s.Items)
		s.AccK = float64(s.TopK) / float64(s.Items)
		s.MRR = rr / float64(s.Items)
		s.KeyRecall = float64(hits) / float64(s.Items)
	}
	return s
}

// rankOf returns the 1-based rank of the first candidate that is one of
// refs (compared after NFC and joiner removal), or 0.
func rankOf(cands []Candidate, refs []string) int {
	for i, c := range cands {
		t := cleanDeva(c.Text)
		for _, r := range refs {
			if cleanDeva(r) == t {
				return i + 1
			}
		}
	}
	return 0
}

func hasDevanagari(s string) bool {
	for _, r := range s {
		if isDevanagari(r) {
			return true
		}
	}
	return false
}
