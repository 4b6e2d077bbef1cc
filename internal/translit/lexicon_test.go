package translit

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

// TestLexiconPrefersKnownWords trains the toy model twice, without and with
// a word list, and checks that the word list survives the table round trip
// and lifts a listed spelling.
func TestLexiconPrefersKnownWords(t *testing.T) {
	opt := DefaultTrainOptions()
	opt.Order, opt.MinCount = 3, 1
	plain, err := Train(tinyPairs, opt)
	if err != nil {
		t.Fatal(err)
	}
	// A spelling the toy model can build but does not rank first.
	got := plain.Candidates("kamal", 5)
	if len(got) < 2 {
		t.Fatalf("toy model: Candidates(kamal) = %q, want at least two", texts(got))
	}
	second := got[1].Text
	opt.Lexicon = []string{second, "नमस्ते-दुनिया", "latin", "", "अर्थात्"}
	m, err := Train(tinyPairs, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		word string
		want bool
	}{
		{second, true},
		{"नमस्ते", true}, // split at the hyphen
		{"दुनिया", true},
		{"latin", false},   // not Devanagari
		{"अर्थात्", false}, // ends in a virama: never decoded
	} {
		if m.lex[tc.word] != tc.want {
			t.Errorf("lexicon has %q: got %v, want %v", tc.word, m.lex[tc.word], tc.want)
		}
	}
	m2 := roundTrip(t, m)
	if len(m2.lex) != len(m.lex) {
		t.Fatalf("round trip: got %d lexicon words, want %d", len(m2.lex), len(m.lex))
	}
	scoreOf := func(cands []Candidate, w string) float64 {
		for _, c := range cands {
			if c.Text == w {
				return c.Score
			}
		}
		return 0
	}
	before, after := scoreOf(got, second), scoreOf(m2.Candidates("kamal", 5), second)
	if after <= 2*before {
		t.Errorf("with %q in the lexicon its score is %.3f, want more than twice %.3f", second, after, before)
	}
}

func TestReadModelRejectsBadSections(t *testing.T) {
	opt := DefaultTrainOptions()
	opt.Order, opt.MinCount = 3, 1
	opt.Lexicon = []string{"कमल"}
	m, err := Train(tinyPairs, opt)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(encodeModel(t, m))
	if err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	if _, err := text.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	good := text.String()
	if !strings.Contains(good, "\nwords 1\nकमल\n") {
		t.Fatalf("tables have no word list section:\n%s", good[max(0, len(good)-200):])
	}
	for name, s := range map[string]string{
		"latin word":       strings.Replace(good, "\nwords 1\nकमल\n", "\nwords 1\nkamal\n", 1),
		"short word list":  strings.Replace(good, "\nwords 1\n", "\nwords 2\n", 1),
		"bad header":       strings.Replace(good, "\nwords 1\n", "\nwords x\n", 1),
		"unknown section":  good + "extra 1\n",
		"two word lists":   good + "words 1\nनमक\n",
		"negative entries": strings.Replace(good, "\nwords 1\n", "\nwords -1\n", 1),
	} {
		t.Run(name, func(t *testing.T) {
			var z bytes.Buffer
			zw := gzip.NewWriter(&z)
			zw.Write([]byte(s))
			zw.Close()
			if _, err := ReadModel(&z); err == nil {
				t.Error("got no error")
			}
		})
	}
}

func TestFoldLatinMarks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"modi", "modi"},
		{"Wüttemberg", "Wuttemberg"},
		{"Zoë Saldaña", "Zoe Saldana"},
		{"Ærø", "Ærø"}, // no ASCII base letter: kept
		{"मोदी café", "मोदी cafe"},
		{"\xff", "\uFFFD"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := foldLatinMarks(tc.in); got != tc.want {
				t.Errorf("foldLatinMarks(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	if a, b := texts(Candidates("Wüttemberg", 3)), texts(Candidates("wuttemberg", 3)); strings.Join(a, " ") != strings.Join(b, " ") {
		t.Errorf("Candidates(Wüttemberg) = %q, want the same as for wuttemberg %q", a, b)
	}
}
