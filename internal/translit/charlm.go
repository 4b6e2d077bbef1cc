package translit

import (
	"math"
	"strings"
)

// charLM is a character n-gram model of Devanagari words (interpolated
// absolute discounting over runes), trained on the Devanagari side of the
// training pairs. The decoder rescores its final spellings with it: the
// joint chunk model knows which Latin letters give which Devanagari, the
// character model knows which Devanagari strings look like Hindi words.
type charLM struct {
	order int
	grams map[string]uint32 // rune n-gram (history + rune) → distinct words it occurs in
	ctx   map[string]ctxStat
}

// Character model settings: the order, the discount and the weight of its
// log-probability against the joint model's, tuned on the Dakshina dev split
// (order 5, weight 0.25: top-1 +1.6, top-5 +1.6 points).
const (
	charOrder    = 5
	charDiscount = 0.7
	charWeight   = 0.25
	charBOS      = '^'
	charEOS      = '$'
)

// trainCharLM counts the rune n-grams of each distinct word once.
func trainCharLM(words map[string]bool, order int) *charLM {
	l := &charLM{order: order, grams: map[string]uint32{}}
	for w := range words {
		r := []rune(strings.Repeat(string(charBOS), order-1) + w + string(charEOS))
		for i := order - 1; i < len(r); i++ {
			for k := 0; k < order; k++ {
				l.grams[string(r[i-k:i+1])]++
			}
		}
	}
	l.finish()
	return l
}

// finish derives the history statistics from the n-gram counts.
func (l *charLM) finish() {
	l.ctx = make(map[string]ctxStat, len(l.grams)/2)
	for g, c := range l.grams {
		_, size := lastRune(g)
		h := g[:len(g)-size]
		st := l.ctx[h]
		st.sum += c
		st.types++
		l.ctx[h] = st
	}
}

func lastRune(s string) (rune, int) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i]&0xC0 != 0x80 {
			return []rune(s[i:])[0], len(s) - i
		}
	}
	return 0, 0
}

// logProb returns the natural log of the probability of word w.
func (l *charLM) logProb(w string) float64 {
	r := []rune(strings.Repeat(string(charBOS), l.order-1) + w + string(charEOS))
	var s float64
	for i := l.order - 1; i < len(r); i++ {
		p := 1.0 / 256
		for k := 0; k < l.order; k++ {
			h := string(r[i-k : i])
			st, ok := l.ctx[h]
			if !ok {
				break
			}
			c := float64(l.grams[h+string(r[i])])
			p = (math.Max(c-charDiscount, 0) + charDiscount*float64(st.types)*p) / float64(st.sum)
		}
		s += math.Log(p)
	}
	return s
}
