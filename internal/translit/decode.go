package translit

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Input limits: longer input is cut, so that time and memory stay bounded
// whatever the caller passes.
const (
	// MaxInput is the most bytes of input Candidates reads.
	MaxInput = 256
	// maxWord is the longest run of letters decoded as one word; longer
	// runs are decoded in pieces of this size.
	maxWord = 32
	// maxCandidates caps n.
	maxCandidates = 50
)

// Candidate is one Devanagari spelling of a Latin input. Score is its share
// of the probability of all spellings the search kept, in (0, 1]: scores of
// one result are comparable, and best first.
type Candidate struct {
	Text  string  `json:"text"`
	Score float64 `json:"score"`
}

// Candidates returns up to n Devanagari spellings of the romanized input,
// best first, using the shipped tables. Letters are read case-blind, and
// Latin letters with diacritics as their base letters ("Wüttemberg" as
// "wuttemberg"); words are separated by anything else that is not an ASCII
// letter, and other characters (digits, punctuation, Devanagari) are kept
// as they are. Input
// past MaxInput bytes is ignored. It returns nil when n < 1 or the input
// has no letters. It is safe for concurrent use.
func Candidates(latin string, n int) []Candidate {
	return defaultModel().Candidates(latin, n)
}

// Candidates is the package-level Candidates with the tables of m.
func (m *Model) Candidates(latin string, n int) []Candidate {
	return m.CandidatesWith(latin, n, nil)
}

// CandidatesWith is Candidates with a vocabulary of known Devanagari words
// (nil for none): for each Latin word, the most frequent vocabulary words
// whose Key is the Key of the word are scored by the model (forced to
// spell them) and join the candidates with a bonus that grows with their
// count, so a real word outranks a spelling no text uses. The scores of
// the model are otherwise unchanged.
func (m *Model) CandidatesWith(latin string, n int, v Vocabulary) []Candidate {
	if n < 1 {
		return nil
	}
	n = min(n, maxCandidates)
	latin = foldLatinMarks(cutAt(latin, MaxInput))
	type part struct {
		fixed string // non-letter text kept as is
		cands []Candidate
	}
	var parts []part
	letters := false
	for i := 0; i < len(latin); {
		j := i
		for j < len(latin) && isASCIILetter(latin[j]) {
			j++
		}
		if j > i {
			letters = true
			w := strings.ToLower(latin[i:j])
			for len(w) > 0 {
				piece := w[:min(len(w), maxWord)]
				w = w[len(piece):]
				parts = append(parts, part{cands: m.word(piece, n, v)})
			}
			i = j
			continue
		}
		for j < len(latin) && !isASCIILetter(latin[j]) {
			j++
		}
		parts = append(parts, part{fixed: strings.ToValidUTF8(latin[i:j], "\uFFFD")})
		i = j
	}
	if !letters {
		return nil
	}
	// Combine the words' lists: a beam over products of scores.
	beam := []Candidate{{Text: "", Score: 1}}
	for _, p := range parts {
		if p.cands == nil {
			for k := range beam {
				beam[k].Text += p.fixed
			}
			continue
		}
		next := make([]Candidate, 0, len(beam)*len(p.cands))
		for _, b := range beam {
			for _, c := range p.cands {
				next = append(next, Candidate{Text: b.Text + c.Text, Score: b.Score * c.Score})
			}
		}
		sort.SliceStable(next, func(i, j int) bool { return next[i].Score > next[j].Score })
		beam = next[:min(len(next), n)]
	}
	return beam
}

// canFollow reports whether a chunk starting with next may follow output
// ending in last (utf8.RuneError for none) in well-formed Devanagari: vowel
// signs, virama and nukta only after a consonant, nasal signs and visarga
// only after a consonant or a vowel. An empty chunk (next < 0) always can.
func canFollow(last, next rune) bool {
	switch {
	case next < 0:
		return true
	case isDevaMatra(next) || next == virama:
		return isDevaConsonant(last) || last == nukta
	case next == nukta:
		return isDevaConsonant(last)
	case next >= 0x0900 && next <= 0x0903:
		return isDevaConsonant(last) || last == nukta || isDevaMatra(last) || isDevaIndependentVowel(last)
	}
	return true
}

// foldLatinMarks replaces each Latin letter with diacritics (é, ü, ñ) by its
// base ASCII letter, so that names spelled the European way decode like
// plain ones. Other text is returned unchanged.
func foldLatinMarks(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r >= 0xC0 && r <= 0x24F { // Latin-1 Supplement and Latin Extended-A/B
			if d := norm.NFD.String(string(r)); len(d) > 0 && d[0] < utf8.RuneSelf && isASCIILetter(d[0]) {
				b.WriteByte(d[0])
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isASCIILetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

// hyp is one partial spelling in the beam.
type hyp struct {
	hist [maxOrder - 1]uint16 // newest last, hn of them at the end
	hn   int
	out  string
	lp   float64
}

func (h *hyp) history() []uint16 { return h.hist[len(h.hist)-h.hn:] }

// beamWidth is how many partial spellings are kept at each input position.
const beamWidth = 32

// lexiconWeight is the log-probability bonus of a final spelling that is a
// word of the tables' word list, tuned on the Dakshina dev split.
const lexiconWeight = 2.0

// word decodes one lowercase letter run into up to n spellings; with a
// vocabulary, known words are preferred and added (see CandidatesWith).
func (m *Model) word(w string, n int, v Vocabulary) []Candidate {
	byText := m.search(w, "", false)
	if v != nil {
		m.applyVocabulary(w, byText, v)
	}
	if len(byText) == 0 {
		return []Candidate{{Text: w, Score: 1}}
	}
	out := make([]Candidate, 0, len(byText))
	total := math.Inf(-1)
	for t, lp := range byText {
		out = append(out, Candidate{Text: t, Score: lp})
		total = logAdd(total, lp)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Text < out[j].Text
	})
	out = out[:min(len(out), n)]
	for i := range out {
		out[i].Score = math.Exp(out[i].Score - total)
	}
	return out
}

// search runs the beam search over one lowercase letter run and returns
// the log-score of every final spelling it kept: the joint model's
// probability (summed over the alignments kept), the weighted character
// model and the word-list bonus. When constrained, only spellings that
// spell target are built (forced scoring), with the same scores.
func (m *Model) search(w, target string, constrained bool) map[string]float64 {
	L := len(w)
	beams := make([][]hyp, L+1)
	start := hyp{hn: 1}
	start.hist[len(start.hist)-1] = boundary
	beams[0] = []hyp{start}
	hlen := m.order - 1
	var cc ctxCache
	for p := 0; p < L; p++ {
		b := prune(beams[p], m.beam)
		beams[p] = nil
		for i := range b {
			h := &b[i]
			m.contexts(h.history(), &cc)
			last, _ := utf8.DecodeLastRuneInString(h.out)
			for l := 1; l <= m.maxSrc && p+l <= L; l++ {
				for _, id := range m.bySrc[w[p:p+l]] {
					if !canFollow(last, m.first[id]) {
						continue
					}
					if constrained && !strings.HasPrefix(target[len(h.out):], m.tgt[id]) {
						continue
					}
					nh := hyp{hist: h.hist, hn: min(h.hn+1, hlen), lp: h.lp + m.logProbCtx(&cc, id)}
					copy(nh.hist[:], nh.hist[1:])
					nh.hist[len(nh.hist)-1] = id
					clear(nh.hist[:len(nh.hist)-hlen]) // older than the model sees
					nh.out = h.out + m.tgt[id]
					beams[p+l] = append(beams[p+l], nh)
				}
			}
		}
	}
	final := prune(beams[L], m.beam*2)
	byText := map[string]float64{}
	for i := range final {
		h := &final[i]
		if strings.HasSuffix(h.out, "\u094D") {
			continue // Hindi words do not end in a virama
		}
		if constrained && h.out != target {
			continue
		}
		lp := h.lp + m.logProb(h.history(), boundary)
		if m.lm != nil {
			lp += m.lmWeight * m.lm.logProb(h.out)
		}
		if m.lex[h.out] {
			lp += m.lexWeight
		}
		if old, ok := byText[h.out]; ok {
			byText[h.out] = logAdd(old, lp)
		} else {
			byText[h.out] = lp
		}
	}
	return byText
}

// prune merges hypotheses with the same history and output (summing their
// probabilities) and keeps the best width of them.
func prune(hs []hyp, width int) []hyp {
	if len(hs) == 0 {
		return hs
	}
	type key struct {
		hist [maxOrder - 1]uint16
		out  string
	}
	seen := make(map[key]int, len(hs))
	merged := hs[:0]
	for _, h := range hs {
		k := key{h.hist, h.out}
		if i, ok := seen[k]; ok {
			merged[i].lp = logAdd(merged[i].lp, h.lp)
			continue
		}
		seen[k] = len(merged)
		merged = append(merged, h)
	}
	// Keep those within 20 nats of the best and, of many, only those at
	// or above the width-th best score, before sorting the few left.
	best := math.Inf(-1)
	for i := range merged {
		best = math.Max(best, merged[i].lp)
	}
	floor := best - 20
	if len(merged) > 2*width {
		lps := make([]float64, len(merged))
		for i := range merged {
			lps[i] = merged[i].lp
		}
		slices.Sort(lps)
		floor = math.Max(floor, lps[len(lps)-width])
	}
	kept := merged[:0]
	for _, h := range merged {
		if h.lp >= floor {
			kept = append(kept, h)
		}
	}
	slices.SortFunc(kept, func(a, b hyp) int {
		switch {
		case a.lp > b.lp:
			return -1
		case a.lp < b.lp:
			return 1
		}
		return strings.Compare(a.out, b.out)
	})
	return kept[:min(len(kept), width)]
}

func logAdd(a, b float64) float64 {
	if math.IsInf(a, -1) {
		return b
	}
	if a < b {
		a, b = b, a
	}
	return a + math.Log1p(math.Exp(b-a))
}
