package extract

import (
	"net/url"
	"strings"

	"github.com/khabar-news/khabar/internal/news"
	"golang.org/x/net/html"
)

// htmlOnlyBoilerplateLines are whole lines (by lineKey) that are furniture
// in an HTML block but not in scraped text. A lone "यह भी पढ़ें" is one: in
// scraped text the related title follows on the next line and relatedLine
// reads the two together, while in HTML the box around it has already
// been taken into Related (htmlTakeRelated) and the marker is all that is
// left. Every other phrase lives with the shared rules in boilerplate.go.
var htmlOnlyBoilerplateLines = keySet("यह भी पढ़ें", "ये भी पढ़ें")

// htmlIsBoilerplate reports whether a block of HTML text is page furniture
// by the shared line rules or htmlOnlyBoilerplateLines.
func htmlIsBoilerplate(text string) bool {
	return isBoilerplate(text) || htmlOnlyBoilerplateLines[lineKey(text)]
}

// htmlSectionHeads are whole lines (by lineKey) that head a box of other
// stories, comments or a subscription offer on a page, in the languages the
// benchmarks hold besides Hindi. On an HTML page they are never article
// text; the short teaser lines after one are dropped with it (see
// htmlBodyFilter).
var htmlSectionHeads = keySet(
	"related", "related articles", "related stories", "related links", "related content",
	"more", "related posts", "related news", "more stories", "more news", "more from", "more on this",
	"more on this story", "you may also like", "you might also like", "recommended",
	"recommended for you", "most read", "most popular", "popular", "top video", "top stories",
	"don t miss", "read more", "see also", "also read", "explore further", "view comments",
	"latest news", "latest articles", "latest stories", "what to read next", "editor s picks",
	"to read the full story", "join the conversation", "you must log in to post a comment",
	"neueste artikel", "weitere artikel", "weitere themen", "mehr zum thema", "auch lesen",
	"lesen sie auch", "das könnte sie auch interessieren", "das könnte dich auch interessieren",
	"videos zum thema", "beiträge aus dem forum", "entdecke weitere", "meistgelesen",
	"le puede interesar", "te puede interesar", "lea también", "lee también", "temas",
	"à lire aussi", "lire aussi", "sur le même sujet", "leggi anche", "czytaj też",
	"czytaj także", "czytaj również", "zobacz też", "zobacz także", "polecamy",
	"already a subscriber", "bereits abonnent", "jetzt abonnieren", "subscribe now",
	"die redaktion empfiehlt", "meistgelesene artikel", "meistdiskutierte artikel",
)

// htmlTeaserLabels open a line that points to another story ("READ MORE:
// …", "Lea también: …") when a colon follows them.
var htmlTeaserLabels = []string{
	"read more", "read also", "also read", "see also", "related", "more", "don't miss",
	"watch", "recommended", "lea también", "lea más", "lee también", "lea", "lee",
	"te puede interesar", "le puede interesar", "lesen sie auch", "auch lesen", "mehr zum thema",
	"czytaj też", "czytaj także", "czytaj również", "zobacz też", "zobacz także",
	"à lire aussi", "lire aussi", "leggi anche", "ver también", "puedes ver", "mire", "vea también",
}

// htmlMaxTeaserLine is the longest line (in runes) htmlTeaserLine takes
// for a pointer to another story.
const htmlMaxTeaserLine = 200

// htmlTeaserLine reports whether text is a labelled pointer to another
// story: one of htmlTeaserLabels, a colon, and a short title.
func htmlTeaserLine(text string) bool {
	if htmlRunes(text) > htmlMaxTeaserLine {
		return false
	}
	for _, l := range htmlTeaserLabels {
		rest, ok := cutPrefixFold(text, l)
		if !ok {
			continue
		}
		if strings.HasPrefix(strings.TrimLeft(rest, " "), ":") {
			return true
		}
	}
	return false
}

// htmlBylineLabels open a byline or a dateline written as a line of its
// own above the article text ("By Jane Doe", "Updated at 1:23 p.m.",
// "Publicado por …"); by lineKey.
var htmlBylineLabels = keyList(
	"by", "von", "por", "par", "publicado por", "updated", "updated at", "published",
	"posted", "posted on", "posted by", "last updated", "aktualisiert", "veröffentlicht",
)

// htmlMaxBylineRunes is the longest line taken for a byline.
const htmlMaxBylineRunes = 80

// htmlBylineLine reports whether text is a short line that starts with
// one of htmlBylineLabels followed by more words.
func htmlBylineLine(text string) bool {
	if htmlRunes(text) > htmlMaxBylineRunes {
		return false
	}
	k := lineKey(text)
	for _, l := range htmlBylineLabels {
		if strings.HasPrefix(k, l+" ") {
			return true
		}
	}
	return false
}

// htmlCreditLineLabels open a line that credits a photo or names a source
// ("Foto: …", "Quelle: …", "SOURCE: News agencies"); by lineKey.
var htmlCreditLineLabels = keyList(
	"source", "sources", "quelle", "quellen", "fuente", "fuentes", "credit", "credits",
	"photo", "photos", "foto", "fotos", "bild", "bilder", "image", "images", "image credit",
	"photo credit", "फोटो", "तस्वीर", "चित्र", "स्रोत",
)

// htmlMaxCreditLineWords is the most words a credit line may have after
// its label.
const htmlMaxCreditLineWords = 6

// htmlCreditLine reports whether text is a short credit or source line:
// a label of htmlCreditLineLabels, a colon, and at most
// htmlMaxCreditLineWords words.
func htmlCreditLine(text string) bool {
	label, rest, ok := strings.Cut(text, ":")
	if !ok || len(strings.Fields(rest)) > htmlMaxCreditLineWords {
		return false
	}
	k := lineKey(label)
	for _, l := range htmlCreditLineLabels {
		if k == l {
			return true
		}
	}
	return false
}

// htmlBylineOf reports whether text is a short byline line that names one
// of the article's authors ("By JANE DOE", "Von Jane Doe, Berlin").
func htmlBylineOf(text string, authors []string) bool {
	if len(authors) == 0 || !htmlBylineLine(text) {
		return false
	}
	k := " " + lineKey(text) + " "
	for _, au := range authors {
		if ak := lineKey(au); ak != "" && strings.Contains(k, " "+ak+" ") {
			return true
		}
	}
	return false
}

// htmlDatelineLabels open a line that only dates the article ("Updated at
// 1:23 p.m.", "Aktualisiert am 3. Mai"); by lineKey.
var htmlDatelineLabels = keyList("updated", "last updated", "published", "posted on", "aktualisiert", "veröffentlicht", "publicado", "actualizado")

// htmlMaxDatelineRunes is the longest line htmlDateline takes.
const htmlMaxDatelineRunes = 60

// htmlDateline reports whether text is a short line that opens with a
// label of htmlDatelineLabels and holds a digit.
func htmlDateline(text string) bool {
	if htmlRunes(text) > htmlMaxDatelineRunes || !strings.ContainsAny(text, "0123456789") {
		return false
	}
	k := lineKey(text)
	for _, l := range htmlDatelineLabels {
		if strings.HasPrefix(k, l+" ") {
			return true
		}
	}
	return false
}

// htmlMinBoxLinkShare is the least share of its text an element must have
// in links to be taken for an item of a box of other stories under a
// section head.
const htmlMinBoxLinkShare = 0.8

// htmlMaxSectionHeadBytes bounds the text (in bytes, white space
// included) of an element htmlLinkBoxes reads as a possible section head;
// the longest head is well under it.
const htmlMaxSectionHeadBytes = 200

// htmlTextOver reports whether the text under n is longer than limit
// bytes, reading no further than that.
func htmlTextOver(n *html.Node, limit int) bool {
	total := 0
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			total += len(n.Data)
			return total > limit
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	return walk(n)
}

// htmlLinkBoxes finds boxes of other stories that stand inside the
// article text wherever they are: an element whose whole text is a
// section head of htmlSectionHeads ("More:", "Related Articles"), and the
// elements right after it when they are all links (lists of headlines).
// It adds their links to a.Related and returns the keys (lineKey) of the
// head and of the text blocks in the box, for htmlDropBoxBlocks. The page
// is left as it is: removing the box would change which element the
// main-text extractor picks.
func htmlLinkBoxes(root *html.Node, base *url.URL, a *news.Article) map[string]bool {
	var heads []*html.Node
	htmlFind(root, func(n *html.Node) bool {
		if htmlInline[n.DataAtom] || htmlHasBlock(n) {
			return true
		}
		if !htmlTextOver(n, htmlMaxSectionHeadBytes) && htmlSectionHeads[lineKey(htmlText(n))] {
			heads = append(heads, n)
		}
		return false
	})
	keys := map[string]bool{}
	for _, h := range heads {
		var box []*html.Node
		for s := htmlNextElement(h); s != nil; s = htmlNextElement(s) {
			t := htmlText(s)
			r := htmlRunes(t)
			if r == 0 {
				continue
			}
			if htmlLinkDensity(s, r) < htmlMinBoxLinkShare {
				break
			}
			box = append(box, s)
		}
		if len(box) == 0 {
			continue
		}
		keys[lineKey(htmlText(h))] = true
		for _, b := range box {
			for _, l := range htmlLinks(b, base) {
				a.Related = htmlAppendLink(a.Related, l)
			}
			keys[lineKey(htmlText(b))] = true
			htmlFind(b, func(e *html.Node) bool {
				if !htmlInline[e.DataAtom] && !htmlHasBlock(e) {
					keys[lineKey(htmlText(e))] = true
					return false
				}
				return true
			})
		}
	}
	delete(keys, "")
	return keys
}

// htmlDropBoxBlocks removes from body the blocks whose key is in box (see
// htmlLinkBoxes); their text goes to a.Removed.
func htmlDropBoxBlocks(body []news.Block, box map[string]bool, a *news.Article) []news.Block {
	if len(box) == 0 {
		return body
	}
	out := body[:0]
	for _, b := range body {
		if b.Kind != news.Caption && box[lineKey(b.Text)] {
			a.Removed = append(a.Removed, b.Text)
			continue
		}
		out = append(out, b)
	}
	return out
}

// htmlDateWords are the words besides numbers that a line holding only a
// date and time may have: month and weekday names (English, German,
// Spanish, French, Hindi) and clock words; by lineKey.
var htmlDateWords = keySet(
	"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
	"jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november",
	"dec", "december", "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
	"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
	"octubre", "noviembre", "diciembre", "janvier", "février", "mars", "avril", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "wed", "thu", "fri", "sat", "sun",
	"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
	"जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "सितम्बर",
	"अक्टूबर", "अक्तूबर", "नवंबर", "नवम्बर", "दिसंबर", "दिसम्बर",
	"am", "pm", "a m", "p m", "ist", "gmt", "utc", "est", "edt", "pst", "cet", "cest", "uhr", "bje",
)

// htmlMaxDateOnlyRunes is the longest line htmlDateOnly takes.
const htmlMaxDateOnlyRunes = 50

// htmlDateOnly reports whether text is a short line that holds only a
// date or time ("NOVEMBER 20, 2019 10:43", "23.10.2018", "12 मार्च 2026,
// 10:15 IST"): numbers and htmlDateWords, at least one number.
func htmlDateOnly(text string) bool {
	if htmlRunes(text) > htmlMaxDateOnlyRunes {
		return false
	}
	digits := false
	for _, w := range strings.Fields(lineKey(text)) {
		if strings.Trim(w, "0123456789०१२३४५६७८९") == "" {
			digits = true
			continue
		}
		if !htmlDateWords[w] {
			return false
		}
	}
	return digits
}
