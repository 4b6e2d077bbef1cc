package indic

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// texts returns the Text of each token.
func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", []string{}},
		{"only punctuation", " ।, ॥ -- ", []string{}},
		{"sentence with danda", "विदेश मंत्री आज मॉस्को पहुंचे।", []string{"विदेश", "मंत्री", "आज", "मॉस्को", "पहुंचे"}},
		{"double danda", "जय हो॥ फिर", []string{"जय", "हो", "फिर"}},
		{"initial with period", "एस. जयशंकर ने कहा", []string{"एस", "जयशंकर", "ने", "कहा"}},
		{"latin initial", "S. Jaishankar met", []string{"S", "Jaishankar", "met"}},
		{"devanagari digits", "१८ नवंबर २०२४ को", []string{"१८", "नवंबर", "२०२४", "को"}},
		{"decimal and grouping", "₹3.84 करोड़ और 1,00,000 लोग", []string{"3.84", "करोड़", "और", "1,00,000", "लोग"}},
		{"number then period", "साल 2024. अगला", []string{"साल", "2024", "अगला"}},
		{"apostrophe inside latin", "India's don't O’Brien 'quoted'", []string{"India's", "don't", "O’Brien", "quoted"}},
		{"hyphen splits", "भारत-पाक well-known कोविड-19", []string{"भारत", "पाक", "well", "known", "कोविड", "19"}},
		{"letters and digits join", "G20 वी1 4G", []string{"G20", "वी1", "4G"}},
		{"script change splits", "COVIDसे Jaishankarने", []string{"COVID", "से", "Jaishankar", "ने"}},
		{"zwj and zwnj stay inside", "क्\u200dष र\u200cह", []string{"क्\u200dष", "र\u200cह"}},
		{"abbreviation sign", "डॉ॰ सिंह", []string{"डॉ", "सिंह"}},
		{"quotes and brackets", "“मन की बात” (रेडियो)", []string{"मन", "की", "बात", "रेडियो"}},
		{"hashtag and mention", "#चुनाव @khabar", []string{"चुनाव", "khabar"}},
		{"avagraha", "शिवोऽहम्", []string{"शिवोऽहम्"}},
		{"bengali and tamil", "ভারত இந்தியா", []string{"ভারত", "இந்தியா"}},
		{"han one per char", "北京 市", []string{"北", "京", "市"}},
		{"invalid utf8 separates", "राम\xffसीता", []string{"राम", "सीता"}},
		{"leading mark skipped", "\u093e राम", []string{"राम"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(Tokenize(tt.in))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestTokenizeKeepsWordsWhole checks that no matra, virama, nukta,
// anusvara, chandrabindu, visarga, ZWJ or ZWNJ ever splits a word.
func TestTokenizeKeepsWordsWhole(t *testing.T) {
	words := []string{
		"क्षत्रिय", "श्रीमान", "प्रधानमंत्री", "ज़िंदगी", "क़ानून", "कार्यक्रम", "रूस", "मॉस्को",
		"उन्होंने", "पहुंचे", "पहुँचे", "जयशंकर", "अँधेरा", "दुःख", "प्रातः", "हिन्दी", "नवम्बर",
		"विश्वविद्यालय", "स्वास्थ्य", "द्वारा", "ट्रंप", "फ़ैसला", "लड़कियाँ", "पढ़ाई", "ऑक्सीजन",
		"कृषि", "ऋषि", "ज्ञान", "त्र्यंबकेश्वर", "अर्द्धसैनिक", "क्\u200dष", "श्\u200cर", "ग़ज़ल",
		"सत्ताईस", "ईद", "उर्दू", "ॐ", "पद्‍मश्री",
	}
	for _, w := range words {
		t.Run(w, func(t *testing.T) {
			in := "(" + w + "।"
			got := Tokenize(in)
			if len(got) != 1 || got[0].Text != w {
				t.Errorf("Tokenize(%q) = %q, want [%q]", in, texts(got), w)
			}
		})
	}
}

func TestTokenizeOffsets(t *testing.T) {
	in := "एस. जयशंकर ने १८ नवंबर को Moscow में कहा।"
	for _, tok := range Tokenize(in) {
		if in[tok.Start:tok.End] != tok.Text {
			t.Errorf("token %q has offsets [%d:%d] = %q", tok.Text, tok.Start, tok.End, in[tok.Start:tok.End])
		}
	}
}

// checkTokens verifies the invariants every tokenization must keep.
func checkTokens(t *testing.T, s string, toks []Token) {
	t.Helper()
	prev := 0
	for i, tok := range toks {
		switch {
		case tok.Text == "":
			t.Fatalf("token %d of %q is empty", i, s)
		case !utf8.ValidString(tok.Text):
			t.Fatalf("token %d %q of %q is not valid UTF-8", i, tok.Text, s)
		case tok.Start < prev || tok.End <= tok.Start || tok.End > len(s):
			t.Fatalf("token %d %q of %q has offsets [%d:%d] after %d", i, tok.Text, s, tok.Start, tok.End, prev)
		case s[tok.Start:tok.End] != tok.Text:
			t.Fatalf("token %d: s[%d:%d] = %q, want %q", i, tok.Start, tok.End, s[tok.Start:tok.End], tok.Text)
		}
		prev = tok.End
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "एस. जयशंकर ने कहा।", "क़ानून ज़िंदगी", "क्\u200dष", "India's G20 3.84", "\xff\xfe", "१,२३४.५",
		"a'", "1.", "ভারত-இந்தியா", "北京", "\u093e\u094d", strings.Repeat("न्", 5),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, s, Tokenize(s))
		n := Normalize(s)
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q, not valid UTF-8", s, n)
		}
		for _, tok := range Tokenize(s) {
			if st := Stem(tok.Text); st == "" {
				t.Fatalf("Stem(%q) is empty", tok.Text)
			}
		}
		_ = DetectLanguage(s)
	})
}
