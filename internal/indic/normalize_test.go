package indic

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"devanagari digits", "१८", "18"},
		{"mixed digits", "२०24", "2024"},
		{"bengali digits", "১২", "12"},
		{"half n before d", "हिन्दी", "हिंदी"},
		{"half m before b", "नवम्बर", "नवंबर"},
		{"two clusters", "सम्बन्ध", "संबंध"},
		{"half n before t", "अन्त", "अंत"},
		{"nasal at word end kept", "छन्", "छन्"},
		{"nasal before vowel sign kept", "नमन", "नमन"},
		{"chandrabindu", "अँधेरा", "अंधेरा"},
		{"chandrabindu in suffix", "पहुँचे", "पहुंचे"},
		{"combining nukta za", "ज़िंदगी", "जिंदगी"},
		{"precomposed nukta za", "\u095bिंदगी", "जिंदगी"},
		{"precomposed qa", "\u0958ानून", "कानून"},
		{"flap da folds", "लड़का", "लडका"},
		{"flap dha folds", "पढ़ना", "पढना"},
		{"precomposed nnna", "\u0929", "न"},
		{"zwj removed", "क्\u200dष", "क्ष"},
		{"zwnj removed", "र\u200cह", "रह"},
		{"soft hyphen removed", "news\u00adpaper", "newspaper"},
		{"vowel variant aa", "अाज", "आज"},
		{"vowel variant o", "अॉफिस", "ऑफिस"},
		{"latin lowercased", "Jaishankar MEETS Putin", "jaishankar meets putin"},
		{"latin accents kept and composed", "Cafe\u0301", "café"},
		{"curly apostrophe", "India’s", "india's"},
		{"punctuation kept", "राम, सीता।", "राम, सीता।"},
		{"invalid byte kept", "a\xffB", "a\xffb"},
		{"already normal", "मुलाकात", "मुलाकात"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestNormalizeEquivalences checks the spelling pairs that must match.
func TestNormalizeEquivalences(t *testing.T) {
	pairs := [][2]string{
		{"१८", "18"}, {"नवंबर", "नवम्बर"}, {"हिन्दी", "हिंदी"}, {"ज़", "ज"}, {"अँधेरा", "अंधेरा"},
		{"क़ानून", "कानून"}, {"फ़ैसला", "फैसला"}, {"गंगा", "गङ्गा"}, {"चंचल", "चञ्चल"}, {"कंठ", "कण्ठ"},
		{"संबंध", "सम्बन्ध"}, {"पहुँचे", "पहुंचे"},
	}
	for _, p := range pairs {
		t.Run(p[0]+"="+p[1], func(t *testing.T) {
			a, b := Normalize(p[0]), Normalize(p[1])
			if a != b {
				t.Errorf("Normalize(%q) = %q, Normalize(%q) = %q, want equal", p[0], a, p[1], b)
			}
		})
	}
}

func TestNormalizeDoesNotAllocateWhenUnchanged(t *testing.T) {
	s := "विदेश मंत्री जयशंकर आज मॉस्को पहुंचे"
	allocs := testing.AllocsPerRun(100, func() { _ = Normalize(s) })
	if allocs != 0 {
		t.Errorf("Normalize of normalized text: %v allocations, want 0", allocs)
	}
}

func TestNormalizeIdempotent(t *testing.T) {
	for _, s := range []string{"हिन्दी ज़िंदगी १८ अँधेरा", "Café India’s", "सम्बन्ध\u200d", "अाज"} {
		once := Normalize(s)
		if twice := Normalize(once); twice != once {
			t.Errorf("Normalize(Normalize(%q)) = %q, want %q", s, twice, once)
		}
	}
}
