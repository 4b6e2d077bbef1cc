package analysis

import (
	"slices"
	"strings"
	"testing"
)

func TestCrossKey(t *testing.T) {
	tests := []struct {
		word   string
		key    string
		script KeyScript
	}{
		{"जयशंकर", "JISNKR", KeyDevanagari},
		{"Jaishankar", "JISNKR", KeyLatin},
		{"Jayshankar", "JISNKR", KeyLatin},
		{"JAISHANKAR", "JISNKR", KeyLatin},
		// Nukta, nasal and joiner spellings give one key.
		{"प्याज़", "PIJ", KeyDevanagari},
		{"प्याज", "PIJ", KeyDevanagari},
		{"हिन्दी", "HINDI", KeyDevanagari},
		{"हिंदी", "HINDI", KeyDevanagari},
		{"ज़्\u200cयादा", "JID", KeyDevanagari},
		{"ज्यादा", "JID", KeyDevanagari},
		// No key: numbers, mixes, other scripts, too short.
		{"१२", "", NoKeyScript},
		{"2025", "", NoKeyScript},
		{"covid19", "", NoKeyScript},
		{"ঢাকা", "", NoKeyScript},
		{"a", "", NoKeyScript},
		{"", "", NoKeyScript},
		{"\xff\xfe", "", NoKeyScript},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			k, sc := CrossKey(tt.word)
			if k != tt.key || sc != tt.script {
				t.Errorf("CrossKey(%q) = %q, %d; want %q, %d", tt.word, k, sc, tt.key, tt.script)
			}
		})
	}
}

func TestKeyTerm(t *testing.T) {
	tests := []struct {
		sc   KeyScript
		key  string
		want string
	}{
		{KeyDevanagari, "JISNKR", "d:JISNKR"},
		{KeyLatin, "JISNKR", "l:JISNKR"},
		{NoKeyScript, "JISNKR", ""},
		{KeyLatin, "", ""},
	}
	for _, tt := range tests {
		if got := KeyTerm(tt.sc, tt.key); got != tt.want {
			t.Errorf("KeyTerm(%d, %q) = %q, want %q", tt.sc, tt.key, got, tt.want)
		}
	}
	if KeyLatin.Other() != KeyDevanagari || KeyDevanagari.Other() != KeyLatin || NoKeyScript.Other() != NoKeyScript {
		t.Error("KeyScript.Other does not swap Latin and Devanagari")
	}
}

func TestWordKeys(t *testing.T) {
	tests := []struct {
		word, term string
		want       []string
	}{
		{"जयशंकर", "जयशंकर", []string{"d:JISNKR"}},
		// An inflected word is keyed as written and by its stem.
		{"हजारों", "हजार", []string{"d:HJRON", "d:HJR"}},
		{"Mongols", "mongol", []string{"l:MONGOLS", "l:MONGOL"}},
		{"2025", "2025", nil},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := WordKeys(tt.word, tt.term); !slices.Equal(got, tt.want) {
				t.Errorf("WordKeys(%q, %q) = %q, want %q", tt.word, tt.term, got, tt.want)
			}
		})
	}
}

func TestCrossKeys(t *testing.T) {
	text := "विदेश मंत्री एस. जयशंकर ने Singapore में कहा"
	toks := New().CrossKeys(text, "hi")
	var got []string
	for _, tk := range toks {
		got = append(got, tk.Term+"="+text[tk.Start:tk.End])
	}
	for _, want := range []string{"d:JISNKR=जयशंकर", "l:SINGPUR=Singapore"} {
		if !slices.Contains(got, want) {
			t.Errorf("CrossKeys(%q) = %q, want it to hold %q", text, got, want)
		}
	}
	for _, tk := range toks {
		if text[tk.Start:tk.End] == "ने" || text[tk.Start:tk.End] == "में" {
			t.Errorf("stop word %q has a key %q", text[tk.Start:tk.End], tk.Term)
		}
	}
}

func TestWordKeysCacheAgreesAndStaysBounded(t *testing.T) {
	a := New()
	a.keys = newKeyCache(3)
	words := [][2]string{{"जयशंकर", "जयशंकर"}, {"Jaishankar", "jaishankar"}, {"हजारों", "हजार"}, {"वाराणसी", "वाराणसी"}, {"Modi", "modi"}}
	for round := 0; round < 2; round++ {
		for _, w := range words {
			got, want := a.WordKeys(w[0], w[1]), WordKeys(w[0], w[1])
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("round %d, %q: got %q, want %q", round, w[0], got, want)
			}
			if n := len(a.keys.m); n > 3 {
				t.Fatalf("cache holds %d entries, want at most 3", n)
			}
		}
	}
	var zero Analyzer
	if got, want := zero.WordKeys("पुतिन", "पुतिन"), WordKeys("पुतिन", "पुतिन"); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("zero Analyzer: got %q, want %q", got, want)
	}
}
