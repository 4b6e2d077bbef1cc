package search

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/news"
	"github.com/khabar-news/khabar/internal/shareddata"
)

// termCacheTexts are texts with the tokenizer's edge cases: apostrophes,
// grouped and decimal numbers in both digit sets, joiners, nukta forms,
// mixed scripts, stop words only, no words.
var termCacheTexts = []string{
	"",
	"   …  ",
	"और के की में",
	"प्रधानमंत्री ने कहा कि सरकार किसानों की आय दोगुनी करेगी।",
	"Don't panic: the U.S. team's 1,200.50 runs — २,३४५.६ रन; 12,34,567 लोग",
	"क्ष‍त्रिय ज़मीन ज़मीं फ़िल्म द्‌वार अक्टूबर 2025 में COVID-19 के 3rd wave",
	"मुंबई (महाराष्ट्र): 'शिवसेना' ने कहा… “चुनाव” ‘जल्द’ होंगे!!",
	"اردو خبر और हिंदी خبر mixed ਪੰਜਾਬੀ ਖ਼ਬਰ বাংলা",
	"abc१२३ १२३abc x.y 1.2.3 ,5 5, .5",
}

// TestTermCacheMatchesAnalyze checks that termCache.analyze gives exactly
// an.Analyze's tokens (but for Pos, which it leaves 0), cold and warm, for
// several language hints, all of them or those a matcher may mark.
func TestTermCacheMatchesAnalyze(t *testing.T) {
	an := analysis.New()
	texts := append([]string{}, termCacheTexts...)
	if testing.Short() {
		t.Log("short: only the built-in texts")
	} else {
		for i, rec := range shareddata.BBCHindi(t) {
			if i%7 == 0 {
				texts = append(texts, rec[1])
			}
		}
	}
	keeps := map[string]func(string, byte) bool{
		"all":   nil,
		"terms": newMatcher(map[string]bool{"सरकार": true, "किसान": true, "panic": true, "1200.50": true}, nil).maybe,
		"keys":  newMatcher(map[string]bool{"सरकार": true}, map[string]bool{analysis.KeyTerm(analysis.KeyLatin, "x"): true}).maybe,
	}
	for _, lang := range []string{"hi", "", "mr", "en"} {
		for name, keep := range keeps {
			c := newTermCache(an)
			for round := range 2 {
				for i, text := range texts {
					t.Run(fmt.Sprintf("%s/%s/%d/%d", lang, name, round, i), func(t *testing.T) {
						got, want := c.analyze(text, lang, keep), filtered(an.Analyze(text, lang), text, keep)
						if !sameTokens(got, want) {
							t.Fatalf("analyze(%q, %q):\ngot  %v\nwant %v", text, lang, got, want)
						}
					})
				}
			}
		}
	}
}

// sameTokens reports whether a and b hold the same tokens (nil and empty
// alike).
func sameTokens(a, b []analysis.Token) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

// TestTermCacheBounded checks that the cache never holds more than its
// bounds.
func TestTermCacheBounded(t *testing.T) {
	c := newTermCache(analysis.New())
	var b strings.Builder
	for i := range termCacheSize + 500 {
		fmt.Fprintf(&b, "w%dx ", i)
	}
	text := b.String()
	c.analyze(text, "hi", nil)
	c.analyze(text, "hi", nil)
	for i := range termCacheLangs + 3 {
		c.analyze("नदी किनारे", fmt.Sprint("l", i), nil)
	}
	for lang, m := range c.by {
		if len(m) > termCacheSize {
			t.Errorf("lang %q: got %d words, want at most %d", lang, len(m), termCacheSize)
		}
	}
	if len(c.by) > termCacheLangs {
		t.Errorf("got %d languages, want at most %d", len(c.by), termCacheLangs)
	}
}

// TestSnippetOfCachedMatchesUncached checks that a Searcher's snippets,
// with its termCache or without, are those of oldSnippetOf (the way
// before the cache and the reuse of the window's tokens), byte for byte
// with the same highlights, on the BBC Hindi sample for queries of
// its own words, Latin words with cross-script keys, and words it lacks.
func TestSnippetOfCachedMatchesUncached(t *testing.T) {
	an := analysis.New()
	keys := newKeyCache(keyCacheSize, nil)
	cached := &Searcher{an: an, terms: newTermCache(an)}
	plain := &Searcher{an: an}
	recs := shareddata.BBCHindi(t)
	if len(recs) > 300 {
		recs = recs[:300]
	}
	queries := []string{"modi sarkar", "delhi", "क्रिकेट मैच", "चुनाव -कांग्रेस", `"प्रधानमंत्री ने"`, "बारिश OR बाढ़", "zzqx"}
	matched := 0
	for i, rec := range recs {
		words := strings.Fields(rec[1])
		if len(words) > 40 {
			queries = append(queries, words[7]+" "+words[len(words)-3], words[len(words)/2], words[len(words)/3]+" "+words[len(words)-5])
		}
		if i%2 == 0 {
			continue
		}
		a := &news.Article{Language: "hi", Standfirst: firstN(rec[1], 300)}
		for line := range strings.SplitSeq(rec[1], "\n") {
			a.Body = append(a.Body, news.Block{Kind: news.Paragraph, Text: line})
		}
		for _, q := range []string{queries[i%len(queries)], queries[(i*7+3)%len(queries)]} {
			pq, err := Parse(q)
			if err != nil {
				t.Fatal(err)
			}
			p := newPlan(an, pq, keys.get)
			want := oldSnippetOf(an, a, p)
			for name, s := range map[string]*Searcher{"cached": cached, "plain": plain} {
				if got := s.snippetOf(a, p); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: article %d, query %q:\ngot  %+v\nwant %+v", name, i, q, got, want)
				}
			}
			if len(want.spans) > 0 {
				matched++
			}
		}
	}
	if matched < 50 {
		t.Errorf("got %d snippets with highlights, want at least 50 (the test lost its teeth)", matched)
	}
}

// firstN returns s cut to at most n bytes at a rune boundary.
func firstN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xc0 == 0x80 {
		n--
	}
	return s[:n]
}

// oldSnippetOf is snippetOf as it was before termCache and joinTokens:
// makeSnippet, which runs an.Analyze, on the window, the body and the
// standfirst.
func oldSnippetOf(an *analysis.Analyzer, a *news.Article, plan *Plan) snippet {
	lang := a.Language
	text := a.BodyText()
	if len(text) > snippetScan {
		from, to := snippetWindow(text, plan.Words)
		part := makeSnippet(an, text[from:to], lang, plan.Highlight, plan.HighlightKeys, SnippetChars)
		if part.matched > 0 && (part.matched == len(plan.Highlight) || part.matched >= typedIn(text, plan.Words)) {
			return framed(part, from > 0, to < len(text))
		}
	}
	body := makeSnippet(an, text, lang, plan.Highlight, plan.HighlightKeys, SnippetChars)
	if body.matched > 0 && body.matched == len(plan.Highlight) {
		return body
	}
	stand := makeSnippet(an, a.Standfirst, lang, plan.Highlight, plan.HighlightKeys, SnippetChars)
	if stand.matched > body.matched || body.text == "" {
		return stand
	}
	return body
}

// TestJoinTokens checks that the tokens of a text joined around a window
// cut at spaces are an.Analyze's, for every window start and end at a
// space of a text with the tokenizer's edge cases.
func TestJoinTokens(t *testing.T) {
	an := analysis.New()
	s := &Searcher{an: an, terms: newTermCache(an)}
	text := strings.Join(termCacheTexts, " ")
	m := newMatcher(map[string]bool{"सरकार": true, "किसान": true, "panic": true}, nil)
	want := filtered(an.Analyze(text, "hi"), text, m.maybe)
	var cuts []int
	for i := range len(text) + 1 {
		if i == 0 || i == len(text) || text[i] == ' ' || text[i-1] == ' ' || i%5 == 0 {
			cuts = append(cuts, i)
		}
	}
	for _, from := range cuts {
		for _, to := range cuts {
			if to < from || to-from > 300 {
				continue
			}
			got := s.joinTokens(text, "hi", from, to, s.tokens(text[from:to], "hi", m), m)
			if !sameTokens(got, want) {
				t.Fatalf("joinTokens(from %d, to %d):\ngot  %v\nwant %v", from, to, got, want)
			}
		}
	}
}

// BenchmarkSnippetOf picks the snippets of BBC Hindi articles for queries
// of their own words (some in the first stretch of the body, some only
// further on), the way before (oldSnippetOf) and now (snippetOf with a
// warm termCache).
func BenchmarkSnippetOf(b *testing.B) {
	an := analysis.New()
	var arts []*news.Article
	var plans []*Plan
	for i, rec := range shareddata.BBCHindi(b) {
		words := strings.Fields(rec[1])
		if len(words) < 60 || i%3 != 0 {
			continue
		}
		a := &news.Article{Language: "hi"}
		for line := range strings.SplitSeq(rec[1], "\n") {
			a.Body = append(a.Body, news.Block{Kind: news.Paragraph, Text: line})
		}
		pq, err := Parse(words[len(words)/(2+i%4)] + " " + words[len(words)-1-i%30])
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
		plans = append(plans, newPlan(an, pq, func(string) []string { return nil }))
	}
	s := &Searcher{an: an, terms: newTermCache(an)}
	for i := range arts {
		s.snippetOf(arts[i], plans[i])
	}
	b.Run("old", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			oldSnippetOf(an, arts[i%len(arts)], plans[i%len(arts)])
		}
	})
	b.Run("new", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			s.snippetOf(arts[i%len(arts)], plans[i%len(arts)])
		}
	})
}

// TestTermCacheConcurrent analyzes the same texts from several goroutines
// (run with -race).
func TestTermCacheConcurrent(t *testing.T) {
	an := analysis.New()
	c := newTermCache(an)
	want := make([][]analysis.Token, len(termCacheTexts))
	for i, text := range termCacheTexts {
		want[i] = filtered(an.Analyze(text, "hi"), text, nil)
	}
	errs := make(chan string, 4)
	for g := range 4 {
		go func() {
			for r := range 50 {
				i := (g + r) % len(termCacheTexts)
				if got := c.analyze(termCacheTexts[i], "hi", nil); !sameTokens(got, want[i]) {
					errs <- fmt.Sprintf("text %d: got %v, want %v", i, got, want[i])
					return
				}
			}
			errs <- ""
		}()
	}
	for range 4 {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}

func TestBodyText(t *testing.T) {
	for _, body := range [][]news.Block{
		nil,
		{},
		{{Text: "एक"}},
		{{Text: ""}},
		{{Text: "पहला"}, {Text: ""}, {Text: "तीसरा\n"}},
	} {
		a := &news.Article{Body: body}
		if got, want := bodyText(a), a.BodyText(); got != want {
			t.Errorf("bodyText(%v): got %q, want %q", body, got, want)
		}
	}
}

func TestRuneStart(t *testing.T) {
	for b := range 256 {
		want := 0
		if utf8.RuneStart(byte(b)) {
			want = 1
		}
		if got := runeStart(byte(b)); got != want {
			t.Errorf("runeStart(%#x): got %d, want %d", b, got, want)
		}
	}
}
