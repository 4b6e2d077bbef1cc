package search

import (
	"html"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/khabar-news/khabar/internal/analysis"
)

// matchOf returns the terms of the words, as a plan's Highlight.
func matchOf(an *analysis.Analyzer, words ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		for _, t := range an.Analyze(w, "") {
			m[t.Term] = true
		}
	}
	return m
}

// longText is a body of several paragraphs, long enough to need a window.
var longText = strings.Join([]string{
	"नगर निगम ने शहर के पुराने बाज़ारों में सफ़ाई का विशेष अभियान शुरू किया है। अधिकारियों के अनुसार यह अभियान पूरे महीने चलेगा और हर वार्ड में टीमें जाएंगी।",
	"व्यापारियों ने कहा कि नालियों की मरम्मत बरसों से अटकी है। कई दुकानदारों ने शिकायत की कि बारिश में पानी दुकानों तक पहुंच जाता है।",
	"महापौर ने बताया कि नालियों की मरम्मत के लिए अलग बजट रखा गया है और काम अगले हफ़्ते शुरू होगा। उन्होंने लोगों से कचरा सड़क पर न फेंकने की अपील की।",
	"स्वास्थ्य विभाग ने भी मच्छरों से बचाव के लिए दवा छिड़कने की योजना बनाई है।",
}, "\n\n")

// wordsOf splits text at white space.
func wordsOf(s string) []string { return strings.Fields(s) }

// checkSnippet checks the properties every snippet has: valid UTF-8, no
// line breaks, spans on whole words of the source, only whole words of
// the source, and length near width.
func checkSnippet(t *testing.T, an *analysis.Analyzer, src string, sn snippet, match map[string]bool, width int) {
	t.Helper()
	if !utf8.ValidString(sn.text) {
		t.Errorf("snippet %q is not valid UTF-8", sn.text)
	}
	if strings.ContainsAny(sn.text, "\n\r\t") {
		t.Errorf("snippet %q has a line break or tab", sn.text)
	}
	srcWords := wordsOf(src)
	words := wordsOf(sn.text)
	for i, w := range words {
		if w == ellipsis && (i == 0 || i == len(words)-1) {
			continue
		}
		if !slices.Contains(srcWords, w) && (i > 0 && i < len(words)-1) {
			t.Errorf("snippet word %q is not a word of the source (cut inside a word?)", w)
		}
		if (i == 0 || i == len(words)-1) && !strings.Contains(src, w) {
			t.Errorf("snippet edge word %q is not in the source", w)
		}
	}
	for _, sp := range sn.spans {
		if sp.Start < 0 || sp.End > len(sn.text) || sp.Start >= sp.End {
			t.Fatalf("span %v outside snippet %q", sp, sn.text)
		}
		w := sn.text[sp.Start:sp.End]
		toks := an.Analyze(w, "")
		if len(toks) == 0 || !match[toks[0].Term] {
			t.Errorf("marked %q does not analyze to a matched term", w)
		}
		if sp.Start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(sn.text[:sp.Start]); r != ' ' && !strings.ContainsRune("\"'(“‘", r) {
				t.Errorf("marked %q starts inside a word of %q", w, sn.text)
			}
		}
	}
	if n := utf8.RuneCountInString(sn.text); n > width+20 {
		t.Errorf("snippet has %d runes, want about %d", n, width)
	}
}

func TestMakeSnippet(t *testing.T) {
	an := analysis.New()
	tests := []struct {
		name   string
		text   string
		words  []string
		width  int
		marked []string
		start  bool // the snippet starts at the start of the text
		end    bool // ... and reaches its end
	}{
		{"short text whole", "महापौर ने अपील की।", []string{"अपील"}, 200, []string{"अपील"}, true, true},
		{"window around the match", longText, []string{"मच्छरों"}, 80, []string{"मच्छरों"}, false, true},
		{"window with most distinct terms", longText, []string{"नालियों", "बजट"}, 100, []string{"नालियों", "बजट"}, false, false},
		{"first match when no window holds both", longText, []string{"सफ़ाई", "मच्छरों"}, 60, []string{"सफ़ाई"}, false, false},
		{"no match: start of text", longText, []string{"क्रिकेट"}, 60, nil, true, false},
		{"nukta word matches folded query", "शहर के बाज़ारों में भीड़ रही।", []string{"बाजारों"}, 200, []string{"बाज़ारों"}, true, true},
		{"digits", "भारत ने 18 रन से जीत दर्ज की।", []string{"१८"}, 200, []string{"18"}, true, true},
		{"joiners stay inside words", "श्री क्‍षेत्र में आज मेला लगा और भीड़ रही।", []string{"मेला"}, 200, []string{"मेला"}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			match := matchOf(an, tt.words...)
			sn := makeSnippet(an, tt.text, "hi", match, nil, tt.width)
			checkSnippet(t, an, tt.text, sn, match, tt.width)
			var got []string
			for _, sp := range sn.spans {
				got = append(got, sn.text[sp.Start:sp.End])
			}
			got = slices.Compact(got)
			if !slices.Equal(got, tt.marked) {
				t.Errorf("marked %q in %q, want %q", got, sn.text, tt.marked)
			}
			if s := !strings.HasPrefix(sn.text, ellipsis); s != tt.start {
				t.Errorf("snippet %q: starts at text start = %v, want %v", sn.text, s, tt.start)
			}
			if e := !strings.HasSuffix(sn.text, ellipsis); e != tt.end {
				t.Errorf("snippet %q: reaches text end = %v, want %v", sn.text, e, tt.end)
			}
		})
	}
}

func TestMakeSnippetNoSpaces(t *testing.T) {
	an := analysis.New()
	// One long run without spaces: the cut must still fall between words.
	text := strings.Repeat("क्षेत्र,", 60) + "मेला"
	match := matchOf(an, "मेला")
	sn := makeSnippet(an, text, "hi", match, nil, 40)
	if !utf8.ValidString(sn.text) {
		t.Fatalf("snippet %q is not valid UTF-8", sn.text)
	}
	if !strings.Contains(sn.text, "मेला") || len(sn.spans) != 1 {
		t.Errorf("snippet %q, spans %v: want मेला marked", sn.text, sn.spans)
	}
	body := strings.Trim(sn.text, ellipsis+" ")
	for _, piece := range strings.Split(body, ",") {
		if piece != "" && piece != "क्षेत्र" && piece != "मेला" {
			t.Errorf("snippet %q holds a cut word %q", sn.text, piece)
		}
	}
	lead := makeSnippet(an, strings.Repeat("क्षेत्र", 100), "hi", match, nil, 40)
	if lead.text != strings.Repeat("क्षेत्र", 100) {
		t.Errorf("one long word: got %q, want it whole", lead.text)
	}
}

func TestHighlight(t *testing.T) {
	text := "जयशंकर ने <पुतिन> से बात की"
	spans := []Span{{0, len("जयशंकर")}, {strings.Index(text, "<"), strings.Index(text, " से")}}
	tests := []struct {
		name, open, close string
		esc               func(string) string
		want              string
	}{
		{"plain", "[", "]", nil, "[जयशंकर] ने [<पुतिन>] से बात की"},
		{"html", "<mark>", "</mark>", html.EscapeString, "<mark>जयशंकर</mark> ने <mark>&lt;पुतिन&gt;</mark> से बात की"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Highlight(text, spans, tt.open, tt.close, tt.esc); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	bad := []Span{{5, 3}, {1, 2}, {0, 1000}}
	if got := Highlight(text, bad, "[", "]", nil); got != text {
		t.Errorf("bad spans: got %q, want the text unchanged", got)
	}
}

func FuzzSnippet(f *testing.F) {
	f.Add(longText, "नालियों", 80)
	f.Add("क्‍ष ज़ फ़िल्म 18 १८", "१८", 3)
	f.Add("\xffअ\u200dब", "अ", 1)
	an := analysis.New()
	f.Fuzz(func(t *testing.T, text, word string, width int) {
		if width < 1 || width > 1000 {
			return
		}
		sn := makeSnippet(an, text, "", matchOf(an, word), nil, width)
		if !utf8.ValidString(sn.text) {
			t.Fatalf("snippet %q of %q is not valid UTF-8", sn.text, text)
		}
		at := 0
		for _, sp := range sn.spans {
			if sp.Start < at || sp.End <= sp.Start || sp.End > len(sn.text) {
				t.Fatalf("bad span %v in %q", sp, sn.text)
			}
			at = sp.End
		}
		_ = Highlight(sn.text, sn.spans, "<", ">", html.EscapeString)
	})
}
