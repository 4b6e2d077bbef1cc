package extract

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
