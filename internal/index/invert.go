package index

import (
	"runtime"
	"sort"
	"sync"

	"github.com/khabar-news/khabar/internal/news"
)

// keyPrefix starts the dictionary entry of a cross-script key, so keys and
// text terms share one dictionary without meeting. Analyzed terms never
// hold control characters.
const keyPrefix = "\x01"

// docTerms is one article, analyzed: what the index keeps of it.
type docTerms struct {
	id   string
	pub  int64
	src  string
	lang string
	lens [numFields]uint32
	// terms holds each text term's count per field and its positions
	// (field<<posShift + position), ascending.
	terms map[string]*occurrence
	// seq holds each text field's terms in order of position, for the
	// word pairs (pairs.go)
	seq [fieldXKey][]string
}

type occurrence struct {
	tf  [numFields]uint32
	pos []uint32
}

// invert analyzes a: headline and kicker, standfirst, tags and body (blocks
// and captions, each in its own language when it has one) are the text
// fields, and the cross-script keys of all their words the xkey field.
func (ix *Index) invert(a *news.Article) *docTerms {
	d := &docTerms{id: a.ID, pub: noTime, src: KeywordValue(a.Source), lang: KeywordValue(a.Language),
		terms: make(map[string]*occurrence, 256)}
	p := a.Published
	if p.IsZero() {
		// A page that prints only "अपडेटेड: …" still has a date a reader
		// can filter and sort by; the article itself keeps the difference.
		p = a.Updated
	}
	if !p.IsZero() {
		d.pub = p.Unix()
	}
	lang := a.Language
	put := func(field int, text, l string) {
		for _, t := range ix.an.Analyze(text, l) {
			if t.Term == "" || !cleanTerm(t.Term) || d.lens[field] >= maxFieldTerms {
				continue
			}
			o := d.terms[t.Term]
			if o == nil {
				o = &occurrence{}
				d.terms[t.Term] = o
			}
			o.tf[field]++
			o.pos = append(o.pos, uint32(field)<<posShift|d.lens[field])
			d.seq[field] = append(d.seq[field], t.Term)
			d.lens[field]++
			for _, k := range ix.an.WordKeys(text[t.Start:t.End], t.Term) {
				ko := d.terms[keyPrefix+k]
				if ko == nil {
					ko = &occurrence{}
					d.terms[keyPrefix+k] = ko
				}
				ko.tf[fieldXKey]++
				d.lens[fieldXKey]++
			}
		}
	}
	put(fieldHeadline, a.Headline, lang)
	put(fieldHeadline, a.Kicker, lang)
	put(fieldStandfirst, a.Standfirst, lang)
	for _, t := range a.Tags {
		put(fieldTags, t, lang)
	}
	for _, b := range a.Body {
		l := lang
		if b.Language != "" {
			l = b.Language
		}
		put(fieldBody, b.Text, l)
	}
	return d
}

// cleanTerm reports whether an analyzed term can go in the dictionary: no
// control characters (keyPrefix is one).
func cleanTerm(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] < 0x20 {
			return false
		}
	}
	return true
}

// invertAll analyzes the articles on GOMAXPROCS goroutines: analysis is the
// costly part of indexing, and each article is analyzed on its own.
func (ix *Index) invertAll(arts []*news.Article) []*docTerms {
	out := make([]*docTerms, len(arts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(arts)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = ix.invert(arts[i])
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// docRef is one document's occurrence of a term, while a segment is
// written.
type docRef struct {
	doc uint32
	occ *occurrence
}

// writeSegment writes docs as a new segment file at path; document i is
// docs[i].
func writeSegment(path string, docs []*docTerms) error {
	var cols docColumns
	inverted := map[string][]docRef{}
	for i, d := range docs {
		cols.add(d.id, d.pub, d.src, d.lang, d.lens)
		for t, o := range d.terms {
			inverted[t] = append(inverted[t], docRef{uint32(i), o})
		}
	}
	paired := addPairs(docs, inverted)
	terms := make([]string, 0, len(inverted))
	for t := range inverted {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	var sum [numFields]uint64
	for _, d := range docs {
		for f, l := range d.lens {
			sum[f] += uint64(l)
		}
	}
	w, err := newSegWriter(path, sum, len(docs))
	if err != nil {
		return err
	}
	w.paired = paired
	var pos []byte
	for _, t := range terms {
		w.beginTerm([]byte(t))
		for _, r := range inverted[t] {
			pos = encodePositions(pos[:0], r.occ.pos)
			w.addPosting(r.doc, &r.occ.tf, &docs[r.doc].lens, pos)
		}
		w.endTerm()
	}
	return w.finish(&cols)
}
