package extract

// htmlBoilerplateLines are whole lines (by lineKey) that HTML pages carry as
// buttons and labels and that the shared rules in boilerplate.go do not list
// yet. They belong there; until then HTML extraction checks both.
var htmlBoilerplateLines = keySet(
	"कॉपी लिंक", "लिंक कॉपी करें", "लिंक कॉपी", "खबरें और भी हैं",
	"यह भी पढ़ें", "ये भी पढ़ें", "विज्ञापन के नीचे खबर जारी है",
	"फॉलो करें", "फॉलो", "सुनें", "कमेंट", "कमेंट करें", "टिप्पणी करें",
	"share via", "copy url", "copied", "skip ad", "advertisement continue reading",
	"scroll to continue with content", "live updates", "लाइव अपडेट",
)

// htmlIsBoilerplate reports whether a block of HTML text is page furniture
// by the shared line rules or by htmlBoilerplateLines.
func htmlIsBoilerplate(text string) bool {
	return isBoilerplate(text) || htmlBoilerplateLines[lineKey(text)]
}
