package translit

import (
	"testing"
	"unicode/utf8"
)

func TestSplitNamePair(t *testing.T) {
	tests := []struct {
		name, latin, deva string
		want              []Pair
	}{
		{"two words", "SUMAN KORA", "सुमन कोड़ा", []Pair{{"suman", "सुमन", 2}, {"kora", "कोड़ा", 2}}},
		{"double space", "GEETA  RAWAT", "गीता  रावत", []Pair{{"geeta", "गीता", 2}, {"rawat", "रावत", 2}}},
		{"honorifics dropped", "LATE BIPIN MAHTO", "स्वर्गीय बिपिन महतो", []Pair{{"bipin", "बिपिन", 2}, {"mahto", "महतो", 2}}},
		{"dr with dot", "Dr. Anil Tudu", "डॉ. अनिल टुडू", []Pair{{"anil", "अनिल", 2}, {"tudu", "टुडू", 2}}},
		{"town", "Amarpur", "अमरपुर", []Pair{{"amarpur", "अमरपुर", 2}}},
		{"counts differ", "MOHD SALIM KHAN", "मोहम्मद सलीम", nil},
		{"initial", "K SURESH", "के सुरेश", nil},
		{"latin in deva side", "RAMU DAS", "रामू DAS", nil},
		{"digits", "WARD 12", "वार्ड १२", nil},
		{"empty", "", "", nil},
		{"only honorific", "LATE", "स्वर्गीय", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := SplitNamePair(tc.latin, tc.deva, 2)
			if len(got) != len(tc.want) {
				t.Fatalf("SplitNamePair(%q, %q) = %v, want %v", tc.latin, tc.deva, got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("pair %d: got %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func FuzzSplitNamePair(f *testing.F) {
	f.Add("SUMAN KORA", "सुमन कोड़ा")
	f.Add("LATE X", "स्वर्गीय \xff")
	f.Add("a b c d e f g h i j", "क ख ग घ")
	f.Fuzz(func(t *testing.T, latin, deva string) {
		for _, p := range SplitNamePair(latin, deva, 1) {
			if p.Latin == "" || p.Deva == "" || !utf8.ValidString(p.Deva) {
				t.Errorf("SplitNamePair(%q, %q) gave %+v", latin, deva, p)
			}
			for i := 0; i < len(p.Latin); i++ {
				if c := p.Latin[i]; c < 'a' || c > 'z' {
					t.Errorf("SplitNamePair(%q, %q): Latin %q is not lowercase letters", latin, deva, p.Latin)
					break
				}
			}
		}
	})
}
