package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the line rules that name the outlet itself: calls to
// follow it on a social network, copyright footers and desk credits. They
// are page furniture, and the outlet name they carry is not an author.

// networks are social networks and news apps that follow prompts name; by
// lineKey (so nukta-free).
var networks = keySet(
	"google news", "गूगल न्यूज", "गूगल न्यूज़", "google", "गूगल",
	"whatsapp", "व्हाट्सएप", "व्हाट्सऐप", "वॉट्सऐप", "वॉट्सएप", "व्हॉट्सऐप",
	"telegram", "टेलीग्राम", "टेलिग्राम",
	"facebook", "फेसबुक", "x", "एक्स", "twitter", "ट्विटर",
	"youtube", "यूट्यूब", "यू ट्यूब", "instagram", "इंस्टाग्राम", "इंस्टा",
	"linkedin", "लिंक्डइन", "threads", "koo", "कू", "dailyhunt", "sharechat", "snapchat",
)

// networkSuffixes may follow a network name in a list ("WhatsApp Channel").
var networkSuffixes = []string{"channel", "चैनल", "page", "पेज", "group", "ग्रुप", "app", "ऐप", "एप"}

// maxFollowLine is the longest line (in runes) a follow prompt can be.
const maxFollowLine = 140

// followVerbsHi are Hindi imperatives that ask the reader to follow, join,
// subscribe or download; by lineKey (nukta-free: "जुड़ें" is "जुडें").
var followVerbsHi = []string{
	"फॉलो करें", "फॉलो करे", "फॉलो कर सकते", "फॉलो करना न भूलें", "फालो करें",
	"जुडें", "जुड सकते", "जुडिए", "ज्वाइन करें", "जॉइन करें", "ज्वॉइन करें",
	"सब्सक्राइब करें", "सब्सक्राइब करे", "डाउनलोड करें", "डाउनलोड करे", "लाइक करें",
}

// followVerbsEn open an English follow prompt ("Follow us on X").
var followVerbsEn = []string{"follow", "join", "subscribe", "download", "like us", "get the", "stay connected", "stay updated", "click here to follow", "click here to join"}

// followPrompt reports whether line asks the reader to follow, join or
// subscribe to the outlet on a social network or news app, or is a list of
// such networks ("Facebook | X | YouTube", "Follow us on: Google News |
// WhatsApp Channel"). It returns the outlet's name when the prompt names
// one ("गंगा सन्देश को फ़ॉलो करें", "Follow Nagar Times on WhatsApp",
// "Desh Darpan on Google News") and "" otherwise.
//
// A prompt must be short (maxFollowLine runes), name a network, and either
// use a follow verb in the imperative (फॉलो करें, जुड़ें, सब्सक्राइब करें,
// Follow…, Join…, "follow us"), be a list of networks, or be a name
// followed by "on <network>" in at most eight words.
func followPrompt(line string) (outlet string, ok bool) {
	if utf8.RuneCountInString(line) > maxFollowLine {
		return "", false
	}
	k := lineKey(line)
	if k == "" {
		return "", false
	}
	if networkList(line) {
		return promptOutlet(line), true
	}
	words := strings.Fields(k)
	if !mentionsNetwork(words) {
		return "", false
	}
	for _, v := range followVerbsHi {
		if containsWords(k, v) {
			return promptOutlet(line), true
		}
	}
	for _, v := range followVerbsEn {
		if strings.HasPrefix(k, v+" ") {
			return promptOutlet(line), true
		}
	}
	for _, v := range []string{"follow us", "join us", "subscribe to our", "subscribe to us", "follow our", "join our"} {
		if containsWords(k, v) {
			return promptOutlet(line), true
		}
	}
	// "Desh Darpan on Google News": a short name, "on", a network at the end.
	if len(words) <= 8 {
		if i := strings.LastIndex(k, " on "); i > 0 {
			net := strings.TrimSpace(k[i+4:])
			if networks[net] && net != "x" {
				return promptOutlet(line), true
			}
		}
	}
	return "", false
}

// mentionsNetwork reports whether the folded words name a network.
func mentionsNetwork(words []string) bool {
	for i, w := range words {
		if networks[w] && w != "google" && w != "गूगल" {
			return true
		}
		if i+1 < len(words) && networks[w+" "+words[i+1]] {
			return true
		}
	}
	return false
}

// containsWords reports whether the folded line k holds the folded phrase p
// as whole words.
func containsWords(k, p string) bool {
	return k == p || strings.HasPrefix(k, p+" ") || strings.HasSuffix(k, " "+p) || strings.Contains(k, " "+p+" ")
}

// networkList reports whether line is a list of two or more networks,
// separated by "|", ",", "·", "•", "/" or "and"/"और", after an optional
// label ending in ":" ("Follow us on: Google News | WhatsApp Channel").
func networkList(line string) bool {
	if i := strings.LastIndex(line, ":"); i >= 0 {
		line = line[i+1:]
	}
	for _, sep := range []string{" and ", " और ", " or ", " या "} {
		line = strings.ReplaceAll(line, sep, "|")
	}
	parts := strings.FieldsFunc(line, func(r rune) bool { return strings.ContainsRune("|,·•/", r) })
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		k := lineKey(p)
		for _, s := range networkSuffixes {
			k = strings.TrimSpace(strings.TrimSuffix(k, " "+s))
		}
		if !networks[k] {
			return false
		}
	}
	return true
}

// promptOutlet finds the outlet a follow prompt names: the words before
// "को"/"के" in Hindi ("Kalpana Express को Google News पर फॉलो करें"),
// between "Follow" and "on" in English, or before "on <network>".
func promptOutlet(line string) string {
	if i := strings.Index(line, ":"); i >= 0 {
		line = strings.TrimSpace(line[:i]) // "X को फ़ॉलो करें: Facebook | …"
	}
	cands := []string{}
	if i := strings.Index(line, " को "); i > 0 {
		cands = append(cands, line[:i])
	}
	// "X के WhatsApp चैनल से जुड़ें": only when a network follows.
	for _, sep := range []string{" के ", " की "} {
		if i := strings.Index(line, sep); i > 0 && startsWithNetwork(line[i+len(sep):]) {
			cands = append(cands, line[:i])
		}
	}
	if rest, ok := cutPrefixFold(line, "follow "); ok {
		if i := strings.Index(strings.ToLower(rest), " on "); i > 0 {
			cands = append(cands, rest[:i])
		}
	}
	if i := strings.LastIndex(strings.ToLower(line), " on "); i > 0 {
		cands = append(cands, line[:i])
	}
	for _, c := range cands {
		c = strings.TrimSpace(c)
		switch lineKey(c) {
		case "us", "हमें", "हम", "हमारे", "आप", "follow us", "follow", "join", "join us":
			continue
		}
		if nameLike(c, 5) && !mentionsNetwork(strings.Fields(lineKey(c))) {
			return c
		}
	}
	return ""
}

// startsWithNetwork reports whether s opens with a network's name.
func startsWithNetwork(s string) bool {
	f := strings.Fields(lineKey(s))
	return len(f) > 0 && networks[f[0]] || len(f) > 1 && networks[f[0]+" "+f[1]]
}

// copyrightMark opens or closes a copyright line.
var copyrightMark = regexp.MustCompile(`(?i)(©|\(c\)\s*[0-9०-९]{4}|copyright|कॉपीराइट|कॉपीराईट|all rights reserved|सर्वाधिकार सुरक्षित|सर्वाधिकार सुरक्षित हैं|सभी अधिकार सुरक्षित)`)

// copyrightRights matches the reservation of rights.
var copyrightRights = regexp.MustCompile(`(?i)(all rights reserved|सर्वाधिकार सुरक्षित|सभी अधिकार सुरक्षित)`)

// copyrightYears matches a year or a range of years ("2019-2026", "२०२५").
var copyrightYears = regexp.MustCompile(`[0-9०-९]{4}(?:\s*[-–]\s*[0-9०-९]{2,4})?`)

// legalWords end a company name and are cut from the outlet's name.
var legalWords = keySet("pvt", "ltd", "pvt ltd", "private", "limited", "inc", "llp", "प्राइवेट", "लिमिटेड", "प्रा", "लि")

// maxCopyrightLine is the longest line (in runes) copyrightLine looks at.
const maxCopyrightLine = 160

// copyrightLine reports whether line is a copyright footer ("© 2025
// Khabar Samachar. सर्वाधिकार सुरक्षित", "Copyright © 2026 Nagar Times",
// "All rights reserved") and returns the outlet it names, if any. The line
// must carry a copyright mark and, once the marks, years, legal suffixes
// and punctuation are taken out, hold nothing but a name of at most six
// words: a sentence about copyright is not a footer.
func copyrightLine(line string) (outlet string, ok bool) {
	if utf8.RuneCountInString(line) > maxCopyrightLine || !copyrightMark.MatchString(line) {
		return "", false
	}
	// "© Reuters" under a photo is a credit, not the page's footer: a footer
	// gives a year or reserves the rights.
	if !copyrightYears.MatchString(line) && !copyrightRights.MatchString(line) {
		return "", false
	}
	rest := copyrightMark.ReplaceAllString(line, " ")
	rest = copyrightYears.ReplaceAllString(rest, " ")
	// Cut at separators and keep the parts that still hold letters.
	var names []string
	for _, p := range strings.FieldsFunc(rest, func(r rune) bool { return strings.ContainsRune("|.।,;:-–—•·", r) }) {
		p = strings.TrimSpace(p)
		p = trimLegalSuffix(p)
		k := lineKey(p)
		switch k {
		case "", "pvt", "ltd", "pvt ltd", "by", "the", "हैं", "है":
			continue
		}
		if !strings.ContainsFunc(p, unicode.IsLetter) {
			continue
		}
		names = append(names, p)
	}
	switch len(names) {
	case 0:
		return "", true
	case 1:
		n := names[0]
		if rest, ok := cutPrefixFold(n, "by "); ok {
			n = strings.TrimSpace(rest)
		}
		if nameLike(n, 6) {
			return n, true
		}
	}
	return "", false
}

// trimLegalSuffix drops company-form words from the end of a name
// ("Rashtra Dhwani Pvt" → "Rashtra Dhwani").
func trimLegalSuffix(p string) string {
	f := strings.Fields(p)
	for len(f) > 0 && legalWords[lineKey(f[len(f)-1])] {
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}

// deskWords end a desk or bureau credit ("Nagar Times Web Desk", "खेल डेस्क").
var deskWords = map[string]bool{
	"desk": true, "bureau": true, "डेस्क": true, "ब्यूरो": true, "ब्यूरों": true, "team": true, "टीम": true,
}

// deskCredit reports whether s is a desk or bureau credit: a name-like
// phrase of at most six words that ends in Desk, Bureau, Team, डेस्क,
// ब्यूरो or टीम ("Education Desk", "गंगा सन्देश ब्यूरो").
func deskCredit(s string) bool {
	w := strings.Fields(s)
	if len(w) < 2 || !nameLike(s, 6) {
		return false
	}
	return deskWords[strings.ToLower(w[len(w)-1])]
}
