package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tagLabels open an explicit tag line ("Tags: a, b", "टैग: क, ख"); by lineKey.
var tagLabels = []string{"tags", "tag", "टैग", "टैग्स", "topics", "related topics", "विषय", "keywords", "टॉपिक्स", "टॉपिक"}

// labelledTags reads "Tags: World News, Budget 2026" or "टैग: बजट | किसान"
// and returns the tags split at commas, pipes, semicolons and hash signs.
func labelledTags(line string) ([]string, bool) {
	for _, l := range tagLabels {
		rest, found := cutPrefixFold(line, l)
		if !found {
			continue
		}
		rest = strings.TrimSpace(rest)
		if !strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, "-") && !strings.HasPrefix(rest, "|") {
			continue
		}
		rest = strings.TrimLeft(rest, ":-| ")
		var tags []string
		seen := map[string]bool{}
		for _, p := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == '|' || r == ';' || r == '#' || r == '،' }) {
			p = strings.TrimSpace(p)
			if p == "" || seen[strings.ToLower(p)] {
				continue
			}
			seen[strings.ToLower(p)] = true
			tags = append(tags, p)
		}
		return tags, len(tags) > 0
	}
	return nil, false
}

// phraseEnds are words that commonly end a tag phrase on Indian news sites
// ("World News", "Russia Visit", "Live Updates"); lowercase.
var phraseEnds = map[string]bool{
	"news": true, "update": true, "updates": true, "live": true, "visit": true,
	"today": true, "hindi": true, "samachar": true, "khabar": true,
	"headlines": true, "result": true, "results": true, "video": true, "videos": true,
	"photos": true, "alert": true, "story": true, "stories": true, "report": true,
	"match": true, "score": true, "price": true, "rate": true, "rates": true,
	"list": true, "highlights": true, "election": true, "elections": true,
}

// maxTagWords is the longest phrase splitRunOnTags accepts as one tag.
const maxTagWords = 6

// runOnTagLine reports whether line looks like a run-on line of Latin tag
// phrases: only Latin words (digits, hyphens, apostrophes and inner dots
// allowed), at least four words, most of them capitalised, no sentence end.
func runOnTagLine(line string) bool {
	if utf8.RuneCountInString(line) > 400 || strings.ContainsAny(line, ",;:?!।|\"“”") {
		return false
	}
	if strings.HasSuffix(line, ".") {
		return false
	}
	words := strings.Fields(line)
	if len(words) < 4 {
		return false
	}
	capital := 0
	for _, w := range words {
		for _, r := range w {
			if !(r < 0x250 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '-' || r == '\'' || r == '.' || r == '&') {
				return false
			}
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			capital++
		}
	}
	return capital*2 >= len(words)
}

// splitRunOnTags splits a run-on tag line into phrases. A new phrase starts
// at a capitalised word when (a) the word before ends a phrase ("News",
// "visit"), (b) the word and the next one repeat an earlier word pair
// that lay inside one earlier phrase ("S Jaishankar … S jaishankar"), or (c) the word repeats the first word of
// an earlier phrase. It reports false when the line does not look like tags,
// gives fewer than two phrases, or a phrase is longer than maxTagWords.
func splitRunOnTags(line string) ([]string, bool) {
	if !runOnTagLine(line) {
		return nil, false
	}
	words := strings.Fields(line)
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(w)
	}
	var phrases [][]string
	start := 0
	heads := map[string]bool{}
	starts := map[int]bool{0: true}
	for i := 1; i < len(words); i++ {
		r, _ := utf8.DecodeRuneInString(words[i])
		if !unicode.IsUpper(r) || i == start {
			continue
		}
		split := phraseEnds[lower[i-1]]
		if !split && i+1 < len(words) {
			for j := 0; j+1 < i; j++ {
				// The earlier pair must lie inside one phrase.
				if lower[j] == lower[i] && lower[j+1] == lower[i+1] && !starts[j+1] {
					split = true
					break
				}
			}
		}
		if !split && (heads[lower[i]] || lower[i] == lower[start]) {
			split = true
		}
		if split {
			heads[lower[start]] = true
			phrases = append(phrases, words[start:i])
			start = i
			starts[i] = true
		}
	}
	phrases = append(phrases, words[start:])
	if len(phrases) < 2 {
		return nil, false
	}
	var tags []string
	seen := map[string]bool{}
	for _, p := range phrases {
		if len(p) > maxTagWords {
			return nil, false
		}
		t := strings.Join(p, " ")
		if !seen[strings.ToLower(t)] {
			seen[strings.ToLower(t)] = true
			tags = append(tags, t)
		}
	}
	return tags, true
}
