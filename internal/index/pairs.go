package index

import (
	"sort"
	"strings"
)

// Word pairs. A phrase with a frequent word ("के लिए", "महिला मरीज")
// matches a large share of the documents that hold its words, and
// confirming it from positions means decoding the frequent word's postings
// and both words' positions for each of them. So a segment also indexes
// the pairs of adjacent terms (in one field, as a phrase sees them) when
// either is among its paired terms: those in at least pairMinShare of its
// documents (the common-grams idea). A pair's entry is pairPrefix + first +
// pairSep + second; its postings count the pair's occurrences in the key
// field's slot and carry no positions. The segment lists its paired terms,
// so a search knows that a pair with a paired term missing from its
// dictionary occurs nowhere in it; a phrase of two unpaired words has
// short postings, and its positions are checked as before. A merge keeps
// the pairs with a term paired in every segment it merges (those pairs are
// complete there) and drops the others.
const (
	pairPrefix = "\x02"
	pairSep    = "\x1f"
	// pairMinShare is the share of a segment's documents a term must be
	// in to have its pairs indexed; fewer than pairMinDocs documents
	// never suffice.
	pairMinShare = 0.01
	pairMinDocs  = 2
)

// pairEntry returns the dictionary entry of the pair (a, b).
func pairEntry(a, b string) string { return pairPrefix + a + pairSep + b }

// splitPair returns the terms of a pair entry.
func splitPair(entry string) (a, b string, ok bool) {
	if !strings.HasPrefix(entry, pairPrefix) {
		return "", "", false
	}
	return strings.Cut(entry[len(pairPrefix):], pairSep)
}

// addPairs chooses the paired terms of a new segment of docs (inverted
// holds their terms) and adds the postings of their pairs to inverted. It
// returns the paired terms, sorted.
func addPairs(docs []*docTerms, inverted map[string][]docRef) []string {
	minDocs := max(pairMinDocs, int(pairMinShare*float64(len(docs))))
	paired := map[string]bool{}
	var list []string
	for t, refs := range inverted {
		if len(refs) >= minDocs && !strings.HasPrefix(t, keyPrefix) {
			paired[t] = true
			list = append(list, t)
		}
	}
	sort.Strings(list)
	// Pairs are counted by their two terms and named once each: building
	// the entry string per occurrence cost a fifth of writing a segment.
	type pair struct{ a, b string }
	byPair := map[pair][]docRef{}
	counts := map[pair]uint32{}
	for i, d := range docs {
		clear(counts)
		for _, seq := range d.seq {
			for j := 1; j < len(seq); j++ {
				if paired[seq[j-1]] || paired[seq[j]] {
					counts[pair{seq[j-1], seq[j]}]++
				}
			}
		}
		for p, c := range counts {
			o := &occurrence{}
			o.tf[fieldXKey] = c
			byPair[p] = append(byPair[p], docRef{uint32(i), o})
		}
	}
	for p, refs := range byPair {
		inverted[pairEntry(p.a, p.b)] = refs
	}
	return list
}

// pairedInAll returns the terms paired in every segment of in, sorted.
func pairedInAll(in []*segView) []string {
	var out []string
	for t := range in[0].seg.paired {
		all := true
		for _, v := range in[1:] {
			if !v.seg.paired[t] {
				all = false
				break
			}
		}
		if all {
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return out
}

// keepPair reports whether a merge keeps pair entry: either of its terms
// is in keep.
func keepPair(keep map[string]bool, entry []byte) bool {
	a, b, ok := splitPair(string(entry))
	return ok && (keep[a] || keep[b])
}

// pairsCover reports whether segment seg holds every pair of a phrase
// whose positions have the terms alts: of each two adjacent positions, every
// combination of their terms has a paired term.
func pairsCover(seg *segment, alts [][]string) bool {
	for i := 1; i < len(alts); i++ {
		for _, a := range alts[i-1] {
			if seg.paired[a] {
				continue
			}
			for _, b := range alts[i] {
				if !seg.paired[b] {
					return false
				}
			}
		}
	}
	return true
}

// pairsSome reports whether segment seg holds the pair of at least one
// combination of the terms of a two-position phrase.
func pairsSome(seg *segment, alts [][]string) bool {
	for _, a := range alts[0] {
		for _, b := range alts[1] {
			if seg.paired[a] || seg.paired[b] {
				return true
			}
		}
	}
	return false
}
