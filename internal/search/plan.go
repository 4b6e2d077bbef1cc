package search

import (
	"strings"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/index"
	"github.com/khabar-news/khabar/internal/translit"
	"github.com/khabar-news/khabar/internal/xlate"
)

// Plan is a parsed query after analysis: what the index runs.
type Plan struct {
	// Query has the words and phrases as Must clauses (all must match),
	// the exclusions and the filters.
	Query index.Query
	// Positive are the Must clauses; the any-word fallback moves them to
	// Should.
	Positive []index.Clause
	// Highlight holds every term of the positive clauses, for snippets.
	Highlight map[string]bool
	// HighlightKeys holds every cross-script key term of the positive
	// clauses (index.Clause.Keys), for snippets: a word whose
	// analysis.KeyTerm is here is marked too.
	HighlightKeys map[string]bool
	// Words are the positive words and phrases as typed, for finding
	// where a long text first holds them (snippets).
	Words []string
	// Dropped counts the positive words and phrases that analyzed to
	// nothing (only stop words or punctuation).
	Dropped int
	// Lang is the language hint used for analysis ("" = per word).
	Lang string
}

// hasFilter reports whether the plan filters by source, language or date.
func (p *Plan) hasFilter() bool {
	q := &p.Query
	return len(q.Sources) > 0 || len(q.Langs) > 0 || !q.From.IsZero() || !q.To.IsZero()
}

// NewPlan analyzes the parts of pq with an, the analyzer the index was
// built with. The language hint is the lang: filter when exactly one is
// given, otherwise "" (decided per word). A bare word that analyzes to
// terms at several positions ("covid-19") becomes a phrase; terms the
// analyzer emits at the same position become alternatives.
//
// A bare positive word of one term also matches across scripts (see
// crossKeys): its clause gets the cross-script key terms of the word as
// it would be written in the other script, at index.DefaultKeyBoost.
// Phrases and exclusions match exactly.
//
// Unless the query is limited to languages other than Hindi, a bare
// positive English word also reaches Hindi text by translation (see
// crossLang): its Hindi renderings from xlate.Default, analyzed as Hindi,
// are alternatives of the word's own term, and the clause weighs
// TranslatedBoost; English question words ("what", "how many") are
// dropped, as the sentence that answers does not repeat them.
func NewPlan(an *analysis.Analyzer, pq *Parsed) *Plan {
	return newPlan(an, pq, nil)
}

// newPlan is NewPlan with latinKeys (translit.Keys when nil) giving the
// keys of a Latin word.
func newPlan(an *analysis.Analyzer, pq *Parsed, latinKeys func(string) []string) *Plan {
	return newPlanLang(an, pq, latinKeys, defaultCrossLang())
}

// newPlanLang is newPlan translating English words as cl says.
func newPlanLang(an *analysis.Analyzer, pq *Parsed, latinKeys func(string) []string, cl crossLang) *Plan {
	if latinKeys == nil {
		latinKeys = translit.Keys
	}
	p := &Plan{Highlight: map[string]bool{}, HighlightKeys: map[string]bool{}}
	if len(pq.Langs) == 1 {
		p.Lang = pq.Langs[0]
	}
	for _, part := range pq.Parts {
		var english string
		if !part.Phrase && !part.Negated && cl.applies(p.Lang) {
			english = latinWord(an, part.Text)
			if english != "" && cl.DropQuestions && xlate.IsQuestionWord(english) {
				p.Dropped++
				continue
			}
		}
		c, ok := clause(an, part.Text, p.Lang)
		switch {
		case !ok && !part.Negated:
			p.Dropped++
		case !ok:
		case part.Negated:
			p.Query.MustNot = append(p.Query.MustNot, c)
		default:
			if !part.Phrase {
				c.Keys = crossKeys(an, part.Text, p.Lang, latinKeys)
			}
			if english != "" && len(c.Terms) == 1 {
				cl.translate(an, english, &c)
			}
			p.Positive = append(p.Positive, c)
			p.Words = append(p.Words, part.Text)
			for _, alts := range c.Terms {
				for _, t := range alts {
					p.Highlight[t] = true
				}
			}
			for _, k := range c.Keys {
				p.HighlightKeys[k] = true
			}
		}
	}
	p.Query.Must = p.Positive
	p.Query.Sources = pq.Sources
	p.Query.Langs = pq.Langs
	p.Query.From = pq.From
	p.Query.To = pq.To
	return p
}

// clause analyzes text into an index clause, grouping terms by position. It
// reports false when text has no terms.
//
// Without a language hint, Devanagari words are analyzed as Hindi, but
// articles in Marathi, Nepali and other Devanagari languages were indexed
// without the Hindi stemmer; so each position also gets the unstemmed term
// ("महानगरपालिकेने" as well as "महानगरपालिकेन") when both analyses yield
// the same number of terms (they differ when Hindi drops a stop word).
func clause(an *analysis.Analyzer, text, lang string) (index.Clause, bool) {
	c := clauseOf(an.Analyze(text, lang))
	if len(c.Terms) == 0 {
		return c, false
	}
	if lang == "" {
		if plain := clauseOf(an.Analyze(text, "mr")); len(plain.Terms) == len(c.Terms) {
			for i, alts := range plain.Terms {
				for _, t := range alts {
					c.Terms[i] = addTerm(c.Terms[i], t)
				}
			}
		}
	}
	return c, true
}

// clauseOf groups tokens by position.
func clauseOf(toks []analysis.Token) index.Clause {
	var c index.Clause
	lastPos := 0
	for _, t := range toks {
		if t.Term == "" {
			continue
		}
		if len(c.Terms) == 0 || t.Pos != lastPos {
			c.Terms = append(c.Terms, []string{t.Term})
			lastPos = t.Pos
			continue
		}
		c.Terms[len(c.Terms)-1] = addTerm(c.Terms[len(c.Terms)-1], t.Term)
	}
	return c
}

// addTerm appends t to alts unless it is there.
func addTerm(alts []string, t string) []string {
	for _, a := range alts {
		if a == t {
			return alts
		}
	}
	return append(alts, t)
}

// crossKeys returns the cross-script key terms a bare word of a query is
// also looked up under, or nil when it is not one keyed word (a stop word,
// a number, a word of several terms such as "covid-19"). Both the word as
// typed and its stem are keyed, as the index keys both ("Mongols" also
// looks for मंगोल). A Devanagari form is looked up among Latin words by
// its key; a Latin form among Devanagari words by its key and those of
// its likeliest Devanagari spellings (latinKeys, translit.Keys). Keys
// shorter than analysis.MinKeyLen are left out.
func crossKeys(an *analysis.Analyzer, word, lang string, latinKeys func(string) []string) []string {
	toks := an.Analyze(word, lang)
	if len(toks) != 1 {
		return nil
	}
	forms := []string{word[toks[0].Start:toks[0].End]}
	if t := toks[0].Term; t != forms[0] {
		forms = append(forms, t)
	}
	var out []string
	for _, w := range forms {
		k, sc := an.CrossKey(w)
		switch sc {
		case analysis.KeyDevanagari:
			out = addTerm(out, analysis.KeyTerm(analysis.KeyLatin, k))
		case analysis.KeyLatin:
			for _, lk := range latinKeys(strings.ToLower(w)) {
				if len(lk) >= analysis.MinKeyLen {
					out = addTerm(out, analysis.KeyTerm(analysis.KeyDevanagari, lk))
				}
			}
		}
	}
	return out
}

// Weights of a translated English word (see crossLang), tuned on the
// XQuAD-R dev half, English questions over Hindi sentences (go test
// ./internal/search -run TuneCrossLanguage -xlate.tune): the dev score is
// flat within 0.005 for boosts 0.1–0.2, and falls steadily above.
const (
	// TranslatedBoost is the Clause.Boost of an English word that has
	// Hindi translations: a match of one of its renderings weighs this
	// much relative to an untranslated word's exact match, so names
	// (which have none) count more than ordinary words.
	TranslatedBoost = 0.15
	// translatedKeyBoost is the absolute weight of the cross-script keys
	// of a translated word (Clause.KeyBoost is relative to Boost): the
	// same as an untranslated word's, so loanwords ("computer" →
	// कंप्यूटर) still meet their Hindi spelling.
	translatedKeyBoost = index.DefaultKeyBoost
	// minTranslationWeight is the least xlate.Translation.Weight used
	// (glossary renderings weigh 1; learned ones their probability).
	minTranslationWeight = 0.4
	// maxTranslations is the most renderings one English word gets.
	maxTranslations = 4
)

// crossLang says how English words of a query reach Hindi text by
// translation. The zero value translates nothing.
type crossLang struct {
	Dict          *xlate.Dictionary
	Boost         float64 // Clause.Boost of a translated word
	KeyBoost      float64 // absolute weight of its cross-script keys
	MinWeight     float64 // least xlate.Translation.Weight used
	Max           int     // most renderings per word
	DropQuestions bool    // drop English question words
}

// defaultCrossLang is khabar's tuned setting over xlate.Default (nothing
// is translated if the embedded tables failed to parse, which the xlate
// tests rule out).
func defaultCrossLang() crossLang {
	d, err := xlate.Default()
	if err != nil {
		return crossLang{}
	}
	return crossLang{
		Dict: d, Boost: TranslatedBoost, KeyBoost: translatedKeyBoost,
		MinWeight: minTranslationWeight, Max: maxTranslations, DropQuestions: true,
	}
}

// applies reports whether English words are translated for a query whose
// language hint is lang: with no hint or Hindi, not when the query is
// limited to English or another language.
func (cl crossLang) applies(lang string) bool {
	if cl.Dict == nil {
		return false
	}
	switch strings.ToLower(lang) {
	case "", "hi":
		return true
	}
	return false
}

// translate adds the Hindi renderings of the English word to c, a clause
// of one position, as alternatives of its term, and weighs the clause
// cl.Boost when it got any. Renderings are analyzed as Hindi; one that is
// a stop word or more than one term is skipped.
func (cl crossLang) translate(an *analysis.Analyzer, word string, c *index.Clause) {
	added := 0
	for _, t := range cl.Dict.Lookup(word) {
		if added == cl.Max {
			break
		}
		if t.Weight < cl.MinWeight {
			continue
		}
		toks := an.Analyze(t.Hindi, "hi")
		if len(toks) != 1 {
			continue
		}
		n := len(c.Terms[0])
		c.Terms[0] = addTerm(c.Terms[0], toks[0].Term)
		if len(c.Terms[0]) > n {
			added++
		}
	}
	if added == 0 || cl.Boost <= 0 {
		return
	}
	c.Boost = cl.Boost
	if len(c.Keys) > 0 && cl.KeyBoost > 0 {
		c.KeyBoost = cl.KeyBoost / cl.Boost
	}
}

// latinWord returns the one Latin word text holds (trimmed of
// punctuation, as written), or "" when text is not one Latin word.
func latinWord(an *analysis.Analyzer, text string) string {
	toks := an.Analyze(text, "en")
	if len(toks) > 1 {
		return ""
	}
	w := strings.TrimFunc(text, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	})
	if xlate.Key(w) == "" {
		return ""
	}
	return w
}
