package web

import (
	"fmt"
	"html/template"
	"time"
)

// ist is India Standard Time, where khabar's news happens.
var ist = time.FixedZone("IST", 5*3600+1800)

var hindiMonths = [...]string{"जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"}

// formatDate writes t in IST for a reader of lang: "14 जुलाई 2025, 20:10
// IST" for Hindi and other Devanagari languages, "14 July 2025, 20:10 IST"
// for English. A time at exactly midnight IST is shown as a day only (most
// such times are a bare date). Zero is "".
func formatDate(t time.Time, lang string) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(ist)
	month := t.Month().String()
	if lang != "en" {
		month = hindiMonths[t.Month()-1]
	}
	day := fmt.Sprintf("%d %s %d", t.Day(), month, t.Year())
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return day
	}
	return fmt.Sprintf("%s, %02d:%02d IST", day, t.Hour(), t.Minute())
}

// isoDate is the machine form of t for <time datetime>.
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

var langNames = map[string]string{
	"hi": "हिन्दी", "en": "English", "mr": "मराठी", "ne": "नेपाली", "ur": "اردو",
	"bn": "বাংলা", "pa": "ਪੰਜਾਬੀ", "gu": "ગુજરાતી", "ta": "தமிழ்", "te": "తెలుగు",
	"sa": "संस्कृतम्", "mai": "मैथिली", "bho": "भोजपुरी",
}

// langName is the name of a language in itself, or its code.
func langName(code string) string {
	if n, ok := langNames[code]; ok {
		return n
	}
	return code
}

func templateFuncs() template.FuncMap {
	return template.FuncMap{
		"date":     formatDate,
		"isodate":  isoDate,
		"langname": langName,
	}
}
