package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/khabar-news/khabar/internal/translit"
)

// maxSourceBytes bounds what one gazetteer file may hold.
const maxSourceBytes = 32 << 20

// nameSource is one permissively licensed list of names in both scripts.
type nameSource struct {
	name string // for messages
	rel  string // path under the shared data directory
	read func(io.Reader) ([][2]string, error)
}

// nameSources are the name lists the tables learn from besides Dakshina;
// tables/README.md records their licences.
var nameSources = []nameSource{
	{"eci candidates", "gazetteer/eci-affidavits-2021-candidates/candidates.tsv", readECI},
	{"espncricinfo players", "gazetteer/espncricinfo-players-hi-en/players_with_hindi_names.json", readCricinfo},
	{"lgd urban local bodies", "gazetteer/lgd-india/urban-local-body.csv", readLGD},
}

// namePairs reads every name source under shared and splits the names into
// word pairs. Each distinct word pair gets weight × min(times seen, 3); a
// tenth of the distinct Latin words (by hash) is held out as a names dev
// set, never trained on.
func namePairs(shared string, weight int) (train, dev []translit.Pair, err error) {
	type key struct{ latin, deva string }
	seen := map[key]int{}
	var order []key
	for _, src := range nameSources {
		path := filepath.Join(shared, src.rel)
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, err
		}
		names, err := src.read(io.LimitReader(f, maxSourceBytes))
		f.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		for _, n := range names {
			for _, p := range translit.SplitNamePair(n[0], n[1], 1) {
				k := key{p.Latin, p.Deva}
				if seen[k] == 0 {
					order = append(order, k)
				}
				seen[k]++
			}
		}
	}
	for _, k := range order {
		p := translit.Pair{Latin: k.latin, Deva: k.deva, Weight: weight * min(seen[k], 3)}
		if heldOut(k.latin) {
			dev = append(dev, p)
		} else {
			train = append(train, p)
		}
	}
	sort.SliceStable(dev, func(i, j int) bool { return dev[i].Latin < dev[j].Latin })
	return train, dev, nil
}

// heldOut reports whether a Latin word belongs to the names dev set.
func heldOut(latin string) bool {
	h := fnv.New32a()
	h.Write([]byte(latin))
	return h.Sum32()%10 == 0
}

// readECI reads the candidates' names and their fathers' or husbands' names.
func readECI(r io.Reader) ([][2]string, error) {
	cr := csv.NewReader(r)
	cr.Comma = '\t'
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	cols := [][2]string{{"name_english", "name_hindi"}, {"fathers_or_husbands_name_english", "fathers_or_husbands_name_hindi"}}
	for _, c := range cols {
		if _, ok := col[c[0]]; !ok {
			return nil, fmt.Errorf("no column %q", c[0])
		}
		if _, ok := col[c[1]]; !ok {
			return nil, fmt.Errorf("no column %q", c[1])
		}
	}
	var out [][2]string
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		for _, c := range cols {
			i, j := col[c[0]], col[c[1]]
			if i < len(rec) && j < len(rec) {
				out = append(out, [2]string{rec[i], rec[j]})
			}
		}
	}
}

// readCricinfo reads english_name / hindi_long_name. An English name in
// the "Surname, Initials" form is paired by its surname with the same
// number of last Hindi words.
func readCricinfo(r io.Reader) ([][2]string, error) {
	var players []struct {
		English string `json:"english_name"`
		Hindi   string `json:"hindi_long_name"`
	}
	if err := json.NewDecoder(r).Decode(&players); err != nil {
		return nil, err
	}
	var out [][2]string
	for _, p := range players {
		en, hi := p.English, p.Hindi
		if sur, _, ok := strings.Cut(en, ","); ok {
			k := len(strings.Fields(sur))
			hw := strings.Fields(hi)
			if k == 0 || k > len(hw) {
				continue
			}
			en, hi = sur, strings.Join(hw[len(hw)-k:], " ")
		}
		out = append(out, [2]string{en, hi})
	}
	return out, nil
}

// readLGD reads the town names that have a Devanagari local name.
func readLGD(r io.Reader) ([][2]string, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, err
	}
	en, hi := -1, -1
	for i, h := range head {
		switch strings.TrimSpace(h) {
		case "Local Body Name":
			en = i
		case "Local Body Name (In Local)":
			hi = i
		}
	}
	if en < 0 || hi < 0 {
		return nil, errors.New("no local body name columns")
	}
	var out [][2]string
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if en < len(rec) && hi < len(rec) && rec[hi] != "" {
			out = append(out, [2]string{rec[en], rec[hi]})
		}
	}
}
