package extract

import (
	"encoding/json"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// jsonldArticle is what khabar reads from a schema.org article object in a
// page's JSON-LD. Empty fields were absent.
type jsonldArticle struct {
	Type          string
	Headline      string
	Authors       []string
	Published     string
	Modified      string
	Section       string
	Keywords      []string
	URL           string
	Language      string
	Publisher     string
	Description   string
	Paywalled     bool
	PaywallMarked bool // isAccessibleForFree was present
}

// jsonldInfo is everything khabar reads from a page's JSON-LD blocks.
type jsonldInfo struct {
	Article     *jsonldArticle // the best article object, or nil
	Breadcrumbs []string       // names in a BreadcrumbList
	WebPageName string         // name of a WebPage object, a weak headline
	SiteName    string         // name of a WebSite or NewsMediaOrganization
	Errors      int            // blocks that were not valid JSON
}

// jsonldArticleTypes are the schema.org types read as the article, best
// first.
var jsonldArticleTypes = []string{
	"newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
	"backgroundnewsarticle", "reviewnewsarticle", "liveblogposting", "article",
	"blogposting", "socialmediaposting", "report",
}

// jsonldMaxDepth bounds the nesting jsonldWalk follows.
const jsonldMaxDepth = 32

// jsonldRead parses every <script type="application/ld+json"> under doc.
// Invalid blocks are counted and skipped. Objects are found at the top
// level, in arrays and in @graph arrays.
func jsonldRead(doc *html.Node) jsonldInfo {
	var info jsonldInfo
	var candidates []map[string]any
	names := map[string]string{} // @id → name, for references
	htmlFind(doc, func(n *html.Node) bool {
		if n.Data != "script" || !strings.Contains(strings.ToLower(htmlAttr(n, "type")), "ld+json") {
			return true
		}
		var raw strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			raw.WriteString(c.Data)
		}
		var v any
		if err := json.Unmarshal([]byte(strings.TrimSpace(raw.String())), &v); err != nil {
			info.Errors++
			return false
		}
		jsonldWalk(v, 0, func(obj map[string]any) {
			if id, name := jsonldString(obj["@id"]), jsonldString(obj["name"]); id != "" && name != "" {
				names[id] = name
			}
			types := jsonldTypes(obj)
			switch {
			case jsonldRank(types) >= 0:
				candidates = append(candidates, obj)
			case types["breadcrumblist"] && info.Breadcrumbs == nil:
				info.Breadcrumbs = jsonldBreadcrumbs(obj)
			case types["webpage"] && info.WebPageName == "":
				info.WebPageName = jsonldString(obj["name"])
			case (types["website"] || types["newsmediaorganization"]) && info.SiteName == "":
				info.SiteName = jsonldString(obj["name"])
			}
		})
		return false
	})
	best, bestRank := map[string]any(nil), len(jsonldArticleTypes)
	for _, c := range candidates {
		// Prefer the best type; among equals, the first with a headline.
		r := jsonldRank(jsonldTypes(c))
		if r < bestRank || (r == bestRank && jsonldString(best["headline"]) == "" && jsonldString(c["headline"]) != "") {
			best, bestRank = c, r
		}
	}
	if best != nil {
		info.Article = jsonldParseArticle(best, names)
	}
	return info
}

// jsonldWalk calls fn for every object in v that has an @type, descending
// into arrays and @graph but not into an object's other properties.
func jsonldWalk(v any, depth int, fn func(map[string]any)) {
	if depth > jsonldMaxDepth {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			jsonldWalk(e, depth+1, fn)
		}
	case map[string]any:
		if _, ok := x["@type"]; ok {
			fn(x)
		}
		if g, ok := x["@graph"]; ok {
			jsonldWalk(g, depth+1, fn)
		}
	}
}

// jsonldTypes returns the lowercased @type values of obj, without any
// schema.org prefix.
func jsonldTypes(obj map[string]any) map[string]bool {
	out := map[string]bool{}
	add := func(s string) {
		s = strings.ToLower(strings.TrimSpace(s))
		if i := strings.LastIndexAny(s, "/:"); i >= 0 {
			s = s[i+1:]
		}
		if s != "" {
			out[s] = true
		}
	}
	switch t := obj["@type"].(type) {
	case string:
		add(t)
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				add(s)
			}
		}
	}
	return out
}

// jsonldRank returns the position of the best article type in types within
// jsonldArticleTypes, or -1 when none is an article type.
func jsonldRank(types map[string]bool) int {
	for i, t := range jsonldArticleTypes {
		if types[t] {
			return i
		}
	}
	return -1
}

// jsonldParseArticle reads an article object; names resolves @id
// references to a publisher or author defined elsewhere on the page.
func jsonldParseArticle(obj map[string]any, names map[string]string) *jsonldArticle {
	a := &jsonldArticle{
		Headline:    jsonldString(obj["headline"]),
		Published:   jsonldString(obj["datePublished"]),
		Modified:    jsonldString(obj["dateModified"]),
		Section:     jsonldFirst(obj["articleSection"]),
		Keywords:    jsonldKeywords(obj["keywords"]),
		Language:    jsonldLanguage(obj["inLanguage"]),
		Publisher:   jsonldName(obj["publisher"]),
		Description: jsonldString(obj["description"]),
	}
	for t := range jsonldTypes(obj) {
		a.Type = t
	}
	if a.Headline == "" {
		a.Headline = jsonldString(obj["name"])
	}
	a.URL = jsonldString(obj["url"])
	if a.URL == "" {
		a.URL = jsonldURL(obj["mainEntityOfPage"])
	}
	if a.Publisher == "" {
		a.Publisher = names[jsonldURL(obj["publisher"])]
	}
	a.Authors = jsonldAuthors(obj["author"], names)
	if free, ok := jsonldBool(obj["isAccessibleForFree"]); ok {
		a.PaywallMarked = true
		a.Paywalled = !free
	}
	return a
}

// jsonldString returns v as a trimmed string when it is one (or a number).
// HTML entities left in by some CMSs are decoded.
func jsonldString(v any) string {
	switch x := v.(type) {
	case string:
		return htmlCollapse(html.UnescapeString(x))
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return ""
}

// jsonldFirst returns the first non-empty string of a string or array.
func jsonldFirst(v any) string {
	if arr, ok := v.([]any); ok {
		for _, e := range arr {
			if s := jsonldString(e); s != "" {
				return s
			}
		}
		return ""
	}
	return jsonldString(v)
}

// jsonldKeywords reads keywords written as one comma-separated string or as
// an array of strings.
func jsonldKeywords(v any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		out = metaSplitList(jsonldString(x))
	case []any:
		for _, e := range x {
			out = append(out, metaSplitList(jsonldString(e))...)
		}
	}
	return out
}

// jsonldName returns the name of a Person/Organization object, a plain
// string, or the first of an array of them.
func jsonldName(v any) string {
	switch x := v.(type) {
	case string:
		return jsonldString(x)
	case map[string]any:
		return jsonldString(x["name"])
	case []any:
		for _, e := range x {
			if s := jsonldName(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// jsonldAuthors returns the author names in v: a string (possibly listing
// several names), a Person or Organization, or an array of those.
func jsonldAuthors(v any, names map[string]string) []string {
	var out []string
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch x := v.(type) {
		case string:
			for _, n := range metaSplitNames(jsonldString(x)) {
				out = appendNew(out, n)
			}
		case map[string]any:
			n := jsonldString(x["name"])
			if n == "" {
				n = names[jsonldString(x["@id"])]
			}
			if n != "" {
				out = appendNew(out, metaCleanAuthor(n))
			}
		case []any:
			for _, e := range x {
				add(e, depth+1)
			}
		}
	}
	add(v, 0)
	var clean []string
	for _, n := range out {
		if n != "" && !metaURLLike(n) {
			clean = append(clean, n)
		}
	}
	return clean
}

// jsonldURL returns a URL given as a string or as an object with @id or url.
func jsonldURL(v any) string {
	switch x := v.(type) {
	case string:
		return jsonldString(x)
	case map[string]any:
		if s := jsonldString(x["@id"]); s != "" {
			return s
		}
		return jsonldString(x["url"])
	}
	return ""
}

// jsonldLanguage returns an inLanguage given as a code or a Language object.
func jsonldLanguage(v any) string {
	switch x := v.(type) {
	case string:
		return jsonldString(x)
	case map[string]any:
		if s := jsonldString(x["alternateName"]); s != "" {
			return s
		}
		return jsonldString(x["name"])
	}
	return ""
}

// jsonldBool reads a boolean that CMSs write as true, "true", "False", …
func jsonldBool(v any) (bool, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "true", "yes", "1":
			return true, true
		case "false", "no", "0":
			return false, true
		}
	}
	return false, false
}

// jsonldBreadcrumbs returns the item names of a BreadcrumbList in order.
func jsonldBreadcrumbs(obj map[string]any) []string {
	items, _ := obj["itemListElement"].([]any)
	out := []string{}
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		name := jsonldString(m["name"])
		if name == "" {
			if item, ok := m["item"].(map[string]any); ok {
				name = jsonldString(item["name"])
			}
		}
		if name != "" {
			out = append(out, name)
		}
	}
	return out
}
