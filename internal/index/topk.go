package index

import "sort"

// cand is a matching document: its score, publication time and place.
type cand struct {
	score float64
	pub   int64
	seg   int
	doc   uint32
}

// topK keeps the k best candidates seen, in a heap whose root is the
// worst of them.
type topK struct {
	k      int
	newest bool // order by publication time first
	h      []cand
}

func newTopK(k int, newest bool) *topK { return &topK{k: k, newest: newest} }

// better reports whether a ranks before b: by score (ties newest first) or,
// when newest, by publication time (ties by score); then by place, for a
// stable order.
func (t *topK) better(a, b cand) bool {
	if t.newest {
		if a.pub != b.pub {
			return a.pub > b.pub
		}
		if a.score != b.score {
			return a.score > b.score
		}
	} else {
		if a.score != b.score {
			return a.score > b.score
		}
		if a.pub != b.pub {
			return a.pub > b.pub
		}
	}
	if a.seg != b.seg {
		return a.seg < b.seg
	}
	return a.doc < b.doc
}

func (t *topK) push(c cand) {
	if t.k <= 0 {
		return
	}
	if len(t.h) < t.k {
		t.h = append(t.h, c)
		t.up(len(t.h) - 1)
		return
	}
	if !t.better(c, t.h[0]) {
		return
	}
	t.h[0] = c
	t.down(0)
}

func (t *topK) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !t.better(t.h[p], t.h[i]) {
			break
		}
		t.h[p], t.h[i] = t.h[i], t.h[p]
		i = p
	}
}

func (t *topK) down(i int) {
	n := len(t.h)
	for {
		w := i
		l, r := 2*i+1, 2*i+2
		if l < n && t.better(t.h[w], t.h[l]) {
			w = l
		}
		if r < n && t.better(t.h[w], t.h[r]) {
			w = r
		}
		if w == i {
			return
		}
		t.h[w], t.h[i] = t.h[i], t.h[w]
		i = w
	}
}

// floor returns the worst candidate kept and whether the heap is full, so
// that only a better candidate can enter.
func (t *topK) floor() (cand, bool) {
	if len(t.h) < t.k || t.k == 0 {
		return cand{}, false
	}
	return t.h[0], true
}

// sorted returns the candidates kept, best first.
func (t *topK) sorted() []cand {
	out := append([]cand(nil), t.h...)
	sort.Slice(out, func(i, j int) bool { return t.better(out[i], out[j]) })
	return out
}
