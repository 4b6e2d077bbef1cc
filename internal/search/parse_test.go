package search

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/analysis"
)

func istDay(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, IST) }

func TestParse(t *testing.T) {
	w := func(s string) Part { return Part{Text: s} }
	tests := []struct {
		in   string
		want Parsed
	}{
		{"", Parsed{}},
		{"   ", Parsed{}},
		{"जयशंकर पुतिन", Parsed{Parts: []Part{w("जयशंकर"), w("पुतिन")}}},
		{`"प्रदूषण नियंत्रण" बोर्ड`, Parsed{Parts: []Part{{Text: "प्रदूषण नियंत्रण", Phrase: true}, w("बोर्ड")}}},
		{`रूस -तेल -"कच्चे तेल"`, Parsed{Parts: []Part{w("रूस"), {Text: "तेल", Negated: true}, {Text: "कच्चे तेल", Phrase: true, Negated: true}}}},
		{`"खुला उद्धरण`, Parsed{Parts: []Part{{Text: "खुला उद्धरण", Phrase: true}}}},
		{`"" - बाढ़`, Parsed{Parts: []Part{w("बाढ़")}}},
		{"source:bbc-hindi source:\"Dainik Jagran\" बाढ़", Parsed{Parts: []Part{w("बाढ़")}, Sources: []string{"bbc-hindi", "Dainik Jagran"}}},
		{"lang:HI", Parsed{Langs: []string{"hi"}}},
		{"from:2024-03-01 to:2024-03-31", Parsed{From: istDay(2024, 3, 1), To: istDay(2024, 4, 1)}},
		{"from:२०२४-०३-१०", Parsed{From: istDay(2024, 3, 10)}},
		{"to:2024-03-10", Parsed{To: istDay(2024, 3, 11)}},
		{"SOURCE:x", Parsed{Sources: []string{"x"}}},
		{"12:30 https://example.org", Parsed{Parts: []Part{w("12:30"), w("https://example.org")}}},
		{"जयशंकर\tऔर\u00a0पुतिन", Parsed{Parts: []Part{w("जयशंकर"), w("और"), w("पुतिन")}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("Parse(%q)\n got %+v\nwant %+v", tt.in, *got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"from:2024-13-01", `from: want YYYY-MM-DD, got "2024-13-01"`},
		{"from:कल", `from: want YYYY-MM-DD, got "कल"`},
		{"to:", `to: want YYYY-MM-DD, got ""`},
		{"to:01-03-2024", `to: want YYYY-MM-DD, got "01-03-2024"`},
		{"from:2024-03-02 to:2024-03-01", "from: 2024-03-02 is after to: 2024-03-01"},
		{"from:2024-03-02 from:2024-03-03", "from: given twice"},
		{"source:", "source: want a source name, got nothing"},
		{`source:""`, "source: want a source name, got nothing"},
		{"lang:hindi", `lang: want a language code such as hi, got "hindi"`},
		{"lang:हि", `lang: want a language code such as hi, got "हि"`},
		{"-source:bbc", "-source: excluding by a filter is not supported"},
		{"\xff", "not valid UTF-8"},
		{strings.Repeat("क ", MaxParts+1), "want at most 64"},
		{strings.Repeat("क", MaxQueryBytes), "want at most 4096"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			_, err := Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q): got nil error, want %q", tt.in, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse(%q): got error %q, want it to contain %q", tt.in, err, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"जयशंकर पुतिन", `"प्रदूषण नियंत्रण" -बाढ़ -"कच्चे तेल"`, `source:"Dainik Jagran" lang:hi`,
		"from:2024-03-01 to:२०२४-०३-३१", "-", `"`, `-"`, "source:", "to:x", "क्‍ष ज़ फ़िल्म",
	} {
		f.Add(s)
	}
	an := analysis.New()
	f.Fuzz(func(t *testing.T, q string) {
		p, err := Parse(q)
		if err != nil {
			if p != nil {
				t.Errorf("Parse(%q) returned both %+v and %v", q, p, err)
			}
			return
		}
		for _, part := range p.Parts {
			if part.Text == "" || !utf8.ValidString(part.Text) {
				t.Errorf("Parse(%q): bad part %+v", q, part)
			}
			if !part.Phrase && strings.ContainsAny(part.Text, " \t\n") {
				t.Errorf("Parse(%q): word %q holds a space", q, part.Text)
			}
		}
		if !p.From.IsZero() && !p.To.IsZero() && !p.From.Before(p.To) {
			t.Errorf("Parse(%q): from %v not before to %v", q, p.From, p.To)
		}
		plan := NewPlan(an, p)
		for _, c := range append(plan.Positive, plan.Query.MustNot...) {
			if len(c.Terms) == 0 {
				t.Errorf("Parse(%q): empty clause in plan", q)
			}
			for _, alts := range c.Terms {
				for _, term := range alts {
					if term == "" {
						t.Errorf("Parse(%q): empty term in plan", q)
					}
				}
			}
		}
	})
}
