package analysis

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// terms analyzes s as Hindi and returns the terms.
func terms(s string) []string { return New().Terms(s, "hi") }

// sameTerm checks that every word analyzes to exactly one term and that all
// words reach the same term.
func sameTerm(t *testing.T, words ...string) {
	t.Helper()
	var first string
	for i, w := range words {
		got := terms(w)
		if len(got) != 1 {
			t.Errorf("Analyze(%q) = %q, want one term", w, got)
			continue
		}
		if i == 0 {
			first = got[0]
		} else if got[0] != first {
			t.Errorf("Analyze(%q) = %q, want %q (the term of %q)", w, got[0], first, words[0])
		}
	}
}

// TestKnownFaults covers the faults of other analyzers listed in
// ARCHITECTURE.md §4: each case proves khabar gets it right.
func TestKnownFaults(t *testing.T) {
	t.Run("name is one token and not over-stemmed", func(t *testing.T) {
		got := New().Analyze("एस. जयशंकर", "hi")
		want := []Token{{Term: "एस", Pos: 0, Start: 0, End: 6}, {Term: "जयशंकर", Pos: 1, Start: 8, End: 26}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Analyze(%q) = %+v, want %+v", "एस. जयशंकर", got, want)
		}
	})
	t.Run("future tense with long vowels", func(t *testing.T) {
		sameTerm(t, "करेगा", "करेगी", "करेंगे", "करेंगी", "करेँगे", "करेगा")
	})
	t.Run("infinitive and participles", func(t *testing.T) {
		sameTerm(t, "करना", "करने", "करती", "करता", "करते", "करेगा")
	})
	t.Run("gender and number", func(t *testing.T) {
		sameTerm(t, "लड़का", "लड़की", "लड़के", "लड़कों", "लड़कियाँ")
	})
	t.Run("noun plurals", func(t *testing.T) { sameTerm(t, "किताबें", "किताब", "किताबों") })
	t.Run("nukta optional", func(t *testing.T) { sameTerm(t, "लड़का", "लडका") })
	t.Run("devanagari digits", func(t *testing.T) { sameTerm(t, "१८", "18") })
	t.Run("grouped numbers", func(t *testing.T) { sameTerm(t, "१,००,०००", "100000") })
	t.Run("november spellings", func(t *testing.T) { sameTerm(t, "नवंबर", "नवम्बर") })
	t.Run("hindi spellings", func(t *testing.T) { sameTerm(t, "हिन्दी", "हिंदी") })
	t.Run("za with and without nukta", func(t *testing.T) {
		sameTerm(t, "ज़िंदगी", "जिंदगी", "\u095bिंदगी")
	})
	t.Run("chandrabindu", func(t *testing.T) { sameTerm(t, "अँधेरा", "अंधेरा") })
	t.Run("short words keep their shape", func(t *testing.T) {
		for _, w := range []string{"दो", "घर", "एक", "एस", "सेना", "नेता"} {
			got := terms(w)
			if len(got) != 1 || len([]rune(got[0])) < 2 {
				t.Errorf("Analyze(%q) = %q, want one term of at least two runes", w, got)
			}
		}
	})
}

func TestStopWords(t *testing.T) {
	dropped := []string{"का", "के", "की", "को", "में", "से", "है", "हैं", "और", "तो", "ने", "पर", "भी", "ही",
		"यह", "वह", "था", "थे", "थी", "हो", "एवं", "तथा", "कि", "the", "of", "And"}
	for _, w := range dropped {
		t.Run("drop "+w, func(t *testing.T) {
			if got := terms(w); len(got) != 0 {
				t.Errorf("Analyze(%q) = %q, want no terms", w, got)
			}
		})
	}
	kept := map[string]string{"घर": "घर", "एक": "एक", "दो": "दो", "एस": "एस", "IT": "it", "US": "us", "WHO": "who"}
	for w, want := range kept {
		t.Run("keep "+w, func(t *testing.T) {
			if got := terms(w); len(got) != 1 || got[0] != want {
				t.Errorf("Analyze(%q) = %q, want [%q]", w, got, want)
			}
		})
	}
	t.Run("genitives are not one content term", func(t *testing.T) {
		if got := terms("के की का"); len(got) != 0 {
			t.Errorf("Analyze(%q) = %q, want no terms", "के की का", got)
		}
	})
}

func TestNoFalseOverlap(t *testing.T) {
	tests := [][2]string{
		{"मुलाकात", "मेले को तो"},
		{"जयशंकर", "जयश कर"},
		{"कहानी", "कहा"},
		{"सेना", "से ना"},
	}
	for _, tt := range tests {
		t.Run(tt[0]+"/"+tt[1], func(t *testing.T) {
			a, b := terms(tt[0]), terms(tt[1])
			for _, x := range a {
				for _, y := range b {
					if x == y {
						t.Errorf("Analyze(%q) = %q and Analyze(%q) = %q share %q", tt[0], a, tt[1], b, x)
					}
				}
			}
		})
	}
}

func TestAnalyze(t *testing.T) {
	tests := []struct {
		name, text, lang string
		want             []string
	}{
		{"hindi sentence", "एस. जयशंकर ने १८ नवम्बर को मॉस्को में पुतिन से मुलाक़ात की।", "hi",
			[]string{"एस", "जयशंकर", "18", "नवंबर", "मॉस्क", "पुतिन", "मुलाकात"}},
		{"english sentence", "India's Foreign Minister met the leaders, voting was stopped.", "en",
			[]string{"india", "foreign", "minister", "met", "leader", "vote", "stop"}},
		{"mixed text, script decides", "Budget 2024: किसानों के लिए नई योजनाएं announced", "",
			[]string{"budget", "2024", "किसान", "नई", "योज", "announc"}},
		{"marathi only normalized", "मुंबईच्या शाळा आज बंद आहेत", "mr",
			[]string{"मुंबईच्या", "शाळा", "आज", "बंद", "आहेत"}},
		{"letters and digits", "G20 बैठक कोविड-19", "hi", []string{"g20", "बैठक", "कोविड", "19"}},
		{"empty", "", "hi", nil},
		{"only stop words", "के की का है", "hi", []string{}},
		{"invalid utf8", "राम\xffकिताबें", "hi", []string{"राम", "किताब"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := New().Terms(tt.text, tt.lang)
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Terms(%q, %q) = %q, want %q", tt.text, tt.lang, got, tt.want)
			}
		})
	}
}

func TestOffsetsAndPositions(t *testing.T) {
	text := "प्रधानमंत्री ने कहा कि सरकार किसानों के साथ है, Jaishankar's visit जारी रहेगी।"
	toks := New().Analyze(text, "hi")
	if len(toks) == 0 {
		t.Fatalf("Analyze(%q) returned no tokens", text)
	}
	prevEnd := 0
	for i, tok := range toks {
		if tok.Pos != i {
			t.Errorf("token %d %q has Pos %d, want %d", i, tok.Term, tok.Pos, i)
		}
		if tok.Start < prevEnd || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %d %q has offsets [%d:%d] after %d", i, tok.Term, tok.Start, tok.End, prevEnd)
		}
		word := text[tok.Start:tok.End]
		if strings.ContainsAny(word, " ।,.") {
			t.Errorf("token %d %q spans %q, want one whole word", i, tok.Term, word)
		}
		prevEnd = tok.End
	}
	last := toks[len(toks)-1]
	if got := text[last.Start:last.End]; got != "रहेगी" {
		t.Errorf("last token spans %q, want %q", got, "रहेगी")
	}
}

func TestConcurrentUse(t *testing.T) {
	a := New()
	text := "विदेश मंत्री एस. जयशंकर ने कहा कि भारत और रूस के रिश्ते मजबूत हैं। The talks continued."
	want := a.Terms(text, "")
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			for range 200 {
				if got := a.Terms(text, ""); !reflect.DeepEqual(got, want) {
					errs <- fmt.Sprintf("concurrent Terms = %q, want %q", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestGolden analyzes original sample paragraphs in testdata/*.txt and
// compares "term<TAB>pos<TAB>start<TAB>end<TAB>word" lines with the
// .golden files. Run with -update to rewrite them after a reviewed change.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/*.txt files: %v", err)
	}
	a := New()
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			text := string(src)
			for _, tok := range a.Analyze(text, "") {
				fmt.Fprintf(&b, "%s\t%d\t%d\t%d\t%s\n", tok.Term, tok.Pos, tok.Start, tok.End, text[tok.Start:tok.End])
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run go test -update): %v", err)
			}
			if got := b.String(); got != string(want) {
				t.Errorf("analysis of %s differs from %s:\n got:\n%s\nwant:\n%s", f, golden, got, want)
			}
		})
	}
}
