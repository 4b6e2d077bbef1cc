package extract

import (
	"strings"
	"unicode/utf8"
)

// creditSeparators may stand between a caption and the photo credit that
// closes it; keep says whether the separator's first byte (a sentence end)
// stays with the caption.
var creditSeparators = []struct {
	sep  string
	keep bool
}{
	{". ", true}, {"। ", true}, {" | ", false}, {" - ", false}, {" – ", false}, {" — ", false}, {", ", false},
}

// maxCreditWords is the longest credit, in words, that trailingCredit
// takes off a caption ("फोटो साभार: सोशल मीडिया").
const maxCreditWords = 7

// trailingCredit finds a photo credit written after a caption without
// brackets ("जलभराव वाली सड़क से गुजरते लोग. फोटो: भाषा", "Commuters at the
// depot | Image: Reuters"). It returns the caption, with its closing full
// stop or danda, and ok when the text after the last separator is a credit
// of at most maxCreditWords words.
func trailingCredit(line string) (before string, ok bool) {
	if utf8.RuneCountInString(line) > 400 {
		return "", false
	}
	best := -1
	var keep bool
	var sepLen int
	for _, s := range creditSeparators {
		i := strings.LastIndex(line, s.sep)
		if i <= 0 || i <= best {
			continue
		}
		rest := strings.TrimSpace(line[i+len(s.sep):])
		if rest == "" || len(strings.Fields(rest)) > maxCreditWords || !isCredit(rest) {
			continue
		}
		best, keep, sepLen = i, s.keep, len(s.sep)
	}
	if best < 0 {
		return "", false
	}
	end := best
	if keep {
		end = best + sepLen - 1 // keep the full stop or danda, drop the space
	}
	before = strings.TrimSpace(line[:end])
	if before == "" {
		return "", false
	}
	return before, true
}

// creditText returns the credit that photoCredit found after before in line,
// without the separator between them.
func creditText(line, before string) string {
	return strings.TrimLeft(strings.TrimPrefix(line, before), " |-–—,")
}
