package translit

import (
	"bytes"
	"strings"
	"testing"

	"github.com/khabar-news/khabar/internal/shareddata"
)

// Original fixtures written for these tests.
const dakshinaFixture = "namaste\tनमस्ते\t3\nnamastey\tनमस्ते\t1\n\nkitaab\tकिताब\t2\n"

const newsFixture = `<?xml version="1.0" encoding="UTF-8"?>
<TransliterationCorpus CorpusID="fixture">
<Name ID="1"><SourceName>Kavita</SourceName><TargetName ID="1">कविता</TargetName></Name>
<Name ID="2"><SourceName>RAM NAGAR</SourceName><TargetName ID="1">राम नगर</TargetName><TargetName ID="2">रामनगर</TargetName></Name>
</TransliterationCorpus>`

func TestReadDakshina(t *testing.T) {
	pairs, err := ReadDakshina(strings.NewReader(dakshinaFixture))
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 3 {
		t.Fatalf("got %d pairs, want 3", len(pairs))
	}
	if p := pairs[0]; p.Latin != "namaste" || p.Deva != "नमस्ते" || p.Weight != 3 {
		t.Errorf("got %+v, want namaste/नमस्ते/3", p)
	}
	items := DakshinaItems(pairs)
	if len(items) != 3 || items[0].Refs[0] != "नमस्ते" {
		t.Errorf("got %+v, want 3 items", items)
	}
}

func TestReadDakshinaErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"one field", "namaste\n", "line 1: want 2 or 3"},
		{"bad count", "a\tअ\tx\n", "line 1: bad count"},
		{"swapped columns", "नमस्ते\tnamaste\t1\n", "Devanagari in the first column"},
		{"invalid utf8", "a\t\xff\t1\n", "invalid UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadDakshina(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestReadNEWS(t *testing.T) {
	names, err := ReadNEWS(strings.NewReader(newsFixture))
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 2 || names[1].Source != "RAM NAGAR" || len(names[1].Targets) != 2 {
		t.Fatalf("got %+v, want 2 names, the second with 2 targets", names)
	}
	if _, err := ReadNEWS(strings.NewReader("<Name><SourceName>x</Source")); err == nil {
		t.Error("got no error for broken XML")
	}
}

// tinyPairs is an original toy lexicon, enough to train a model in
// milliseconds.
var tinyPairs = []Pair{
	{"kamal", "कमल", 2}, {"kamla", "कमला", 2}, {"mala", "माला", 2}, {"kala", "काला", 2},
	{"lal", "लाल", 2}, {"nal", "नल", 2}, {"nam", "नाम", 2}, {"kam", "काम", 2},
	{"mama", "मामा", 2}, {"nana", "नाना", 2}, {"kaml", "कमल", 2}, {"lalmani", "लालमणि", 2},
}

func TestTrainWriteRead(t *testing.T) {
	opt := DefaultTrainOptions()
	opt.Order, opt.MinCount = 3, 1
	m, err := Train(tinyPairs, opt)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Candidates("kamal", 3); inTop(got, "कमल") == 0 {
		t.Errorf("toy model: Candidates(kamal) = %q, want कमल among them", texts(got))
	}
	m2 := roundTrip(t, m)
	if m.lm == nil || m2.lm == nil || len(m2.lm.grams) != len(m.lm.grams) {
		t.Fatalf("character model lost in the round trip")
	}
	for _, w := range []string{"कमल", "लाला", "xyz"} {
		if a, b := m.lm.logProb(w), m2.lm.logProb(w); a != b || a >= 0 {
			t.Errorf("character model logProb(%q): got %v after the round trip, want %v (< 0)", w, b, a)
		}
	}
	for _, w := range []string{"kamal", "lala", "mana"} {
		a, b := m.Candidates(w, 5), m2.Candidates(w, 5)
		if strings.Join(texts(a), " ") != strings.Join(texts(b), " ") {
			t.Errorf("%s: after a round trip got %q, want %q", w, texts(b), texts(a))
		}
	}
	if _, err := Train(nil, opt); err == nil {
		t.Error("Train(nil) gave no error")
	}
	if _, err := Train(tinyPairs, TrainOptions{}); err == nil {
		t.Error("Train with zero options gave no error")
	}
}

func TestReadModelRejectsGarbage(t *testing.T) {
	opt := DefaultTrainOptions()
	opt.Order, opt.MinCount = 3, 1
	m, err := Train(tinyPairs, opt)
	if err != nil {
		t.Fatal(err)
	}
	good := encodeModel(t, m).Bytes()
	for name, in := range map[string][]byte{
		"not gzip":  []byte("hello"),
		"truncated": good[:len(good)/2],
		"empty":     nil,
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := ReadModel(bytes.NewReader(in)); err == nil {
				t.Error("got no error")
			}
		})
	}
}

// sharedData returns the path of rel under the shared data directory
// (KHABAR_SHARED_DATA, or ../shared/data beside the repository root), or
// skips the test when it is absent.
func sharedData(t testing.TB, rel string) string {
	t.Helper()
	return shareddata.Path(t, rel)
}

// encodeModel returns m as WriteTo writes it.
func encodeModel(t *testing.T, m *Model) *bytes.Buffer {
	t.Helper()
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return &buf
}

// roundTrip writes m and reads it back.
func roundTrip(t *testing.T, m *Model) *Model {
	t.Helper()
	m2, err := ReadModel(encodeModel(t, m))
	if err != nil {
		t.Fatal(err)
	}
	return m2
}
