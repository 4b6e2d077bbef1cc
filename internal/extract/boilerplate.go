package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the line rules for Indian news pages that scraped-text and
// HTML extraction share. Each rule looks at one line (or one text node) that
// has already been trimmed and had its runs of spaces collapsed.

// keySet returns the set of the phrases folded by lineKey.
func keySet(phrases ...string) map[string]bool {
	m := make(map[string]bool, len(phrases))
	for _, p := range phrases {
		m[lineKey(p)] = true
	}
	return m
}

// keyList returns the phrases folded by lineKey, in order.
func keyList(phrases ...string) []string {
	out := make([]string, len(phrases))
	for i, p := range phrases {
		out[i] = lineKey(p)
	}
	return out
}

// lineKey folds a line for comparing against the fixed phrases below:
// lowercase, nukta removed, punctuation and spaces at both ends dropped,
// inner runs of spaces and punctuation collapsed to one space.
func lineKey(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == '\u093c' {
			continue
		}
		r = baseRune(r)
		if unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// boilerplateLines are whole lines (by lineKey) that are never article text.
var boilerplateLines = keySet(
	"advertisement", "advertisment", "advertisements", "ad",
	"विज्ञापन", "स्पॉन्सर्ड", "sponsored",
	"story continues below", "story continues below this ad",
	"continue reading below", "article continues below",
	"खबर जारी है", "नीचे पढ़ें",
	"share", "share this", "share this article", "share now",
	"शेयर", "शेयर करें", "tweet", "facebook", "twitter",
	"whatsapp", "linkedin", "telegram", "email", "print",
	"copy link", "link copied", "comments", "comment",
	"follow us", "follow us on", "हमें फॉलो करें",
	"author image", "profile image", "new update",
	"read more", "और पढ़ें", "load more", "show more",
	"subscribe", "सब्सक्राइब करें", "click here", "यहां क्लिक करें",
	"trending", "ट्रेंडिंग", "top news", "टॉप न्यूज",
	"listen to this article", "इस खबर को सुनें", "ख़बर सुनें", "खबर सुनें",
	"google news", "font size", "aa", "a a",
	// Buttons and labels first met on HTML pages; scraped text carries
	// them the same way.
	"कॉपी लिंक", "लिंक कॉपी करें", "लिंक कॉपी", "खबरें और भी हैं",
	"विज्ञापन के नीचे खबर जारी है", "फॉलो करें", "फॉलो", "सुनें", "कमेंट", "कमेंट करें", "टिप्पणी करें",
	"share via", "copy url", "copied", "skip ad", "advertisement continue reading",
	"scroll to continue with content", "live updates", "लाइव अपडेट",
	// Labels of image and embed widgets.
	"externer inhalt", "external content", "bild anzeigen", "bild schließen", "bild anzeigen bild schließen",
	"bild vergrößern", "enlarge image", "view image", "फोटो देखें", "वीडियो देखें",
)

// boilerplatePrefixes start lines that are calls to follow, share or
// subscribe; such a line is boilerplate when it is short.
var boilerplatePrefixes = keyList(
	"follow us on", "follow us", "हमें फॉलो करें", "हमें फॉलो करे", "फॉलो करें",
	"whatsapp चैनल", "whatsapp channel", "join our whatsapp", "हमारे whatsapp",
	"व्हाट्सएप चैनल", "telegram चैनल", "join our telegram", "subscribe to",
	"download the app", "ऐप डाउनलोड करें", "डाउनलोड करें", "google news पर",
	"story continues below", "share this", "शेयर करें", "click here to",
	"for more news", "ताजा खबरों के लिए", "लेटेस्ट खबरों के लिए", "देश दुनिया की",
)

// maxBoilerplatePrefixLine is the longest line (in runes) that a boilerplate
// prefix can condemn; longer lines are article text that happens to start so.
const maxBoilerplatePrefixLine = 140

// isBoilerplate reports whether a line is page furniture: ad markers, share
// and follow prompts, "read more" buttons, copyright footers and the like.
func isBoilerplate(line string) bool {
	k := lineKey(line)
	if boilerplateLines[k] {
		return true
	}
	if utf8.RuneCountInString(line) > maxBoilerplatePrefixLine {
		return false
	}
	for _, p := range boilerplatePrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	// "WhatsApp चैनल से जुड़ें", "Telegram पर जुड़ें": a messenger name and a
	// call to join.
	if (strings.Contains(k, "whatsapp") || strings.Contains(k, "telegram") || strings.Contains(k, "व्हाट्सएप")) &&
		// k is nukta-folded, so "जुड़ें" is spelled without its nukta here.
		(strings.Contains(k, "जुडें") || strings.Contains(k, "join") || strings.Contains(k, "फॉलो")) &&
		utf8.RuneCountInString(line) <= 80 {
		return true
	}
	if readingTime(line) {
		return true
	}
	// Follow prompts and copyright footers (boilerplate_outlet.go).
	if _, ok := followPrompt(line); ok {
		return true
	}
	_, ok := copyrightLine(line)
	return ok
}

// readingLabels name a reading time ("Lesezeit: 4 Min."); readingMinutes
// and readingVerbs write one as "3 min read" or "2 मिनट में पढ़ें". All by
// lineKey, so "पढ़ें" is spelled without its nukta.
var (
	readingLabels  = keyList("reading time", "read time", "lesezeit", "lesedauer", "tempo de leitura", "tiempo de lectura", "temps de lecture", "पढ़ने का समय", "पढ़ने में समय")
	readingMinutes = keySet("min", "mins", "minute", "minutes", "minuto", "minutos", "minuten", "मिनट")
	readingVerbs   = keySet("read", "पढ़ें", "पढ़े", "पढ़िए")
)

// maxReadingTimeWords is the most words a reading-time line may have.
const maxReadingTimeWords = 7

// readingTime reports whether line only tells how long the story takes to
// read: a number and a reading label, or a number of minutes and a verb
// of reading.
func readingTime(line string) bool {
	k := lineKey(line)
	f := strings.Fields(k)
	if len(f) == 0 || len(f) > maxReadingTimeWords || !strings.ContainsAny(k, "0123456789०१२३४५६७८९") {
		return false
	}
	for _, l := range readingLabels {
		if strings.HasPrefix(k, l+" ") {
			return true
		}
	}
	minutes, verb := false, false
	for _, w := range f {
		minutes = minutes || readingMinutes[w]
		verb = verb || readingVerbs[w]
	}
	return minutes && verb
}

// relatedMarkers open "read this too" lines; by lineKey, longest first.
var relatedMarkers = []string{
	"यह भी पढ़ें", "ये भी पढ़ें", "इसे भी पढ़ें", "यह भी पढ़े", "ये भी पढ़े",
	"इसे भी पढ़े", "यहां भी पढ़ें", "ये भी देखें", "यह भी देखें", "और भी पढ़ें",
	"हे ही वाचा", "हेही वाचा", "also read", "read also", "और पढ़ें",
}

// relatedLine reads a related-article line such as "यह भी पढ़ें- <title>" or
// "Also Read: <title> https://…". It returns the title (empty when the line
// is only the marker) and the URL if one was written, and ok when the line
// starts with a marker followed by a separator or nothing.
func relatedLine(line string) (title, url string, ok bool) {
	for _, m := range relatedMarkers {
		rest, found := cutPrefixFold(line, m)
		if !found {
			continue
		}
		// The marker must end at a separator, not inside a word.
		r, _ := utf8.DecodeRuneInString(rest)
		if rest != "" && !strings.ContainsRune(" :-–—|>»:॰.", r) {
			continue
		}
		rest = strings.TrimLeft(rest, " :-–—|>»॰.")
		rest = strings.TrimSpace(rest)
		if i := strings.Index(rest, "http://"); i >= 0 {
			url = strings.TrimSpace(rest[i:])
			rest = strings.TrimSpace(rest[:i])
		} else if i := strings.Index(rest, "https://"); i >= 0 {
			url = strings.TrimSpace(rest[i:])
			rest = strings.TrimSpace(rest[:i])
		}
		if url != "" {
			if j := strings.IndexAny(url, " \t"); j >= 0 {
				url = url[:j]
			}
		}
		return strings.TrimRight(rest, " :-–—|"), url, true
	}
	return "", "", false
}

// cutPrefixFold removes prefix from s comparing the two case-insensitively
// and ignoring nukta on both sides (precomposed nukta letters included), and
// reports whether it was there.
func cutPrefixFold(s, prefix string) (string, bool) {
	i, j := 0, 0
	for j < len(prefix) {
		p, m := utf8.DecodeRuneInString(prefix[j:])
		if p == '\u093c' {
			j += m
			continue
		}
		if i >= len(s) {
			return s, false
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\u093c' {
			i += n
			continue
		}
		if unicode.ToLower(baseRune(r)) != unicode.ToLower(baseRune(p)) {
			return s, false
		}
		i += n
		j += m
	}
	// Do not leave a dangling nukta behind.
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != '\u093c' {
			break
		}
		i += n
	}
	return s[i:], true
}

// baseRune maps a precomposed Devanagari nukta letter (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ ऩ
// ऱ ऴ) to its base letter; other runes are returned as they are.
func baseRune(r rune) rune {
	switch {
	case r >= '\u0958' && r <= '\u095f':
		return []rune("कखगजडढफय")[r-'\u0958']
	case r == '\u0929':
		return 'न'
	case r == '\u0931':
		return 'र'
	case r == '\u0934':
		return 'ळ'
	}
	return r
}

// photoCreditPrefixes open a photo credit; by lineKey.
var photoCreditPrefixes = keyList(
	"photo credit", "photo", "image source", "image credit", "image", "pic credit",
	"picture", "फोटो साभार", "फोटो क्रेडिट", "फोटो", "तस्वीर", "चित्र", "इमेज", "साभार",
	"फाइल फोटो", "file photo", "representative image", "सांकेतिक तस्वीर", "सांकेतिक फोटो",
)

// photoCredit looks for a photo credit in a line: either the whole line
// ("फोटो: ANI", "(Photo: PTI)", "Image Source : X") or a credit in brackets
// at its end ("किसान धरने पर बैठे (फोटो: PTI)"). It returns the text before
// the credit (empty when the whole line is a credit) and ok when a credit
// was found.
func photoCredit(line string) (before string, ok bool) {
	if isCredit(line) {
		return "", true
	}
	if strings.HasSuffix(line, ")") {
		if i := strings.LastIndex(line, "("); i > 0 && isCredit(line[i:]) {
			return strings.TrimSpace(line[:i]), true
		}
	}
	return trailingCredit(line)
}

// isCredit reports whether s, with optional brackets, is only a credit.
func isCredit(s string) bool {
	if utf8.RuneCountInString(s) > 80 {
		return false
	}
	inner := strings.TrimSpace(strings.Trim(s, "()[] "))
	k := lineKey(inner)
	for _, p := range photoCreditPrefixes {
		if k == p {
			// Bare "(फाइल फोटो)" or "Representative image".
			return p == "फाइल फोटो" || p == "file photo" || p == "representative image" ||
				p == "सांकेतिक तस्वीर" || p == "सांकेतिक फोटो"
		}
		if !strings.HasPrefix(k, p+" ") {
			continue
		}
		// The prefix must be followed by a separator in the raw text:
		// "फोटो: ANI", "Photo - PTI", "Image Source : X".
		rest, found := cutPrefixFold(inner, p)
		if !found {
			// lineKey collapsed punctuation inside the prefix; accept it.
			return strings.ContainsAny(inner, ":-–|")
		}
		rest = strings.TrimSpace(rest)
		return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "-") ||
			strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "|") ||
			strings.HasPrefix(rest, "/")
	}
	return false
}

// authorMarkers are lines (by lineKey) that announce the author's name on
// the next line, left behind by author photos and profile cards.
var authorMarkers = keySet(
	"author image", "author", "लेखक", "लेखक की तस्वीर",
	"written by", "reported by", "by", "द्वारा",
	"profile image", "author img",
)

// captionMarkers are lines (by lineKey) after which a short line is the
// caption of the lead image.
var captionMarkers = keySet(
	"new update", "image caption", "कैप्शन", "तस्वीर का कैप्शन",
)

// bylineLabels open a byline; the names follow. Editors are kept apart.
var bylineLabels = []string{
	"written by", "reported by", "story by", "posted by", "by", "author",
	"लेखक", "लेखिका", "रिपोर्ट", "रिपोर्टर", "संवाददाता", "रिपोर्टः", "द्वारा",
	"लेखन", "वार्ताहर", "with inputs from", "inputs from", "इनपुट", "इनपुट्स", "इनपुट्स के साथ",
}

var editorLabels = []string{"edited by", "edited", "संपादित", "संपादक", "संपादन", "editor"}

// agencies are news-agency credits that stand as a whole byline.
var agencies = keySet(
	"ani", "pti", "ians", "uni", "reuters", "afp",
	"ap", "bloomberg", "एएनआई", "पीटीआई", "आईएएनएस",
	"यूएनआई", "भाषा", "पीटीआई भाषा", "एजेंसी", "एजेंसियां",
	"रॉयटर्स", "एपी", "वार्ता", "यूनीवार्ता", "हिन्दुस्थान समाचार",
	"हिंदुस्थान समाचार", "एजन्सी", "agency", "agencies",
)

// byline reads a byline line: "लेखक: सीमा वर्मा", "By Ritu Sharma and Amit
// Rao", "Edited By: Neha", a bare agency ("PTI", "भाषा") or a dateline with an
// agency ("नई दिल्ली, एएनआई"). It returns the names, whether they are editors,
// and ok when the line is a byline.
func byline(line string) (names []string, editor, ok bool) {
	if utf8.RuneCountInString(line) > 100 {
		return nil, false, false
	}
	if strings.HasPrefix(line, "(") && strings.HasSuffix(line, ")") {
		line = strings.TrimSpace(line[1 : len(line)-1])
	}
	k := lineKey(line)
	if agencies[k] {
		return []string{strings.Trim(line, " ()[]-–—|:")}, false, true
	}
	// "नई दिल्ली, एएनआई" / "Mumbai, PTI": place, agency.
	if i := strings.LastIndexAny(line, ",|/"); i > 0 {
		place, ag := strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+1:])
		if agencies[lineKey(ag)] && nameLike(place, 3) {
			return []string{strings.Trim(ag, " ()[]-–—:।.")}, false, true
		}
	}
	for _, l := range editorLabels {
		if rest, found := labelled(line, l); found {
			if n := splitNames(rest); len(n) > 0 {
				return n, true, true
			}
		}
	}
	for _, l := range bylineLabels {
		if rest, found := labelled(line, l); found {
			if n := splitNames(rest); len(n) > 0 {
				return n, false, true
			}
		}
	}
	return nil, false, false
}

// labelled cuts "label:" or "label " from the start of line. A label that is
// a plain English word ("by") must be followed by a space and a capital.
func labelled(line, label string) (string, bool) {
	rest, found := cutPrefixFold(line, label)
	if !found || rest == "" {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if !(r == ' ' || r == ':' || r == '-' || r == '–' || r == '|') {
		return "", false
	}
	trimmed := strings.TrimLeft(rest, " :-–|")
	if trimmed == "" {
		return "", false
	}
	if !strings.ContainsAny(rest[:len(rest)-len(trimmed)], ":-–|") {
		// No separator: only accept "By Name" with a capitalised name.
		f, _ := utf8.DecodeRuneInString(trimmed)
		if !unicode.IsUpper(f) {
			return "", false
		}
	}
	return trimmed, true
}

// splitNames splits "A, B and C" / "A और B" into names and returns nil when
// any part does not look like a name.
func splitNames(s string) []string {
	s = strings.TrimRight(strings.TrimSpace(s), ".।")
	for _, sep := range []string{" and ", " & ", " और ", " व ", " आणि ", ";", "|"} {
		s = strings.ReplaceAll(s, sep, ",")
	}
	var out []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if !nameLike(p, 5) && !agencies[lineKey(p)] {
			return nil
		}
		out = append(out, p)
	}
	return out
}

// nameLike reports whether s looks like a person's or place's name: 1 to
// maxWords words of letters (dots, hyphens and apostrophes allowed), no
// digits, each Latin word capitalised.
func nameLike(s string, maxWords int) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > maxWords || utf8.RuneCountInString(s) > 50 {
		return false
	}
	for _, w := range words {
		first := true
		for _, r := range w {
			switch {
			case r == '.' || r == '-' || r == '\'' || r == '’':
			case unicode.IsLetter(r) || unicode.IsMark(r) || r == '\u200c' || r == '\u200d':
				if first && r < 0x0900 && !unicode.IsUpper(r) {
					return false
				}
			default:
				return false
			}
			first = false
		}
	}
	return true
}

// breadcrumb reads a navigation trail such as "Home > News > India" or
// "होम / देश" and returns its last part (the section).
func breadcrumb(line string) (section string, ok bool) {
	for _, sep := range []string{" > ", " » ", " / ", " › "} {
		parts := strings.Split(line, sep)
		if len(parts) < 2 {
			continue
		}
		switch lineKey(parts[0]) {
		case "home", "होम", "मुख्य पृष्ठ", "मुखपृष्ठ", "hindi news", "हिंदी न्यूज":
		default:
			continue
		}
		for _, p := range parts {
			if utf8.RuneCountInString(p) > 40 {
				return "", false
			}
		}
		return strings.TrimSpace(parts[len(parts)-1]), true
	}
	return "", false
}
