package translit

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// inTop reports whether want is among cands, and at which rank.
func inTop(cands []Candidate, want string) int {
	for i, c := range cands {
		if c.Text == want {
			return i + 1
		}
	}
	return 0
}

func texts(cands []Candidate) []string {
	var out []string
	for _, c := range cands {
		out = append(out, c.Text)
	}
	return out
}

func TestCandidatesNames(t *testing.T) {
	tests := []struct {
		latin, want string
	}{
		{"Modi", "मोदी"},
		{"Jaishankar", "जयशंकर"},
		{"Putin", "पुतिन"},
		{"Varanasi", "वाराणसी"},
		{"bharat", "भारत"},
		{"dilli", "दिल्ली"},
		{"khabar", "खबर"},
		{"shiksha", "शिक्षा"},
		{"chhatra", "छात्र"},
		{"mantri", "मंत्री"},
		{"sarkar", "सरकार"},
		{"pradhan", "प्रधान"},
		{"ghar", "घर"},
		{"bhasha", "भाषा"},
		{"dhanyavaad", "धन्यवाद"},
		{"kisan", "किसान"},
	}
	for _, tc := range tests {
		t.Run(tc.latin, func(t *testing.T) {
			got := Candidates(tc.latin, 5)
			if inTop(got, tc.want) == 0 {
				t.Errorf("Candidates(%q, 5) = %q, want %q among them", tc.latin, texts(got), tc.want)
			}
		})
	}
}

func TestCandidatesShape(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		wantN    int
		check    func(t *testing.T, got []Candidate)
	}{
		{"n zero", "modi", 0, 0, nil},
		{"empty", "", 5, 0, nil},
		{"no letters", "123 ।", 5, 0, nil},
		{"one", "modi", 1, 1, nil},
		{"n capped", "kamal", 500, -1, func(t *testing.T, got []Candidate) {
			if len(got) > maxCandidates {
				t.Errorf("got %d candidates, want at most %d", len(got), maxCandidates)
			}
		}},
		{"two words keep the space", "Narendra Modi", 3, 3, func(t *testing.T, got []Candidate) {
			if !strings.Contains(got[0].Text, " ") {
				t.Errorf("got %q, want two words", got[0].Text)
			}
		}},
		{"digits kept", "G20", 2, 2, func(t *testing.T, got []Candidate) {
			if !strings.HasSuffix(got[0].Text, "20") {
				t.Errorf("got %q, want it to end in 20", got[0].Text)
			}
		}},
		{"scores best first in (0,1]", "shankar", 5, 5, func(t *testing.T, got []Candidate) {
			for i, c := range got {
				if c.Score <= 0 || c.Score > 1 || (i > 0 && c.Score > got[i-1].Score) {
					t.Errorf("scores %v, want descending in (0,1]", got)
				}
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Candidates(tc.in, tc.n)
			if tc.wantN >= 0 && len(got) != tc.wantN {
				t.Fatalf("Candidates(%q, %d) gave %d: %q, want %d", tc.in, tc.n, len(got), texts(got), tc.wantN)
			}
			if tc.check != nil {
				tc.check(t, got)
			}
		})
	}
}

func TestCandidatesWellFormed(t *testing.T) {
	for _, w := range []string{"aaoo", "ieee", "anand", "ambar", "angrejon", "ias"} {
		for _, c := range Candidates(w, 10) {
			var last rune = utf8.RuneError
			for _, r := range c.Text {
				if !canFollow(last, r) {
					t.Errorf("Candidates(%q) gave %q: %q cannot follow %q", w, c.Text, r, last)
				}
				last = r
			}
		}
	}
}

func TestCandidatesLongInputIsBounded(t *testing.T) {
	long := strings.Repeat("jaishankarmodiputin", 1000)
	start := time.Now()
	got := Candidates(long, 5)
	if len(got) == 0 {
		t.Fatal("no candidates for a long input")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Candidates on %d bytes took %v, want it bounded by MaxInput", len(long), d)
	}
}

func TestRomanize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"जयशंकर", "jayshankar"},
		{"मोदी", "modi"},
		{"पुतिन", "putin"},
		{"नरेंद्र", "narendra"},
		{"सिंह", "singh"},
		{"हिन्दी", "hindi"},
		{"हिंदी", "hindi"},
		{"संभव", "sambhav"},
		{"कमला", "kamla"},
		{"अख़बार", "akhbar"},
		{"बड़ा", "bada"},
		{"क्षेत्र", "kshetra"},
		{"दुःख", "duhkh"},
		{"न", "na"},
		{"भारत २०२५", "bharat 2025"},
		{"मोदी। Putin", "modi. Putin"},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := Romanize(tc.in); got != tc.want {
				t.Errorf("Romanize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestKeyMeets(t *testing.T) {
	same := [][]string{
		{"Jaishankar", "जयशंकर", "jaishankar", "Jayshankar", "JAISHANKAR"},
		{"Modi", "मोदी", "Mody"},
		{"Putin", "पुतिन"},
		{"Varanasi", "वाराणसी", "Vaaraanasi"},
		{"Hindi", "हिंदी", "हिन्दी"},
		{"Sambhav", "Sanbhav", "संभव", "सम्भव"},
		{"Singh", "सिंह"},
		{"Alex", "एलेक्स"},
		{"Akhbar", "अख़बार", "अखबार", "akhabaar"},
		{"Lucknow", "लखनऊ", "Lakhnau"},
		{"dengue", "डेंगू", "dengu"},
		{"Singapore", "सिंगापुर", "Singapur"},
		{"Lasalgaon", "लासलगांव", "Lasalganv"},
		{"Punjab", "पंजाब", "Panjab"},
		{"gaon", "गांव", "गाँव"},
	}
	for _, group := range same {
		t.Run(group[0], func(t *testing.T) {
			want := Key(group[0])
			if want == "" {
				t.Fatalf("Key(%q) is empty", group[0])
			}
			for _, w := range group[1:] {
				if got := Key(w); got != want {
					t.Errorf("Key(%q) = %q, want %q (the key of %q)", w, got, want, group[0])
				}
			}
		})
	}
}

func TestKeyDiffers(t *testing.T) {
	pairs := [][2]string{
		{"Modi", "Putin"},
		{"Jaishankar", "शंकर"},
		{"मोदी", "मदद"},
		{"पुतिन", "पतन"},
		{"Amit", "Mit"},
		{"Kamal", "कोमल"},
		{"Ram", "रोम"},
		{"Lucknow", "लखन"},
		{"गांव", "गन"},
	}
	for _, p := range pairs {
		t.Run(p[0]+"/"+p[1], func(t *testing.T) {
			if a, b := Key(p[0]), Key(p[1]); a == b {
				t.Errorf("Key(%q) = Key(%q) = %q, want different keys", p[0], p[1], a)
			}
		})
	}
}

func TestKeyEmpty(t *testing.T) {
	for _, in := range []string{"", "123", "।", "\xff\xfe"} {
		if got := Key(in); got != "" {
			t.Errorf("Key(%q) = %q, want \"\"", in, got)
		}
	}
}

func TestKeys(t *testing.T) {
	tests := []struct {
		in       string
		contains string // a key that must be among Keys(in)
	}{
		{"जयशंकर", Key("Jaishankar")},
		{"Jaishankar", Key("जयशंकर")},
		{"Putin", Key("पुतिन")},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := Keys(tc.in)
			if !contains(got, tc.contains) {
				t.Errorf("Keys(%q) = %q, want it to contain %q", tc.in, got, tc.contains)
			}
			if got[0] != Key(tc.in) {
				t.Errorf("Keys(%q)[0] = %q, want Key = %q", tc.in, got[0], Key(tc.in))
			}
		})
	}
	if got := Keys("42"); got != nil {
		t.Errorf("Keys(%q) = %q, want nil", "42", got)
	}
}

// TestCandidatesGolden pins the top candidates of a fixed word list, so a
// change of tables or decoder shows up in review. Update with -update.
func TestCandidatesGolden(t *testing.T) {
	words := []string{"modi", "jaishankar", "putin", "varanasi", "rahul", "kejriwal",
		"mumbai", "kolkata", "chunav", "loksabha", "bijli", "paani", "cricket", "computer"}
	var b strings.Builder
	for _, w := range words {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", w, strings.Join(texts(Candidates(w, 3)), " "), Key(w))
	}
	path := filepath.Join("testdata", "candidates.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("candidates changed (go test -update if intended):\ngot:\n%s\nwant:\n%s", got, want)
	}
}
