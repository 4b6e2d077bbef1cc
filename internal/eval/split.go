package eval

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
)

// Split names a half of the topics.
type Split string

// The halves. Tune on Dev; report Test; All is both.
const (
	Dev  Split = "dev"
	Test Split = "test"
	All  Split = "all"
)

// ParseSplit reads "dev", "test" or "all".
func ParseSplit(s string) (Split, error) {
	switch sp := Split(strings.ToLower(strings.TrimSpace(s))); sp {
	case Dev, Test, All:
		return sp, nil
	}
	return "", fmt.Errorf("split %q: want dev, test or all", s)
}

// Group returns the group a document id belongs to for the split. An
// XQuAD-R id "a{article}p{paragraph}s{sentence}" belongs to its article
// ("a12p3s1" → "a12"); any other id is its own group.
func Group(docid string) string {
	if len(docid) < 2 || docid[0] != 'a' {
		return docid
	}
	end := 1
	for end < len(docid) && docid[end] >= '0' && docid[end] <= '9' {
		end++
	}
	if end == 1 || end == len(docid) || docid[end] != 'p' {
		return docid
	}
	return docid[:end]
}

// SplitOf returns the half topic qid belongs to, from the first (by id) of
// its relevant documents, so that all questions about one XQuAD article go
// to the same half and nothing of an article leaks from dev into test:
//
//   - an XQuAD-R article aN is Dev when N is even and Test when N is odd
//     (a0, a2, a4, … dev; a1, a3, a5, … test);
//   - any other group is Dev when the FNV-1a 32-bit hash of its name is
//     even, else Test;
//   - a topic with no relevant document is Test.
//
// The rule depends on nothing but the ids, so it is stable across runs,
// machines and file order.
func (q Qrels) SplitOf(qid string) Split {
	var ids []string
	for id, g := range q[qid] {
		if g > 0 {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return Test
	}
	first := slices.Min(ids)
	g := Group(first)
	if g != first {
		if n, err := strconv.Atoi(g[1:]); err == nil {
			if n%2 == 0 {
				return Dev
			}
			return Test
		}
	}
	h := fnv.New32a()
	h.Write([]byte(g))
	if h.Sum32()%2 == 0 {
		return Dev
	}
	return Test
}

// Select returns the topics of split that have at least one relevant
// document, in their original order.
func Select(topics []Topic, q Qrels, split Split) []Topic {
	var out []Topic
	for _, t := range topics {
		if q.Relevant(t.ID) == 0 {
			continue
		}
		if split == All || q.SplitOf(t.ID) == split {
			out = append(out, t)
		}
	}
	return out
}
