package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/news"
)

// Decisions on the shape of scraped text: kickers, headings, captions and
// closing tag lines.

// trailingTags takes closing tag lines off the end of the body (see
// closingTags): at most two, the last line first.
func (b *builder) trailingTags() {
	deva := b.mostlyDevanagari()
	var found [][]string
	for range 2 {
		n := len(b.blocks)
		if n < 2 || b.blocks[n-1].kind != news.Paragraph {
			break
		}
		last := b.blocks[n-1]
		tags, uncertain, ok := closingTags(last.text, deva, last.afterSkip)
		if !ok {
			if len(found) == 0 && runOnTagLine(last.text) {
				b.warn("last line may be tags, kept as text: %q", short(last.text))
			}
			break
		}
		if uncertain {
			b.warn("tag line split uncertain: %q", short(last.text))
		}
		found = append(found, tags)
		b.blocks = b.blocks[:n-1]
	}
	for i := len(found) - 1; i >= 0; i-- {
		b.a.Tags = appendNew(b.a.Tags, found[i]...)
	}
}

// mostlyDevanagari reports whether the headline, standfirst and body
// blocks other than the last hold more Devanagari letters than Latin ones.
func (b *builder) mostlyDevanagari() bool {
	deva, latin := 0, 0
	count := func(s string) {
		for _, r := range s {
			switch {
			case isDevanagari(r) && unicode.IsLetter(r):
				deva++
			case r < 0x250 && unicode.IsLetter(r):
				latin++
			}
		}
	}
	count(b.a.Headline)
	count(b.a.Standfirst)
	for i := 0; i+1 < len(b.blocks); i++ {
		count(b.blocks[i].text)
	}
	return deva > latin
}

// opensWithDateline reports whether l starts like a news report's first
// paragraph: a dateline of a place and a date ("गोंडा, 21 अगस्त:", "सिंगापुर,
// ९ दिसम्बर (ANI)") or a place alone before a colon ("शिमला: …") followed
// by at least ten words. Such a line is not a caption.
func opensWithDateline(l string) bool {
	i := strings.IndexAny(l, ":(।")
	if i <= 0 {
		return false
	}
	head, rest := l[:i], l[i:]
	words := strings.Fields(head)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	if j := strings.Index(head, ","); j > 0 && strings.ContainsFunc(head[j:], isDigit) {
		return true
	}
	return l[i] == ':' && len(words) <= 3 && !strings.ContainsFunc(head, isDigit) && len(strings.Fields(rest)) >= 10
}

// altText reports whether s, in an article whose headline is Devanagari,
// is a short Latin name such as an image's alt text: at most five
// capitalised words and no Devanagari.
func (b *builder) altText(s string) bool {
	return strings.ContainsFunc(b.a.Headline, isDevanagari) && !strings.ContainsFunc(s, isDevanagari) && nameLike(s, 5)
}

// splitKicker splits "S Jaishankar Russia Visit: रूस पहुंचे …" into a Latin
// kicker and a Devanagari headline. The prefix must hold no Devanagari and
// at most eight words, and the rest must be mostly Devanagari.
func splitKicker(h string) (kicker, headline string) {
	i := strings.Index(h, ": ")
	if i <= 0 {
		return "", h
	}
	pre, rest := strings.TrimSpace(h[:i]), strings.TrimSpace(h[i+2:])
	if rest == "" || strings.ContainsFunc(pre, isDevanagari) || !strings.ContainsFunc(pre, unicode.IsLetter) ||
		len(strings.Fields(pre)) > 8 {
		return "", h
	}
	var deva, letters int
	for _, r := range rest {
		if unicode.IsLetter(r) {
			letters++
			if isDevanagari(r) {
				deva++
			}
		}
	}
	if deva*2 <= letters {
		return "", h
	}
	return pre, rest
}

// headingLike reports whether a line could be a subheading: short, at most
// twelve words, and not ending like a sentence or a lead-in.
func headingLike(s string) bool {
	if utf8.RuneCountInString(s) > 100 || len(strings.Fields(s)) > 12 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".।?!:;,…\"'”’)-–—|॥", r)
}

// isCaptionLike reports whether a line is short enough to be a caption.
func isCaptionLike(s string) bool {
	return utf8.RuneCountInString(s) <= 200 && len(strings.Fields(s)) <= 30
}
