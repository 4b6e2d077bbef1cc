package search

import (
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/analysis"
	"github.com/khabar-news/khabar/internal/news"
)

// TestSnippetOfLongBody checks that a long body gets the snippet a scan of
// the whole body gives, whether the query words are in its first
// snippetScan bytes or only past them.
func TestSnippetOfLongBody(t *testing.T) {
	an := analysis.New()
	s := &Searcher{an: an}
	filler := strings.Repeat("नदी के किनारे गांव में लोग रहते हैं। ", 200) // ≈ 12 KB
	tests := []struct {
		name, body, query, want string
	}{
		{"word at the start", "मानसून की पहली बारिश आई। " + filler + " अंत में मानसून लौटा।", "मानसून", "मानसून की पहली बारिश"},
		{"word only at the end", filler + " अंत में मानसून लौटा।", "मानसून", "अंत में मानसून लौटा"},
		{"words far apart", "मानसून की पहली बारिश आई। " + filler + " किसान खुश हुए।", "मानसून किसान", "मानसून की पहली बारिश"},
		{"both words only at the end", filler + " मानसून से किसान खुश हुए।", "मानसून किसान", "मानसून से किसान खुश"},
		{"word in the middle", filler + " पहली बार मानसून जल्दी आया। " + filler, "मानसून", "पहली बार मानसून जल्दी आया"},
		{"one of two words, in the middle", filler + " पहली बार मानसून जल्दी आया। " + filler, "मानसून किसान", "पहली बार मानसून जल्दी आया"},
		{"inflected form only", filler + " किसानों ने खुशी मनाई। " + filler, "किसान", "किसानों ने खुशी मनाई"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pq, err := Parse(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			p := newPlan(an, pq, func(string) []string { return nil })
			a := &news.Article{Language: "hi", Body: []news.Block{{Kind: news.Paragraph, Text: tt.body}}}
			sn := s.snippetOf(a, p)
			if !strings.Contains(sn.text, tt.want) {
				t.Errorf("got snippet %q, want it to contain %q", sn.text, tt.want)
			}
			full := makeSnippet(an, a.BodyText(), "hi", p.Highlight, p.HighlightKeys, SnippetChars)
			if sn.text != full.text {
				t.Errorf("got snippet %q, a scan of the whole body gives %q", sn.text, full.text)
			}
			if len(sn.spans) == 0 {
				t.Fatalf("snippet %q: no highlighted word", sn.text)
			}
			for _, sp := range sn.spans {
				if w := sn.text[sp.Start:sp.End]; !strings.Contains(tt.query, w) && !strings.HasPrefix(w, "किसान") {
					t.Errorf("snippet %q: highlight %q is not a query word", sn.text, w)
				}
			}
		})
	}
}
