package dates

import "strings"

// months maps folded month names and abbreviations (English, Hindi and
// Marathi spellings) to month numbers.
var months = map[string]int{
	"jan": 1, "january": 1, "जनवरी": 1, "जानेवारी": 1,
	"feb": 2, "february": 2, "फरवरी": 2, "फेब्रुवारी": 2,
	"mar": 3, "march": 3, "मार्च": 3,
	"apr": 4, "april": 4, "अप्रैल": 4, "अप्रेल": 4, "एप्रिल": 4,
	"may": 5, "मई": 5, "मे": 5,
	"jun": 6, "june": 6, "जून": 6,
	"jul": 7, "july": 7, "जुलाई": 7, "जुलै": 7,
	"aug": 8, "august": 8, "अगस्त": 8, "ऑगस्ट": 8,
	"sep": 9, "sept": 9, "september": 9, "सितंबर": 9, "सितम्बर": 9, "सप्टेंबर": 9,
	"oct": 10, "october": 10, "अक्टूबर": 10, "अक्तूबर": 10, "ऑक्टोबर": 10,
	"nov": 11, "november": 11, "नवंबर": 11, "नवम्बर": 11, "नोव्हेंबर": 11,
	"dec": 12, "december": 12, "दिसंबर": 12, "दिसम्बर": 12, "डिसेंबर": 12,
}

// europeanMonths maps folded month names and abbreviations of German,
// French, Spanish, Italian, Portuguese and Dutch to month numbers. They
// are read only inside a date ("4. Februar 2022", "28 juin 2019", "5 de
// marzo de 2020"), as English names are, so that a page's printed date
// can be compared with its metadata whatever its language.
var europeanMonths = map[string]int{
	"januar": 1, "jänner": 1, "janvier": 1, "janv": 1, "enero": 1, "gennaio": 1, "janeiro": 1, "januari": 1,
	"februar": 2, "feber": 2, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "febrero": 2, "febbraio": 2, "fevereiro": 2, "februari": 2,
	"märz": 3, "maerz": 3, "mär": 3, "mrz": 3, "mars": 3, "marzo": 3, "março": 3, "marco": 3, "maart": 3,
	"avril": 4, "avr": 4, "abril": 4, "aprile": 4,
	"mai": 5, "mayo": 5, "maggio": 5, "maio": 5, "mei": 5,
	"juni": 6, "juin": 6, "junio": 6, "giugno": 6, "junho": 6,
	"juli": 7, "juillet": 7, "juil": 7, "julio": 7, "luglio": 7, "julho": 7,
	"août": 8, "aout": 8, "agosto": 8, "augustus": 8,
	"septembre": 9, "septiembre": 9, "setiembre": 9, "settembre": 9, "setembro": 9,
	"oktober": 10, "okt": 10, "octobre": 10, "octubre": 10, "ottobre": 10, "outubro": 10,
	"novembre": 11, "noviembre": 11, "novembro": 11,
	"dezember": 12, "dez": 12, "décembre": 12, "decembre": 12, "déc": 12, "diciembre": 12, "dicembre": 12, "dezembro": 12,
}

// weekdays holds folded weekday names; they are read and ignored.
var weekdays = map[string]bool{
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true,
	"wed": true, "wednesday": true, "thu": true, "thur": true, "thurs": true,
	"thursday": true, "fri": true, "friday": true, "sat": true, "saturday": true,
	"sun": true, "sunday": true,
	"सोमवार": true, "मंगलवार": true, "मंगळवार": true, "बुधवार": true,
	"गुरुवार": true, "गुरूवार": true, "बृहस्पतिवार": true, "वीरवार": true,
	"शुक्रवार": true, "शनिवार": true, "रविवार": true, "इतवार": true,
	// German, French, Spanish, Italian.
	"montag": true, "dienstag": true, "mittwoch": true, "donnerstag": true,
	"freitag": true, "samstag": true, "sonnabend": true, "sonntag": true,
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true,
	"vendredi": true, "samedi": true, "dimanche": true,
	"lunes": true, "martes": true, "miércoles": true, "jueves": true,
	"viernes": true, "sábado": true, "domingo": true,
	"lunedì": true, "martedì": true, "mercoledì": true, "giovedì": true,
	"venerdì": true, "sabato": true, "domenica": true,
}

// Kind says what a date on a page stands for, as its label tells.
type Kind int

// The kinds of date label.
const (
	// Unlabelled: no label stood before the date.
	Unlabelled Kind = iota
	// Published: "Published:", "प्रकाशित:", "Posted on", "Publish Date:".
	Published
	// Updated: "Updated:", "अपडेटेड:", "Last updated", "Modified".
	Updated
)

func (k Kind) String() string {
	switch k {
	case Published:
		return "published"
	case Updated:
		return "updated"
	}
	return "unlabelled"
}

// labelWords maps folded words that may label a date to the kind they give;
// Unlabelled entries are filler that may stand in a label ("date", "on").
var labelWords = map[string]Kind{
	"updated": Updated, "update": Updated, "modified": Updated, "edited": Updated,
	"अपडेटेड": Updated, "अपडेट": Updated, "अद्यतन": Updated, "संशोधित": Updated,
	"published": Published, "publish": Published, "posted": Published,
	"created": Published, "प्रकाशित": Published, "प्रकाशन": Published,
	"पब्लिश्ड": Published, "पब्लिश": Published, "पोस्टेड": Published,
	"last": Unlabelled, "first": Unlabelled, "on": Unlabelled, "at": Unlabelled,
	"date": Unlabelled, "time": Unlabelled, "तिथि": Unlabelled, "तारीख": Unlabelled,
	"दिनांक": Unlabelled, "समय": Unlabelled, "को": Unlabelled, "किया": Unlabelled,
	"गया": Unlabelled, "तक": Unlabelled, "वेळ": Unlabelled, "दिनांकः": Unlabelled,
	"प्रसारित": Published,
	// European languages: the labels news sites print before a date.
	"aktualisiert": Updated, "geändert": Updated, "änderung": Updated, "letzte": Unlabelled, "stand": Updated, "zuletzt": Unlabelled,
	"veröffentlicht": Published, "erstellt": Published, "publiziert": Published,
	"am": Unlabelled, "vom": Unlabelled, "um": Unlabelled,
	"actualisé": Updated, "actualise": Updated, "modifié": Updated, "modifie": Updated,
	"publié": Published, "publie": Published, "le": Unlabelled, "mis": Unlabelled, "à": Unlabelled, "jour": Updated,
	"actualizado": Updated, "publicado": Published, "aggiornato": Updated, "pubblicato": Published,
	"bijgewerkt": Updated, "gepubliceerd": Published,
}

// meridiem maps folded words that follow a clock time to +12 hours (true)
// or to before noon (false).
var meridiem = map[string]bool{
	"am": false, "a": false, "pm": true, "p": true,
	"पूर्वाह्न": false, "अपराह्न": true,
}

// fold lowercases a word and removes nukta, ZWJ and ZWNJ so that spelling
// variants of the same name compare equal.
func fold(w string) string {
	w = strings.ToLower(w)
	if !strings.ContainsAny(w, "\u093c\u200c\u200d") {
		return w
	}
	return strings.NewReplacer("\u093c", "", "\u200c", "", "\u200d", "").Replace(w)
}
