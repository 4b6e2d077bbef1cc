package translit

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Pair is one training or evaluation example: a romanized word and its
// Devanagari spelling. Weight is how many times the pair was seen (the
// number of annotators for Dakshina); zero counts as one.
type Pair struct {
	Latin  string
	Deva   string
	Weight int
}

// TrainOptions sets the shape of a trained model. The zero value is not
// usable; DefaultTrainOptions returns the settings the shipped tables use.
type TrainOptions struct {
	Order      int // n-gram order over aligned chunks (2..8)
	MaxSrc     int // longest Latin chunk, in letters (1..4)
	MaxTgt     int // longest Devanagari chunk, in units (1..4)
	Iterations int // EM iterations for the alignment
	MinCount   int // highest-order n-grams seen fewer times are dropped
	// Lexicon is a list of known Devanagari words (a spelling dictionary):
	// the decoder prefers spellings found in it, and the character model
	// learns from it too. Words are cleaned (NFC, no joiners) and split at
	// hyphens; anything else that is not Devanagari is skipped.
	Lexicon []string
}

// DefaultTrainOptions returns the options the shipped tables were built
// with, less the Lexicon, which the generator reads from gen/lexicon.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Order: 5, MaxSrc: 3, MaxTgt: 2, Iterations: 12, MinCount: 2}
}

// chunk is one aligned pair of a Latin chunk and a Devanagari chunk.
type chunk struct{ src, tgt string }

// prepared is a training pair split for alignment: off holds the byte
// offsets of the Devanagari units in tgt, with len(tgt) last.
type prepared struct {
	src, tgt string
	off      []int
	weight   float64
}

func (d *prepared) units() int { return len(d.off) - 1 }

// Train learns a model from pairs: it aligns Latin letter chunks with
// Devanagari chunks by expectation maximisation, then counts n-grams of the
// aligned chunk sequences for a Kneser-Ney smoothed joint model, and a
// character model of the distinct Devanagari words to rescore spellings
// with. Pairs whose
// Latin side holds characters other than letters, or whose sides are empty,
// are skipped. It returns an error when no pair is usable.
func Train(pairs []Pair, opt TrainOptions) (*Model, error) {
	if opt.Order < 2 || opt.Order > maxOrder || opt.MaxSrc < 1 || opt.MaxSrc > 4 || opt.MaxTgt < 1 || opt.MaxTgt > 4 {
		return nil, fmt.Errorf("train: bad options %+v", opt)
	}
	var data []prepared
	for _, p := range pairs {
		src, ok := latinLetters(p.Latin)
		deva := cleanDeva(strings.TrimSpace(p.Deva))
		if !ok || src == "" || deva == "" || strings.ContainsAny(deva, " \t") {
			continue
		}
		w := float64(p.Weight)
		if w <= 0 {
			w = 1
		}
		off := []int{0}
		for _, u := range devaUnits(deva) {
			off = append(off, off[len(off)-1]+len(u))
		}
		data = append(data, prepared{src: src, tgt: deva, off: off, weight: w})
	}
	if len(data) == 0 {
		return nil, errors.New("train: no usable pairs")
	}
	al := newAligner(opt.MaxSrc, opt.MaxTgt)
	for it := 0; it < opt.Iterations; it++ {
		al.iterate(data)
	}
	seqs := make([][]chunk, 0, len(data))
	weights := make([]float64, 0, len(data))
	for i := range data {
		if s := al.viterbi(&data[i]); s != nil {
			seqs = append(seqs, s)
			weights = append(weights, data[i].weight)
		}
	}
	m, err := buildModel(seqs, weights, opt)
	if err != nil {
		return nil, err
	}
	words := make(map[string]bool, len(data))
	for i := range data {
		words[data[i].tgt] = true
	}
	lex := lexiconWords(opt.Lexicon)
	for w := range lex {
		words[w] = true
	}
	m.lm = trainCharLM(words, charOrder)
	if len(lex) > 0 {
		m.lex = lex
	}
	return m, nil
}

// aligner holds the chunk-pair probabilities EM refines.
type aligner struct {
	maxSrc, maxTgt int
	moves          [][2]int
	id             map[chunk]int32
	prob           []float64 // by id; nil before the first iteration
}

func newAligner(maxSrc, maxTgt int) *aligner {
	a := &aligner{maxSrc: maxSrc, maxTgt: maxTgt, id: map[chunk]int32{}}
	// Each step consumes at least one Latin letter; only single letters
	// may be silent.
	for i := 1; i <= maxSrc; i++ {
		for j := 0; j <= maxTgt; j++ {
			if j == 0 && i > 1 {
				continue
			}
			a.moves = append(a.moves, [2]int{i, j})
		}
	}
	return a
}

// edges fills buf with the chunk id of every move from every cell of d's
// lattice (-1 where the move leaves the lattice), numbering new chunks.
func (a *aligner) edges(d *prepared, buf []int32) []int32 {
	n, m := len(d.src), d.units()
	buf = buf[:0]
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			for _, mv := range a.moves {
				if i+mv[0] > n || j+mv[1] > m {
					buf = append(buf, -1)
					continue
				}
				c := chunk{d.src[i : i+mv[0]], d.tgt[d.off[j]:d.off[j+mv[1]]]}
				id, ok := a.id[c]
				if !ok {
					id = int32(len(a.id))
					a.id[c] = id
				}
				buf = append(buf, id)
			}
		}
	}
	return buf
}

// p returns the current probability of a chunk id; before the first
// iteration every pair is equally likely.
func (a *aligner) p(id int32) float64 {
	if a.prob == nil {
		return 1
	}
	if int(id) >= len(a.prob) {
		return 0
	}
	return a.prob[id]
}

// iterate runs one EM step: forward-backward over every pair's alignment
// lattice, then renormalises the expected chunk-pair counts.
func (a *aligner) iterate(data []prepared) {
	var counts []float64
	var buf []int32
	nm := len(a.moves)
	for di := range data {
		d := &data[di]
		n, m := len(d.src), d.units()
		buf = a.edges(d, buf)
		if len(counts) < len(a.id) {
			counts = append(counts, make([]float64, len(a.id)-len(counts))...)
		}
		fw := grid(n+1, m+1)
		bw := grid(n+1, m+1)
		fw[0][0] = 1
		for i := 0; i <= n; i++ {
			for j := 0; j <= m; j++ {
				if fw[i][j] == 0 {
					continue
				}
				e := buf[(i*(m+1)+j)*nm:]
				for k, mv := range a.moves {
					if e[k] >= 0 {
						fw[i+mv[0]][j+mv[1]] += fw[i][j] * a.p(e[k])
					}
				}
			}
		}
		total := fw[n][m]
		if total == 0 {
			continue
		}
		bw[n][m] = 1
		for i := n; i >= 0; i-- {
			for j := m; j >= 0; j-- {
				if i == n && j == m {
					continue
				}
				e := buf[(i*(m+1)+j)*nm:]
				var s float64
				for k, mv := range a.moves {
					if e[k] >= 0 {
						s += a.p(e[k]) * bw[i+mv[0]][j+mv[1]]
					}
				}
				bw[i][j] = s
			}
		}
		for i := 0; i < n; i++ {
			for j := 0; j <= m; j++ {
				if fw[i][j] == 0 {
					continue
				}
				e := buf[(i*(m+1)+j)*nm:]
				for k, mv := range a.moves {
					if e[k] < 0 {
						continue
					}
					if post := fw[i][j] * a.p(e[k]) * bw[i+mv[0]][j+mv[1]] / total; post > 0 {
						counts[e[k]] += post * d.weight
					}
				}
			}
		}
	}
	// Normalise jointly: P(src, tgt) over all chunk pairs.
	var sum float64
	for _, v := range counts {
		sum += v
	}
	a.prob = make([]float64, len(counts))
	for i, v := range counts {
		a.prob[i] = v / sum
	}
}

// viterbi returns the most probable chunk sequence for d, or nil when
// none exists under the allowed moves.
func (a *aligner) viterbi(d *prepared) []chunk {
	n, m := len(d.src), d.units()
	buf := a.edges(d, nil)
	nm := len(a.moves)
	best := grid(n+1, m+1)
	back := make([]int, (n+1)*(m+1))
	for i := range best {
		for j := range best[i] {
			best[i][j] = -1
		}
	}
	best[0][0] = 1
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			if best[i][j] <= 0 {
				continue
			}
			e := buf[(i*(m+1)+j)*nm:]
			for k, mv := range a.moves {
				if e[k] < 0 {
					continue
				}
				if v := best[i][j] * a.p(e[k]); v > best[i+mv[0]][j+mv[1]] {
					best[i+mv[0]][j+mv[1]] = v
					back[(i+mv[0])*(m+1)+j+mv[1]] = k
				}
			}
		}
	}
	if best[n][m] <= 0 {
		return nil
	}
	var seq []chunk
	for i, j := n, m; i > 0 || j > 0; {
		mv := a.moves[back[i*(m+1)+j]]
		seq = append(seq, chunk{d.src[i-mv[0] : i], d.tgt[d.off[j-mv[1]]:d.off[j]]})
		i, j = i-mv[0], j-mv[1]
	}
	slices.Reverse(seq)
	return seq
}

func grid(n, m int) [][]float64 {
	g := make([][]float64, n)
	cells := make([]float64, n*m)
	for i := range g {
		g[i] = cells[i*m : (i+1)*m]
	}
	return g
}

// buildModel counts the n-grams of the aligned sequences and turns them
// into Kneser-Ney values (raw counts at the highest order, continuation
// counts below it).
func buildModel(seqs [][]chunk, weights []float64, opt TrainOptions) (*Model, error) {
	ids := map[chunk]uint16{}
	freq := map[chunk]float64{}
	for k, s := range seqs {
		for _, c := range s {
			freq[c] += weights[k]
		}
	}
	chunks := make([]chunk, 0, len(freq))
	for c := range freq {
		chunks = append(chunks, c)
	}
	sort.Slice(chunks, func(i, j int) bool {
		if freq[chunks[i]] != freq[chunks[j]] {
			return freq[chunks[i]] > freq[chunks[j]]
		}
		if chunks[i].src != chunks[j].src {
			return chunks[i].src < chunks[j].src
		}
		return chunks[i].tgt < chunks[j].tgt
	})
	if len(chunks)+2 > 0xFFFF {
		return nil, fmt.Errorf("train: %d chunk pairs, more than the table can number", len(chunks))
	}
	m := &Model{order: opt.Order}
	m.src = []string{"", ""}
	m.tgt = []string{"", ""}
	m.count = []float64{0, 0}
	for _, c := range chunks {
		ids[c] = uint16(len(m.src))
		m.src = append(m.src, c.src)
		m.tgt = append(m.tgt, c.tgt)
		m.count = append(m.count, freq[c])
	}
	// Raw counts of every order (weights rounded up so that each pair counts).
	raw := make(map[gramKey]uint32)
	for k, s := range seqs {
		w := uint32(weights[k] + 0.5)
		if w == 0 {
			w = 1
		}
		toks := make([]uint16, 0, len(s)+2)
		toks = append(toks, boundary)
		for _, c := range s {
			toks = append(toks, ids[c])
		}
		toks = append(toks, boundary)
		for end := 1; end < len(toks); end++ {
			for n := 1; n <= opt.Order && end-n+1 >= 0; n++ {
				raw[packKey(toks[end-n+1:end+1])] += w
			}
		}
	}
	// Kneser-Ney values: continuation counts below the top order, except for
	// n-grams that start at the word boundary, which nothing can precede.
	m.grams = make(map[gramKey]uint32, len(raw))
	cont := make(map[gramKey]uint32)
	for k := range raw {
		if keyLen(k) >= 2 {
			cont[dropFirst(k)]++
		}
	}
	for k, c := range raw {
		n := keyLen(k)
		switch {
		case n == opt.Order:
			if int(c) < opt.MinCount {
				continue
			}
			m.grams[k] = c
		case firstID(k) == boundary:
			m.grams[k] = c
		default:
			if v := cont[k]; v > 0 {
				m.grams[k] = v
			}
		}
	}
	// Discounts from the count-of-counts of each order, before pruning.
	m.disc = make([]float64, opt.Order+1)
	n1 := make([]float64, opt.Order+1)
	n2 := make([]float64, opt.Order+1)
	for k, c := range raw {
		n := keyLen(k)
		v := c
		if n < opt.Order && firstID(k) != boundary {
			v = cont[k]
		}
		switch v {
		case 1:
			n1[n]++
		case 2:
			n2[n]++
		}
	}
	for n := 1; n <= opt.Order; n++ {
		d := 0.7
		if n1[n]+2*n2[n] > 0 {
			d = n1[n] / (n1[n] + 2*n2[n])
		}
		m.disc[n] = min(max(d, 0.3), 0.95)
	}
	m.finish()
	return m, nil
}

// lexiconWords cleans a word list into a set (see TrainOptions.Lexicon).
func lexiconWords(list []string) map[string]bool {
	lex := make(map[string]bool, len(list))
	for _, w := range list {
		for _, part := range strings.Split(cleanDeva(strings.TrimSpace(w)), "-") {
			if part != "" && onlyDevanagari(part) && !strings.HasSuffix(part, string(virama)) {
				lex[part] = true
			}
		}
	}
	return lex
}
