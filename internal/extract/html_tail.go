package extract

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/khabar-news/khabar/internal/news"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file holds the rules for the furniture that news pages put after
// the story, inside the element that holds it: offers and newsletter
// boxes, calls for letters and comments ("इस खबर पर अपनी राय कमेंट बॉक्स
// में दें"), contributor, contact and source lines, labelled links, lists
// of other stories and comment sections. Most of it is only furniture at
// the end of a story, so htmlDropTail looks at the last blocks alone; the
// page's own address, filing data ("Kategorie: News"), affiliate notes and
// credits written with a copyright sign are furniture anywhere.

// htmlResponsePhrases mark a call to answer the story — a letter to the
// editor, a comment, support for the outlet — anywhere in a line (by
// lineKey).
var htmlResponsePhrases = keyList(
	"letter to the editor", "letters to the editor", "we d like to hear", "want to hear what you think",
	"be part of the conversation", "join the discussion", "leave a comment",
	"support our work", "supporting our work", "support our journalism", "become a member",
	"sign up for", "newsletter", "in den kommentaren", "kommentieren zu können", "schreiben sie uns",
	"unterstützen sie", "abonnieren sie", "jetzt abonnieren", "hazte miembro", "suscríbete",
	"abonnez vous", "laissez un commentaire", "अपनी राय", "कमेंट बॉक्स", "कमेंट करके", "कमेंट कर",
	"हमें बताएं", "न्यूजलेटर", "सब्सक्राइब करें", "follow him on", "follow her on", "follow them on",
	"follow us on", "hier klicken", "klicken sie hier", "click here", "यहां क्लिक करें", "síguenos",
	"siguenos", "folgen sie uns", "folge uns", "suivez nous", "seguici", "boletín", "boletines", "infolettre",
)

// htmlDisclosurePhrases mark the note that the page earns from the links
// in it (by lineKey). A short one is furniture anywhere ("Anzeige, enthält
// Affiliate-Links"), a longer one at the end of the story.
var htmlDisclosurePhrases = keyList(
	"affiliate links", "affiliate link", "earn a commission", "receive a commission", "share of the sale",
	"earn from qualifying purchases", "provisionslinks", "एफिलिएट लिंक",
)

// htmlMaxDisclosureRunes is the longest disclosure line dropped anywhere in
// the body.
const htmlMaxDisclosureRunes = 80

// htmlDisclosure reports whether text is an affiliate-link disclosure.
func htmlDisclosure(text string) bool {
	k := lineKey(text)
	for _, p := range htmlDisclosurePhrases {
		if containsWords(k, p) {
			return true
		}
	}
	return false
}

// htmlContributorPhrases mark a line crediting reporters or wires for the
// story, or telling how to reach them (by lineKey).
var htmlContributorPhrases = keyList(
	"contributed to this report", "contributed reporting", "contributed to this story",
	"additional reporting by", "reach the reporter", "reach the reporters", "reach the writer",
	"contact the reporter", "mit material von",
	"इनपुट एजेंसी", "एजेंसी इनपुट के साथ", "भाषा के इनपुट के साथ",
)

// htmlContactLabels open the parts of a contact block (by lineKey).
var htmlContactLabels = keySet("tel", "telefon", "telephone", "phone", "fon", "fax", "e mail", "email", "mail", "mobil", "mobile", "फोन", "मोबाइल", "ईमेल", "ई मेल")

// htmlMaxTailBlocks is how many blocks at the end of a body htmlDropTail
// looks at; htmlMaxTailRunes the longest of them it may drop.
const (
	htmlMaxTailBlocks = 6
	htmlMaxTailRunes  = 400
)

// htmlDropTail removes the furniture after the story: up to
// htmlMaxTailBlocks trailing blocks that are offers, calls for responses,
// contributor, contact or source lines, or labelled links. (A short line
// ending in a colon is kept: it may introduce a tweet or video the
// extractor left out.) Captions among them are kept and passed over. It
// stops at the first other block, so text above the last ordinary block is
// never touched, and it keeps a body that would be left without text.
// Dropped text goes to a.Removed.
func htmlDropTail(body []news.Block, a *news.Article) []news.Block {
	drop := map[int]bool{}
	seen := 0
	for i := len(body) - 1; i >= 0 && seen < htmlMaxTailBlocks; i-- {
		b := body[i]
		if b.Kind == news.Caption {
			continue
		}
		seen++
		if htmlRunes(b.Text) > htmlMaxTailRunes || !htmlPromoLine(b.Text) && !htmlTailLine(b.Text) {
			break
		}
		drop[i] = true
	}
	return htmlDropIndexes(body, drop, a)
}

// htmlDropIndexes returns body without the blocks whose index is in drop,
// their text put in a.Removed, unless that would leave no paragraph or
// heading.
func htmlDropIndexes(body []news.Block, drop map[int]bool, a *news.Article) []news.Block {
	if len(drop) == 0 {
		return body
	}
	var out []news.Block
	text := false
	for i, b := range body {
		if !drop[i] {
			out = append(out, b)
			text = text || b.Kind != news.Caption
		}
	}
	if !text {
		return body
	}
	for i, b := range body {
		if drop[i] {
			a.Removed = append(a.Removed, b.Text)
		}
	}
	return out
}

// htmlTailLine reports whether text, a block at the end of a story, is a
// call for responses, an affiliate note, a contributor, contact or source
// line, or links under a label.
func htmlTailLine(text string) bool {
	k := lineKey(text)
	for _, p := range htmlResponsePhrases {
		if containsWords(k, p) {
			return true
		}
	}
	for _, p := range htmlContributorPhrases {
		if containsWords(k, p) {
			return true
		}
	}
	return htmlDisclosure(text) || htmlContactLine(text) || htmlLinkLine(text, htmlMaxLinkLineWords) ||
		htmlCreditLineOf(text, htmlMaxTailCreditWords)
}

// htmlCategoryLabel matches the label of a category field ("Category :",
// "Kategorie:", "श्रेणी:").
var htmlCategoryLabel = regexp.MustCompile(`(?i)(?:^|[\s|•·-])(?:categor(?:y|ies|ia|ía|ie)|kategorie(?:n)?|श्रेणी|कैटेगरी)\s*:`)

// htmlMaxMetaLineRunes is the longest line htmlMetaLine looks at.
const htmlMaxMetaLineRunes = 160

// htmlMetaLine reports whether text is a line of the page's filing data: a
// short line with a category field that is not a sentence ("News date :
// 04/21/2022 Category : Press Releases", "Kategorie: News").
func htmlMetaLine(text string) bool {
	return htmlRunes(text) <= htmlMaxMetaLineRunes && !htmlEndsSentence(text) && htmlCategoryLabel.MatchString(text)
}

// htmlEmail matches an e-mail address.
var htmlEmail = regexp.MustCompile(`[\pL\pN._%+-]+@[\pL\pN-]+(?:\.[\pL\pN-]+)*\.[\pL]{2,}`)

// htmlPhone matches a telephone number of at least six digits, with the
// spaces, dashes, brackets and slashes it is written with.
var htmlPhone = regexp.MustCompile(`\+?[0-9०-९][0-9०-९ ()/.-]{5,}[0-9०-९]`)

// htmlMaxContactRunes is the longest line htmlContactLine looks at.
const htmlMaxContactRunes = 100

// htmlContactLine reports whether text is a short contact line: an e-mail
// address or a telephone number after a label such as "Tel.", "E-Mail:"
// or "फोन". A lone address is not one: columns close with the writer's.
func htmlContactLine(text string) bool {
	if htmlRunes(text) > htmlMaxContactRunes || !htmlEmail.MatchString(text) && !htmlPhone.MatchString(text) {
		return false
	}
	k := lineKey(text)
	for _, w := range strings.Fields(k) {
		if htmlContactLabels[w] {
			return true
		}
	}
	return containsWords(k, "e mail") || containsWords(k, "ई मेल")
}

// htmlMaxLinkLineWords is the most words besides links a bare-link line
// at the end of a story may hold ("Listen:", "More from AP:").
const htmlMaxLinkLineWords = 4

// htmlLinkLine reports whether text is a line of links written out
// ("https://…", "twitter.com/…") under a label: between one and maxWords
// other words ("Listen:", "More AP NBA:"). A lone link may be the source
// the story points to, and an e-mail address is not a link here: a lone
// one closes many a column.
func htmlLinkLine(text string, maxWords int) bool {
	if htmlRunes(text) > htmlMaxTailRunes {
		return false
	}
	links, words := 0, 0
	for _, f := range strings.Fields(text) {
		if htmlLinkWord(f) {
			links++
			continue
		}
		if strings.ContainsFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			words++
		}
	}
	return links > 0 && words >= 1 && words <= maxWords
}

// htmlDomainPath matches a link written without its scheme:
// "twitter.com/name", "example.org/page".
var htmlDomainPath = regexp.MustCompile(`^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/\S*$`)

// htmlLinkWord reports whether f, one word of a line, is a link or an
// e-mail address.
func htmlLinkWord(f string) bool {
	f = strings.Trim(f, "()[]<>.,;\"'")
	lf := strings.ToLower(f)
	switch {
	case strings.Contains(lf, "://"), strings.HasPrefix(lf, "www."):
		return true
	case strings.Contains(lf, "@"):
		return false
	}
	return htmlDomainPath.MatchString(lf)
}

// htmlOwnLink reports whether text is nothing but the article's own
// address written out, as share boxes print it; scheme, "www." and a
// closing slash do not count.
func htmlOwnLink(text, pageURL string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		if _, rest, ok := strings.Cut(s, "://"); ok {
			s = rest
		}
		return strings.TrimSuffix(strings.TrimPrefix(s, "www."), "/")
	}
	t := norm(text)
	return t != "" && pageURL != "" && !strings.ContainsAny(t, " \t\n") && t == norm(pageURL)
}

// htmlCopyrightSigns open a credit written with a copyright sign.
var htmlCopyrightSigns = []string{"©", "ⓒ", "(c)", "(C)"}

// htmlCopyrightLabels open a credit written as a label (by lineKey).
var htmlCopyrightLabels = keyList("copyright", "bildrechte", "derechos", "कॉपीराइट")

// htmlSignCredit reports whether text is a photo credit written with a
// copyright sign or label and at most htmlMaxCreditLineWords words after
// it: "© Jane Doe/Agency", "Copyright: Jane Doe", "ⓒ समाचार एजेंसी".
func htmlSignCredit(text string) bool {
	t := strings.TrimSpace(text)
	rest, ok := "", false
	for _, s := range htmlCopyrightSigns {
		if r, found := strings.CutPrefix(t, s); found {
			rest, ok = r, true
			break
		}
	}
	if !ok {
		label, r, found := strings.Cut(t, ":")
		if !found {
			return false
		}
		k := lineKey(label)
		for _, l := range htmlCopyrightLabels {
			if k == l {
				rest, ok = r, true
			}
		}
	}
	if !ok {
		return false
	}
	n := len(strings.Fields(lineKey(rest)))
	return n > 0 && n <= htmlMaxCreditLineWords
}

// htmlMaxSignCaptionRunes is the longest block htmlCutSignCredit cuts a
// credit from: a caption, not a paragraph of the story.
const htmlMaxSignCaptionRunes = 300

// htmlCutSignCredit splits a closing credit written with a copyright sign
// off a short block ("Der Skifahrer im Ziel. © AFP / Jane Doe"): it
// returns the text before the sign and the credit.
func htmlCutSignCredit(text string) (before, credit string, ok bool) {
	if htmlRunes(text) > htmlMaxSignCaptionRunes {
		return text, "", false
	}
	for _, s := range htmlCopyrightSigns {
		i := strings.LastIndex(text, s)
		if i <= 0 {
			continue
		}
		if !htmlSignCredit(text[i:]) {
			continue
		}
		before = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(text[:i]), "|-–—("))
		if before == "" {
			continue
		}
		return before, strings.TrimSpace(text[i:]), true
	}
	return text, "", false
}

// htmlCommentCount matches a comment section's head by lineKey: the word
// for comments, plural or counted ("Kommentare", "0 comments", "1
// टिप्पणी"). A bare singular ("Kommentar") may label an opinion piece.
var htmlCommentCount = regexp.MustCompile(`^(?:[0-9]+ (?:comment|kommentar|commentaire|comentario|komentarz|टिप्पणी|कमेंट)|(?:[0-9]+ )?(?:comments|kommentare|commentaires|comentarios|komentarze|टिप्पणियां|टिप्पणियाँ|कमेंट्स))$`)

// htmlCommentHeads are whole lines (by lineKey) that open a comment
// section or its form.
var htmlCommentHeads = keySet(
	"leave a reply", "leave a comment", "post a comment", "reader comments", "be part of the conversation",
	"join the conversation", "schreibe einen kommentar", "kommentar schreiben", "leserkommentare",
	"kommentare anzeigen", "laisser un commentaire", "deja un comentario", "अपनी प्रतिक्रिया दें",
	"अपनी टिप्पणी दें", "टिप्पणी लिखें", "कमेंट लिखें",
)

// htmlCommentSection reports whether text heads a comment section.
func htmlCommentSection(text string) bool {
	k := lineKey(text)
	return htmlCommentHeads[k] || htmlCommentCount.MatchString(k)
}

// htmlCutComments cuts the comment section, or the subscription offer
// behind a paywall notice, off the end of the raw blocks: everything from
// the first head of a comment section (htmlCommentSection) or paywall
// notice (htmlPaywallLine) in the second half of the text. One in the
// first half is a button by the headline, or a teaser page's notice, and
// cuts nothing. It returns the blocks kept and the text cut.
func htmlCutComments(raw []htmlRawBlock) ([]htmlRawBlock, []string) {
	total := 0
	for _, b := range raw {
		total += htmlRunes(b.text)
	}
	before := 0
	for i, b := range raw {
		if i > 0 && 2*before >= total && b.kind != news.Caption && (htmlCommentSection(b.text) || htmlPaywallLine(b.text)) {
			var cut []string
			for _, c := range raw[i:] {
				cut = append(cut, c.text)
			}
			return raw[:i], cut
		}
		before += htmlRunes(b.text)
	}
	return raw, nil
}

// htmlMaxLinkItemRunes is the longest block htmlLinkOnlyKeys records: a
// headline, not a paragraph that happens to be linked.
const htmlMaxLinkItemRunes = 200

// htmlMinLinkRun is the fewest link-only blocks in a row that
// htmlDropLinkTail takes for a list of other stories.
const htmlMinLinkRun = 2

// htmlLinkOnlyKeys returns the keys (lineKey) of the text blocks under
// root (elements with text and no block element inside) that are short
// and almost all link text: the items of lists of other stories. It must
// run before the main-text extractor rewrites the tree.
func htmlLinkOnlyKeys(root *html.Node) map[string]bool {
	keys := map[string]bool{}
	if root == nil {
		return keys
	}
	// One pass from the leaves up: walk reports whether n holds a block
	// element below it (as htmlHasBlock does), so each text block is read
	// once.
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		below := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if walk(c) || !htmlInline[c.DataAtom] && c.DataAtom != atom.Br {
				below = true
			}
		}
		if below || n.Type != html.ElementNode || htmlInline[n.DataAtom] || n.DataAtom == atom.Br {
			return below
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg:
			return false
		}
		if htmlTextOver(n, 4*htmlMaxLinkItemRunes) {
			return false
		}
		t := htmlText(n)
		if r := htmlRunes(t); r > 0 && r <= htmlMaxLinkItemRunes && htmlLinkDensity(n, r) >= htmlMinBoxLinkShare {
			keys[lineKey(t)] = true
		}
		return false
	}
	walk(root)
	delete(keys, "")
	return keys
}

// htmlDropLinkTail removes a list of other stories that closes the body:
// htmlMinLinkRun or more trailing blocks that were all links on the page
// (keys from htmlLinkOnlyKeys), and the tail furniture around them
// (htmlDropTail). It keeps a body that would be left empty. Dropped text
// goes to a.Removed.
func htmlDropLinkTail(body []news.Block, links map[string]bool, a *news.Article) []news.Block {
	body = htmlDropTail(body, a)
	drop := map[int]bool{}
	for i := len(body) - 1; i >= 0; i-- {
		if body[i].Kind == news.Caption {
			continue
		}
		if !links[lineKey(body[i].Text)] {
			break
		}
		drop[i] = true
	}
	if len(drop) < htmlMinLinkRun {
		return body
	}
	return htmlDropTail(htmlDropIndexes(body, drop, a), a)
}

// htmlPaywallPhrases mark the notice that the rest of a story is for
// subscribers (by lineKey); htmlPaywallAsks mark it only in a line that
// also asks to subscribe or sign in (htmlSubscribeStems), since a sentence
// may say "to continue reading".
var (
	htmlPaywallPhrases = keyList(
		"pour accéder en illimité", "réservé aux abonnés", "nur für abonnenten", "exclusivo para suscriptores",
		"सिर्फ सब्सक्राइबर्स के लिए", "subscribe to continue reading", "subscribe to read the full story",
	)
	htmlPaywallAsks = keyList(
		"to view the full story", "to read the full story", "to continue reading", "um weiterzulesen",
		"para seguir leyendo", "pour lire la suite", "पूरी खबर पढ़ने के लिए", "आगे पढ़ने के लिए",
	)
	htmlSubscribeStems = []string{"subscri", "sign in", "log in", "abonn", "suscri", "registr", "anmeld", "सब्सक्राइब", "लॉग इन", "सदस्य"}
)

// htmlMaxPaywallRunes is the longest block htmlPaywallLine looks at.
const htmlMaxPaywallRunes = 300

// htmlPaywallLine reports whether text is a paywall notice.
func htmlPaywallLine(text string) bool {
	if htmlRunes(text) > htmlMaxPaywallRunes {
		return false
	}
	k := lineKey(text)
	for _, p := range htmlPaywallPhrases {
		if containsWords(k, p) {
			return true
		}
	}
	asks := false
	for _, st := range htmlSubscribeStems {
		asks = asks || strings.Contains(k, st)
	}
	if !asks {
		return false
	}
	for _, p := range htmlPaywallAsks {
		if containsWords(k, p) {
			return true
		}
	}
	return false
}

// htmlConsentPhrases mark a cookie or privacy notice, or the placeholder
// of an embed that waits for consent (by lineKey).
var htmlConsentPhrases = keyList(
	"we use cookies", "this site uses cookies", "this website uses cookies", "accept cookies",
	"accept all cookies", "cookies to play this video", "by accepting you will be accessing",
	"wir verwenden cookies", "diese website verwendet cookies", "cookies akzeptieren",
	"das automatische laden der inhalte", "datenschutzerklärung habe ich zur kenntnis genommen",
	"nous utilisons des cookies", "utilizamos cookies", "usamos cookies", "कुकीज का उपयोग",
	"कुकीज़ स्वीकार",
)

// htmlMaxConsentRunes is the longest block htmlConsentLine looks at.
const htmlMaxConsentRunes = 400

// htmlConsentLine reports whether text is a cookie or privacy notice or a
// consent placeholder for an embedded post or video.
func htmlConsentLine(text string) bool {
	if htmlRunes(text) > htmlMaxConsentRunes {
		return false
	}
	k := lineKey(text)
	for _, p := range htmlConsentPhrases {
		if containsWords(k, p) {
			return true
		}
	}
	return false
}
