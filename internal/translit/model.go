package translit

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// boundary is the chunk id of the word boundary: the start symbol in a
// history and the end symbol when predicted. Id 0 is never used, so a
// packed key of nonzero ids knows its own length.
const boundary = 1

// maxOrder is the longest n-gram a gramKey can hold (8 ids of 16 bits).
const maxOrder = 8

// gramKey packs up to maxOrder chunk ids, oldest first, 16 bits each.
type gramKey struct{ hi, lo uint64 }

func packKey(ids []uint16) gramKey {
	var k gramKey
	for _, id := range ids {
		k = k.push(id)
	}
	return k
}

// push appends id as the newest element.
func (k gramKey) push(id uint16) gramKey {
	return gramKey{k.hi<<16 | k.lo>>48, k.lo<<16 | uint64(id)}
}

// withOldest sets slot pos (0 = newest) to id; the slot must be empty.
func (k gramKey) withOldest(id uint16, pos int) gramKey {
	if pos < 4 {
		k.lo |= uint64(id) << (16 * pos)
	} else {
		k.hi |= uint64(id) << (16 * (pos - 4))
	}
	return k
}

func keyLen(k gramKey) int {
	n := 0
	for k.lo != 0 || k.hi != 0 {
		n++
		k = gramKey{k.hi >> 16, k.lo>>16 | k.hi<<48}
	}
	return n
}

// firstID returns the oldest id in k.
func firstID(k gramKey) uint16 {
	n := keyLen(k)
	pos := n - 1
	if pos < 4 {
		return uint16(k.lo >> (16 * pos))
	}
	return uint16(k.hi >> (16 * (pos - 4)))
}

// dropFirst removes the oldest id.
func dropFirst(k gramKey) gramKey {
	pos := keyLen(k) - 1
	if pos < 4 {
		k.lo &^= 0xFFFF << (16 * pos)
	} else {
		k.hi &^= 0xFFFF << (16 * (pos - 4))
	}
	return k
}

// ctxStat is what interpolated Kneser-Ney needs of one history: the sum of
// the values that follow it and how many distinct chunks do.
type ctxStat struct{ sum, types uint32 }

// Model is a joint n-gram model over aligned (Latin chunk, Devanagari
// chunk) pairs. A Model is immutable once built or loaded and safe for
// concurrent use.
type Model struct {
	order int
	src   []string  // by id
	tgt   []string  // by id
	count []float64 // training frequency by id
	disc  []float64 // discount by n-gram length
	grams map[gramKey]uint32
	lm    *charLM         // rescores final spellings; nil in tables without one
	lex   map[string]bool // known Devanagari words (cleaned); nil in tables without a word list

	// Decoder settings, set in finish; tests may change them before use.
	lmWeight  float64 // weight of the character model's log-probability
	lexWeight float64 // log-bonus of a spelling found in lex
	beam      int     // partial spellings kept at each input position
	minShare  float64 // see chunkMinShare

	// Vocabulary settings (see applyVocabulary).
	vocabSpellings, vocabPerKey  int
	vocabBonus, vocabCountWeight float64

	// Derived in finish.
	stored int // ids below this come from the tables; the rest are fallbacks
	ctx    map[gramKey]ctxStat
	first  []rune              // first rune of each tgt, -1 when empty
	bySrc  map[string][]uint16 // Latin chunk → ids worth trying, most frequent first
	maxSrc int
	vocab  float64
}

// finish derives the lookup tables from the stored ones.
func (m *Model) finish() {
	m.lmWeight, m.lexWeight, m.beam = charWeight, lexiconWeight, beamWidth
	m.vocabPerKey = vocabPerKey
	m.minShare = chunkMinShare
	m.vocabBonus, m.vocabCountWeight = vocabBonus, vocabCountWeight
	m.stored = len(m.src)
	m.ctx = make(map[gramKey]ctxStat, len(m.grams)/2)
	for k, v := range m.grams {
		h := k
		// The history of k is k without its newest id.
		h = gramKey{h.hi >> 16, h.lo>>16 | h.hi<<48}
		st := m.ctx[h]
		st.sum += v
		st.types++
		m.ctx[h] = st
	}
	m.indexChunks()
}

// chunkMinShare is the least share of its Latin chunk's training count a
// chunk pair needs to be tried when decoding (besides being seen at least
// twice): rarer pairs are mostly alignment noise ("a" → "गा"), and
// skipping them makes decoding about three times faster. On the Dakshina
// dev split: 0 (all 6,456 pairs) top-1 43.39%, top-5 76.07%; 0.002 (5,969
// pairs) 43.55%, 76.23%; 0.005 43.53%, 76.14%; 0.01 43.58%, 76.09%; 0.02
// 43.49%, 75.58%; on the held-out gazetteer name words 0 gives top-5
// 63.03%, 0.002 63.31%, 0.005 63.17%. 0.005 cost NEWS 2012 test 0.5 points
// of top-5 (2.6 with tables trained on NEWS names too, whose rare foreign
// chunks it drops), so the smaller share is used.
const chunkMinShare = 0.002

// indexChunks fills bySrc with the chunk pairs worth trying for each
// Latin chunk (seen at least twice and at least minShare of the Latin
// chunk's count), most frequent first, and adds a fallback pair for each
// letter left without one. It may run again after minShare changes.
func (m *Model) indexChunks() {
	m.src, m.tgt, m.count = m.src[:m.stored], m.tgt[:m.stored], m.count[:m.stored]
	total := map[string]float64{}
	for id := boundary + 1; id < len(m.src); id++ {
		total[m.src[id]] += m.count[id]
	}
	m.bySrc = make(map[string][]uint16)
	m.maxSrc = 1
	for id := boundary + 1; id < len(m.src); id++ {
		s := m.src[id]
		if m.count[id] < 2 || m.count[id] < m.minShare*total[s] {
			continue
		}
		m.bySrc[s] = append(m.bySrc[s], uint16(id))
		m.maxSrc = max(m.maxSrc, len(s))
	}
	for s, ids := range m.bySrc {
		sort.SliceStable(ids, func(i, j int) bool { return m.count[ids[i]] > m.count[ids[j]] })
		m.bySrc[s] = ids
	}
	// Every letter needs a way through, even one training never showed alone.
	for c := byte('a'); c <= 'z'; c++ {
		s := string(c)
		if len(m.bySrc[s]) > 0 {
			continue
		}
		id := uint16(len(m.src))
		m.src = append(m.src, s)
		m.tgt = append(m.tgt, fallbackLetter[c-'a'])
		m.count = append(m.count, 0)
		m.bySrc[s] = []uint16{id}
	}
	m.vocab = float64(len(m.src))
	m.first = make([]rune, len(m.tgt))
	for id, t := range m.tgt {
		m.first[id] = -1
		if t != "" {
			m.first[id], _ = utf8.DecodeRuneInString(t)
		}
	}
}

// fallbackLetter is a plain reading of each Latin letter, used only when
// the tables have no chunk for it.
var fallbackLetter = [26]string{
	"अ", "ब", "क", "द", "े", "फ़", "ग", "ह", "ि", "ज", "क", "ल", "म",
	"न", "ो", "प", "क़", "र", "स", "त", "ु", "व", "व", "क्स", "य", "ज़",
}

// logProb returns the natural log of P(id | hist) under interpolated
// Kneser-Ney; hist holds the most recent ids, newest last.
func (m *Model) logProb(hist []uint16, id uint16) float64 {
	p := 1 / m.vocab
	var ctxKey gramKey             // the last k ids of hist
	gram := gramKey{}.push(id)     // ctxKey followed by id
	seen := true                   // gram is stored
	for k := 0; k < m.order; k++ { // k = history length used
		if k > 0 {
			if k > len(hist) {
				break
			}
			h := hist[len(hist)-k]
			ctxKey = ctxKey.withOldest(h, k-1)
			gram = gram.withOldest(h, k)
		}
		st, ok := m.ctx[ctxKey]
		if !ok {
			break
		}
		d := m.disc[k+1]
		var v float64
		if seen {
			// A longer n-gram is only stored when its suffix is.
			c := m.grams[gram]
			v, seen = float64(c), c > 0
		}
		p = (math.Max(v-d, 0) + d*float64(st.types)*p) / float64(st.sum)
	}
	return math.Log(p)
}

// ctxCache holds the Kneser-Ney statistics of every usable suffix of one
// history, so that scoring many next chunks after the same history looks
// each context up once.
type ctxCache struct {
	n   int // usable history lengths: 0..n-1
	key [maxOrder]gramKey
	st  [maxOrder]ctxStat
}

// contexts fills c for hist (the most recent ids, newest last).
func (m *Model) contexts(hist []uint16, c *ctxCache) {
	var ctxKey gramKey
	c.n = 0
	for k := 0; k < m.order; k++ {
		if k > 0 {
			if k > len(hist) {
				break
			}
			ctxKey = ctxKey.withOldest(hist[len(hist)-k], k-1)
		}
		st, ok := m.ctx[ctxKey]
		if !ok {
			break
		}
		c.key[k], c.st[k], c.n = ctxKey, st, k+1
	}
}

// logProbCtx is logProb with the history's contexts looked up already.
func (m *Model) logProbCtx(c *ctxCache, id uint16) float64 {
	p := 1 / m.vocab
	seen := true
	for k := 0; k < c.n; k++ {
		d := m.disc[k+1]
		var v float64
		if seen {
			cnt := m.grams[c.key[k].push(id)]
			v, seen = float64(cnt), cnt > 0
		}
		p = (math.Max(v-d, 0) + d*float64(c.st[k].types)*p) / float64(c.st[k].sum)
	}
	return math.Log(p)
}

const tableMagic = "khabar-translit-tables 1"

// WriteTo writes m in the text table format (gzip-compressed): a header,
// the chunk pairs by id, the discounts and the n-gram values in key order,
// then, when m has one, the character model ("charlm order count" and one
// "n-gram<TAB>count" line each, sorted).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	b := bufio.NewWriter(zw)
	fmt.Fprintf(b, "%s\norder %d\n", tableMagic, m.order)
	b.WriteString("discounts")
	for n := 1; n <= m.order; n++ {
		fmt.Fprintf(b, " %.4f", m.disc[n])
	}
	fmt.Fprintf(b, "\nchunks %d\n", m.stored-2)
	for id := 2; id < m.stored; id++ { // fallback letters are rebuilt on load
		fmt.Fprintf(b, "%s\t%s\t%d\n", m.src[id], m.tgt[id], int(math.Round(m.count[id])))
	}
	keys := make([]gramKey, 0, len(m.grams))
	for k := range m.grams {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].hi != keys[j].hi {
			return keys[i].hi < keys[j].hi
		}
		return keys[i].lo < keys[j].lo
	})
	fmt.Fprintf(b, "grams %d\n", len(keys))
	ids := make([]uint16, 0, maxOrder)
	for _, k := range keys {
		ids = unpackKey(k, ids[:0])
		for i, id := range ids {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.Itoa(int(id)))
		}
		fmt.Fprintf(b, "\t%d\n", m.grams[k])
	}
	if m.lm != nil {
		lmKeys := make([]string, 0, len(m.lm.grams))
		for g := range m.lm.grams {
			lmKeys = append(lmKeys, g)
		}
		sort.Strings(lmKeys)
		fmt.Fprintf(b, "charlm %d %d\n", m.lm.order, len(lmKeys))
		for _, g := range lmKeys {
			fmt.Fprintf(b, "%s\t%d\n", g, m.lm.grams[g])
		}
	}
	if len(m.lex) > 0 {
		words := make([]string, 0, len(m.lex))
		for w := range m.lex {
			words = append(words, w)
		}
		sort.Strings(words)
		fmt.Fprintf(b, "words %d\n", len(words))
		for _, w := range words {
			b.WriteString(w)
			b.WriteByte('\n')
		}
	}
	if err := b.Flush(); err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, nil
}

// unpackKey appends the ids of k, oldest first, to dst.
func unpackKey(k gramKey, dst []uint16) []uint16 {
	n := keyLen(k)
	for pos := n - 1; pos >= 0; pos-- {
		if pos < 4 {
			dst = append(dst, uint16(k.lo>>(16*pos)))
		} else {
			dst = append(dst, uint16(k.hi>>(16*(pos-4))))
		}
	}
	return dst
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// ReadModel reads tables written by WriteTo. It returns an error naming the
// line when the tables are malformed.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read tables: %w", err)
	}
	defer zr.Close()
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 4096), 1<<20)
	line := 0
	next := func() (string, error) {
		if !sc.Scan() {
			if err := sc.Err(); err != nil {
				return "", err
			}
			return "", io.ErrUnexpectedEOF
		}
		line++
		return sc.Text(), nil
	}
	bad := func(what string) error { return fmt.Errorf("read tables: line %d: %s", line, what) }
	s, err := next()
	if err != nil || s != tableMagic {
		return nil, bad("not a khabar transliteration table")
	}
	m := &Model{src: []string{"", ""}, tgt: []string{"", ""}, count: []float64{0, 0}}
	if s, err = next(); err != nil {
		return nil, bad(err.Error())
	}
	if _, err := fmt.Sscanf(s, "order %d", &m.order); err != nil || m.order < 2 || m.order > maxOrder {
		return nil, bad("bad order")
	}
	if s, err = next(); err != nil {
		return nil, bad(err.Error())
	}
	f := strings.Fields(s)
	if len(f) != m.order+1 || f[0] != "discounts" {
		return nil, bad("bad discounts")
	}
	m.disc = make([]float64, m.order+1)
	for n := 1; n <= m.order; n++ {
		if m.disc[n], err = strconv.ParseFloat(f[n], 64); err != nil || m.disc[n] <= 0 || m.disc[n] >= 1 {
			return nil, bad("bad discount")
		}
	}
	var nchunks, ngrams int
	if s, err = next(); err != nil {
		return nil, bad(err.Error())
	}
	if _, err := fmt.Sscanf(s, "chunks %d", &nchunks); err != nil || nchunks < 0 || nchunks > 0xFFF0 {
		return nil, bad("bad chunk count")
	}
	for i := 0; i < nchunks; i++ {
		if s, err = next(); err != nil {
			return nil, bad(err.Error())
		}
		f := strings.Split(s, "\t")
		c, err := strconv.Atoi(f[len(f)-1])
		if len(f) != 3 || err != nil || f[0] == "" {
			return nil, bad("bad chunk")
		}
		m.src = append(m.src, f[0])
		m.tgt = append(m.tgt, f[1])
		m.count = append(m.count, float64(c))
	}
	if s, err = next(); err != nil {
		return nil, bad(err.Error())
	}
	if _, err := fmt.Sscanf(s, "grams %d", &ngrams); err != nil || ngrams < 0 {
		return nil, bad("bad gram count")
	}
	m.grams = make(map[gramKey]uint32, min(ngrams, 1<<22)) // a bad header cannot reserve memory
	ids := make([]uint16, 0, maxOrder)
	for i := 0; i < ngrams; i++ {
		if s, err = next(); err != nil {
			return nil, bad(err.Error())
		}
		tab := strings.IndexByte(s, '\t')
		if tab < 0 {
			return nil, bad("bad gram")
		}
		v, err := strconv.ParseUint(s[tab+1:], 10, 32)
		if err != nil || v == 0 {
			return nil, bad("bad gram value")
		}
		ids = ids[:0]
		for _, fs := range strings.Fields(s[:tab]) {
			id, err := strconv.ParseUint(fs, 10, 16)
			if err != nil || id == 0 || int(id) >= len(m.src) {
				return nil, bad("bad gram id")
			}
			ids = append(ids, uint16(id))
		}
		if len(ids) == 0 || len(ids) > m.order {
			return nil, bad("bad gram length")
		}
		m.grams[packKey(ids)] = uint32(v)
	}
	// Optional sections follow: the character model, then the word list.
	for {
		s, err = next()
		if errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return nil, bad(err.Error())
		}
		switch {
		case strings.HasPrefix(s, "charlm "):
			if m.lm != nil {
				return nil, bad("second character model")
			}
			if m.lm, err = readCharLM(s, next, bad); err != nil {
				return nil, err
			}
		case strings.HasPrefix(s, "words "):
			if m.lex != nil {
				return nil, bad("second word list")
			}
			if m.lex, err = readWords(s, next, bad); err != nil {
				return nil, err
			}
		default:
			return nil, bad("unknown section")
		}
	}
	m.finish()
	return m, nil
}

// readCharLM reads the character model section whose header line is head.
func readCharLM(head string, next func() (string, error), bad func(string) error) (*charLM, error) {
	var order, n int
	if _, err := fmt.Sscanf(head, "charlm %d %d", &order, &n); err != nil || order < 1 || order > maxOrder || n < 0 {
		return nil, bad("bad character model header")
	}
	lm := &charLM{order: order, grams: make(map[string]uint32, min(n, 1<<20))}
	for i := 0; i < n; i++ {
		s, err := next()
		if err != nil {
			return nil, bad(err.Error())
		}
		g, c, ok := strings.Cut(s, "\t")
		v, err := strconv.ParseUint(c, 10, 32)
		if !ok || g == "" || err != nil || v == 0 || utf8.RuneCountInString(g) > order {
			return nil, bad("bad character n-gram")
		}
		lm.grams[g] = uint32(v)
	}
	lm.finish()
	return lm, nil
}

// readWords reads the word list section whose header line is head.
func readWords(head string, next func() (string, error), bad func(string) error) (map[string]bool, error) {
	var n int
	if _, err := fmt.Sscanf(head, "words %d", &n); err != nil || n < 0 {
		return nil, bad("bad word list header")
	}
	lex := make(map[string]bool, min(n, 1<<20))
	for i := 0; i < n; i++ {
		s, err := next()
		if err != nil {
			return nil, bad(err.Error())
		}
		if s == "" || !onlyDevanagari(s) {
			return nil, bad("bad word")
		}
		lex[s] = true
	}
	return lex, nil
}
