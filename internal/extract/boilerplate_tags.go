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
// ("World News", "Russia Visit", "Onion Rate Today"); lowercase. A phrase
// ends after one of them unless the next word is another phrase end or a
// number ("Weather Today", "Live Updates", "Rate 2026").
var phraseEnds = map[string]bool{
	"news": true, "update": true, "updates": true, "live": true, "visit": true,
	"today": true, "samachar": true, "khabar": true,
	"headlines": true, "result": true, "results": true, "video": true, "videos": true,
	"photos": true, "alert": true, "alerts": true, "story": true, "stories": true, "report": true,
	"match": true, "score": true, "price": true, "rate": true, "rates": true,
	"list": true, "highlights": true, "election": true, "elections": true,
}

// weakPhraseEnds end a tag phrase only where a phrase would otherwise be
// longer than maxTagWords: "UP Weather | Varanasi Rain …" but "ISRO
// Weather Satellite Launch".
var weakPhraseEnds = map[string]bool{
	"weather": true, "day": true, "diwas": true, "divas": true, "crisis": true,
	"case": true, "cases": true, "exam": true, "exams": true, "budget": true,
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

// splitRunOnTags splits a run-on tag line into phrases and reports whether
// the split is clean: the line looks like tags (runOnTagLine), it gives at
// least two phrases and none is longer than maxTagWords.
func splitRunOnTags(line string) ([]string, bool) {
	if !runOnTagLine(line) {
		return nil, false
	}
	tags := tagPhrases(line)
	if len(tags) < 2 {
		return nil, false
	}
	for _, t := range tags {
		if len(strings.Fields(t)) > maxTagWords {
			return nil, false
		}
	}
	return tags, true
}

// tagPhrases splits a run of Latin tag phrases at its most likely phrase
// boundaries, dropping repeats. A new phrase starts at a capitalised word
// when (a) the word before ends a phrase ("News", "visit") and this word
// does not continue it (another phrase end or a number), (b) the word
// before is a number and this word is not ("Monsoon 2025 IMD Alert"),
// (c) the word and the next one repeat an earlier word pair that lay
// inside one earlier phrase ("S Jaishankar … S jaishankar"), or (d) the
// word repeats the first word of an earlier phrase or of the current one.
// Lowercase words never start a phrase. The result may hold one phrase, or
// phrases longer than maxTagWords, when the line gives nothing better.
func tagPhrases(line string) []string {
	words := strings.Fields(line)
	if len(words) == 0 {
		return nil
	}
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(w)
	}
	number := func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsDigit(r)
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
		prev := lower[i-1]
		split := phraseEnds[prev] && !phraseEnds[lower[i]]
		if !split && number(prev) && !phraseEnds[lower[i]] && i-1 > start {
			split = true
		}
		// (c) and (d) never leave a one-word phrase at the end.
		if !split && i+1 < len(words) {
			for j := 0; j+1 < i; j++ {
				// The earlier pair must lie inside one phrase.
				if lower[j] == lower[i] && lower[j+1] == lower[i+1] && !starts[j+1] {
					split = true
					break
				}
			}
		}
		if !split && i+1 < len(words) && (heads[lower[i]] || lower[i] == lower[start]) {
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
	// A closing "Hindi" or "English" belongs to the phrase before it
	// ("Sports News Hindi").
	if n := len(phrases); n >= 2 && len(phrases[n-1]) == 1 && languageTail[strings.ToLower(phrases[n-1][0])] {
		merged := append(phrases[n-2][:len(phrases[n-2]):len(phrases[n-2])], phrases[n-1]...)
		phrases = append(phrases[:n-2], merged)
	}
	var tags []string
	seen := map[string]bool{}
	for _, p := range splitLong(phrases) {
		t := strings.Join(p, " ")
		if !seen[strings.ToLower(t)] {
			seen[strings.ToLower(t)] = true
			tags = append(tags, t)
		}
	}
	return tags
}

// languageTail are words that close a tag line as part of its last phrase.
var languageTail = map[string]bool{"hindi": true, "english": true}

// splitLong splits phrases longer than maxTagWords after their weak phrase
// ends (weakPhraseEnds), where the next word is capitalised.
func splitLong(phrases [][]string) [][]string {
	var out [][]string
	for _, p := range phrases {
		if len(p) <= maxTagWords {
			out = append(out, p)
			continue
		}
		start := 0
		for i := 1; i < len(p); i++ {
			r, _ := utf8.DecodeRuneInString(p[i])
			if i-start >= 2 && unicode.IsUpper(r) && weakPhraseEnds[strings.ToLower(p[i-1])] &&
				!phraseEnds[strings.ToLower(p[i])] && !weakPhraseEnds[strings.ToLower(p[i])] {
				out = append(out, p[start:i])
				start = i
			}
		}
		out = append(out, p[start:])
	}
	return out
}

// functionWords are lowercase English words that sentences have and tag
// lines do not.
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "is": true, "are": true, "was": true, "were": true,
	"of": true, "to": true, "in": true, "on": true, "at": true, "for": true, "with": true,
	"and": true, "or": true, "but": true, "by": true, "from": true, "has": true, "have": true,
	"had": true, "will": true, "be": true, "been": true, "it": true, "its": true, "this": true,
	"that": true, "as": true, "said": true, "says": true, "not": true, "can": true, "who": true,
	"we": true, "you": true, "he": true, "she": true, "they": true, "our": true, "your": true,
}

// hasFunctionWord reports whether line holds a lowercase English function
// word ("the", "is", "of", …).
func hasFunctionWord(line string) bool {
	for _, w := range strings.Fields(line) {
		if functionWords[strings.Trim(w, ".,'’")] {
			return true
		}
	}
	return false
}

// separatedTagLine reads a closing line of Latin tags separated by commas,
// pipes or hash signs ("Delhi Rain, IMD Alert, Traffic Jam", "#Budget2026
// #Tax"): at least three tags, each of one to maxTagWords words, only Latin
// letters, digits and '-', most of them capitalised, no sentence end.
func separatedTagLine(line string) ([]string, bool) {
	if utf8.RuneCountInString(line) > 400 || strings.ContainsAny(line, ".;:?!।\"“”") {
		return nil, false
	}
	hash := strings.HasPrefix(line, "#")
	if !hash && !strings.ContainsAny(line, ",|") {
		return nil, false
	}
	var tags []string
	capital := 0
	for _, p := range strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == '|' || r == '#' }) {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		n := len(strings.Fields(p))
		if n > maxTagWords {
			return nil, false
		}
		for _, r := range p {
			if !(r < 0x250 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '-' || r == ' ' || r == '\'' || r == '&') {
				return nil, false
			}
		}
		if r, _ := utf8.DecodeRuneInString(p); unicode.IsUpper(r) || unicode.IsDigit(r) {
			capital++
		}
		tags = appendNew(tags, p)
	}
	if len(tags) < 3 || capital*2 < len(tags) || hasFunctionWord(strings.Join(tags, " ")) {
		return nil, false
	}
	return tags, true
}

// closingTags decides whether line, the last line of an article's body, is
// a line of tags, and returns them. Two kinds of line qualify:
//
//   - tags separated by commas, pipes or hash signs (separatedTagLine);
//   - a run-on line of Latin words and numbers (runOnTagLine).
//
// In an article mostly written in Devanagari (deva) such a line is always
// tags, even when the run-on split is uncertain: the phrases are then
// split as well as tagPhrases can, and uncertain reports it. In a Latin
// article a run-on line must also hold no lowercase function word ("the",
// "is", "of") and either come after dropped furniture such as related
// links or follow prompts (afterFurniture) or split cleanly; a separated
// line must come after furniture.
func closingTags(line string, deva, afterFurniture bool) (tags []string, uncertain, ok bool) {
	if t, ok := separatedTagLine(line); ok && (deva || afterFurniture) {
		return t, false, true
	}
	if !runOnTagLine(line) {
		return nil, false, false
	}
	if t, ok := splitRunOnTags(line); ok {
		if deva || !hasFunctionWord(line) {
			return t, false, true
		}
		return nil, false, false
	}
	if deva || afterFurniture && !hasFunctionWord(line) {
		return tagPhrases(line), true, true
	}
	return nil, false, false
}
