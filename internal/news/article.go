package news

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// BlockKind says what a body block is.
type BlockKind string

// The kinds of body block. The JSON form uses these exact strings.
const (
	Paragraph BlockKind = "paragraph"
	Heading   BlockKind = "heading"
	Caption   BlockKind = "caption"
)

// Block is one unit of article body text: a paragraph, a subheading or an
// image caption. Language is the block's own ISO 639-1 code when it was
// detected and differs in interest from the article's (it may be empty).
type Block struct {
	Kind     BlockKind `json:"kind"`
	Text     string    `json:"text"`
	Language string    `json:"language,omitempty"`
}

// Link is a related-article link found on the page ("यह भी पढ़ें", "Also
// Read"). URL is empty when the source only gave the title.
type Link struct {
	Title string `json:"title"`
	URL   string `json:"url,omitempty"`
}

// Article is one news article after extraction. Its JSON form is a contract
// other tools read: field names never change, unknown values are omitted
// rather than invented, and times are RFC 3339.
//
// Removed holds the boilerplate lines extraction dropped, so a person can
// check the extraction by eye; it is not part of the searchable text.
type Article struct {
	ID         string    `json:"id"`
	URL        string    `json:"url,omitempty"`
	Source     string    `json:"source,omitempty"`
	Language   string    `json:"language,omitempty"`
	Headline   string    `json:"headline"`
	Kicker     string    `json:"kicker,omitempty"`
	Standfirst string    `json:"standfirst,omitempty"`
	Authors    []string  `json:"authors,omitempty"`
	Published  time.Time `json:"published,omitzero"`
	Updated    time.Time `json:"updated,omitzero"`
	Section    string    `json:"section,omitempty"`
	Tags       []string  `json:"tags,omitempty"`
	Body       []Block   `json:"body,omitempty"`
	Related    []Link    `json:"related,omitempty"`
	Warnings   []string  `json:"warnings,omitempty"`
	Removed    []string  `json:"removed,omitempty"`
}

// BodyText returns the body blocks joined by blank lines.
func (a *Article) BodyText() string {
	var b strings.Builder
	for i, blk := range a.Body {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(blk.Text)
	}
	return b.String()
}

// ContentHash returns a hex SHA-256 over the article's JSON form with the ID
// cleared. Two articles with the same hash carry the same content; a store
// uses it to make re-ingesting identical content a no-op.
func (a *Article) ContentHash() string {
	c := *a
	c.ID = ""
	data, err := json.Marshal(&c)
	if err != nil {
		// Only a time JSON cannot encode (a year outside 0–9999) gets here;
		// Validate rejects such articles, and the hash must still not panic.
		data = fmt.Appendf(nil, "%#v", c)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// DeriveID returns a stable ID for an article that arrived without one: the
// first 16 hex digits of a SHA-256 over its URL when it has one, otherwise
// over its headline and body. The same page therefore keeps its ID when it
// is re-extracted with small changes, and identical text gets the same ID.
func (a *Article) DeriveID() string {
	h := sha256.New()
	if a.URL != "" {
		h.Write([]byte("url\x00" + a.URL))
	} else {
		h.Write([]byte("text\x00" + a.Headline + "\x00" + a.BodyText()))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Validate reports what makes the article unstorable: a missing ID, no
// headline and no body, or a time outside the years 0–9999 (which RFC 3339
// cannot write). The error names the field.
func (a *Article) Validate() error {
	if a.ID == "" {
		return errors.New("article has no id")
	}
	if a.Headline == "" && len(a.Body) == 0 {
		return fmt.Errorf("article %s has neither headline nor body", a.ID)
	}
	for name, t := range map[string]time.Time{"published": a.Published, "updated": a.Updated} {
		if !t.IsZero() && (t.Year() < 0 || t.Year() > 9999) {
			return fmt.Errorf("article %s: %s time %v is outside the years 0-9999", a.ID, name, t)
		}
	}
	return nil
}
