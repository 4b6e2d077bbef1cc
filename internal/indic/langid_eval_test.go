package indic

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
)

// TestEvalHeadlineLanguage measures DetectLanguage on the L3Cube-IndicNews
// headline test sets (one file per language) and Marathi paragraphs. It
// logs the accuracy per language and fails below a floor.
func TestEvalHeadlineLanguage(t *testing.T) {
	dir := sharedData(t, "corpora/l3cube-indicnews")
	sets := []struct {
		file  string
		lang  string
		floor float64
	}{
		{"hindi/Hindi_SHC_Test.csv", "hi", 0.99},
		{"other-languages-shc-test/Marathi_SHC_Test.csv", "mr", 0.93},
		{"marathi-lpc/Marathi_LPC_Test.csv", "mr", 0.98},
		{"other-languages-shc-test/English_test_shc.csv", "en", 0.98},
		{"other-languages-shc-test/Bengal_SHC_Test.csv", "bn", 0.98},
		{"other-languages-shc-test/Gujarati_SHC_Test.csv", "gu", 0.98},
		{"other-languages-shc-test/Kannada_SHC_Test.csv", "kn", 0.98},
		{"other-languages-shc-test/Malayalam_SHC_Test.csv", "ml", 0.98},
		{"other-languages-shc-test/Odia_SHC_Test.csv", "or", 0.98},
		{"other-languages-shc-test/Punjabi_SHC_Test.csv", "pa", 0.98},
		{"other-languages-shc-test/Tamil_SHC_Test.csv", "ta", 0.98},
		{"other-languages-shc-test/Telugu_SHC_Test.csv", "te", 0.98},
	}
	for _, set := range sets {
		t.Run(set.lang+"/"+set.file, func(t *testing.T) {
			texts := readTextColumn(t, dir+"/"+set.file)
			correct, mixed, mojibake := 0, 0, 0
			wrong := map[string]int{}
			for _, s := range texts {
				if isMojibake(s) {
					mojibake++
					continue
				}
				d := DetectLanguage(s)
				if d.Lang == set.lang {
					correct++
				} else {
					wrong[d.Lang]++
				}
				if d.Mixed {
					mixed++
				}
			}
			n := len(texts) - mojibake
			acc := float64(correct) / float64(n)
			t.Logf("%s: accuracy %.4f (%d/%d), mixed %d, wrong as %v, skipped %d mojibake rows",
				set.file, acc, correct, n, mixed, wrong, mojibake)
			if acc < set.floor {
				t.Errorf("%s: accuracy %.4f, want >= %.2f", set.file, acc, set.floor)
			}
		})
	}
}

// isMojibake reports whether s is Devanagari UTF-8 that was decoded as
// Windows-1251 upstream ("рдХреН..."): such rows are no longer in the
// language of their label.
func isMojibake(s string) bool {
	return strings.Contains(s, "рд") || strings.Contains(s, "ре")
}

// readTextColumn returns the text column of an IndicNews CSV: the column
// named text (any case), skipping stray header rows and empty texts.
func readTextColumn(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		t.Fatalf("read header of %s: %v", path, err)
	}
	col := -1
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), "text") {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("%s: no text column in header %q", path, header)
	}
	var out []string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			continue // a malformed row; the eval counts the rows it can read
		}
		if col >= len(rec) {
			continue
		}
		s := strings.TrimSpace(rec[col])
		if s == "" || strings.EqualFold(s, "text") {
			continue
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		t.Fatalf("%s: no rows", path)
	}
	return out
}

// TestEvalRomanizedHindi measures DetectLanguage on L3Cube-HingLID, romanized
// Hindi–English tweets tagged word by word. The gold label of a sentence is
// its majority word tag; gold Mixed is a minority share of at least a fifth.
func TestEvalRomanizedHindi(t *testing.T) {
	for _, file := range []string{"validation.txt", "test.txt"} {
		t.Run(file, func(t *testing.T) {
			sents := readHingLID(t, sharedData(t, "langid/l3cube-hinglid/"+file))
			correct, majority, mixedAgree := 0, 0, 0
			for _, s := range sents {
				gold := "en"
				if s.hi > s.en {
					gold = "hi"
				}
				if gold == "hi" {
					majority++
				}
				minority := min(s.hi, s.en)
				goldMixed := minority >= mixedMinWords && float64(minority) >= mixedShare*float64(s.hi+s.en)
				d := DetectLanguage(s.text)
				if d.Lang == gold {
					correct++
				}
				if d.Mixed == goldMixed {
					mixedAgree++
				}
			}
			n := float64(len(sents))
			acc := float64(correct) / n
			base := float64(majority) / n
			t.Logf("%s: %d sentences, language accuracy %.4f (always-hi baseline %.4f), mixed flag agreement %.4f",
				file, len(sents), acc, base, float64(mixedAgree)/n)
			if acc < base+0.03 {
				t.Errorf("%s: accuracy %.4f, want at least the baseline %.4f + 0.03", file, acc, base)
			}
		})
	}
}

// hingSentence is one HingLID sentence with its word tag counts.
type hingSentence struct {
	text   string
	hi, en int
}

// readHingLID reads token<TAB>tag lines, sentences separated by blank lines.
func readHingLID(t *testing.T, path string) []hingSentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var (
		out   []hingSentence
		cur   hingSentence
		words []string
	)
	flush := func() {
		if len(words) > 0 {
			cur.text = strings.Join(words, " ")
			out = append(out, cur)
		}
		cur, words = hingSentence{}, words[:0]
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			flush()
			continue
		}
		word, tag, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		words = append(words, word)
		switch strings.TrimSpace(tag) {
		case "HI":
			cur.hi++
		case "EN":
			cur.en++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	flush()
	if len(out) == 0 {
		t.Fatalf("%s: no sentences", path)
	}
	return out
}
